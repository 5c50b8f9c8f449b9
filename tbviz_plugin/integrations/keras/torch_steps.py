"""Keras 3 on PyTorch: the training step's gradients for ``TbvizCallback``.

Keras' torch train step calls ``loss.backward()`` and leaves each variable's
``.grad`` in place until the next step's ``zero_grad()``; at a logged step the
callback reduces those gradients on their device, after the update, with
``integrations.torch``'s reductions. Nothing is wrapped but, until the first
batch is kept (without ``probe_data``), ``model.train_function``.

Example::

    os.environ["KERAS_BACKEND"] = "torch"
    model.fit(x, y, callbacks=[TbvizCallback("logs/run1")])   # runs TorchSteps
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin import reduce, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.keras import model_info
from tbviz_plugin.integrations.keras.steps import BackendSteps


class TorchSteps(BackendSteps):
    """The training step's gradients under ``KERAS_BACKEND=torch``: Keras' torch train
    step leaves them on the variables (``.grad``) until the next step zeroes them,
    so a log reads them after the update with ``integrations.torch``'s reductions.
    ``model.train_function`` is wrapped only to keep the first batch (without
    ``probe_data``), until it is kept."""

    def __init__(self, callback: Any) -> None:
        from tbviz_plugin.integrations.torch import reduction

        super().__init__(callback)
        self._reduction = reduction
        self._prev_params: Dict[int, Any] = {}  # the weights at the last log, by id
        self._variables: List[Any] = []
        self._groups: List[List[int]] = []
        self._original_function: Any = None
        self._function: Any = None

    def begin(self) -> None:
        if self._first.done:
            return
        original = self._original_function = self.model.train_function

        def train_function(data: Any) -> Any:
            self._first.see(data[0])
            return original(data)

        self._function = train_function
        self.model.train_function = train_function

    def watch(self) -> None:
        cb = self.callback
        layers, variables, owners = cb._layers, cb._variables, cb._owners
        self._variables = variables
        self._groups = [[i for i, o in enumerate(owners) if o == n] for n in range(len(layers))]
        optimizer = getattr(self.model, "optimizer", None)
        self._gradients = bool(self.options.gradients and layers and optimizer is not None)
        if self._gradients and hasattr(optimizer, "inner_optimizer"):
            common.logger.warning(
                "tbviz callback: no gradient flow under a LossScaleOptimizer on the torch "
                "backend (the gradients left on the variables are scaled)"
            )
            self._gradients = False

    def sync(self) -> None:
        if self._first.done and self.model.train_function is self._function:
            self.model.train_function = self._original_function  # kept: unwrap

    def reduce(self, surfaces: bool) -> Tuple[Optional[np.ndarray], np.ndarray, Dict]:
        import torch

        reduction = self._reduction
        copy = reduction.HostCopy()
        values = [v.value for v in self._variables]
        with torch.no_grad():
            partials = {}
            for n, members in enumerate(self._groups):
                grads = [values[i].grad for i in members if values[i].grad is not None]
                if self._gradients and grads:
                    partials[n] = (grads, copy.add(reduction.partials(grads)))
            sums = [
                copy.add(reduction.weight_sums([values[i] for i in m], self._prev_params))
                for m in self._groups
            ]
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
                        reduction.pool_max_abs(w.detach().float().reshape(rows, cols), br, bc)
                    )
            copy.fetch()
            table = None
            if self._gradients:
                table = np.tile(np.asarray(common.NO_GRADIENT), (len(self._groups), 1))
                for n, (_, value) in partials.items():
                    table[n] = value()
                reduction.recount_not_finite(  # NaN/Inf in a layer: counted again exactly
                    table, range(len(self._groups)), {n: g for n, (g, _) in partials.items()}
                )
        weight_sums = (
            np.stack([np.asarray(s(), dtype=np.float64) for s in sums])
            if sums
            else (np.zeros((0, len(common.WeightSum))))
        )
        return table, weight_sums, {i: g() for i, g in pooled.items()}

    def run_tap(self, tap: Any, x: Any) -> List[np.ndarray]:
        import torch

        with torch.no_grad():
            outputs = tap(model_info.to_float32(x), training=False)
        return [np.asarray(keras.ops.convert_to_numpy(o)) for o in outputs]

    def prediction_compute(self, loss_fn: Any, x: Any, y: np.ndarray) -> Callable:
        """``compute(start, stop)``: scores and, for one floating input and a compiled
        loss, the mean ``|d loss / d x * x|`` by ``torch.autograd.grad`` with respect to
        the input only (no variable's ``.grad`` changes)."""
        import torch

        model, ops = self.model, keras.ops
        importance = loss_fn is not None and isinstance(x, np.ndarray) and x.dtype.kind == "f"
        x = model_info.to_float32(x)

        def compute(start: int, stop: int) -> probes.Outputs:
            xs = probes.take(x, start, stop)
            if not importance:
                with torch.no_grad():
                    return ops.convert_to_numpy(model(xs, training=False)), None
            xt = ops.convert_to_tensor(xs).detach().requires_grad_(True)
            yt = ops.convert_to_tensor(y[start:stop])
            with torch.enable_grad():
                out = model(xt, training=False)
                total = model_info.per_sample_total(loss_fn(yt, out), xt.shape[0], ops)
                (g,) = torch.autograd.grad(total, [xt])
            imp = (g * xt).abs().mean(dim=0)
            return ops.convert_to_numpy(out.detach()), ops.convert_to_numpy(imp.detach())

        return compute

    def remove(self) -> None:
        if self._function is not None and self.model.train_function is self._function:
            self.model.train_function = self._original_function
        self._function = None
        self._prev_params = {}
