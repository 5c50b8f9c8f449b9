"""What the Keras and PyTorch integrations share: the cadence governor, resource
sampling, precomputed gradient-flow tables and the layer table.

Nothing here imports TensorFlow or PyTorch.
"""

from __future__ import annotations

import collections
import enum
import logging
import math
import os
import statistics
import time
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.checks import check_positive_int
from tbviz_plugin.integrations.options import DEFAULT_BUDGET, check_budget

logger = logging.getLogger("tbviz")

# The per-layer statistics both integrations record, in this column order.
FLOW_STATS = tuple(reduce.GRADIENT_STATS) + tuple(reduce.WEIGHT_STATS)


class Partial(enum.IntEnum):
    """Columns of the partial sums an adapter reduces on the device for one layer's
    gradients; ``stats_from_partials`` turns them into the FLOW_STATS gradient
    columns, and ``distributed`` adds them up across workers."""

    SUM_ABS = 0  # sum |g| over finite elements
    MAX_ABS = 1  # max |g| over finite elements
    SUMSQ_SCALED = 2  # sum (g / max_abs)^2: no float32 overflow for huge gradients
    FINITE = 3  # finite elements
    NAN = 4  # NaN elements (Inf = SIZE - FINITE - NAN)
    SIZE = 5  # all elements; 0 when the layer had no gradient this step
    ZEROS = 6  # elements exactly zero


PARTIALS = tuple(p.name.lower() for p in Partial)

# The partial sums of a layer without a gradient this step (a frozen or unused layer).
NO_GRADIENT = tuple(0.0 if p is Partial.SIZE else math.nan for p in Partial)


class WeightSum(enum.IntEnum):
    """Columns of the per-layer weight sums of squares an adapter reduces on the device
    (``weight_columns_from_sums`` turns them into ``weight_l2`` and ``update_ratio``)."""

    SQ = 0  # sum w^2
    CHANGE_SQ = 1  # sum (w - w_prev)^2; NaN without a previous log
    PREV_SQ = 2  # sum w_prev^2


DIAGNOSIS_WINDOW = 20


def open_writer(log_dir_or_writer: Any) -> tuple:
    """``(writer, owned)``: a tbviz ``Writer`` for a path, or the given writer as is.

    Accepts a log directory (str / PathLike), a ``tbviz.Writer`` or an attached
    writer, or a torch / tensorboardX ``SummaryWriter`` (through ``tbviz.attach``).
    ``owned`` is True when the integration created the writer and must close it.
    """
    from tbviz_plugin.attached import attach
    from tbviz_plugin.writer.methods import SummaryMethods

    if isinstance(log_dir_or_writer, SummaryMethods):
        return log_dir_or_writer, False
    if isinstance(log_dir_or_writer, (str, os.PathLike)):
        from tbviz_plugin.writer import Writer

        return Writer(os.fspath(log_dir_or_writer)), True
    if hasattr(log_dir_or_writer, "_get_file_writer"):
        return attach(log_dir_or_writer), False
    raise TypeError(
        "log_dir must be a directory path, a tbviz.Writer, or a torch/tensorboardX "
        f"SummaryWriter, got {type(log_dir_or_writer).__name__}"
    )


def writer_logdir(writer: Any) -> Optional[str]:
    """The directory a writer writes to, when it can be known."""
    if hasattr(writer, "logdir"):
        return str(writer.logdir)
    inner = getattr(writer, "summary_writer", None)
    if inner is not None:
        return str(getattr(inner, "log_dir", None) or getattr(inner, "logdir", None) or "") or None
    return None


# --------------------------------------------------------------------------- cadence


