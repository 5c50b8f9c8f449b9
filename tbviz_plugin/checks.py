"""Argument checks shared by every layer: each raises a ``TypeError`` or
``ValueError`` that names the argument, so a mistake surfaces at the call that
made it.

Example:
    >>> check_positive_int(32, "max_queue")
    32
"""

from __future__ import annotations

import numbers
from typing import Any, Sequence

_MAX_TAG_LENGTH = 4096


def check_tag(tag: Any) -> str:
    """A non-empty ``str`` tag without NUL characters, at most 4,096 long.

    Example:
        >>> check_tag("dense/kernel")
        'dense/kernel'
    """
    if not isinstance(tag, str):
        raise TypeError(f"tag must be a str, got {type(tag).__name__}")
    if not tag or not tag.strip():
        raise ValueError("tag must be a non-empty string")
    if "\x00" in tag:
        raise ValueError(f"tag must not contain NUL characters: {tag!r}")
    if len(tag) > _MAX_TAG_LENGTH:
        raise ValueError(f"tag is {len(tag)} characters long; the limit is {_MAX_TAG_LENGTH}")
    return tag


def check_step(step: Any) -> int:
    """A non-negative integer (Python or numpy int; not bool, not float).

    Example:
        >>> check_step(3)
        3
    """
    if isinstance(step, bool) or not isinstance(step, numbers.Integral):
        raise TypeError(f"step must be an integer, got {type(step).__name__} {step!r}")
    step = int(step)
    if step < 0 or step >= 2**63:
        raise ValueError(f"step must be in [0, 2**63), got {step}")
    return step


def check_choice(value: Any, name: str, choices: Sequence[str]) -> str:
    """``value`` when it is one of ``choices``; a ``ValueError`` naming ``name`` otherwise.

    Example:
        >>> check_choice("grad", "quantity", ("weight", "grad"))
        'grad'
    """
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")
    return value


def check_count(value: Any, name: str) -> int:
    """An integer >= 0 (not bool); a ``TypeError``/``ValueError`` naming ``name`` otherwise.

    Example:
        >>> check_count(0, "params")
        0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return int(value)


def check_positive_int(value: Any, name: str) -> int:
    """``value`` when it is a Python ``int`` >= 1 (not bool); a ``ValueError`` naming
    ``name`` otherwise. The one check of counts and sizes a writer is configured with.

    Example:
        >>> check_positive_int(32, "max_queue")
        32
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value
