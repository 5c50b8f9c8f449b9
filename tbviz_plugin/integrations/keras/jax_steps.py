"""Keras 3 on JAX: the training step's gradients for ``TbvizCallback``.

The gradients exist only inside the jitted, stateless train step. For the fit,
``model.train_function`` becomes one that jits Keras' own ``train_step`` with an
extra argument, ``armed`` (a traced boolean, so arming never retraces), and
``optimizer.stateless_apply`` is wrapped on the instance so that, inside the
step, ``lax.cond(armed, ...)`` reduces each layer's gradients to their partial
sums (``integrations.jax``'s reductions); the step returns them beside its logs
and state. Weights are read after the step through ``model.jax_state_sync()``,
the path Keras gives callbacks. ``remove()`` gives the model its train function
and the optimiser its ``stateless_apply`` back.

Example::

    os.environ["KERAS_BACKEND"] = "jax"
    model.fit(x, y, callbacks=[TbvizCallback("logs/run1")])   # runs JaxSteps
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin import summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.keras import model_info
from tbviz_plugin.integrations.keras.steps import BackendSteps, InstanceWrap


class JaxSteps(BackendSteps):
    """The training step's gradients under ``KERAS_BACKEND=jax``.

    ``watch`` replaces ``model.train_function`` by one that jits Keras' own
    ``train_step`` with an extra traced argument ``armed`` and wraps
    ``optimizer.stateless_apply`` so that, inside that step, ``lax.cond(armed,
    ...)`` reduces each watched layer's gradients to ``[layers, common.Partial]``
    (returned beside the step's logs and state, kept on the device). Arming is
    an argument, so the step is traced once whatever the arming; unarmed, the
    cond skips the sums.
    """

    def __init__(self, callback: Any) -> None:
        import jax

        super().__init__(callback)
        self._jax = jax
        self._armed = False
        self._flags = (jax.numpy.asarray(False), jax.numpy.asarray(True))
        self.partials: Any = None  # [layers, PARTIALS] of the last armed step, on the device
        self.traces = 0  # times the train step was traced (tests: once per batch shape)
        self._prev: Optional[tuple] = None  # float32 copies of the weights at the last log
        self._original_function: Any = None
        self._function: Any = None
        self._wrapper: Optional[InstanceWrap] = None  # the optimiser's stateless_apply
        self._groups: Tuple[Tuple[int, ...], ...] = ()
        self._surfaces: Tuple[int, ...] = ()
        self._variables: List[Any] = []

    def begin(self) -> None:
        self._original_function = self.model.train_function
        self._install_function()

    def watch(self) -> None:
        """Which variables make which layer; wraps the optimiser when gradients are on."""
        cb = self.callback
        layers, variables, owners = cb._layers, cb._variables, cb._owners
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
        self._gradients = bool(self.options.gradients and layers and optimizer is not None)
        if not self._gradients or self._wrapper is not None:
            return
        if hasattr(optimizer, "inner_optimizer"):
            common.logger.warning(
                "tbviz callback: no gradient flow under a LossScaleOptimizer on the JAX "
                "backend (its gradients are scaled inside a conditional); weights, "
                "activations and scalars go on"
            )
            self._gradients = False
            return
        if keras.distribution.distribution() is not None:
            common.logger.warning(
                "tbviz callback: no gradient flow under a keras.distribution on the JAX backend"
            )
            self._gradients = False
            return
        self._wrap_optimizer(optimizer, model, layers)

    def _wrap_optimizer(self, optimizer: Any, model: Any, layers: List[Any]) -> None:
        from jax import lax

        from tbviz_plugin.integrations.jax import reduction

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
                reduction.partials([grads[i] for i in members])
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

        self._no_gradient = no_gradient
        self._wrapper = InstanceWrap(optimizer, "stateless_apply", stateless_apply)

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
        self._armed = bool(on and self._gradients)
        if self._armed:
            self.partials = None

    def sync(self) -> None:
        """The model's variables hold the state after the last step (Keras keeps it
        apart while it trains); the next step takes it from them again."""
        if getattr(self.model, "_jax_state", None):
            self.model.jax_state_sync()

    def reduce(self, surfaces: bool) -> Tuple[Optional[np.ndarray], np.ndarray, Dict]:
        """Weight sums (and pooled surfaces) on the device, with the last armed step's
        partial sums: one host transfer."""
        from tbviz_plugin.integrations.jax import reduction

        if not self._groups:  # include/exclude left no layer
            return None, np.zeros((0, len(common.WeightSum))), {}
        weights = tuple(v.value for v in self._variables)
        first = self._prev is None
        prev = weights if first else self._prev
        chosen = self._surfaces if surfaces else ()
        _, sums, pooled, copies = reduction.reduce_on_device(
            weights, None, prev, groups=self._groups, surfaces=chosen, sums=True
        )
        self._prev = copies
        host = self._jax.device_get({"sums": sums, "pooled": pooled, "partials": self.partials})
        self.partials = None
        weight_sums = np.asarray(host["sums"], dtype=np.float64)
        if first:
            weight_sums[:, [common.WeightSum.CHANGE_SQ, common.WeightSum.PREV_SQ]] = np.nan
        partials = host["partials"]
        return (
            None if partials is None else np.asarray(partials, dtype=np.float64),
            weight_sums,
            {i: np.asarray(p, dtype=np.float32) for i, p in zip(chosen, host["pooled"])},
        )

    def run_tap(self, tap: Any, x: Any) -> List[np.ndarray]:
        outputs = tap(model_info.to_float32(x), training=False)
        return [np.asarray(keras.ops.convert_to_numpy(o)) for o in outputs]

    def prediction_compute(self, loss_fn: Any, x: Any, y: np.ndarray) -> Callable:
        """``compute(start, stop)`` for ``PredictionProbe``: scores and, for one floating
        input and a compiled loss, the mean ``|d loss / d x * x|``, jitted."""
        jax, model, ops = self._jax, self.model, keras.ops
        importance = loss_fn is not None and isinstance(x, np.ndarray) and x.dtype.kind == "f"
        x = model_info.to_float32(x)

        def run(trainable: Any, non_trainable: Any, xs: Any, ys: Any) -> Any:
            def loss(xs: Any) -> Any:
                out, _ = model.stateless_call(trainable, non_trainable, xs, training=False)
                return model_info.per_sample_total(loss_fn(ys, out), xs.shape[0], ops), out

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
        if self._wrapper is not None:
            self._wrapper.restore()
        self._wrapper = None
