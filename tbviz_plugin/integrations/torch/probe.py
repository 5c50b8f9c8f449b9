"""The probe batch of a PyTorch model: its inputs (``probe_data``, else the first training
batch), the eval-mode forward pass that captures the layers' and the activation
modules' outputs through hooks that exist only for that pass, and the graph traced on it.

Example::

    probe = ProbeInput(size=64)
    probe.see_training(args, kwargs)             # the first training batch
    captured = run_probe(model, layers, probe, options)
    captured.outputs                             # {layer: (output, layout)}
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import torch

from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.options import Options
from tbviz_plugin.integrations.torch.layers import ModelLayers

# Activation modules whose outputs tell dead (ReLU) or saturated (sigmoid/tanh) units.
ACTIVATIONS = {
    torch.nn.ReLU: "relu",
    torch.nn.ReLU6: "relu6",
    torch.nn.Sigmoid: "sigmoid",
    torch.nn.Tanh: "tanh",
    torch.nn.Hardsigmoid: "hard_sigmoid",
    torch.nn.Softsign: "softsign",
}

# Modules whose 3-D outputs are [N, C, L] (channels first); other 3-D outputs are
# sequences [N, L, features] (Linear, LSTM, attention, LayerNorm on tokens).
_CHANNELS_FIRST_1D = (
    torch.nn.modules.conv._ConvNd,
    torch.nn.modules.batchnorm._BatchNorm,
    torch.nn.modules.instancenorm._InstanceNorm,
    torch.nn.GroupNorm,
)


class Captured:
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


class ProbeInput:
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


def run_probe(
    model: torch.nn.Module, layers: ModelLayers, probe: ProbeInput, options: Options
) -> Captured:
    """Runs the probe batch through the model in eval mode without gradients, with
    hooks that exist only for this pass: the layers' outputs (copied, so an
    in-place activation after them cannot change them), the activation modules'
    outputs, and, before the layers are fixed, their forward order and shapes."""
    captured = Captured()
    first = layers.watched is None
    want_maps = options.activations
    want_units = options.diagnosis
    if not (first or want_maps or want_units):
        return captured
    inputs = probe.inputs(device_and_dtype(model))
    if inputs is None:
        return captured
    watched = set(layers.watched) if layers.watched is not None else None
    size = options.probe_size
    last_layer: List[Optional[str]] = [None]

    def on_layer(module: torch.nn.Module, args: Any, output: Any) -> None:
        out = _first_tensor(output)
        if first and module not in layers.shapes:
            layers.shapes[module] = tuple(out.shape) if out is not None else None
        name = layers.names[module]
        last_layer[0] = name
        selected = watched is None or name in watched
        if want_maps and selected and out is not None and out.ndim >= 1:
            kept = out.detach()[:size]
            one = (kept if kept.ndim <= 2 else kept[:1]).clone()  # conv maps: one sample
            captured.outputs.setdefault(name, (one, _layout(module, one)))

    def on_activation(module: torch.nn.Module, args: Any, output: Any) -> None:
        out = _first_tensor(output)
        layer = last_layer[0] or layers.names[module]
        if want_units and out is not None and out.ndim >= 2:
            if watched is None or layer in watched:
                kind = ACTIVATIONS[type(module)]
                captured.units.setdefault(layer, (kind, out.detach()[:size].clone()))

    hooks = []
    for module in model.modules():
        if layers.params[module]:
            hooks.append(module.register_forward_hook(on_layer))
        elif type(module) in ACTIVATIONS:
            hooks.append(module.register_forward_hook(on_activation))
    modes = [(m, m.training) for m in model.modules()]
    args, kwargs = inputs
    try:
        model.eval()
        with torch.no_grad():
            if first:
                layers.record_first_use(args, kwargs)
            else:
                model(*args, **kwargs)
    except Exception as e:  # a probe never stops training
        probe.fail(e)
        return Captured()
    finally:
        for hook in hooks:
            hook.remove()
        for m, mode in modes:
            m.training = mode
    return captured


def write_graph(model: torch.nn.Module, probe: ProbeInput, user_writer: Any, writer: Any) -> None:
    """Writes the model's graph, traced once in eval mode on the probe batch, with
    ``SummaryWriter.add_graph``: the user's ``SummaryWriter``, else one of its own
    in ``writer``'s log directory. A model that cannot be traced gets a warning."""
    inputs = probe.inputs(device_and_dtype(model))
    if inputs is None:
        common.logger.warning("tbviz watch: no input seen yet; the graph is not written")
        return
    example = inputs[0]
    sw, created = user_writer, False
    if sw is None:
        logdir = common.writer_logdir(writer)
        if logdir is None:
            common.logger.warning("tbviz watch: log_graph needs a log directory")
            return
        from torch.utils.tensorboard import SummaryWriter

        # Its own name suffix: torch names files like tbviz's Writer (time, host, pid,
        # a counter from 0), so both created in one second would share a file.
        sw, created = SummaryWriter(logdir, filename_suffix=".graph"), True
    modes = [(m, m.training) for m in model.modules()]
    try:
        model.eval()
        with torch.no_grad():
            sw.add_graph(model, example if len(example) > 1 else example[0])
    except Exception as e:  # tracing fails on some dynamic models; never stop training
        common.logger.warning("tbviz watch: the graph could not be traced: %s", e)
    finally:
        for m, mode in modes:
            m.training = mode
        if created:
            sw.close()


def device_and_dtype(
    model: torch.nn.Module,
) -> Tuple[Optional[torch.device], Optional[torch.dtype]]:
    """The device and (floating) dtype of the model's first parameter; Nones without one."""
    for p in model.parameters():
        return p.device, (p.dtype if p.is_floating_point() else None)
    return None, None


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
