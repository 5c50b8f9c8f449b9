"""``watch`` and ``WatchHandle``: what ends a step of a PyTorch model's training, which
steps are logged, and what a logged step reads from the model and writes.

Example::

    handle = watch(model, "logs/run1", every=10)
    ...                                  # each optimizer.step() is a step
    handle.remove()                      # logs the last step, closes the file
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch

from tbviz_plugin import diagnose
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations import distributed as _distributed
from tbviz_plugin.integrations.core import (
    FLOW,
    FULL,
    ActivationMap,
    RecordingHandle,
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
from tbviz_plugin.integrations.torch import reduction
from tbviz_plugin.integrations.torch.layers import ModelLayers, unwrap
from tbviz_plugin.integrations.torch.probe import (
    Captured,
    ProbeInput,
    device_and_dtype,
    run_probe,
    write_graph,
)
from tbviz_plugin.integrations.torch.reduction import HostCopy
from tbviz_plugin.integrations.torch.steps import HeldStep, OptimizerSteps


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


class WatchHandle(RecordingHandle):
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

        self._layers = ModelLayers(self.model, self.name)  # fixed at the first log
        # Parameters at the last log, on their device, for update_ratio (in host
        # memory: float32 numpy copies, ``reduction.host_rows``).
        self._prev_params: Dict[int, Tuple[torch.Tensor, torch.Tensor]] = {}
        self._prev_host: Dict[int, np.ndarray] = {}

        self._probe = ProbeInput(options.probe_size)
        self.predictions = None
        if options.probe_data is not None:
            x, y = probes.cap_probe(options.probe_data, "tbviz watch")
            self._probe.set("probe_data x", x)
            self.predictions = probes.for_torch(
                self.model, (x, y), self.writer, self.name, expected=self._probe.training_shape
            )

        self._step = 0  # the number of the next step (steps completed, unless numbered)
        self._held: Optional[HeldStep] = None  # read_gradients' decision for the next step
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
        self._steps = OptimizerSteps(self._layers.param_ids, optimizer, manual, self._advance)

    @property
    def optimizer(self) -> Optional[torch.optim.Optimizer]:
        """The optimizer whose steps count: the one given, else the first that stepped
        the model's parameters (None until then, and for ``manual`` handles)."""
        return self._steps.optimizer

    @optimizer.setter
    def optimizer(self, optimizer: Optional[torch.optim.Optimizer]) -> None:
        self._steps.optimizer = optimizer

    def _on_first_batch(self, module: torch.nn.Module, args: tuple, kwargs: dict) -> None:
        if not self._probe.training_seen:
            self._probe.see_training(args, kwargs)

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
        if self._steps.counted:
            last = self._step - 1
            if loss is not None and last == self.recorder.last_logged and self._loss_step != last:
                self._write_loss(last, loss)
            return
        self._steps.manual = True
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
                for p in self._layers.gradient_params()
                if p.grad is not None
            }
        self._held = HeldStep(step, part, grads, self.recorder.clock() - started, last)

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

    @property
    def layers(self) -> List[str]:
        """Watched layers in forward order (known after the first log)."""
        return list(self._layers.watched or [])

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
        self._steps.remove()
        self._probe.clear()
        self._prev_params.clear()
        release_log_dir(self._claimed, self.name)
        self._release_writer()

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

    def _grad(self, p: torch.Tensor) -> Optional[torch.Tensor]:
        """``p``'s gradient for this log: the copy ``read_gradients`` took, else ``.grad``;
        a sparse one (``nn.Embedding(sparse=True)``) as the dense gradient it stands for."""
        if self._held is not None and self._held.grads is not None:
            grad = self._held.grads.get(id(p))
        else:
            grad = p.grad
        return grad.to_dense() if grad is not None and grad.is_sparse else grad

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
        full = part == FULL or self._layers.watched is None
        held = self._held.seconds if self._held is not None else 0.0
        with self.recorder.logging(step, FULL if full else FLOW, held, final=final) as timing:
            captured = Captured()
            if full:
                captured = run_probe(self.model, self._layers, self._probe, self.options)
                if self._probe.failed and self._probe.explicit:
                    self.predictions = None  # the same input; its warning was given
                if self._layers.watched is None:
                    self._fix_layers()
                captured.keep(self._layers.watched or [])
            if self.predictions is not None and full and self._predicted != step:
                self._predicted = step
                # Before the gradient flow, whose rules read the probe's loss.
                probe_loss = self.predictions.log(step)
                self.recorder.log_loss(step, probe_loss, source="probe")
            if loss is not None and flow_row:  # known before the log: the rules read it
                self._write_loss(step, loss)
            if not self._graph_done:
                t0 = self.recorder.clock()
                self._graph_done = True
                write_graph(self.model, self._probe, self._user_writer, self.writer)
                timing.warmup += self.recorder.clock() - t0
            surfaces = full and self.recorder.writes_surfaces  # (the disk budget)
            self._log_parts(step, captured, surfaces=surfaces, flow_row=flow_row)
            if not flow_row:  # the step's row and scalars were written before
                return
            if self.optimizer is not None and self.optimizer.param_groups:
                self.recorder.log_scalars(
                    step, {"learning_rate": self.optimizer.param_groups[0].get("lr")}
                )
            device, _ = device_and_dtype(self.model)
            if device is not None and device.type == "cuda" and self.recorder.resources:
                gpu = torch.cuda.memory_allocated(device) / 2**20
                self.recorder.log_scalars(step, {"system/gpu_memory_mb": gpu})

    def _log_parts(
        self, step: int, captured: Captured, surfaces: bool = True, flow_row: bool = True
    ) -> None:
        """Reduces on the device, copies to the host once per device, writes each part
        (the weight surfaces only with ``surfaces``, the gradient-flow row with ``flow_row``)."""
        copy = HostCopy()
        layers = self._layers.watched or []
        rows = self._layers.rows if self.options.gradients and flow_row else []
        row_tensors = [
            (row, params, [g for g in (self._grad(p) for p in params) if g is not None])
            for row, params in rows
        ]
        # In host memory and not reduced across workers: summed with numpy in place.
        on_host = not self._dist.reduces and all(
            reduction.in_host_memory(params) and reduction.in_host_memory(grads)
            for _, params, grads in row_tensors
        )
        host_tables = None
        if rows and on_host:
            host_tables = reduction.host_rows(
                [(grads, params) for _, params, grads in row_tensors], self._prev_host
            )
        pooled_surfaces, partials, sums, row_grads = [], {}, {}, {}
        changes: Dict[int, Any] = {}  # each parameter's change, once (tied weights)
        for row, params, grads in row_tensors if host_tables is None else ():
            if grads:
                row_grads[row] = grads
                if self._dist.reduces:  # this rank's slice, reduced below
                    partials[row] = copy.add(self._dist.local_partials(grads, reduction.partials))
                else:
                    partials[row] = copy.add(reduction.partials(grads))
            sums[row] = copy.add(self._weight_sums(params, changes))
        for layer in layers:
            params = self._layers.params[self._layers.modules[layer]]
            if self.options.weights and surfaces:
                for pname, p in params:
                    surface = reduction.pooled_surface(p)
                    if surface is not None:
                        pooled, matrix_shape, form = surface
                        pooled_surfaces.append(
                            (f"{layer}/{pname}", copy.add(pooled), p, matrix_shape, form)
                        )
        outputs = captured.outputs if self.recorder.writes_activations else {}
        maps = [(layer, copy.add(out), layout) for layer, (out, layout) in outputs.items()]
        thresholds = self.options.thresholds
        units = [
            (layer, kind, out.shape[0], copy.add(reduction.unit_masks(out, kind, thresholds)))
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
        if host_tables is not None:
            self.recorder.log_gradient_flow(step, [row for row, _ in rows], *host_tables)
        elif rows:
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
            reduction.recount_not_finite(table, layers, layer_grads)
        weight_sums = np.full((len(layers), len(common.WeightSum)), np.nan)
        for i, layer in enumerate(layers):
            if layer in sums:
                weight_sums[i] = sums[layer]()
        self.recorder.log_gradient_flow(step, layers, table, weight_sums)

    def _weight_sums(
        self, params: Sequence[torch.Tensor], done: Optional[Dict[int, Any]] = None
    ) -> torch.Tensor:
        """``common.WeightSum`` of one layer, on its device; keeps the weights for the
        next log's change in ``_prev_params`` (``done``: ``reduction.weight_sums``)."""
        return reduction.weight_sums(params, self._prev_params, done)

    # ----------------------------------------------------------------- layers

    def _fix_layers(self) -> None:
        """Fixes the watched layers (the probe's forward order) and writes the layer table."""
        order = self._layers.fix(self.options, self.name)
        names = self._layers.names
        self.recorder.set_layer_types({names[m]: type(m).__name__ for m in order})
        common.write_layer_table(self.writer, f"{self.name}/layers", self._layers.table(order))
