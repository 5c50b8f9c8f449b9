"""tbviz kinds as tf.summary-style ops, for use inside a tf.summary writer.

Like ``tf.summary.scalar``: they write to the default writer, take ``step``
from ``tf.summary.experimental.get_step()`` when it is None, respect name
scopes, and return ``True`` when written (``False`` with no default writer).
The arrays are reduced in numpy (eagerly), so call them outside ``tf.function``.

There is one op per kind of ``tbviz_plugin.kinds`` that offers one
(``weight_surface``, ``activation_map``, ``gradient_flow``, ``health``,
``confusion_matrix``, ``feature_importance``): ``op(name, *arrays, step=None,
**options)``, the arrays and options being those of ``tbviz_plugin.summary.<kind>``.

Example:
    >>> import tensorflow as tf                                          # doctest: +SKIP
    >>> with tf.summary.create_file_writer("logs/run1").as_default():    # doctest: +SKIP
    ...     tbviz.tf_summary.weight_surface("dense/kernel", layer.kernel, step=3)
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from tbviz_plugin import kinds
from tbviz_plugin.kinds.base import Kind, Prepared, check_step


def _write(prepared: Prepared, step: Optional[int]) -> Any:
    import tensorflow as tf  # imported on use: tbviz itself never needs TensorFlow

    built = prepared.build()
    if step is not None:
        step = check_step(step)
    with tf.summary.experimental.summary_scope(built.tag, "tbviz", []) as (tag, _):
        tensor = (
            tf.constant([bytes(s) for s in built.array], dtype=tf.string)
            if built.array.dtype == object
            else tf.constant(built.array)
        )
        return tf.summary.write(tag=tag, tensor=tensor, step=step, metadata=built.metadata_bytes)


def _event_step(step: Optional[int]) -> int:
    """The step health events default to: ``step``, else the default writer's step."""
    import tensorflow as tf

    event_step = step if step is not None else tf.summary.experimental.get_step()
    if event_step is None:
        raise ValueError("step is None and tf.summary.experimental.get_step() is not set")
    return int(event_step)


def _op(kind: Kind) -> Callable[..., Any]:
    """The op of ``kind``: ``op(name, *arrays, step=None, **options)``; ``step`` may
    also follow the arrays positionally, as in ``tf.summary``."""
    inputs = kind.inputs

    def op(name: str, *args: Any, step: Optional[int] = None, **kwargs: Any) -> Any:
        if len(args) > inputs:
            if len(args) > inputs + 1 or step is not None:
                raise TypeError(f"{kind.name}() takes {inputs} array(s) and a step")
            args, step = args[:inputs], args[inputs]
        if kind.step_in_prepare:
            return _write(kind.prepare(name, *args, _event_step(step), **kwargs), step)
        return _write(kind.prepare(name, *args, **kwargs), step)

    op.__name__ = op.__qualname__ = kind.name
    op.__doc__ = f"See ``tbviz_plugin.summary.{kind.name}``."
    return op


for _kind in kinds.ALL:
    if _kind.tf_summary:
        globals()[_kind.name] = _op(_kind)
