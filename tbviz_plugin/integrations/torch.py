"""PyTorch: ``watch(model, log_dir)`` records weights, activations, gradient flow and health.

Example::

    from tbviz_plugin.integrations.torch import watch

    handle = watch(model, "logs/run1")      # a step is each optimizer.step()
    for x, y in loader:
        opt.zero_grad(); loss_fn(model(x), y).backward(); opt.step()
    handle.log_epoch(epoch, loss=train_loss, val_loss=val_loss)   # optional: curves
    handle.remove()                         # logs the last step, closes the file

Steps are the steps of the first optimizer that updates the model's parameters
(found by PyTorch's global optimizer hooks), so gradient accumulation counts
optimizer steps. ``optimizer=`` names the optimizer instead; a loop without one
calls ``handle.step()`` after each update.

What is recorded at each logged step (see ``every`` and docs/integrations.md):

* ``<module>/<param>`` weight surfaces of every parameter;
* ``<module>`` activation maps of every parameterised module's output on the
  probe batch (``probe_data=(x, y)``, else the first batch the model saw), run
  in eval mode without gradients;
* ``<model>/gradient_flow``: per-layer gradient statistics of ``.grad`` plus
  ``weight_l2`` and ``update_ratio``, layers in forward order;
* ``<model>/health``: events from ``tbviz_plugin.diagnose`` (once per problem);
* scalars: ``learning_rate``, ``batch_loss`` (when ``step(loss=...)``),
  ``system/*`` resource use (``system/gpu_memory_mb`` on CUDA).

No hook stays on the model during training: the layers' outputs are read by
hooks that exist only while the probe batch runs, at a logged step. Statistics
are reduced on the tensors' device; everything a logged step needs leaves the
device in one ``.cpu()`` per device.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import torch
from torch.optim.optimizer import register_optimizer_step_post_hook
from torch.overrides import TorchFunctionMode

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations import distributed as _distributed
from tbviz_plugin.integrations.core import (
    FLOW,
    FULL,
    ActivationMap,
    StepLogger,
    Surface,
    claim_log_dir,
    release_log_dir,
    to_number,
    unit_stats,
)
from tbviz_plugin.integrations.options import (
    DEFAULT_BUDGET,
    DEFAULT_MAX_BYTES,
    DEFAULT_PROBE_SIZE,
    Options,
)

__all__ = ["watch", "WatchHandle", "RunningLoss", "unwrap"]

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
    probe_size: int = DEFAULT_PROBE_SIZE,
    name: Optional[str] = None,
    include: Any = None,
    exclude: Any = None,
    log_graph: bool = False,
    weights: bool = True,
    activations: bool = True,
    gradients: bool = True,
    resources: bool = True,
    diagnosis: bool = True,
    thresholds: Optional[diagnose.Thresholds] = None,
    num_classes: Optional[int] = None,
    overhead_budget: float = DEFAULT_BUDGET,
    distributed: str = "auto",
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> WatchHandle:
    """Starts recording ``model``; returns a handle whose ``remove()`` detaches everything.

    Args:
      model: any ``torch.nn.Module``; wrappers (``DistributedDataParallel``,
        FSDP, ``torch.compile``) are seen through, and tags carry the inner
        model's names. Every module with its own parameters is a layer, in
        the order of the probe's forward pass.
      log_dir_or_writer: a log directory (a ``tbviz.Writer`` is created and
        closed by ``remove()``), a ``tbviz.Writer``, or an existing
        ``torch.utils.tensorboard`` / tensorboardX ``SummaryWriter``.
      every: log every N steps. None (default): as often as keeps the logging
        time within ``overhead_budget`` of the training time. The last step
        is logged by ``remove()`` whatever the cadence.
      optimizer: the optimizer whose ``step()`` ends a training step. None:
        the first optimizer that steps the model's parameters.
      probe_data: ``(x, y)``: the first ``probe_size`` samples of ``x`` feed
        the activation maps; all of it (in batches) the confusion matrix,
        feature importance and sample predictions when ``y`` is given. None:
        activation maps of the first ``probe_size`` samples of the first batch.
      probe_size: rows of the activation maps.
      name: the model's tag prefix (default: the class name).
      include, exclude: fnmatch patterns over layer names (``"encoder.*"``):
        which layers get surfaces, activation maps and gradient-flow rows.
      log_graph: also write the graph with ``SummaryWriter.add_graph`` (traced
        once in eval mode on the probe batch).
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      num_classes: for classifiers, lets ``log_epoch`` test loss against chance.
      overhead_budget: fraction of training time logging may take with
        ``every=None`` (default 0.03).
      distributed: under ``torch.distributed``: ``"auto"``/``"chief"`` (rank 0
        writes, gradient flow reduced over all ranks), ``"per_worker"``
        (``<log_dir>/worker_<rank>`` runs) or ``"off"``; see
        ``tbviz_plugin.integrations.distributed``.
      max_bytes: the run's disk budget (default 250 MB): near it, weight surfaces,
        then activation maps, are written at fewer full logs, and a ``disk_budget``
        health event says so; gradient flow, health and scalars are always
        written. None: no bound.

    Example::

        handle = watch(model, "logs/run1", include="encoder.*", probe_data=(x_val, y_val))
    """
    options = Options.from_arguments(locals())
    return WatchHandle(
        model,
        log_dir_or_writer,
        options,
        optimizer=optimizer,
        log_graph=log_graph,
        num_classes=num_classes,
    )


def unwrap(model: torch.nn.Module) -> torch.nn.Module:
    """The user's model inside ``DistributedDataParallel``, ``DataParallel``, FSDP and
    ``torch.compile`` wrappers (nested ones too)."""
    while True:
        inner = getattr(model, "_orig_mod", None)  # torch.compile's OptimizedModule
        if not isinstance(inner, torch.nn.Module):
            wrapper = type(model).__name__ in (
                "DistributedDataParallel",
                "DataParallel",
                "FullyShardedDataParallel",
            )
            inner = getattr(model, "module", None) if wrapper else None
        if not isinstance(inner, torch.nn.Module):
            return model
        model = inner


class WatchHandle:
    """What ``watch`` returns: ``step()``, ``log_epoch()``, ``flush()``, ``remove()``.

    Also a context manager: ``with watch(model, "logs/run1"): train()``.

    ``manual=True`` (for adapters: Lightning, the Hugging Face Trainer) registers
    no optimizer hook: only ``step()`` ends a step, numbered by its ``at``, and
    ``read_gradients()`` reads the gradients where the framework hands them over.
    ``first_batch_hook=False``: the probe's first training batch comes only from
    ``see_batch()`` (an adapter whose framework calls the model with something
    else than a batch, as Lightning's DDP forward redirection does).
    """

    def __init__(
        self,
        model: torch.nn.Module,
        log_dir_or_writer: Any,
        options: Options,
        *,
        optimizer: Optional[torch.optim.Optimizer] = None,
        log_graph: bool = False,
        num_classes: Optional[int] = None,
        manual: bool = False,
        first_batch_hook: bool = True,
    ) -> None:
        if not isinstance(model, torch.nn.Module):
            raise TypeError(f"model must be a torch.nn.Module, got {type(model).__name__}")
        if optimizer is not None and not isinstance(optimizer, torch.optim.Optimizer):
            raise TypeError(
                f"optimizer must be a torch.optim.Optimizer, got {type(optimizer).__name__}"
            )
        self.options = options
        self.model = unwrap(model)
        self.name = options.name or type(self.model).__name__
        # Before anything is written: a second model in the same directory gets its own tags.
        tag_prefix = claim_log_dir(log_dir_or_writer, self.name, self.model)
        if tag_prefix:  # the name it was given (Sequential_1 beside another Sequential)
            self.name = tag_prefix[:-1]
        self._claimed = log_dir_or_writer
        self._dist = _distributed.TorchDistributed(options.distributed)
        self.writer, self._owned = self._dist.open_writer(log_dir_or_writer)
        self._user_writer = log_dir_or_writer if hasattr(log_dir_or_writer, "add_graph") else None
        self.recorder = StepLogger(
            self.writer,
            self.name,
            options,
            cadence_name="tbviz watch",
            wrap_cadence=self._dist.wrap_cadence,
        )
        self.cadence = self.recorder.cadence
        if tag_prefix:
            common.logger.info(
                "tbviz watch: another model is recorded into this log directory; %s's "
                "layer and scalar tags start with %r",
                self.name,
                tag_prefix,
            )
            self.recorder.tag_prefix = tag_prefix
            self.recorder.resources = None  # the first model records the process's
        self.num_classes = num_classes
        self.log_graph = log_graph
        self._graph_done = not log_graph

        self._names = {m: (n or self.name) for n, m in self.model.named_modules()}
        self._params = {
            m: [(pn, p) for pn, p in m.named_parameters(recurse=False) if p.requires_grad]
            for m in self.model.modules()
        }
        self._param_ids = {id(p) for ps in self._params.values() for _, p in ps}
        self._modules: Dict[str, torch.nn.Module] = {}  # watched layers by name
        self._layers: Optional[List[str]] = None  # watched layers, fixed at the first log
        # Gradient-flow rows, in depth order: (name, parameters); a stacked RNN has one per layer.
        self._rows: List[Tuple[str, List[torch.nn.Parameter]]] = []
        self._shapes: Dict[torch.nn.Module, Any] = {}  # first output shapes
        self._first_use: List[torch.nn.Module] = []  # modules by their parameters' first use
        # Parameters at the last log, on their device, for update_ratio.
        self._prev_params: Dict[int, Tuple[torch.Tensor, torch.Tensor]] = {}

        self._probe = _ProbeInput(options.probe_size)
        self.predictions = None
        if options.probe_data is not None:
            x, y = probes.cap_probe(options.probe_data, "tbviz watch")
            self._probe.set("probe_data x", x)
            self.predictions = probes.for_torch(
                self.model, (x, y), self.writer, self.name, expected=self._probe.training_shape
            )

        self.optimizer = optimizer  # the optimizer whose steps count; found when None
        self._manual = manual  # handle.step() counts the steps
        self._step = 0  # the number of the next step (steps completed, unless numbered)
        self._held: Optional[_HeldStep] = None  # read_gradients' decision for the next step
        self._loss_step: Optional[int] = None  # the step batch_loss was last written for
        self._removed = False
        self._predicted: Optional[int] = None  # the step predictions were last written for
        # The first batch the model sees: the probe without probe_data, and the shape
        # probe_data is compared with. Removed at the step after it has seen one.
        self._first_batch_hook: Optional[Any] = (
            model.register_forward_pre_hook(self._on_first_batch, with_kwargs=True)
            if first_batch_hook
            else None
        )
        self._hooks: List[Any] = []
        if manual:
            pass  # an adapter that knows the framework's steps calls step()
        elif optimizer is not None:
            self._hooks.append(optimizer.register_step_post_hook(self._on_step))
        else:
            self._hooks.append(register_optimizer_step_post_hook(self._on_any_step))

    # ----------------------------------------------------------------- hooks

    def _on_first_batch(self, module: torch.nn.Module, args: tuple, kwargs: dict) -> None:
        if not self._probe.training_seen:
            self._probe.see_training(args, kwargs)

    def _on_step(self, optimizer: torch.optim.Optimizer, *args: Any) -> None:
        self._advance()

    def _on_any_step(self, optimizer: torch.optim.Optimizer, *args: Any) -> None:
        """PyTorch's global step hook: the first optimizer that steps the model's
        parameters is the one whose steps count (a second optimizer of the same
        model, as in a GAN's or a per-part setup, does not count again)."""
        if self._manual or self._removed:
            return
        if self.optimizer is None:
            if not any(
                id(p) in self._param_ids
                for group in optimizer.param_groups
                for p in group["params"]
            ):
                return
            self.optimizer = optimizer
        if optimizer is self.optimizer:
            self._advance()

    # ----------------------------------------------------------------- public

    def step(self, loss: Any = None, *, at: Optional[int] = None) -> None:
        """Ends one training step and logs it when due. Call after the update.

        When an optimizer's steps are counted (``optimizer=``, or one found by
        its step hook), a call here does not count again: it records ``loss``
        as ``batch_loss`` of the step just logged, once per step.

        ``at``: the step's number when the training loop numbers its steps
        itself (Lightning's ``trainer.global_step``, a resumed run); None: the
        step after the last one.
        """
        if self._removed:
            return
        if self.optimizer is not None and not self._manual:
            last = self._step - 1
            if loss is not None and last == self.recorder.last_logged and self._loss_step != last:
                self._write_loss(last, loss)
            return
        self._manual = True
        self._advance(loss, at)

    def read_gradients(self, at: Optional[int] = None, last: bool = False) -> None:
        """Reads the gradients of the step about to end, for an adapter whose
        framework changes ``.grad`` between the backward pass and the update
        (gradient clipping): call it where the framework hands the gradients
        over, then ``step(at=...)`` after the update.

        It decides whether the step is logged (``last``: logged in full, the
        run's last step) and, when it is, copies the watched parameters'
        gradients for that log; other steps copy nothing.

        Example::

            handle = WatchHandle(model, "logs/run1", Options(), manual=True)
            ...loss.backward()
            handle.read_gradients(at=step)       # before clipping
            clip_grad_norm_(model.parameters(), 1.0); opt.step()
            handle.step(loss, at=step)
        """
        if self._removed:
            return
        step = self._step if at is None else at
        started = self.recorder.clock()
        part = FULL if last else self.recorder.due(step)
        grads: Optional[Dict[int, torch.Tensor]] = None
        if part is not None and self.options.gradients:
            grads = {
                id(p): p.grad.detach().clone()
                for p in self._gradient_params()
                if p.grad is not None
            }
        self._held = _HeldStep(step, part, grads, self.recorder.clock() - started, last)

    def see_batch(self, *args: Any, **kwargs: Any) -> None:
        """The first training batch as ``model(*args, **kwargs)`` takes it: the probe
        without ``probe_data``, for an adapter whose training step may not call the
        model as a module (Lightning's ``training_step`` calling ``self.net(x)``).
        Ignored once a batch was seen.

        Example::

            handle.see_batch(x)           # before the first step() of the run
        """
        if not self._probe.training_seen:
            self._probe.see_training(args, kwargs)
            self._drop_first_batch_hook()

    def log_epoch(self, epoch: int, loss: Any = None, val_loss: Any = None, **metrics: Any) -> None:
        """Writes ``epoch_<name>`` scalars at step ``epoch`` and diagnoses the loss curves."""
        values = dict(metrics)
        if loss is not None:
            values["loss"] = loss
        if val_loss is not None:
            values["val_loss"] = val_loss
        self.recorder.log_epoch(epoch, values, self.num_classes)

    @property
    def layers(self) -> List[str]:
        """Watched layers in forward order (known after the first log)."""
        return list(self._layers or [])

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Health events written so far."""
        return self.recorder.events

    def flush(self) -> None:
        self.writer.flush()

    def remove(self) -> None:
        """Logs the last step (when the cadence skipped it), removes every hook this
        handle registered and closes the writer it created."""
        if self._removed:
            return
        last = self._step - 1
        self._held = None  # gradients read for a step that never ended
        if last >= 0 and self.recorder.last_full != last:
            # The final state in full (the surfaces' last frame); its gradient-flow
            # row only when the cadence has not written one for this step.
            self._log(last, final=True, flow_row=self.recorder.last_logged != last)
        elif self._step == 0:
            common.logger.warning(
                "tbviz watch: %s was never stepped: no optimizer updated its parameters and "
                "handle.step() was not called, so nothing was recorded. Steps are the "
                "optimizer.step() calls of an optimizer holding the model's parameters; a "
                "loop without one calls handle.step() after each update",
                self.name,
            )
        self._removed = True
        self._drop_first_batch_hook()
        for hook in self._hooks:
            hook.remove()
        self._hooks.clear()
        self._probe.clear()
        self._prev_params.clear()
        release_log_dir(self._claimed, self.name)
        if self._owned:
            self.writer.close()
        else:
            self.writer.flush()

    def __enter__(self) -> WatchHandle:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.remove()

    # ----------------------------------------------------------------- steps

    def _advance(self, loss: Any = None, at: Optional[int] = None) -> None:
        if self._removed:
            return
        step = self._step if at is None else at
        self._step = step + 1
        self.recorder.count_step()
        if self._probe.training_seen:
            self._drop_first_batch_hook()  # no hook stays on the model during training
        held = self._held if self._held is not None and self._held.step == step else None
        if held is None:
            self._held = None  # read for another step: its copies are of no use
            part = self.recorder.due(step)
        else:
            part = held.part
        try:
            if part is not None:
                self._log(step, loss, part, final=held is not None and held.last)
        finally:
            self._held = None

    def _gradient_params(self) -> List[torch.nn.Parameter]:
        """The parameters whose gradients a log reads: the gradient-flow rows', every
        trainable parameter before the first log has fixed them."""
        if self._layers is None:
            return [p for params in self._params.values() for _, p in params]
        return [p for _, params in self._rows for p in params]

    def _grad(self, p: torch.Tensor) -> Optional[torch.Tensor]:
        """``p``'s gradient for this log: the copy ``read_gradients`` took, else ``.grad``."""
        if self._held is not None and self._held.grads is not None:
            return self._held.grads.get(id(p))
        return p.grad

    def _drop_first_batch_hook(self) -> None:
        if self._first_batch_hook is not None:
            self._first_batch_hook.remove()
            self._first_batch_hook = None

    def _write_loss(self, step: int, loss: Any) -> None:
        number = to_number(loss)
        if number is not None:
            self.recorder.log_scalars(step, {"batch_loss": number})
            self.recorder.log_loss(step, number)
            self._loss_step = step

    # ----------------------------------------------------------------- logging

    def _log(
        self,
        step: int,
        loss: Any = None,
        part: str = FULL,
        final: bool = False,
        flow_row: bool = True,
    ) -> None:
        """A full log of ``step``, or (``FLOW``) its gradient-flow row and scalars only;
        without ``flow_row`` (that row and the scalars, written for this step already)."""
        full = part == FULL or self._layers is None
        held = self._held.seconds if self._held is not None else 0.0
        with self.recorder.logging(step, FULL if full else FLOW, held, final=final) as timing:
            captured = _Captured()
            if full:
                captured = self._run_probe()
                if self._probe.failed and self._probe.explicit:
                    self.predictions = None  # the same input; its warning was given
                if self._layers is None:
                    self._fix_layers()
                captured.keep(self._layers or [])
            if self.predictions is not None and full and self._predicted != step:
                self._predicted = step
                # Before the gradient flow, whose rules read the probe's loss.
                probe_loss = self.predictions.log(step)
                self.recorder.log_loss(step, probe_loss, source="probe")
            if loss is not None and flow_row:  # known before the log: the rules read it
                self._write_loss(step, loss)
            if not self._graph_done:
                t0 = self.recorder.clock()
                self._write_graph()
                timing.warmup += self.recorder.clock() - t0
            surfaces = full and self.recorder.writes_surfaces  # (the disk budget)
            self._log_parts(step, captured, surfaces=surfaces, flow_row=flow_row)
            if not flow_row:  # the step's row and scalars were written before
                return
            if self.optimizer is not None and self.optimizer.param_groups:
                self.recorder.log_scalars(
                    step, {"learning_rate": self.optimizer.param_groups[0].get("lr")}
                )
            device = _device_of(self.model)
            if device is not None and device.type == "cuda" and self.recorder.resources:
                gpu = torch.cuda.memory_allocated(device) / 2**20
                self.recorder.log_scalars(step, {"system/gpu_memory_mb": gpu})

    def _log_parts(
        self, step: int, captured: _Captured, surfaces: bool = True, flow_row: bool = True
    ) -> None:
        """Reduces on the device, copies to the host once per device, writes each part
        (the weight surfaces only with ``surfaces``, the gradient-flow row with ``flow_row``)."""
        copy = _HostCopy()
        layers = self._layers or []
        rows = self._rows if self.options.gradients and flow_row else []
        pooled_surfaces, partials, sums, row_grads = [], {}, {}, {}
        for row, params in rows:
            grads = [g for g in (self._grad(p) for p in params) if g is not None]
            if grads:
                row_grads[row] = grads
                if self._dist.reduces:  # this rank's slice, reduced below
                    partials[row] = copy.add(self._dist.local_partials(grads, _partials))
                else:
                    partials[row] = copy.add(_partials(grads))
            sums[row] = copy.add(self._weight_sums(params))
        for layer in layers:
            params = self._params[self._modules[layer]]
            if self.options.weights and surfaces:
                for pname, p in params:
                    surface = _pooled_surface(p)
                    if surface is not None:
                        pooled, matrix_shape, form = surface
                        pooled_surfaces.append(
                            (f"{layer}/{pname}", copy.add(pooled), p, matrix_shape, form)
                        )
        outputs = captured.outputs if self.recorder.writes_activations else {}
        maps = [(layer, copy.add(out), layout) for layer, (out, layout) in outputs.items()]
        units = [
            (layer, kind, out.shape[0], copy.add(_unit_masks(out, kind, self.options.thresholds)))
            for layer, (kind, out) in captured.units.items()
        ]
        copy.fetch()

        self.recorder.log_weights(
            step,
            (
                Surface(tag, value(), tuple(p.shape), matrix_shape, form)
                for tag, value, p, matrix_shape, form in pooled_surfaces
            ),
        )
        if rows:
            self._log_gradient_flow(step, [row for row, _ in rows], partials, sums, row_grads)
        self.recorder.log_activations(
            step, (ActivationMap(layer, value(), layout) for layer, value, layout in maps)
        )
        for layer, kind, samples, value in units:
            self.recorder.log_units(step, layer, unit_stats(kind, value() > 0.5, samples))

    def _log_gradient_flow(
        self,
        step: int,
        layers: List[str],
        partials: Dict[str, Callable[[], np.ndarray]],
        sums: Dict[str, Callable[[], np.ndarray]],
        layer_grads: Dict[str, List[torch.Tensor]],
    ) -> None:
        table = np.tile(np.asarray(common.NO_GRADIENT), (len(layers), 1))
        for i, layer in enumerate(layers):
            if layer in partials:
                table[i] = partials[layer]()
        if self._dist.reduces:  # the slices' sums are exact already
            table = self._dist.reduce_partials(table)
        else:
            # The fast partials assume finite gradients; layers with NaN/Inf (a broken
            # run) are counted again exactly, in a second copy only then.
            P = common.Partial
            bad = [
                i
                for i, layer in enumerate(layers)
                if table[i, P.SIZE] > 0 and not np.all(np.isfinite(table[i, : P.SUMSQ_SCALED + 1]))
            ]
            if bad:
                exact = _HostCopy()
                getters = [exact.add(_partials(layer_grads[layers[i]], exact=True)) for i in bad]
                exact.fetch()
                for i, value in zip(bad, getters):
                    table[i] = value()
        weight_sums = np.full((len(layers), len(common.WeightSum)), np.nan)
        for i, layer in enumerate(layers):
            if layer in sums:
                weight_sums[i] = sums[layer]()
        self.recorder.log_gradient_flow(step, layers, table, weight_sums)

    def _weight_sums(self, params: Sequence[torch.Tensor]) -> torch.Tensor:
        """``common.WeightSum`` of one layer, on its device (NaN for the change without
        a previous log); keeps ``w`` and its ``sum w²`` for the next log, in a buffer
        reused from log to log."""
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

    # ----------------------------------------------------------------- layers

    def _fix_layers(self) -> None:
        """The watched layers: parameterised modules in the order the probe's forward
        first used their parameters (else the order their forward calls ended in);
        modules whose parameters it never used follow the module registered before them."""
        first_use = set(self._first_use)
        called = self._first_use + [
            m for m in self._shapes if self._params.get(m) and m not in first_use
        ]
        order = list(called)
        placed = set(called)
        previous = None
        for m in self.model.modules():
            if m in placed:
                previous = m
            elif self._params.get(m):
                order.insert(order.index(previous) + 1 if previous is not None else 0, m)
                placed.add(m)
                previous = m
        names = [self._names[m] for m in order]
        self._layers = self.options.select(names, self.name)
        self.recorder.set_layer_types({self._names[m]: type(m).__name__ for m in order})
        self._modules = {self._names[m]: m for m in order}
        self._rows = [
            row
            for layer in self._layers
            for row in _flow_rows(layer, self._modules[layer], self._params)
        ]
        self._write_layer_table(order)

    def _write_layer_table(self, order: List[torch.nn.Module]) -> None:
        rows = []
        for m in order:
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

    # ----------------------------------------------------------------- probe

    def _run_probe(self) -> _Captured:
        """Runs the probe batch through the model in eval mode without gradients, with
        hooks that exist only for this pass: the layers' outputs (copied, so an
        in-place activation after them cannot change them), the activation modules'
        outputs, and, the first time, the layers' forward order and shapes."""
        captured = _Captured()
        first = self._layers is None
        want_maps = self.options.activations
        want_units = self.options.diagnosis
        if not (first or want_maps or want_units):
            return captured
        inputs = self._probe.inputs(_device_and_dtype(self.model))
        if inputs is None:
            return captured
        watched = set(self._layers) if self._layers is not None else None
        size = self.options.probe_size
        last_layer: List[Optional[str]] = [None]

        def on_layer(module: torch.nn.Module, args: Any, output: Any) -> None:
            out = _first_tensor(output)
            if first and module not in self._shapes:
                self._shapes[module] = tuple(out.shape) if out is not None else None
            name = self._names[module]
            last_layer[0] = name
            selected = watched is None or name in watched
            if want_maps and selected and out is not None and out.ndim >= 1:
                kept = out.detach()[:size]
                one = (kept if kept.ndim <= 2 else kept[:1]).clone()  # conv maps: one sample
                captured.outputs.setdefault(name, (one, _layout(module, one)))

        def on_activation(module: torch.nn.Module, args: Any, output: Any) -> None:
            out = _first_tensor(output)
            layer = last_layer[0] or self._names[module]
            if want_units and out is not None and out.ndim >= 2:
                if watched is None or layer in watched:
                    kind = _ACTIVATIONS[type(module)]
                    captured.units.setdefault(layer, (kind, out.detach()[:size].clone()))

        hooks = []
        for module in self.model.modules():
            if self._params[module]:
                hooks.append(module.register_forward_hook(on_layer))
            elif type(module) in _ACTIVATIONS:
                hooks.append(module.register_forward_hook(on_activation))
        modes = [(m, m.training) for m in self.model.modules()]
        args, kwargs = inputs
        try:
            self.model.eval()
            with torch.no_grad():
                if first:
                    self._first_use = self._forward_recording_use(args, kwargs)
                else:
                    self.model(*args, **kwargs)
        except Exception as e:  # a probe never stops training
            self._probe.fail(e)
            return _Captured()
        finally:
            for hook in hooks:
                hook.remove()
            for m, mode in modes:
                m.training = mode
        return captured

    def _forward_recording_use(self, args: tuple, kwargs: dict) -> List[torch.nn.Module]:
        """Runs the model on the probe and returns the parameterised modules in the order
        an op first reads one of their parameters: a parameter the model's own
        ``forward`` uses (a learned positional embedding) or one a parent module reads
        functionally (attention's ``out_proj``) is placed where it is used."""
        owners = {id(p): m for m, ps in self._params.items() for _, p in ps}
        recorder = _ParameterUse(owners)
        try:
            with recorder:
                self.model(*args, **kwargs)
        except Exception:  # a model that does not run under a function mode: plain order
            self.model(*args, **kwargs)
            return []
        return recorder.order

    def _write_graph(self) -> None:
        self._graph_done = True
        inputs = self._probe.inputs(_device_and_dtype(self.model))
        if inputs is None:
            common.logger.warning("tbviz watch: no input seen yet; the graph is not written")
            return
        example = inputs[0]
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
            self.model.eval()
            with torch.no_grad():
                sw.add_graph(self.model, example if len(example) > 1 else example[0])
        except Exception as e:  # tracing fails on some dynamic models; never stop training
            common.logger.warning("tbviz watch: the graph could not be traced: %s", e)
        finally:
            for m, mode in modes:
                m.training = mode
            if created:
                sw.close()


def _flow_rows(
    layer: str,
    module: torch.nn.Module,
    params: Dict[torch.nn.Module, List[Tuple[str, torch.nn.Parameter]]],
) -> List[Tuple[str, List[torch.nn.Parameter]]]:
    """The gradient-flow rows of one layer: one, or for a stacked ``nn.RNN``/``LSTM``/
    ``GRU`` one per recurrent layer (``lstm.l0``, ``lstm.l1``, both directions in
    one row), so that the gradient's fade through the stack shows as depth."""
    own = params[module]
    if not isinstance(module, torch.nn.RNNBase) or module.num_layers < 2:
        return [(layer, [p for _, p in own])]
    by_depth: Dict[int, List[torch.nn.Parameter]] = {}
    for pname, p in own:
        match = re.search(r"_l(\d+)(_reverse)?$", pname)
        by_depth.setdefault(int(match.group(1)) if match else 0, []).append(p)
    return [(f"{layer}.l{depth}", by_depth[depth]) for depth in sorted(by_depth)]


class _ParameterUse(TorchFunctionMode):
    """Inside ``with``: records the modules owning a parameter that a torch function or
    tensor method receives (directly or in a list, as ``nn.LSTM`` passes its weights),
    in the order of their first use."""

    def __init__(self, owners: Dict[int, torch.nn.Module]) -> None:
        super().__init__()
        self.owners = owners
        self.order: List[torch.nn.Module] = []
        self._seen: set = set()

    def __torch_function__(
        self, func: Any, types: Any, args: tuple = (), kwargs: Any = None
    ) -> Any:
        kwargs = kwargs or {}
        for arg in (*args, *kwargs.values()):
            for value in arg if isinstance(arg, (list, tuple)) else (arg,):
                module = self.owners.get(id(value))
                if module is not None and module not in self._seen:
                    self._seen.add(module)
                    self.order.append(module)
        return func(*args, **kwargs)


class RunningLoss:
    """The mean of training losses, summed on their device (no host copy per step), as
    the adapters' epoch loss. NaN and Inf are kept: health reads the raw loss.

    Example:
        >>> mean = RunningLoss()
        >>> mean.add(torch.tensor(1.0)); mean.add(torch.tensor(2.0))
        >>> float(mean.pop())
        1.5
    """

    def __init__(self) -> None:
        self._sum: Optional[torch.Tensor] = None
        self._count = 0

    def add(self, loss: Any) -> None:
        """Adds one loss (a tensor or a number); other values are ignored."""
        if isinstance(loss, torch.Tensor) and loss.numel() == 1:
            value = loss.detach().reshape(()).float()
        elif isinstance(loss, (int, float)) and not isinstance(loss, bool):
            value = torch.tensor(float(loss))
        else:
            return
        if self._sum is not None and self._sum.device != value.device:
            value = value.to(self._sum.device)
        self._sum = value if self._sum is None else self._sum + value
        self._count += 1

    def pop(self) -> Optional[torch.Tensor]:
        """The mean so far, a 0-d tensor on the losses' device (None without a loss),
        and starts again."""
        if self._sum is None:
            return None
        mean = self._sum / self._count
        self._sum, self._count = None, 0
        return mean


class _HeldStep:
    """``read_gradients``' decision for one step: its part (None: not logged), the
    gradients it copied, the seconds that took, and whether it is the run's last."""

    def __init__(
        self,
        step: int,
        part: Optional[str],
        grads: Optional[Dict[int, torch.Tensor]],
        seconds: float,
        last: bool,
    ) -> None:
        self.step, self.part, self.grads, self.seconds, self.last = step, part, grads, seconds, last


class _Captured:
    """What the probe's forward pass kept: each layer's output, and the activation
    modules' outputs (``(kind, tensor)``) under the layer before them."""

    def __init__(self) -> None:
        self.outputs: Dict[str, Tuple[torch.Tensor, str]] = {}  # (output, its layout)
        self.units: Dict[str, Tuple[str, torch.Tensor]] = {}

    def keep(self, layers: Sequence[str]) -> None:
        """Keeps only the outputs of the watched ``layers``."""
        watched = set(layers)
        self.outputs = {k: v for k, v in self.outputs.items() if k in watched}
        self.units = {k: v for k, v in self.units.items() if k in watched}


class _ProbeInput:
    """The probe batch's inputs: ``probe_data``'s first ``probe_size`` samples, else the
    first batch the model saw in training (the same samples at every log).

    A probe that fails (its shape, dtype or device) turns the activation maps off
    with one warning that names it; training goes on.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.source = "the first training batch"
        self.args: Optional[tuple] = None
        self.kwargs: Dict[str, Any] = {}
        self.explicit = False
        self.training_seen = False
        self._training: Optional[str] = None  # the first training batch, described
        self.failed = False

    def set(self, source: str, x: Any) -> None:
        """Uses ``x`` (the probe_data inputs: a tensor or array, a tuple of them for a
        model with several inputs, or a dict of keyword inputs) as the probe batch."""
        self.source, self.explicit = source, True
        x = probes.take(x, 0, self.size)
        if isinstance(x, dict):
            self.args, self.kwargs = (), {k: _tensor(v) for k, v in x.items()}
        elif isinstance(x, (tuple, list)):
            self.args = tuple(_tensor(v) for v in x)
        else:
            self.args = (_tensor(x),)

    def see_training(self, args: tuple, kwargs: dict) -> None:
        """Keeps the first training batch's first samples (the probe without
        probe_data) and remembers its shape for the warnings."""
        self.training_seen = True
        self._training = _describe_inputs(args, kwargs)
        if self.explicit:
            return
        batch = next((a.shape[0] for a in args if isinstance(a, torch.Tensor) and a.ndim), None)
        if batch is None:
            batch = next(
                (a.shape[0] for a in kwargs.values() if isinstance(a, torch.Tensor) and a.ndim),
                None,
            )

        def keep(a: Any) -> Any:
            if isinstance(a, torch.Tensor) and a.ndim and a.shape[0] == batch:
                return a.detach()[: self.size].clone()
            return a

        self.args = tuple(keep(a) for a in args)
        self.kwargs = {k: keep(v) for k, v in kwargs.items()}

    def training_shape(self) -> Optional[str]:
        return None if self._training is None else f"training batches are {self._training}"

    def inputs(self, target: Tuple[Optional[torch.device], Optional[torch.dtype]]) -> Any:
        """``(args, kwargs)`` on the model's device (floating inputs in its dtype), or
        None without a probe."""
        if self.failed or self.args is None:
            return None
        device, dtype = target

        def move(a: Any) -> Any:
            if not isinstance(a, torch.Tensor):
                return a
            if a.is_floating_point() and dtype is not None:
                return a.to(device=device, dtype=dtype)
            return a.to(device) if device is not None else a

        return tuple(move(a) for a in self.args), {k: move(v) for k, v in self.kwargs.items()}

    def fail(self, error: Exception) -> None:
        self.failed = True
        given = _describe_inputs(self.args or (), self.kwargs)
        training = self.training_shape() if self.explicit else None
        common.logger.warning(
            "tbviz watch: activation maps and unit statistics are off: the model could not "
            "be run on %s %s%s: %s: %s. Training goes on%s.",
            self.source,
            given,
            f" ({training})" if training else "",
            type(error).__name__,
            error,
            "; pass probe_data=(x, y) shaped like a training batch" if self.explicit else "",
        )

    def clear(self) -> None:
        self.args, self.kwargs = None, {}


class _HostCopy:
    """Tensors gathered per device and moved to the host in one copy per device.

    ``add`` returns a getter for the tensor's values, valid after ``fetch``.
    """

    def __init__(self) -> None:
        self._chunks: Dict[torch.device, List[torch.Tensor]] = {}
        self._filled: Dict[torch.device, int] = {}
        self._host: Dict[torch.device, np.ndarray] = {}

    def add(self, tensor: torch.Tensor) -> Callable[[], np.ndarray]:
        t = tensor.detach().reshape(-1).float()
        device, n, shape = t.device, t.numel(), tuple(tensor.shape)
        offset = self._filled.get(device, 0)
        self._chunks.setdefault(device, []).append(t)
        self._filled[device] = offset + n
        return lambda: self._host[device][offset : offset + n].reshape(shape)

    def fetch(self) -> None:
        self._host = {d: _to_host(chunks) for d, chunks in self._chunks.items()}


# Modules whose 3-D outputs are [N, C, L] (channels first); other 3-D outputs are
# sequences [N, L, features] (Linear, LSTM, attention, LayerNorm on tokens).
_CHANNELS_FIRST_1D = (
    torch.nn.modules.conv._ConvNd,
    torch.nn.modules.batchnorm._BatchNorm,
    torch.nn.modules.instancenorm._InstanceNorm,
    torch.nn.GroupNorm,
)


def _layout(module: torch.nn.Module, output: torch.Tensor) -> str:
    """How ``activation_map`` reads a module's output: images and conv feature maps
    ``[N, C, ...]`` channels first, token sequences ``[N, L, D]`` channels last."""
    if output.ndim == 3 and not isinstance(module, _CHANNELS_FIRST_1D):
        return "channels_last"
    return "channels_first"


def _describe_inputs(args: Sequence[Any], kwargs: Dict[str, Any]) -> str:
    """``[32, 64] float32`` for one input; a list, with keyword inputs by name, for several."""
    if len(args) == 1 and not kwargs:
        return probes.describe(args[0])
    return probes.describe(list(args) + [f"{k}={probes.describe(v)}" for k, v in kwargs.items()])


def _tensor(value: Any) -> torch.Tensor:
    return value if isinstance(value, torch.Tensor) else torch.as_tensor(np.asarray(value))


def _first_tensor(output: Any) -> Optional[torch.Tensor]:
    """A module's output tensor: the output itself, the first tensor of a tuple
    (``nn.LSTM``'s ``(output, (h, c))``, ``nn.MultiheadAttention``'s ``(output, weights)``)
    or of a dict (a Hugging Face output object), its ``logits`` when it has them."""
    if isinstance(output, torch.Tensor):
        return output
    if isinstance(output, Mapping):
        logits = output.get("logits")
        if isinstance(logits, torch.Tensor):
            return logits
        output = list(output.values())
    if isinstance(output, (tuple, list)):
        return next((o for o in output if isinstance(o, torch.Tensor)), None)
    return None


def _device_and_dtype(
    model: torch.nn.Module,
) -> Tuple[Optional[torch.device], Optional[torch.dtype]]:
    for p in model.parameters():
        return p.device, (p.dtype if p.is_floating_point() else None)
    return None, None


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
        return torch.tensor(common.NO_GRADIENT)
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


def _unit_masks(out: torch.Tensor, kind: str, thresholds: Optional[diagnose.Thresholds]):
    """Per unit, 1 when dead (ReLU-like) or saturated (sigmoid/tanh) on the probe batch,
    else 0, on the device."""
    t = thresholds or diagnose.DEFAULT_THRESHOLDS
    a = out.detach().float()
    a = a.transpose(0, 1).reshape(a.shape[1], -1) if a.ndim > 2 else a.T  # [units, samples...]
    if kind in diagnose.RELU_LIKE:
        return (a.amax(dim=1) <= 0).float()
    eps = t.saturation_level
    if kind in ("tanh", "softsign"):
        sat = a.abs() > 1.0 - eps
    else:
        sat = (a < eps) | (a > 1.0 - eps)
    return (sat.float().mean(dim=1) >= t.saturated_sample_fraction).float()


def _to_host(chunks: List[torch.Tensor]) -> np.ndarray:
    if len(chunks) > 1:
        return torch.cat(chunks).cpu().numpy()
    return chunks[0].cpu().numpy().copy()


def _device_of(model: torch.nn.Module) -> Optional[torch.device]:
    return _device_and_dtype(model)[0]
