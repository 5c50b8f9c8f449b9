"""``watch`` and ``JaxWatch``: what a JAX training loop calls at each step, when a step
is logged, and what a logged step records and writes.

Example::

    with watch("logs/run1", every=10) as w:
        for x, y in batches:
            params, opt_state, loss, grads = train_step(params, opt_state, x, y)
            w.step(params=params, grads=grads, loss=loss)
"""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import jax
import jax.numpy as jnp
import numpy as np

from tbviz_plugin import diagnose
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.core import FLOW, FULL, ActivationMap, RecordingHandle, StepLogger
from tbviz_plugin.integrations.jax import reduction
from tbviz_plugin.integrations.jax.forward import Forward
from tbviz_plugin.integrations.jax.tree import ParamTree
from tbviz_plugin.integrations.options import (
    DEFAULT_BUDGET,
    DEFAULT_MAX_BYTES,
    DEFAULT_PROBE_SIZE,
    Options,
)

__all__ = ["watch", "JaxWatch"]

DEFAULT_NAME = "model"


def watch(
    log_dir_or_writer: Any,
    *,
    every: Optional[int] = None,
    apply_fn: Optional[Callable[..., Any]] = None,
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
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
) -> JaxWatch:
    """Starts recording a JAX training loop; call ``step()`` after each update.

    Args:
      log_dir_or_writer: a log directory (a ``tbviz.Writer`` is created and
        closed by ``close()``), a ``tbviz.Writer`` (left open) or a torch /
        tensorboardX ``SummaryWriter``.
      every: log in full every N steps. None (default): as often as keeps the
        logging time within ``overhead_budget`` of the training time. The last
        step is logged by ``close()`` whatever the cadence.
      apply_fn: ``apply_fn(params, x) -> scores``, the model's forward pass, for
        activation maps and predictions on ``probe_data``. A Flax linen
        ``model.apply`` (or a ``functools.partial`` of it) gets activation maps
        of every module with parameters (``capture_intermediates``) and is
        given ``{"params": params}`` when ``params`` has no ``"params"`` key.
        None: no activation maps, no predictions.
      probe_data: ``(x, y)`` for ``apply_fn``: the first ``probe_size`` samples
        of ``x`` feed the activation maps; all of it (in batches) the confusion
        matrix, feature importance and sample predictions when ``y`` is given.
      probe_size: rows of the activation maps.
      name: the model's tag prefix (default ``"model"``).
      include, exclude: fnmatch patterns over layer names (``"Dense_*"``):
        which layers get surfaces, activation maps and gradient-flow rows.
      weights, activations, gradients, resources, diagnosis: switch parts off.
      thresholds: ``diagnose.Thresholds`` for the health rules.
      num_classes: for classifiers, lets ``log_epoch`` test loss against chance.
      overhead_budget: fraction of training time logging may take with
        ``every=None`` (default 0.03).
      max_bytes: the run's disk budget (default 250 MB): near it, weight surfaces,
        then activation maps, are written at fewer full logs, and a ``disk_budget``
        health event says so; gradient flow, health and scalars are always
        written. None: no bound.

    Example::

        w = watch("logs/run1", every=10, apply_fn=model.apply, probe_data=(x_val, y_val))
    """
    options = Options.from_arguments(locals())
    return JaxWatch(log_dir_or_writer, options, apply_fn=apply_fn, num_classes=num_classes)


