"""TFRecord framing: the bytes layer, which knows nothing of summaries.

A record is ``uint64 length | uint32 masked_crc32c(length) | data |
uint32 masked_crc32c(data)``, all little-endian. ``data`` may be given as
several buffers (a small header and a large tensor) so that a 1 MB tensor is
checksummed and written without being copied into one bytes object.

Example:
    >>> import io
    >>> f = io.BytesIO(); write_record(f, [b"hello"]); len(f.getvalue())
    21
"""

from __future__ import annotations

import struct
from typing import BinaryIO, Sequence, Union

import crc32c as _crc32c

Buffer = Union[bytes, bytearray, memoryview]

_MASK_DELTA = 0xA282EAD8


def masked_crc32c(data: Buffer, crc: int = 0) -> int:
    """The CRC32C of ``data`` (continuing ``crc``), masked as TFRecord wants."""
    value = _crc32c.crc32c(data, crc)
    return (((value >> 15) | (value << 17)) + _MASK_DELTA) & 0xFFFFFFFF


def _mask(value: int) -> int:
    return (((value >> 15) | (value << 17)) + _MASK_DELTA) & 0xFFFFFFFF


def frame(chunks: Sequence[Buffer]) -> list:
    """The list of buffers that make one record around ``chunks``."""
    length = sum(len(c) for c in chunks)
    header = struct.pack("<Q", length)
    crc = 0
    for chunk in chunks:
        crc = _crc32c.crc32c(chunk, crc)
    return [header + struct.pack("<I", _mask(_crc32c.crc32c(header))), *chunks,
            struct.pack("<I", _mask(crc))]


def write_record(stream: BinaryIO, chunks: Sequence[Buffer]) -> int:
    """Writes one record made of ``chunks``; returns the bytes written."""
    parts = frame(chunks)
    for part in parts:
        stream.write(part)
    return sum(len(p) for p in parts)
