"""Keras 3 on TensorFlow: the training step's gradients and the full logs' reads for
``TbvizCallback``.

On the batches the callback logs, the compiled train step copies its
gradients into device variables (``tf_train_step.TrainingGradients``); a
gradient-flow row then reduces them, and the weights' sums: with numpy from
views of the variables when they are in host memory (``host_reduce``), else in
one traced function on the device. A full log reads one *snapshot*: the probe
batch's activations and (for a single-output graph model) its scores and input
importance from the same forward pass, and off the host the weights pooled to
their surface grid, packed into one vector and brought to the host in one copy
(on the host, numpy pools the weights from views). Under a ``tf.distribute``
strategy with several replicas the flow comes from the probe batch, split over
the replicas (``integrations.distributed``). The model's graph goes to TensorBoard's Graphs
view through ``tf.summary``.

Example::

    model.fit(x, y, callbacks=[TbvizCallback("logs/run1")])   # runs TFSteps
"""

from __future__ import annotations

import time
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from tbviz_plugin import summary
from tbviz_plugin.integrations import common, host_reduce, probes
from tbviz_plugin.integrations import distributed as _distributed
from tbviz_plugin.integrations.core import LogTiming
from tbviz_plugin.integrations.keras import model_info
from tbviz_plugin.integrations.keras.steps import Flow, Reading, Steps
from tbviz_plugin.integrations.keras.tf_reduce import (
    layer_partials,
    pool_tf,
    same_shape_groups,
    stack_tensors,
    unpack,
)
from tbviz_plugin.integrations.keras.tf_train_step import FirstBatch, TrainingGradients

# Full logs run eagerly (no tracing for a log that happens rarely); from the next
# one on, the snapshot is traced (logs that frequent repay its tracing).
EAGER_FULL_LOGS = 3

# What the snapshot function returns, split by ``unpack``: {(part, index): array}.
Snapshot = Dict[Tuple[str, int], np.ndarray]


