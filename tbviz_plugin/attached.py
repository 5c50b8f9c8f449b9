"""``tbviz.attach``: tbviz summaries through an existing SummaryWriter.

Works with ``torch.utils.tensorboard.SummaryWriter`` and
``tensorboardX.SummaryWriter``: the summaries are built as protos and handed
to the writer's own file writer, so they land in the same event file as the
user's scalars and histograms.

Example:
    >>> from torch.utils.tensorboard import SummaryWriter   # doctest: +SKIP
    >>> sw = SummaryWriter("runs/exp1")                      # doctest: +SKIP
    >>> tb = tbviz.attach(sw)                                # doctest: +SKIP
    >>> tb.weight_surface("fc1/weight", model.fc1.weight, step=10)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from tbviz_plugin.kinds.base import Prepared
from tbviz_plugin.writer.methods import SummaryMethods


class AttachedWriter(SummaryMethods):
    """tbviz's summary methods, written through another library's SummaryWriter."""

    def __init__(self, summary_writer: Any) -> None:
        super().__init__()
        get_file_writer = getattr(summary_writer, "_get_file_writer", None)
        if get_file_writer is None:
            raise TypeError(
                "attach() takes a torch.utils.tensorboard or tensorboardX SummaryWriter, "
                f"got {type(summary_writer).__name__}; for tf.summary use tbviz_plugin.tf_summary"
            )
        self.summary_writer = summary_writer
        self._get_file_writer = get_file_writer
        self._summary_class = None
        if type(summary_writer).__module__.startswith("tensorboardX"):
            # tensorboardX ships its own generated protos; convert by bytes.
            from tensorboardX.proto import summary_pb2 as tbx_summary_pb2

            self._summary_class = tbx_summary_pb2.Summary

    def _emit(self, prepared: Prepared, step: int, wall_time: float) -> None:
        proto = prepared.build().to_proto()
        if self._summary_class is not None:
            proto = self._summary_class.FromString(proto.SerializeToString())
        self._get_file_writer().add_summary(proto, step, wall_time)

    def flush(self) -> None:
        """Flushes the underlying SummaryWriter."""
        self.summary_writer.flush()

    def close(self) -> None:
        """Closes the underlying SummaryWriter."""
        self.summary_writer.close()


def attach(summary_writer: Any) -> AttachedWriter:
    """Lets an existing torch/tensorboardX SummaryWriter carry tbviz summaries.

    Returns:
      An object with the same methods as ``tbviz.Writer``
      (``weight_surface``, ``activation_map``, ``gradient_flow``, ``health``,
      ``layer_table``, ``confusion_matrix``, ``feature_importance``, ``image``,
      ``scalar``, ``flush``, ``close``).
    """
    return AttachedWriter(summary_writer)
