"""TFRecord framing: the bytes layer, which knows nothing of summaries.

A record is ``uint64 length | uint32 masked_crc32c(length) | data |
uint32 masked_crc32c(data)``, all little-endian. ``data`` may be given as
several buffers (a small header and a large tensor) so that a 1 MB tensor is
checksummed and written without being copied into one bytes object.

Example:
    >>> import io
    >>> f = io.BytesIO(); n = RecordFile(f, buffer_size=0).write([b"hello"]); len(f.getvalue())
    21
"""

from __future__ import annotations

import functools
import io
import os
import struct
from typing import BinaryIO, List, Sequence, Union

import crc32c as _crc32c


class Checksummed:
    """A chunk whose CRC32C is already known (taken where the bytes were hot).

    ``crc`` is ``crc32c(data)`` from 0, unmasked. A record made of chunks
    joins such a CRC to the others' by the CRC's linearity
    (``crc32c_combine``) instead of reading the bytes again.

    Example:
        >>> chunks = [b"say ", Checksummed(b"hi", crc32c(b"hi"))]
        >>> f, g = io.BytesIO(), io.BytesIO()
        >>> _ = RecordFile(f, buffer_size=0).write(chunks)
        >>> _ = RecordFile(g, buffer_size=0).write([b"say hi"])
        >>> f.getvalue() == g.getvalue()
        True
    """

    __slots__ = ("data", "crc")

    def __init__(self, data: Union[bytes, bytearray, memoryview], crc: int) -> None:
        self.data = data
        self.crc = crc


Buffer = Union[bytes, bytearray, memoryview, Checksummed]

_MASK_DELTA = 0xA282EAD8
_POLY = 0x82F63B78  # CRC32C (Castagnoli), bit-reflected


def _multiply_mod_poly(a: int, b: int) -> int:
    """``a * b`` modulo the CRC polynomial, both bit-reflected (zlib's ``multmodp``)."""
    m, product = 1 << 31, 0
    while True:
        if a & m:
            product ^= b
            if not a & (m - 1):
                return product
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1


def _powers_of_x() -> List[int]:
    """``x^(2^k)`` modulo the polynomial, for k in 0..31."""
    p = 1 << 30  # x^1
    table = [p]
    for _ in range(31):
        p = _multiply_mod_poly(p, p)
        table.append(p)
    return table


_X_2_POW = _powers_of_x()


@functools.lru_cache(maxsize=256)
def _x_pow_8n(n: int) -> int:
    """``x^(8n)`` modulo the polynomial: the shift of a CRC over ``n`` bytes.
    One per distinct chunk length (a layer's tensor size), so cached."""
    p, k = 1 << 31, 3  # x^0; 8n = n * 2^3
    while n:
        if n & 1:
            p = _multiply_mod_poly(_X_2_POW[k & 31], p)
        n >>= 1
        k += 1
    return p


def crc32c_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC32C of ``a + b`` from ``crc1 = crc32c(a)``, ``crc2 = crc32c(b)`` and
    ``len2 = len(b)`` (zlib's ``crc32_combine``, for the Castagnoli polynomial).

    Example:
        >>> ab, cd = crc32c(b"ab"), crc32c(b"cd")
        >>> crc32c_combine(ab, cd, 2) == crc32c(b"abcd")
        True
    """
    return _multiply_mod_poly(_x_pow_8n(len2), crc1) ^ crc2


def crc32c(data: Buffer, crc: int = 0) -> int:
    """The CRC32C of ``data`` (continuing ``crc``), unmasked; releases the GIL
    for large buffers."""
    return _crc32c.crc32c(data, crc)


def masked_crc32c(data: Buffer, crc: int = 0) -> int:
    """The CRC32C of ``data`` (continuing ``crc``), masked as TFRecord wants."""
    return _mask(crc32c(data, crc))


def _mask(value: int) -> int:
    return (((value >> 15) | (value << 17)) + _MASK_DELTA) & 0xFFFFFFFF


def _nbytes(chunk: Buffer) -> int:
    """Bytes in ``chunk`` (a memoryview's ``len`` counts items of its format)."""
    if type(chunk) is Checksummed:
        chunk = chunk.data
    return chunk.nbytes if type(chunk) is memoryview else len(chunk)


def _crc_of(chunk: Buffer, crc: int, nbytes: int) -> int:
    """``crc`` continued over ``chunk`` (of ``nbytes`` bytes)."""
    if type(chunk) is Checksummed:
        return crc32c_combine(crc, chunk.crc, nbytes)
    return crc32c(chunk, crc)


_pack_u64 = struct.Struct("<Q").pack
_pack_u32 = struct.Struct("<I").pack


class RecordFile:
    """Writes records into a binary stream with no copy of large chunks.

    Small parts (headers, CRCs, scalars, metadata) are gathered in one
    buffer; a large chunk (a tensor's bytes) goes to the kernel straight from
    the caller's memory, together with the gathered bytes before it, in one
    ``os.writev`` call. (``open(..., buffering=N)`` would instead memcpy every
    chunk no larger than N into its buffer first, and issue one extra system
    call per record.) Streams without a file descriptor (fsspec files) get
    plain ``write`` calls; they buffer by themselves.

    Args:
      stream: an unbuffered local file (``open(path, "wb", buffering=0)``) or
        any writable binary stream.
      buffer_size: gathered small bytes are written out beyond this size.

    Example:
        >>> f = RecordFile(io.BytesIO()); f.write([b"hello"]); f.flush()
        21
    """

    LARGE = 1 << 16  # chunks at least this big are never copied

    def __init__(self, stream: BinaryIO, buffer_size: int = 1 << 20) -> None:
        self.stream = stream
        self._buffer_size = buffer_size
        self._pending = bytearray()
        self._fd = stream.fileno() if isinstance(stream, io.FileIO) else None

    def write(self, chunks: Sequence[Buffer]) -> int:
        """Writes one record made of ``chunks``; returns its length in bytes."""
        length = crc = 0
        for chunk in chunks:
            n = _nbytes(chunk)
            length += n
            crc = _crc_of(chunk, crc, n)
        header = _pack_u64(length)
        pending = self._pending
        pending += header
        pending += _pack_u32(_mask(_crc32c.crc32c(header)))
        for chunk in chunks:
            if type(chunk) is Checksummed:
                chunk = chunk.data
            if len(chunk) >= self.LARGE:
                self._write_out([pending, chunk] if pending else [chunk])
                del pending[:]
            else:
                pending += chunk
        pending += _pack_u32(_mask(crc))
        if len(pending) >= self._buffer_size:
            self._write_out([pending])
            del pending[:]
        return length + 16

    def flush(self) -> None:
        """Hands every gathered byte to the stream and flushes it."""
        if self._pending:
            self._write_out([self._pending])
            del self._pending[:]
        self.stream.flush()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.stream.close()

    def _write_out(self, buffers: List[Buffer]) -> None:
        if self._fd is None:
            for b in buffers:
                self.stream.write(b)
            return
        views = [memoryview(b).cast("B") for b in buffers]
        while views:
            written = os.writev(self._fd, views)  # may be partial: go on from there
            while views and written >= len(views[0]):
                written -= len(views.pop(0))
            if views and written:
                views[0] = views[0][written:]