class JaxWatch(RecordingHandle):
    """What ``watch`` returns: ``step()``, ``log_epoch()``, ``flush()``, ``close()``.

    Also a context manager: ``with watch("logs/run1") as w: train(w)``.
    """

    def __init__(
        self,
        log_dir_or_writer: Any,
        options: Options,
        *,
        apply_fn: Optional[Callable[..., Any]] = None,
        num_classes: Optional[int] = None,
    ) -> None:
        if apply_fn is not None and not callable(apply_fn):
            raise TypeError(f"apply_fn must be callable, got {type(apply_fn).__name__}")
        if options.probe_data is not None and apply_fn is None:
            raise ValueError(
                "probe_data needs apply_fn (the model's forward pass, e.g. "
                "apply_fn=model.apply): JAX has no model object to run it through"
            )
        self.options = options
        self.writer, self._owned = common.open_writer(log_dir_or_writer)
        self.name = options.name or DEFAULT_NAME
        self.recorder = StepLogger(self.writer, self.name, options, cadence_name="tbviz jax watch")
        self.num_classes = num_classes
        self._model = Forward(apply_fn) if apply_fn is not None else None
        self._probe_x: Any = None
        self._probe_failed = False
        self.predictions: Optional[probes.PredictionProbe] = None
        if options.probe_data is not None:
            x, y = probes.cap_probe(options.probe_data, "tbviz jax watch")
            self._probe_x = jax.tree_util.tree_map(
                jnp.asarray, probes.take(x, 0, options.probe_size)
            )
            self.predictions = probes.for_jax(
                self._model, (x, y), self.writer, self.name, lambda: self._params
            )
        self._tree: Optional[ParamTree] = None  # the params' layers, fixed at the first log
        self._prev: Optional[tuple] = None  # float32 copies of the last logged weights
        self._compiled: set = set()  # signatures already traced, to count compile time apart
        self._params: Any = None  # the params of the step being logged (for predictions)
        self._last: Optional[Dict[str, Any]] = None  # the last step's arguments, for close()
        self._step = 0  # steps completed
        self._closed = False
        self._predicted: Optional[int] = None  # the step predictions were last written for

    # ----------------------------------------------------------------- public

    def step(
        self,
        params: Any,
        grads: Any = None,
        *,
        loss: Any = None,
        learning_rate: Any = None,
        **metrics: Any,
    ) -> None:
        """Ends one training step and logs it when due. Call after the update.

        Args:
          params: the parameters after the update (any pytree of arrays).
          grads: the step's gradients, a pytree of the same structure as
            ``params``; None: weights only (the gradient-flow rows have no
            gradient statistics).
          loss: the step's loss, written as ``batch_loss``.
          learning_rate: written as ``learning_rate``.
          metrics: other numbers, written as ``batch_<key>``.

        Only at the steps it logs does it read the arrays (one host transfer);
        otherwise it counts the step and returns.
        """
        if self._closed:
            return
        step = self._step
        self._step += 1
        self.recorder.count_step()
        scalars = dict(metrics)
        scalars.update(loss=loss, learning_rate=learning_rate)
        self._last = {"params": params, "grads": grads, "scalars": scalars}
        part = self.recorder.due(step)
        if part is not None:
            try:
                self._log(step, params, grads, scalars, part)
            except ValueError:  # bad arguments, named in the error: close() does not retry them
                self._last = None
                raise

    @property
    def layers(self) -> List[str]:
        """Watched layers in the pytree's order (known after the first step)."""
        return list(self._tree.layers) if self._tree is not None else []

    def close(self) -> None:
        """Logs the last step (when the cadence skipped it) and closes the writer it created."""
        if self._closed:
            return
        last, kept = self._step - 1, self._last
        self._closed = True
        try:
            if kept is not None and self.recorder.last_full != last:
                if any(_deleted(v) for v in jax.tree_util.tree_leaves(kept)):
                    common.logger.warning(
                        "tbviz jax watch: the last step (%d) is not logged: its arrays were "
                        "deleted (donated to a later jitted call) before close()",
                        last,
                    )
                else:
                    # The final state in full; its row and scalars only if not written yet.
                    self._log(
                        last,
                        kept["params"],
                        kept["grads"],
                        kept["scalars"],
                        FULL,
                        final=True,
                        flow_row=self.recorder.last_logged != last,
                    )
            elif self._step == 0:
                common.logger.warning(
                    "tbviz jax watch: step() was never called, so nothing was recorded; call "
                    "w.step(params=params, grads=grads, loss=loss) after each update"
                )
        finally:
            self._last = self._params = self._prev = None
            self._release_writer()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ----------------------------------------------------------------- logging

    def _log(
        self,
        step: int,
        params: Any,
        grads: Any,
        scalars: Dict[str, Any],
        part: str,
        final: bool = False,
        flow_row: bool = True,
    ) -> None:
        """A full log of ``step``, or (``FLOW``) its gradient-flow row and scalars only;
        without ``flow_row``, the row and scalars (written for this step already)."""
        full = part == FULL or self._tree is None
        # The train steps JAX dispatched but has not run yet are training time: they
        # finish before the log is timed, so the governor does not charge them to it.
        jax.block_until_ready((params, grads, scalars))
        with self.recorder.logging(step, FULL if full else FLOW, final=final) as timing:
            outputs = None
            if full:
                outputs, seconds = self._capture(params)
                timing.warmup += seconds
            if self._tree is None:
                forward = self._model.forward if self._model is not None else None
                self._tree = ParamTree(params, self.options, self.name, forward)
            tree = self._tree
            weights = tree.leaves(params, "params")
            grad_leaves = None
            if grads is not None and self.options.gradients:
                grad_leaves = tree.leaves(grads, "grads")
            on_device: Dict[str, Any] = {"scalars": scalars, "maps": tree.maps(outputs)}
            reduced = None
            if tree.groups and (self.options.gradients or (full and self.options.weights)):
                first_log = self._prev is None
                prev = weights if first_log else self._prev
                surfaces = tree.surfaces if full and self.options.weights else ()
                sums = self.options.gradients
                if reduction.on_host(weights + (grad_leaves or ())):
                    reduced = reduction.reduce_on_host(
                        weights, grad_leaves, prev, groups=tree.groups, surfaces=surfaces, sums=sums
                    )
                else:
                    reduced, seconds = self._timed(
                        ("reduce", full, grad_leaves is not None),
                        lambda: reduction.reduce_on_device(
                            weights,
                            grad_leaves,
                            prev,
                            groups=tree.groups,
                            surfaces=surfaces,
                            sums=sums,
                        ),
                        weights,
                    )
                    timing.warmup += seconds
                on_device["partials"], on_device["sums"], on_device["pooled"], new_prev = reduced
                if self.options.gradients:
                    self._prev = new_prev
            host = jax.device_get(on_device)  # the one host transfer of this log

            if "pooled" in host:
                self.recorder.log_weights(step, tree.surface_records(host["pooled"]))
            if reduced is not None and self.options.gradients and flow_row:
                sums = np.asarray(host["sums"], dtype=np.float64)
                if first_log:  # no previous log: no change to measure
                    sums[:, common.WeightSum.CHANGE_SQ] = math.nan
                self.recorder.log_gradient_flow(step, tree.layers, host["partials"], sums)
            if not tree.table_written:
                tree.write_table(self.writer, self.name, host["maps"])
            if self.options.activations and host["maps"]:
                self.recorder.log_activations(
                    step,
                    (ActivationMap(n, v, "channels_last") for n, v in host["maps"].items()),
                )
            if flow_row:
                self._log_scalars(step, host["scalars"])
            predicted = self._predicted == step
            if full and self.predictions is not None and not self._probe_failed and not predicted:
                self._predicted = step
                self._params = params
                self.predictions.log(step)
                self._params = None

    def _to_host(self, values: Dict[str, Any]) -> Dict[str, Any]:
        return jax.device_get(values)  # the epoch's arrays in one transfer

    def _log_scalars(self, step: int, scalars: Mapping[str, Any]) -> None:
        named = {
            ("learning_rate" if k == "learning_rate" else f"batch_{k}"): v
            for k, v in scalars.items()
            if v is not None
        }
        self.recorder.log_scalars(step, named)

    def _timed(self, kind: tuple, run: Callable[[], Any], leaves: Sequence[Any]) -> tuple:
        """``(run(), seconds of tracing and compiling)``: the call's time when its
        signature (``kind`` and the leaves' shapes and dtypes) is new, else 0."""
        signature = kind + tuple((tuple(x.shape), str(x.dtype)) for x in leaves)
        if signature in self._compiled:
            return run(), 0.0
        started = self.recorder.clock()
        out = run()
        self._compiled.add(signature)
        return out, self.recorder.clock() - started

    def _capture(self, params: Any) -> Tuple[Optional[Dict[str, Any]], float]:
        """The outputs of the model's modules on the probe batch by module path, on the
        device, and the seconds spent compiling; None without a probe. A probe that
        fails turns activations and predictions off with one warning naming probe_data."""
        model = self._model
        wanted = self.options.activations or self._tree is None or not self._tree.table_written
        if model is None or not model.captures or self._probe_x is None or not wanted:
            return None, 0.0
        if self._probe_failed:
            return None, 0.0
        try:
            return self._timed(
                ("capture",),
                lambda: model.capture(params, self._probe_x),
                jax.tree_util.tree_leaves(params),
            )
        except Exception as e:  # a probe never stops training
            self._probe_failed = True
            common.logger.warning(
                "tbviz jax watch: activation maps and predictions are off: apply_fn could "
                "not be run on probe_data x %s: %s: %s. Training goes on; pass "
                "probe_data=(x, y) that apply_fn(params, x) takes.",
                probes.describe(self._probe_x),
                type(e).__name__,
                e,
            )
            return None, 0.0


def _deleted(value: Any) -> bool:
    is_deleted = getattr(value, "is_deleted", None)
    return bool(is_deleted()) if callable(is_deleted) else False