class Cadence:
    """Decides which steps are logged in full (surfaces, activations, gradient flow).

    With ``every=N`` every N-th step is logged (step 0 included). With
    ``every=None`` the governor keeps the time spent logging at or below
    ``budget`` (default 3%) of the training time, by two rules:

    * spacing: after a log that took ``c`` seconds, the next one waits until
      ``c / budget`` seconds of training have passed;
    * the whole account: everything spent for logging since the first log or
      set-up (its one-off costs too: tracing, graph optimisation, warm-up,
      ``charge``) plus the next log stays within ``budget`` of the time since
      then. After an expensive start the logs pause until training has paid
      for it, instead of the start coming on top of the budget.

    The first log's one-off costs (``warmup_seconds``) count in the account
    but not in the estimate of what a log costs: the second log, the first one
    measured, comes as soon as the account allows it, the first log's cost
    standing for its own (at once when the first log was cheap; a log right
    after an expensive first one would add nothing to the picture but its
    cost). A log's cost includes the CPU time the writer's background thread
    spent since the previous log (``background_total``): on a machine
    whose cores training keeps busy, that time is taken from training too.
    The governor says once how often it logs. With ``keep_last`` the account
    keeps room for one more log, the run's last (``final``), taken whatever the
    cadence: a short run's last log does not come on top of the budget.

    ``clock`` (default ``time.perf_counter``) is what both the integration and
    the governor read, so tests can drive the governor with a fake one.

    Example::

        cadence = Cadence(None)            # the governor
        if cadence.due(step):
            started = cadence.clock()
            ...                            # log
            cadence.record(step, started)
    """

    def __init__(
        self,
        every: Optional[int],
        budget: float = DEFAULT_BUDGET,
        name: str = "tbviz",
        clock: Callable[[], float] = time.perf_counter,
        keep_last: bool = False,
    ):
        if every is not None:
            check_positive_int(every, "every")
        self.every = every
        self.keep_last = keep_last
        self.budget = check_budget(budget)
        self.name = name
        self.clock = clock
        self._costs: List[float] = []
        self._estimate = 0.0
        self._last_end: Optional[float] = None
        self._last_step: Optional[int] = None
        self._announced = False
        self._background_seen = 0.0
        self._start: Optional[float] = None  # clock at the first log or charge
        self._held = False  # the next log waited for the account
        self._said_held = False
        self.spent_seconds = 0.0  # everything logging took since then
        self.logged_steps: List[int] = []

    def due(self, step: int, previous: Optional[int] = None) -> bool:
        """Whether ``step`` is logged; ``previous`` is the step counted before it, when
        steps advance by more than one (Keras ``steps_per_execution``)."""
        if self.every is not None:
            if previous is None:
                return step % self.every == 0
            return step // self.every > previous // self.every
        if not self._costs:  # the first log
            return True
        now = self.clock()
        spaced = (now - self._last_end) * self.budget >= self._estimate
        # Before a log was measured, the first's cost (its declared warm-up left out)
        # stands for the next ones in the account; the spacing waits for a measure.
        next_cost = self._estimate if len(self._costs) > 1 else self._costs[0]
        logs = 2 if self.keep_last else 1  # this one and, kept, the last
        paid = self.spent_seconds + logs * next_cost <= self.budget * (now - self._start)
        if spaced and not paid:
            self._held = True  # this interval is the account's, not the cadence's
            # Said once, when the start cost as much as ten logs or more.
            if not self._said_held and self.spent_seconds > 10 * next_cost:
                self._said_held = True
                logger.info(
                    "%s: logging has taken %.2f s so far (set-up, tracing, first logs); "
                    "the next log waits until that is within %.0f%% of the training "
                    "time (pass every=N or a larger overhead_budget to log more often)",
                    self.name,
                    self.spent_seconds,
                    100 * self.budget,
                )
        return spaced and paid

    def restart_spacing(self) -> None:
        """Counts the spacing from now, as after a log of this cadence (another
        cadence's log just wrote what this one would have)."""
        if self._last_end is not None:
            self._last_end = self.clock()

    def charge(self, seconds: float) -> None:
        """Counts ``seconds`` spent for logging outside a log (set-up, tracing) in
        the account; not in the estimate of a log's cost."""
        seconds = max(0.0, float(seconds))
        if self._start is None:
            self._start = self.clock() - seconds
        self.spent_seconds += seconds

    def add_to_last(self, seconds: float) -> None:
        """Adds ``seconds`` the last log cost after it ended (``StepAfterLog``: how much
        slower the training step after it ran; negative when it happened to run
        faster) to the account, and when positive to the log's cost in the estimate
        (a step that ran fast by chance must not make the next logs look free)."""
        seconds = float(seconds)
        self.spent_seconds = max(0.0, self.spent_seconds + seconds)
        if self._costs and seconds > 0:
            self._costs[-1] += seconds
            self._estimate = self.estimate()

    def estimate(self) -> float:
        """Seconds one log takes: the median of the last three, the first (warm-up) log
        left out; 0.0 before a second log was measured."""
        recent = self._costs[1:][-3:]
        return float(np.median(recent)) if recent else 0.0

    def record(
        self,
        step: int,
        started: float,
        warmup_seconds: float = 0.0,
        background_total: Optional[float] = None,
        final: bool = False,
    ) -> None:
        """Records a log that started at ``clock()`` value ``started``;
        ``background_total`` is the writer's ``background_seconds`` (when it has them).
        ``final``: the run's last log, taken whatever the cadence (not announced)."""
        end = self.clock()
        background = 0.0
        if background_total is not None:
            background = max(0.0, background_total - self._background_seen)
            self._background_seen = background_total
        if self._start is None:
            self._start = started
        self.spent_seconds += max(0.0, end - started) + background
        self._costs.append(max(0.0, end - started - warmup_seconds) + background)
        self._costs = self._costs[-8:]
        self._estimate = self.estimate()
        if (
            self.every is None
            and not final
            and not self._announced
            and self._last_step is not None
            and len(self._costs) >= 3
            and not self._held
        ):
            interval = step - self._last_step
            logger.info(
                "%s: a log takes %.1f ms; logging about every %d steps to keep the "
                "overhead under %.0f%% (pass every=N to choose)",
                self.name,
                1e3 * self.estimate(),
                interval,
                100 * self.budget,
            )
            self._announced = True
        self._held = False
        self._last_end = end
        self._last_step = step
        self.logged_steps.append(step)


