"""The options every integration takes, checked once, and which layers they select.

``Options`` is what ``watch``, the Keras ``TbvizCallback`` and every adapter to
come share: the cadence, the probe, the parts to record and the layers to
watch. Adapters take these as keyword arguments and build one ``Options``.

Example:
    >>> opts = Options(every=10, include=["encoder.*"], exclude="*.norm*")
    >>> opts.selects("encoder.fc1"), opts.selects("encoder.norm1"), opts.selects("head")
    (True, False, False)
"""

from __future__ import annotations

import dataclasses
import fnmatch
import logging
from typing import Any, Mapping, Optional, Sequence, Tuple, Union

from tbviz_plugin import diagnose
from tbviz_plugin.checks import check_positive_int

logger = logging.getLogger("tbviz")

DEFAULT_BUDGET = 0.03
DEFAULT_PROBE_SIZE = 64
# What a run may put on disk by default before surfaces and activation maps thin out.
DEFAULT_MAX_BYTES = 250 * 10**6
DISTRIBUTED_MODES = ("auto", "chief", "per_worker", "off")

Patterns = Union[str, Sequence[str], None]


class CallError(ValueError):
    """What the caller passed cannot be recorded (an empty ``params``, ``grads`` of
    another structure): raised to the caller, even from inside a log, whose other
    errors are reported once and never stop training (``StepLogger.logging``)."""


@dataclasses.dataclass
class Options:
    """What an integration records, and how often.

    Attributes:
      every: log in full every N steps; None: the overhead governor decides.
      probe_data: ``(x, y)``, a fixed set of samples: its first ``probe_size``
        samples feed the activation maps; all of it (in batches, up to
        ``probes.MAX_PROBE_SAMPLES``) the confusion matrix and importance.
      probe_size: rows of the activation maps (samples of the probe forward).
      name: the model's tag prefix; None: the adapter's default (model name).
      include, exclude: fnmatch patterns over layer names (``"encoder.*"``);
        a layer is watched when it matches an ``include`` pattern (or none is
        given) and no ``exclude`` pattern. Applies to weight surfaces,
        activation maps and gradient-flow rows.
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      overhead_budget: fraction of training time logging may take with
        ``every=None``.
      distributed: ``"auto"``, ``"chief"``, ``"per_worker"`` or ``"off"``
        (``integrations.distributed``).
      max_bytes: the run's disk budget: as the bytes written near it, weight
        surfaces, then activation maps, are written at fewer full logs (gradient
        flow, health and scalars never thin out); None: no bound.
    """

    every: Optional[int] = None
    probe_data: Optional[Tuple[Any, Any]] = None
    probe_size: int = DEFAULT_PROBE_SIZE
    name: Optional[str] = None
    include: Patterns = None
    exclude: Patterns = None
    weights: bool = True
    activations: bool = True
    gradients: bool = True
    resources: bool = True
    diagnosis: bool = True
    thresholds: Optional[diagnose.Thresholds] = None
    overhead_budget: float = DEFAULT_BUDGET
    distributed: str = "auto"
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.every is not None:
            check_positive_int(self.every, "every")
        check_positive_int(self.probe_size, "probe_size")
        check_budget(self.overhead_budget)
        if self.probe_data is not None and not (
            isinstance(self.probe_data, (tuple, list)) and len(self.probe_data) == 2
        ):
            raise TypeError(
                "probe_data must be a pair (x, y) (y may be None), got "
                f"{type(self.probe_data).__name__}"
            )
        check_distributed(self.distributed)
        if self.max_bytes is not None:
            check_positive_int(self.max_bytes, "max_bytes")
        if self.name is not None and not (isinstance(self.name, str) and self.name):
            raise ValueError(f"name must be a non-empty string, got {self.name!r}")
        self.include = _patterns("include", self.include)
        self.exclude = _patterns("exclude", self.exclude)

    @classmethod
    def from_arguments(cls, arguments: Mapping[str, Any]) -> Options:
        """The options among an adapter's keyword ``arguments`` (its ``locals()``):
        each adapter spells out the arguments for its users and builds the one
        ``Options`` from them.

        Example:
            >>> Options.from_arguments({"every": 5, "model": None}).every
            5
        """
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in arguments.items() if k in names})

    def selects(self, layer: str) -> bool:
        """Whether the layer named ``layer`` is watched (``include`` / ``exclude``)."""
        if self.include and not any(fnmatch.fnmatchcase(layer, p) for p in self.include):
            return False
        return not any(fnmatch.fnmatchcase(layer, p) for p in self.exclude)

    def select(self, layers: Sequence[str], model: str = "the model") -> list:
        """The watched names of ``layers``, in their order. A pattern that matches no
        layer (a typo would silently watch nothing) is logged once with the layers."""
        for key, patterns in (("include", self.include), ("exclude", self.exclude)):
            for p in patterns:
                if not any(fnmatch.fnmatchcase(n, p) for n in layers):
                    shown = ", ".join(layers[:20]) + (" ..." if len(layers) > 20 else "")
                    logger.warning(
                        "tbviz: %s=%r matches no layer of %s; its layers are: %s",
                        key,
                        p,
                        model,
                        shown,
                    )
        return [n for n in layers if self.selects(n)]


def check_budget(budget: Any) -> float:
    """``budget`` when it is a fraction in (0, 1]; a ``ValueError`` otherwise."""
    if not (isinstance(budget, (int, float)) and not isinstance(budget, bool) and 0 < budget <= 1):
        raise ValueError(f"overhead_budget must be in (0, 1], got {budget!r}")
    return float(budget)


def check_distributed(mode: Any) -> str:
    """``mode`` when it is one of ``DISTRIBUTED_MODES``; a ``ValueError`` otherwise."""
    if mode not in DISTRIBUTED_MODES:
        raise ValueError(
            f"distributed must be one of {', '.join(map(repr, DISTRIBUTED_MODES))}, got {mode!r}"
        )
    return mode


def _patterns(name: str, value: Patterns) -> Tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    patterns = tuple(value)
    if not all(isinstance(p, str) and p for p in patterns):
        raise TypeError(f"{name} must be a pattern or a list of patterns (strings), got {value!r}")
    return patterns
