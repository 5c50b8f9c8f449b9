"""The summary methods every tbviz sink offers (``Writer``, attached writers).

A sink implements ``_emit(prepared, step, wall_time)``; these methods validate
arguments on the caller's thread and hand over a ``summary.Prepared``.
"""

from __future__ import annotations

import abc
import time
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from tbviz_plugin import metadata, summary


class SummaryMethods(abc.ABC):
    """Mixin: ``weight_surface``, ``activation_map``, ``gradient_flow``, ``health``,
    ``layer_table``, ``confusion_matrix``, ``feature_importance``, ``image``, ``scalar``."""

    # Bytes a record adds beside its array (framing, tag, step, metadata on first use).
    RECORD_OVERHEAD = 64

    def __init__(self) -> None:
        self._flow_layers: Dict[str, List[str]] = {}
        self._class_names: Dict[str, List[str]] = {}
        # Each tag's first metadata: TensorBoard keeps only that one, so a call
        # whose metadata differs is refused here, at the call that made it.
        self._first_metadata: Dict[str, bytes] = {}
        self._bytes_sent = 0

    @abc.abstractmethod
    def _emit(self, prepared: summary.Prepared, step: int, wall_time: float) -> None:
        """Delivers one validated summary to the sink."""

    def _send(self, prepared: summary.Prepared, step: Any, wall_time: Optional[float]) -> None:
        if type(step) is not int or not 0 <= step < 1 << 63:  # the common case skips the ABC check
            step = summary.check_step(step)
        md = prepared.metadata_bytes
        if md is not None:
            first = self._first_metadata.setdefault(prepared.tag, md)
            if first is not md and first != md:
                raise ValueError(metadata.describe_change(prepared.tag, first, md))
        self._bytes_sent += prepared.nbytes + self.RECORD_OVERHEAD
        self._emit(prepared, step, time.time() if wall_time is None else float(wall_time))

    @property
    def bytes_sent(self) -> int:
        """About how many bytes the summaries sent so far add to the event file (their
        arrays plus a small allowance per record): what disk budgets count."""
        return self._bytes_sent

    def weight_surface(
        self,
        tag: str,
        array: Any,
        step: int,
        *,
        quantity: str = "weight",
        max_grid: Tuple[int, int] = summary.DEFAULT_SURFACE_GRID,
        layout: str = "auto",
        wall_time: Optional[float] = None,
    ) -> None:
        """Records a weight (or gradient) matrix as a 3-D surface at ``step``.

        Example:
            >>> w.weight_surface("dense/kernel", layer.kernel, step=100)  # doctest: +SKIP

        See ``tbviz_plugin.summary.weight_surface`` for shapes and pooling.
        """
        prepared = summary.prepare_weight_surface(
            tag, array, quantity=quantity, max_grid=max_grid, layout=layout
        )
        self._send(prepared, step, wall_time)

    def activation_map(
        self,
        tag: str,
        array: Any,
        step: int,
        *,
        sample: int = 0,
        max_channels: int = 64,
        max_grid: Optional[Tuple[int, int]] = None,
        layout: str = "auto",
        wall_time: Optional[float] = None,
    ) -> None:
        """Records a layer's output as a heatmap at ``step``.

        Example:
            >>> w.activation_map("conv2d", feature_maps, step=100)  # doctest: +SKIP

        See ``tbviz_plugin.summary.activation_map`` for layouts.
        """
        prepared = summary.prepare_activation_map(
            tag, array, sample=sample, max_channels=max_channels, max_grid=max_grid, layout=layout
        )
        self._send(prepared, step, wall_time)

    def gradient_flow(
        self,
        tag: str,
        grads: Mapping[str, Any],
        step: int,
        *,
        weights: Optional[Mapping[str, Any]] = None,
        prev_weights: Optional[Mapping[str, Any]] = None,
        wall_time: Optional[float] = None,
    ) -> None:
        """Records per-layer gradient statistics (layers in depth order).

        The first call fixes the tag's layer list; later calls may leave
        layers out (their row is NaN) but not add new ones.

        Example:
            >>> w.gradient_flow("model/gradient_flow",
            ...                 {"dense": g0, "dense_1": g1}, step=100)  # doctest: +SKIP
        """
        prepared = summary.prepare_gradient_flow(
            tag,
            grads,
            weights=weights,
            prev_weights=prev_weights,
            layers=self._flow_layers.get(tag),
        )
        self._send(prepared, step, wall_time)
        self._flow_layers.setdefault(tag, list(grads))

    def gradient_flow_table(
        self,
        tag: str,
        layers: Sequence[str],
        stats: Sequence[str],
        table: Any,
        step: int,
        *,
        wall_time: Optional[float] = None,
    ) -> None:
        """Records a finished ``[layers, stats]`` gradient-flow table (statistics
        already reduced, e.g. on the GPU); same kind and format as ``gradient_flow``.

        Example:
            >>> w.gradient_flow_table("model/gradient_flow", ["fc1", "fc2"],
            ...                       ["mean_abs", "max_abs"], table, step=10)  # doctest: +SKIP
        """
        self._send(summary.prepare_gradient_flow_table(tag, layers, stats, table), step, wall_time)

    def health(
        self,
        tag: str,
        events: Iterable[Mapping[str, Any]],
        step: int,
        *,
        wall_time: Optional[float] = None,
    ) -> None:
        """Records health events (see ``tbviz_plugin.summary.health``)."""
        self._send(summary.prepare_health(tag, events, step), step, wall_time)

    def layer_table(
        self,
        tag: str,
        rows: Iterable[Mapping[str, Any]],
        step: int,
        *,
        wall_time: Optional[float] = None,
    ) -> None:
        """Records a model's layer table: name, type, output shape, parameters.

        Example:
            >>> w.layer_table("model/layers", [{"name": "fc1", "type": "Linear",
            ...     "output_shape": [None, 128], "params": 100480}], step=0)  # doctest: +SKIP

        See ``tbviz_plugin.summary.layer_table`` for the row fields.
        """
        self._send(summary.prepare_layer_table(tag, rows), step, wall_time)

    def confusion_matrix(
        self,
        tag: str,
        y_true: Any,
        y_pred: Any,
        step: int,
        *,
        class_names: Optional[Sequence[str]] = None,
        num_classes: Optional[int] = None,
        wall_time: Optional[float] = None,
    ) -> None:
        """Records true class (rows) against predicted class (columns) counts.

        ``y_true`` and ``y_pred`` are class indices ``[N]`` or scores ``[N, C]``
        (argmax). The first call fixes the tag's classes (from ``class_names``,
        ``num_classes``, the scores' width, or the largest index seen); later
        calls may leave ``class_names`` out.

        Example:
            >>> w.confusion_matrix("model/confusion_matrix", y_probe, model(x_probe),
            ...                    step=100, class_names=["cat", "dog"])  # doctest: +SKIP

        See ``tbviz_plugin.summary.confusion_matrix``.
        """
        known = self._class_names.get(tag)
        if known is not None and class_names is None:
            class_names = known
        elif known is not None and list(class_names) != known:
            raise ValueError(
                f"class_names of tag {tag!r} were fixed by its first call as {known}; "
                f"got {list(class_names)}; write other classes under a new tag"
            )
        prepared = summary.prepare_confusion_matrix(
            tag, y_true, y_pred, class_names=class_names, num_classes=num_classes
        )
        self._send(prepared, step, wall_time)
        self._class_names.setdefault(tag, prepared.content["class_names"])

    def feature_importance(
        self,
        tag: str,
        importance: Any,
        step: int,
        *,
        feature_names: Optional[Sequence[str]] = None,
        layout: str = "auto",
        wall_time: Optional[float] = None,
    ) -> None:
        """Records the importance of each input feature, shaped like one input.

        ``[F]`` for tabular inputs, ``[H, W]`` or ``[H, W, C]`` (summed over
        channels) for images.

        Example:
            >>> w.feature_importance("model/importance", saliency, step=100)  # doctest: +SKIP

        See ``tbviz_plugin.summary.feature_importance``.
        """
        prepared = summary.prepare_feature_importance(
            tag, importance, feature_names=feature_names, layout=layout
        )
        self._send(prepared, step, wall_time)

    def image(self, tag: str, images: Any, step: int, *, wall_time: Optional[float] = None) -> None:
        """Records images for TensorBoard's built-in Images dashboard (PNG-encoded).

        Example:
            >>> w.image("model/predictions", grid_uint8_hwc, step=100)  # doctest: +SKIP

        See ``tbviz_plugin.summary.image`` for shapes.
        """
        self._send(summary.prepare_image(tag, images), step, wall_time)

    def scalar(self, tag: str, value: Any, step: int, *, wall_time: Optional[float] = None) -> None:
        """Records a standard TensorBoard scalar (shown by the Scalars dashboard)."""
        self._send(summary.prepare_scalar(tag, value), step, wall_time)
