"""What the model sees and decides on the probe set, for the Keras, PyTorch and JAX integrations.

At every logged step the integrations run the probe batch ``(x, y)`` through the
model once more, in inference mode, with the gradient of the loss taken with
respect to the *input* (never the weights: training is not touched), and write:

* ``<model>/confusion_matrix``: true class against predicted class (classifiers:
  outputs ``[N, C]`` with ``C >= 2`` scored by argmax, or one output ``[N, 1]``
  thresholded: probabilities at 0.5, logits at 0);
* ``<model>/feature_importance``: the mean over the probe set of
  ``|d loss / d input * input|`` (gradient x input), shaped like one input,
  images summed over their channels;
* ``<model>/predictions``: for image inputs ``[N, H, W, C]`` (Keras) or
  ``[N, C, H, W]`` (PyTorch), one picture of the first probe images with their
  true and predicted labels, through TensorBoard's own Images dashboard.

The per-sample loss is summed over the batch before differentiating, so each
sample's input gradient is that of its own loss, whatever the loss's reduction.

Everything framework-specific is one function per framework (``keras_outputs``, ``jax_outputs``,
``torch_outputs``) returning host arrays; ``PredictionProbe`` writes them.

Example:
    >>> probe = PredictionProbe(w, "mlp", compute, x, y, layout="channels_last")  # doctest: +SKIP
    >>> probe.log(step=100)                                                     # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from tbviz_plugin.integrations import common

# Gradient x input shaped like one input; for a model with several inputs, one per
# floating input by its name (``inputs_of``).
Importance = Union[np.ndarray, Dict[str, np.ndarray]]
# (scores [N, ...], importance or None), on the host.
Outputs = Tuple[np.ndarray, Optional[Importance]]

# Probe samples used for predictions, confusion and importance; more are cut, with a warning.
MAX_PROBE_SAMPLES = 4096
# Samples per forward and backward pass of the prediction probe.
PROBE_BATCH = 256

MAX_GRID_IMAGES = 16
_GRID_COLUMNS = 8
_TILE = 64  # small images are scaled up (nearest) to about this many pixels
_MAX_TILE = 128  # large ones down (box filter), so the PNG per step stays small
_LABEL_HEIGHT = 14
_RIGHT, _WRONG = (40, 160, 60), (210, 50, 40)


def num_samples(x: Any) -> int:
    """Samples in a probe input: the first dimension of an array, or of the first
    array in a list, tuple or dict of inputs (a multi-input model)."""
    if isinstance(x, dict):
        x = next(iter(x.values()), None)
    elif isinstance(x, (list, tuple)):
        x = x[0] if x else None
    shape = getattr(x, "shape", None)
    if shape is None:
        shape = np.shape(x)
    if not shape:
        raise ValueError(f"probe_data x must have a sample dimension, got shape {tuple(shape)}")
    return int(shape[0])


def take(x: Any, start: int, stop: int) -> Any:
    """Samples ``start:stop`` of an array, or of each array of a list, tuple or dict."""
    if x is None:
        return None
    if isinstance(x, dict):
        return {k: take(v, start, stop) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return type(x)(take(v, start, stop) for v in x)
    return x[start:stop]


def inputs_of(x: Any) -> List[Tuple[str, Any]]:
    """``(name, array)`` of each input: ``[("", x)]`` for one array, the keys of a
    dict, the positions (``"0"``, ``"1"``) of a list or tuple."""
    if isinstance(x, dict):
        return [(str(k), v) for k, v in x.items()]
    if isinstance(x, (list, tuple)):
        return [(str(i), v) for i, v in enumerate(x)]
    return [("", x)]


def map_inputs(fn: Callable[[Any], Any], x: Any) -> Any:
    """``x`` with ``fn`` applied to each input array, nested alike."""
    if isinstance(x, dict):
        return {k: fn(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return type(x)(fn(v) for v in x)
    return fn(x)


def cap_probe(probe_data: Tuple[Any, Any], who: str) -> Tuple[Any, Any]:
    """``probe_data`` cut to ``MAX_PROBE_SAMPLES``, with a warning that says so."""
    x, y = probe_data
    n = num_samples(x)
    if n <= MAX_PROBE_SAMPLES:
        return x, y
    common.logger.warning(
        "%s: probe_data has %d samples; the first %d are used for predictions, the "
        "confusion matrix and importance (run over the probe in batches of %d at each "
        "logged step)",
        who,
        n,
        MAX_PROBE_SAMPLES,
        PROBE_BATCH,
    )
    return take(x, 0, MAX_PROBE_SAMPLES), take(y, 0, MAX_PROBE_SAMPLES)


def describe(x: Any) -> str:
    """``[64, 10] float32`` for an array; each input of a list or dict described."""
    if isinstance(x, dict):
        return "{" + ", ".join(f"{k!r}: {describe(v)}" for k, v in x.items()) + "}"
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(describe(v) for v in x) + "]"
    if isinstance(x, str):
        return x
    shape = getattr(x, "shape", None)
    dtype = getattr(x, "dtype", None)
    if shape is None:
        return type(x).__name__
    return f"{list(int(n) if n is not None else None for n in shape)} {str(dtype).split('.')[-1]}"


class PredictionProbe:
    """Writes the confusion matrix, feature importance and sample predictions of a probe set.

    Args:
      writer: a ``tbviz.Writer`` or attached writer.
      name: the model's tag prefix.
      compute: ``compute(start, stop)`` runs the model on probe samples
        ``start:stop`` and returns ``(scores, importance)``, the importance the
        mean over those samples (or None).
      x, y: the whole probe set on the host (``y`` class indices ``[N]`` or
        one-hot ``[N, C]``); it is run in batches of ``PROBE_BATCH``.
      layout: ``channels_last`` (Keras) or ``channels_first`` (PyTorch) for image inputs.
      from_logits: for a single output ``[N, 1]``: True thresholds at 0, False at 0.5.
      class_names: names of the classes, when known.
      expected: what the model takes, for the warning when the probe fails
        (``"training batches are [32, 64] float32"``); None when unknown.
    """

    def __init__(
        self,
        writer: Any,
        name: str,
        compute: Callable[[int, int], Outputs],
        x: np.ndarray,
        y: Optional[np.ndarray],
        *,
        layout: str,
        from_logits: bool = True,
        class_names: Optional[Sequence[str]] = None,
        expected: Optional[Callable[[], Optional[str]]] = None,
    ) -> None:
        self.writer, self.name, self.compute = writer, name, compute
        self.x, self.y, self.layout = x, y, layout
        self.from_logits = from_logits
        self.class_names = list(class_names) if class_names is not None else None
        self.expected = expected
        self.failed = False
        self._said_no_classes = False

    def run(self) -> Outputs:
        """Scores of every probe sample and the importance averaged over all of them,
        in batches of ``PROBE_BATCH``."""
        n = num_samples(self.x)
        scores: List[np.ndarray] = []
        weighted: Dict[str, np.ndarray] = {}
        several, total = False, 0
        for start in range(0, n, PROBE_BATCH):
            stop = min(n, start + PROBE_BATCH)
            batch_scores, importance = self.compute(start, stop)
            scores.append(np.asarray(batch_scores))
            if importance is not None:
                several = isinstance(importance, dict)
                parts = importance if several else {"": importance}
                for key, value in parts.items():
                    part = np.asarray(value, dtype=np.float64) * (stop - start)
                    weighted[key] = part if key not in weighted else weighted[key] + part
                total += stop - start
        mean = {k: (v / total).astype(np.float32) for k, v in weighted.items()}
        importance = (mean if several else mean.get("")) if mean else None
        return np.concatenate(scores), importance

    def log(self, step: int, outputs: Optional[Outputs] = None) -> Optional[float]:
        """Runs the probe (or takes its ``outputs``, computed elsewhere) and writes what
        it shows; returns the probe set's mean cross-entropy (None when the model is
        not a classifier of these labels). A failure turns the predictions off with
        one warning that names ``probe_data``; it never stops training."""
        if self.failed:
            return None
        try:
            scores, importance = outputs if outputs is not None else self.run()
            return self.write(step, scores, importance)
        except Exception as e:  # never stop training for a picture
            self.failed = True
            expected = self.expected() if self.expected is not None else None
            common.logger.warning(
                "tbviz: predictions on probe_data are off from step %d: the model could "
                "not be run on probe_data x %s%s: %s: %s. Training goes on; pass "
                "probe_data=(x, y) shaped like a training batch.",
                step,
                describe(self.x),
                f" ({expected})" if expected else "",
                type(e).__name__,
                e,
            )
            return None

    def write(
        self, step: int, scores: np.ndarray, importance: Optional[Importance]
    ) -> Optional[float]:
        """Writes one step from the model's ``scores`` and the input ``importance``;
        returns the mean cross-entropy of the probe set (see ``log``)."""
        w = self.writer
        tag = f"{self.name}/feature_importance"
        parts = importance if isinstance(importance, dict) else {"": importance}
        for key, value in parts.items():  # one tag per input of a multi-input model
            if value is not None and 1 <= np.ndim(value) <= 3:
                w.feature_importance(
                    f"{tag}/{key}" if key else tag, np.asarray(value), step, layout=self.layout
                )
        scores = _class_scores(scores, self.from_logits)
        truth = _class_labels(self.y, None if scores is None else scores.shape[1])
        if scores is None or truth is None:
            if not self._said_no_classes:
                self._said_no_classes = True
                common.logger.info(
                    "tbviz: no confusion matrix: the model's output %s and the probe labels "
                    "%s are not those of a classifier",
                    None if scores is None else scores.shape,
                    None if self.y is None else self.y.shape,
                )
            return None
        classes = scores.shape[1]
        names = self.class_names if self.class_names and len(self.class_names) == classes else None
        w.confusion_matrix(
            f"{self.name}/confusion_matrix",
            truth,
            scores,
            step,
            class_names=names,
            num_classes=classes,
        )
        images = _images(self.x, self.layout)
        if images is not None:
            predicted = np.argmax(np.nan_to_num(scores, nan=-np.inf), axis=1)
            labels = names or [str(i) for i in range(classes)]
            grid = prediction_grid(images, truth, predicted, labels, bad=np.isnan(scores).any(1))
            w.image(f"{self.name}/predictions", grid, step)
        return cross_entropy(scores, truth, self.from_logits)


def cross_entropy(scores: np.ndarray, truth: np.ndarray, from_logits: bool) -> float:
    """Mean cross-entropy of ``[N, C]`` class scores (logits, or probabilities when
    not ``from_logits``) against class indices; NaN when a score is not finite.

    Example:
        >>> round(cross_entropy(np.array([[0.0, 0.0]]), np.array([1]), True), 4)
        0.6931
    """
    scores = np.asarray(scores, dtype=np.float64)
    picked = scores[np.arange(len(truth)), truth]
    with np.errstate(all="ignore"):
        if from_logits:
            top = scores.max(axis=1)
            lse = top + np.log(np.exp(scores - top[:, None]).sum(axis=1))
            losses = lse - picked
        else:
            losses = -np.log(np.clip(picked, 1e-12, 1.0))
    return float(np.mean(losses))


def _class_scores(scores: Any, from_logits: bool) -> Optional[np.ndarray]:
    """``[N, C]`` class scores of a classifier's output, or None for other models."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim != 2:
        return None
    if scores.shape[1] == 1:  # one sigmoid/logit output: class 1 when above the threshold
        margin = scores[:, 0] - (0.0 if from_logits else 0.5)
        return np.stack([-margin, margin], axis=1)
    return scores


