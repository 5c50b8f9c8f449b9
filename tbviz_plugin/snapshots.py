"""Recycled buffers for the caller's snapshot of an array.

A writer copies each array on the caller's thread (training may change it in
place right after) and encodes the copy on its own thread. A fresh 1 MB numpy
array is a fresh ``mmap`` or a heap that glibc has just trimmed: its pages
fault in while the copy writes them, which makes some copies far slower than
the rest. A buffer the writer hands back once its record is written is already
in memory: the copy only copies.

The pool holds at most ``MAX_FREE_PER_SHAPE`` free buffers per (shape, dtype)
and ``MAX_FREE_BYTES`` in all; beyond that a returned buffer is dropped for
the garbage collector. The per-shape bound is above the number of copies a
burst keeps alive at once (the writer's 8 MiB queue, the one being written, the
one being made), so a burst reuses buffers instead of making fresh ones
(docs/benchmarks.md, writer throughput). Buffers taken and never given back
(a summary built for another writer) are ordinary arrays.

Example:
    >>> import numpy as np
    >>> a = np.arange(6, dtype=np.float32).reshape(2, 3)
    >>> copy = copy_of(a)
    >>> bool((copy == a).all()), copy is a
    (True, False)
    >>> give_back(copy)  # once nothing reads it any more
"""

from __future__ import annotations

import collections
import math
import threading
from typing import Deque, Dict, Tuple

import numpy as np

MAX_FREE_PER_SHAPE = 16
MAX_FREE_BYTES = 32 << 20

_Key = Tuple[Tuple[int, ...], np.dtype]
# Free buffers per (shape, dtype). The caller's thread only pops (atomic on a
# deque, no lock: this is on the training loop's path); the writer's thread
# appends under the lock, which also guards the byte count.
_free: Dict[_Key, Deque[np.ndarray]] = {}
_lock = threading.Lock()
# An upper bound of free_bytes(): give_back adds, the caller's pops do not
# subtract (they take no lock). The exact sum over every shape is taken only
# when this bound would pass MAX_FREE_BYTES, not on every give-back.
_bytes_bound = 0


def copy_of(array: np.ndarray) -> np.ndarray:
    """A C-ordered copy of ``array`` in a recycled buffer when one is free."""
    free = _free.get((array.shape, array.dtype))
    if free:
        try:
            buffer = free.pop()
        except IndexError:  # taken meanwhile by another thread
            return array.copy()
        np.copyto(buffer, array)
        return buffer
    return array.copy()


def give_back(buffer: np.ndarray) -> None:
    """Returns a buffer from ``copy_of`` once nothing reads it any more."""
    global _bytes_bound
    if not buffer.flags.c_contiguous or not buffer.flags.owndata or not buffer.flags.writeable:
        return  # not one of ours
    key = (buffer.shape, buffer.dtype)
    with _lock:
        free = _free.setdefault(key, collections.deque())
        if len(free) >= MAX_FREE_PER_SHAPE:
            return
        if _bytes_bound + buffer.nbytes > MAX_FREE_BYTES:
            _bytes_bound = free_bytes()
            if _bytes_bound + buffer.nbytes > MAX_FREE_BYTES:
                return
        free.append(buffer)
        _bytes_bound += buffer.nbytes


def free_bytes() -> int:
    """Bytes held by free buffers."""
    return sum(
        len(free) * math.prod(shape) * dtype.itemsize
        for (shape, dtype), free in list(_free.items())
    )


def clear() -> None:
    """Drops every free buffer."""
    global _bytes_bound
    with _lock:
        _free.clear()
        _bytes_bound = 0