class StepAfterLog:
    """What a log costs the training step after it, beyond the log's own time.

    The step after a log runs slower than the others: the log filled the caches
    with its arrays, and the framework's threads went to sleep while it ran; the
    governor counts that as the log's. ``step()`` is called once per
    training step, ``logged()`` after each log; ``step()`` returns the part of
    the last log and how much longer the step after it took than the median of
    the last plain steps. Steps vary, so the difference is kept signed (a step
    that happened to run faster counts against the log: over many logs the
    noise cancels instead of adding up) and within the log's own cost either
    way (a step made long by something else, a data loader's new epoch, is
    not the log's doing).

    Example::

        after = StepAfterLog(time.perf_counter)
        after.step()                      # at each step's end
        after.logged("flow", 0.005)       # after a log
        extra = after.step()              # ("flow", seconds) or None
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._last_step: Optional[float] = None
        self._plain: collections.deque = collections.deque(maxlen=16)
        self._log: Optional[Tuple[str, float, float]] = None  # part, end, cost

    def logged(self, part: str, cost: float) -> None:
        self._log = (part, self.clock(), cost)

    def step(self, armed: bool = False) -> Optional[Tuple[str, float]]:
        """Counts a step's end; ``armed``: the step did logging work of its own
        (Keras' gradient copy, counted with its log), so it measures nothing."""
        now, previous = self.clock(), self._last_step
        self._last_step = now
        if self._log is not None:
            part, end, cost = self._log
            self._log = None
            if armed or len(self._plain) < 3:
                return None
            excess = now - end - statistics.median(self._plain)
            return part, max(-cost, min(excess, cost))
        if previous is not None and not armed:
            self._plain.append(now - previous)
        return None


# --------------------------------------------------------------------------- resources


class ResourceSampler:
    """CPU, memory and step time, sampled at logging steps only (cheap: no thread).

    ``psutil`` is optional; without it only step time and throughput are given.
    """

    def __init__(self) -> None:
        try:
            import psutil

            self._process = psutil.Process()
            self._process.cpu_percent(None)  # starts the interval
        except Exception:  # psutil missing or not permitted
            self._process = None
        self._t = time.perf_counter()
        self._steps = 0
        self._samples = 0
        self._excluded = 0.0

    def count(self, samples: int = 0) -> None:
        """Counts one training step (and its batch size, when known)."""
        self._steps += 1
        self._samples += samples

    def exclude(self, seconds: float) -> None:
        """Time spent logging, left out of the step time."""
        self._excluded += seconds

    def sample(self) -> Dict[str, float]:
        now = time.perf_counter()
        out: Dict[str, float] = {}
        elapsed = max(0.0, now - self._t - self._excluded)
        if self._steps and elapsed > 0:
            out["system/step_time_ms"] = 1e3 * elapsed / self._steps
            out["system/steps_per_sec"] = self._steps / elapsed
            if self._samples:
                out["system/samples_per_sec"] = self._samples / elapsed
        if self._process is not None:
            try:
                out["system/cpu_percent"] = float(self._process.cpu_percent(None))
                out["system/rss_mb"] = self._process.memory_info().rss / 2**20
            except Exception:
                pass
        self._t, self._steps, self._samples, self._excluded = now, 0, 0, 0.0
        return out


# --------------------------------------------------------------------------- gradient flow


def stats_from_partials(partials: np.ndarray) -> np.ndarray:
    """``[layers, PARTIALS]`` device sums -> ``[layers, GRADIENT_STATS]``.

    Same definitions as ``reduce.layer_stats``: magnitudes over finite elements,
    NaN and Inf counted apart, ``zero_frac`` over all elements. ``sumsq_scaled``
    is ``sum((g / max_abs)^2)`` so that huge gradients do not overflow float32.
    """
    p = np.asarray(partials, dtype=np.float64)
    sum_abs, max_abs, sumsq_scaled, finite, nan, size, zeros = (p[:, c] for c in Partial)
    with np.errstate(divide="ignore", invalid="ignore"):
        l2 = max_abs * np.sqrt(sumsq_scaled)
        l2 = np.where(max_abs == 0, 0.0, l2)
        mean_abs = sum_abs / finite
        rms = l2 / np.sqrt(finite)
        zero_frac = zeros / size
    out = np.stack([mean_abs, max_abs, l2, rms, nan, size - finite - nan, zero_frac], axis=1)
    out[np.ix_(finite == 0, [0, 1, 2, 3, 6])] = math.nan  # only NaN/Inf: no magnitude
    out[size == 0] = math.nan  # no gradient at all (frozen or unused layer)
    return out


def weight_columns_from_sums(sums: np.ndarray) -> np.ndarray:
    """``[layers, 2]`` weight_l2 and update_ratio from ``[layers, 3]`` sums reduced on
    the device: ``sum w²``, ``sum (w - w_prev)²`` (NaN without a previous log) and
    ``sum w_prev²``: ``weight_l2 = ‖w‖₂`` and ``update_ratio = ‖w − w_prev‖₂ / ‖w_prev‖₂``
    (docs/format.md), NaN without a previous log or when ``w_prev`` is all zeros."""
    s = np.asarray(sums, dtype=np.float64)
    out = np.full((len(s), 2), math.nan)
    out[:, 0] = np.sqrt(s[:, WeightSum.SQ])
    prev_l2 = np.sqrt(s[:, WeightSum.PREV_SQ])
    with np.errstate(divide="ignore", invalid="ignore"):
        out[:, 1] = np.where(prev_l2 > 0, np.sqrt(s[:, WeightSum.CHANGE_SQ]) / prev_l2, math.nan)
    return out


def write_pooled_surface(
    writer: Any,
    tag: str,
    pooled: np.ndarray,
    step: int,
    *,
    shape: Sequence[int],
    matrix_shape: Sequence[int],
    form: str,
    grid: Tuple[int, int] = summary.DEFAULT_SURFACE_GRID,
) -> None:
    """Writes a weight surface that was already max-abs pooled on the device.

    The record is the one ``writer.weight_surface`` writes for the full array
    (same metadata: original ``shape``, ``matrix_shape``, ``form``, pool and
    grid); only the pooling ran elsewhere, so the full weights never reach the
    host. ``pooled`` must be a private float32 array (it is sent as is).

    Example::

        write_pooled_surface(w, "dense/kernel", pooled, 10, shape=[512, 512],
                             matrix_shape=[512, 512], form="matrix")
    """
    prepared = summary.prepare_pooled_weight_surface(
        tag, pooled, shape=shape, matrix_shape=matrix_shape, form=form, grid=grid
    )
    writer.send(prepared, step)


def write_layer_table(writer: Any, tag: str, rows: Sequence[Dict[str, Any]]) -> None:
    """Writes the model's layer table (name, type, output shape, parameters) at step 0
    as a tbviz ``layer_table`` summary, shown by the tbviz Layers panel.

    A row the format refuses (an odd layer) is logged and the table skipped:
    the table is a convenience and never stops training.
    """
    try:
        writer.layer_table(tag, rows, 0)
    except (TypeError, ValueError) as e:
        logger.warning("tbviz: the layer table %s is not written: %s", tag, e)


# --------------------------------------------------------------------------- diagnosis


class HealthLog:
    """Rolling diagnosis at write time: one stored event per (code, layer) per run.

    Keeps the window the rules read: the last ``window`` gradient-flow rows, each
    layer's last ``window`` unit masks (the run's first log left out: the rules
    judge training, not the initialisation), and the loss (``loss``) from the
    run's start, the batch loss when the loop gives it, else the probe's.
    """

    def __init__(
        self,
        writer: Any,
        tag: str,
        thresholds: Optional[diagnose.Thresholds] = None,
        window: int = DIAGNOSIS_WINDOW,
    ) -> None:
        self.writer, self.tag, self.thresholds, self.window = writer, tag, thresholds, window
        self.seen: set = set()
        self.steps: List[int] = []
        self.tables: List[np.ndarray] = []
        self.events: List[Dict[str, Any]] = []
        self.epochs: List[int] = []
        self.train_loss: List[float] = []
        self.val_loss: List[float] = []
        self.loss_steps: List[int] = []
        self.loss_values: List[float] = []
        self.loss_source: Optional[str] = None
        self.layer_types: Dict[str, str] = {}
        self._units: Dict[str, List[Tuple[int, Dict[str, Any]]]] = {}
        self._first_unit_step: Optional[int] = None

    def notice(self, found: Dict[str, Any], step: int) -> None:
        """Writes one event about the recording itself (``disk_budget``), each time it
        is given: unlike the rules' findings it is not kept to one per run."""
        self.events.append(found)
        self.writer.health(self.tag, [found], step)
        logger.info("tbviz: step %s %s: %s", found["step"], found["code"], found["hint"])

    def _write(self, found: List[Dict[str, Any]], step: int) -> None:
        new = diagnose.merge_new(found, self.seen)
        if new:
            self.events.extend(new)
            self.writer.health(self.tag, new, step)
            for e in new:
                logger.warning(
                    "tbviz: step %s %s %s: %s",
                    e["step"],
                    e["code"],
                    e.get("layer") or "",
                    e["hint"].split(". ")[0],
                )

    def flow(self, layers: Sequence[str], step: int, table: np.ndarray) -> None:
        self.steps.append(step)
        self.tables.append(np.asarray(table, dtype=np.float64))
        self.steps, self.tables = self.steps[-self.window :], self.tables[-self.window :]
        loss = (self.loss_steps, self.loss_values) if self.loss_steps else None
        found = diagnose.diagnose_gradient_flow(
            layers,
            FLOW_STATS,
            self.steps,
            np.stack(self.tables),
            self.thresholds,
            loss=loss,
            layer_types=self.layer_types,
        )
        self._write(found, step)

    def loss(self, step: int, value: Optional[float], source: str = "batch") -> None:
        """Records the training loss of a logged step: ``source`` ``"batch"`` (the
        loop's) or ``"probe"`` (the probe set's, used until a batch loss comes)."""
        if value is None or (source == "probe" and self.loss_source == "batch"):
            return
        if source != self.loss_source:  # one source per run: the batch loss wins
            self.loss_steps, self.loss_values, self.loss_source = [], [], source
        if self.loss_steps and step <= self.loss_steps[-1]:
            return
        self.loss_steps.append(int(step))
        self.loss_values.append(float(value))
        keep = 10 * self.window  # the run's first loss and a bounded recent history
        if len(self.loss_steps) > keep + 1:
            del self.loss_steps[1 : len(self.loss_steps) - keep]
            del self.loss_values[1 : len(self.loss_values) - keep]

    def activations(self, layer: str, step: int, unit_stats: Dict[str, Any]) -> None:
        """The unit rules: over the window of masks when ``unit_stats`` has them
        (``dead_mask`` / ``saturated_mask``), else on this probe batch alone."""
        if not any(k in unit_stats for k in ("dead_mask", "saturated_mask")):
            self._write(
                diagnose.diagnose_activation_stats(layer, step, unit_stats, self.thresholds), step
            )
            return
        if self._first_unit_step is None:
            self._first_unit_step = step
        if step == self._first_unit_step:
            return  # the initialisation is not judged
        history = self._units.setdefault(layer, [])
        history.append((step, unit_stats))
        del history[: -self.window]
        found = diagnose.diagnose_unit_history(
            layer, [s for s, _ in history], [u for _, u in history], self.thresholds
        )
        self._write(found, step)

    def losses(
        self,
        step: int,
        train: Optional[float],
        val: Optional[float],
        num_classes: Optional[int] = None,
    ) -> None:
        if train is None:
            return
        self.epochs.append(step)
        self.train_loss.append(float(train))
        if val is not None:
            self.val_loss.append(float(val))
        vals = self.val_loss if len(self.val_loss) == len(self.train_loss) else None
        found = diagnose.diagnose_loss_curves(
            self.epochs,
            self.train_loss,
            vals,
            num_classes=num_classes,
            thresholds=self.thresholds,
        )
        self._write(found, step)
