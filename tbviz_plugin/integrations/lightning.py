"""PyTorch Lightning: ``TbvizCallback`` records weights, activations, gradient flow and health.

Example::

    from lightning.pytorch import Trainer
    from tbviz_plugin.integrations.lightning import TbvizCallback

    Trainer(max_epochs=10, callbacks=[TbvizCallback()]).fit(model, train_loader)

A thin adapter on ``integrations.torch.WatchHandle``, which does all the
recording; the callback only tells it when a step ends and what the step is:

* a step is an optimizer step, numbered ``trainer.global_step`` (as
  Lightning's own loggers number them), so gradient accumulation counts
  optimizer steps; with several optimizers, the first one's steps;
* the gradients are read in ``on_before_optimizer_step``, where Lightning
  hands them over unscaled (AMP) and before gradient clipping;
* the rest of a logged step (weights, activation maps, scalars) is read after
  the update, in ``on_train_batch_end``; the run's last step is logged in full;
* the log directory is by default the trainer's: its first logger's
  ``log_dir`` (``lightning_logs/version_N`` for the default TensorBoard
  logger), else ``default_root_dir``; tbviz's event file sits beside the
  logger's and TensorBoard shows both as one run;
* under DDP every rank computes its slice of the gradient statistics, they
  are reduced across ranks, and only global rank zero writes
  (``integrations.distributed``).
"""

from __future__ import annotations

import math
from typing import Any, Optional, Tuple

import lightning.pytorch as pl
import torch

from tbviz_plugin import diagnose
from tbviz_plugin.integrations import common
from tbviz_plugin.integrations.options import (
    DEFAULT_BUDGET,
    DEFAULT_MAX_BYTES,
    DEFAULT_PROBE_SIZE,
    Options,
)
from tbviz_plugin.integrations.torch import RunningLoss, WatchHandle

__all__ = ["TbvizCallback"]


