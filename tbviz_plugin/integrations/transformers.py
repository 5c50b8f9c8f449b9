"""Hugging Face ``Trainer``: ``TbvizCallback`` records weights, activations, gradient flow
and health.

Example::

    from transformers import Trainer
    from tbviz_plugin.integrations.transformers import TbvizCallback

    Trainer(model=model, args=args, train_dataset=ds, callbacks=[TbvizCallback()]).train()

A thin adapter on ``integrations.torch.WatchHandle``, which does all the
recording; the callback tells it when a step ends and what the step is:

* a step is an optimizer step, numbered ``state.global_step`` after it (as the
  Trainer numbers its own logs: the first step is 1), so gradient
  accumulation counts optimizer steps;
* the gradients are read in ``on_pre_optimizer_step``, unscaled, just before
  ``optimizer.step()``: the Trainer has clipped them already when
  ``max_grad_norm`` is set (its default is 1.0), and its ``grad_norm`` log holds
  the norm before clipping;
* the rest of a logged step (weights, activation maps, scalars) is read in
  ``on_optimizer_step``, after the update; the run's last step is logged in full;
* the loss is the raw loss of the model's output (``outputs.loss``, NaN and
  Inf kept), read by a forward hook that lives from ``on_train_begin`` to
  ``on_train_end``: the Trainer's own ``loss`` log skips NaN/Inf losses
  (``logging_nan_inf_filter``);
* the default log directory is the Trainer's TensorBoard run (see
  ``trainer_log_dir``); only the world's main process writes.
"""

from __future__ import annotations

import math
import os
import socket
from datetime import datetime, timedelta
from typing import Any, Optional, Tuple

import torch
import transformers

from tbviz_plugin import diagnose
from tbviz_plugin.integrations.distributed import NullWriter
from tbviz_plugin.integrations.options import (
    DEFAULT_BUDGET,
    DEFAULT_MAX_BYTES,
    DEFAULT_PROBE_SIZE,
    Options,
)
from tbviz_plugin.integrations.torch import RunningLoss, WatchHandle

__all__ = ["TbvizCallback", "trainer_log_dir"]


