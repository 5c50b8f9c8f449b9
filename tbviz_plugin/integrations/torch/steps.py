"""What ends a PyTorch training step: the optimizer whose ``step()`` counts (given, or
found by PyTorch's global optimizer hook), the gradients read ahead of a step's end,
and the running mean of the step losses the adapters write as the epoch loss.

Example::

    steps = OptimizerSteps(param_ids, optimizer=None, manual=False, on_step=advance)
    ...                               # every optimizer.step() of the model calls advance()
    steps.remove()
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Set

import torch
from torch.optim.optimizer import register_optimizer_step_post_hook


class OptimizerSteps:
    """Calls ``on_step()`` after each step of the optimizer that counts.

    ``optimizer`` given: its steps, by its own step hook. None: PyTorch's global
    step hook, where the first optimizer that steps one of the model's
    parameters (``param_ids``) is the one whose steps count (a second optimizer
    of the same model, as in a GAN's or a per-part setup, does not count again).
    ``manual``: no hook; ``step()`` calls on the handle end the steps.
    """

    def __init__(
        self,
        param_ids: Set[int],
        optimizer: Optional[torch.optim.Optimizer],
        manual: bool,
        on_step: Callable[[], None],
    ) -> None:
        self.optimizer = optimizer  # the optimizer whose steps count; found when None
        self.manual = manual  # the handle's step() counts the steps
        self._param_ids = param_ids
        self._on_step = on_step
        self._hooks: List[Any] = []
        if manual:
            pass  # an adapter that knows the framework's steps calls step()
        elif optimizer is not None:
            self._hooks.append(optimizer.register_step_post_hook(self._on_optimizer_step))
        else:
            self._hooks.append(register_optimizer_step_post_hook(self._on_any_step))

    @property
    def counted(self) -> bool:
        """Whether an optimizer's steps are the steps (rather than ``step()`` calls)."""
        return self.optimizer is not None and not self.manual

    def remove(self) -> None:
        """Removes the step hooks."""
        for hook in self._hooks:
            hook.remove()
        self._hooks.clear()

    def _on_optimizer_step(self, optimizer: torch.optim.Optimizer, *args: Any) -> None:
        self._on_step()

    def _on_any_step(self, optimizer: torch.optim.Optimizer, *args: Any) -> None:
        if self.manual:
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
            self._on_step()


class HeldStep:
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
