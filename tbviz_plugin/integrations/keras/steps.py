"""What the Keras callback asks of a backend: the ``Steps`` interface, what a log
reads (``Reading``), and what the JAX and PyTorch steps share.

``TbvizCallback`` runs the same hook flow on every backend (cadence, probe,
logging parts); a ``Steps`` object knows how that backend's training step hands
over its gradients and how weights, gradients and the probe's activations are
reduced on its device:

* ``tf_steps.TFSteps`` (TensorFlow): a copy of the gradients inside the
  compiled train step, a snapshot function for full logs, ``tf.distribute``;
* ``jax_steps.JaxSteps``: Keras' ``train_step`` jitted with an ``armed`` argument;
* ``torch_steps.TorchSteps``: the gradients Keras leaves on the variables.

Example::

    steps = JaxSteps(callback)
    steps.begin()                       # at the start of fit
    steps.watch()                       # once the callback chose its layers
    steps.arm(True)                     # the next batch is logged
    ...                                 # one train step
    partials, weight_sums = steps.read_flow(timing)
    steps.remove()                      # at the end of fit
"""

from __future__ import annotations

import abc
import dataclasses
from typing import Any, Dict, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.core import LogTiming
from tbviz_plugin.integrations.keras import model_info

# (``[layers, common.Partial]``, ``[layers, common.WeightSum]``): a gradient-flow row.
Flow = Tuple[np.ndarray, np.ndarray]


@dataclasses.dataclass
class Reading:
    """What a full log read from the device, on the host."""

    pooled: Dict[int, np.ndarray]  # variable index -> its surface, pooled
    flow: Optional[Flow] = None  # the row, when the log has one
    activations: List[Tuple[Any, np.ndarray]] = dataclasses.field(default_factory=list)
    predictions: Optional[probes.Outputs] = None  # from the same forward pass (TensorFlow)


class Steps(abc.ABC):
    """A backend's part of ``TbvizCallback``; ``callback`` is read for its model,
    options, chosen layers (``_layers``, ``_variables``, ``_owners``) and probe.

    The defaults suit a backend whose train step needs nothing wrapped."""

    writes_graph = False  # the model's graph for TensorBoard's Graphs view

    def __init__(self, callback: Any) -> None:
        self.callback = callback
        self.model = callback.model
        self.options = callback.options

    @property
    def gradients(self) -> bool:
        """Whether logged batches give the training step's gradient-flow row."""
        return False

    def begin(self) -> None:
        """The start of a ``fit``."""
        return None

    def open_writer(self, log_dir: Any) -> Tuple[Any, bool]:
        """``(writer, owned)`` for ``log_dir``."""
        return common.open_writer(log_dir)

    def watch(self) -> None:
        """The callback chose its layers (``_setup``): wrap what the gradients need."""
        return None

    def arm(self, on: bool) -> None:
        """Whether the coming train step is logged."""
        return None

    def take_trace_seconds(self) -> float:
        """Seconds spent tracing the train step's logging ops since the last call."""
        return 0.0

    def first_batch(self) -> Optional[Tuple[Any, Any]]:
        """``(x, y)``: the first training batch's first samples on the host, once kept."""
        return None

    def probe_changed(self) -> None:
        """The probe batch is new or failed: whatever was built on it is rebuilt."""
        return None

    def prediction_probe(self, x: Any, y: Any) -> Optional[probes.PredictionProbe]:
        """The predictions over the probe set ``(x, y)``."""
        return None

    def read_flow(self, timing: LogTiming) -> Optional[Flow]:
        """The row of the armed train step that just ran, or None."""
        return None

    @abc.abstractmethod
    def read_full(self, timing: LogTiming, fresh: bool) -> Reading:
        """Everything a full log writes; ``fresh``: the train step that just ran was
        armed (its gradient-flow row is wanted)."""

    def graph_example(self) -> Any:
        """What the graph is traced with; None before it is known."""
        return None

    def write_graph(self) -> None:
        """Writes the model's graph (``writes_graph``)."""
        return None

    def remove(self) -> None:
        """The end of a ``fit``: everything wrapped is given back."""
        return None