class TbvizCallback(transformers.TrainerCallback):
    """Records what happens inside a model during ``Trainer.train``.

    Args:
      log_dir: a run directory or a ``tbviz.Writer``. None (default): the
        Trainer's logging directory (``trainer_log_dir``).
      every: log in full every N optimizer steps (``state.global_step``). None
        (default): as often as keeps the logging time within
        ``overhead_budget`` of the training time. The last step is always logged.
      probe_data: ``(x, y)``, a fixed set of samples: its first ``probe_size``
        feed the activation maps (``x`` a dict of tensors is passed as
        ``model(**x)``, as the Trainer passes its batches). None: the first
        ``probe_size`` samples of the first training batch.
      probe_size: rows of the activation maps.
      name: the model's tag prefix (default: the model's class name).
      include, exclude: fnmatch patterns over module names
        (``"bert.encoder.layer.0.*"``).
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      num_classes: for classifiers, lets the loss curves be tested against chance.
      overhead_budget: fraction of training time logging may take with ``every=None``.
      distributed: ``"auto"``/``"chief"`` (rank 0 writes the statistics reduced
        over all ranks), ``"per_worker"`` or ``"off"``.
      max_bytes: the run's disk budget (default 250 MB, None: no bound), as for
        ``watch``: near it weight surfaces, then activation maps, thin out.

    Scalars besides those of ``watch``: ``batch_loss`` (the step's raw loss at
    logged steps), ``epoch_loss`` (the mean of the epoch's raw step losses)
    and ``epoch_val_loss`` (the evaluation's ``eval_loss``) at step = epoch.

    Example::

        callback = TbvizCallback(every=20, include="bert.encoder.*")
        Trainer(model=model, args=args, train_dataset=ds, callbacks=[callback]).train()
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
    ) -> None:
        self.options = Options.from_arguments(locals())
        self.log_dir = log_dir
        self.num_classes = num_classes
        self.handle: Optional[WatchHandle] = None  # one per train()
        self._loss_hook: Any = None
        self._step_loss = RunningLoss()  # this step's raw loss, over accumulated batches
        self._epoch_loss = RunningLoss()
        self._epoch: Optional[Tuple[int, Any]] = None  # an ended epoch waiting for its eval
        self._val_loss: Any = None  # the last eval_loss of this epoch

    # ----------------------------------------------------------------- events

    def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._close()  # a train() interrupted by an exception left its handle open
        model, optimizer = kwargs.get("model"), kwargs.get("optimizer")
        if model is None:
            raise ValueError("TbvizCallback needs the Trainer's model (on_train_begin had none)")
        log_dir = self.log_dir if self.log_dir is not None else trainer_log_dir(args)
        if not state.is_world_process_zero and not torch.distributed.is_initialized():
            log_dir = NullWriter()  # several processes the Trainer knows of; one writes
        self.handle = WatchHandle(
            model,
            log_dir,
            self.options,
            optimizer=optimizer if isinstance(optimizer, torch.optim.Optimizer) else None,
            num_classes=self.num_classes,
            manual=True,
        )
        if state.max_steps and state.max_steps > 0:
            self.handle.recorder.expect_steps(state.max_steps)
        self._loss_hook = self.handle.model.register_forward_hook(self._on_forward)

    def on_pre_optimizer_step(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.handle is not None:
            step = state.global_step + 1
            self.handle.read_gradients(at=step, last=step == state.max_steps)

    def on_optimizer_step(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.handle is None:
            return
        loss = self._step_loss.pop()
        self._epoch_loss.add(loss)
        self.handle.step(loss, at=state.global_step + 1)

    def on_epoch_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._write_epoch()

    def on_epoch_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._write_epoch()  # one that got no evaluation
        epoch = max(0, math.ceil(state.epoch or 0) - 1)
        self._epoch = (epoch, self._epoch_loss.pop())

    def on_evaluate(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        metrics = kwargs.get("metrics") or {}
        if "eval_loss" in metrics:
            self._val_loss = metrics["eval_loss"]
        if self._epoch is not None:
            self._write_epoch()

    def on_train_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self._close()

    # ----------------------------------------------------------------- helpers

    def _on_forward(self, module: torch.nn.Module, args: Any, output: Any) -> None:
        """Keeps the raw loss of a training forward pass (not of evaluation or the probe)."""
        if module.training:
            self._step_loss.add(_output_loss(output))

    def _write_epoch(self) -> None:
        if self._epoch is None or self.handle is None:
            return
        epoch, loss = self._epoch
        self.handle.log_epoch(epoch, loss=loss, val_loss=self._val_loss)
        self._epoch, self._val_loss = None, None

    def _close(self) -> None:
        """Writes the last epoch, logs the last step, removes the loss hook, closes the writer."""
        self._write_epoch()
        if self._loss_hook is not None:
            self._loss_hook.remove()
            self._loss_hook = None
        if self.handle is not None:
            self.handle.remove()
            self.handle = None
        self._step_loss.pop()
        self._epoch_loss.pop()
        self._epoch, self._val_loss = None, None


def trainer_log_dir(args: Any) -> str:
    """Where the Trainer's own TensorBoard logs go, so tbviz's event file joins that run.

    ``args.logging_dir`` when the ``TrainingArguments`` have one; else
    ``$TENSORBOARD_LOGGING_DIR`` (what the Trainer's ``TensorBoardCallback``
    reads); else its default, ``<output_dir>/runs/<Mon DD_HH-MM-SS>_<host>``: the
    directory that callback created a moment ago at ``on_train_begin`` (it runs
    before user callbacks), or a new one named the same way.

    Example:
        >>> trainer_log_dir(TrainingArguments(output_dir="out"))  # doctest: +SKIP
        'out/runs/Dec06_09-41-07_vm'
    """
    logging_dir = getattr(args, "logging_dir", None)
    if logging_dir:
        return os.fspath(logging_dir)
    env = os.getenv("TENSORBOARD_LOGGING_DIR")
    if env:
        return os.path.expanduser(env)
    now = datetime.now()
    names = [
        os.path.join(args.output_dir, "runs", f"{t:%b%d_%H-%M-%S}_{socket.gethostname()}")
        for t in (now, now - timedelta(seconds=1))
    ]
    return next((n for n in names if os.path.isdir(n)), names[0])


def _output_loss(output: Any) -> Any:
    """The ``loss`` of a model's output (a ``ModelOutput`` or a dict), else None."""
    if isinstance(output, dict):  # ModelOutput is a dict too
        return output.get("loss")
    return getattr(output, "loss", None)
