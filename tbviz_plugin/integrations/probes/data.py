"""Probe data: how many samples a probe input has, slices of it, its inputs by name, and
the cap on its size (``MAX_PROBE_SAMPLES``), for every framework's probe.

A probe input is an array, or a list, tuple or dict of arrays for a model with
several inputs; these functions treat the two alike.

Example:
    >>> x = {"ids": np.zeros((10, 4)), "mask": np.ones((10, 4))}
    >>> num_samples(x), describe(take(x, 0, 2))
    (10, "{'ids': [2, 4] float64, 'mask': [2, 4] float64}")
"""

from __future__ import annotations

from typing import Any, Callable, List, Tuple

import numpy as np

from tbviz_plugin.integrations import common

# Probe samples used for predictions, confusion and importance; more are cut, with a warning.
MAX_PROBE_SAMPLES = 4096
# Samples per forward and backward pass of the prediction probe.
PROBE_BATCH = 256


def num_samples(x: Any) -> int:
    """Samples in a probe input: the first dimension of an array, or of the first
    array in a list, tuple or dict of inputs (a multi-input model)."""
    if isinstance(x, dict):
        x = next(iter(x.values()), None)
    elif isinstance(x, (list, tuple)):
        x = x[0] if x else None
    shape = getattr(x, "shape", None)
    if shape is None:
        shape = np.shape(x)
    if not shape:
        raise ValueError(f"probe_data x must have a sample dimension, got shape {tuple(shape)}")
    return int(shape[0])


def take(x: Any, start: int, stop: int) -> Any:
    """Samples ``start:stop`` of an array, or of each array of a list, tuple or dict."""
    if x is None:
        return None
    if isinstance(x, dict):
        return {k: take(v, start, stop) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return type(x)(take(v, start, stop) for v in x)
    return x[start:stop]


def inputs_of(x: Any) -> List[Tuple[str, Any]]:
    """``(name, array)`` of each input: ``[("", x)]`` for one array, the keys of a
    dict, the positions (``"0"``, ``"1"``) of a list or tuple."""
    if isinstance(x, dict):
        return [(str(k), v) for k, v in x.items()]
    if isinstance(x, (list, tuple)):
        return [(str(i), v) for i, v in enumerate(x)]
    return [("", x)]


def map_inputs(fn: Callable[[Any], Any], x: Any) -> Any:
    """``x`` with ``fn`` applied to each input array, nested alike."""
    if isinstance(x, dict):
        return {k: fn(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return type(x)(fn(v) for v in x)
    return fn(x)


def cap_probe(probe_data: Tuple[Any, Any], who: str) -> Tuple[Any, Any]:
    """``probe_data`` cut to ``MAX_PROBE_SAMPLES``, with a warning that says so."""
    x, y = probe_data
    n = num_samples(x)
    if n <= MAX_PROBE_SAMPLES:
        return x, y
    common.logger.warning(
        "%s: probe_data has %d samples; the first %d are used for predictions, the "
        "confusion matrix and importance (run over the probe in batches of %d at each "
        "logged step)",
        who,
        n,
        MAX_PROBE_SAMPLES,
        PROBE_BATCH,
    )
    return take(x, 0, MAX_PROBE_SAMPLES), take(y, 0, MAX_PROBE_SAMPLES)


def describe(x: Any) -> str:
    """``[64, 10] float32`` for an array; each input of a list or dict described."""
    if isinstance(x, dict):
        return "{" + ", ".join(f"{k!r}: {describe(v)}" for k, v in x.items()) + "}"
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(describe(v) for v in x) + "]"
    if isinstance(x, str):
        return x
    shape = getattr(x, "shape", None)
    dtype = getattr(x, "dtype", None)
    if shape is None:
        return type(x).__name__
    return f"{list(int(n) if n is not None else None for n in shape)} {str(dtype).split('.')[-1]}"
