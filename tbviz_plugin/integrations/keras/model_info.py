"""What the Keras callback reads off a Keras model, the same on every backend: its
layers in depth order, their variables' names in tags, the layer table, the
inputs, the loss, and probe arrays brought to the host.

Example::

    layers = [x for x in walk(model) if not isinstance(x, keras.layers.InputLayer)]
    rows = layer_rows(model)        # the <name>/layers table
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin import diagnose
from tbviz_plugin.integrations import common, probes


def host(value: Any) -> Any:
    """A probe input or label on the host: numpy arrays, nested as given (None stays None).

    Example:
        >>> host({"a": keras.ops.ones((2, 3))})["a"].shape
        (2, 3)
    """
    if value is None:
        return None
    return keras.tree.map_structure(
        lambda v: None if v is None else np.asarray(keras.ops.convert_to_numpy(v)), value
    )


def to_float32(x: Any) -> Any:
    """Floating probe inputs as float32 (the dtype Keras trains in), others as given."""
    return probes.map_inputs(
        lambda v: (
            v.astype(np.float32)
            if getattr(v, "dtype", None) is not None and v.dtype.kind == "f"
            else v
        ),
        x,
    )


def per_sample_total(loss: Any, n: int, ops: Any) -> Any:
    """The sum over the batch of the per-sample losses: a loss function gives one per
    sample, a loss object their mean (times ``n``)."""
    if len(ops.shape(loss)):
        return ops.sum(loss)
    return loss * n


def tap_model(model: Any, layers: List[Any], with_outputs: bool = False) -> Optional[Any]:
    """A model returning ``layers``' outputs (then, ``with_outputs``, the model's own
    outputs, taking its inputs as a flat list) for the activation maps; None when
    the model is not a graph model or a layer has no single output (a warning says
    so)."""
    if not is_graph_model(model) or not layers:
        return None
    try:
        if with_outputs:
            return keras.Model(
                model.inputs, [layer.output for layer in layers] + list(model.outputs)
            )
        return keras.Model(inputs(model), [layer.output for layer in layers])
    except Exception as e:  # shared or nested layers without a single output
        common.logger.warning("tbviz callback: no activation maps: %s", e)
        return None


def inputs(model: Any) -> Any:
    """The model's symbolic inputs, nested as it takes them (one, a list or a dict), or
    None when they are not known (a subclassed model)."""
    try:
        inputs = list(model.inputs or [])
    except (AttributeError, ValueError):
        return None
    if not inputs:
        return None
    try:
        return model.input  # a Functional model's own nesting (a dict for named inputs)
    except (AttributeError, ValueError):  # a Sequential model has no ``input`` before a call
        return inputs[0] if len(inputs) == 1 else inputs


def input_specs(model: Any) -> Any:
    """``tf.TensorSpec`` of the model's inputs, nested as it takes them, or None."""
    import tensorflow as tf

    symbolic = inputs(model)
    if symbolic is None:
        return None
    return tf.nest.map_structure(lambda t: tf.TensorSpec(t.shape, t.dtype), symbolic)


def layer_rows(model: Any) -> List[Dict[str, Any]]:
    """The layer table's rows: every layer but the inputs, in depth order."""
    rows = []
    for layer in walk(model):
        if isinstance(layer, keras.layers.InputLayer):
            continue
        try:
            shape = [None if n is None else int(n) for n in layer.output.shape]
        except Exception:  # not built, or several outputs
            shape = None
        rows.append(
            {
                "name": layer.name,
                "type": type(layer).__name__,
                "output_shape": shape,
                "params": int(sum(np.prod(v.shape) for v in layer.weights)),
                "trainable_params": int(sum(np.prod(v.shape) for v in layer.trainable_weights)),
                "activation": activation_name(layer),
            }
        )
    return rows


def next_batch(callback: Any, batch: int) -> Tuple[int, bool]:
    """(the step the coming batch ends at, whether it is the fit's last), from Keras'
    batch index, which jumps by ``steps_per_execution``."""
    spe = max(1, int(getattr(callback.model, "steps_per_execution", 1) or 1))
    upcoming = max(callback._step + 1, callback._epoch_base + int(batch) + spe)
    steps, epochs = callback.params.get("steps"), callback.params.get("epochs")
    last = (
        steps is not None
        and epochs is not None
        and callback._epoch == epochs - 1
        and int(batch) + spe >= steps
    )
    return upcoming, last


def plain_step_estimate(estimate: float, duration: float) -> float:
    """A running estimate of a plain (unlogged) step's time, robust to one slow step."""
    if not estimate:
        return duration
    return min(2 * estimate, 0.9 * estimate + 0.1 * duration)


def walk(model: Any) -> List[Any]:
    """Layers in depth order; nested models are entered, so every layer counts once."""
    out = []
    for layer in model.layers:
        if isinstance(layer, keras.Model) and hasattr(layer, "layers"):
            out.extend(walk(layer))
        else:
            out.append(layer)
    return out


def is_graph_model(model: Any) -> bool:
    try:
        return bool(model.inputs) and bool(model.outputs) and model.layers == walk(model)
    except (AttributeError, ValueError):
        return False


def param_names(layer: Any) -> List[str]:
    """The names of a layer's trainable variables in their tags: the variable's own
    name (``kernel``), or, when sublayers repeat it (``MultiHeadAttention``'s query,
    key and value each have a ``kernel``), its path below the layer
    (``query/kernel``)."""
    paths = [
        str(getattr(v, "path", None) or v.name).split(":")[0].split("/")
        for v in layer.trainable_weights
    ]
    short = [p[-1] for p in paths]
    if len(set(short)) == len(short):
        return short
    below = []
    for i, parts in enumerate(paths):
        if layer.name in parts[:-1]:
            start = len(parts) - 1 - parts[::-1].index(layer.name)
            below.append("/".join(parts[start + 1 :]))
        else:
            below.append(f"{short[i]}_{i}")
    return below if len(set(below)) == len(below) else [f"{n}_{i}" for i, n in enumerate(short)]


def activation_name(layer: Any) -> Optional[str]:
    activation = getattr(layer, "activation", None)
    if activation is not None:
        return getattr(activation, "__name__", None) or type(activation).__name__.lower()
    kind = type(layer).__name__
    return kind if diagnose.normalise_activation(kind) else None


def loss_function(model: Any) -> Optional[Any]:
    loss = getattr(model, "loss", None)
    if loss is None or isinstance(loss, (dict, list, tuple)):
        return None
    try:
        return keras.losses.get(loss) if isinstance(loss, str) else loss
    except Exception:
        return None
