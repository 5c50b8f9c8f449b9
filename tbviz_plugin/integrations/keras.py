"""Keras: ``TbvizCallback(log_dir)`` records weights, activations, gradient flow and health.

Example::

    from tbviz_plugin.integrations.keras import TbvizCallback

    model.fit(x, y, validation_split=0.2, epochs=10, callbacks=[TbvizCallback("logs/run1")])

Supported: Keras 3 with the TensorFlow backend (``KERAS_BACKEND=tensorflow``,
the default), Sequential and Functional models for every part; subclassed
models get weights, gradient flow, scalars and health but no activation maps
(their layer outputs are not reachable from outside the model). Other Keras
backends (JAX, PyTorch) are refused with a clear error: use
``tbviz_plugin.integrations.torch.watch`` for PyTorch, or ``tbviz.Writer`` with
arrays for JAX.

The callback never changes training. Gradient statistics come from the
training step's own gradients: the callback wraps the optimiser's ``apply``
so that, on the steps it logs (and only then), per-layer sums of the gradients
are reduced inside the compiled train step and kept on the device. Weights are
pooled to their surface grid on the device too, so a logged step moves only
pooled surfaces, activations of the probe batch and a few sums to the host,
in one copy. The log of the state before the first batch has no training
gradient yet, so it has weights and activations but no gradient-flow row; the
first batch's gradients (taken at those same initial weights) are the flow of
the next log, which the governor always takes.
"""

from __future__ import annotations

import inspect
import time
from typing import Any, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations import distributed as _distributed

