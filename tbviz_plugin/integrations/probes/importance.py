"""Each framework's pass over probe samples: the model's scores and the gradient x input
feature importance (Keras, PyTorch, JAX), and the ``PredictionProbe`` that runs it.

The gradient is taken with respect to the input only, never the weights, and the
per-sample loss is summed before differentiating, so each sample's input
gradient is that of its own loss.

Example:
    >>> probe = for_torch(model, (x_val, y_val), writer, "mlp")   # doctest: +SKIP
    >>> probe.log(step=100)                                       # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

import numpy as np

from tbviz_plugin.integrations import common
from tbviz_plugin.integrations.probes.data import inputs_of, map_inputs, take
from tbviz_plugin.integrations.probes.prediction import Importance, Outputs, PredictionProbe

# --------------------------------------------------------------------------- Keras


def for_keras(
    model: Any,
    probe: Tuple[Any, Any],
    loss_fn: Optional[Any],
    writer: Any,
    name: str,
    expected: Optional[Callable[[], Optional[str]]] = None,
) -> Optional[PredictionProbe]:
    """A ``PredictionProbe`` over a Keras model's whole probe set, or None without labels."""
    x, y = probe
    if y is None:
        return None
    x_host, y_host = map_inputs(np.asarray, x), np.asarray(y)
    compute = keras_outputs(model, loss_fn, x_host, y_host)
    names = [getattr(t, "name", None) for t in getattr(model, "inputs", None) or []]
    if isinstance(x, (list, tuple)) and len(names) == len(x) and all(names):
        by_position = compute  # a list of inputs: importance named after the model's inputs

        def compute(start: int, stop: int) -> Outputs:
            scores, importance = by_position(start, stop)
            if isinstance(importance, dict):
                importance = {names[int(k)]: v for k, v in importance.items()}
            return scores, importance

    return PredictionProbe(
        writer,
        name,
        compute,
        x_host,
        y_host,
        layout="channels_last",
        from_logits=bool(getattr(loss_fn, "from_logits", False)),
        expected=expected,
    )


def keras_outputs(model: Any, loss_fn: Optional[Any], x: Any, y: np.ndarray):
    """A function ``compute(start, stop)`` running ``model`` on probe samples
    ``start:stop``: ``(scores, gradient x input)``; ``x`` is an array, or a list or
    dict of them for a model with several inputs."""
    import tensorflow as tf

    floating = loss_fn is not None and any(v.dtype.kind == "f" for _, v in inputs_of(x))
    x_all = map_inputs(lambda v: v.astype(np.float32) if v.dtype.kind == "f" else v, x)

    # Without AutoGraph: no Python control flow on tensors here, and converting
    # the function and its helpers means parsing their source, a slow first log.
    # reduce_retracing: the last, shorter batch does not trace it again.
    @tf.function(autograph=False, reduce_retracing=True)
    def run(x, y):
        (scores,), importance = keras_in_graph(
            tf, lambda x: [model(x, training=False)], loss_fn if floating else None, x, y
        )
        return scores, importance

    def compute(start: int = 0, stop: Optional[int] = None) -> Outputs:
        batch = map_inputs(tf.constant, take(x_all, start, stop))
        scores, importance = run(batch, tf.constant(y[start:stop]))
        if not floating:
            return np.asarray(scores), None
        return np.asarray(scores), map_inputs(np.asarray, importance)

    return compute


def keras_in_graph(tf: Any, forward: Callable[[Any], list], loss_fn: Optional[Any], x: Any, y: Any):
    """Inside a ``tf.function``: ``(forward(x), gradient x input)``.

    ``forward`` returns a list of tensors whose last one is the model's scores;
    the importance is the mean over the batch of ``|d loss / d x * x|`` (an
    empty tensor without ``loss_fn``: integer inputs have no input gradient); for
    several inputs (a list or dict ``x``) a dict of it per floating input, keyed
    as ``inputs_of`` names them.
    The Keras callback passes a forward that also returns every layer's
    output, so one pass gives the activation maps and the predictions.
    """
    if loss_fn is None:
        return forward(x), tf.zeros((0,))
    named = [(k, v) for k, v in inputs_of(x) if v.dtype.is_floating]
    with tf.GradientTape() as tape:
        tape.watch([v for _, v in named])
        outputs = forward(x)
        per_sample = loss_fn(y, outputs[-1])
        total = (
            tf.reduce_sum(per_sample)
            if per_sample.shape.rank
            else per_sample * tf.cast(tf.shape(y)[0], per_sample.dtype)
        )
    grads = tape.gradient(total, [v for _, v in named])
    importance = {
        k: tf.reduce_mean(tf.abs(g * v), axis=0) if g is not None else tf.zeros_like(v[0])
        for (k, v), g in zip(named, grads)
    }
    if not isinstance(x, (list, tuple, dict)):
        return outputs, importance[""]
    return outputs, importance


