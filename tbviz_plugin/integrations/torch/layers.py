"""The layers of a PyTorch model: the user's model inside its wrappers, its parameterised
modules and their names, their order (the order the probe's forward first uses their
parameters), and the gradient-flow rows (one per layer of a stacked RNN).

Example::

    layers = ModelLayers(unwrap(model), "Net")
    layers.record_first_use(args, kwargs)     # the probe's forward, run once
    order = layers.fix(Options(), "Net")      # the watched layers, from now on
    layers.watched, layers.rows
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

import torch
from torch.overrides import TorchFunctionMode

from tbviz_plugin.integrations.options import Options

# A module's trainable parameters, by their own names.
Params = List[Tuple[str, torch.nn.Parameter]]


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


class ModelLayers:
    """A model's layers (every module with its own trainable parameters), fixed by
    ``fix`` at the first log.

    Before ``fix``: ``names``, ``params`` and ``param_ids`` of every module;
    ``shapes`` and ``first_use`` as the probe's first forward pass records them.
    After: ``watched`` (the layers ``include``/``exclude`` select, in forward
    order), ``modules`` (those layers by name) and ``rows`` (the gradient-flow
    rows, in depth order: ``(name, parameters)``).
    """

    def __init__(self, model: torch.nn.Module, name: str) -> None:
        self.model = model
        self.names = {m: (n or name) for n, m in model.named_modules()}
        self.params: Dict[torch.nn.Module, Params] = {
            m: [(pn, p) for pn, p in m.named_parameters(recurse=False) if p.requires_grad]
            for m in model.modules()
        }
        self.param_ids = {id(p) for ps in self.params.values() for _, p in ps}
        self.shapes: Dict[torch.nn.Module, Any] = {}  # first output shapes
        self.first_use: List[torch.nn.Module] = []  # modules by their parameters' first use
        self.watched: Optional[List[str]] = None
        self.modules: Dict[str, torch.nn.Module] = {}
        self.rows: List[Tuple[str, List[torch.nn.Parameter]]] = []

    def gradient_params(self) -> List[torch.nn.Parameter]:
        """The parameters whose gradients a log reads: the gradient-flow rows', every
        trainable parameter before ``fix``."""
        if self.watched is None:
            return [p for params in self.params.values() for _, p in params]
        return [p for _, params in self.rows for p in params]

    def record_first_use(self, args: tuple, kwargs: dict) -> None:
        """Runs the model on the probe and keeps the parameterised modules in the order
        an op first reads one of their parameters: a parameter the model's own
        ``forward`` uses (a learned positional embedding) or one a parent module reads
        functionally (attention's ``out_proj``) is placed where it is used."""
        owners = {id(p): m for m, ps in self.params.items() for _, p in ps}
        recorder = _ParameterUse(owners)
        try:
            with recorder:
                self.model(*args, **kwargs)
        except Exception:  # a model that does not run under a function mode: plain order
            self.model(*args, **kwargs)
            self.first_use = []
            return
        self.first_use = recorder.order

    def fix(self, options: Options, model_name: str) -> List[torch.nn.Module]:
        """Fixes the watched layers and returns every layer in order: parameterised
        modules in the order the probe's forward first used their parameters (else
        the order their forward calls ended in); modules whose parameters it never
        used follow the module registered before them."""
        first_use = set(self.first_use)
        called = self.first_use + [
            m for m in self.shapes if self.params.get(m) and m not in first_use
        ]
        order = list(called)
        placed = set(called)
        previous = None
        for m in self.model.modules():
            if m in placed:
                previous = m
            elif self.params.get(m):
                order.insert(order.index(previous) + 1 if previous is not None else 0, m)
                placed.add(m)
                previous = m
        self.watched = options.select([self.names[m] for m in order], model_name)
        self.modules = {self.names[m]: m for m in order}
        self.rows = [
            row
            for layer in self.watched
            for row in _flow_rows(layer, self.modules[layer], self.params)
        ]
        return order

    def table(self, order: List[torch.nn.Module]) -> List[Dict[str, Any]]:
        """The rows of the ``<model>/layers`` table of the modules ``order``."""
        rows = []
        for m in order:
            shape = self.shapes.get(m)
            rows.append(
                {
                    "name": self.names[m],
                    "type": type(m).__name__,
                    "output_shape": list(shape) if shape else None,
                    "params": sum(p.numel() for p in m.parameters(recurse=False)),
                    "trainable_params": sum(p.numel() for _, p in self.params[m]),
                }
            )
        return rows


def _flow_rows(
    layer: str, module: torch.nn.Module, params: Dict[torch.nn.Module, Params]
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
