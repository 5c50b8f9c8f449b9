"""The prediction probe: runs a model's ``compute`` over the probe set in batches and
writes the confusion matrix, the feature importance and a picture of sample
predictions (TensorBoard's Images dashboard), framework-neutral.

Example:
    >>> probe = PredictionProbe(w, "mlp", compute, x, y, layout="channels_last")  # doctest: +SKIP
    >>> probe.log(step=100)                                                     # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from tbviz_plugin.integrations import common
from tbviz_plugin.integrations.probes.data import PROBE_BATCH, describe, num_samples

# Gradient x input shaped like one input; for a model with several inputs, one per
# floating input by its name (``inputs_of``).
Importance = Union[np.ndarray, Dict[str, np.ndarray]]
# (scores [N, ...], importance or None), on the host.
Outputs = Tuple[np.ndarray, Optional[Importance]]

MAX_GRID_IMAGES = 16
_GRID_COLUMNS = 8
_TILE = 64  # small images are scaled up (nearest) to about this many pixels
_MAX_TILE = 128  # large ones down (box filter), so the PNG per step stays small
_LABEL_HEIGHT = 14
_RIGHT, _WRONG = (40, 160, 60), (210, 50, 40)


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
