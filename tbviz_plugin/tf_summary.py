"""tbviz kinds as tf.summary-style ops, for use inside a tf.summary writer.

Like ``tf.summary.scalar``: they write to the default writer, take ``step``
from ``tf.summary.experimental.get_step()`` when it is None, respect name
scopes, and return ``True`` when written (``False`` with no default writer).
The arrays are reduced in numpy (eagerly), so call them outside ``tf.function``.

Example:
    >>> import tensorflow as tf                                          # doctest: +SKIP
    >>> with tf.summary.create_file_writer("logs/run1").as_default():    # doctest: +SKIP
    ...     tbviz.tf_summary.weight_surface("dense/kernel", layer.kernel, step=3)
"""

from __future__ import annotations

from typing import Any, Optional

from tbviz_plugin import summary


def _write(prepared: summary.Prepared, step: Optional[int]) -> Any:
    import tensorflow as tf  # imported on use: tbviz itself never needs TensorFlow

    built = prepared.build()
    if step is not None:
        step = summary.check_step(step)
    with tf.summary.experimental.summary_scope(built.tag, "tbviz", []) as (tag, _):
        tensor = (
            tf.constant([bytes(s) for s in built.array], dtype=tf.string)
            if built.array.dtype == object
            else tf.constant(built.array)
        )
        return tf.summary.write(tag=tag, tensor=tensor, step=step, metadata=built.metadata_bytes)


def weight_surface(name: str, data: Any, step: Optional[int] = None, **kwargs: Any) -> Any:
    """See ``tbviz_plugin.summary.weight_surface``."""
    return _write(summary.prepare_weight_surface(name, data, **kwargs), step)


def activation_map(name: str, data: Any, step: Optional[int] = None, **kwargs: Any) -> Any:
    """See ``tbviz_plugin.summary.activation_map``."""
    return _write(summary.prepare_activation_map(name, data, **kwargs), step)


def gradient_flow(name: str, grads: Any, step: Optional[int] = None, **kwargs: Any) -> Any:
    """See ``tbviz_plugin.summary.gradient_flow``."""
    return _write(summary.prepare_gradient_flow(name, grads, **kwargs), step)


def health(name: str, events: Any, step: Optional[int] = None) -> Any:
    """See ``tbviz_plugin.summary.health``; events default to ``step``."""
    import tensorflow as tf

    event_step = step if step is not None else tf.summary.experimental.get_step()
    if event_step is None:
        raise ValueError("step is None and tf.summary.experimental.get_step() is not set")
    return _write(summary.prepare_health(name, events, int(event_step)), step)


def confusion_matrix(
    name: str, y_true: Any, y_pred: Any, step: Optional[int] = None, **kwargs: Any
) -> Any:
    """See ``tbviz_plugin.summary.confusion_matrix``."""
    return _write(summary.prepare_confusion_matrix(name, y_true, y_pred, **kwargs), step)


def feature_importance(
    name: str, importance: Any, step: Optional[int] = None, **kwargs: Any
) -> Any:
    """See ``tbviz_plugin.summary.feature_importance``."""
    return _write(summary.prepare_feature_importance(name, importance, **kwargs), step)
