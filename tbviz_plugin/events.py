"""Health events as served: stored ones decoded, diagnosed ones computed.

Shared by the plugin's ``health`` route and ``tbviz inspect`` so both show
the same list. Every event is a dict with step, layer, code, severity, value,
threshold, hint, plus ``tag`` and ``source`` (``stored``, ``diagnosed`` or
``reader`` for data that could not be read).

Example:
    >>> stored_events("m/health", 3, [b'{"code": "nan", "layer": "d"}'])[0]["source"]
    'stored'
"""

from __future__ import annotations

import math
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from tbviz_plugin import kinds
from tbviz_plugin.kinds import base


def stored_events(tag: str, step: int, raw: Iterable[Any]) -> List[Dict[str, Any]]:
    """Decodes one step of a ``health`` tag; an unreadable event becomes a reader event."""
    out = []
    for event in base.decode_records(list(raw)):
        try:
            if isinstance(event, Exception):
                raise ValueError(str(event))
            if not isinstance(event.get("code"), str):
                raise ValueError("no string 'code'")
            if not isinstance(event.get("step", step), int) or isinstance(event.get("step"), bool):
                raise ValueError("'step' is not an integer")
        except (ValueError, UnicodeDecodeError, TypeError) as e:
            out.append(reader_event(tag, step, f"unreadable health event: {e}"))
            continue
        for key in ("value", "threshold"):  # keep JSON valid: NaN/Inf as strings
            if isinstance(event.get(key), float) and not math.isfinite(event[key]):
                event[key] = str(event[key])
        event.setdefault("step", step)
        out.append(dict(json_safe(event), tag=tag, source="stored"))
    return out


# The kinds diagnosed at read time, from all their kept steps stacked.
DIAGNOSED_KINDS = tuple(k.name for k in kinds.ALL if k.diagnose is not None)


def json_safe(value: Any) -> Any:
    """``value`` with every other NaN/Inf float, however deep, as None (JSON has none).

    Example:
        >>> json_safe({"a": [1.0, float("nan")]})
        {'a': [1.0, None]}
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


# Scalar tags holding the training loss at training steps, in order of preference:
# the batch loss the integrations write at logged steps (Keras: the epoch's running
# mean, as in ``fit``'s logs), then a loop's own ``loss``. ``epoch_loss`` is not one:
# its steps are epochs, not the training steps of the gradient-flow rows.
LOSS_TAGS = ("batch_loss", "loss", "train/loss", "train_loss")

Loss = Tuple[List[int], List[float]]


def model_prefix(tag: str) -> str:
    """The model's name of a ``<model>/gradient_flow`` (or ``/confusion_matrix``) tag."""
    return tag.rsplit("/", 1)[0] if "/" in tag else ""


def loss_tag(tag: str, scalar_tags: Iterable[str]) -> Optional[str]:
    """The scalar tag holding the training loss of the model of ``tag``: ``LOSS_TAGS``
    under the model's name first (a second model in the run writes its scalars there),
    then as they are; None when the run has none.

    Example:
        >>> loss_tag("gen/gradient_flow", ["gen/batch_loss", "batch_loss", "epoch_loss"])
        'gen/batch_loss'
        >>> loss_tag("model/gradient_flow", ["epoch_loss"]) is None
        True
    """
    names = set(scalar_tags)
    prefix = model_prefix(tag)
    for name in LOSS_TAGS:
        for candidate in (f"{prefix}/{name}" if prefix else None, name):
            if candidate in names:
                return candidate
    return None


def layer_table_tag(tag: str, tables: Iterable[str]) -> Optional[str]:
    """The ``<model>/layers`` table of the model of ``tag``, else the run's only table."""
    tables = sorted(tables)
    own = f"{model_prefix(tag)}/layers"
    if own in tables:
        return own
    return tables[0] if len(tables) == 1 else None


def layer_types(rows: Iterable[Mapping[str, Any]]) -> Dict[str, str]:
    """Layer name -> class name from a layer table's rows."""
    return {str(r["name"]): str(r["type"]) for r in rows if "name" in r and "type" in r}


def diagnosed_events(
    tag: str,
    content: Dict[str, Any],
    steps: Sequence[int],
    table: np.ndarray,
    *,
    loss: Optional[Loss] = None,
    types: Optional[Mapping[str, str]] = None,
) -> List[Dict[str, Any]]:
    """Runs the read-time diagnosis of the tag's kind (``Kind.diagnose``) over its
    stacked steps: a gradient-flow tag's ``[steps, layers, stats]``, a confusion-matrix
    tag's ``[steps, C, C]``.

    ``loss`` (``(steps, values)`` of the run's training loss, ``loss_tag``) lets the
    gradient rules judge as they did while training; ``types`` (layer name -> class,
    from the model's layer table) chooses the hints of the layer kinds present."""
    if not len(steps):
        return []
    name = content["kind"]
    try:
        found = kinds.get(name).diagnose(content, list(steps), table, loss=loss, types=types)
    except (KeyError, TypeError, ValueError) as e:  # content and tensors disagree
        what = name.replace("_", " ")
        return [reader_event(tag, steps[-1], f"{what} cannot be diagnosed: {e}")]
    return [dict(e, tag=tag, source="diagnosed") for e in found]


def reader_event(tag: str, step: int, message: str) -> Dict[str, Any]:
    """An event that reports data tbviz could not read, instead of failing."""
    return {
        "step": step,
        "layer": None,
        "code": "unreadable_data",
        "severity": "error",
        "value": None,
        "threshold": None,
        "hint": message,
        "tag": tag,
        "source": "reader",
    }


def merge_events(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Sorted by step; a diagnosed event is dropped when the writer already stored
    the same finding (code and layer): the integrations run the same rules while
    training, so read-time diagnosis only adds what plain ``Writer`` runs lack."""
    stored = {(e.get("code"), e.get("layer")) for e in events if e.get("source") == "stored"}
    kept = [
        e
        for e in events
        if e.get("source") != "diagnosed" or (e.get("code"), e.get("layer")) not in stored
    ]
    return sorted(kept, key=lambda e: (e.get("step") or 0, str(e.get("layer") or ""), e["code"]))
