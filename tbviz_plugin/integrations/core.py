"""What a logged step records, the same for every framework.

An adapter (``integrations.torch``, ``integrations.keras``) knows its framework:
it lists the layers, reduces weights, gradients and activations on the device
and runs the probe. It hands the host arrays to a ``StepLogger``, which writes
each part with its own method, keeps the health diagnosis and asks the cadence
which steps come next:

* ``log_weights``: weight surfaces pooled on the device;
* ``log_gradient_flow``: the per-layer table from the gradients' partial sums
  (``common.Partial``) and the weights' sums of squares (``common.WeightSum``);
* ``log_activations``: activation maps, and the dead/saturated unit rules;
* ``log_scalars``, ``log_resources``, ``log_epoch``: TensorBoard scalars and the
  loss-curve rules.

Two kinds of logged step share the overhead budget (``StepLogger.due``): a
*full* log records every part; a *flow* log only the cheap per-layer
statistics (the gradient-flow row, its health rules and the step's scalars), so
with the default cadence the gradient-flow map gets many more columns than
there are weight surfaces. With ``every=N`` every N-th step is a full log.

Example::

    recorder = StepLogger(writer, "mlp", Options(), cadence_name="tbviz watch")
    part = recorder.due(step)               # FULL, FLOW or None
    if part is not None:
        with recorder.logging(step, part):
            if part == FULL:
                recorder.log_weights(step, surfaces)
            recorder.log_gradient_flow(step, layers, partials, weight_sums)

Nothing here imports TensorFlow or PyTorch.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import weakref
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
)

import numpy as np

from tbviz_plugin import diagnose
from tbviz_plugin.integrations import common
from tbviz_plugin.integrations.options import CallError, Options

FULL, FLOW = "full", "flow"

# The budget's share of full logs (surfaces, activations, predictions); flow logs get the rest.
FULL_SHARE = 1 / 3
# Gradient-flow rows a run of known length gets at least (``StepLogger.expect_steps``).
MIN_FLOW_ROWS = 20
# When set (to anything), a log that fails raises instead of being reported once:
# the test suite sets it, so that a bug shows as the error it is.
RAISE_ENV = "TBVIZ_RAISE_LOG_ERRORS"


@dataclasses.dataclass
class Surface:
    """A weight surface already max-abs pooled on the device (``write_pooled_surface``)."""

    tag: str
    pooled: np.ndarray
    shape: Tuple[int, ...]  # the parameter's own shape
    matrix_shape: Tuple[int, int]
    form: str


@dataclasses.dataclass
class ActivationMap:
    """One layer's output on the probe batch."""

    layer: str
    values: np.ndarray
    layout: str  # "channels_first" (PyTorch) or "channels_last" (Keras)


class DiskBudget:
    """Thins weight surfaces, then activation maps, as a run's bytes near ``max_bytes``.

    The level rises (never falls) with the fraction of the budget used: from a
    half, surfaces are written at every 2nd full log, from 70 % every 4th and
    activation maps every 2nd, from 85 % every 8th and every 4th, from 95 %
    neither. Gradient flow, health and scalars are not thinned, and the
    run's last step is written whole (``StepLogger.logging(final=True)``).

    Example:
        >>> budget = DiskBudget(1000)
        >>> budget.plan(100), budget.plan(600), budget.plan(650)
        ((True, True), (False, True), (True, True))
    """

    LEVELS = (0.5, 0.7, 0.85, 0.95)

    def __init__(self, max_bytes: Optional[int]) -> None:
        self.max_bytes = max_bytes
        self.level = 0
        self._full_logs = 0

    def plan(self, used: int) -> Tuple[bool, bool]:
        """(write surfaces, write activation maps) for the next full log, with ``used``
        bytes written so far."""
        if self.max_bytes is not None:
            reached = sum(used >= f * self.max_bytes for f in self.LEVELS)
            self.level = max(self.level, reached)
        n, level = self._full_logs, self.level
        self._full_logs += 1
        if level >= len(self.LEVELS):
            return False, False
        return n % 2**level == 0, level < 2 or n % 2 ** (level - 1) == 0

    def describe(self) -> str:
        """What the current level writes, in words."""
        if self.level >= len(self.LEVELS):
            return "weight surfaces and activation maps are no longer written"
        words = {1: "every", 2: "every 2nd", 4: "every 4th", 8: "every 8th"}
        surfaces = f"weight surfaces at {words[2**self.level]} full log"
        if self.level < 2:
            return surfaces
        return f"{surfaces}, activation maps at {words[2 ** (self.level - 1)]}"


