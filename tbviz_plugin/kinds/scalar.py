"""``scalar``: a standard TensorBoard scalar, shown by the built-in Scalars dashboard.

Example:
    >>> scalar("loss", 0.5).value[0].metadata.plugin_data.plugin_name
    'scalars'
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import reduce
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "scalar"
_METADATA = summary_pb2.SummaryMetadata(
    plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"),
    data_class=summary_pb2.DATA_CLASS_SCALAR,
).SerializeToString()


def prepare(tag: str, value: Any) -> Prepared:
    """A TensorBoard scalar (the built-in Scalars dashboard shows it)."""
    base.check_tag(tag)
    data = reduce.as_numpy(value, "value")
    if data.size != 1:
        raise ValueError(f"value must be a single number, got shape {data.shape}")
    array = np.array(data.reshape(()), dtype=np.float32)
    return Prepared(tag, NAME, lambda: SummaryTensor(tag, _METADATA, array), _METADATA)


def scalar(tag: str, value: Any) -> summary_pb2.Summary:
    """A standard TensorBoard scalar summary."""
    return prepare(tag, value).build().to_proto()


def record(
    sink: Any, tag: str, value: Any, step: int, *, wall_time: Optional[float] = None
) -> None:
    """Records a standard TensorBoard scalar (shown by the Scalars dashboard)."""
    sink.send(prepare(tag, value), step, wall_time)


KIND = base.Kind(name=NAME, prepare=prepare, methods={"scalar": record}, plugin="scalars")
