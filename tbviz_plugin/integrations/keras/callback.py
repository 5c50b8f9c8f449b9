"""``TbvizCallback``: the Keras callback's hook flow, the same on every backend.

The callback is an adapter on ``integrations.core``: its hooks decide which
batches are logged (the cadence), keep the probe batch and hand each part of a
log to a ``StepLogger``. What differs between Keras' backends, how the
training step's gradients are reached and how weights and activations are
reduced on the device, is a ``steps.Steps`` object (``tf_steps``,
``jax_steps``, ``torch_steps``). It never changes training.

Example::

    model.fit(x, y, epochs=10, callbacks=[TbvizCallback("logs/run1")])
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin import diagnose, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.core import FLOW, FULL, ActivationMap, StepLogger, Surface
from tbviz_plugin.integrations.keras import model_info
from tbviz_plugin.integrations.keras.steps import Flow, Steps
from tbviz_plugin.integrations.options import (
    DEFAULT_BUDGET,
    DEFAULT_MAX_BYTES,
    DEFAULT_PROBE_SIZE,
    Options,
)

__all__ = ["BACKENDS", "BackendCallback", "TbvizCallback"]

# Keras' backends the callback runs on; ``BackendCallback`` is its type on the last two.
BACKENDS = ("jax", "torch")
SUPPORTED = ("tensorflow",) + BACKENDS


class TbvizCallback(keras.callbacks.Callback):
    """Records what happens inside a Keras model during ``fit``.

    Args:
      log_dir: a run directory (a ``tbviz.Writer`` is opened at the start of
        ``fit`` and closed at its end) or a ``tbviz.Writer`` / attached writer.
      every: log weights, activations and gradient flow every N training
        batches (counted across epochs). None (default): as often as keeps the
        logging time within ``overhead_budget`` of the training time. Always
        logged: the first batch (its gradients at the initial weights are the
        first gradient-flow row) and a fit's last batch; with ``probe_data``
        (or ``gradients=False``) also the state before the first batch, whole
        (step 0), and the first batch then gets its gradient-flow row alone.
      probe_data: ``(x, y)``, a fixed set of samples: its first ``probe_size``
        samples feed the activation maps; with labels ``y``, all of it (in
        batches, up to ``probes.MAX_PROBE_SAMPLES``) the confusion matrix,
        feature importance and sample predictions (see ``integrations.probes``).
        None: the first ``probe_size`` samples of the first training batch
        (arrays, ``tf.data`` datasets and generators alike), from the log
        after that batch on.
      probe_size: rows of the activation maps (default 64).
      name: the model's tag prefix (default: ``model.name``).
      include, exclude: fnmatch patterns over Keras layer names (``"dense*"``):
        which layers get weight surfaces, activation maps and gradient-flow rows.
      write_graph: write the model's graph for TensorBoard's Graphs view
        (through ``tf.summary.graph``, as Keras's TensorBoard callback does;
        TensorFlow backend only).
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      overhead_budget: fraction of training time logging may take with
        ``every=None`` (default 0.03).
      distributed: under a ``tf.distribute`` strategy with several replicas:
        ``"auto"``/``"chief"`` (the chief writes; the probe batch is split over
        the replicas and the gradient flow reduced with the strategy's
        collectives), ``"per_worker"`` (``<log_dir>/worker_<task>`` runs) or
        ``"off"``; see ``tbviz_plugin.integrations.distributed``. Several
        replicas need ``probe_data`` for activation maps and predictions.
      max_bytes: the run's disk budget (default 250 MB): near it, weight surfaces,
        then activation maps, are written at fewer full logs, and a ``disk_budget``
        health event says so; gradient flow, health and scalars are always
        written. None: no bound.

    A probe the model cannot run (its shape or dtype) turns the activation maps
    and predictions off with one warning naming ``probe_data``; everything else
    is logged and training goes on.

    Tags: ``<layer>/<param>`` (weight surfaces), ``<layer>`` (activation maps),
    ``<name>/gradient_flow``, ``<name>/health``, ``<name>/layers`` (a text
    table), ``<name>/confusion_matrix``, ``<name>/feature_importance``,
    ``<name>/predictions`` (images), scalars ``epoch_<metric>`` (step =
    epoch), ``batch_<metric>`` and ``learning_rate`` (step = batch), ``system/*``.

    Example::

        callback = TbvizCallback("logs/run1", every=50, exclude="dropout*",
                                 probe_data=(x_val[:512], y_val[:512]))
        model.fit(x, y, epochs=10, callbacks=[callback])
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        # Keras' JAX and PyTorch backends get a BackendCallback, with these arguments.
        if cls is TbvizCallback and keras.backend.backend() in BACKENDS:
            return super().__new__(BackendCallback)
        return super().__new__(cls)

    def __init__(
        self,
        log_dir: Any,
        *,
        every: Optional[int] = None,
        probe_data: Optional[Tuple[Any, Any]] = None,
        probe_size: int = DEFAULT_PROBE_SIZE,
        name: Optional[str] = None,
        include: Any = None,
        exclude: Any = None,
        write_graph: bool = True,
        weights: bool = True,
        activations: bool = True,
        gradients: bool = True,
        resources: bool = True,
        diagnosis: bool = True,
        thresholds: Optional[diagnose.Thresholds] = None,
        overhead_budget: float = DEFAULT_BUDGET,
        distributed: str = "auto",
        max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
    ) -> None:
        super().__init__()
        self.backend = keras.backend.backend()
        if self.backend not in SUPPORTED:
            raise RuntimeError(
                f"TbvizCallback supports the TensorFlow, JAX and PyTorch backends of Keras 3; "
                f"this Keras runs {self.backend!r}."
            )
        self.options = Options.from_arguments(locals())
        self.log_dir = log_dir
        self.write_graph = write_graph
        self.writer: Any = None
        self._owned = False
        # Its writer is opened at the start of fit; its name is the model's unless given.
        self.recorder = StepLogger(
            None, self.options.name or "model", self.options, cadence_name="tbviz callback"
        )
        self.cadence = self.recorder.cadence
        self.clock = self.recorder.clock
        self._steps: Optional[Steps] = None  # the backend's part, made at the first fit

        # The probe: probe_data (capped) for the predictions; its first probe_size
        # samples, or those of the first training batch, for the activation maps.
        self._probe_set = (
            None if probe_data is None else probes.cap_probe(probe_data, "tbviz callback")
        )
        self._probe: Optional[Tuple[Any, Any]] = None  # (x, y) on the host
        self._probe_failed = False  # the model could not run it: maps and predictions off
        self._predictions: Optional[probes.PredictionProbe] = None

        # Per fit (``_setup``): the watched layers.
        self._ready = False
        self._layers: List[Any] = []
        self._layer_names: List[str] = []
        self._tap_layers: List[Any] = []
        self._variables: List[Any] = []
        self._owner_names: List[str] = []
        self._param_names: List[str] = []  # each variable's name in its surface's tag
        self._owners: List[int] = []  # the index in _layers of each variable's layer

        # Kept across fit() calls, so a second fit continues the steps of the first.
        self._step = 0
        self._epoch_base = 0
        self._epoch = 0
        self._started = False  # the layer table (and the graph) written
        self._graph_pending = False
        self._pending: Optional[str] = None  # the running batch is armed: FULL or FLOW
        self._pending_last = False  # the armed batch is the fit's last
        self._had_gradients = False  # a log with the training step's gradients was written
        self._began_whole = False  # this fit's state before its first update was logged whole
        self._batch_started = 0.0
        self._plain_step = 0.0  # seconds of an unarmed train step, smoothed

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Health events written so far."""
        return self.recorder.events

    def _make_steps(self) -> Steps:
        """The backend's part of the callback."""
        if self.backend == "jax":
            from tbviz_plugin.integrations.keras.jax_steps import JaxSteps

            return JaxSteps(self)
        if self.backend == "torch":
            from tbviz_plugin.integrations.keras.torch_steps import TorchSteps

            return TorchSteps(self)
        from tbviz_plugin.integrations.keras.tf_steps import TFSteps

        return TFSteps(self)

    # ----------------------------------------------------------------- fit hooks

    def on_train_begin(self, logs: Optional[Dict[str, Any]] = None) -> None:
        if self._steps is None or self._steps.model is not self.model:
            self._steps = self._make_steps()
        self._steps.begin()
        if self.writer is None or (self._owned and self.writer.closed):
            self.writer, self._owned = self._steps.open_writer(self.log_dir)
        if self.options.name is None and not self._started:
            self.recorder.rename(self.model.name)
        self.recorder.set_writer(self.writer)
        if self.options.resources:  # step times of this fit only
            self.recorder.resources = common.ResourceSampler()
        self._ready = False
        steps, epochs = self.params.get("steps"), self.params.get("epochs")
        if steps and epochs:  # a fit of known length: a gradient-flow map of some columns
            self.recorder.expect_steps(int(steps) * int(epochs))
        self._began_whole = False
        if self.model.built and self.model.trainable_weights:
            self._setup()
            # The state before this fit's first update. Without probe_data the probe comes
            # from the first batch, whose log (its gradients at these weights) is whole.
            first_batch_whole = self._probe is None and self._steps.gradients
            if self.recorder.last_logged != self._step and not first_batch_whole:
                self._log(self._step, {})
                self._began_whole = True
        # else: a model without an Input is built by its first batch; start after it

    def on_epoch_begin(self, epoch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        self._epoch_base = self._step
        self._epoch = epoch

    def on_train_batch_begin(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        # Decided before the step, so that the train step reduces its gradients
        # only when this batch will be logged.
        if not self._ready or not self._steps.gradients:
            return
        upcoming, last = model_info.next_batch(self, batch)
        # The first training batch is always logged: its gradients, taken at the
        # initial weights, are the first gradient-flow row; it is logged whole
        # unless the state before it was.
        first = not self._had_gradients
        if last or (first and not self._began_whole):
            self._pending = FULL
        else:
            self._pending = self.recorder.due(upcoming, self._step) or (FLOW if first else None)
        self._pending_last = last
        self._batch_started = self.clock()
        self._steps.arm(self._pending is not None)

    def on_train_batch_end(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        # Keras passes the index of the last batch run, which jumps by
        # steps_per_execution; count from it rather than from the calls.
        previous = self._step
        self._step = max(previous + 1, self._epoch_base + int(batch) + 1)
        self.recorder.count_step(armed=self._pending is not None)
        logs = logs or {}
        if not self._ready:
            self._setup()
            self._log(self._step, logs)
        elif not self._steps.gradients:  # no train step to arm: the cadence alone
            if self.cadence.due(self._step, previous):
                self._log(self._step, logs)
        else:
            self._log_armed(logs)

    def _log_armed(self, logs: Dict[str, Any]) -> None:
        """After a batch whose train step was armed (or not): its log, if any."""
        # What an armed step costs beyond a plain one (its gradient copy) is logging
        # time too: the governor counts it with the log.
        duration = self.clock() - self._batch_started
        if self._pending is None:
            self._plain_step = model_info.plain_step_estimate(self._plain_step, duration)
            return
        part, self._pending = self._pending, None
        extra = max(0.0, duration - self._plain_step) if self._plain_step else 0.0
        # Tracing the logging ops into the train step (its first call) is one-off
        # logging time: in the account, not in the estimate.
        self.cadence.charge(self._steps.take_trace_seconds())
        if part == FULL:  # the fit's last batch is logged whole (see core.DiskBudget)
            self._log(self._step, logs, True, extra, final=self._pending_last)
        else:
            self._log_flow(self._step, logs, extra_seconds=extra)

    def on_epoch_end(self, epoch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        values = dict(logs or {})
        lr = self._learning_rate()
        if lr is not None:
            values["learning_rate"] = lr
        self.recorder.log_epoch(epoch, values, self._num_classes())

    def on_train_end(self, logs: Optional[Dict[str, Any]] = None) -> None:
        try:
            if self._ready and self.recorder.last_logged != self._step:
                # The final state, whatever the cadence (with the last step's
                # gradients where the backend still has them).
                self._log(self._step, {}, fresh_gradients=True, final=True)
        finally:
            self._steps.remove()
            if self._owned:
                self.writer.close()
            else:
                self.writer.flush()

    # ----------------------------------------------------------------- set-up

    def _setup(self) -> None:
        """Finds the layers, lets the backend wrap what the training gradients need and
        readies the probe. Its time counts in the governor's account
        (``Cadence.charge``)."""
        started = self.clock()
        try:
            self._setup_untimed()
        finally:
            self.cadence.charge(self.clock() - started)

    def _setup_untimed(self) -> None:
        self._ready = True
        model = self.model
        layers = [x for x in model_info.walk(model) if not isinstance(x, keras.layers.InputLayer)]
        # include/exclude select the layers once: the surfaces, the gradient sums,
        # the weight sums and the tap model all use this list.
        selected = set(self.options.select([x.name for x in layers], self.recorder.name))
        self._layers = [x for x in layers if x.trainable_weights and x.name in selected]
        self._tap_layers = [x for x in layers if x.name in selected]
        self._layer_names = [x.name for x in self._layers]
        self._variables = [v for x in self._layers for v in x.trainable_weights]
        self._owner_names = [x.name for x in self._layers for _ in x.trainable_weights]
        self._param_names = [n for x in self._layers for n in model_info.param_names(x)]
        self._owners = [i for i, x in enumerate(self._layers) for _ in x.trainable_weights]
        self._steps.watch()
        if self._probe is None and self._probe_set is not None:
            x, y = self._probe_set
            size = self.options.probe_size
            self._probe = (
                model_info.host(probes.take(x, 0, size)),
                model_info.host(probes.take(y, 0, size)),
            )
        self._use_probe()
        if not self._started:  # once per callback: the table, the graph
            self._started = True
            common.write_layer_table(
                self.writer, f"{self.recorder.name}/layers", model_info.layer_rows(model)
            )
            # Without known inputs the graph is traced on the probe, once it ran.
            self._graph_pending = self.write_graph and self._steps.writes_graph
            if self._graph_pending and model_info.input_specs(model) is not None:
                self._write_graph()

    # ----------------------------------------------------------------- probe

    def _take_first_batch(self) -> None:
        """Without probe_data: the first training batch's first samples, once kept."""
        if self._probe is not None or self._probe_set is not None:
            return
        kept = self._steps.first_batch()
        if kept is not None:
            self._probe = kept
            self._use_probe()

    def _use_probe(self) -> None:
        """Readies what runs on the probe: the predictions over the whole probe set and
        what the backend builds on the probe batch."""
        self._predictions = None
        self._steps.probe_changed()
        if self._probe is None or self._probe_failed:
            return
        x, y = self._probe_set if self._probe_set is not None else self._probe
        if y is not None and not isinstance(y, (list, tuple, dict)):
            self._predictions = self._steps.prediction_probe(x, y)

    def _probe_off(self, error: Exception) -> None:
        """A probe the model cannot run: activation maps and predictions off, with one
        warning that names the probe and says what the model takes."""
        self._probe_failed = True
        self._predictions = None
        self._steps.probe_changed()
        explicit = self._probe_set is not None
        source = "probe_data x" if explicit else "the first training batch"
        given = self._probe_set[0] if explicit else self._probe[0]
        expected = self._expected()
        common.logger.warning(
            "tbviz callback: activation maps and predictions are off: the model could not "
            "be run on %s %s%s: %s: %s. Training goes on; pass probe_data=(x, y) shaped "
            "like a training batch.",
            source,
            probes.describe(given),
            f" ({expected})" if expected else "",
            type(error).__name__,
            " ".join(str(error).split()),
        )

    def _expected(self) -> Optional[str]:
        """What the model takes, for the probe's warnings; None when it is not known."""
        inputs = model_info.inputs(self.model)
        return None if inputs is None else f"the model takes {probes.describe(inputs)}"

    # ----------------------------------------------------------------- logging

    def _log(
        self,
        step: int,
        logs: Dict[str, Any],
        fresh_gradients: bool = False,
        extra_seconds: float = 0.0,
        final: bool = False,
    ) -> None:
        """Writes one full log; ``fresh_gradients``: the train step that just ran was
        armed (its row is wanted); ``extra_seconds`` of logging work happened before
        it (the armed train step's copy) and count towards its cost."""
        with self.recorder.logging(step, FULL, extra_seconds=extra_seconds, final=final) as timing:
            self._take_first_batch()
            reading = self._steps.read_full(timing, fresh_gradients)  # one host copy
            self._log_weights(step, reading.pooled)
            self.recorder.log_loss(step, logs.get("loss"))  # read by the gradient rules
            self._log_gradient_flow(step, reading.flow)
            self._log_activations(step, reading.activations)
            if self._predictions is not None:
                probe_loss = self._predictions.log(step, reading.predictions)
                self.recorder.log_loss(step, probe_loss, source="probe")
            self._log_scalars(step, logs)
            if self._graph_pending and self._steps.graph_example() is not None:
                t0 = self.clock()
                self._write_graph()
                timing.warmup += self.clock() - t0

    def _log_flow(self, step: int, logs: Dict[str, Any], extra_seconds: float = 0.0) -> None:
        """Writes the gradient-flow row of the armed train step and the batch's scalars
        (a ``FLOW`` log: no surfaces, no probe)."""
        with self.recorder.logging(step, FLOW, extra_seconds=extra_seconds) as timing:
            flow = self._steps.read_flow(timing)
            self.recorder.log_loss(step, logs.get("loss"))  # read by the gradient rules
            self._log_gradient_flow(step, flow)
            self._log_scalars(step, logs)

    def _log_weights(self, step: int, pooled: Dict[int, np.ndarray]) -> None:
        surfaces = []
        for i, v in enumerate(self._variables):
            if i not in pooled:
                continue
            matrix_shape, form = summary.surface_layout(tuple(v.shape), "channels_last")
            tag = f"{self._owner_names[i]}/{self._param_names[i]}"
            surfaces.append(Surface(tag, pooled[i], tuple(v.shape), matrix_shape, form))
        self.recorder.log_weights(step, surfaces)

    def _log_gradient_flow(self, step: int, flow: Optional[Flow]) -> None:
        if not self._layers or flow is None:
            return
        self._had_gradients = True
        partials, weight_sums = flow
        self.recorder.log_gradient_flow(step, self._layer_names, partials, weight_sums)

    def _write_graph(self) -> None:
        self._graph_pending = False
        self._steps.write_graph()

    def _log_activations(self, step: int, activations: List[Tuple[Any, np.ndarray]]) -> None:
        maps = [(layer, a) for layer, a in activations if a.ndim >= 2 and a.size]
        self.recorder.log_activations(
            step, (ActivationMap(layer.name, a, "channels_last") for layer, a in maps)
        )
        if not self.options.diagnosis:
            return
        for layer, a in maps:
            kind = diagnose.normalise_activation(model_info.activation_name(layer))
            if kind is not None:
                stats = diagnose.activation_unit_stats(a, kind, thresholds=self.options.thresholds)
                self.recorder.log_units(step, layer.name, stats)

    def _log_scalars(self, step: int, logs: Dict[str, Any]) -> None:
        self.recorder.log_scalars(step, logs, prefix="batch_")
        lr = self._learning_rate()
        if lr is not None:
            self.recorder.log_scalars(step, {"learning_rate": lr})

    def _learning_rate(self) -> Optional[float]:
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is None:
            return None
        try:
            return float(keras.ops.convert_to_numpy(optimizer.learning_rate))
        except Exception:  # a purged JAX variable between syncs, a schedule without a step
            return None

    def _num_classes(self) -> Optional[int]:
        loss = getattr(self.model, "loss", None)
        name = str(getattr(loss, "name", None) or getattr(loss, "__name__", None) or loss).lower()
        if "categorical_crossentropy" not in name:
            return None
        try:
            units = int(self.model.outputs[0].shape[-1])
        except Exception:
            return None
        return units if units > 1 else None


class BackendCallback(TbvizCallback):
    """``TbvizCallback`` on Keras 3's JAX or PyTorch backend (``TbvizCallback(...)``
    returns one there): the same arguments, tags and guarantees. ``write_graph``
    is TensorFlow's (``tf.summary.graph``) and is ignored here; ``distributed``
    is checked but a ``keras.distribution`` is not handled (give each process a
    log directory of its own).

    Example::

        os.environ["KERAS_BACKEND"] = "jax"
        callback = TbvizCallback("logs/run1", every=50, probe_data=(x_val, y_val))
        model.fit(x, y, epochs=10, callbacks=[callback])
    """

    def __init__(self, log_dir: Any, **kwargs: Any) -> None:
        if keras.backend.backend() not in BACKENDS:
            raise RuntimeError(
                f"BackendCallback runs on Keras' {' and '.join(BACKENDS)} backends; this "
                f"Keras runs {keras.backend.backend()!r}: use TbvizCallback"
            )
        super().__init__(log_dir, **kwargs)
