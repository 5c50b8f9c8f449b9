"""Protobuf wire encoding of one ``Event`` holding one tensor summary.

Building ``Event(summary=Summary(value=[Value(tensor=TensorProto(...))]))``
with the protobuf library copies a 1 MB ``tensor_content`` several times
(into the TensorProto, then once per enclosing message when serialising).
Here the small outer fields are encoded by hand and the tensor's buffer is
returned as a separate chunk, so the record layer checksums and writes it in
place. The bytes are identical to what protobuf serialises (tests prove it).

Field numbers (tensorboard/compat/proto):
  Event: wall_time=1 (double), step=2 (int64), file_version=3, summary=5
  Summary: value=1;  Summary.Value: tag=1, tensor=8, metadata=9
  TensorProto: dtype=1, tensor_shape=2, tensor_content=4, string_val=8
  TensorShapeProto: dim=2;  Dim: size=1

Example:
    >>> chunks = encode_file_version(0.0)
    >>> from tensorboard.compat.proto import event_pb2
    >>> event_pb2.Event.FromString(b"".join(chunks)).file_version
    'brain.Event:2'
"""

from __future__ import annotations

import functools
import struct
from typing import List, Optional, Sequence, Tuple

import numpy as np

from tbviz_plugin.writer import record
from tbviz_plugin.writer.record import Buffer, Checksummed

DT_FLOAT = 1
DT_STRING = 7
FILE_VERSION = b"brain.Event:2"


def varint(value: int) -> bytes:
    """Base-128 varint; negative int64 values take ten bytes, as protobuf does."""
    if 0 <= value < 0x80:  # one byte: most steps, field keys and lengths
        return bytes((value,))
    if value < 0:
        value += 1 << 64
    out = bytearray()
    while True:
        bits = value & 0x7F
        value >>= 7
        if value:
            out.append(bits | 0x80)
        else:
            out.append(bits)
            return bytes(out)


def _key(field: int, wire_type: int) -> bytes:
    return varint((field << 3) | wire_type)


def _length_delimited(field: int, payload_length: int) -> bytes:
    return _key(field, 2) + varint(payload_length)


def _bytes_field(field: int, payload: bytes) -> bytes:
    return _length_delimited(field, len(payload)) + payload


_WALL_TIME_KEY = _key(1, 1)
_STEP_KEY = _key(2, 0)
_pack_double = struct.Struct("<d").pack


def _event_head(wall_time: float, step: int) -> bytes:
    head = _WALL_TIME_KEY + _pack_double(wall_time)
    if step:
        head += _STEP_KEY + varint(step)
    return head


def encode_file_version(wall_time: float) -> List[Buffer]:
    """The first event of every file: ``Event(file_version="brain.Event:2")``."""
    return [_key(1, 1) + struct.pack("<d", wall_time) + _bytes_field(3, FILE_VERSION)]


def _shape(shape: Sequence[int]) -> bytes:
    dims = b"".join(_bytes_field(2, _key(1, 0) + varint(n) if n else b"") for n in shape)
    return _bytes_field(2, dims) if shape else _length_delimited(2, 0)


def encode_tensor_event(
    wall_time: float,
    step: int,
    tag: str,
    array: np.ndarray,
    metadata: bytes = b"",
    tensor_crc: Optional[int] = None,
) -> List[Buffer]:
    """One ``Event`` with one tensor ``Summary.Value``, as a list of buffers.

    Args:
      array: float32 (sent as ``tensor_content``, little-endian, C order) or
        an object array of ``bytes`` (sent as ``string_val``).
      metadata: a serialised ``SummaryMetadata``, or ``b""`` to omit it
        (TensorBoard keeps the first metadata it sees for a tag).
      tensor_crc: the CRC32C of a float32 ``array``'s bytes when already
        known; the record layer then does not read them again.
    """
    if array.dtype != object:
        if array.size:
            # The common case: everything but the event head and the metadata
            # depends only on (tag, shape), so it is encoded once per tag.
            frame = _float_value_frame(tag, array.shape, len(metadata))
            head = _event_head(wall_time, step) + frame
            tensor: Buffer = tensor_content(array)
            if tensor_crc is not None:
                tensor = Checksummed(tensor, tensor_crc)
            return [head, tensor, _bytes_field(9, metadata)] if metadata else [head, tensor]
        return _encode_value(wall_time, step, tag, DT_FLOAT, array.shape, [], 0, metadata)
    body = b"".join(_bytes_field(8, bytes(s)) for s in array.ravel())
    content: List[Buffer] = [body] if body else []
    return _encode_value(wall_time, step, tag, DT_STRING, array.shape, content, 0, metadata)


def tensor_content(array: np.ndarray) -> memoryview:
    """The bytes a float32 tensor is sent as: little-endian, C order (a view
    of ``array`` where it is already so, as a summary's tensor is)."""
    return memoryview(np.ascontiguousarray(array, dtype="<f4")).cast("B")


def tensor_crc(array: np.ndarray) -> Optional[int]:
    """The CRC32C of ``tensor_content(array)``: ``encode_tensor_event``'s
    ``tensor_crc``; None for arrays not sent as ``tensor_content`` (strings, empty)."""
    if array.dtype == object or not array.size:
        return None
    return record.crc32c(tensor_content(array))


@functools.lru_cache(maxsize=1024)
def _float_value_frame(tag: str, shape: Tuple[int, ...], metadata_len: int) -> bytes:
    """The bytes between the event head and a float32 tensor's content."""
    content_len = 4 * int(np.prod(shape))
    placeholder = [b"\0" * content_len]  # only its length is used
    head = _encode_value(
        0.0, 0, tag, DT_FLOAT, shape, placeholder, content_len, b"\0" * metadata_len
    )[0]
    return head[len(_event_head(0.0, 0)) :]


def _encode_value(
    wall_time: float,
    step: int,
    tag: str,
    dtype: int,
    shape: Sequence[int],
    content: List[Buffer],
    content_len: int,
    metadata: bytes,
) -> List[Buffer]:
    tensor_head = _key(1, 0) + varint(dtype) + _shape(shape)
    if dtype == DT_FLOAT and content:
        tensor_head += _length_delimited(4, content_len)
    tensor_len = len(tensor_head) + sum(len(c) for c in content)
    # Field order as protobuf serialises it: tag (1), tensor (8), metadata (9).
    value_head = _bytes_field(1, tag.encode("utf-8")) + _length_delimited(8, tensor_len)
    value_tail = _bytes_field(9, metadata) if metadata else b""
    value_len = len(value_head) + tensor_len + len(value_tail)
    summary_head = _length_delimited(1, value_len)
    summary_len = len(summary_head) + value_len
    head = (
        _event_head(wall_time, step)
        + _length_delimited(5, summary_len)
        + summary_head
        + value_head
        + tensor_head
    )
    return [head, *content, value_tail] if value_tail else [head, *content]
