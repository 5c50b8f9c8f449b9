"""Reading tbviz data from a logdir without a TensorBoard server (for the CLI).

Uses TensorBoard's own Python loader (``EventMultiplexer``), keeping every
step, so a torn or corrupt tail is handled exactly as TensorBoard does.

Example:
    >>> data = LogdirData("demo_logs")                      # doctest: +SKIP
    >>> data.tags()["keras_healthy"]["model/gradient_flow"]["kind"]  # doctest: +SKIP
    'gradient_flow'
"""

from __future__ import annotations

import dataclasses
from typing import Any, Dict, List, Tuple

import numpy as np

from tbviz_plugin import metadata


@dataclasses.dataclass(frozen=True)
class Step:
    step: int
    wall_time: float
    array: np.ndarray


class LogdirData:
    """Every tbviz tag of every run below ``logdir``, all steps kept."""

    def __init__(self, logdir: str) -> None:
        from tensorboard.backend.event_processing import plugin_event_multiplexer

        self._mux = plugin_event_multiplexer.EventMultiplexer(
            tensor_size_guidance={metadata.PLUGIN_NAME: 0, "scalars": 0}
        )
        self._mux.AddRunsFromDirectory(str(logdir))
        self._mux.Reload()

    def tags(self) -> Dict[str, Dict[str, Dict[str, Any]]]:
        """``{run: {tag: content}}``; unreadable metadata gives ``{"kind": "error", ...}``."""
        out: Dict[str, Dict[str, Dict[str, Any]]] = {}
        for run, tags in sorted(self._mux.PluginRunToTagToContent(metadata.PLUGIN_NAME).items()):
            out[run] = {}
            for tag, content in sorted(tags.items()):
                try:
                    out[run][tag] = metadata.parse_plugin_metadata(content)
                except ValueError as e:
                    out[run][tag] = {"kind": "error", "error": str(e)}
        return out

    def steps(self, run: str, tag: str) -> List[Step]:
        """All steps of one tag, ascending. Raises ``KeyError`` naming what is missing."""
        from tensorboard.util import tensor_util

        if tag not in self.tags().get(run, {}):
            raise KeyError(f"no tbviz tag {tag!r} in run {run!r}")
        events = self._mux.Tensors(run, tag)
        return sorted(
            (Step(e.step, e.wall_time, tensor_util.make_ndarray(e.tensor_proto)) for e in events),
            key=lambda s: s.step,
        )

    def scalars(self, run: str) -> Dict[str, Tuple[List[int], List[float]]]:
        """``{tag: (steps, values)}`` of the run's standard scalars, all steps, ascending."""
        from tensorboard.util import tensor_util

        out: Dict[str, Tuple[List[int], List[float]]] = {}
        tags = self._mux.PluginRunToTagToContent("scalars").get(run, {})
        for tag in sorted(tags):
            events = sorted(self._mux.Tensors(run, tag), key=lambda e: e.step)
            values = [float(tensor_util.make_ndarray(e.tensor_proto)) for e in events]
            out[tag] = ([e.step for e in events], values)
        return out
