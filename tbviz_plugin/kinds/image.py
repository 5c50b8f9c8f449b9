"""``image``: images in TensorBoard's own format, for its built-in Images dashboard.

Plugin ``images``, content a serialised ``ImagePluginData{version: 0}`` (empty
bytes), and a string tensor ``[width, height, png, png, ...]``; written here
without TensorFlow.

Example:
    >>> s = image("m/sample", np.zeros((4, 6, 3), np.uint8))
    >>> s.value[0].tensor.string_val[:2]
    [b'6', b'4']
"""

from __future__ import annotations

import functools
from typing import Any, Optional

import numpy as np
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import reduce
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "image"
_METADATA = summary_pb2.SummaryMetadata(
    plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="images", content=b""),
    data_class=summary_pb2.DATA_CLASS_BLOB_SEQUENCE,
).SerializeToString()


def prepare(tag: str, images: Any) -> Prepared:
    """Validates images for TensorBoard's Images dashboard; see ``image``."""
    base.check_tag(tag)
    data = reduce.as_numpy(images, "images")
    if data.ndim == 2:  # one grey image
        data = data[None, :, :, None]
    elif data.ndim == 3:  # one image [H, W, C]
        data = data[None]
    if data.ndim != 4 or data.shape[-1] not in (1, 3, 4):
        raise ValueError(
            "images must be [H, W], [H, W, C] or [k, H, W, C] with C in (1, 3, 4), "
            f"got shape {reduce.as_numpy(images, 'images').shape}"
        )
    if data.size == 0:
        raise ValueError(f"images is empty (shape {data.shape})")
    if data.dtype != np.uint8:
        if not np.all(np.isfinite(data)) or data.min() < 0 or data.max() > 1:
            raise ValueError(
                "images of a float or int dtype must hold values in [0, 1]; or give uint8"
            )
        data = np.round(np.asarray(data, np.float64) * 255).astype(np.uint8)
    else:
        data = data.copy()
    return Prepared(tag, NAME, functools.partial(_build, tag, data), _METADATA, data.nbytes)


def _build(tag: str, data: np.ndarray) -> SummaryTensor:
    import io

    from PIL import Image

    encoded = np.empty(2 + data.shape[0], dtype=object)
    encoded[0], encoded[1] = str(data.shape[2]).encode(), str(data.shape[1]).encode()
    mode = {1: "L", 3: "RGB", 4: "RGBA"}[data.shape[-1]]
    for i, one in enumerate(data):
        buffer = io.BytesIO()
        Image.fromarray(one[..., 0] if mode == "L" else one, mode).save(buffer, format="PNG")
        encoded[2 + i] = buffer.getvalue()
    return SummaryTensor(tag, _METADATA, encoded)


def image(tag: str, images: Any) -> summary_pb2.Summary:
    """Images in TensorBoard's own format, shown by the built-in Images dashboard.

    Args:
      tag: e.g. ``"model/predictions"``.
      images: ``[H, W]``, ``[H, W, C]`` or ``[k, H, W, C]`` with ``C`` 1 (grey),
        3 (RGB) or 4 (RGBA); ``uint8``, or floats in ``[0, 1]``. Stored as PNG.

    Example:
        >>> s = image("m/sample", np.zeros((4, 6, 3), np.uint8))
        >>> s.value[0].tensor.string_val[:2]
        [b'6', b'4']
    """
    return prepare(tag, images).build().to_proto()


def record(
    sink: Any, tag: str, images: Any, step: int, *, wall_time: Optional[float] = None
) -> None:
    """Records images for TensorBoard's built-in Images dashboard (PNG-encoded).

    Example:
        >>> w.image("model/predictions", grid_uint8_hwc, step=100)  # doctest: +SKIP

    See ``tbviz_plugin.summary.image`` for shapes.
    """
    sink.send(prepare(tag, images), step, wall_time)


KIND = base.Kind(
    name=NAME, prepare=prepare, methods={"image": record}, plugin="images", numeric=False
)