# --------------------------------------------------------------------------- PyTorch


def for_torch(
    model: Any,
    probe_data: Optional[Tuple[Any, Any]],
    writer: Any,
    name: str,
    expected: Optional[Callable[[], Optional[str]]] = None,
) -> Optional[PredictionProbe]:
    """A ``PredictionProbe`` over a PyTorch model's whole probe set, or None without labels."""
    if probe_data is None or probe_data[1] is None:
        return None
    import torch

    def tensor(v: Any) -> Any:
        return v if isinstance(v, torch.Tensor) else torch.as_tensor(np.asarray(v))

    x, y = map_inputs(tensor, probe_data[0]), tensor(probe_data[1])
    if isinstance(x, (list, tuple)):  # positional inputs, named as forward names them
        names = _positional_names(model, len(x))
        if names is not None:
            x = dict(zip(names, x))
    return PredictionProbe(
        writer,
        name,
        lambda start, stop: torch_outputs(model, take(x, start, stop), y[start:stop]),
        map_inputs(lambda v: v.detach().cpu().numpy(), x),
        y.detach().cpu().numpy(),
        layout="channels_first",
        from_logits=True,
        expected=expected,
    )


def torch_outputs(model: Any, x: Any, y: Any) -> Outputs:
    """``(scores, gradient x input)`` of ``model`` on the probe batch, in eval mode.

    ``x`` is a tensor, a list or tuple of them (``model(*x)``) or a dict
    (``model(**x)``, as a Hugging Face model takes ``input_ids``); with several
    inputs the importance is a dict per floating input (``inputs_of``).
    The loss is chosen from the output and the labels: cross-entropy for class
    scores ``[N, C]`` with class indices or one-hot labels, binary
    cross-entropy with logits for one output ``[N, 1]`` and 0/1 labels, squared
    error for targets shaped like the output. The gradient is taken with
    respect to the input only, so no parameter's ``.grad`` changes.
    """
    import torch

    param = next(iter(model.parameters()), None)

    def prepare(v: Any) -> Any:
        floating = v.is_floating_point()
        if param is not None:  # float inputs take the weights' dtype, as training would
            v = v.to(param.device, dtype=param.dtype if floating else None)
        return v.detach().clone().requires_grad_(floating)

    x = map_inputs(prepare, x)
    if param is not None:
        y = y.to(param.device)
    named = [(k, v) for k, v in inputs_of(x) if v.requires_grad]
    modes = [(m, m.training) for m in model.modules()]
    try:
        model.eval()
        with torch.enable_grad():
            if isinstance(x, dict):
                output = model(**x)
            elif isinstance(x, (list, tuple)):
                output = model(*x)
            else:
                output = model(x)
            scores = model_scores(output)
            loss = _torch_loss(scores, y) if named else None
            grads = None
            if loss is not None and loss.requires_grad:
                grads = torch.autograd.grad(loss, [v for _, v in named], allow_unused=True)
    finally:
        for m, mode in modes:
            m.training = mode
    importance: Optional[Importance] = None
    if grads is not None:
        importance = {
            k: (g * v if g is not None else torch.zeros_like(v))
            .abs()
            .mean(dim=0)
            .detach()
            .cpu()
            .numpy()
            for (k, v), g in zip(named, grads)
        }
        if not isinstance(x, (list, tuple, dict)):
            importance = importance[""]
    if not isinstance(scores, torch.Tensor):
        raise TypeError(f"the model returned {type(scores).__name__}, not a tensor of scores")
    return scores.detach().float().cpu().numpy(), importance


