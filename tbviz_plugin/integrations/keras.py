"""Keras: ``TbvizCallback(log_dir)`` records weights, activations, gradient flow and health.

Example::

    from tbviz_plugin.integrations.keras import TbvizCallback

    model.fit(x, y, validation_split=0.2, epochs=10, callbacks=[TbvizCallback("logs/run1")])

Supported: Keras 3 with the TensorFlow backend (``KERAS_BACKEND=tensorflow``,
the default), Sequential and Functional models for every part; subclassed
models get weights, gradient flow, scalars and health but no activation maps
(their layer outputs are not reachable from outside the model). Under the JAX
and PyTorch backends ``TbvizCallback(...)`` returns a
``keras_backends.BackendCallback``, with the same arguments and tags.

The callback is an adapter on ``integrations.core``: it reduces on the device
and hands host arrays to a ``StepLogger``, which writes each part. It never
changes training. Gradient statistics come from the training step's own
gradients: the callback wraps the optimiser's ``apply`` so that, on the steps
it logs (and only then), the compiled train step copies the gradients into
device variables, which the callback reduces to per-layer sums after the
step. Weights are pooled to their
surface grid on the device too, so a logged step moves only pooled surfaces,
activations of the probe batch and a few sums to the host, in one copy. The
log of the state before the first batch has no training gradient yet, so it
has weights but no gradient-flow row; the first batch's gradients (taken at
those same initial weights) are the flow of the next log, which the governor
always takes.

Without ``probe_data`` the probe batch is the first ``probe_size`` samples of
the first training batch, kept by the train step itself (arrays, datasets and
generators alike), so activation maps start with the log after that batch.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations import distributed as _distributed
from tbviz_plugin.integrations.core import (
    FLOW,
    FULL,
    ActivationMap,
    LogTiming,
    StepLogger,
    Surface,
)
from tbviz_plugin.integrations.options import (
    DEFAULT_BUDGET,
    DEFAULT_MAX_BYTES,
    DEFAULT_PROBE_SIZE,
    Options,
)

__all__ = ["TbvizCallback"]

# Full logs run eagerly (no tracing for a log that happens rarely); from the next
# one on, the snapshot is traced (logs that frequent repay its tracing).
EAGER_FULL_LOGS = 3

# What the snapshot function returns, split by ``_unpack``: {(part, index): array}.
Snapshot = Dict[Tuple[str, int], np.ndarray]


class TbvizCallback(keras.callbacks.Callback):
    """Records what happens inside a Keras model during ``fit``.

    Args:
      log_dir: a run directory (a ``tbviz.Writer`` is opened at the start of
        ``fit`` and closed at its end) or a ``tbviz.Writer`` / attached writer.
      every: log weights, activations and gradient flow every N training
        batches (counted across epochs; step 0 is logged before the first
        batch). None (default): as often as keeps the logging time within
        ``overhead_budget`` of the training time. The state before the first
        batch, after it (the first gradient-flow row) and after a fit's last
        batch are always logged.
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
        (through ``tf.summary.graph``, as Keras's TensorBoard callback does).
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
        # Keras' JAX and PyTorch backends get their own callback, with these arguments.
        if cls is TbvizCallback and keras.backend.backend() in ("jax", "torch"):
            from tbviz_plugin.integrations.keras_backends import BackendCallback

            return BackendCallback(*args, **kwargs)
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
        if keras.backend.backend() != "tensorflow":
            raise RuntimeError(
                f"TbvizCallback supports the TensorFlow, JAX and PyTorch backends of Keras 3; "
                f"this Keras runs {keras.backend.backend()!r}."
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
        self._dist: Optional[_distributed.TFDistributed] = None

        # The probe: probe_data (capped) for the predictions; its first probe_size
        # samples, or those of the first training batch, for the activation maps.
        self._probe_set = (
            None if probe_data is None else probes.cap_probe(probe_data, "tbviz callback")
        )
        self._probe: Optional[Tuple[Any, Any]] = None  # (x, y) on the host
        self._probe_failed = False  # the model could not run it: maps and predictions off
        self._first_batch: Optional[_FirstBatch] = None
        self._predictions: Optional[probes.PredictionProbe] = None
        self._probe_partials: Any = None  # several replicas: the probe batch's gradient sums

        # Per fit (``_setup``): the watched layers and the device-side readers.
        self._ready = False
        self._layers: List[Any] = []
        self._layer_names: List[str] = []
        self._tap_layers: List[Any] = []
        self._variables: List[Any] = []
        self._owner_names: List[str] = []
        self._param_names: List[str] = []  # each variable's name in its surface's tag
        self._owners: List[int] = []
        self._train_grads: Optional[_TrainingGradients] = None
        self._pending_last = False  # the armed batch is the fit's last
        self._snapshot_fn: Any = None  # built at the next full log
        self._snapshot_runs = 0  # its eager runs; traced once full logs are frequent
        self._snapshot_x: Any = None  # the probe input it takes (None without a tap)
        self._layout: List[Tuple[str, int, Tuple[int, ...]]] = []  # its parts, by shape
        self._surfaces: List[Any] = []  # each variable's surface form, or None
        self._surface_slots: Dict[int, Tuple[int, int]] = {}  # variable -> (group, index)
        self._tap_used: List[Any] = []  # layers whose activations it returns
        self._merged = False  # it returns the probe's scores and importance too
        self._merge_predictions = True  # False once the merged forward failed to trace
        self._prev_vars: Optional[List[Any]] = None  # weights at the last row, on the device
        self._prev_known = False  # _prev_vars hold the weights of a logged step

        # Kept across fit() calls, so a second fit continues the steps of the first.
        self._step = 0
        self._epoch_base = 0
        self._epoch = 0
        self._started = False  # the layer table (and the graph) written
        self._graph_pending = False
        self._pending: Optional[str] = None  # the running batch is armed: FULL or FLOW
        self._had_gradients = False  # a log with the training step's gradients was written
        self._batch_started = 0.0
        self._plain_step = 0.0  # seconds of an unarmed train step, smoothed

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Health events written so far."""
        return self.recorder.events

    # ----------------------------------------------------------------- fit hooks

    def on_train_begin(self, logs: Optional[Dict[str, Any]] = None) -> None:
        self._dist = _distributed.TFDistributed(
            self.model.distribute_strategy, self.options.distributed
        )
        self._dist.check_cadence(self.options.every)
        if self.writer is None or (self._owned and self.writer.closed):
            self.writer, self._owned = self._dist.open_writer(self.log_dir)
        if self.options.name is None and not self._started:
            self.recorder.rename(self.model.name)
        self.recorder.set_writer(self.writer)
        if self.options.resources:  # step times of this fit only
            self.recorder.resources = common.ResourceSampler()
        self._ready = False
        steps, epochs = self.params.get("steps"), self.params.get("epochs")
        if steps and epochs:  # a fit of known length: a gradient-flow map of some columns
            self.recorder.expect_steps(int(steps) * int(epochs))
        self._watch_first_batch()
        if self.model.built and self.model.trainable_weights:
            self._setup()
            if self.recorder.last_logged != self._step:
                self._log(self._step, {})  # the state before this fit's first update
        # else: a model without an Input is built by its first batch; start after it

    def on_epoch_begin(self, epoch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        self._epoch_base = self._step
        self._epoch = epoch

    def on_train_batch_begin(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        # Decided before the step, so that the train step reduces its gradients
        # only when this batch will be logged.
        if not self._ready or self._train_grads is None:
            return
        upcoming, last = _next_batch(self, batch)
        # The first training batch is always logged: its gradients, taken at the
        # initial weights, are the first gradient-flow row.
        first = not self._had_gradients
        self._pending = FULL if first or last else self.recorder.due(upcoming, self._step)
        self._pending_last = last
        self._batch_started = self.clock()
        self._train_grads.arm(self._pending is not None)

    def on_train_batch_end(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        # Keras passes the index of the last batch run, which jumps by
        # steps_per_execution; count from it rather than from the calls.
        previous = self._step
        self._step = max(previous + 1, self._epoch_base + int(batch) + 1)
        self.recorder.count_step()
        if not self._ready:
            self._setup()
            self._log(self._step, logs or {})
        elif self._train_grads is not None:
            # What an armed step costs beyond a plain one (its gradient sums) is
            # logging time too: the governor counts it with the log.
            duration = self.clock() - self._batch_started
            if self._pending is not None:
                part, self._pending = self._pending, None
                extra = max(0.0, duration - self._plain_step) if self._plain_step else 0.0
                # Tracing the gradient sums into the train step (its first call) is
                # one-off logging time: in the account, not in the estimate.
                self.cadence.charge(self._train_grads.take_trace_seconds())
                if part == FULL:  # the fit's last batch is logged whole (see DiskBudget)
                    self._log(
                        self._step,
                        logs or {},
                        fresh_gradients=True,
                        extra_seconds=extra,
                        final=self._pending_last,
                    )
                else:
                    self._log_flow(self._step, logs or {}, extra_seconds=extra)
            else:
                self._plain_step = _plain_step_estimate(self._plain_step, duration)
        elif self.cadence.due(self._step, previous):
            self._log(self._step, logs or {})

    def on_epoch_end(self, epoch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        values = dict(logs or {})
        lr = self._learning_rate()
        if lr is not None:
            values["learning_rate"] = lr
        self.recorder.log_epoch(epoch, values, self._num_classes())

    def on_train_end(self, logs: Optional[Dict[str, Any]] = None) -> None:
        if self._ready and self.recorder.last_logged != self._step:
            self._log(self._step, {}, final=True)  # the final state, whatever the cadence
        wrapped = False
        if self._train_grads is not None:
            self._train_grads.remove()
            self._train_grads = None
            wrapped = True
        if self._first_batch is not None:
            self._first_batch.remove()
            self._first_batch = None
            wrapped = True
        if wrapped:  # a train function without the wrapped optimiser and train step
            self.model.make_train_function(force=True)
        if self._owned:
            self.writer.close()
        else:
            self.writer.flush()

    # ----------------------------------------------------------------- set-up

    def _setup(self) -> None:
        """Finds the layers, wraps the optimiser for the training gradients and readies
        the probe; the snapshot function is built and traced at the next log.

        Its time counts in the governor's account (``Cadence.charge``)."""
        started = self.clock()
        try:
            self._setup_untimed()
        finally:
            self.cadence.charge(self.clock() - started)

    def _setup_untimed(self) -> None:
        self._ready = True
        model = self.model
        layers = [x for x in _walk(model) if not isinstance(x, keras.layers.InputLayer)]
        # include/exclude select the layers once: the surfaces, the gradient sums in
        # the train step, the snapshot's norms and the tap model all use this list.
        selected = set(self.options.select([x.name for x in layers], self.recorder.name))
        self._layers = [x for x in layers if x.trainable_weights and x.name in selected]
        self._tap_layers = [x for x in layers if x.name in selected]
        self._layer_names = [x.name for x in self._layers]
        self._variables = [v for x in self._layers for v in x.trainable_weights]
        self._owner_names = [x.name for x in self._layers for _ in x.trainable_weights]
        self._param_names = [n for x in self._layers for n in _param_names(x)]
        # The index in self._layers of each variable's layer.
        self._owners = [i for i, x in enumerate(self._layers) for _ in x.trainable_weights]
        if self._train_grads is not None:
            self._train_grads.remove()
            self._train_grads = None
        self._keep_previous_weights()
        # Over several replicas each train step sees only its replica's gradients,
        # so the flow comes from the probe batch, split over the replicas and
        # reduced with the strategy's collectives (see integrations/distributed.py).
        if (
            self.options.gradients
            and self._layers
            and getattr(model, "optimizer", None) is not None
            and not self._dist.reduces
        ):
            self._train_grads = _TrainingGradients(model, self._layers, self._weight_sums_graph)
            # Keras builds an unbuilt optimiser (its slot variables) inside the first
            # train step, and a tf.function that creates variables is traced twice,
            # the wrapped optimiser with it. Built first, as Keras' own symbolic build
            # does under a distribution strategy, the train step is traced once.
            optimizer = model.optimizer
            if not optimizer.built:
                with model.distribute_strategy.scope():
                    optimizer.build(model.trainable_variables)
            # The train function may have been traced without the wrapped optimiser
            # (an earlier fit, or the batch that built the model): trace it again.
            model.make_train_function(force=True)
        self._snapshot_fn = None
        if self._probe is None and self._probe_set is not None:
            x, y = self._probe_set
            size = self.options.probe_size
            self._probe = (_host(probes.take(x, 0, size)), _host(probes.take(y, 0, size)))
        self._use_probe()
        if not self._started:  # once per callback: the table, the graph
            self._started = True
            common.write_layer_table(
                self.writer, f"{self.recorder.name}/layers", _layer_rows(model)
            )
            # Without known inputs the graph is traced on the probe, once it ran.
            self._graph_pending = self.write_graph
            if self.write_graph and _input_specs(model) is not None:
                self._write_graph()

    # ----------------------------------------------------------------- probe

    def _watch_first_batch(self) -> None:
        """Without probe_data, keeps the first training batch's first samples (in the
        train step, ``_FirstBatch``) until the probe is known."""
        if self._probe_set is not None or self._probe is not None or self._first_batch:
            return
        if self.model.distribute_strategy.num_replicas_in_sync > 1:
            common.logger.warning(
                "tbviz callback: no probe batch over several replicas; pass "
                "probe_data=(x, y) to record activation maps and predictions"
            )
            return
        self._first_batch = _FirstBatch(self.model, self.options.probe_size)
        self.model.make_train_function(force=True)  # a train step with the copy in it

    def _take_first_batch(self) -> None:
        """The probe from the first training batch, once the train step has kept it."""
        if self._probe is not None or self._first_batch is None:
            return
        kept = self._first_batch.take()
        if kept is not None:
            self._probe = kept
            self._use_probe()

    def _use_probe(self) -> None:
        """Readies what runs on the probe: the predictions over the whole probe set
        and, over several replicas, the probe batch's gradient sums. The snapshot is
        built again, with the activations."""
        self._predictions = None
        self._probe_partials = None
        if self._probe is None or self._probe_failed:
            return
        self._snapshot_fn = None
        model, loss_fn = self.model, _loss_function(self.model)
        x, y = self._probe_set if self._probe_set is not None else self._probe
        if y is not None and not isinstance(y, (list, tuple, dict)):
            self._predictions = probes.for_keras(
                model, (x, y), loss_fn, self.writer, self.recorder.name, expected=self._expected
            )
        if self._dist.reduces and self.options.gradients and loss_fn is not None:
            self._probe_partials = self._dist.build_probe_partials(
                model,
                loss_fn,
                self._variables,
                self._owners,
                len(self._layers),
                _layer_partials,
            )

    def _probe_off(self, error: Exception) -> None:
        """A probe the model cannot run: activation maps and predictions off, with one
        warning that names the probe and says what the model takes."""
        self._probe_failed = True
        self._predictions = None
        self._probe_partials = None
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
        inputs = _inputs(self.model)
        return None if inputs is None else f"the model takes {probes.describe(inputs)}"

    # ----------------------------------------------------------------- snapshot

    def _keep_previous_weights(self) -> None:
        """The groups of equal-shaped variables the weights are summed and pooled in,
        and a device copy of each group's weights at the last gradient-flow row (for
        ``update_ratio``)."""
        import tensorflow as tf

        variables = self._variables
        # Variables of one shape are read, pooled and summed as one stack: a deep
        # stack of equal layers costs the ops of one.
        self._groups = _same_shape_groups(variables)
        self._group_owners = [self._owners[i] for g in self._groups for i in g]
        shapes = [(len(g), *variables[g[0]].shape) for g in self._groups]
        if self._prev_vars is None or [tuple(p.shape) for p in self._prev_vars] != shapes:
            self._prev_vars = [
                tf.Variable(tf.zeros(shape, tf.float32), trainable=False) for shape in shapes
            ]
            self._prev_known = False

    def _weight_sums_graph(self) -> Any:
        """``[layers, common.WeightSum]``: per layer the sums of squares of the weights,
        of their change since the last row and of the weights then; the weights are
        then kept for the next row. Eager after a train step, or ops of the snapshot."""
        import tensorflow as tf

        variables, WS = self._variables, common.WeightSum
        if not self._groups:
            return tf.zeros([len(self._layers), len(WS)])
        columns: Dict[int, List[Any]] = {c: [] for c in WS}
        for members, prev in zip(self._groups, self._prev_vars):
            value = _stack(tf, [tf.cast(variables[i].value, tf.float32) for i in members])
            before = prev.value()
            axes = list(range(1, len(value.shape)))
            columns[WS.SQ].append(tf.reduce_sum(tf.square(value), axis=axes))
            change = tf.math.squared_difference(value, before)
            columns[WS.CHANGE_SQ].append(tf.reduce_sum(change, axis=axes))
            columns[WS.PREV_SQ].append(tf.reduce_sum(tf.square(before), axis=axes))
            prev.assign(value)  # ordered after the reads above
        per_variable = tf.stack([tf.concat(columns[c], 0) for c in WS], axis=1)
        owners = tf.constant(self._group_owners, tf.int32)
        return tf.math.unsorted_segment_sum(per_variable, owners, len(self._layers))

    def _build_snapshot(self) -> Tuple[Any, Any, list]:
        """What a full log reads, packed into one float32 vector, the probe input it
        takes (None without activations) and the layout of its parts: the weights
        pooled to their surface grid, the probe batch's activations and (for a
        single-output graph model whose probe set is the probe batch) the probe's
        scores and input importance from the same forward pass; over several
        replicas, the weights' sums too.

        It runs eagerly while full logs are rare (eager ops need no tracing and no
        graph optimisation, one-off costs that a short fit would feel), traced once
        they are not (``EAGER_FULL_LOGS``). Everything is reduced on the device; the
        full weights never go to the host.
        """
        import tensorflow as tf

        tap = self._build_tap()
        x = self._probe[0] if tap is not None else None
        n_tap = len(self._tap_used)
        predictions = self._predictions
        self._merged = merged = bool(
            self._merge_predictions
            and predictions is not None
            and tap is not None
            and len(self.model.outputs) == 1
            and isinstance(predictions.x, np.ndarray)  # one input: one importance tensor
            and probes.num_samples(predictions.x) <= self.options.probe_size
        )
        if merged:
            loss_fn = _loss_function(self.model)
            if predictions.x.dtype.kind != "f":
                loss_fn = None  # integer inputs (token ids) have no input gradient
            y = tf.constant(predictions.y)
        variables = self._variables
        self._surfaces = [summary.surface_layout(v.shape, "channels_last") for v in variables]
        surfaces = self._surfaces
        groups = self._groups
        self._surface_slots = {i: (j, n) for j, g in enumerate(groups) for n, i in enumerate(g)}
        # Without a train step that reduces them (several replicas), the weights' sums too.
        with_sums = self._train_grads is None and self._probe_partials is not None
        layout: List[Tuple[str, int, Tuple[int, ...]]] = []

        def snapshot(x: Any) -> Any:
            if x is not None:
                x = tf.nest.map_structure(tf.convert_to_tensor, x)
            parts = []
            if self.options.weights:
                for j, members in enumerate(groups):
                    form = surfaces[members[0]]
                    if form is not None:
                        stack = [tf.cast(variables[i].value, tf.float32) for i in members]
                        parts.append(("weight", j, _pool_tf(tf, _stack(tf, stack), form)))
            if with_sums:
                parts.append(("norms", 0, self._weight_sums_graph()))
            if tap is not None and merged:
                outs, importance = probes.keras_in_graph(
                    tf, lambda x: tap(x, training=False), loss_fn, x, y
                )
                parts += [("activation", i, a) for i, a in enumerate(outs[:n_tap])]
                parts.append(("scores", 0, outs[n_tap]))
                if loss_fn is not None:
                    parts.append(("importance", 0, importance))
            elif tap is not None:
                outs = tap(x, training=False)
                parts += [("activation", i, a) for i, a in enumerate(outs[:n_tap])]
            layout[:] = [(kind, i, tuple(t.shape)) for kind, i, t in parts]
            if not parts:
                return tf.zeros([0])
            return tf.concat([tf.reshape(tf.cast(t, tf.float32), [-1]) for _, _, t in parts], 0)

        return snapshot, x, layout

    def _build_tap(self) -> Any:
        """A model returning the watched layers' outputs and the model's output (graph
        models with a probe batch), or None."""
        self._tap_used = []
        if not (self.options.activations and self._probe is not None and not self._probe_failed):
            return None
        if not _is_graph_model(self.model) or not self._tap_layers:
            return None
        try:
            tap = keras.Model(
                self.model.inputs,
                [layer.output for layer in self._tap_layers] + list(self.model.outputs),
            )
        except Exception as e:  # shared or nested layers without a single output
            common.logger.warning("tbviz callback: no activation maps: %s", e)
            return None
        self._tap_used = list(self._tap_layers)
        return tap

    def _snapshot(self, timing: LogTiming) -> Snapshot:
        """One run of the snapshot, on the host; built when first needed. When the
        probe's forward fails, the predictions run apart; when the probe cannot run at
        all, the rest is logged without it."""
        while True:
            try:
                if self._snapshot_fn is None:
                    t0 = self.clock()
                    try:
                        built = self._build_snapshot()
                        self._snapshot_fn, self._snapshot_x, self._layout = built
                        self._snapshot_runs = 0
                    finally:
                        timing.warmup += self.clock() - t0
                self._snapshot_runs += 1
                if self._snapshot_runs == EAGER_FULL_LOGS + 1:
                    self._trace_snapshot(timing)
                return _unpack(np.asarray(self._snapshot_fn(self._snapshot_x)), self._layout)
            except Exception as e:
                self._snapshot_fn = None
                if self._merged:
                    # The probe's loss did not run with the model's outputs: the
                    # predictions get their own pass (whose failure PredictionProbe
                    # reports, once).
                    common.logger.info("tbviz callback: predictions run apart: %s", e)
                    self._merge_predictions = False
                elif self._tap_used:
                    self._probe_off(e)
                else:
                    raise

    def _trace_snapshot(self, timing: LogTiming) -> None:
        """Full logs have become frequent (``every=N``): the snapshot is traced once,
        a one-off cost that its faster runs repay (eager, each op is dispatched
        from Python)."""
        import tensorflow as tf

        t0 = self.clock()
        eager = self._snapshot_fn
        try:
            traced = tf.function(eager, autograph=False)
            traced.get_concrete_function(self._snapshot_x)
            self._snapshot_fn = traced
        except Exception as e:  # it runs eagerly, as before
            common.logger.info("tbviz callback: the snapshot stays eager: %s", e)
        finally:
            timing.warmup += self.clock() - t0

    # ----------------------------------------------------------------- logging

    def _log(
        self,
        step: int,
        logs: Dict[str, Any],
        fresh_gradients: bool = False,
        extra_seconds: float = 0.0,
        final: bool = False,
    ) -> None:
        """Writes one full log; ``extra_seconds`` of logging work happened before it
        (the armed train step's gradient sums) and count towards its cost."""
        with self.recorder.logging(step, FULL, extra_seconds=extra_seconds, final=final) as timing:
            self._take_first_batch()
            if self._train_grads is not None and not fresh_gradients and not self._prev_known:
                self._weight_sums_graph()  # the weights the first row's change is taken from
                self._prev_known = True
            values = self._snapshot(timing)  # one host copy
            self._log_weights(step, values)
            self.recorder.log_loss(step, logs.get("loss"))  # read by the gradient rules
            self._log_gradient_flow(step, values, fresh_gradients, timing)
            self._log_activations(step, values)
            self._log_predictions(step, values)
            self._log_scalars(step, logs)
            if self._graph_pending and self._graph_example() is not None:
                t0 = self.clock()
                self._write_graph()
                timing.warmup += self.clock() - t0

    def _log_flow(self, step: int, logs: Dict[str, Any], extra_seconds: float = 0.0) -> None:
        """Writes the gradient-flow row of the armed train step and the batch's scalars
        (a ``FLOW`` log: no surfaces, no probe)."""
        with self.recorder.logging(step, FLOW, extra_seconds=extra_seconds) as timing:
            self.recorder.log_loss(step, logs.get("loss"))  # read by the gradient rules
            self._log_gradient_flow(step, {}, True, timing)
            self._log_scalars(step, logs)

    def _log_weights(self, step: int, values: Snapshot) -> None:
        if not self.options.weights:
            return
        surfaces = []
        for i, v in enumerate(self._variables):
            form = self._surfaces[i]
            if form is None:
                continue
            group, index = self._surface_slots[i]
            surfaces.append(
                Surface(
                    f"{self._owner_names[i]}/{self._param_names[i]}",
                    values[("weight", group)][index],
                    tuple(v.shape),
                    form[0],
                    form[1],
                )
            )
        self.recorder.log_weights(step, surfaces)

    def _log_gradient_flow(
        self, step: int, values: Snapshot, fresh_gradients: bool, timing: LogTiming
    ) -> None:
        """The gradient-flow row: the armed train step's gradient and weight sums (or,
        over several replicas, the probe batch's gradient sums and the snapshot's
        weight sums)."""
        if not self._layers:
            return
        if fresh_gradients and self._train_grads is not None:
            partials, norms = self._train_grads.read()  # the updated weights' sums too
            timing.warmup += self._train_grads.take_read_seconds()
            self._had_gradients = True
        elif self._probe_partials is not None:  # several replicas: reduced by collectives
            partials = np.asarray(self._probe_partials(*self._probe))
            norms = values[("norms", 0)]
        else:
            return
        weight_sums = np.asarray(norms, dtype=np.float64)
        if not self._prev_known:  # no earlier row: no change to speak of
            weight_sums[:, [common.WeightSum.CHANGE_SQ, common.WeightSum.PREV_SQ]] = np.nan
        self._prev_known = True
        self.recorder.log_gradient_flow(step, self._layer_names, partials, weight_sums)

    def _log_activations(self, step: int, values: Snapshot) -> None:
        maps = []
        for i, layer in enumerate(self._tap_used):
            array = values[("activation", i)]
            if array.ndim >= 2 and array.size:
                maps.append((layer, array))
        self.recorder.log_activations(
            step, (ActivationMap(layer.name, array, "channels_last") for layer, array in maps)
        )
        if not self.options.diagnosis:
            return
        for layer, array in maps:
            kind = diagnose.normalise_activation(_activation_name(layer))
            if kind is not None:
                stats = diagnose.activation_unit_stats(
                    array, kind, thresholds=self.options.thresholds
                )
                self.recorder.log_units(step, layer.name, stats)

    def _log_predictions(self, step: int, values: Snapshot) -> None:
        if self._predictions is None:
            return
        if self._merged:  # scores and importance from the snapshot's forward pass
            outputs = (values[("scores", 0)], values.get(("importance", 0)))
            self._predictions.log(step, outputs)
        else:  # the whole probe set, in batches
            self._predictions.log(step)

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
        except Exception:
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

    # ----------------------------------------------------------------- graph

    def _graph_example(self) -> Any:
        """What the forward pass is traced with for the graph: the model's input specs,
        else the probe batch; None before either is known."""
        specs = _input_specs(self.model)
        if specs is not None:
            return specs
        failed = self._probe_failed or (self._predictions is not None and self._predictions.failed)
        # A probe the model could not run was reported once already.
        return self._probe[0] if self._probe is not None and not failed else None

    def _write_graph(self) -> None:
        """The model's graph for TensorBoard's Graphs view, written with TensorFlow's own ops.

        Two views, as Keras's TensorBoard callback wrote them: the conceptual
        graph (the model's JSON config, tag ``keras``) and the op graph of the
        model's forward pass (``tf.summary.graph`` of a traced inference call;
        Keras 3's own train function is no longer a single ``tf.function``).
        They go to a second event file (suffix ``.graph``) in the same run.
        """
        self._graph_pending = False
        logdir = common.writer_logdir(self.writer)
        if logdir is None:
            common.logger.warning("tbviz callback: write_graph needs a log directory")
            return
        try:
            import tensorflow as tf

            graph_writer = tf.summary.create_file_writer(logdir, filename_suffix=".graph")
            with graph_writer.as_default():
                if type(self.model).__name__ in ("Sequential", "Functional"):
                    from keras.src.callbacks.tensorboard import keras_model_summary

                    keras_model_summary("keras", self.model, step=0)
                model = self.model
                # AutoGraph would parse this file's source to convert the lambda
                # (a third of a second); Keras 3 layers need no conversion.
                forward = tf.function(lambda x: model(x, training=False), autograph=False)
                tf.summary.graph(forward.get_concrete_function(self._graph_example()).graph)
            graph_writer.close()
        except Exception as e:  # never stop training for a picture
            common.logger.warning("tbviz callback: the graph could not be written: %s", e)


class _FirstBatch:
    """The probe without ``probe_data``: the first ``size`` samples of the first
    training batch, kept on the device by the train step and read on the host once.

    Wraps ``model.train_step`` on the instance (Keras' train function calls it
    while it is traced): a ``tf.cond`` on a "taken" flag copies the batch's
    first samples into device variables on the first step only; later steps
    skip the branch. The samples are kept as bytes (``tf.bitcast``) with their
    shapes, so inputs of any dtype and nesting (a list or dict for a model with
    several inputs) fit variables made before the step is traced: a variable made
    while tracing would make TensorFlow trace the train step twice. Nothing the
    step computes reads them, so training is unchanged. It sees the batch Keras
    hands the step, whatever the data: arrays, a ``tf.data.Dataset`` or a
    generator. ``remove()`` gives the model its own ``train_step`` back.
    """

    def __init__(self, model: Any, size: int) -> None:
        import tensorflow as tf

        self.model = model
        self.size = size
        self.taken = tf.Variable(False, trainable=False, name="tbviz_probe_taken")
        unknown = tf.TensorShape(None)
        self._bytes = tf.Variable(
            tf.zeros([0], tf.uint8), shape=unknown, validate_shape=False, trainable=False
        )
        self._shapes = tf.Variable(
            tf.zeros([0], tf.int64), shape=unknown, validate_shape=False, trainable=False
        )
        # (structure of (x, y), each leaf's numpy dtype and rank or None), recorded
        # while the train step is traced.
        self._layout: Optional[Tuple[Any, List[Optional[Tuple[np.dtype, int]]]]] = None
        self._said_skipped = False
        original = model.train_step

        def train_step(data: Any) -> Any:
            self._keep(data)
            return original(data)

        # A train_step set on the instance before comes back at ``remove``.
        self._own = "train_step" in vars(model)
        self._original = original
        self._wrapper = train_step
        model.train_step = train_step

    def _keep(self, data: Any) -> None:
        import tensorflow as tf

        x, y, _ = keras.utils.unpack_x_y_sample_weight(data)
        leaves = tf.nest.flatten((x, y))
        kept = [t for t in leaves if t is not None]
        for t in kept:
            if not (isinstance(t, tf.Tensor) and t.shape.rank and t.dtype != tf.string):
                if not self._said_skipped:
                    self._said_skipped = True
                    common.logger.warning(
                        "tbviz callback: no probe batch: the training batch holds a %s, "
                        "which is not kept; pass probe_data=(x, y) to record activation "
                        "maps and predictions",
                        type(t).__name__,
                    )
                return
        self._layout = (
            tf.nest.map_structure(lambda t: 0, (x, y)),
            [
                None if t is None else (np.dtype(t.dtype.as_numpy_dtype), t.shape.rank)
                for t in leaves
            ],
        )
        size, taken, data_var, shapes_var = self.size, self.taken, self._bytes, self._shapes

        @tf.autograph.experimental.do_not_convert
        def copy() -> Any:
            first = [t[:size] for t in kept]
            as_bytes = [
                tf.reshape(
                    tf.bitcast(tf.cast(t, tf.uint8) if t.dtype == tf.bool else t, tf.uint8), [-1]
                )
                for t in first
            ]
            data_var.assign(tf.concat(as_bytes, 0))
            shapes_var.assign(tf.concat([tf.shape(t, out_type=tf.int64) for t in first], 0))
            taken.assign(True)
            return tf.constant(True)

        @tf.autograph.experimental.do_not_convert
        def skip() -> Any:
            return tf.constant(False)

        tf.cond(taken, skip, copy)

    def take(self) -> Optional[Tuple[Any, Any]]:
        """``(x, y)`` of the kept samples on the host, as the train step got them
        (nested alike); None before a train step kept them."""
        import tensorflow as tf

        if self._layout is None or not bool(self.taken.numpy()):
            return None
        structure, leaves = self._layout
        data, shapes = self._bytes.numpy(), self._shapes.numpy()
        values, offset, dim = [], 0, 0
        for leaf in leaves:
            if leaf is None:
                values.append(None)
                continue
            dtype, rank = leaf
            shape = tuple(int(n) for n in shapes[dim : dim + rank])
            dim += rank
            n = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
            values.append(data[offset : offset + n].copy().view(dtype).reshape(shape))
            offset += n
        return tuple(tf.nest.pack_sequence_as(structure, values))

    def remove(self) -> None:
        if vars(self.model).get("train_step") is not self._wrapper:
            return  # already removed, or wrapped again by someone else since
        if self._own:
            self.model.train_step = self._original
        else:
            del self.model.train_step


# --------------------------------------------------------------------------- helpers


def _host(value: Any) -> Any:
    """A probe input on the host: numpy arrays, nested as given."""
    import tensorflow as tf

    return tf.nest.map_structure(lambda v: None if v is None else np.asarray(v), value)


def _inputs(model: Any) -> Any:
    """The model's symbolic inputs, nested as it takes them (one, a list or a dict), or
    None when they are not known (a subclassed model)."""
    try:
        inputs = list(model.inputs or [])
    except (AttributeError, ValueError):
        return None
    if not inputs:
        return None
    try:
        return model.input  # a Functional model's own nesting (a dict for named inputs)
    except (AttributeError, ValueError):  # a Sequential model has no ``input`` before a call
        return inputs[0] if len(inputs) == 1 else inputs


def _input_specs(model: Any) -> Any:
    """``tf.TensorSpec`` of the model's inputs, nested as it takes them, or None."""
    import tensorflow as tf

    inputs = _inputs(model)
    if inputs is None:
        return None
    return tf.nest.map_structure(lambda t: tf.TensorSpec(t.shape, t.dtype), inputs)


def _layer_rows(model: Any) -> List[Dict[str, Any]]:
    """The layer table's rows: every layer but the inputs, in depth order."""
    rows = []
    for layer in _walk(model):
        if isinstance(layer, keras.layers.InputLayer):
            continue
        try:
            shape = [None if n is None else int(n) for n in layer.output.shape]
        except Exception:  # not built, or several outputs
            shape = None
        rows.append(
            {
                "name": layer.name,
                "type": type(layer).__name__,
                "output_shape": shape,
                "params": int(sum(np.prod(v.shape) for v in layer.weights)),
                "trainable_params": int(sum(np.prod(v.shape) for v in layer.trainable_weights)),
                "activation": _activation_name(layer),
            }
        )
    return rows


def _next_batch(callback: Any, batch: int) -> Tuple[int, bool]:
    """(the step the coming batch ends at, whether it is the fit's last), from Keras'
    batch index, which jumps by ``steps_per_execution``."""
    spe = max(1, int(getattr(callback.model, "steps_per_execution", 1) or 1))
    upcoming = max(callback._step + 1, callback._epoch_base + int(batch) + spe)
    steps, epochs = callback.params.get("steps"), callback.params.get("epochs")
    last = (
        steps is not None
        and epochs is not None
        and callback._epoch == epochs - 1
        and int(batch) + spe >= steps
    )
    return upcoming, last


def _plain_step_estimate(estimate: float, duration: float) -> float:
    """A running estimate of a plain (unlogged) step's time, robust to one slow step."""
    if not estimate:
        return duration
    return min(2 * estimate, 0.9 * estimate + 0.1 * duration)


def _walk(model: Any) -> List[Any]:
    """Layers in depth order; nested models are entered, so every layer counts once."""
    out = []
    for layer in model.layers:
        if isinstance(layer, keras.Model) and hasattr(layer, "layers"):
            out.extend(_walk(layer))
        else:
            out.append(layer)
    return out


def _is_graph_model(model: Any) -> bool:
    try:
        return bool(model.inputs) and bool(model.outputs) and model.layers == _walk(model)
    except (AttributeError, ValueError):
        return False


def _param_names(layer: Any) -> List[str]:
    """The names of a layer's trainable variables in their tags: the variable's own
    name (``kernel``), or, when sublayers repeat it (``MultiHeadAttention``'s query,
    key and value each have a ``kernel``), its path below the layer
    (``query/kernel``)."""
    paths = [
        str(getattr(v, "path", None) or v.name).split(":")[0].split("/")
        for v in layer.trainable_weights
    ]
    short = [p[-1] for p in paths]
    if len(set(short)) == len(short):
        return short
    below = []
    for i, parts in enumerate(paths):
        if layer.name in parts[:-1]:
            start = len(parts) - 1 - parts[::-1].index(layer.name)
            below.append("/".join(parts[start + 1 :]))
        else:
            below.append(f"{short[i]}_{i}")
    return below if len(set(below)) == len(below) else [f"{n}_{i}" for i, n in enumerate(short)]


def _activation_name(layer: Any) -> Optional[str]:
    activation = getattr(layer, "activation", None)
    if activation is not None:
        return getattr(activation, "__name__", None) or type(activation).__name__.lower()
    kind = type(layer).__name__
    return kind if diagnose.normalise_activation(kind) else None


def _loss_function(model: Any) -> Optional[Any]:
    loss = getattr(model, "loss", None)
    if loss is None or isinstance(loss, (dict, list, tuple)):
        return None
    try:
        return keras.losses.get(loss) if isinstance(loss, str) else loss
    except Exception:
        return None


def _pool_tf(tf: Any, value: Any, form: Tuple[Tuple[int, int], str]) -> Any:
    """``reduce.pool_max_abs`` in the graph, of a stack ``[k, *shape]`` of equal-shaped
    weights at once: ``[k, grid rows, grid cols]``. Each cell keeps its block's
    element of largest magnitude, sign kept (ragged blocks padded with zeros,
    which lose to any non-zero element), NaN first, then Inf.

    Block maxima and minima are taken in two stages, over the block's rows (a
    reduction over the row axis) and then over its columns, which is as fast
    as ``max_pool2d`` on a CPU and, unlike it, keeps NaN; no ``tf.cond``, so the
    snapshot function stays cheap to trace.
    """
    (rows, cols), _ = form
    out_r, br, out_c, bc = reduce.pooled_grid_shape(rows, cols, summary.DEFAULT_SURFACE_GRID)
    m = tf.reshape(value, [-1, rows, cols])
    if br == 1 and bc == 1:
        return m
    if out_r * br != rows or out_c * bc != cols:
        m = tf.pad(m, [[0, 0], [0, out_r * br - rows], [0, out_c * bc - cols]])
    high = low = m
    if br > 1:
        blocks = tf.reshape(m, [-1, out_r, br, out_c * bc])
        high, low = tf.reduce_max(blocks, axis=2), tf.reduce_min(blocks, axis=2)
    if bc > 1:
        high = tf.reduce_max(tf.reshape(high, [-1, out_r, out_c, bc]), axis=3)
        low = tf.reduce_min(tf.reshape(low, [-1, out_r, out_c, bc]), axis=3)
    return tf.where(-low > high, low, high)


class _TrainingGradients:
    """The training step's own gradients, copied out on the steps the callback logs.

    Wraps ``model.optimizer.apply`` (which ``apply_gradients`` and Keras'
    ``train_step`` call inside the compiled train function): while ``armed``, a
    ``tf.cond`` copies the watched variables' gradients (dense, float32, stacked
    by shape as ``_same_shape_groups`` groups the variables) into device
    variables; otherwise it skips. Only copies are traced into the train step,
    so its first call stays cheap; ``partials()`` reduces the copies after the
    step, on the device, to ``[layers, common.Partial]``. The gradients are not
    changed. ``remove()`` restores the optimiser.
    """

    def __init__(self, model: Any, layers: List[Any], weight_sums: Callable[[], Any]) -> None:
        import tensorflow as tf

        self._weight_sums = weight_sums
        self._read_fn: Any = None  # traced at the first read
        self._read_seconds = 0.0
        # A LossScaleOptimizer hands its inner optimiser the unscaled gradients.
        self.optimizer = getattr(model.optimizer, "inner_optimizer", None) or model.optimizer
        watched = [v for layer in layers for v in layer.trainable_weights]
        self._groups = _same_shape_groups(watched)
        self._owners = [i for i, layer in enumerate(layers) for _ in layer.trainable_weights]
        self._n_layers = len(layers)
        # Whether each watched variable had a gradient when the step was traced.
        self._present = [False] * len(watched)
        self._armed = False
        self._trace_seconds = 0.0
        self.armed = tf.Variable(False, trainable=False, name="tbviz_armed")
        self.copied = tf.Variable(False, trainable=False, name="tbviz_copied")
        self.copies = [
            tf.Variable(
                tf.zeros([len(g), *watched[g[0]].shape], tf.float32),
                trainable=False,
                name="tbviz_gradients",
            )
            for g in self._groups
        ]
        index = {id(v): i for i, v in enumerate(watched)}
        original = self.optimizer.apply
        optimizer, armed, copied, copies = self.optimizer, self.armed, self.copied, self.copies

        def apply(grads: Any, trainable_variables: Any = None) -> Any:
            # Runs while the train function is traced (and eagerly, if it runs eagerly).
            grads = list(grads)
            if trainable_variables is None:
                variables = list(getattr(optimizer, "_trainable_variables", []))
            else:
                trainable_variables = list(trainable_variables)
                variables = trainable_variables
            found = {index[id(v)]: g for g, v in zip(grads, variables) if id(v) in index}
            found = {i: g for i, g in found.items() if g is not None}
            self._present = [i in found for i in range(len(watched))]

            def dense(i: int) -> Any:
                # With the variable's static shape (an embedding's IndexedSlices
                # converts to a tensor of unknown shape).
                if i not in found:
                    return tf.zeros(watched[i].shape, tf.float32)
                g = tf.reshape(tf.convert_to_tensor(found[i]), watched[i].shape)
                return tf.cast(g, tf.float32)

            # Not converted by AutoGraph: no Python control flow on tensors here,
            # and converting (parsing the source) costs time in every fit's first step.
            @tf.autograph.experimental.do_not_convert
            def copy() -> Any:
                for members, target in zip(self._groups, copies):
                    target.assign(_stack(tf, [dense(i) for i in members]))
                copied.assign(True)
                return tf.constant(True)

            @tf.autograph.experimental.do_not_convert
            def skip() -> Any:
                return tf.constant(False)

            result = original(grads, trainable_variables)
            traced = time.perf_counter()
            tf.cond(armed, copy, skip)
            if not tf.executing_eagerly():
                self._trace_seconds += time.perf_counter() - traced
            return result

        self._original = original
        # An ``apply`` set on the instance before (another tool's wrapper) comes back
        # at ``remove``; otherwise the class' method shows through again.
        self._own_apply = "apply" in vars(optimizer)
        self._wrapper = apply
        optimizer.apply = apply

    def arm(self, on: bool) -> None:
        """Whether the next train step copies its gradients. An armed step starts
        "not copied", so a step that never reaches ``apply`` (a loss-scale optimiser
        skipping non-finite gradients) is not shown with stale gradients."""
        if on:
            self.copied.assign(False)
        if on != self._armed:  # a variable write per change, not per step
            self._armed = on
            self.armed.assign(on)

    def read(self) -> Tuple[np.ndarray, np.ndarray]:
        """``([layers, common.Partial], [layers, common.WeightSum])`` after an armed
        step: the sums of its gradients (``common.NO_GRADIENT`` rows when it copied
        none) and of the updated weights, reduced on the device by one traced
        function (traced at the first read: its ops then run without Python's
        dispatch) and brought to the host in one copy."""
        import tensorflow as tf

        if self._read_fn is None:
            started = time.perf_counter()

            def read() -> Any:
                parts = [tf.reshape(tf.cast(self.copied, tf.float32), [1])]
                parts.append(tf.reshape(_fast_sums(tf, self.copies), [-1]))
                parts.append(tf.reshape(self._weight_sums(), [-1]))
                return tf.concat(parts, 0)

            self._read_fn = tf.function(read, autograph=False)
            self._read_fn.get_concrete_function()
            self._read_seconds += time.perf_counter() - started
        flat = self._read_fn().numpy().astype(np.float64)
        n_tensors = sum(len(g) for g in self._groups)
        fast = flat[1 : 1 + 4 * n_tensors].reshape(-1, 4)
        weight_sums = flat[1 + 4 * n_tensors :].reshape(self._n_layers, -1)
        if not flat[0]:
            return np.asarray([common.NO_GRADIENT] * self._n_layers), weight_sums
        owners = [self._owners[i] for g in self._groups for i in g]
        present = [self._present[i] for g in self._groups for i in g]
        partials = _partials_from_sums(tf, fast, self.copies, owners, present, self._n_layers)
        return partials, weight_sums

    def take_read_seconds(self) -> float:
        """Seconds spent tracing ``read`` since the last call (a one-off cost)."""
        seconds, self._read_seconds = self._read_seconds, 0.0
        return seconds

    def take_trace_seconds(self) -> float:
        """Seconds spent building the gradient copy into traced train functions
        since the last call."""
        seconds, self._trace_seconds = self._trace_seconds, 0.0
        return seconds

    def remove(self) -> None:
        self.arm(False)
        if vars(self.optimizer).get("apply") is not self._wrapper:
            return  # already removed, or wrapped again by someone else since
        if self._own_apply:
            self.optimizer.apply = self._original
        else:
            del self.optimizer.apply


# Fast gradient sums are trusted while a tensor's largest magnitude lies in this
# range: float32 squares of its elements then neither overflow nor underflow.
_FAST_SQUARES_RANGE = (1e-15, 1e15)


def _fast_sums(tf: Any, stacks: List[Any]) -> Any:
    """``[tensors, 4]``: per tensor of stacks ``[k, *shape]`` (in stack order) its
    ``sum |g|``, ``max |g|``, ``sum g²`` and non-zero count; ops for a traced
    function, or eager."""
    sums = []
    for stack in stacks:
        g = tf.reshape(stack, [stack.shape[0], -1])
        a = tf.abs(g)
        sums += [
            tf.reduce_sum(a, 1),
            tf.reduce_max(a, 1) if g.shape[1] else tf.zeros([stack.shape[0]]),
            tf.reduce_sum(tf.square(g), 1),
            tf.reduce_sum(tf.sign(a), 1),  # non-zero elements (NaN rows are redone exactly)
        ]
    if not sums:
        return tf.zeros([0, 4])
    return tf.stack([tf.concat(sums[c::4], 0) for c in range(4)], 1)


def _gradient_partials(
    tf: Any, stacks: List[Any], owners: List[int], present: List[bool], n_layers: int
) -> np.ndarray:
    """``[layers, common.Partial]`` of gradients held as stacks ``[k, *shape]`` of
    equal-shaped tensors; ``owners``/``present``: each stacked tensor's layer and
    whether it had a gradient, in stack order (``_fast_sums``, then
    ``_partials_from_sums``).

    Example:
        >>> g = tf.constant([[3.0, -4.0]])
        >>> _gradient_partials(tf, [g], [0], [True], 1)[0, :3]
        array([ 7.  ,  4.  ,  1.5625])
    """
    fast = np.asarray(_fast_sums(tf, stacks), dtype=np.float64)
    return _partials_from_sums(tf, fast, stacks, owners, present, n_layers)


def _partials_from_sums(
    tf: Any,
    fast: np.ndarray,
    stacks: List[Any],
    owners: List[int],
    present: List[bool],
    n_layers: int,
) -> np.ndarray:
    """``[layers, common.Partial]`` from ``_fast_sums`` of the stacks, combined per
    layer on the host. The fast sums assume finite values of moderate size; when
    a tensor's sums are not finite (NaN or Inf in it, or squares overflowing) or
    its values are tiny, the exact form (``_group_partials``: NaN and Inf counted
    apart, magnitudes over the finite elements, scaled squares) runs instead, on
    the device."""
    used = np.asarray(present, bool)
    if not used.any():
        return np.asarray([common.NO_GRADIENT] * n_layers)
    sum_abs, max_abs, sumsq, nonzero = fast.T
    low, high = _FAST_SQUARES_RANGE
    trusted = np.isfinite(fast[:, :3]).all(axis=1) & ((max_abs == 0) | (max_abs >= low))
    trusted &= max_abs <= high
    if not trusted[used].all():
        tensors = [t for s in stacks for t in tf.unstack(s)]
        pairs = [(t, o) for t, o, p in zip(tensors, owners, present) if p]
        return np.asarray(_group_partials(tf, pairs, n_layers), dtype=np.float64)
    sizes = np.asarray(
        [float(np.prod(s.shape[1:], dtype=np.int64)) for s in stacks for _ in range(s.shape[0])]
    )
    P = common.Partial
    owners = np.asarray(owners)
    table = np.tile(np.asarray(common.NO_GRADIENT), (n_layers, 1))
    for layer in np.unique(owners[used]):
        mine = used & (owners == layer)
        top = max_abs[mine].max()
        row = table[layer]
        row[P.SUM_ABS] = sum_abs[mine].sum()
        row[P.MAX_ABS] = top
        row[P.SUMSQ_SCALED] = sumsq[mine].sum() / top**2 if top > 0 else 0.0
        row[P.FINITE] = row[P.SIZE] = sizes[mine].sum()
        row[P.NAN] = 0.0
        row[P.ZEROS] = (sizes[mine] - nonzero[mine]).sum()
    return table


def _group_partials(tf: Any, pairs: List[Tuple[Any, int]], n_layers: int) -> Any:
    """``[layers, PARTIALS]`` of (gradient, layer) pairs, exact: NaN and Inf counted
    apart, magnitudes over the finite elements, squares of values scaled by their
    tensor's largest (no overflow for huge gradients, no underflow for tiny ones).

    Graph size matters as much as speed here: this is traced into every fit's
    train step, where each op costs tracing and graph-optimisation time. So
    gradients of the same shape are stacked and reduced together
    (``_same_shape_groups``: a deep stack of equal layers costs the ops of one),
    with no branch, and the per-layer combination is a handful of segment ops
    whatever the number of layers.
    """
    pairs = [(tf.convert_to_tensor(g), i) for g, i in pairs]
    if not pairs:
        return _no_gradient(tf, n_layers)
    axis, zero, one = tf.constant([1]), tf.constant(0.0), tf.constant(1.0)
    P = common.Partial
    per_group, order = [], []
    for members in _same_shape_groups([g for g, _ in pairs]):
        group = [pairs[m][0] for m in members]
        k, size = len(group), int(np.prod(group[0].shape))
        if size == 0:
            per_group.append(tf.zeros([k, len(P)]))
            order += members
            continue
        g = tf.reshape(tf.cast(_stack(tf, group), tf.float32), [k, size])
        finite = tf.math.is_finite(g)
        a = tf.abs(tf.where(finite, g, zero))
        top = tf.reduce_max(a, axis)
        scale = tf.where(top > 0, top, one)
        columns = {
            P.SUM_ABS: tf.reduce_sum(a, axis),
            P.MAX_ABS: top,
            P.SUMSQ_SCALED: tf.reduce_sum(tf.square(a / scale[:, None]), axis),
            P.FINITE: tf.reduce_sum(tf.cast(finite, tf.float32), axis),
            P.NAN: tf.reduce_sum(tf.cast(tf.math.is_nan(g), tf.float32), axis),
            P.SIZE: tf.fill([k], float(size)),
            P.ZEROS: tf.reduce_sum(tf.cast(tf.equal(g, zero), tf.float32), axis),
        }
        per_group.append(tf.stack([columns[c] for c in P], axis=1))
        order += members
    owners = tf.constant([pairs[m][1] for m in order], tf.int32)
    stats = tf.concat(per_group, 0)  # [tensors, PARTIALS], each scaled by its own max
    max_abs = tf.math.unsorted_segment_max(stats[:, P.MAX_ABS], owners, n_layers)
    layer_scale = tf.gather(tf.where(max_abs > 0, max_abs, one), owners)
    # Each tensor's sum of squares rescaled to its layer's largest value, then added.
    rescaled = stats[:, P.SUMSQ_SCALED] * tf.square(stats[:, P.MAX_ABS] / layer_scale)
    sums = tf.math.unsorted_segment_sum(
        tf.concat([stats[:, : P.SUMSQ_SCALED], rescaled[:, None], stats[:, P.FINITE :]], 1),
        owners,
        n_layers,
    )
    sizes = _layer_sizes(pairs, n_layers)
    rows = tf.concat([sums[:, : P.MAX_ABS], max_abs[:, None], sums[:, P.SUMSQ_SCALED :]], 1)
    return tf.where(tf.constant(sizes > 0)[:, None], rows, _no_gradient(tf, n_layers))


def _same_shape_groups(tensors: List[Any], max_elements: int = 8 << 20) -> List[List[int]]:
    """Indices of ``tensors`` grouped by static shape and dtype, in first-seen order.

    A group's stack (a copy) holds at most ``max_elements`` (32 MB of float32),
    so a large model's big layers add no large transient copy: they are summed
    one by one, where their ops cost little beside their size anyway.

    Example:
        >>> import numpy as np
        >>> _same_shape_groups([np.zeros((4, 4)), np.zeros(4), np.zeros((4, 4))])
        [[0, 2], [1]]
    """
    groups: Dict[Any, List[List[int]]] = {}
    for i, t in enumerate(tensors):
        shape = tuple(t.shape)
        if any(n is None for n in shape):  # unknown size: alone
            groups[i] = [[i]]
            continue
        size = int(np.prod(shape))
        runs = groups.setdefault((shape, str(t.dtype)), [[]])
        if runs[-1] and (len(runs[-1]) + 1) * size > max_elements:
            runs.append([])
        runs[-1].append(i)
    return [run for runs in groups.values() for run in runs]


def _stack(tf: Any, tensors: List[Any]) -> Any:
    """``[k, *shape]`` of equal-shaped tensors; one tensor gets its new axis without
    a copy."""
    if len(tensors) == 1:
        return tf.expand_dims(tensors[0], 0)
    return tf.stack(tensors)


def _no_gradient(tf: Any, n_layers: int) -> Any:
    """``[layers, PARTIALS]`` rows of layers without a gradient (size 0: see
    ``common.stats_from_partials``)."""
    return tf.constant([common.NO_GRADIENT] * n_layers, tf.float32)


def _layer_sizes(pairs: List[Tuple[Any, int]], n_layers: int) -> np.ndarray:
    """Elements of each layer's gradients (static shapes)."""
    sizes = np.zeros(n_layers)
    for g, i in pairs:
        sizes[i] += int(np.prod(g.shape))
    return sizes


def _layer_partials(tf: Any, grads: List[Any], owners: List[int], n_layers: int) -> Any:
    """``[layers, PARTIALS]`` sums of each layer's gradients, computed in the graph
    (exact: NaN and Inf counted apart, magnitudes over the finite elements).

    All gradients go into one vector reduced per layer with segment sums, so
    the graph has the same few ops whatever the number of layers (it is traced
    into the train step's ``tf.cond`` and the multi-replica probe). It runs
    only when a gradient is not finite, or on the probe batch.
    """
    pairs = [(g, o) for g, o in zip(grads, owners) if g is not None]
    if not pairs:
        return _no_gradient(tf, n_layers)
    sizes = _layer_sizes(pairs, n_layers)
    flat = tf.constant([-1])
    g = tf.concat([tf.reshape(tf.cast(g, tf.float32), flat) for g, _ in pairs], 0)
    # The layer of each element: the index of the first tensor end after it.
    ends = np.cumsum([int(np.prod(g.shape)) for g, _ in pairs])
    tensor = tf.searchsorted(tf.constant(ends, tf.int64), tf.range(ends[-1]), side="right")
    ids = tf.gather(tf.constant([o for _, o in pairs], tf.int32), tensor)

    def per_layer(values: Any) -> Any:
        return tf.math.unsorted_segment_sum(values, ids, n_layers)

    finite = tf.math.is_finite(g)
    safe = tf.abs(tf.where(finite, g, 0.0))
    max_abs = tf.maximum(tf.math.unsorted_segment_max(safe, ids, n_layers), 0.0)
    scale = tf.where(max_abs > 0, max_abs, 1.0)
    P = common.Partial
    columns = {
        P.SUM_ABS: per_layer(safe),
        P.MAX_ABS: max_abs,
        P.SUMSQ_SCALED: per_layer(tf.square(safe / tf.gather(scale, ids))),
        P.FINITE: per_layer(tf.cast(finite, tf.float32)),
        P.NAN: per_layer(tf.cast(tf.math.is_nan(g), tf.float32)),
        P.SIZE: tf.constant(sizes, tf.float32),
        P.ZEROS: per_layer(tf.cast(tf.equal(g, 0.0), tf.float32)),
    }
    rows = tf.stack([columns[p] for p in P], axis=1)
    return tf.where(tf.constant(sizes > 0)[:, None], rows, _no_gradient(tf, n_layers))


def _unpack(flat: np.ndarray, layout: List[Tuple[str, int, Tuple[int, ...]]]) -> Dict[tuple, Any]:
    """Splits the probe's packed vector by the shapes recorded while tracing."""
    out, offset = {}, 0
    for kind, i, shape in layout:
        n = int(np.prod(shape, dtype=np.int64))
        out[(kind, i)] = flat[offset : offset + n].reshape(shape)
        offset += n
    if offset != flat.size:
        raise RuntimeError(f"tbviz: probe output has {flat.size} values, its layout {offset}")
    return out
