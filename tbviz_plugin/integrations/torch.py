"""PyTorch: ``watch(model, log_dir)`` records weights, activations, gradient flow and health.

Example::

    from tbviz_plugin.integrations.torch import watch

    handle = watch(model, "logs/run1", optimizer=opt)   # logs after opt.step()
    for x, y in loader:
        opt.zero_grad(); loss_fn(model(x), y).backward(); opt.step()
    handle.log_epoch(epoch, loss=train_loss, val_loss=val_loss)   # optional: curves
    handle.remove()

Without ``optimizer=``, call ``handle.step()`` once per training step, after
``optimizer.step()`` and before the next ``zero_grad()`` (gradients are read
from ``.grad``).

What is recorded at each logged step (see ``every`` and docs/integrations.md):

* ``<module>/<param>`` weight surfaces of every parameter;
* ``<module>`` activation maps of every parameterised module's output, from the
  probe batch (``probe_data=(x, y)``, run in eval mode without gradients) or,
  without one, from the first ``probe_size`` samples of the training batch;
* ``<model>/gradient_flow``: per-layer gradient statistics of ``.grad`` plus
  ``weight_l2`` and ``update_ratio``, layers in forward order;
* ``<model>/health``: events from ``tbviz_plugin.diagnose`` (once per problem);
* scalars: ``learning_rate`` (with ``optimizer=``), ``batch_loss`` (when
  ``step(loss=...)``), ``system/*`` resource use (``system/gpu_memory_mb`` on CUDA).

Statistics are reduced on the tensors' device; everything a logged step needs
(the statistics, the weights, the activation slices) leaves the device in one
``.cpu()`` per device.
"""

from __future__ import annotations

import functools
import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations import distributed as _distributed

__all__ = ["watch", "WatchHandle"]

# Activation modules whose outputs tell dead (ReLU) or saturated (sigmoid/tanh) units.
_ACTIVATIONS = {
    torch.nn.ReLU: "relu",
    torch.nn.ReLU6: "relu6",
    torch.nn.Sigmoid: "sigmoid",
    torch.nn.Tanh: "tanh",
    torch.nn.Hardsigmoid: "hard_sigmoid",
    torch.nn.Softsign: "softsign",
}


def watch(
    model: torch.nn.Module,
    log_dir_or_writer: Any,
    *,
    every: Optional[int] = None,
    optimizer: Optional[torch.optim.Optimizer] = None,
    probe_data: Optional[Tuple[Any, Any]] = None,
    probe_size: int = common.DEFAULT_PROBE_SIZE,
    name: Optional[str] = None,
    log_graph: bool = False,
    weights: bool = True,
    activations: bool = True,
    gradients: bool = True,
    resources: bool = True,
    diagnosis: bool = True,
    thresholds: Optional[diagnose.Thresholds] = None,
    num_classes: Optional[int] = None,
    overhead_budget: float = common.DEFAULT_BUDGET,
    distributed: str = "auto",
) -> WatchHandle:
    """Starts recording ``model``; returns a handle whose ``remove()`` detaches everything.

    Args:
      model: any ``torch.nn.Module``; every module with its own parameters is
        a layer, in the order of the first forward pass.
      log_dir_or_writer: a log directory (a ``tbviz.Writer`` is created and
        closed by ``remove()``), a ``tbviz.Writer``, or an existing
        ``torch.utils.tensorboard`` / tensorboardX ``SummaryWriter``.
      every: log every N steps. None (default): as often as keeps the logging
        time within ``overhead_budget`` of the training time.
      optimizer: when given, a step hook counts and logs steps after
        ``optimizer.step()``; otherwise call ``handle.step()``.
      probe_data: ``(x, y)``; the first ``probe_size`` samples of ``x`` feed
        the activation maps, and with labels ``y`` the confusion matrix,
        feature importance and sample predictions (see ``integrations.probes``).
      probe_size: samples kept for activation maps and unit statistics.
      name: the model's tag prefix (default: the class name).
      log_graph: also write the graph with ``SummaryWriter.add_graph`` (traced
        once in eval mode on the probe batch or the first training batch).
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      num_classes: for classifiers, lets ``log_epoch`` test loss against chance.
      overhead_budget: fraction of training time logging may take with
        ``every=None`` (default 0.03).
      distributed: under ``torch.distributed``: ``"auto"``/``"chief"`` (rank 0
        writes, gradient flow reduced over all ranks), ``"per_worker"``
        (``<log_dir>/worker_<rank>`` runs) or ``"off"``; see
        ``tbviz_plugin.integrations.distributed``.
    """
    if not isinstance(model, torch.nn.Module):
        raise TypeError(f"model must be a torch.nn.Module, got {type(model).__name__}")
    dist = _distributed.TorchDistributed(distributed)
    writer, owned = dist.open_writer(log_dir_or_writer)
    return WatchHandle(
        model,
        writer,
        owned,
        log_dir_or_writer=log_dir_or_writer,
        every=every,
        optimizer=optimizer,
        probe_data=probe_data,
        probe_size=probe_size,
        name=name,
        log_graph=log_graph,
        weights=weights,
        activations=activations,
        gradients=gradients,
        resources=resources,
        diagnosis=diagnosis,
        thresholds=thresholds,
        num_classes=num_classes,
        overhead_budget=overhead_budget,
        dist=dist,
    )


