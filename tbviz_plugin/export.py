"""Exporting tbviz tensors as CSV, NPY or PNG (used by ``tbviz export``).

Example:
    >>> import numpy as np, io
    >>> buf = io.StringIO(); write_csv(buf, np.eye(2)); buf.getvalue().splitlines()[0]
    '1.0,0.0'
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional

from tbviz_plugin import kinds, metadata
from tbviz_plugin import logdir as logdir_data
from tbviz_plugin.figure import tile_channels  # noqa: F401 (callers' API)
from tbviz_plugin.kinds.base import write_csv  # noqa: F401 (callers' API)

FORMATS = ("csv", "npy", "png")
# An error about a missing step or tag lists at most this many of those that exist.
_LISTED_STEPS = 12
_LISTED_TAGS = 60


def export(
    logdir: str,
    run: str,
    tag: str,
    fmt: str,
    out: str,
    step: Optional[int] = None,
    stat: Optional[str] = None,
) -> Dict[str, Any]:
    """Writes one tag's data to ``out`` and returns what was written.

    Weight surfaces, activation maps, confusion matrices and feature importance
    export one step (default: the last). Gradient flow exports the whole run
    (CSV rows ``step, layer, stats...``, NPY ``[steps, layers, stats]``, PNG
    layers x steps of ``stat``, default ``mean_abs``, log scale) or, with
    ``step``, that step's rows (CSV, NPY ``[layers, stats]``).

    Raises ``KeyError`` or ``ValueError`` naming the problem and what exists
    (the runs, the tags of the run, the steps of the tag).

    Example:
        >>> export("demo_logs", "torch_healthy", "model/gradient_flow", "csv",
        ...        "flow.csv")  # doctest: +SKIP
        {'kind': 'gradient_flow', 'shape': [15, 3, 9], 'steps': 15, 'out': 'flow.csv'}
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    _check_out(out)
    data = logdir_data.LogdirData(logdir)
    content = _content(data.tags(), logdir, run, tag)
    name = content["kind"]
    if name == "error":
        raise ValueError(f"tag {tag!r} of run {run!r} cannot be read: {content['error']}")
    kind = kinds.get(name)
    if kind.export is None:
        raise ValueError(
            f"tag {tag!r} is a {name} tag: {name} tags hold records, not arrays; "
            f"use `tbviz inspect --json`"
        )
    if stat is not None and not kind.export_stat:
        takers = " and ".join(k.name for k in kinds.ALL if k.export_stat)
        raise ValueError(f"--stat is for {takers} tags; tag {tag!r} is a {name} tag")
    steps = data.steps(run, tag)
    for s in steps:  # never a wrong file from a tensor that contradicts its metadata
        try:
            metadata.check_tensor(content, s.array)
        except ValueError as e:
            raise ValueError(f"run {run!r} tag {tag!r} step {s.step}: {e}") from None
    if step is not None:
        steps = [_one_step(steps, step, run, tag)]
    return kind.export(steps, content, fmt, out, step=step, stat=stat, title=f"{run}  {tag}")


def _check_out(out: str) -> None:
    """A ``ValueError`` when ``out``'s directory is missing or ``out`` is a directory."""
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise ValueError(f"cannot write {out}: no such directory {folder}; create it first")
    if os.path.isdir(out):
        raise ValueError(f"cannot write {out}: it is a directory; give a file name")


def _content(
    tags: Dict[str, Dict[str, Dict[str, Any]]], logdir: str, run: str, tag: str
) -> Dict[str, Any]:
    """The content of ``tag`` in ``run``; else a ``KeyError`` listing what exists."""
    if not tags:
        raise KeyError(
            f"no tbviz data under {logdir}; `tbviz inspect {logdir}` shows what is there"
        )
    if run not in tags:
        raise KeyError(f"no run {run!r} with tbviz data under {logdir}; runs: {', '.join(tags)}")
    known = list(tags[run])
    if tag in known:
        return tags[run][tag]
    # A tag named after another model (model/gradient_flow for sequential/gradient_flow).
    last = tag.rsplit("/", 1)[-1]
    alike = [t for t in known if t.rsplit("/", 1)[-1] == last]
    listed = known[:_LISTED_TAGS]
    more = f" and {len(known) - len(listed)} more" if len(known) > len(listed) else ""
    guess = f"did you mean {' or '.join(map(repr, alike))}? " if alike else ""
    raise KeyError(
        f"run {run!r} has no tbviz tag {tag!r}; {guess}its tags: {', '.join(listed)}{more}"
    )


def _one_step(steps: List[logdir_data.Step], step: int, run: str, tag: str) -> logdir_data.Step:
    for s in steps:
        if s.step == step:
            return s
    numbers = [str(s.step) for s in steps]
    if len(numbers) > _LISTED_STEPS:
        half = _LISTED_STEPS // 2
        numbers = numbers[:half] + ["..."] + numbers[-half:]
    raise KeyError(
        f"tag {tag!r} of run {run!r} has no step {step}; its {len(steps)} steps: "
        f"{', '.join(numbers)}"
    )