class TFSteps(Steps):
    """``TbvizCallback``'s TensorFlow part (see the module's docstring)."""

    writes_graph = True

    def __init__(self, callback: Any) -> None:
        super().__init__(callback)
        self.dist: Optional[_distributed.TFDistributed] = None
        self._first: Optional[FirstBatch] = None
        self._grads: Optional[TrainingGradients] = None
        self._said_not_applied = False
        self._probe_partials: Any = None  # several replicas: the probe batch's gradient sums
        self._groups: List[List[int]] = []
        self._group_owners: List[int] = []
        self._prev_vars: Optional[List[Any]] = None  # weights at the last row, on the device
        self._prev_known = False  # the previous weights are those of a logged step
        # Every watched variable is in host memory (TensorFlow on CPU): rows are summed
        # with numpy from views of the variables (host_reduce), nothing to trace; the
        # weights at the last row are kept as views too (a later update of a variable
        # writes a new buffer while a view of the old one is alive).
        self._on_host = False
        self._prev_host: Optional[List[np.ndarray]] = None
        self._snapshot_fn: Any = None  # built at the next full log
        self._snapshot_runs = 0  # its eager runs; traced once full logs are frequent
        self._snapshot_x: Any = None  # the probe input it takes (None without a tap)
        self._layout: List[Tuple[str, int, Tuple[int, ...]]] = []  # its parts, by shape
        self._surfaces: List[Any] = []  # each variable's surface form, or None
        self._surface_slots: Dict[int, Tuple[int, int]] = {}  # variable -> (group, index)
        self._tap_used: List[Any] = []  # layers whose activations it returns
        self._merged = False  # it returns the probe's scores and importance too
        self._merge_predictions = True  # False once the merged forward failed to trace

    @property
    def gradients(self) -> bool:
        return self._grads is not None

    def begin(self) -> None:
        """The distribution strategy of this fit; without a probe yet, a train step that
        keeps its first batch's first samples (``FirstBatch``)."""
        cb = self.callback
        self.dist = _distributed.TFDistributed(
            self.model.distribute_strategy, self.options.distributed
        )
        self.dist.check_cadence(self.options.every)
        if cb._probe_set is not None or cb._probe is not None or self._first is not None:
            return
        if self.model.distribute_strategy.num_replicas_in_sync > 1:
            common.logger.warning(
                "tbviz callback: no probe batch over several replicas; pass "
                "probe_data=(x, y) to record activation maps and predictions"
            )
            return
        if getattr(self.model, "jit_compile", False) is True:
            # XLA compiles the train step with static shapes: a copy into variables
            # made before the step is traced, of a layout learnt while tracing, is not
            # compilable there (the whole fit would stop).
            common.logger.warning(
                "tbviz callback: no probe batch: the train step is compiled with XLA "
                "(jit_compile=True); pass probe_data=(x, y) to record activation maps "
                "and predictions"
            )
            return
        self._first = FirstBatch(self.model, self.options.probe_size)
        self.model.make_train_function(force=True)  # a train step with the copy in it

    def open_writer(self, log_dir: Any) -> Tuple[Any, bool]:
        return self.dist.open_writer(log_dir)

    def watch(self) -> None:
        """Wraps the optimiser for the training gradients (one replica) and keeps the
        weights the first row's change is taken from."""
        cb, model = self.callback, self.model
        if self._grads is not None:
            self._grads.remove()
            self._grads = None
        self._on_host = not self.dist.reduces and all(_on_cpu(v) for v in cb._variables)
        self._keep_previous_weights()
        # Over several replicas each train step sees only its replica's gradients,
        # so the flow comes from the probe batch, split over the replicas and
        # reduced with the strategy's collectives (see integrations/distributed.py).
        if (
            self.options.gradients
            and cb._layers
            and getattr(model, "optimizer", None) is not None
            and not self.dist.reduces
        ):
            self._grads = TrainingGradients(
                model,
                cb._layers,
                self._weight_sums_graph,
                stacked=not self._on_host,
                first_batch=self._first,
            )
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
            self._keep_weights()  # the weights the first row's change is taken from
            self._prev_known = True
        self._snapshot_fn = None

    def arm(self, on: bool) -> None:
        if self._grads is not None:
            self._grads.arm(on)

    def take_trace_seconds(self) -> float:
        return 0.0 if self._grads is None else self._grads.take_trace_seconds()

    def first_batch(self) -> Optional[Tuple[Any, Any]]:
        return None if self._first is None else self._first.take()

    def probe_changed(self) -> None:
        """The snapshot is built again, with the activations; over several replicas the
        probe batch's gradient sums are readied."""
        cb = self.callback
        self._snapshot_fn = None
        self._probe_partials = None
        loss_fn = model_info.loss_function(self.model)
        if cb._probe is None or cb._probe_failed or loss_fn is None:
            return
        if self.dist.reduces and self.options.gradients:
            self._probe_partials = self.dist.build_probe_partials(
                self.model,
                loss_fn,
                cb._variables,
                cb._owners,
                len(cb._layers),
                layer_partials,
            )

    def prediction_probe(self, x: Any, y: Any) -> Optional[probes.PredictionProbe]:
        cb = self.callback
        loss_fn = model_info.loss_function(self.model)
        return probes.for_keras(
            self.model, (x, y), loss_fn, cb.writer, cb.recorder.name, expected=cb._expected
        )

    def read_flow(self, timing: LogTiming) -> Optional[Flow]:
        return self._train_flow(timing)

    def read_full(self, timing: LogTiming, fresh: bool) -> Reading:
        """The snapshot (one host copy) and the row: the armed train step's, or over
        several replicas the probe batch's."""
        cb = self.callback
        fresh = fresh and self._grads is not None and self._grads.armed_now
        values = self._snapshot(timing)
        pooled = {}
        for i, form in enumerate(self._surfaces if self.options.weights else ()):
            if form is None:
                continue
            if self._on_host:  # pooled with numpy from a view of the variable
                pooled[i] = host_reduce.pooled_surface(_host_value(cb._variables[i]))
            else:
                group, index = self._surface_slots[i]
                pooled[i] = values[("weight", group)][index]
        flow = None
        if fresh:
            flow = self._train_flow(timing)
        elif self._probe_partials is not None:  # several replicas: reduced by collectives
            partials = np.asarray(self._probe_partials(*cb._probe))
            flow = (partials, self._first_row(values[("norms", 0)]))
        activations = [(layer, values[("activation", i)]) for i, layer in enumerate(self._tap_used)]
        outputs = None
        if self._merged:  # scores and importance from the snapshot's forward pass
            outputs = (values[("scores", 0)], values.get(("importance", 0)))
        return Reading(pooled, flow, activations, outputs)

    def _train_flow(self, timing: LogTiming) -> Optional[Flow]:
        """The armed train step's gradient sums and the updated weights' sums."""
        if self._grads is None:
            return None
        if not self._grads.applied and not self._said_not_applied:
            self._said_not_applied = True
            common.logger.warning(
                "tbviz callback: the train step did not call the optimiser (%s.apply or "
                "apply_gradients), so its gradients are not seen; gradient-flow rows show "
                "the weights' norms and update ratios only",
                type(self._grads.optimizer).__name__,
            )
        if self._on_host:
            partials, norms = self._host_row()
        else:
            partials, norms = self._grads.read()
            timing.warmup += self._grads.take_read_seconds()
        return partials, self._first_row(norms)

    def _host_row(self) -> Tuple[np.ndarray, np.ndarray]:
        """The armed step's row summed with numpy: per layer its gradients' partial
        sums and its weights' sums against the weights at the last row."""
        cb = self.callback
        grads = self._grads.host_gradients()
        weights = [_host_value(v) for v in cb._variables]
        prev = self._prev_host if self._prev_host is not None else weights
        self._prev_host = weights
        members: List[List[int]] = [[] for _ in cb._layers]
        for i, owner in enumerate(cb._owners):
            members[owner].append(i)
        return host_reduce.layer_rows(
            [
                (
                    None if grads is None else [grads[i] for i in mine if grads[i] is not None],
                    [weights[i] for i in mine],
                    [prev[i] for i in mine],
                )
                for mine in members
            ]
        )

    def _first_row(self, norms: Any) -> np.ndarray:
        """The weight sums, with no change to speak of before an earlier row."""
        weight_sums = np.asarray(norms, dtype=np.float64)
        if not self._prev_known:
            weight_sums[:, [common.WeightSum.CHANGE_SQ, common.WeightSum.PREV_SQ]] = np.nan
        self._prev_known = True
        return weight_sums

    def remove(self) -> None:
        """The optimiser's ``apply`` and the model's ``train_step`` back, and a train
        function traced without them."""
        wrapped = False
        if self._grads is not None:
            self._grads.remove()
            self._grads = None
            wrapped = True
        if self._first is not None:
            self._first.remove()
            self._first = None
            wrapped = True
        if wrapped:
            self.model.make_train_function(force=True)

    # ----------------------------------------------------------------- snapshot

    def _keep_previous_weights(self) -> None:
        """The groups of equal-shaped variables the weights are summed and pooled in,
        and (off the host) a device copy of each group's weights at the last
        gradient-flow row (for ``update_ratio``)."""
        import tensorflow as tf

        cb = self.callback
        variables = cb._variables
        # Variables of one shape are read, pooled and summed as one stack: a deep
        # stack of equal layers costs the ops of one.
        self._groups = same_shape_groups(variables)
        self._group_owners = [cb._owners[i] for g in self._groups for i in g]
        if self._on_host:
            self._prev_vars = None
            self._prev_host = None
            self._prev_known = False
            return
        shapes = [(len(g), *variables[g[0]].shape) for g in self._groups]
        if self._prev_vars is None or [tuple(p.shape) for p in self._prev_vars] != shapes:
            self._prev_vars = [
                tf.Variable(tf.zeros(shape, tf.float32), trainable=False) for shape in shapes
            ]
            self._prev_known = False

    def _stacked(self, members: List[int]) -> Any:
        """``[k, *shape]`` float32 values of the variables of one shape group."""
        import tensorflow as tf

        variables = self.callback._variables
        return stack_tensors(tf, [tf.cast(variables[i].value, tf.float32) for i in members])

    def _keep_weights(self) -> None:
        """Copies the weights into the previous weights' variables (no sums: the first
        row's change is taken from them)."""
        if self._on_host:
            self._prev_host = [_host_value(v) for v in self.callback._variables]
            return
        for members, prev in zip(self._groups, self._prev_vars):
            prev.assign(self._stacked(members))

    def _weight_sums_graph(self) -> Any:
        """``[layers, common.WeightSum]``: per layer the sums of squares of the weights,
        of their change since the last row and of the weights then; the weights are
        then kept for the next row. Eager after a train step, or ops of the snapshot."""
        import tensorflow as tf

        cb = self.callback
        WS = common.WeightSum
        if not self._groups:
            return tf.zeros([len(cb._layers), len(WS)])
        columns: Dict[int, List[Any]] = {c: [] for c in WS}
        for members, prev in zip(self._groups, self._prev_vars):
            value = self._stacked(members)
            before = prev.value()
            axes = list(range(1, len(value.shape)))
            columns[WS.SQ].append(tf.reduce_sum(tf.square(value), axis=axes))
            change = tf.math.squared_difference(value, before)
            columns[WS.CHANGE_SQ].append(tf.reduce_sum(change, axis=axes))
            columns[WS.PREV_SQ].append(tf.reduce_sum(tf.square(before), axis=axes))
            prev.assign(value)  # ordered after the reads above
        per_variable = tf.stack([tf.concat(columns[c], 0) for c in WS], axis=1)
        owners = tf.constant(self._group_owners, tf.int32)
        return tf.math.unsorted_segment_sum(per_variable, owners, len(cb._layers))

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

        cb = self.callback
        tap = self._build_tap()
        x = cb._probe[0] if tap is not None else None
        n_tap = len(self._tap_used)
        predictions = cb._predictions
        self._merged = merged = bool(
            self._merge_predictions
            and predictions is not None
            and tap is not None
            and len(self.model.outputs) == 1
            and isinstance(predictions.x, np.ndarray)  # one input: one importance tensor
            and probes.num_samples(predictions.x) <= self.options.probe_size
        )
        if merged:
            loss_fn = model_info.loss_function(self.model)
            if predictions.x.dtype.kind != "f":
                loss_fn = None  # integer inputs (token ids) have no input gradient
            y = tf.constant(predictions.y)
        variables = cb._variables
        self._surfaces = [summary.surface_layout(v.shape, "channels_last") for v in variables]
        surfaces = self._surfaces
        groups = self._groups
        self._surface_slots = {i: (j, n) for j, g in enumerate(groups) for n, i in enumerate(g)}
        # Without a train step that reduces them (several replicas), the weights' sums too.
        with_sums = self._grads is None and self._probe_partials is not None
        layout: List[Tuple[str, int, Tuple[int, ...]]] = []

        def snapshot(x: Any) -> Any:
            if x is not None:
                x = tf.nest.map_structure(tf.convert_to_tensor, x)
            parts = []
            if self.options.weights and not self._on_host:
                for j, members in enumerate(groups):
                    form = surfaces[members[0]]
                    if form is not None:
                        parts.append(("weight", j, pool_tf(tf, self._stacked(members), form)))
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
        cb = self.callback
        self._tap_used = []
        if not (self.options.activations and cb._probe is not None and not cb._probe_failed):
            return None
        tap = model_info.tap_model(self.model, cb._tap_layers, with_outputs=True)
        if tap is not None:
            self._tap_used = list(cb._tap_layers)
        return tap

    def _snapshot(self, timing: LogTiming) -> Snapshot:
        """One run of the snapshot, on the host; built when first needed. When the
        probe's forward fails, the predictions run apart; when the probe cannot run at
        all, the rest is logged without it."""
        cb = self.callback
        while True:
            try:
                if self._snapshot_fn is None:
                    t0 = time.perf_counter()
                    try:
                        built = self._build_snapshot()
                        self._snapshot_fn, self._snapshot_x, self._layout = built
                        self._snapshot_runs = 0
                    finally:
                        timing.warmup += time.perf_counter() - t0
                self._snapshot_runs += 1
                if self._snapshot_runs == EAGER_FULL_LOGS + 1:
                    self._trace_snapshot(timing)
                return unpack(np.asarray(self._snapshot_fn(self._snapshot_x)), self._layout)
            except Exception as e:
                self._snapshot_fn = None
                if self._merged:
                    # The probe's loss did not run with the model's outputs: the
                    # predictions get their own pass (whose failure PredictionProbe
                    # reports, once).
                    common.logger.info("tbviz callback: predictions run apart: %s", e)
                    self._merge_predictions = False
                elif self._tap_used:
                    cb._probe_off(e)
                else:
                    raise

    def _trace_snapshot(self, timing: LogTiming) -> None:
        """Full logs have become frequent (``every=N``): the snapshot is traced once,
        a one-off cost that its faster runs repay (eager, each op is dispatched
        from Python)."""
        import tensorflow as tf

        t0 = time.perf_counter()
        eager = self._snapshot_fn
        try:
            traced = tf.function(eager, autograph=False)
            traced.get_concrete_function(self._snapshot_x)
            self._snapshot_fn = traced
        except Exception as e:  # it runs eagerly, as before
            common.logger.info("tbviz callback: the snapshot stays eager: %s", e)
        finally:
            timing.warmup += time.perf_counter() - t0

    # ----------------------------------------------------------------- logging

    def graph_example(self) -> Any:
        """What the forward pass is traced with for the graph: the model's input specs,
        else the probe batch; None before either is known."""
        cb = self.callback
        specs = model_info.input_specs(self.model)
        if specs is not None:
            return specs
        failed = cb._probe_failed or (cb._predictions is not None and cb._predictions.failed)
        # A probe the model could not run was reported once already.
        return cb._probe[0] if cb._probe is not None and not failed else None

    def write_graph(self) -> None:
        """The model's graph for TensorBoard's Graphs view, written with TensorFlow's own ops.

        Two views, as Keras's TensorBoard callback wrote them: the conceptual
        graph (the model's JSON config, tag ``keras``) and the op graph of the
        model's forward pass (``tf.summary.graph`` of a traced inference call;
        Keras 3's own train function is no longer a single ``tf.function``).
        They go to a second event file (suffix ``.graph``) in the same run.
        """
        cb = self.callback
        logdir = common.writer_logdir(cb.writer)
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
                tf.summary.graph(forward.get_concrete_function(self.graph_example()).graph)
            graph_writer.close()
        except Exception as e:  # never stop training for a picture
            common.logger.warning("tbviz callback: the graph could not be written: %s", e)


def _on_cpu(variable: Any) -> bool:
    """Whether a Keras variable's TensorFlow value lives in host memory."""
    import tensorflow as tf

    device = getattr(variable.value, "device", "") or ""
    return tf.DeviceSpec.from_string(device).device_type in (None, "CPU")


def _host_value(variable: Any) -> np.ndarray:
    """A Keras variable's current value as a numpy view of its CPU buffer (no copy)."""
    return np.asarray(variable.value.value())