class InstanceWrap:
    """``owner.<name> = wrapper``, set on the instance; ``restore()`` gives back what was
    there before: a method set on the instance (another tool's wrapper), or the
    class' own method, which shows through again. A wrapper set over ours since
    stays.

    Example::

        wrap = InstanceWrap(optimizer, "apply", counting_apply)
        wrap.restore()
    """

    def __init__(self, owner: Any, name: str, wrapper: Any) -> None:
        self.owner, self.name, self.wrapper = owner, name, wrapper
        self._own = name in vars(owner)
        self._original = getattr(owner, name)
        setattr(owner, name, wrapper)

    def restore(self) -> None:
        if vars(self.owner).get(self.name) is not self.wrapper:
            return  # already restored, or wrapped again by someone else since
        if self._own:
            setattr(self.owner, self.name, self._original)
        else:
            delattr(self.owner, self.name)


class HostFirstBatch:
    """Keeps the first ``size`` samples of the first training batch on the host (the
    JAX and PyTorch steps see each batch in Python)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.kept: Optional[Tuple[Any, Any]] = None
        self.done = False

    def see(self, data: Any) -> None:
        if self.done:
            return
        self.done = True
        x, y, _ = keras.utils.unpack_x_y_sample_weight(data)
        try:
            self.kept = (
                model_info.host(probes.take(x, 0, self.size)),
                model_info.host(probes.take(y, 0, self.size)),
            )
        except Exception as e:  # an input that is not arrays: no probe batch
            common.logger.warning(
                "tbviz callback: no probe batch: the training batch could not be kept (%s); "
                "pass probe_data=(x, y) to record activation maps and predictions",
                e,
            )


class BackendSteps(Steps):
    """What the JAX and PyTorch steps share: the first batch kept on the host, the
    activation maps from a tap model run on the probe, the predictions computed
    by the backend's ``prediction_compute``, and a full log from ``reduce``."""

    def __init__(self, callback: Any) -> None:
        super().__init__(callback)
        self._first = HostFirstBatch(self.options.probe_size)
        self._gradients = False
        self._tap: Any = None
        self._tap_built = False

    @property
    def gradients(self) -> bool:
        return self._gradients

    def first_batch(self) -> Optional[Tuple[Any, Any]]:
        return self._first.kept

    def probe_changed(self) -> None:
        self._tap_built = False

    def prediction_probe(self, x: Any, y: Any) -> Optional[probes.PredictionProbe]:
        x, y = probes.map_inputs(np.asarray, x), np.asarray(y)
        loss_fn = model_info.loss_function(self.model)
        return probes.PredictionProbe(
            self.callback.writer,
            self.callback.recorder.name,
            self.prediction_compute(loss_fn, x, y),
            x,
            y,
            layout="channels_last",
            from_logits=bool(getattr(loss_fn, "from_logits", False)),
            expected=self.callback._expected,
        )

    @abc.abstractmethod
    def prediction_compute(self, loss_fn: Any, x: Any, y: np.ndarray) -> Any:
        """``compute(start, stop)`` for ``PredictionProbe``."""

    @abc.abstractmethod
    def reduce(self, surfaces: bool) -> Tuple[Optional[np.ndarray], np.ndarray, Dict]:
        """``(partials or None, weight sums, {variable index: pooled surface})``."""

    @abc.abstractmethod
    def run_tap(self, tap: Any, x: Any) -> List[np.ndarray]:
        """The tap model's outputs on ``x``, on the host."""

    def sync(self) -> None:
        """The model's variables hold the state after the last step."""

    def read_flow(self, timing: LogTiming) -> Optional[Flow]:
        self.sync()
        partials, sums, _ = self.reduce(surfaces=False)
        return None if partials is None else (partials, sums)

    def read_full(self, timing: LogTiming, fresh: bool) -> Reading:
        self.sync()
        partials, sums, pooled = self.reduce(surfaces=self.options.weights)
        flow = (partials, sums) if fresh and partials is not None else None
        return Reading(pooled, flow, self._activations())

    def _activations(self) -> List[Tuple[Any, np.ndarray]]:
        """``(layer, output on the probe batch)`` of the watched layers (graph models)."""
        cb = self.callback
        if not (self.options.activations and cb._probe is not None and not cb._probe_failed):
            return []
        if not self._tap_built:
            self._tap_built = True
            self._tap = model_info.tap_model(self.model, cb._tap_layers)
        if self._tap is None:
            return []
        try:
            outputs = self.run_tap(self._tap, cb._probe[0])
        except Exception as e:
            cb._probe_off(e)
            return []
        return list(zip(cb._tap_layers, outputs))
