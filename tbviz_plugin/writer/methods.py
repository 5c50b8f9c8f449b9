"""The summary methods every tbviz sink offers (``Writer``, attached writers), and
the rules that hold across a tag's summaries.

A sink implements ``_emit(prepared, step, wall_time)``. The methods
(``weight_surface``, ``gradient_flow`` ...) are those of the kinds in
``tbviz_plugin.kinds``: each validates its arguments on the caller's thread
and hands the resulting ``Prepared`` to ``send``, the one path into a sink.
"""

from __future__ import annotations

import abc
import time
from typing import TYPE_CHECKING, Any, Dict, Optional

from tbviz_plugin import kinds, metadata
from tbviz_plugin.kinds import base


class TagRules:
    """What holds across a tag's summaries, kept per tag at the call.

    TensorBoard keeps only a tag's first metadata, so a summary whose metadata
    differs from its tag's first is refused at the call that made it (the
    error names the fields that changed and the way out). The kinds whose
    later calls follow their first (a gradient-flow tag's layers, a confusion
    matrix's classes) read the first call's content through ``first_content``.

    Example:
        >>> rules = TagRules()
        >>> rules.admit(kinds.health.prepare("m/health", [], 0))
        >>> rules.first_content("m/health", "health")["kind"]
        'health'
    """

    def __init__(self) -> None:
        self._first_metadata: Dict[str, bytes] = {}
        self._first_content: Dict[str, Dict[str, Any]] = {}

    def admit(self, prepared: base.Prepared) -> None:
        """Remembers the first metadata of ``prepared.tag``; a ``ValueError`` when
        ``prepared`` carries other metadata than that."""
        md = prepared.metadata_bytes
        first = self._first_metadata.setdefault(prepared.tag, md)
        if first is not md and first != md:
            raise ValueError(metadata.describe_change(prepared.tag, first, md))

    def first_content(self, tag: str, kind: str) -> Optional[Dict[str, Any]]:
        """The tbviz content ``tag`` was first written with, when that was of ``kind``;
        else None (a new tag, or one of another kind, which ``admit`` refuses)."""
        content = self._first_content.get(tag)
        if content is None:
            first = self._first_metadata.get(tag)
            if first is None:
                return None
            content = metadata.summary_content(first)
            self._first_content[tag] = content
        return content if content.get("kind") == kind else None


class SummaryMethods(abc.ABC):
    """Mixin: the writer methods of every registered kind (``weight_surface``,
    ``activation_map``, ``gradient_flow``, ``gradient_flow_table``, ``health``,
    ``layer_table``, ``confusion_matrix``, ``feature_importance``, ``image``,
    ``scalar``), plus ``send`` for summaries prepared elsewhere."""

    # Bytes a record adds beside its array (framing, tag, step, metadata on first use).
    RECORD_OVERHEAD = 64

    if TYPE_CHECKING:
        # What editors and type checkers see; at run time ``_add_kind_methods``
        # installs the same functions from the registry (a test keeps both equal).
        weight_surface = kinds.weight_surface.record
        activation_map = kinds.activation_map.record
        gradient_flow = kinds.gradient_flow.record
        gradient_flow_table = kinds.gradient_flow.record_table
        health = kinds.health.record
        layer_table = kinds.layer_table.record
        confusion_matrix = kinds.confusion_matrix.record
        feature_importance = kinds.feature_importance.record
        image = kinds.image.record
        scalar = kinds.scalar.record

    def __init__(self) -> None:
        self._tags = TagRules()
        self._bytes_sent = 0

    @abc.abstractmethod
    def _emit(self, prepared: base.Prepared, step: int, wall_time: float) -> None:
        """Delivers one validated summary to the sink."""

    def send(self, prepared: base.Prepared, step: Any, wall_time: Optional[float] = None) -> None:
        """Records a summary already prepared (a ``summary.prepare_*`` function's, such
        as ``prepare_pooled_weight_surface`` for a surface pooled on the device) at
        ``step``: the path every writer method takes.

        Example:
            >>> from tbviz_plugin import summary
            >>> w.send(summary.prepare_scalar("loss", 0.5), step=3)  # doctest: +SKIP
        """
        if type(step) is not int or not 0 <= step < 1 << 63:  # the common case skips the ABC check
            step = base.check_step(step)
        self._tags.admit(prepared)
        self._bytes_sent += prepared.nbytes + self.RECORD_OVERHEAD
        self._emit(prepared, step, time.time() if wall_time is None else float(wall_time))

    def first_content(self, tag: str, kind: str) -> Optional[Dict[str, Any]]:
        """The content ``tag`` was first recorded with, when of ``kind``, else None
        (see ``TagRules.first_content``)."""
        return self._tags.first_content(tag, kind)

    @property
    def bytes_sent(self) -> int:
        """About how many bytes the summaries sent so far add to the event file (their
        arrays plus a small allowance per record): what disk budgets count."""
        return self._bytes_sent


def _add_kind_methods() -> None:
    """Gives ``SummaryMethods`` each registered kind's writer methods, under their names."""
    for kind in kinds.ALL:
        for name, method in kind.methods.items():
            method.__name__ = name
            method.__qualname__ = f"SummaryMethods.{name}"
            setattr(SummaryMethods, name, method)


_add_kind_methods()