class TbvizCallback(pl.Callback):
    """Records what happens inside a ``LightningModule`` during ``Trainer.fit``.

    Args:
      log_dir: a run directory or a ``tbviz.Writer``. None (default): the
        trainer's ``log_dir`` (its first logger's directory, else
        ``default_root_dir``).
      every: log in full every N optimizer steps (``trainer.global_step``).
        None (default): as often as keeps the logging time within
        ``overhead_budget`` of the training time. The last step is always logged.
      probe_data: ``(x, y)``, a fixed set of samples the module's ``forward``
        takes: its first ``probe_size`` feed the activation maps; with labels,
        all of it the confusion matrix, feature importance and sample
        predictions. None: the first ``probe_size`` samples of the first
        training batch, as ``training_step`` called ``self(...)`` with them,
        else its inputs (``x`` of an ``(x, y)`` batch, a tensor, or a dict
        as keyword arguments). A module without ``forward()`` gets no
        activation maps (one warning says so).
      probe_size: rows of the activation maps.
      name: the model's tag prefix (default: the module's class name).
      include, exclude: fnmatch patterns over module names (``"encoder.*"``).
      log_graph: also write the graph (``SummaryWriter.add_graph``).
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      num_classes: for classifiers, lets the loss curves be tested against chance.
      overhead_budget: fraction of training time logging may take with ``every=None``.
      distributed: ``"auto"``/``"chief"`` (rank 0 writes the statistics reduced
        over all ranks), ``"per_worker"`` or ``"off"``.
      max_bytes: the run's disk budget (default 250 MB, None: no bound), as for
        ``watch``: near it weight surfaces, then activation maps, thin out.
      val_loss: the logged metric (``self.log(...)``) read as the validation
        loss of the loss-curve rules.

    Scalars besides those of ``watch``: ``batch_loss`` (the training step's
    loss at logged steps), ``epoch_loss`` (the mean of the epoch's step
    losses, NaN kept) and ``epoch_val_loss`` at step = epoch.

    Example::

        callback = TbvizCallback(every=50, exclude="*.norm*", probe_data=(x_val, y_val))
        Trainer(max_epochs=5, callbacks=[callback]).fit(model, loader)
    """

    def __init__(
        self,
        log_dir: Any = None,
        *,
        every: Optional[int] = None,
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
        val_loss: str = "val_loss",
    ) -> None:
        super().__init__()
        self.options = Options.from_arguments(locals())
        if not (isinstance(val_loss, str) and val_loss):
            raise ValueError(f"val_loss must be a metric name, got {val_loss!r}")
        self.log_dir = log_dir
        self.log_graph = log_graph
        self.num_classes = num_classes
        self.val_loss = val_loss
        self.handle: Optional[WatchHandle] = None  # one per fit
        self._last_step: Optional[int] = None  # the run's last global_step, when known
        self._read_at: Optional[int] = None  # the step whose gradients were read
        self._probe_from_batch = True  # the module has a forward() to run the probe with
        self._probe_hook: Any = None  # on the module until the first step ends
        self._step_loss = RunningLoss()  # this step's loss, over accumulated batches
        self._epoch_loss = RunningLoss()

    # ----------------------------------------------------------------- hooks

    def on_train_start(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        # After the sanity check, so the probe is a training batch; trainer.log_dir is a
        # broadcast under DDP, so every rank asks for it.
        log_dir = trainer.log_dir if self.log_dir is None else self.log_dir
        optimizer = trainer.optimizers[0] if trainer.optimizers else None
        self.handle = WatchHandle(
            pl_module,
            log_dir,
            self.options,
            optimizer=optimizer,
            log_graph=self.log_graph,
            num_classes=self.num_classes,
            manual=True,
            first_batch_hook=False,
        )
        # The first self(...) of training_step is the probe; until the first step ends.
        self._drop_probe_hook()
        self._probe_hook = pl_module.register_forward_pre_hook(self._on_forward, with_kwargs=True)
        # A module without forward() cannot run a probe batch: no activation maps then.
        self._probe_from_batch = type(pl_module).forward is not pl.LightningModule.forward
        if not self._probe_from_batch and self.options.activations:
            common.logger.warning(
                "tbviz: %s defines no forward(), so activation maps and unit statistics "
                "are off (the probe batch runs as module(x)); define forward() to get them. "
                "Weights, gradient flow, scalars and health are logged.",
                type(pl_module).__name__,
            )
        total = trainer.estimated_stepping_batches
        if isinstance(total, (int, float)) and math.isfinite(total) and total > 0:
            self.handle.recorder.expect_steps(int(total))
            self._last_step = int(total) - 1
        self._read_at = None

    def on_before_optimizer_step(
        self, trainer: pl.Trainer, pl_module: pl.LightningModule, optimizer: Any
    ) -> None:
        if self.handle is None or not self._counts(trainer, optimizer):
            return
        step = trainer.global_step
        self._read_at = step
        self.handle.read_gradients(at=step, last=step == self._last_step)

    def on_train_batch_end(
        self,
        trainer: pl.Trainer,
        pl_module: pl.LightningModule,
        outputs: Any,
        batch: Any,
        batch_idx: int,
    ) -> None:
        if self.handle is None:
            return
        loss = _loss_of(outputs)
        if pl_module.automatic_optimization:
            # Lightning returns each accumulated batch's loss divided by their number.
            if isinstance(loss, torch.Tensor):
                loss = loss * trainer.accumulate_grad_batches
            self._step_loss.add(loss)
        elif self._read_at is not None:
            self._step_loss.add(loss)
        if self._read_at is None:
            return  # an accumulating batch: no optimizer step yet
        self._drop_probe_hook()
        if self._probe_from_batch:
            args, kwargs = _batch_inputs(batch)
            self.handle.see_batch(*args, **kwargs)  # only when self(...) was never called
        step_loss = self._step_loss.pop()
        self._epoch_loss.add(step_loss)
        self.handle.step(step_loss, at=self._read_at)
        self._read_at = None

    def on_train_epoch_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        if self.handle is None:
            return
        val = trainer.callback_metrics.get(self.val_loss)
        self.handle.log_epoch(trainer.current_epoch, loss=self._epoch_loss.pop(), val_loss=val)

    def on_train_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        self._close()

    def on_exception(
        self, trainer: pl.Trainer, pl_module: pl.LightningModule, exception: BaseException
    ) -> None:
        self._close()

    # ----------------------------------------------------------------- helpers

    def _counts(self, trainer: pl.Trainer, optimizer: Any) -> bool:
        """Whether ``optimizer``'s step is a step: the first optimizer's are."""
        if not trainer.optimizers:
            return True
        return getattr(optimizer, "_optimizer", optimizer) is trainer.optimizers[0]

    def _on_forward(self, module: torch.nn.Module, args: tuple, kwargs: dict) -> None:
        """The module called as ``self(...)``: its inputs are the probe's. Under DDP or
        FSDP Lightning calls the module with the batch to reach ``training_step``
        (its forward patched on the instance meanwhile): not a forward, skipped."""
        if self.handle is not None and "forward" not in module.__dict__:
            self.handle.see_batch(*args, **kwargs)
            self._drop_probe_hook()

    def _drop_probe_hook(self) -> None:
        if self._probe_hook is not None:
            self._probe_hook.remove()
            self._probe_hook = None

    def _close(self) -> None:
        """Logs the last step (when the cadence skipped it) and closes the writer."""
        self._drop_probe_hook()
        if self.handle is not None:
            self.handle.remove()
            self.handle = None
        self._step_loss.pop()
        self._epoch_loss.pop()


def _loss_of(outputs: Any) -> Any:
    """The loss in what ``training_step`` returned (a tensor or a dict with ``loss``)."""
    if isinstance(outputs, dict):
        return outputs.get("loss")
    return outputs


def _batch_inputs(batch: Any) -> Tuple[tuple, dict]:
    """What the module's ``forward`` takes from a training batch: ``x`` of an
    ``(x, y, ...)`` batch, a tensor as it is, a dict as keyword arguments."""
    if isinstance(batch, dict):
        return (), dict(batch)
    if isinstance(batch, (tuple, list)) and batch:
        return (batch[0],), {}
    return (batch,), {}
