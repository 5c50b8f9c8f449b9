"""``health``: health events as a 1-D string tensor of JSON objects.

Tag ``<model>/health``; each element is one event: ``step``, ``layer``,
``code``, ``severity``, ``value``, ``threshold``, ``hint`` (and any other JSON
keys, such as ``evidence``). The content holds nothing beyond the kind.

Example:
    >>> s = health("m/health", [{"code": "nan_loss"}], step=3)
    >>> s.value[0].tensor.string_val[0][:30]
    b'{"code":"nan_loss","hint":"","'
"""

from __future__ import annotations

import math
from typing import Any, Dict, Iterable, Mapping, Optional

from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import metadata
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "health"
SEVERITIES = ("info", "warning", "error")


def _finite_or_none(value: Any, name: str) -> Optional[float]:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number or None, got {value!r}") from None
    # JSON has no NaN/Inf; keep them as strings so the event is not lost.
    return number if math.isfinite(number) else str(number)  # type: ignore[return-value]


def normalise_event(event: Mapping[str, Any], step: int, index: int = 0) -> Dict[str, Any]:
    """Validates one health event and fills defaults; the dict that is stored.

    Example:
        >>> normalise_event({"code": "dead_units", "layer": "fc"}, 5)["severity"]
        'warning'
    """
    name = f"events[{index}]"
    if not isinstance(event, Mapping):
        raise TypeError(f"{name} must be a mapping, got {type(event).__name__}")
    code = event.get("code")
    if not isinstance(code, str) or not code:
        raise ValueError(f"{name} needs a non-empty string 'code' (e.g. 'vanishing_gradient')")
    severity = event.get("severity", "warning")
    base.check_choice(severity, f"{name}['severity']", SEVERITIES)
    layer = event.get("layer")
    if layer is not None and not isinstance(layer, str):
        raise TypeError(f"{name}['layer'] must be a str or None, got {layer!r}")
    evidence = event.get("evidence")
    if evidence is not None and not isinstance(evidence, Mapping):
        raise TypeError(f"{name}['evidence'] must be a mapping or None, got {evidence!r}")
    out = dict(event)
    out.update(
        step=base.check_step(event.get("step", step)),
        code=code,
        severity=severity,
        layer=layer,
        value=_finite_or_none(event.get("value"), f"{name}['value']"),
        threshold=_finite_or_none(event.get("threshold"), f"{name}['threshold']"),
        hint=str(event.get("hint", "")),
    )
    return base.checked_json(out, name)


def prepare(tag: str, events: Iterable[Mapping[str, Any]], step: int) -> Prepared:
    """Validates health events; see ``health``."""
    base.check_tag(tag)
    step = base.check_step(step)
    if isinstance(events, (str, bytes, Mapping)):
        raise TypeError("events must be a list of event mappings")
    encoded = base.encode_records([normalise_event(e, step, i) for i, e in enumerate(events)])
    md = metadata.serialized_summary_metadata(NAME)
    return Prepared(tag, NAME, lambda: SummaryTensor(tag, md, encoded), md)


def health(tag: str, events: Iterable[Mapping[str, Any]], step: int) -> summary_pb2.Summary:
    """Health events as a 1-D string tensor of JSON objects.

    Args:
      tag: e.g. ``"model/health"``.
      events: mappings with ``code`` (required), ``severity``
        (info/warning/error), ``layer``, ``value``, ``threshold``, ``hint``
        and ``step`` (defaults to ``step``).
      step: the training step.
    """
    return prepare(tag, events, step).build().to_proto()


def record(
    sink: Any,
    tag: str,
    events: Iterable[Mapping[str, Any]],
    step: int,
    *,
    wall_time: Optional[float] = None,
) -> None:
    """Records health events (see ``tbviz_plugin.summary.health``)."""
    sink.send(prepare(tag, events, step), step, wall_time)


KIND = base.Kind(
    name=NAME,
    prepare=prepare,
    methods={"health": record},
    numeric=False,
    tf_summary=True,
    step_in_prepare=True,
)