class WatchHandle:
    """What ``watch`` returns: ``step()``, ``log_epoch()``, ``flush()``, ``remove()``."""

    def __init__(
        self,
        model,
        writer,
        owned,
        *,
        log_dir_or_writer,
        every,
        optimizer,
        probe_data,
        probe_size,
        name,
        log_graph,
        weights,
        activations,
        gradients,
        resources,
        diagnosis,
        thresholds,
        num_classes,
        overhead_budget,
        dist=None,
    ) -> None:
        if isinstance(probe_size, bool) or not isinstance(probe_size, int) or probe_size < 1:
            raise ValueError(f"probe_size must be a positive integer, got {probe_size!r}")
        self.model = model
        self.writer = writer
        self._owned = owned
        self._user_writer = log_dir_or_writer if hasattr(log_dir_or_writer, "add_graph") else None
        self.name = name or type(model).__name__
        self._dist = dist or _distributed.TorchDistributed("off")
        self.cadence = self._dist.wrap_cadence(
            common.Cadence(every, overhead_budget, name="tbviz watch")
        )
        self.optimizer = optimizer
        self.probe_size = probe_size
        self.probe_x = self._probe_input(probe_data)
        self.predictions = probes.for_torch(model, probe_data, probe_size, writer, self.name)
        self.log_graph = log_graph
        self.parts = dict(
            weights=weights,
            activations=activations,
            gradients=gradients,
            resources=resources,
            diagnosis=diagnosis,
        )
        self.num_classes = num_classes
        self.health = common.HealthLog(writer, f"{self.name}/health", thresholds)
        self.resources = common.ResourceSampler() if resources else None

        self._names = {m: (n or self.name) for n, m in model.named_modules()}
        self._params = {
            m: [(pn, p) for pn, p in m.named_parameters(recurse=False) if p.requires_grad]
            for m in model.modules()
        }
        self._order: List[torch.nn.Module] = []  # parameterised modules, forward order
        self._shapes: Dict[torch.nn.Module, Any] = {}  # their first output shapes
        self._layers: Optional[List[str]] = None  # fixed at the first logged step
        self._captured: Dict[str, torch.Tensor] = {}
        self._unit_captured: Dict[str, Tuple[str, torch.Tensor]] = {}
        self._last_layer: Optional[str] = None
        # Parameters at the last log, on their device, for update_ratio.
        self._prev_params: Dict[int, Tuple[torch.Tensor, torch.Tensor]] = {}
        self._example_input: Optional[tuple] = None
        self._graph_done = not log_graph
        self._probing = False
        self._suspended = False
        self._step = 0
        self._armed = True
        self._removed = False

        self._hooks: List[Any] = []
        for module in model.modules():
            if self._params[module]:
                self._hooks.append(module.register_forward_hook(self._on_layer))
            kind = next((k for cls, k in _ACTIVATIONS.items() if type(module) is cls), None)
            if kind is not None:
                hook = functools.partial(self._on_activation, kind=kind)
                self._hooks.append(module.register_forward_hook(hook))
        if log_graph and self.probe_x is None:
            self._hooks.append(model.register_forward_pre_hook(self._grab_input))
        if optimizer is not None:
            self._hooks.append(optimizer.register_step_post_hook(lambda *a, **k: self._advance()))

    # ----------------------------------------------------------------- hooks

    def _probe_input(self, probe_data: Any) -> Optional[Any]:
        if probe_data is None:
            return None
        if not (isinstance(probe_data, (tuple, list)) and len(probe_data) == 2):
            raise TypeError("probe_data must be a pair (x, y)")
        x = probe_data[0]
        if not isinstance(x, torch.Tensor):
            x = torch.as_tensor(np.asarray(x))
        return x[: self.probe_size]

    def _capturing(self, module: torch.nn.Module) -> bool:
        if self._suspended:
            return False
        if self._probing:
            return True
        return self._armed and self.probe_x is None and module.training

    def _on_layer(self, module: torch.nn.Module, inputs: Any, output: Any) -> None:
        if self._layers is None and module not in self._shapes and not self._suspended:
            self._order.append(module)  # forward order, until the layer list is fixed
            self._shapes[module] = tuple(output.shape) if isinstance(output, torch.Tensor) else None
        if not self._capturing(module):
            return
        name = self._names[module]
        self._last_layer = name
        if self.parts["activations"] and isinstance(output, torch.Tensor) and output.ndim >= 1:
            self._captured.setdefault(name, output.detach()[: self.probe_size])

    def _on_activation(self, module: torch.nn.Module, inputs: Any, output: Any, kind: str) -> None:
        if not (self.parts["diagnosis"] and self._capturing(module)):
            return
        if isinstance(output, torch.Tensor) and output.ndim >= 2:
            key = self._last_layer or self._names[module]
            self._unit_captured.setdefault(key, (kind, output.detach()[: self.probe_size]))

    def _grab_input(self, module: torch.nn.Module, args: tuple) -> None:
        if self._example_input is None and not self._suspended:
            self._example_input = tuple(
                a.detach()[: self.probe_size] if isinstance(a, torch.Tensor) else a for a in args
            )

    # ----------------------------------------------------------------- public

    def step(self, loss: Any = None) -> None:
        """Ends one training step: logs it when due. Call after ``optimizer.step()``.

        With ``watch(..., optimizer=opt)`` the optimiser's step hook does this;
        a call here then only records ``loss`` as ``batch_loss`` of the step
        just logged, if it was logged.
        """
        if self.optimizer is not None:
            if (
                loss is not None
                and not self._removed
                and self.cadence.logged_steps
                and (self.cadence.logged_steps[-1] == self._step - 1)
            ):
                self.writer.scalar("batch_loss", _number(loss), self._step - 1)
            return
        self._advance(loss)

    def _advance(self, loss: Any = None) -> None:
        if self._removed:
            return
        step = self._step
        if self.resources is not None:
            self.resources.count()
        if self._armed:
            self._log(step, loss)
        self._captured.clear()
        self._unit_captured.clear()
        self._last_layer = None
        self._step += 1
        self._armed = self.cadence.due(self._step)

    def log_epoch(self, epoch: int, loss: Any = None, val_loss: Any = None, **metrics: Any) -> None:
        """Writes ``epoch_<name>`` scalars at step ``epoch`` and diagnoses the loss curves."""
        values = dict(metrics)
        if loss is not None:
            values["loss"] = loss
        if val_loss is not None:
            values["val_loss"] = val_loss
        for key, value in values.items():
            self.writer.scalar(f"epoch_{key}", _number(value), epoch)
        if self.parts["diagnosis"] and loss is not None:
            self.health.losses(
                epoch,
                _number(loss),
                None if val_loss is None else _number(val_loss),
                self.num_classes,
            )

    @property
    def layers(self) -> List[str]:
        """Parameterised modules in forward order (known after the first forward)."""
        return list(self._layers or [self._names[m] for m in self._order])

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Health events written so far."""
        return list(self.health.events)

    def flush(self) -> None:
        self.writer.flush()

    def remove(self) -> None:
        """Removes every hook this handle registered; closes the writer it created."""
        for hook in self._hooks:
            hook.remove()
        self._hooks.clear()
        self._captured.clear()
        self._unit_captured.clear()
        self._example_input = None
        self._prev_params.clear()
        if not self._removed:
            self._removed = True
            if self._owned:
                self.writer.close()
            else:
                self.writer.flush()

    def __enter__(self) -> WatchHandle:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.remove()

    # ----------------------------------------------------------------- logging

    def _log(self, step: int, loss: Any) -> None:
        started = self.cadence.clock()
        if self._layers is None:
            self._layers = [self._names[m] for m in self._order]
            if not self._layers:  # no forward seen yet: nothing to record
                return
            self._write_layer_table()
        warmup = 0.0
        if not self._graph_done:
            t0 = self.cadence.clock()
            self._write_graph()
            warmup = self.cadence.clock() - t0
        if self.probe_x is not None and (self.parts["activations"] or self.parts["diagnosis"]):
            self._probe_forward()
        host = self._transfer(step)
        self._write(step, host, loss)
        if self.predictions is not None:
            self._suspended = True  # the probe's own forward pass: no capture, no layer order
            try:
                self.predictions.log(step)
            finally:
                self._suspended = False
        if self.resources is not None:
            sampled = self.resources.sample()
            device = _device_of(self.model)
            if device is not None and device.type == "cuda":
                sampled["system/gpu_memory_mb"] = torch.cuda.memory_allocated(device) / 2**20
            for key, value in sampled.items():
                self.writer.scalar(key, value, step)
        self.cadence.record(step, started, warmup, getattr(self.writer, "background_seconds", None))
        if self.resources is not None:
            self.resources.exclude(self.cadence.clock() - started)

    def _probe_forward(self) -> None:
        modes = [(m, m.training) for m in self.model.modules()]
        device = _device_of(self.model)
        x = self.probe_x.to(device) if device is not None else self.probe_x
        self._captured.clear()
        self._unit_captured.clear()
        self._last_layer = None
        try:
            self.model.eval()
            self._probing = True
            with torch.no_grad():
                self.model(x)
        finally:
            self._probing = False
            for m, mode in modes:
                m.training = mode

    def _transfer(self, step: int) -> Dict[str, Any]:
        """Reduces on device and moves everything to the host in one copy per device."""
        pieces: Dict[Any, List[torch.Tensor]] = {}
        filled: Dict[Any, int] = {}  # elements put per device so far
        plan: List[Tuple[str, Any, Any, torch.device, int, int]] = []

        def put(kind: str, key: Any, tensor: torch.Tensor, extra: Any = None) -> None:
            t = tensor.detach().reshape(-1).float()
            pieces.setdefault(t.device, []).append(t)
            offset = filled.get(t.device, 0)
            filled[t.device] = offset + t.numel()
            plan.append((kind, key, extra, t.device, offset, t.numel()))

        modules = {self._names[m]: m for m in self._order}
        layer_grads: Dict[str, List[torch.Tensor]] = {}
        for layer in self._layers:
            params = self._params[modules[layer]] if layer in modules else []
            if self.parts["gradients"]:
                grads = [p.grad for _, p in params if p.grad is not None]
                if grads:
                    layer_grads[layer] = grads
                    if self._dist.reduces:  # this rank's slice, reduced in _write
                        put("partials", layer, self._dist.local_partials(grads, _partials))
                    else:
                        put("partials", layer, _partials(grads))
            if self.parts["weights"]:
                for pname, p in params:
                    surface = _pooled_surface(p)
                    if surface is not None:
                        pooled, matrix_shape, form = surface
                        extra = (pname, tuple(pooled.shape), tuple(p.shape), matrix_shape, form)
                        put("surface", layer, pooled, extra)
            if self.parts["gradients"] and params:
                put("norms", layer, self._weight_sums([p for _, p in params]))
        if self.parts["activations"]:
            for layer, out in self._captured.items():
                one = out if out.ndim <= 2 else out[:1]  # conv maps show one sample
                put("activation", layer, one, tuple(one.shape))
        for layer, (kind, out) in self._unit_captured.items():
            put("units", layer, _unit_fractions(out, kind, self.health.thresholds), kind)

        # One copy per device; a lone CPU chunk may be a view of a parameter, so copy it.
        host_by_device = {d: _to_host(chunks) for d, chunks in pieces.items()}
        out: Dict[str, Any] = {
            "partials": {},
            "surface": {},
            "activation": {},
            "units": {},
            "norms": {},
        }
        for kind, key, extra, device, offset, n in plan:
            value = host_by_device[device][offset : offset + n]
            if kind == "surface":
                out["surface"].setdefault(key, []).append((value.reshape(extra[1]), extra))
            elif kind == "activation":
                out["activation"][key] = value.reshape(extra)
            elif kind == "units":
                out["units"][key] = (extra, value)
            elif kind == "norms":
                out["norms"][key] = value
            else:
                out["partials"][key] = value
        # The fast partials assume finite gradients; layers with NaN/Inf (a broken
        # run) are counted again exactly, in a second copy only then.
        bad = [k for k, v in out["partials"].items() if v[5] > 0 and not np.all(np.isfinite(v[:3]))]
        if bad and not self._dist.reduces:  # the distributed slices are exact already
            exact = _to_host([_partials(layer_grads[k], exact=True) for k in bad])
            for i, k in enumerate(bad):
                out["partials"][k] = exact[
                    i * len(common.PARTIALS) : (i + 1) * len(common.PARTIALS)
                ]
        return out

    def _weight_sums(self, params: Sequence[torch.Tensor]) -> torch.Tensor:
        """``[sum w², sum (w - w_prev)², sum w_prev²]`` of one layer, on its device
        (NaN for the change without a previous log); keeps ``w`` and its ``sum w²``
        for the next log, in a buffer reused from log to log."""
        sq = diff = prev_sq = torch.zeros((), device=params[0].device)
        known = True
        for p in params:
            w = p.detach().reshape(-1).float()
            w_sq = torch.dot(w, w)
            sq = sq + w_sq
            kept = self._prev_params.get(id(p))
            if kept is None or kept[0].shape != w.shape:
                known = False
                self._prev_params[id(p)] = (w.clone(), w_sq)
                continue
            prev, prev_w_sq = kept
            d = w - prev
            diff = diff + torch.dot(d, d)
            prev_sq = prev_sq + prev_w_sq
            prev.copy_(w)
            self._prev_params[id(p)] = (prev, w_sq)
        if not known:
            diff = torch.full((), math.nan, device=sq.device)
        return torch.stack([sq, diff, prev_sq])

    def _write(self, step: int, host: Dict[str, Any], loss: Any) -> None:
        w = self.writer
        for layer in self._layers:
            for pooled, (pname, _, shape, matrix_shape, form) in host["surface"].get(layer, []):
                common.write_pooled_surface(
                    w,
                    f"{layer}/{pname}",
                    pooled,
                    step,
                    shape=shape,
                    matrix_shape=matrix_shape,
                    form=form,
                )
        if self.parts["gradients"]:
            partials = np.full((len(self._layers), len(common.PARTIALS)), np.nan)
            partials[:, 5] = 0  # size 0: no gradient this step
            for i, layer in enumerate(self._layers):
                if layer in host["partials"]:
                    partials[i] = host["partials"][layer]
            if self._dist.reduces:
                partials = self._dist.reduce_partials(partials)
            grad_stats = common.stats_from_partials(partials)
            sums = np.full((len(self._layers), 3), np.nan)
            for i, layer in enumerate(self._layers):
                if layer in host["norms"]:
                    sums[i] = host["norms"][layer]
            table = np.concatenate([grad_stats, common.weight_columns_from_sums(sums)], axis=1)
            w.gradient_flow_table(
                f"{self.name}/gradient_flow", self._layers, common.FLOW_STATS, table, step
            )
            if self.parts["diagnosis"]:
                self.health.flow(self._layers, step, table)
        for layer, value in host["activation"].items():
            w.activation_map(layer, value, step, layout="channels_first")
        if self.parts["diagnosis"]:
            for layer, (kind, fractions) in host["units"].items():
                key = "dead_frac" if kind in diagnose.RELU_LIKE else "saturated_frac"
                self.health.activations(layer, step, {key: float(fractions[0])})
        if loss is not None:
            w.scalar("batch_loss", _number(loss), step)
        if self.optimizer is not None and self.optimizer.param_groups:
            lr = self.optimizer.param_groups[0].get("lr")
            if lr is not None:
                w.scalar("learning_rate", _number(lr), step)

    def _write_layer_table(self) -> None:
        rows = []
        for m in self._order:
            shape = self._shapes.get(m)
            rows.append(
                {
                    "name": self._names[m],
                    "type": type(m).__name__,
                    "output_shape": list(shape) if shape else None,
                    "params": sum(p.numel() for p in m.parameters(recurse=False)),
                    "trainable_params": sum(p.numel() for _, p in self._params[m]),
                }
            )
        common.write_layer_table(self.writer, f"{self.name}/layers", rows)

    def _write_graph(self) -> None:
        self._graph_done = True
        example = (self.probe_x,) if self.probe_x is not None else self._example_input
        if example is None:
            common.logger.warning("tbviz watch: no input seen yet; the graph is not written")
            return
        device = _device_of(self.model)
        example = tuple(
            a.to(device) if isinstance(a, torch.Tensor) and device is not None else a
            for a in example
        )
        sw, created = self._user_writer, False
        if sw is None:
            logdir = common.writer_logdir(self.writer)
            if logdir is None:
                common.logger.warning("tbviz watch: log_graph needs a log directory")
                return
            from torch.utils.tensorboard import SummaryWriter

            # Its own name suffix: torch names files like tbviz's Writer (time, host, pid,
            # a counter from 0), so both created in one second would share a file.
            sw, created = SummaryWriter(logdir, filename_suffix=".graph"), True
        modes = [(m, m.training) for m in self.model.modules()]
        try:
            self._suspended = True
            self.model.eval()
            with torch.no_grad():
                sw.add_graph(self.model, example if len(example) > 1 else example[0])
        except Exception as e:  # tracing fails on some dynamic models; never stop training
            common.logger.warning("tbviz watch: the graph could not be traced: %s", e)
        finally:
            self._suspended = False
            for m, mode in modes:
                m.training = mode
            if created:
                sw.close()
            self._example_input = None


def _partials(grads: Sequence[torch.Tensor], exact: bool = False) -> torch.Tensor:
    """The ``common.PARTIALS`` sums of one layer's gradients, on their device.

    The fast form assumes every element is finite: per tensor one ``aminmax``,
    ``abs().sum()``, a ``dot`` and a ``count_nonzero`` (whole-tensor reductions,
    which PyTorch runs far faster than ``abs().max()`` or a vector norm), summed
    over the layer's tensors without concatenating them. The host checks the
    result and asks for the ``exact`` form (NaN/Inf counted, magnitudes over
    finite elements only) when it is not finite.
    """
    if exact:
        return _exact_partials(grads)
    sums = []
    for t in grads:
        g = t.detach().reshape(-1)
        if g.dtype not in (torch.float32, torch.float64):
            g = g.float()
        if g.numel() == 0:
            continue
        low, high = torch.aminmax(g)
        n = torch.tensor(float(g.numel()), device=g.device)
        sums.append(
            torch.stack(
                [
                    g.abs().sum().float(),
                    torch.maximum(-low, high).float(),
                    torch.dot(g, g).float(),
                    n,
                    n - torch.count_nonzero(g).float(),
                ]
            )
        )
    if not sums:
        return torch.tensor([math.nan] * 5 + [0.0, math.nan])
    per = torch.stack(sums)
    max_abs = per[:, 1].max()
    scale = torch.where(max_abs > 0, max_abs, torch.ones_like(max_abs))
    total = per.sum(dim=0)
    zero = torch.zeros((), device=per.device)
    return torch.stack(
        [total[0], max_abs, total[2] / scale / scale, total[3], zero, total[3], total[4]]
    )


def _pooled_surface(
    param: torch.Tensor, grid: Tuple[int, int] = summary.DEFAULT_SURFACE_GRID
) -> Optional[Tuple[torch.Tensor, Tuple[int, int], str]]:
    """``(pooled, matrix_shape, form)``: the surface ``summary.weight_surface(param,
    layout="channels_first")`` writes, max-abs pooled on the parameter's device, so
    only the pooled grid goes to the host and the writer has no pooling to do.
    None for shapes a surface does not take (0-D, more than 5-D, empty).

    The surface shows ``W.T`` (``[in·k…, out]``); the pooling runs on ``W``'s own
    ``[out, in·k…]`` layout with the blocks swapped, and only the small pooled
    result is transposed.
    """
    surface = summary.surface_layout(tuple(param.shape), "channels_first")
    if surface is None:
        return None
    (rows, cols), form = surface
    _, br, _, bc = reduce.pooled_grid_shape(rows, cols, grid)
    w = param.detach().float()
    if form == "vector":
        return _pool_max_abs(w.reshape(1, -1), br, bc), (rows, cols), form
    return _pool_max_abs(w.reshape(cols, rows), bc, br).T, (rows, cols), form


def _pool_max_abs(m: torch.Tensor, br: int, bc: int) -> torch.Tensor:
    """``reduce.pool_max_abs`` of a ``[rows, cols]`` tensor in ``br × bc`` blocks, on
    its device: each block's element of largest magnitude, sign kept; NaN wins, then
    Inf; ``x`` beats ``-x``; a ragged last block is padded with zeros.

    Block rows first (over the whole tensor), then the columns of the result,
    half its size or less.
    """
    if br == 1 and bc == 1:
        return m
    rows, cols = m.shape
    out_r, out_c = -(-rows // br), -(-cols // bc)
    if out_r * br != rows or out_c * bc != cols:
        m = torch.nn.functional.pad(m, (0, out_c * bc - cols, 0, out_r * br - rows))
    blocks = m.reshape(out_r, br, out_c * bc)

    def extreme(pairwise: Any, reduction: Any) -> torch.Tensor:  # over rows, then columns
        by_rows = _fold(blocks, 1, pairwise, reduction)
        return _fold(by_rows.reshape(out_r, out_c, bc), 2, pairwise, reduction)

    low, high = extreme(torch.minimum, torch.amin), extreme(torch.maximum, torch.amax)
    return torch.where(-low > high, low, high)


def _fold(blocks: torch.Tensor, dim: int, pairwise: Any, reduction: Any) -> torch.Tensor:
    """``reduction(blocks, dim)`` (``amin``/``amax``: NaN propagates). A short axis is
    folded with the element-wise ``pairwise`` (``minimum``/``maximum``) of its
    slices instead: 2-3× faster on a CPU than reducing an axis of two."""
    n = blocks.shape[dim]
    if n > 4:
        return reduction(blocks, dim)
    parts = blocks.unbind(dim)
    out = parts[0]
    for part in parts[1:]:
        out = pairwise(out, part)
    return out


def _exact_partials(grads: Sequence[torch.Tensor]) -> torch.Tensor:
    """``_partials`` for gradients with NaN or Inf: those counted apart, magnitudes
    and squares over the finite elements, scaled first so huge values cannot overflow."""
    g = torch.cat([t.detach().reshape(-1).float() for t in grads])
    n = torch.tensor(float(g.numel()), device=g.device)
    zeros = n - torch.count_nonzero(g).float()
    finite = torch.isfinite(g)
    nan = torch.isnan(g).sum().float()
    count = finite.sum().float()
    g = torch.where(finite, g, torch.zeros((), dtype=g.dtype, device=g.device))
    a = g.abs()
    max_abs = a.max()
    scale = torch.where(max_abs > 0, max_abs, torch.ones_like(max_abs))
    sumsq_scaled = torch.linalg.vector_norm(g / scale) ** 2
    return torch.stack([a.sum(), max_abs, sumsq_scaled, count, nan, n, zeros])


def _unit_fractions(out: torch.Tensor, kind: str, thresholds: Optional[diagnose.Thresholds]):
    """Fraction of dead (ReLU-like) or saturated (sigmoid/tanh) units, on the device."""
    t = thresholds or diagnose.DEFAULT_THRESHOLDS
    a = out.detach().float()
    a = a.transpose(0, 1).reshape(a.shape[1], -1) if a.ndim > 2 else a.T  # [units, samples...]
    if kind in diagnose.RELU_LIKE:
        frac = (a.amax(dim=1) <= 0).float().mean()
    else:
        eps = t.saturation_level
        if kind in ("tanh", "softsign"):
            sat = a.abs() > 1.0 - eps
        else:
            sat = (a < eps) | (a > 1.0 - eps)
        frac = (sat.float().mean(dim=1) >= t.saturated_sample_fraction).float().mean()
    return frac.reshape(1)


def _to_host(chunks: List[torch.Tensor]) -> np.ndarray:
    if len(chunks) > 1:
        return torch.cat(chunks).cpu().numpy()
    return chunks[0].cpu().numpy().copy()


def _device_of(model: torch.nn.Module) -> Optional[torch.device]:
    for p in model.parameters():
        return p.device
    return None


def _number(value: Any) -> float:
    if isinstance(value, torch.Tensor):
        return float(value.detach().float().cpu().reshape(-1)[0])
    return float(value)
