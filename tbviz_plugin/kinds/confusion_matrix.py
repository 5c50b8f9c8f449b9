"""``confusion_matrix``: counts of true class (rows) against predicted class (columns).

Tag ``<model>/confusion_matrix``; one float32 ``[C, C]`` tensor per step;
content: the ``class_names`` (``C`` of them). The first write of a tag fixes
its classes. Diagnosed at read time from all kept steps.

Example:
    >>> s = confusion_matrix("m/cm", [0, 1, 1], [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7]])
    >>> s.value[0].tensor.tensor_content == np.array([[1, 0], [1, 1]], "<f4").tobytes()
    True
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import figure, metadata, reduce
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "confusion_matrix"


def _labels(value: Any, name: str) -> Tuple[np.ndarray, Optional[int]]:
    """Class indices ``[N]`` of labels ``[N]`` or scores ``[N, C]`` (argmax), and C of scores.

    A score row holding NaN has no prediction: its index is -1 (not counted).
    One column ``[N, 1]`` is a binary classifier's probability ``p`` of class 1
    (a sigmoid output, or 0/1 labels): the two classes' scores are ``1 - p`` and
    ``p``, so the index is 1 where ``p > 0.5``.
    """
    array = reduce.as_numpy(value, name)
    if array.ndim == 2:
        if array.shape[1] < 1 or array.shape[0] < 1:
            raise ValueError(f"{name} is empty (shape {array.shape})")
        if array.shape[1] == 1:
            p = np.asarray(array[:, 0], dtype=np.float64)
            outside = (p < 0) | (p > 1)
            if outside.any():
                raise ValueError(
                    f"{name} of shape {array.shape} is read as the probability of class 1, "
                    f"so it must lie in [0, 1]; got {p[outside][0]!r}. For logits, apply a "
                    "sigmoid first; or give class indices [N] or scores [N, classes]"
                )
            return np.where(np.isnan(p), -1, p > 0.5).astype(np.int64), 2
        scores = np.asarray(array, dtype=np.float64)
        bad = np.isnan(scores).any(axis=1)
        index = np.argmax(np.where(np.isnan(scores), -np.inf, scores), axis=1)
        return np.where(bad, -1, index).astype(np.int64), int(array.shape[1])
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be class indices [N] or scores [N, classes], got shape {array.shape}"
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty; nothing to count")
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array)) or np.any(array != np.round(array)):
            raise ValueError(
                f"{name} must hold whole class indices; got non-integer values such as "
                f"{array[(~np.isfinite(array)) | (array != np.round(array))][0]!r} "
                "(give scores as a [N, classes] array)"
            )
    labels = array.astype(np.int64)
    if labels.min() < 0:
        raise ValueError(f"{name} holds a negative class index {int(labels.min())}")
    return labels, None


def prepare(
    tag: str,
    y_true: Any,
    y_pred: Any,
    *,
    class_names: Optional[Sequence[str]] = None,
    num_classes: Optional[int] = None,
) -> Prepared:
    """Validates labels and predictions; see ``confusion_matrix``."""
    base.check_tag(tag)
    true, true_classes = _labels(y_true, "y_true")
    pred, pred_classes = _labels(y_pred, "y_pred")
    if true.shape[0] != pred.shape[0]:
        raise ValueError(
            f"y_true has {true.shape[0]} samples but y_pred has {pred.shape[0]}; they must match"
        )
    if num_classes is not None:
        num_classes = base.check_count(num_classes, "num_classes")
        if num_classes < 1:
            raise ValueError("num_classes must be >= 1")
    if class_names is not None:
        class_names = base.check_names(class_names, "class_names", num_classes)
        num_classes = len(class_names)
    for given, name in ((true_classes, "y_true"), (pred_classes, "y_pred")):
        if given is not None and num_classes is not None and given != num_classes:
            raise ValueError(
                f"{name} has scores for {given} classes but there are {num_classes} classes"
            )
        num_classes = given if num_classes is None else num_classes
    if num_classes is None:  # labels only: the classes seen; pass num_classes to fix it
        num_classes = int(max(true.max(), pred.max())) + 1
    for labels, name in ((true, "y_true"), (pred, "y_pred")):
        if labels.max() >= num_classes:
            raise ValueError(
                f"{name} holds class index {int(labels.max())} but there are only "
                f"{num_classes} classes (fixed by class_names/num_classes or the tag's first call)"
            )
    names = class_names or [str(i) for i in range(num_classes)]
    md = metadata.serialized_summary_metadata(NAME, class_names=names)
    return Prepared(tag, NAME, functools.partial(_build, tag, md, true, pred, num_classes), md)


def _build(tag: str, md: bytes, true: np.ndarray, pred: np.ndarray, classes: int) -> SummaryTensor:
    counted = pred >= 0  # a NaN score row predicts nothing
    flat = true[counted] * classes + pred[counted]
    counts = np.bincount(flat, minlength=classes * classes).reshape(classes, classes)
    return SummaryTensor(tag, md, counts.astype(np.float32))


def confusion_matrix(tag: str, y_true: Any, y_pred: Any, **kwargs: Any) -> summary_pb2.Summary:
    """Counts of true class (rows) against predicted class (columns), ``[C, C]``.

    Args:
      tag: e.g. ``"model/confusion_matrix"``.
      y_true: class indices ``[N]`` (ints, or floats holding whole numbers), or
        one-hot / scores ``[N, C]`` (argmax).
      y_pred: class indices ``[N]``, or scores / probabilities ``[N, C]`` (argmax;
        a row with NaN predicts nothing and is not counted). A binary
        classifier's sigmoid output ``[N, 1]`` is the probability of class 1:
        two classes, class 1 where it is above 0.5 (the same for ``y_true``).
      class_names: ``C`` names, stored in the metadata (default ``"0"`` ..).
      num_classes: ``C`` when neither class_names nor scores give it; without
        any of them it is the largest index seen + 1.

    Example:
        >>> s = confusion_matrix("m/cm", [0, 1, 1], [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7]])
        >>> s.value[0].tensor.tensor_content == np.array([[1, 0], [1, 1]], "<f4").tobytes()
        True
    """
    return prepare(tag, y_true, y_pred, **kwargs).build().to_proto()


def record(
    sink: Any,
    tag: str,
    y_true: Any,
    y_pred: Any,
    step: int,
    *,
    class_names: Optional[Sequence[str]] = None,
    num_classes: Optional[int] = None,
    wall_time: Optional[float] = None,
) -> None:
    """Records true class (rows) against predicted class (columns) counts.

    ``y_true`` and ``y_pred`` are class indices ``[N]`` or scores ``[N, C]``
    (argmax). The first call fixes the tag's classes (from ``class_names``,
    ``num_classes``, the scores' width, or the largest index seen); later
    calls may leave ``class_names`` out.

    Example:
        >>> w.confusion_matrix("model/confusion_matrix", y_probe, model(x_probe),
        ...                    step=100, class_names=["cat", "dog"])  # doctest: +SKIP

    See ``tbviz_plugin.summary.confusion_matrix``.
    """
    first = sink.first_content(tag, NAME)
    if first is not None:
        known = first["class_names"]
        if class_names is None:
            class_names = known
        elif list(class_names) != known:
            raise ValueError(
                f"class_names of tag {tag!r} were fixed by its first call as {known}; "
                f"got {list(class_names)}; write other classes under a new tag"
            )
    prepared = prepare(tag, y_true, y_pred, class_names=class_names, num_classes=num_classes)
    sink.send(prepared, step, wall_time)


# --------------------------------------------------------------------------- reading


def step_shape(content: Dict[str, Any]) -> Tuple[int, int]:
    """``[C, C]`` for the tag's ``class_names``."""
    return (len(content.get("class_names", ())),) * 2