@dataclasses.dataclass
class LogTiming:
    """Seconds of a log that are one-off costs (tracing, the graph): in the governor's
    account, not in its estimate of what a log costs."""

    warmup: float = 0.0


class StepLogger:
    """Writes the parts of a logged step and times it for the governor.

    Args:
      writer: a ``tbviz.Writer``, an attached writer or a ``NullWriter``.
      name: the model's tag prefix (``<name>/gradient_flow``, ``<name>/health``).
      options: the integration's ``Options``.
      cadence_name: how the governor's messages name the integration.
      wrap_cadence: applied to each new ``common.Cadence`` (distributed
        training makes every worker agree on its decisions).
    """

    def __init__(
        self,
        writer: Any,
        name: str,
        options: Options,
        *,
        cadence_name: str = "tbviz",
        wrap_cadence: Callable[[common.Cadence], common.Cadence] = lambda c: c,
    ) -> None:
        self.writer = writer
        self.name = name
        self.options = options
        budget = options.overhead_budget
        self.cadence = wrap_cadence(
            common.Cadence(
                options.every,
                budget * FULL_SHARE,
                name=f"{cadence_name}, full logs",
                keep_last=True,  # the run's last step is logged in full
            )
        )
        # With every=N the flow cadence is never asked: every logged step is full.
        self.flow_cadence = wrap_cadence(
            common.Cadence(
                options.every, budget * (1 - FULL_SHARE), name=f"{cadence_name}, gradient flow"
            )
        )
        self.health = common.HealthLog(writer, f"{name}/health", options.thresholds)
        self.resources = common.ResourceSampler() if options.resources else None
        # Put before layer and scalar tags when another model writes into the same
        # log directory (``claim_log_dir``).
        self.tag_prefix = ""
        self.disk = DiskBudget(options.max_bytes)
        # Whether the current full log writes its surfaces and activation maps (``disk``).
        self.writes_surfaces = self.writes_activations = True
        self._bytes_at_start = getattr(writer, "bytes_sent", 0)
        self.last_logged: Optional[int] = None
        # The last full log that wrote its surfaces and activation maps (not thinned out).
        self.last_full: Optional[int] = None
        self._whole = {"surfaces": -1, "activations": -1}  # the last step each was written
        self._background_seen = 0.0
        self._background = {FULL: 0.0, FLOW: 0.0}  # the writer thread's time, by part
        self._last_part = FULL
        self._row_spacing: Optional[int] = None  # steps between rows at least (expect_steps)
        self._after_log = common.StepAfterLog(lambda: self.clock())  # the governor's clock
        self.failed = False  # a log raised: the cadence asks for no more (``logging``)

    @property
    def clock(self) -> Any:
        return self.cadence.clock

    def rename(self, name: str) -> None:
        """Uses ``name`` as the model's tag prefix (Keras knows it only at ``fit``)."""
        self.name = name
        self.health.tag = f"{name}/health"

    def set_writer(self, writer: Any) -> None:
        """Writes into ``writer`` from now on (a callback reused for a second ``fit``)."""
        if writer is not self.writer:  # the disk budget counts from this writer's start
            self._bytes_at_start = getattr(writer, "bytes_sent", 0)
        self.writer = writer
        self.health.writer = writer

    # ----------------------------------------------------------------- timing

    def due(self, step: int, previous: Optional[int] = None) -> Optional[str]:
        """``FULL`` when ``step`` gets a full log, ``FLOW`` when only its gradient-flow
        row and scalars, None when it is not logged. ``previous``: the step counted
        before it, when steps advance by more than one (``Cadence.due``)."""
        if self.failed:
            return None
        if self.cadence.due(step, previous):
            return FULL
        if self.options.every is None:
            if self.flow_cadence.due(step, previous) or self._row_floor_due(step):
                return FLOW
        return None

    def expect_steps(self, steps: int) -> None:
        """The run has ``steps`` steps (Keras knows it from ``fit``'s epochs and steps):
        the gradient-flow map then gets at least ``MIN_FLOW_ROWS`` columns spread over
        the run, even when the run is too short for the budget to pay for them (a
        few seconds)."""
        self._row_spacing = max(1, steps // MIN_FLOW_ROWS)

    def _row_floor_due(self, step: int) -> bool:
        if self._row_spacing is None or self.last_logged is None:
            return False
        return step - self.last_logged >= self._row_spacing

    @contextlib.contextmanager
    def logging(
        self, step: int, part: str = FULL, extra_seconds: float = 0.0, final: bool = False
    ) -> Iterator[LogTiming]:
        """Times one log of ``step`` (``FULL`` or ``FLOW``): samples resource use at
        its end and tells that part's governor what it cost, the writer thread's
        CPU time since the last log included. ``extra_seconds`` of logging work
        happened before it (Keras: the armed train step's gradient sums); ``final``:
        the run's last step, logged whatever the cadence.

        A log that raises never stops training: the error is reported once, with its
        traceback, and the cadence asks for no more logs (the run's first and last
        steps are still tried). A ``CallError`` (what the caller passed) is raised."""
        started = self.clock() - extra_seconds
        if part == FULL:
            self._plan_disk(step, final)
        # The writer's thread encodes a log's records after the log returns: its time
        # until this log starts is the previous log's, its time during this log this one's.
        self._charge_background(self._last_part)
        timing = LogTiming()
        try:
            yield timing
        except Exception as error:
            if isinstance(error, CallError) or os.environ.get(RAISE_ENV):
                raise
            self._fail(step, error)
            return
        if self.last_logged != step:  # a step logged again (its last parts) is sampled once
            self.log_resources(step)
        self.last_logged = step
        if part == FULL and self.writes_surfaces and self.writes_activations:
            self.last_full = step
        self._last_part = part
        known = self._charge_background(part)
        cadence = self.cadence if part == FULL else self.flow_cadence
        cadence.record(
            step,
            started,
            timing.warmup,
            self._background[part] if known else None,
            final=final,
        )
        if part == FULL:
            self.flow_cadence.restart_spacing()  # a full log holds a gradient-flow row too
        if self.resources is not None:
            self.resources.exclude(self.clock() - started)
        if not final:
            self._after_log.logged(part, self.clock() - started)

    def _fail(self, step: int, error: Exception) -> None:
        if self.failed:
            return
        self.failed = True
        common.logger.warning(
            "%s: logging step %d failed; training goes on, and no more steps are logged "
            "but the last (please report this with the traceback): %s: %s",
            self.name,
            step,
            type(error).__name__,
            error,
            exc_info=error,
        )

    def _plan_disk(self, step: int, final: bool) -> None:
        """Decides what this full log writes under the disk budget (the run's last step
        is written whole); a higher thinning level is told once, as a ``disk_budget``
        health event."""
        if final:  # what the budget left out of this step, if it was logged before
            self.writes_surfaces = self._whole["surfaces"] != step
            self.writes_activations = self._whole["activations"] != step
            return
        used = getattr(self.writer, "bytes_sent", 0) - self._bytes_at_start
        level = self.disk.level
        self.writes_surfaces, self.writes_activations = self.disk.plan(used)
        if self.disk.level == level:
            return
        budget = self.disk.max_bytes
        found = diagnose.event(
            "disk_budget",
            step,
            None,
            used / 1e6,
            budget / 1e6,
            detail=f"{_size(used)} of the run's {_size(budget)} written: "
            f"from step {step}, {self.disk.describe()} (the last step is written whole).",
            evidence={"bytes": used, "max_bytes": self.disk.max_bytes, "level": self.disk.level},
        )
        self.health.notice(found, step)

    def _charge_background(self, part: str) -> bool:
        """Adds the writer thread's CPU time since the last call to ``part``'s account;
        False when the writer does not measure it."""
        background = getattr(self.writer, "background_seconds", None)
        if background is None:
            return False
        self._background[part] += max(0.0, background - self._background_seen)
        self._background_seen = background
        return True

    def count_step(self, samples: int = 0, armed: bool = False) -> None:
        """Counts one training step, at its end, for the step-time scalars and for what
        the step after a log cost beyond a plain one (charged to that log's governor);
        ``armed``: the step did logging work of its own, counted with its log."""
        if self.resources is not None:
            self.resources.count(samples)
        after = self._after_log.step(armed)
        if after is not None:
            part, seconds = after
            (self.cadence if part == FULL else self.flow_cadence).add_to_last(seconds)

    # ----------------------------------------------------------------- parts

    def log_weights(self, step: int, surfaces: Iterable[Surface]) -> None:
        """Weight surfaces, each the record ``Writer.weight_surface`` writes for the
        full parameter (only the pooling ran on the device)."""
        if not self.writes_surfaces:  # thinned out by the disk budget
            return
        for s in surfaces:
            self._whole["surfaces"] = step
            common.write_pooled_surface(
                self.writer,
                self.tag_prefix + s.tag,
                s.pooled,
                step,
                shape=s.shape,
                matrix_shape=s.matrix_shape,
                form=s.form,
            )

    def log_gradient_flow(
        self,
        step: int,
        layers: Sequence[str],
        partials: np.ndarray,
        weight_sums: np.ndarray,
    ) -> np.ndarray:
        """The ``<name>/gradient_flow`` row of ``step`` and its health rules.

        Args:
          layers: layer names in depth order.
          partials: ``[layers, common.Partial]`` sums of each layer's gradients
            (``common.NO_GRADIENT`` rows for layers without one).
          weight_sums: ``[layers, common.WeightSum]`` sums of squares.
        Returns the ``[layers, FLOW_STATS]`` table written.
        """
        grad_stats = common.stats_from_partials(partials)
        table = np.concatenate([grad_stats, common.weight_columns_from_sums(weight_sums)], axis=1)
        self.writer.gradient_flow_table(
            f"{self.name}/gradient_flow", list(layers), common.FLOW_STATS, table, step
        )
        if self.options.diagnosis:
            self.health.flow(list(layers), step, table)
        return table

    def log_activations(self, step: int, maps: Iterable[ActivationMap]) -> None:
        """Activation maps of the probe batch, one tag per layer."""
        if not self.writes_activations:  # thinned out by the disk budget
            return
        for m in maps:
            self._whole["activations"] = step
            self.writer.activation_map(self.tag_prefix + m.layer, m.values, step, layout=m.layout)

    def log_units(self, step: int, layer: str, stats: Mapping[str, Any]) -> None:
        """The dead/saturated unit rules on a layer's unit statistics (``dead_mask``
        or ``saturated_mask`` per unit, as ``diagnose.activation_unit_stats``)."""
        if self.options.diagnosis:
            self.health.activations(layer, step, dict(stats))

    def log_loss(self, step: int, loss: Any, source: str = "batch") -> None:
        """Gives the health rules the training loss of a logged step (``source``
        ``"batch"``, or ``"probe"`` for the probe set's loss)."""
        if self.options.diagnosis:
            self.health.loss(step, to_number(loss), source)

    def set_layer_types(self, types: Mapping[str, str]) -> None:
        """Layer name -> class name (``"LSTM"``), for the hints of the health rules."""
        self.health.layer_types = dict(types)

    def log_scalars(self, step: int, values: Mapping[str, Any], prefix: str = "") -> None:
        """``prefix + key`` scalars (after ``tag_prefix``); values that are not numbers
        are skipped."""
        for key, value in values.items():
            number = to_number(value)
            if number is not None:
                self.writer.scalar(f"{self.tag_prefix}{prefix}{key}", number, step)

    def log_resources(self, step: int, extra: Optional[Mapping[str, float]] = None) -> None:
        """``system/*`` scalars: step time, throughput, CPU and memory since the last log."""
        if self.resources is None:
            return
        sampled: Dict[str, float] = self.resources.sample()
        sampled.update(extra or {})
        self.log_scalars(step, sampled)

    def log_epoch(
        self,
        epoch: int,
        values: Mapping[str, Any],
        num_classes: Optional[int] = None,
    ) -> None:
        """``epoch_<key>`` scalars at step ``epoch`` and the loss-curve rules
        (``values`` holds ``loss`` and, when known, ``val_loss``)."""
        self.log_scalars(epoch, values, prefix="epoch_")
        if self.options.diagnosis:
            self.health.losses(
                epoch, to_number(values.get("loss")), to_number(values.get("val_loss")), num_classes
            )

    @property
    def events(self) -> list:
        """Health events written so far."""
        return list(self.health.events)


_Handle = TypeVar("_Handle", bound="RecordingHandle")


class RecordingHandle:
    """What the handles ``watch`` returns (PyTorch's, JAX's) share: the epoch scalars,
    the health events and flushing, over their ``recorder`` and ``writer``.

    A subclass sets ``recorder`` (a ``StepLogger``), ``writer``, ``num_classes``
    and ``_owned`` (whether it created the writer), and ends the run in its
    ``__exit__``.

    Example::

        with watch(model, "logs/run1") as handle:
            train()
            handle.log_epoch(0, loss=train_loss, val_loss=val_loss)
    """

    recorder: StepLogger
    writer: Any
    num_classes: Optional[int]
    _owned: bool

    def log_epoch(self, epoch: int, loss: Any = None, val_loss: Any = None, **metrics: Any) -> None:
        """Writes ``epoch_<name>`` scalars at step ``epoch`` and diagnoses the loss curves."""
        values = dict(metrics)
        if loss is not None:
            values["loss"] = loss
        if val_loss is not None:
            values["val_loss"] = val_loss
        self.recorder.log_epoch(epoch, self._to_host(values), self.num_classes)

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Health events written so far."""
        return self.recorder.events

    def flush(self) -> None:
        self.writer.flush()

    def __enter__(self: _Handle) -> _Handle:
        return self

    def _to_host(self, values: Dict[str, Any]) -> Dict[str, Any]:
        """``values`` as ``log_epoch`` writes them (a framework may copy them at once)."""
        return values

    def _release_writer(self) -> None:
        """Closes the writer the handle created; flushes one it was given."""
        if self._owned:
            self.writer.close()
        else:
            self.writer.flush()


# log directory -> {model name: the model}, for the models being recorded into it.
_CLAIMS: Dict[str, Dict[str, weakref.ref[Any]]] = {}


def _log_dir_key(target: Any) -> Tuple[str, str]:
    """(key, what messages call it) of a log directory, or of a writer's."""
    log_dir = os.fspath(target) if isinstance(target, (str, os.PathLike)) else None
    if log_dir is None:
        log_dir = common.writer_logdir(target)
    if log_dir is None:
        return f"writer:{id(target)}", "one writer"
    return (log_dir if "://" in log_dir else os.path.realpath(log_dir)), log_dir


def claim_log_dir(target: Any, name: str, model: Any) -> str:
    """The prefix for ``model``'s layer and scalar tags in the log directory ``target``
    (a path, or a writer).

    The first model recorded into a directory writes its tags as they are
    (``0/weight``); a second one recorded there at the same time (a GAN's
    generator and discriminator) gets ``"<name>/"`` before its tags, so that
    neither model's tensors land in the other's tags; a second model of the same
    ``name`` gets ``"<name>_1/"``, with a warning. The prefix's name is the
    second model's name in its own tags (``<name>_1/gradient_flow``).
    ``release_log_dir`` ends the claim.

    Example:
        >>> claim_log_dir("logs/gan", "Generator", g), claim_log_dir("logs/gan", "D", d)
        ('', 'D/')
    """
    key, shown = _log_dir_key(target)
    claims = _CLAIMS.setdefault(key, {})
    for other, ref in list(claims.items()):
        if ref() is None:  # a model gone without remove()
            del claims[other]
    if not claims or any(ref() is model for ref in claims.values()):
        claims.setdefault(name, weakref.ref(model))
        return ""
    if name in claims:  # two models of one name (two Sequentials, a notebook cell run again)
        taken, name = (
            name,
            next(f"{name}_{k}" for k in range(1, len(claims) + 2) if f"{name}_{k}" not in claims),
        )
        common.logger.warning(
            "tbviz: another model named %r is recorded into %s; this one's tags are "
            "written under %r. Pass name= to name them (name='generator', "
            "name='discriminator'), or call remove() on the first one's handle when it is done",
            taken,
            shown,
            name,
        )
    claims[name] = weakref.ref(model)
    return f"{name}/"


def release_log_dir(target: Any, name: str) -> None:
    """Ends ``claim_log_dir``'s claim of ``name`` on the log directory ``target``."""
    key, _ = _log_dir_key(target)
    claims = _CLAIMS.get(key, {})
    claims.pop(name, None)
    if not claims:
        _CLAIMS.pop(key, None)


def _size(n: float) -> str:
    """``n`` bytes in words: ``"234 kB"``, ``"1.5 MB"``, ``"250 MB"``."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            value = n / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{n:.0f} bytes"


def unit_stats(kind: str, mask: np.ndarray, samples: int) -> Dict[str, Any]:
    """The unit statistics the health rules read, from a per-unit mask of dead
    (ReLU-like) or saturated (sigmoid/tanh-like) units on ``samples`` probe samples."""
    name = "dead" if kind in diagnose.RELU_LIKE else "saturated"
    mask = np.asarray(mask, dtype=bool).reshape(-1)
    return {
        f"{name}_frac": float(mask.mean()) if mask.size else 0.0,
        f"{name}_mask": mask,
        "units": float(mask.size),
        "samples": float(samples),
    }


def to_number(value: Any) -> Optional[float]:
    """A Python float of a scalar (a number, a numpy, torch, TensorFlow or JAX scalar
    or one-element array); None when it is not one.

    Example:
        >>> to_number(np.float32(0.5)), to_number([2]), to_number("loss")
        (0.5, 2.0, None)
    """
    if value is None:
        return None
    try:
        if hasattr(value, "detach"):  # a torch tensor, maybe on a GPU
            value = value.detach().float().cpu().numpy()
        flat = np.asarray(value, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        return None
    return float(flat[0]) if flat.size == 1 else None


__all__ = [
    "FLOW",
    "FULL",
    "ActivationMap",
    "LogTiming",
    "RecordingHandle",
    "StepLogger",
    "Surface",
    "claim_log_dir",
    "release_log_dir",
    "to_number",
    "unit_stats",
]
