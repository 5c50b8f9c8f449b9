"""Keras 3 on its JAX and PyTorch backends: what ``TbvizCallback`` runs there.

Example::

    import os; os.environ["KERAS_BACKEND"] = "jax"       # or "torch"
    from tbviz_plugin.integrations.keras import TbvizCallback

    model.fit(x, y, epochs=10, callbacks=[TbvizCallback("logs/run1")])

``TbvizCallback(...)`` returns a ``BackendCallback`` under ``KERAS_BACKEND=jax``
or ``torch``: the same arguments, the same tags and the same guarantees as on
TensorFlow, without TensorFlow. Only the way the training step's gradients are
reached differs:

* **PyTorch.** Keras' torch train step calls ``loss.backward()`` and leaves each
  variable's ``.grad`` in place until the next step's ``zero_grad()``; at a
  logged step the callback reduces those gradients on their device, after the
  update, with ``integrations.torch``'s reductions. Nothing is wrapped.
* **JAX.** The gradients exist only inside the jitted, stateless train step.
  The callback replaces ``model.train_function`` for the fit by one that jits
  Keras' own ``train_step`` with an extra argument, ``armed`` (a traced
  boolean, so arming never retraces), and wraps ``optimizer.stateless_apply``
  on the instance so that, inside the step, ``lax.cond(armed, ...)`` reduces
  each layer's gradients to their partial sums (``integrations.jax``'s
  reductions); the step returns them beside its logs and state. Weights are
  read after the step through ``model.jax_state_sync()``, the path Keras gives
  callbacks. ``on_train_end`` gives the model its train function and the
  optimiser its ``stateless_apply`` back.

Weights are pooled to their surface grid and summed on the device; a logged
step brings pooled surfaces, a few sums per layer and the probe's outputs to
the host. Activation maps come from a model returning each layer's output
(Sequential and Functional models), run on the probe batch; predictions and
gradient x input importance from the model's compiled loss, differentiated
with ``jax.value_and_grad`` or ``torch.autograd.grad`` with respect to the
input only.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.core import FLOW, FULL, ActivationMap, StepLogger, Surface
from tbviz_plugin.integrations.keras import (
    _activation_name,
    _inputs,
    _is_graph_model,
    _layer_rows,
    _loss_function,
    _next_batch,
    _param_names,
    _plain_step_estimate,
    _walk,
)
from tbviz_plugin.integrations.options import (
    DEFAULT_BUDGET,
    DEFAULT_MAX_BYTES,
    DEFAULT_PROBE_SIZE,
    Options,
)

__all__ = ["BackendCallback", "BACKENDS"]

BACKENDS = ("jax", "torch")


class BackendCallback(keras.callbacks.Callback):
    """``TbvizCallback`` for Keras 3 on JAX or PyTorch (``TbvizCallback(...)`` returns one).

    Args: those of ``integrations.keras.TbvizCallback``. ``write_graph`` is
    TensorFlow's (``tf.summary.graph``) and is ignored here; ``distributed``
    is checked but a ``keras.distribution`` is not handled (give each process
    a log directory of its own).

    Example::

        os.environ["KERAS_BACKEND"] = "jax"
        callback = TbvizCallback("logs/run1", every=50, probe_data=(x_val, y_val))
        model.fit(x, y, epochs=10, callbacks=[callback])
    """

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
        if self.backend not in BACKENDS:
            raise RuntimeError(
                f"BackendCallback runs on Keras' {' and '.join(BACKENDS)} backends; this "
                f"Keras runs {self.backend!r}: use TbvizCallback"
            )
        self.options = Options.from_arguments(locals())
        self.log_dir = log_dir
        self.write_graph = write_graph
        self.writer: Any = None
        self._owned = False
        self.recorder = StepLogger(
            None, self.options.name or "model", self.options, cadence_name="tbviz callback"
        )
        self.cadence = self.recorder.cadence
        self.clock = self.recorder.clock
        self._probe_set = (
            None if probe_data is None else probes.cap_probe(probe_data, "tbviz callback")
        )
        self._probe: Optional[Tuple[Any, Any]] = None  # (x, y) on the host, probe_size rows
        self._probe_failed = False
        self._predictions: Optional[probes.PredictionProbe] = None
        self._steps: Any = None  # _JaxSteps or _TorchSteps, per fit
        self._ready = False
        self._layers: List[Any] = []
        self._layer_names: List[str] = []
        self._tap_layers: List[Any] = []
        self._tap: Any = None
        self._tap_built = False
        self._variables: List[Any] = []
        self._owners: List[int] = []
        self._step = 0
        self._epoch_base = 0
        self._epoch = 0
        self._started = False
        self._pending: Optional[str] = None
        self._pending_last = False  # the armed batch is the fit's last
        self._had_gradients = False
        self._batch_started = 0.0
        self._plain_step = 0.0

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Health events written so far."""
        return self.recorder.events

    # ----------------------------------------------------------------- fit hooks

    def on_train_begin(self, logs: Optional[Dict[str, Any]] = None) -> None:
        if self.writer is None or (self._owned and self.writer.closed):
            self.writer, self._owned = common.open_writer(self.log_dir)
        if self.options.name is None and not self._started:
            self.recorder.rename(self.model.name)
        self.recorder.set_writer(self.writer)
        if self.options.resources:
            self.recorder.resources = common.ResourceSampler()
        self._ready = False
        steps, epochs = self.params.get("steps"), self.params.get("epochs")
        if steps and epochs:
            self.recorder.expect_steps(int(steps) * int(epochs))
        steps_class = _JaxSteps if self.backend == "jax" else _TorchSteps
        self._steps = steps_class(self.model, self.options.probe_size)
        if self.model.built and self.model.trainable_weights:
            self._setup()
            if self.recorder.last_logged != self._step:
                self._log(self._step, {})  # the state before this fit's first update

    def on_epoch_begin(self, epoch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        self._epoch_base = self._step
        self._epoch = epoch

    def on_train_batch_begin(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        # Decided before the step: the JAX step reduces its gradients only when armed.
        if not self._ready:
            return
        upcoming, last = _next_batch(self, batch)
        first = not self._had_gradients and self._steps.gradients
        self._pending = FULL if first or last else self.recorder.due(upcoming, self._step)
        self._pending_last = last
        self._batch_started = self.clock()
        self._steps.arm(self._pending is not None)

    def on_train_batch_end(self, batch: int, logs: Optional[Dict[str, Any]] = None) -> None:
        previous = self._step
        self._step = max(previous + 1, self._epoch_base + int(batch) + 1)
        self.recorder.count_step()
        logs = logs or {}
        if not self._ready:
            self._setup()
            self._log(self._step, logs)
            return
        duration = self.clock() - self._batch_started
        if self._pending is None:
            self._plain_step = _plain_step_estimate(self._plain_step, duration)
            return
        part, self._pending = self._pending, None
        # What an armed JAX step costs beyond a plain one (its gradient sums) is logging time.
        extra = max(0.0, duration - self._plain_step) if self._plain_step else 0.0
        if part == FULL:  # the fit's last batch is logged whole (see core.DiskBudget)
            self._log(
                self._step,
                logs,
                fresh_gradients=True,
                extra_seconds=extra,
                final=self._pending_last,
            )
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
                self._log(self._step, {}, fresh_gradients=True, final=True)
        finally:
            if self._steps is not None:
                self._steps.remove()
            if self._owned:
                self.writer.close()
            else:
                self.writer.flush()

    # ----------------------------------------------------------------- set-up

    def _setup(self) -> None:
        started = self.clock()
        try:
            self._setup_untimed()
        finally:
            self.cadence.charge(self.clock() - started)

    def _setup_untimed(self) -> None:
        self._ready = True
        model = self.model
        layers = [x for x in _walk(model) if not isinstance(x, keras.layers.InputLayer)]
        selected = set(self.options.select([x.name for x in layers], self.recorder.name))
        self._layers = [x for x in layers if x.trainable_weights and x.name in selected]
        self._tap_layers = [x for x in layers if x.name in selected]
        self._layer_names = [x.name for x in self._layers]
        self._variables = [v for x in self._layers for v in x.trainable_weights]
        self._owners = [i for i, x in enumerate(self._layers) for _ in x.trainable_weights]
        self._steps.watch(self._layers, self._variables, self._owners, self.options.gradients)
        if self._probe is None and self._probe_set is not None:
            x, y = self._probe_set
            size = self.options.probe_size
            self._probe = (_host(probes.take(x, 0, size)), _host(probes.take(y, 0, size)))
        self._use_probe()
        if not self._started:
            self._started = True
            common.write_layer_table(
                self.writer, f"{self.recorder.name}/layers", _layer_rows(model)
            )

    # ----------------------------------------------------------------- probe

    def _take_first_batch(self) -> None:
        """Without probe_data: the first training batch's first samples, once kept."""
        if self._probe is not None or self._probe_set is not None:
            return
        kept = self._steps.first_batch
        if kept is not None:
            self._probe = kept
            self._use_probe()

    def _use_probe(self) -> None:
        self._predictions = None
        self._tap_built = False
        if self._probe is None or self._probe_failed:
            return
        x, y = self._probe_set if self._probe_set is not None else self._probe
        if y is None or isinstance(y, (list, tuple, dict)):
            return
        x, y = probes.map_inputs(np.asarray, x), np.asarray(y)
        loss_fn = _loss_function(self.model)
        self._predictions = probes.PredictionProbe(
            self.writer,
            self.recorder.name,
            self._steps.prediction_compute(loss_fn, x, y),
            x,
            y,
            layout="channels_last",
            from_logits=bool(getattr(loss_fn, "from_logits", False)),
            expected=self._expected,
        )

    def _expected(self) -> Optional[str]:
        inputs = _inputs(self.model)
        return None if inputs is None else f"the model takes {probes.describe(inputs)}"

    def _probe_off(self, error: Exception) -> None:
        """A probe the model cannot run: maps and predictions off, one warning naming it."""
        self._probe_failed = True
        self._predictions = None
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

    def _activations(self) -> List[Tuple[Any, np.ndarray]]:
        """``(layer, output on the probe batch)`` of the watched layers (graph models)."""
        if not (self.options.activations and self._probe is not None and not self._probe_failed):
            return []
        if not self._tap_built:
            self._tap_built, self._tap = True, None
            if _is_graph_model(self.model) and self._tap_layers:
                try:
                    self._tap = keras.Model(
                        _inputs(self.model), [layer.output for layer in self._tap_layers]
                    )
                except Exception as e:  # shared or nested layers without a single output
                    common.logger.warning("tbviz callback: no activation maps: %s", e)
        if self._tap is None:
            return []
        try:
            outputs = self._steps.run_tap(self._tap, self._probe[0])
        except Exception as e:
            self._probe_off(e)
            return []
        return list(zip(self._tap_layers, outputs))

    # ----------------------------------------------------------------- logging

    def _log(
        self,
        step: int,
        logs: Dict[str, Any],
        fresh_gradients: bool = False,
        extra_seconds: float = 0.0,
        final: bool = False,
    ) -> None:
        """One full log: surfaces, the gradient-flow row, activations, predictions, scalars."""
        with self.recorder.logging(step, FULL, extra_seconds=extra_seconds, final=final):
            self._steps.sync()
            self._take_first_batch()
            reduced = self._steps.reduce(surfaces=self.options.weights)
            self._log_weights(step, reduced.pooled)
            self.recorder.log_loss(step, logs.get("loss"))
            if fresh_gradients:
                self._log_gradient_flow(step, reduced)
            self._log_activations(step)
            if self._predictions is not None:
                probe_loss = self._predictions.log(step)
                self.recorder.log_loss(step, probe_loss, source="probe")
            self._log_scalars(step, logs)

    def _log_flow(self, step: int, logs: Dict[str, Any], extra_seconds: float = 0.0) -> None:
        """The gradient-flow row and the batch's scalars only."""
        with self.recorder.logging(step, FLOW, extra_seconds=extra_seconds):
            self._steps.sync()
            reduced = self._steps.reduce(surfaces=False)
            self.recorder.log_loss(step, logs.get("loss"))
            self._log_gradient_flow(step, reduced)
            self._log_scalars(step, logs)

    def _log_weights(self, step: int, pooled: Dict[int, np.ndarray]) -> None:
        # Tags as on TensorFlow: ``<layer>/<param>`` (``attn/query/kernel`` when
        # sublayers name their variables alike).
        names = [n for layer in self._layers for n in _param_names(layer)]
        surfaces = []
        for i, v in enumerate(self._variables):
            if i not in pooled:
                continue
            matrix_shape, form = summary.surface_layout(tuple(v.shape), "channels_last")
            tag = f"{self._layers[self._owners[i]].name}/{names[i]}"
            surfaces.append(Surface(tag, pooled[i], tuple(v.shape), matrix_shape, form))
        self.recorder.log_weights(step, surfaces)

    def _log_gradient_flow(self, step: int, reduced: _Reduced) -> None:
        if not self._layers or reduced.partials is None:
            return
        self._had_gradients = True
        self.recorder.log_gradient_flow(step, self._layer_names, reduced.partials, reduced.sums)

    def _log_activations(self, step: int) -> None:
        maps = [(layer, a) for layer, a in self._activations() if a.ndim >= 2 and a.size]
        self.recorder.log_activations(
            step, (ActivationMap(layer.name, a, "channels_last") for layer, a in maps)
        )
        if not self.options.diagnosis:
            return
        for layer, a in maps:
            kind = diagnose.normalise_activation(_activation_name(layer))
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


class _Reduced:
    """What a log read from the device: ``partials`` ``[layers, common.Partial]`` of the
    last armed step (None without), ``sums`` ``[layers, common.WeightSum]``, and
    ``pooled`` surfaces by variable index."""

    def __init__(
        self, partials: Optional[np.ndarray], sums: np.ndarray, pooled: Dict[int, np.ndarray]
    ) -> None:
        self.partials, self.sums, self.pooled = partials, sums, pooled


def _host(value: Any) -> Any:
    """A probe input or label on the host: numpy arrays, nested as given."""
    if value is None:
        return None
    return probes.map_inputs(lambda v: np.asarray(keras.ops.convert_to_numpy(v)), value)


def _per_sample_total(loss: Any, n: int, ops: Any) -> Any:
    """The sum over the batch of the per-sample losses: a loss function gives one per
    sample, a loss object their mean (times ``n``)."""
    if len(ops.shape(loss)):
        return ops.sum(loss)
    return loss * n


class _FirstBatch:
    """Keeps the first ``size`` samples of the first training batch on the host."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.kept: Optional[Tuple[Any, Any]] = None
        self.done = False

    def see(self, data: Any) -> None:
        if self.done:
            return
        self.done = True
        x, y, _ = keras.utils.unpack_x_y_sample_weight(data)
        try:
            self.kept = (_host(probes.take(x, 0, self.size)), _host(probes.take(y, 0, self.size)))
        except Exception as e:  # an input that is not arrays: no probe batch
            common.logger.warning(
                "tbviz callback: no probe batch: the training batch could not be kept (%s); "
                "pass probe_data=(x, y) to record activation maps and predictions",
                e,
            )


# --------------------------------------------------------------------------- JAX


class _JaxSteps:
    """The training step's gradients under ``KERAS_BACKEND=jax``.

    ``watch`` replaces ``model.train_function`` by one that jits Keras' own
    ``train_step`` with an extra traced argument ``armed`` and wraps
    ``optimizer.stateless_apply`` so that, inside that step, ``lax.cond(armed,
    ...)`` reduces each watched layer's gradients to ``[layers, common.Partial]``
    (returned beside the step's logs and state, kept on the device). Arming is
    an argument, so the step is traced once whatever the arming; unarmed, the
    cond skips the sums.
    """

    def __init__(self, model: Any, probe_size: int) -> None:
        import jax

        self.model = model
        self._jax = jax
        self.gradients = False
        self.first_batch: Optional[Tuple[Any, Any]] = None
        self._first = _FirstBatch(probe_size)
        self._armed = False
        self._flags = (jax.numpy.asarray(False), jax.numpy.asarray(True))
        self.partials: Any = None  # [layers, PARTIALS] of the last armed step, on the device
        self.traces = 0  # times the train step was traced (tests: once per batch shape)
        self._prev: Optional[tuple] = None  # float32 copies of the weights at the last log
        self._original_function = model.train_function
        self._optimizer: Any = None
        self._wrapper: Any = None
        self._own_apply = False
        self._original_apply: Any = None
        self._groups: Tuple[Tuple[int, ...], ...] = ()
        self._surfaces: Tuple[int, ...] = ()
        self._variables: List[Any] = []
        self._install_function()

    def watch(
        self, layers: List[Any], variables: List[Any], owners: List[int], gradients: bool
    ) -> None:
        """Which variables make which layer; wraps the optimiser when gradients are on."""
        self._variables = variables
        self._groups = tuple(
            tuple(i for i, o in enumerate(owners) if o == n) for n in range(len(layers))
        )
        self._surfaces = tuple(
            i
            for i, v in enumerate(variables)
            if summary.surface_layout(tuple(v.shape), "channels_last")
        )
        self._prev = None
        model = self.model
        optimizer = getattr(model, "optimizer", None)
        self.gradients = bool(gradients and layers and optimizer is not None)
        if not self.gradients or self._wrapper is not None:
            return
        if hasattr(optimizer, "inner_optimizer"):
            common.logger.warning(
                "tbviz callback: no gradient flow under a LossScaleOptimizer on the JAX "
                "backend (its gradients are scaled inside a conditional); weights, "
                "activations and scalars go on"
            )
            self.gradients = False
            return
        if keras.distribution.distribution() is not None:
            common.logger.warning(
                "tbviz callback: no gradient flow under a keras.distribution on the JAX backend"
            )
            self.gradients = False
            return
        self._wrap_optimizer(optimizer, model, layers)

    def _wrap_optimizer(self, optimizer: Any, model: Any, layers: List[Any]) -> None:
        from jax import lax

        from tbviz_plugin.integrations import jax as jax_integration

        jnp = self._jax.numpy
        owner = {id(v): n for n, layer in enumerate(layers) for v in layer.trainable_weights}
        # Layer of each of the model's trainable variables: the order of the step's grads.
        per_layer = [
            [i for i, v in enumerate(model.trainable_variables) if owner.get(id(v)) == n]
            for n in range(len(layers))
        ]
        no_gradient = jnp.asarray([common.NO_GRADIENT] * len(layers), jnp.float32)
        holder = self._holder
        original = optimizer.stateless_apply

        def sums(grads: List[Any]) -> Any:
            rows = [
                jax_integration._partials([grads[i] for i in members])
                if members
                else jnp.asarray(common.NO_GRADIENT, jnp.float32)
                for members in per_layer
            ]
            return jnp.stack(rows)

        def stateless_apply(optimizer_variables: Any, grads: Any, trainable_variables: Any) -> Any:
            armed = holder.get("armed")
            if armed is not None:  # inside tbviz's step: the sums only when armed
                grads = list(grads)
                holder["partials"] = lax.cond(armed, sums, lambda g: no_gradient, grads)
            return original(optimizer_variables, grads, trainable_variables)

        self._optimizer = optimizer
        self._own_apply = "stateless_apply" in vars(optimizer)
        self._original_apply = original
        self._wrapper = stateless_apply
        self._no_gradient = no_gradient
        optimizer.stateless_apply = stateless_apply

    def _install_function(self) -> None:
        """``model.train_function`` for this fit: Keras' ``train_step``, jitted with
        ``armed`` as a traced argument and the partial sums as an extra output."""
        jax, model = self._jax, self.model
        self._holder: Dict[str, Any] = {}

        def step(state: Any, data: Any, armed: Any) -> Any:
            self.traces += 1
            self._holder["armed"] = armed
            try:
                logs, state = model.train_step(state, data)
                partials = self._holder.pop("partials", None)
            finally:
                self._holder.pop("armed", None)
            return logs, state, partials

        jitted = (
            jax.jit(step, donate_argnums=0) if model.jit_compile and not model.run_eagerly else step
        )
        spe = max(1, int(getattr(model, "steps_per_execution", 1) or 1))

        def train_function(state: Any, iterator: Any) -> Any:
            armed = self._flags[self._armed] if self._wrapper is not None else None
            data = next(iterator)
            self._first.see(data)
            logs, state, partials = jitted(state, data, armed)
            try:
                for _ in range(spe - 1):
                    logs, state, partials = jitted(state, next(iterator), armed)
            except StopIteration:
                pass
            if self._armed and partials is not None:
                self.partials = partials
            return logs, state

        self._function = train_function
        model.train_function = train_function

    def arm(self, on: bool) -> None:
        """Whether the next train step reduces its gradients."""
        self._armed = bool(on and self.gradients)
        if self._armed:
            self.partials = None

    def sync(self) -> None:
        """The model's variables hold the state after the last step (Keras keeps it
        apart while it trains); the next step takes it from them again."""
        if getattr(self.model, "_jax_state", None):
            self.model.jax_state_sync()
        if self.first_batch is None:
            self.first_batch = self._first.kept

    def reduce(self, surfaces: bool) -> _Reduced:
        """Weight sums (and pooled surfaces) on the device, with the last armed step's
        partial sums: one host transfer."""
        from tbviz_plugin.integrations import jax as jax_integration

        if not self._groups:  # include/exclude left no layer
            return _Reduced(None, np.zeros((0, len(common.WeightSum))), {})
        weights = tuple(v.value for v in self._variables)
        first = self._prev is None
        prev = weights if first else self._prev
        chosen = self._surfaces if surfaces else ()
        _, sums, pooled, copies = jax_integration._reduce(
            weights, None, prev, groups=self._groups, surfaces=chosen, sums=True
        )
        self._prev = copies
        host = self._jax.device_get({"sums": sums, "pooled": pooled, "partials": self.partials})
        self.partials = None
        weight_sums = np.asarray(host["sums"], dtype=np.float64)
        if first:
            weight_sums[:, [common.WeightSum.CHANGE_SQ, common.WeightSum.PREV_SQ]] = np.nan
        partials = host["partials"]
        return _Reduced(
            None if partials is None else np.asarray(partials, dtype=np.float64),
            weight_sums,
            {i: np.asarray(p, dtype=np.float32) for i, p in zip(chosen, host["pooled"])},
        )

    def run_tap(self, tap: Any, x: Any) -> List[np.ndarray]:
        outputs = tap(_to_float32(x), training=False)
        return [np.asarray(keras.ops.convert_to_numpy(o)) for o in outputs]

    def prediction_compute(self, loss_fn: Any, x: Any, y: np.ndarray) -> Callable:
        """``compute(start, stop)`` for ``PredictionProbe``: scores and, for one floating
        input and a compiled loss, the mean ``|d loss / d x * x|``, jitted."""
        jax, model, ops = self._jax, self.model, keras.ops
        importance = loss_fn is not None and isinstance(x, np.ndarray) and x.dtype.kind == "f"
        x = _to_float32(x)

        def run(trainable: Any, non_trainable: Any, xs: Any, ys: Any) -> Any:
            def loss(xs: Any) -> Any:
                out, _ = model.stateless_call(trainable, non_trainable, xs, training=False)
                return _per_sample_total(loss_fn(ys, out), xs.shape[0], ops), out

            if not importance:
                return model.stateless_call(trainable, non_trainable, xs, training=False)[0], None
            (_, out), g = jax.value_and_grad(loss, has_aux=True)(xs)
            return out, jax.numpy.mean(jax.numpy.abs(g * xs), axis=0)

        jitted = jax.jit(run)

        def compute(start: int, stop: int) -> probes.Outputs:
            trainable = [v.value for v in model.trainable_variables]
            non_trainable = [v.value for v in model.non_trainable_variables]
            scores, imp = jitted(
                trainable, non_trainable, probes.take(x, start, stop), y[start:stop]
            )
            return jax.device_get((scores, imp))

        return compute

    def remove(self) -> None:
        """The model's own train function and the optimiser's ``stateless_apply`` back."""
        self._armed = False
        if getattr(self.model, "train_function", None) is self._function:
            self.model.train_function = self._original_function
        optimizer = self._optimizer
        if optimizer is not None and vars(optimizer).get("stateless_apply") is self._wrapper:
            if self._own_apply:
                optimizer.stateless_apply = self._original_apply
            else:
                del optimizer.stateless_apply
        self._optimizer = self._wrapper = None


# --------------------------------------------------------------------------- PyTorch


class _TorchSteps:
    """The training step's gradients under ``KERAS_BACKEND=torch``: Keras' torch train
    step leaves them on the variables (``.grad``) until the next step zeroes them,
    so a log reads them after the update with ``integrations.torch``'s reductions.
    ``model.train_function`` is wrapped only to keep the first batch (without
    ``probe_data``), until it is kept."""

    def __init__(self, model: Any, probe_size: int) -> None:
        from tbviz_plugin.integrations import torch as torch_integration

        self.model = model
        self._ti = torch_integration
        self.gradients = False
        self.first_batch: Optional[Tuple[Any, Any]] = None
        self._first = _FirstBatch(probe_size)
        self._prev_params: Dict[int, Any] = {}  # for torch_integration's weight sums
        self._variables: List[Any] = []
        self._groups: List[List[int]] = []
        self._original_function = model.train_function
        original = model.train_function

        def train_function(data: Any) -> Any:
            self._first.see(data[0])
            return original(data)

        self._function = train_function
        model.train_function = train_function

    # ``integrations.torch``'s per-layer weight sums (reads and keeps ``_prev_params``).
    _weight_sums = property(lambda self: self._ti.WatchHandle._weight_sums.__get__(self))

    def watch(
        self, layers: List[Any], variables: List[Any], owners: List[int], gradients: bool
    ) -> None:
        self._variables = variables
        self._groups = [[i for i, o in enumerate(owners) if o == n] for n in range(len(layers))]
        optimizer = getattr(self.model, "optimizer", None)
        self.gradients = bool(gradients and layers and optimizer is not None)
        if self.gradients and hasattr(optimizer, "inner_optimizer"):
            common.logger.warning(
                "tbviz callback: no gradient flow under a LossScaleOptimizer on the torch "
                "backend (the gradients left on the variables are scaled)"
            )
            self.gradients = False

    def arm(self, on: bool) -> None:
        """Nothing to arm: the gradients stay on the variables after every step."""

    def sync(self) -> None:
        if self.first_batch is None:
            self.first_batch = self._first.kept
        if self.first_batch is not None and self.model.train_function is self._function:
            self.model.train_function = self._original_function  # kept: unwrap

    def reduce(self, surfaces: bool) -> _Reduced:
        import torch

        ti = self._ti
        copy = ti._HostCopy()
        values = [v.value for v in self._variables]
        with torch.no_grad():
            partials, bad = {}, []
            for n, members in enumerate(self._groups):
                grads = [values[i].grad for i in members if values[i].grad is not None]
                if self.gradients and grads:
                    partials[n] = (grads, copy.add(ti._partials(grads)))
            sums = [copy.add(self._weight_sums([values[i] for i in m])) for m in self._groups]
            pooled = {}
            for i, w in enumerate(values):
                layout = (
                    summary.surface_layout(tuple(w.shape), "channels_last") if surfaces else None
                )
                if layout is not None:
                    (rows, cols), _ = layout
                    _, br, _, bc = reduce.pooled_grid_shape(
                        rows, cols, summary.DEFAULT_SURFACE_GRID
                    )
                    pooled[i] = copy.add(
                        ti._pool_max_abs(w.detach().float().reshape(rows, cols), br, bc)
                    )
            copy.fetch()
            table = None
            if self.gradients:
                table = np.tile(np.asarray(common.NO_GRADIENT), (len(self._groups), 1))
                P = common.Partial
                for n, (_, value) in partials.items():
                    table[n] = value()
                    if not np.all(np.isfinite(table[n, : P.SUMSQ_SCALED + 1])):
                        bad.append(n)
                if bad:  # NaN/Inf in a layer: counted again exactly, only then
                    exact = ti._HostCopy()
                    getters = [exact.add(ti._partials(partials[n][0], exact=True)) for n in bad]
                    exact.fetch()
                    for n, value in zip(bad, getters):
                        table[n] = value()
        weight_sums = (
            np.stack([np.asarray(s(), dtype=np.float64) for s in sums])
            if sums
            else (np.zeros((0, len(common.WeightSum))))
        )
        return _Reduced(table, weight_sums, {i: g() for i, g in pooled.items()})

    def run_tap(self, tap: Any, x: Any) -> List[np.ndarray]:
        import torch

        with torch.no_grad():
            outputs = tap(_to_float32(x), training=False)
        return [np.asarray(keras.ops.convert_to_numpy(o)) for o in outputs]

    def prediction_compute(self, loss_fn: Any, x: Any, y: np.ndarray) -> Callable:
        """``compute(start, stop)``: scores and, for one floating input and a compiled
        loss, the mean ``|d loss / d x * x|`` by ``torch.autograd.grad`` with respect to
        the input only (no variable's ``.grad`` changes)."""
        import torch

        model, ops = self.model, keras.ops
        importance = loss_fn is not None and isinstance(x, np.ndarray) and x.dtype.kind == "f"
        x = _to_float32(x)

        def compute(start: int, stop: int) -> probes.Outputs:
            xs = probes.take(x, start, stop)
            if not importance:
                with torch.no_grad():
                    return ops.convert_to_numpy(model(xs, training=False)), None
            xt = ops.convert_to_tensor(xs).detach().requires_grad_(True)
            yt = ops.convert_to_tensor(y[start:stop])
            with torch.enable_grad():
                out = model(xt, training=False)
                total = _per_sample_total(loss_fn(yt, out), xt.shape[0], ops)
                (g,) = torch.autograd.grad(total, [xt])
            imp = (g * xt).abs().mean(dim=0)
            return ops.convert_to_numpy(out.detach()), ops.convert_to_numpy(imp.detach())

        return compute

    def remove(self) -> None:
        if getattr(self.model, "train_function", None) is self._function:
            self.model.train_function = self._original_function
        self._prev_params = {}


def _to_float32(x: Any) -> Any:
    """Floating probe inputs as float32 (the dtype Keras trains in), others as given."""
    return probes.map_inputs(
        lambda v: (
            v.astype(np.float32)
            if getattr(v, "dtype", None) is not None and v.dtype.kind == "f"
            else v
        ),
        x,
    )