def diagnose(
    content: Dict[str, Any],
    steps: List[int],
    table: np.ndarray,
    *,
    loss: Any = None,
    types: Optional[Mapping[str, str]] = None,
) -> List[Dict[str, Any]]:
    """The prediction rules over ``[steps, C, C]``."""
    from tbviz_plugin import diagnose as rules

    return rules.diagnose_predictions(content["class_names"], steps, table, layer_types=types)


def _names(array: np.ndarray, content: Dict[str, Any]) -> List[str]:
    return content.get("class_names") or [str(i) for i in range(array.shape[0])]


def _labelled_rows(array: np.ndarray, content: Dict[str, Any]) -> Optional[List[List[str]]]:
    """The matrix with its class names: rows true, columns predicted."""
    if array.ndim != 2:
        return None
    names = _names(array, content)
    return [["true/predicted", *names]] + [
        [name, *(base.format_cell(x) for x in row)] for name, row in zip(names, array)
    ]


def _png(array: np.ndarray, content: Dict[str, Any], title: str, out: str) -> None:
    names = _names(array, content)
    figure.heatmap(
        array,
        out,
        title=title,
        x=figure.Axis("predicted class", figure.index_ticks(len(names), names, most=30)),
        y=figure.Axis("true class", figure.index_ticks(len(names), names, most=30)),
        value_label="samples",
        annotate=True,
    )


KIND = base.Kind(
    name=NAME,
    prepare=prepare,
    methods={"confusion_matrix": record},
    tf_summary=True,
    inputs=2,
    tensor_matches=lambda content, array: tuple(array.shape) == step_shape(content),
    step_shape=step_shape,
    diagnose=diagnose,
    export=base.step_exporter(_png, _labelled_rows),
)