__all__ = ["TbvizCallback"]


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
      probe_data: ``(x, y)``, a small fixed batch for activation maps (the
        gradient flow comes from the training step's own gradients) and, with
        labels ``y``, the confusion
        matrix, feature importance and sample predictions (see
        ``integrations.probes``). None: the first ``probe_size`` samples of the
        ``x`` and ``y`` given to ``fit`` (NumPy arrays or tensors; with a
        ``tf.data.Dataset`` or a generator pass ``probe_data``).
      probe_size: at most this many probe samples are used (default 64).
      name: the model's tag prefix (default: ``model.name``).
      write_graph: write the train-step graph for TensorBoard's Graphs view
        (through ``tf.summary.graph``, as Keras's TensorBoard callback does).
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      overhead_budget: fraction of training time logging may take with
        ``every=None`` (default 0.03).
      distributed: under a ``tf.distribute`` strategy with several replicas:
        ``"auto"``/``"chief"`` (the chief writes; the probe batch is split over
        the replicas and the gradient flow reduced with the strategy's
        collectives), ``"per_worker"`` (``<log_dir>/worker_<task>`` runs) or
        ``"off"``; see ``tbviz_plugin.integrations.distributed``.

    Tags: ``<layer>/<param>`` (weight surfaces), ``<layer>`` (activation maps),
    ``<name>/gradient_flow``, ``<name>/health``, ``<name>/layers`` (a text
    table), ``<name>/confusion_matrix``, ``<name>/feature_importance``,
    ``<name>/predictions`` (images), scalars ``epoch_<metric>`` (step =
    epoch), ``batch_<metric>`` and ``learning_rate`` (step = batch), ``system/*``.
    """

    def __init__(
        self,
        log_dir: Any,
        *,
        every: Optional[int] = None,
        probe_data: Optional[Tuple[Any, Any]] = None,
        probe_size: int = common.DEFAULT_PROBE_SIZE,
        name: Optional[str] = None,
        write_graph: bool = True,
        weights: bool = True,
        activations: bool = True,
        gradients: bool = True,
        resources: bool = True,
        diagnosis: bool = True,
        thresholds: Optional[diagnose.Thresholds] = None,
        overhead_budget: float = common.DEFAULT_BUDGET,
        distributed: str = "auto",
    ) -> None:
        super().__init__()
        if keras.backend.backend() != "tensorflow":
            raise RuntimeError(
                f"TbvizCallback supports the TensorFlow backend of Keras 3; this Keras runs "
                f"{keras.backend.backend()!r}. For PyTorch use "
                "tbviz_plugin.integrations.torch.watch; for JAX use tbviz.Writer with arrays."
            )
        if isinstance(probe_size, bool) or not isinstance(probe_size, int) or probe_size < 1:
            raise ValueError(f"probe_size must be a positive integer, got {probe_size!r}")
        if probe_data is not None and not (
            isinstance(probe_data, (tuple, list)) and len(probe_data) == 2
        ):
            raise TypeError("probe_data must be a pair (x, y)")
        self.cadence = common.Cadence(every, overhead_budget, name="tbviz callback")
        self.clock = self.cadence.clock
        self.log_dir = log_dir
        self.every = every
        self.probe_data = probe_data
        self.probe_size = probe_size
        self.name = name
        self.write_graph = write_graph
        self.parts = dict(
            weights=weights,
            activations=activations,
            gradients=gradients,
            resources=resources,
            diagnosis=diagnosis,
        )
        self.thresholds = thresholds
        self.overhead_budget = overhead_budget
        self.distributed = _distributed.check_mode(distributed)
        self._dist: Optional[_distributed.TFDistributed] = None
        self._probe_partials = None
        self.writer: Any = None
        self._owned = False
        self.health: Optional[common.HealthLog] = None
        self.events: List[Dict[str, Any]] = []
        # Kept across fit() calls, so a second fit continues the steps of the first.
        self._step = 0
        self._epoch_base = 0
        self._last_logged: Optional[int] = None
        self._prev_weights: Dict[str, np.ndarray] = {}
        self._started = False
        self._ready = False
        self._probe_source: Optional[Tuple[Any, Any]] = None
        self._train_grads: Optional[_TrainingGradients] = None
        self._pending = False  # the running batch is armed: log at its end
        self._had_gradients = False  # a log with the training step's gradients was written
        self._batch_started = 0.0
        self._plain_step = 0.0  # seconds of an unarmed train step, smoothed
        self._epoch = 0

    # ----------------------------------------------------------------- fit hooks

    def on_train_begin(self, logs: Optional[Dict[str, Any]] = None) -> None:
        self._dist = _distributed.TFDistributed(self.model.distribute_strategy, self.distributed)
        self._dist.check_cadence(self.every)
        if self.writer is None or (self._owned and self.writer.closed):
            self.writer, self._owned = self._dist.open_writer(self.log_dir)
        self._name = self.name or self.model.name
        if self.health is None:
            self.health = common.HealthLog(self.writer, f"{self._name}/health", self.thresholds)
        self.health.writer = self.writer
        self.resources = common.ResourceSampler() if self.parts["resources"] else None
        self._ready = False
        if self.model.built and self.model.trainable_weights:
            self._setup()
            if self._last_logged != self._step:
                self._log(self._step, {})  # the state before this fit's first update
        # else: a model without an Input is built by its first batch; start after it

    def _setup(self) -> None:
        """Finds the layers and the probe batch, wraps the optimiser for the training
        gradients and builds the snapshot function (traced at the first log).

        Its time counts in the governor's account (``Cadence.charge``)."""
        started = self.clock()
        try:
            self._setup_untimed()
        finally:
            self.cadence.charge(self.clock() - started)

    def _setup_untimed(self) -> None:
        self._ready = True
        self._layers = [layer for layer in _walk(self.model) if layer.trainable_weights]
        self._layer_names = [layer.name for layer in self._layers]
        self._variables = [v for layer in self._layers for v in layer.trainable_weights]
        self._owner_names = [layer.name for layer in self._layers for _ in layer.trainable_weights]
        # The index in self._layers of each variable's layer.
        self._owners = [i for i, layer in enumerate(self._layers) for _ in layer.trainable_weights]
        if self._probe_source is None:
            self._probe_source = self._find_probe()
        self._probe = self._probe_source
        self._predictions = (
            None
            if self._probe is None
            else probes.for_keras(
                self.model, self._probe, _loss_function(self.model), self.writer, self._name
            )
        )
        self._tap_layers: List[Any] = []
        if self._train_grads is not None:
            self._train_grads.remove()
            self._train_grads = None
        # Over several replicas each train step sees only its replica's gradients,
        # so the flow comes from the probe batch, split over the replicas and
        # reduced with the strategy's collectives (see integrations/distributed.py).
        reduces = self._dist is not None and self._dist.reduces
        if (
            self.parts["gradients"]
            and getattr(self.model, "optimizer", None) is not None
            and not reduces
        ):
            self._train_grads = _TrainingGradients(self.model, self._layers)
            # Keras builds an unbuilt optimiser (its slot variables) inside the first
            # train step, and a tf.function that creates variables is traced twice,
            # the wrapped optimiser with it. Built first, as Keras' own symbolic build
            # does under a distribution strategy, the train step is traced once.
            optimizer = self.model.optimizer
            if not optimizer.built:
                with self.model.distribute_strategy.scope():
                    optimizer.build(self.model.trainable_variables)
            # The train function may have been traced without the wrapped optimiser
            # (an earlier fit, or the batch that built the model): trace it again.
            self.model.make_train_function(force=True)
        self._snapshot_fn = self._build_snapshot_fn()
        self._snapshot_traced = False
        self._probe_partials = None
        if self._probe is not None and reduces:
            loss_fn = _loss_function(self.model)
            if self.parts["gradients"] and loss_fn is not None:
                self._probe_partials = self._dist.build_probe_partials(
                    self.model,
                    loss_fn,
                    self._variables,
                    self._owners,
                    len(self._layers),
                    _layer_partials,
                )
        if not self._started:  # once per callback: the table, the graph
            self._started = True
            self._write_layer_table()
            if self.write_graph:
                self._write_graph()

    def on_epoch_begin(self, epoch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        self._epoch_base = self._step
        self._epoch = epoch

    def on_train_batch_begin(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        # Decided before the step, so that the train step reduces its gradients
        # only when this batch will be logged.
        if not self._ready or self._train_grads is None:
            return
        spe = max(1, int(getattr(self.model, "steps_per_execution", 1) or 1))
        upcoming = max(self._step + 1, self._epoch_base + int(batch) + spe)
        steps, epochs = self.params.get("steps"), self.params.get("epochs")
        last = (
            steps is not None
            and epochs is not None
            and self._epoch == epochs - 1
            and int(batch) + spe >= steps
        )
        # The first training batch is always logged: its gradients, taken at the
        # initial weights, are the first gradient-flow row.
        first = not self._had_gradients
        self._pending = bool(first or last or self.cadence.due(upcoming, self._step))
        self._batch_started = self.clock()
        self._train_grads.arm(self._pending)

    def on_train_batch_end(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        # Keras passes the index of the last batch run, which jumps by
        # steps_per_execution; count from it rather than from the calls.
        previous = self._step
        self._step = max(previous + 1, self._epoch_base + int(batch) + 1)
        if self.resources is not None:
            self.resources.count()
        if not self._ready:
            self._setup()
            self._log(self._step, logs or {})
        elif self._train_grads is not None:
            # What an armed step costs beyond a plain one (its gradient sums) is
            # logging time too: the governor counts it with the log.
            duration = self.clock() - self._batch_started
            if self._pending:
                self._pending = False
                extra = max(0.0, duration - self._plain_step) if self._plain_step else 0.0
                # Tracing the gradient sums into the train step (its first call) is
                # one-off logging time: in the account, not in the estimate.
                self.cadence.charge(self._train_grads.take_trace_seconds())
                self._log(self._step, logs or {}, fresh_gradients=True, extra_seconds=extra)
            else:  # a running estimate of a plain step (robust to one slow step)
                self._plain_step = (
                    duration
                    if not self._plain_step
                    else min(2 * self._plain_step, 0.9 * self._plain_step + 0.1 * duration)
                )
        elif self.cadence.due(self._step, previous):
            self._log(self._step, logs or {})

    def on_epoch_end(self, epoch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        logs = dict(logs or {})
        for key, value in logs.items():
            number = _scalar(value)
            if number is not None:
                self.writer.scalar(f"epoch_{key}", number, epoch)
        lr = self._learning_rate()
        if lr is not None:
            self.writer.scalar("epoch_learning_rate", lr, epoch)
        if self.parts["diagnosis"]:
            self.health.losses(
                epoch,
                _scalar(logs.get("loss")),
                _scalar(logs.get("val_loss")),
                self._num_classes(),
            )
            self.events = list(self.health.events)

    def on_train_end(self, logs: Optional[Dict[str, Any]] = None) -> None:
        if self._ready and self._last_logged != self._step:
            self._log(self._step, {})
        if self._train_grads is not None:
            self._train_grads.remove()
            self._train_grads = None
            self.model.make_train_function(force=True)  # without the wrapped optimiser
        self.events = list(self.health.events)
        if self._owned:
            self.writer.close()
        else:
            self.writer.flush()

    # ----------------------------------------------------------------- probe

    def _find_probe(self) -> Optional[Tuple[Any, Any]]:
        data = self.probe_data
        if data is None:
            data = _fit_arrays(self.model)
            if data is None:
                common.logger.warning(
                    "tbviz callback: no probe batch (fit got a dataset or generator); pass "
                    "probe_data=(x, y) to record activation maps and predictions"
                )
                return None
        x, y = data
        n = self.probe_size
        return _slice(x, n), _slice(y, n)

    def _build_tap(self) -> Any:
        """A model returning every layer's output and the model's output (graph models)."""
        if not (self.parts["activations"] and self._probe is not None):
            return None
        if not _is_graph_model(self.model):
            return None
        inputs = keras.layers.InputLayer
        self._tap_layers = [x for x in _walk(self.model) if not isinstance(x, inputs)]
        try:
            return keras.Model(
                self.model.inputs,
                [layer.output for layer in self._tap_layers] + list(self.model.outputs),
            )
        except Exception as e:  # shared or nested layers without a single output
            common.logger.warning("tbviz callback: no activation maps: %s", e)
            self._tap_layers = []
            return None

    def _build_snapshot_fn(self, with_predictions: bool = True):
        """One ``tf.function`` for what every log reads, packed into one float32 vector:
        the weights pooled to their surface grid, per-layer weight and update sums
        of squares, the probe batch's activations and the training gradients' sums,
        and (``with_predictions``, for a single-output graph model with a
        prediction probe) the probe's scores and input importance from the same
        forward pass.

        Everything is reduced on the device; the full weights never go to the host.
        The weights at the last log are kept in device variables for ``update_ratio``.
        """
        import tensorflow as tf

        tap = self._build_tap()
        n_tap = len(self._tap_layers)
        predictions = self._predictions
        self._merged_predictions = bool(
            with_predictions
            and predictions is not None
            and tap is not None
            and len(self.model.outputs) == 1
        )
        if self._merged_predictions:
            loss_fn = _loss_function(self.model)
            if predictions.x.dtype.kind != "f":
                loss_fn = None  # integer inputs (token ids) have no input gradient
            y = tf.constant(predictions.y)
        variables = self._variables
        owners = self._owners
        n_layers = len(self._layers)
        if getattr(self, "_prev_vars", None) is None or len(self._prev_vars) != len(variables):
            self._prev_vars = [
                tf.Variable(tf.zeros(v.shape, tf.float32), trainable=False) for v in variables
            ]
            self._prev_sq: Optional[np.ndarray] = None  # no weights kept yet
        prev_vars = self._prev_vars
        grads = self._train_grads
        self._surfaces = [summary.surface_layout(v.shape, "channels_last") for v in variables]
        surfaces = self._surfaces
        # Variables of one shape are read, pooled and summed as one stack: a
        # deep stack of equal layers costs the ops (and the tracing) of one.
        groups = _same_shape_groups(variables)
        self._surface_slots = {i: (j, n) for j, g in enumerate(groups) for n, i in enumerate(g)}
        group_owners = tf.constant([owners[i] for g in groups for i in g], tf.int32)
        layout: List[Tuple[str, int, Tuple[int, ...]]] = []
        self._layout = layout

        def snapshot(x):
            parts = []
            sq, diff = [], []
            for j, members in enumerate(groups):
                value = _stack(tf, [tf.cast(variables[i].value, tf.float32) for i in members])
                prev = _stack(tf, [prev_vars[i] for i in members])
                flat = tf.reshape(value, [len(members), -1])
                sq.append(tf.reduce_sum(tf.square(flat), axis=1))
                change = flat - tf.reshape(prev, [len(members), -1])
                diff.append(tf.reduce_sum(tf.square(change), axis=1))
                form = surfaces[members[0]]
                if form is not None and self.parts["weights"]:
                    parts.append(("weight", j, _pool_tf(tf, value, form)))
            for v, prev in zip(variables, prev_vars):
                prev.assign(tf.cast(v.value, tf.float32))  # ordered after the reads above
            # Per layer: [sum w², sum (w - w_prev)²].
            per_variable = tf.stack([tf.concat(sq, 0), tf.concat(diff, 0)], axis=1)
            norms = tf.math.unsorted_segment_sum(per_variable, group_owners, n_layers)
            parts.append(("norms", 0, tf.reshape(norms, [n_layers, 2])))
            if grads is not None:
                parts.append(("partials", 0, grads.partials.value()))
            if tap is not None and self._merged_predictions:
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
            # Static shapes, recorded while tracing; the probe batch's shape never changes.
            layout[:] = [(kind, i, tuple(t.shape)) for kind, i, t in parts]
            return tf.concat([tf.reshape(tf.cast(t, tf.float32), [-1]) for _, _, t in parts], 0)

        # Without AutoGraph: snapshot has no Python control flow on tensors, and
        # converting it and its helpers (parsing their source) is slow to trace.
        return tf.function(snapshot, autograph=False)

    # ----------------------------------------------------------------- logging

    def _log(
        self,
        step: int,
        logs: Dict[str, Any],
        fresh_gradients: bool = False,
        extra_seconds: float = 0.0,
    ) -> None:
        """Writes one full log; ``extra_seconds`` of logging work happened before it
        (the armed train step's gradient sums) and count towards its cost."""
        started = self.clock() - extra_seconds
        warmup = 0.0
        w = self.writer
        x = self._probe[0] if self._probe is not None and self._tap_layers else None
        if not self._snapshot_traced:  # trace once, outside the overhead estimate
            self._snapshot_traced = True
            t0 = self.clock()
            try:
                self._snapshot_fn.get_concrete_function(x)
            except Exception as e:
                if not self._merged_predictions:
                    raise
                # The probe's loss did not trace with the model's outputs: predictions
                # get their own pass (whose failure PredictionProbe reports, once).
                common.logger.info("tbviz callback: predictions run apart: %s", e)
                self._snapshot_fn = self._build_snapshot_fn(with_predictions=False)
                self._snapshot_fn.get_concrete_function(x)
            warmup += self.clock() - t0
        unpacked = _unpack(np.asarray(self._snapshot_fn(x)), self._layout)  # one host copy
        partials = None
        if fresh_gradients and self._train_grads is not None:
            partials = unpacked[("partials", 0)]
            self._had_gradients = True
        elif self._probe_partials is not None:  # several replicas: reduced by collectives
            partials = np.asarray(self._probe_partials(*self._probe))
        if self.parts["weights"]:
            for i, v in enumerate(self._variables):
                form = self._surfaces[i]
                if form is None:
                    continue
                group, index = self._surface_slots[i]
                common.write_pooled_surface(
                    w,
                    f"{self._owner_names[i]}/{_param_name(v)}",
                    unpacked[("weight", group)][index],
                    step,
                    shape=tuple(v.shape),
                    matrix_shape=form[0],
                    form=form[1],
                )
        norms = unpacked[("norms", 0)].astype(np.float64)  # [sum w², sum (w - w_prev)²]
        known = self._prev_sq is not None
        prev_sq = self._prev_sq if known else np.full(len(norms), np.nan)
        diff = norms[:, 1] if known else np.full(len(norms), np.nan)
        sums = np.stack([norms[:, 0], diff, prev_sq], axis=1)
        weight_cols = common.weight_columns_from_sums(sums)
        self._prev_sq = norms[:, 0]
        if partials is not None:
            grad_stats = common.stats_from_partials(partials)
            table = np.concatenate([grad_stats, weight_cols], axis=1)
            w.gradient_flow_table(
                f"{self._name}/gradient_flow", self._layer_names, common.FLOW_STATS, table, step
            )
            if self.parts["diagnosis"]:
                self.health.flow(self._layer_names, step, table)
        for i, layer in enumerate(self._tap_layers):
            array = unpacked[("activation", i)]
            if array.ndim >= 2 and array.size:
                w.activation_map(layer.name, array, step, layout="channels_last")
                kind = diagnose.normalise_activation(_activation_name(layer))
                if self.parts["diagnosis"] and kind is not None:
                    self.health.activations(
                        layer.name,
                        step,
                        diagnose.activation_unit_stats(array, kind, thresholds=self.thresholds),
                    )
        if self._predictions is not None and self._merged_predictions:
            importance = unpacked.get(("importance", 0))
            self._predictions.log(step, (unpacked[("scores", 0)], importance))
        elif self._predictions is not None:
            self._predictions.log(step)
        for key, value in logs.items():
            number = _scalar(value)
            if number is not None:
                w.scalar(f"batch_{key}", number, step)
        lr = self._learning_rate()
        if lr is not None:
            w.scalar("learning_rate", lr, step)
        if self.resources is not None:
            for key, value in self.resources.sample().items():
                w.scalar(key, value, step)
        self.events = list(self.health.events)
        self._last_logged = step
        self.cadence.record(step, started, warmup, getattr(self.writer, "background_seconds", None))
        if self.resources is not None:
            self.resources.exclude(self.clock() - started)

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

    def _write_layer_table(self) -> None:
        rows = []
        for layer in _walk(self.model):
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
        common.write_layer_table(self.writer, f"{self._name}/layers", rows)

    def _write_graph(self) -> None:
        """The model's graph for TensorBoard's Graphs view, written with TensorFlow's own ops.

        Two views, as Keras's TensorBoard callback wrote them: the conceptual
        graph (the model's JSON config, tag ``keras``) and the op graph of the
        model's forward pass (``tf.summary.graph`` of a traced inference call;
        Keras 3's own train function is no longer a single ``tf.function``).
        They go to a second event file (suffix ``.graph``) in the same run.
        """
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
                if self._probe is not None:
                    example = self._probe[0]
                else:
                    example = [tf.TensorSpec(t.shape, t.dtype) for t in model.inputs]
                    example = example[0] if len(example) == 1 else example
                tf.summary.graph(forward.get_concrete_function(example).graph)
            graph_writer.close()
        except Exception as e:  # never stop training for a picture
            common.logger.warning("tbviz callback: the graph could not be written: %s", e)


# --------------------------------------------------------------------------- helpers


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


def _param_name(variable: Any) -> str:
    path = getattr(variable, "path", None) or variable.name
    return str(path).split("/")[-1].split(":")[0]


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
    """Per-layer gradient sums of the training step's own gradients.

    Wraps ``model.optimizer.apply`` (which ``apply_gradients`` and Keras'
    ``train_step`` call inside the compiled train function): while ``armed``,
    the wrapper reduces the gradients to ``[layers, PARTIALS]`` in the graph and
    stores them in a device variable; otherwise a ``tf.cond`` skips it. The
    gradients are not changed. ``remove()`` restores the optimiser.
    """

    def __init__(self, model: Any, layers: List[Any]) -> None:
        import tensorflow as tf

        # A LossScaleOptimizer hands its inner optimiser the unscaled gradients.
        self.optimizer = getattr(model.optimizer, "inner_optimizer", None) or model.optimizer
        owner = {id(v): i for i, layer in enumerate(layers) for v in layer.trainable_weights}
        n_layers = len(layers)
        self._armed = False
        self._trace_seconds = 0.0
        self.armed = tf.Variable(False, trainable=False, name="tbviz_armed")
        self._empty = tf.constant([common.NO_GRADIENT] * n_layers, tf.float32)
        self.partials = tf.Variable(self._empty, trainable=False, name="tbviz_partials")
        original = self.optimizer.apply
        optimizer, armed, partials = self.optimizer, self.armed, self.partials

        def apply(grads: Any, trainable_variables: Any = None) -> Any:
            # Runs while the train function is traced (and eagerly, if it runs eagerly).
            traced = time.perf_counter()
            grads = list(grads)
            if trainable_variables is None:
                variables = list(getattr(optimizer, "_trainable_variables", []))
            else:
                trainable_variables = list(trainable_variables)
                variables = trainable_variables
            # Dense, with the variable's static shape (an embedding's IndexedSlices
            # converts to a tensor of unknown shape): the sums' graph is sized from it.
            pairs = [
                (tf.reshape(tf.convert_to_tensor(g), v.shape), owner[id(v)])
                for g, v in zip(grads, variables)
                if g is not None and id(v) in owner
            ]

            # Not converted by AutoGraph: the graph-building helpers have no Python
            # control flow on tensors, and converting them (parsing their source)
            # cost about a second of every fit's first train step.
            @tf.autograph.experimental.do_not_convert
            def record() -> Any:
                partials.assign(_fast_layer_partials(tf, pairs, n_layers))
                return tf.constant(True)

            @tf.autograph.experimental.do_not_convert
            def skip() -> Any:
                return tf.constant(False)

            tf.cond(armed, record, skip)
            if not tf.executing_eagerly():
                self._trace_seconds += time.perf_counter() - traced
            return original(grads, trainable_variables)

        self._original = original
        # An ``apply`` set on the instance before (another tool's wrapper) comes back
        # at ``remove``; otherwise the class' method shows through again.
        self._own_apply = "apply" in vars(optimizer)
        self._wrapper = apply
        optimizer.apply = apply

    def arm(self, on: bool) -> None:
        """Whether the next train step records its gradients. An armed step starts
        from "no gradient" rows, so a step that never reaches ``apply`` (a loss-scale
        optimiser skipping non-finite gradients) is not shown with stale sums."""
        if on:
            self.partials.assign(self._empty)
        if on != self._armed:  # a variable write per change, not per step
            self._armed = on
            self.armed.assign(on)

    def take_trace_seconds(self) -> float:
        """Seconds spent building the gradient sums into traced train functions
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


def _fast_layer_partials(tf: Any, pairs: List[Tuple[Any, int]], n_layers: int) -> Any:
    """``[layers, PARTIALS]`` of (gradient, layer) pairs in four passes per tensor.

    Sums per tensor are combined per layer with segment ops (no concatenated
    copy of all gradients). The fast sums assume finite gradients of normal
    magnitude; when any result is not finite, or squares underflowed, the exact form
    (``_layer_partials``: NaN/Inf counted apart, magnitudes over finite
    elements, squares of scaled values) runs instead, in the graph.

    Graph size matters as much as speed here: this is traced into every fit's
    train step, and each op costs about half a millisecond of tracing and
    graph optimisation. So gradients of the same shape are stacked and summed
    together (``_same_shape_groups``: a deep stack of equal layers costs the
    ops of one), every group gets the same nine ops, sharing their constants,
    and the per-layer combination is a handful of ops whatever the number of
    layers.
    """
    pairs = [(tf.convert_to_tensor(g), i) for g, i in pairs]
    if not pairs:
        return _no_gradient(tf, n_layers)
    axis = tf.constant([1])
    zero = tf.constant(0.0)
    per_group, order = [], []
    for members in _same_shape_groups([g for g, _ in pairs]):
        group = [pairs[m][0] for m in members]
        k, size = len(group), int(np.prod(group[0].shape))
        g = tf.reshape(tf.cast(_stack(tf, group), tf.float32), [k, size])
        a = tf.abs(g)
        nonzero = tf.reduce_sum(tf.cast(tf.not_equal(g, zero), tf.float32), axis)
        per_group.append(
            tf.stack(
                [
                    tf.reduce_sum(a, axis),
                    tf.reduce_max(a, axis) if size else tf.zeros([k]),
                    tf.reduce_sum(tf.square(g), axis),
                    nonzero,
                ],
                axis=1,
            )
        )
        order += members
    owners = tf.constant([pairs[m][1] for m in order], tf.int32)
    stats = tf.concat(per_group, 0)  # [tensors, 4]
    sums = tf.math.unsorted_segment_sum(stats, owners, n_layers)
    max_abs = tf.math.unsorted_segment_max(stats[:, 1], owners, n_layers)
    sizes = _layer_sizes(pairs, n_layers)
    n = tf.constant(sizes, tf.float32)
    scale = tf.where(max_abs > 0, max_abs, 1.0)
    fast = tf.stack(
        [sums[:, 0], max_abs, sums[:, 2] / scale / scale, n, tf.zeros_like(n), n, n - sums[:, 3]],
        axis=1,
    )
    fast = tf.where(tf.constant(sizes > 0)[:, None], fast, _no_gradient(tf, n_layers))
    # Not finite, or the squares underflowed float32 (vanishing gradients below
    # about 1e-20: the scaled sum of squares, at least 1 when exact, falls to 0).
    ok = tf.reduce_all(tf.math.is_finite(fast[:, :3]) | tf.constant(sizes == 0)[:, None]) & (
        tf.reduce_all((fast[:, 2] >= 0.5) | (max_abs == 0) | tf.constant(sizes == 0))
    )
    grads = [g for g, _ in pairs]
    owner_list = [i for _, i in pairs]
    return tf.cond(ok, lambda: fast, lambda: _layer_partials(tf, grads, owner_list, n_layers))


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
    rows = tf.stack(
        [
            per_layer(safe),
            max_abs,
            per_layer(tf.square(safe / tf.gather(scale, ids))),
            per_layer(tf.cast(finite, tf.float32)),
            per_layer(tf.cast(tf.math.is_nan(g), tf.float32)),
            tf.constant(sizes, tf.float32),
            per_layer(tf.cast(tf.equal(g, 0.0), tf.float32)),
        ],
        axis=1,
    )
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


def _fit_arrays(model: Any) -> Optional[Tuple[Any, Any]]:
    """The ``x`` and ``y`` given to ``model.fit``, read from its frame (arrays only)."""
    frame = inspect.currentframe()
    try:
        while frame is not None:
            if frame.f_code.co_name == "fit" and frame.f_locals.get("self") is model:
                x, y = frame.f_locals.get("x"), frame.f_locals.get("y")
                if _is_array(x) and (y is None or _is_array(y)):
                    return x, y
                return None
            frame = frame.f_back
        return None
    finally:
        del frame


def _is_array(value: Any) -> bool:
    return hasattr(value, "shape") and hasattr(value, "__getitem__") and len(value.shape) >= 1


def _slice(value: Any, n: int) -> Any:
    if value is None:
        return None
    return np.asarray(value[:n]) if not hasattr(value, "numpy") else value[:n]


def _scalar(value: Any) -> Optional[float]:
    try:
        number = float(np.asarray(value).reshape(-1)[0]) if value is not None else None
    except (TypeError, ValueError, IndexError):
        return None
    return number