def _class_labels(y: Optional[np.ndarray], classes: Optional[int]) -> Optional[np.ndarray]:
    """Class indices ``[N]`` of probe labels (indices or one-hot), or None when they are not."""
    if y is None or classes is None:
        return None
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == classes and classes > 1:  # one-hot / soft labels
        return np.argmax(y, axis=1)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1 or y.dtype.kind not in "biuf":
        return None
    if y.dtype.kind == "f" and not np.all(np.isfinite(y) & (y == np.round(y))):
        return None  # a regression target
    labels = y.astype(np.int64)
    if labels.size == 0 or labels.min() < 0 or labels.max() >= classes:
        return None
    return labels


def _images(x: np.ndarray, layout: str) -> Optional[np.ndarray]:
    """The first probe inputs as ``[k, H, W, C]`` when they are images, else None."""
    if not isinstance(x, np.ndarray) or x.ndim != 4 or x.dtype.kind not in "biuf":
        return None
    images = x[:MAX_GRID_IMAGES]
    if layout == "channels_first":
        images = np.moveaxis(images, 1, -1)
    return images if images.shape[-1] in (1, 3, 4) else None


def prediction_grid(
    images: np.ndarray,
    truth: Sequence[int],
    predicted: Sequence[int],
    class_names: Sequence[str],
    bad: Optional[Sequence[bool]] = None,
) -> np.ndarray:
    """One RGB picture of ``images`` ``[k, H, W, C]``, each above its labels.

    The caption is ``true->predicted``, green when they agree, red when not (and
    ``true->?`` when the scores held NaN). Images are scaled to [0, 1] together
    (so their brightness stays comparable); small ones are enlarged without blur,
    large ones shrunk to at most 128 pixels a side.

    Example:
        >>> grid = prediction_grid(np.zeros((3, 8, 8, 1)), [0, 1, 2], [0, 1, 1], ["a", "b", "c"])
        >>> grid.shape, grid.dtype
        ((78, 192, 3), dtype('uint8'))
    """
    from PIL import Image, ImageDraw

    images = np.asarray(images, dtype=np.float64)
    k, h, w = images.shape[:3]
    finite = images[np.isfinite(images)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    scaled = np.clip((np.nan_to_num(images, nan=lo) - lo) / ((hi - lo) or 1.0), 0, 1)
    rgb = np.repeat(scaled, 3, axis=-1) if scaled.shape[-1] == 1 else scaled[..., :3]
    zoom = max(1, _TILE // max(h, w))
    image_w, image_h = w * zoom, h * zoom
    if max(h, w) > _MAX_TILE:
        shrink = _MAX_TILE / max(h, w)
        image_w, image_h = max(1, round(w * shrink)), max(1, round(h * shrink))
    tile_w, tile_h = max(image_w, 48), image_h + _LABEL_HEIGHT
    columns = min(k, _GRID_COLUMNS)
    rows = -(-k // columns)
    canvas = Image.new("RGB", (columns * tile_w, rows * tile_h), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    font = _font()
    for i in range(k):
        x0, y0 = (i % columns) * tile_w, (i // columns) * tile_h
        tile = Image.fromarray(np.round(rgb[i] * 255).astype(np.uint8), "RGB")
        resample = Image.NEAREST if image_h >= h else Image.BOX
        canvas.paste(tile.resize((image_w, image_h), resample), (x0, y0))
        unknown = bad is not None and bool(bad[i])
        right = not unknown and int(truth[i]) == int(predicted[i])
        guess = "?" if unknown else _short(class_names[int(predicted[i])])
        caption = f"{_short(class_names[int(truth[i])])}->{guess}"
        draw.text((x0 + 2, y0 + image_h + 1), caption, fill=_RIGHT if right else _WRONG, font=font)
    return np.asarray(canvas)


def _short(name: str, limit: int = 6) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "."


def _font() -> Any:
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=11)
    except TypeError:  # Pillow < 10.1: the fixed bitmap font
        return ImageFont.load_default()


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
    # the function and its helpers (parsing their source) took 0.6 s of the first log.
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