def _positional_names(model: Any, count: int) -> Optional[List[str]]:
    """The names of the first ``count`` parameters of ``model.forward``, when it has them."""
    import inspect

    try:
        parameters = list(inspect.signature(model.forward).parameters.values())
    except (TypeError, ValueError):
        return None
    positional = [
        p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    return positional[:count] if len(positional) >= count else None


def model_scores(output: Any) -> Any:
    """A model's scores: its output tensor, the ``logits`` of a Hugging Face output
    object or of a dict, or the first element of a tuple."""
    logits = output.get("logits") if isinstance(output, dict) else getattr(output, "logits", None)
    if logits is not None:
        return logits
    if isinstance(output, (tuple, list)) and output:
        return output[0]
    return output


def _torch_loss(scores: Any, y: Any) -> Optional[Any]:
    import torch
    import torch.nn.functional as F

    if not isinstance(scores, torch.Tensor):
        return None
    if scores.ndim == 2 and scores.shape[1] >= 2:
        if y.ndim == 1 and not y.is_floating_point():
            return F.cross_entropy(scores, y.long(), reduction="sum")
        if y.shape == scores.shape:  # one-hot or soft labels
            return F.cross_entropy(scores, y.float(), reduction="sum")
    if scores.ndim == 2 and scores.shape[1] == 1 and y.numel() == scores.shape[0]:
        return F.binary_cross_entropy_with_logits(
            scores[:, 0], y.reshape(-1).float(), reduction="sum"
        )
    if y.shape == scores.shape:
        return F.mse_loss(scores, y.float(), reduction="sum")
    return None


# --------------------------------------------------------------------------- JAX


def for_jax(
    model: Any,
    probe_data: Optional[Tuple[Any, Any]],
    writer: Any,
    name: str,
    params: Callable[[], Any],
) -> Optional[PredictionProbe]:
    """A ``PredictionProbe`` over a JAX model's whole probe set, or None without labels.

    ``model.scores(params, x)`` is the forward pass; ``params()`` the parameters
    of the step being logged. Inputs and scores are channels last.
    """
    if probe_data is None or probe_data[1] is None:
        return None
    if isinstance(probe_data[0], (tuple, list, dict)):
        common.logger.info("tbviz jax watch: no predictions for a model with several inputs")
        return None
    import jax

    x, y = np.asarray(probe_data[0]), np.asarray(probe_data[1])
    run = jax.jit(lambda p, xs, ys: jax_outputs(model.scores, p, xs, ys))
    return PredictionProbe(
        writer,
        name,
        lambda start, stop: jax.device_get(run(params(), x[start:stop], y[start:stop])),
        x,
        y,
        layout="channels_last",
        from_logits=True,
    )


def jax_outputs(scores_fn: Callable[[Any, Any], Any], params: Any, x: Any, y: Any) -> Any:
    """``(scores, gradient x input)`` of ``scores_fn(params, x)`` on a probe batch, on
    the device (traceable: ``for_jax`` jits it).

    The loss is chosen as for PyTorch (``torch_outputs``): cross-entropy for
    class scores ``[N, C]`` with class indices or one-hot labels, binary
    cross-entropy with logits for one output ``[N, 1]``, squared error for
    targets shaped like the output. The gradient is taken with respect to the
    input only; integer inputs get no importance.
    """
    import jax
    import jax.numpy as jnp

    scores = model_scores(scores_fn(params, x))
    if not jnp.issubdtype(x.dtype, jnp.floating) or _jax_loss(scores, y) is None:
        return scores, None
    grad = jax.grad(lambda xs: _jax_loss(model_scores(scores_fn(params, xs)), y))(x)
    return scores, jnp.mean(jnp.abs(grad * x), axis=0)


def _jax_loss(scores: Any, y: Any) -> Optional[Any]:
    """The summed per-sample loss of ``scores`` against ``y``, or None when the
    output and labels are of no model this knows (shapes are static when traced)."""
    import jax
    import jax.numpy as jnp

    if getattr(scores, "ndim", None) != 2:
        return None
    n, classes = scores.shape
    log_p = jax.nn.log_softmax(scores.astype(jnp.float32), axis=1)
    if classes >= 2 and y.ndim == 1 and jnp.issubdtype(y.dtype, jnp.integer):
        return -jnp.sum(jnp.take_along_axis(log_p, y[:, None].astype(jnp.int32), axis=1))
    if classes >= 2 and y.shape == scores.shape:  # one-hot or soft labels
        return -jnp.sum(y * log_p)
    if classes == 1 and y.size == n:
        s, t = scores[:, 0].astype(jnp.float32), y.reshape(-1).astype(jnp.float32)
        return jnp.sum(jnp.maximum(s, 0) - s * t + jnp.log1p(jnp.exp(-jnp.abs(s))))
    if y.shape == scores.shape:
        return jnp.sum(jnp.square(scores - y))
    return None
