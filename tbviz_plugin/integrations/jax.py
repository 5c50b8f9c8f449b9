"""JAX / Flax / optax: ``watch(log_dir)`` records weights, gradient flow and health of
any parameter pytree, from the user's own training loop.

Example::

    from tbviz_plugin.integrations.jax import watch

    w = watch("logs/run1")                      # or a tbviz.Writer
    for x, y in batches:
        loss, grads = jax.value_and_grad(loss_fn)(params, x, y)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        w.step(params=params, grads=grads, loss=loss)   # after the update
    w.close()                                   # logs the last step, closes the file

``with watch("logs/run1") as w: ...`` does the same, ``close()`` included.

Parameters are any pytree: Flax linen ``variables["params"]`` (or the whole
``variables``), an nnx ``State`` (``nnx.state(model, nnx.Param)``), plain dicts
and lists. A layer is the pytree path above its leaves (``Dense_0`` for
``Dense_0/kernel``; an nnx ``Variable``'s ``.value`` is left out of the path),
in the pytree's order with dicts in insertion order (Flax linen: the order the
modules were created). Leaves that are not floating point (step counters) are
not weights.

What is recorded at each logged step (see ``every`` and docs/integrations.md):

* ``<layer>/<param>`` weight surfaces, max-abs pooled on the device;
* ``<name>/gradient_flow``: per-layer statistics of ``grads`` plus ``weight_l2``
  and ``update_ratio`` against the last logged params;
* ``<name>/health``: events from ``tbviz_plugin.diagnose`` (once per problem);
* ``<layer>`` activation maps and predictions on ``probe_data``, only with an
  ``apply_fn`` (JAX has no module to hook): activation maps for a Flax linen
  ``model.apply`` (its ``capture_intermediates``), predictions for any
  ``apply_fn(params, x) -> scores``;
* scalars: ``batch_loss``, ``learning_rate``, ``batch_<metric>`` (given to
  ``step``), ``system/*`` resource use.

Arrays on the CPU are reduced with numpy, in place in their buffers (nothing to
compile); arrays on an accelerator by one jitted ``jax.numpy`` function on their
device, and everything a logged step writes comes to the host in one
``jax.device_get``. Nothing is done with the arrays at the steps not logged.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from tbviz_plugin import diagnose, reduce, summary
from tbviz_plugin.integrations import common, probes
from tbviz_plugin.integrations.core import FLOW, FULL, ActivationMap, StepLogger, Surface
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


class JaxWatch:
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
        self._model = _Forward(apply_fn) if apply_fn is not None else None
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
        self._tree: Optional[_Tree] = None  # the params' layers, fixed at the first log
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

    def log_epoch(self, epoch: int, loss: Any = None, val_loss: Any = None, **metrics: Any) -> None:
        """Writes ``epoch_<name>`` scalars at step ``epoch`` and diagnoses the loss curves."""
        values = dict(metrics)
        if loss is not None:
            values["loss"] = loss
        if val_loss is not None:
            values["val_loss"] = val_loss
        self.recorder.log_epoch(epoch, jax.device_get(values), self.num_classes)

    @property
    def layers(self) -> List[str]:
        """Watched layers in the pytree's order (known after the first step)."""
        return list(self._tree.layers) if self._tree is not None else []

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Health events written so far."""
        return self.recorder.events

    def flush(self) -> None:
        self.writer.flush()

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
            if self._owned:
                self.writer.close()
            else:
                self.writer.flush()

    def __enter__(self) -> JaxWatch:
        return self

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
                self._tree = _Tree(params, self.options, self.name, forward)
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
                if _on_host(weights + (grad_leaves or ())):
                    reduced = _reduce_on_host(
                        weights, grad_leaves, prev, groups=tree.groups, surfaces=surfaces, sums=sums
                    )
                else:
                    reduced, seconds = self._timed(
                        ("reduce", full, grad_leaves is not None),
                        lambda: _reduce(
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


# --------------------------------------------------------------------------- layers


class _Tree:
    """The layers of a parameter pytree, fixed at the first log.

    ``leaves(tree)`` gives the watched floating-point leaves of a pytree of
    the same structure, in layer order; ``groups[i]`` the indices of layer
    ``i``'s leaves among them; ``surfaces`` the indices that get a surface.
    """

    def __init__(
        self, params: Any, options: Options, name: str, forward: Optional[Sequence[str]] = None
    ) -> None:
        flat, self.treedef = jax.tree_util.tree_flatten_with_path(params)
        if not flat:
            raise ValueError("params is empty: there is no array to record")
        order = sorted(range(len(flat)), key=lambda i: _natural_key(flat[i][0]))
        by_layer: Dict[str, List[Tuple[int, str]]] = {}
        shapes: Dict[int, Tuple[int, ...]] = {}
        for i in order:
            path, leaf = flat[i]
            if not jnp.issubdtype(getattr(leaf, "dtype", np.float64), jnp.floating):
                continue  # counters and integer state are not weights
            layer, param = _layer_and_param(path, name)
            by_layer.setdefault(layer, []).append((i, param))
            shapes[i] = tuple(np.shape(leaf))
        if not by_layer:
            raise ValueError("params has no floating-point array: there is no weight to record")
        layers = list(by_layer)
        if forward:  # the probe's call order; layers it did not call go last
            position = {module: n for n, module in enumerate(forward)}
            layers.sort(key=lambda layer: position.get(_module_path(layer), len(position)))
        self.layers = options.select(layers, name)
        self.indices: List[int] = []  # flat indices of the watched leaves, in layer order
        self.tags: List[str] = []
        self.shapes: List[Tuple[int, ...]] = []
        groups = []
        for layer in self.layers:
            start = len(self.indices)
            for i, param in by_layer[layer]:
                self.indices.append(i)
                self.tags.append(f"{layer}/{param}")
                self.shapes.append(shapes[i])
            groups.append(tuple(range(start, len(self.indices))))
        self.groups = tuple(groups)
        self.surfaces = tuple(
            k for k, shape in enumerate(self.shapes) if _surface_spec(shape) is not None
        )
        self.params_of = {layer: [p for _, p in by_layer[layer]] for layer in self.layers}
        self.table_written = False

    def leaves(self, tree: Any, what: str) -> tuple:
        """The watched leaves of ``tree`` (``params`` or ``grads``), in layer order; a
        ``ValueError`` naming ``what`` when its structure is not the first params'."""
        flat, treedef = jax.tree_util.tree_flatten(tree)
        if treedef != self.treedef:
            raise ValueError(
                f"{what} does not have the structure of the params of the first step: "
                f"{_difference(tree, self.treedef)}"
            )
        return tuple(flat[i] for i in self.indices)

    def maps(self, outputs: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
        """The watched layers' activation maps among a probe's module ``outputs``
        (``[samples, units]``, or one sample of a conv map), still on the device."""
        maps = {}
        for layer in self.layers:
            out = (outputs or {}).get(_module_path(layer))
            if out is not None and getattr(out, "ndim", 0) >= 1:
                maps[layer] = out if out.ndim <= 2 else out[:1]
        return maps

    def surface_records(self, pooled: Sequence[np.ndarray]) -> List[Surface]:
        """The ``Surface`` of each pooled leaf (``pooled`` in ``surfaces`` order)."""
        out = []
        for k, values in zip(self.surfaces, pooled):
            matrix_shape, form = _surface_spec(self.shapes[k])
            out.append(
                Surface(
                    self.tags[k],
                    np.asarray(values, dtype=np.float32),
                    self.shapes[k],
                    matrix_shape,
                    form,
                )
            )
        return out

    def write_table(self, writer: Any, name: str, maps: Mapping[str, Any]) -> None:
        """The ``<name>/layers`` table: each layer's parameters (its ``type`` lists
        their names: a pytree does not know its module's class) and, with a
        linen ``apply_fn`` and ``probe_data``, its output shape on the probe."""
        self.table_written = True
        shapes = {k: tuple(np.shape(v)) for k, v in maps.items()}
        rows = []
        for layer, group in zip(self.layers, self.groups):
            count = sum(int(np.prod(self.shapes[k])) for k in group)
            rows.append(
                {
                    "name": layer,
                    "type": ", ".join(self.params_of[layer]),
                    "output_shape": list(shapes[layer]) if layer in shapes else None,
                    "params": count,
                    "trainable_params": count,
                }
            )
        common.write_layer_table(writer, f"{name}/layers", rows)


def _layer_and_param(path: Sequence[Any], name: str) -> Tuple[str, str]:
    """``("params/Dense_0", "kernel")`` for the path ``['params']['Dense_0']['kernel']``;
    an nnx ``Variable``'s trailing ``.value`` is left out; a leaf at the root is a
    parameter of the layer ``name``."""
    keys = [_key_name(k) for k in path]
    if len(keys) > 1 and isinstance(path[-1], jax.tree_util.GetAttrKey) and keys[-1] == "value":
        keys = keys[:-1]
    if not keys:
        return name, "params"
    if len(keys) == 1:
        return name, keys[0]
    return "/".join(keys[:-1]), keys[-1]


def _key_name(key: Any) -> str:
    for attr in ("key", "idx", "name"):  # DictKey, SequenceKey / FlattenedIndexKey, GetAttrKey
        if hasattr(key, attr):
            return str(getattr(key, attr))
    return str(key)


def _natural_key(path: Sequence[Any]) -> list:
    """A path's sort key with numbers compared as numbers (``Dense_2`` before
    ``Dense_10``): JAX returns dicts sorted by key, so their order of creation is lost."""
    key = []
    for k in path:
        for part in re.split(r"(\d+)", _key_name(k)):
            key.append((0, int(part), "") if part.isdigit() else (1, 0, part))
        key.append((-1, 0, ""))  # the end of a key sorts before any longer key
    return key


def _difference(tree: Any, treedef: Any) -> str:
    """Where ``tree`` differs from ``treedef``: the first path found in one and not the other."""
    got = [jax.tree_util.keystr(p) for p, _ in jax.tree_util.tree_flatten_with_path(tree)[0]]
    want_tree = jax.tree_util.tree_unflatten(treedef, [0] * treedef.num_leaves)
    want = [jax.tree_util.keystr(p) for p, _ in jax.tree_util.tree_flatten_with_path(want_tree)[0]]
    missing = [p for p in want if p not in set(got)]
    extra = [p for p in got if p not in set(want)]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}")
        if extra:
            parts.append(f"not in params {', '.join(extra[:3])}{' ...' if len(extra) > 3 else ''}")
        return f"{len(got)} leaves, params has {len(want)}; " + "; ".join(parts)
    return f"same paths, other containers ({jax.tree_util.tree_structure(tree)} vs {treedef})"


def _module_path(layer: str) -> str:
    """The linen module path of a layer: ``Dense_0`` for ``params/Dense_0`` or ``Dense_0``."""
    return layer[len("params/") :] if layer.startswith("params/") else layer


def _deleted(value: Any) -> bool:
    is_deleted = getattr(value, "is_deleted", None)
    return bool(is_deleted()) if callable(is_deleted) else False


# --------------------------------------------------------------------------- the forward pass


class _Forward:
    """``apply_fn`` as tbviz calls it: ``scores(params, x)`` and, for a Flax linen
    ``model.apply``, ``capture(params, x)``, the outputs of its modules by path."""

    def __init__(self, apply_fn: Callable[..., Any]) -> None:
        self.apply_fn = apply_fn
        target = getattr(apply_fn, "func", apply_fn)  # through functools.partial
        owner = getattr(target, "__self__", None)
        self.captures = _is_linen_module(owner) and getattr(target, "__name__", "") == "apply"
        self.forward: Optional[List[str]] = None  # module paths in call order, once traced
        self._scores = jax.jit(lambda params, x: self.apply_fn(self._variables(params), x))
        self._capture = jax.jit(self._capture_fn)

    def _variables(self, params: Any) -> Any:
        """Linen's ``apply`` takes ``{"params": ...}``; other functions take ``params``."""
        if self.captures and not (isinstance(params, Mapping) and "params" in params):
            return {"params": params}
        return params

    def scores(self, params: Any, x: Any) -> Any:
        return self._scores(params, x)

    def capture(self, params: Any, x: Any) -> Dict[str, Any]:
        return self._capture(params, x)

    def _capture_fn(self, params: Any, x: Any) -> Dict[str, Any]:
        _, state = self.apply_fn(
            self._variables(params), x, capture_intermediates=True, mutable=["intermediates"]
        )
        outputs: Dict[str, Any] = {}

        # Inside the trace the collection still has Flax's call order (JAX's
        # outputs sort it): the modules' forward order, kept for the layer order.
        def walk(node: Mapping[str, Any], prefix: List[str]) -> None:
            for key, value in node.items():
                if key == "__call__" and prefix:  # a tuple: the output of each call
                    leaves = jax.tree_util.tree_leaves(value[0])
                    if leaves:
                        outputs["/".join(prefix)] = leaves[0]
                elif isinstance(value, Mapping):
                    walk(value, prefix + [str(key)])

        walk(state.get("intermediates", {}), [])
        self.forward = list(outputs)
        return outputs


def _is_linen_module(owner: Any) -> bool:
    try:
        from flax import linen
    except ImportError:  # no Flax: apply_fn is a plain function
        return False
    return isinstance(owner, linen.Module)


# --------------------------------------------------------------------------- reduction


def _surface_spec(shape: Tuple[int, ...]) -> Optional[Tuple[Tuple[int, int], str]]:
    """``(matrix_shape, form)`` of a leaf's surface (JAX kernels are channels last:
    Dense ``(in, out)``, Conv ``(kh, kw, in, out)``); None for shapes it cannot show."""
    return summary.surface_layout(shape, "channels_last")


@functools.partial(jax.jit, static_argnames=("groups", "surfaces", "sums"))
def _reduce(
    weights: tuple,
    grads: Optional[tuple],
    prev: tuple,
    *,
    groups: Tuple[Tuple[int, ...], ...],
    surfaces: Tuple[int, ...],
    sums: bool,
) -> tuple:
    """Everything a log needs from the arrays, reduced on their device.

    Returns ``(partials [layers, common.Partial], weight sums [layers,
    common.WeightSum], pooled surfaces of the leaves ``surfaces``, float32
    copies of the weights)``: the copies are the next log's ``prev``, so a
    jitted train step that donates its params cannot delete them.
    """
    rows, weight_rows = [], []
    for group in groups:
        if grads is None:
            rows.append(jnp.asarray(common.NO_GRADIENT, jnp.float32))
        else:
            rows.append(_partials([grads[k] for k in group]))
        if sums:
            weight_rows.append(_weight_sums([weights[k] for k in group], [prev[k] for k in group]))
    partials = jnp.stack(rows)
    weight_sums = jnp.stack(weight_rows) if sums else jnp.zeros((len(groups), 3), jnp.float32)
    pooled = tuple(_pooled_surface(weights[k]) for k in surfaces)
    copies = tuple(w.astype(jnp.float32) for w in weights) if sums else ()
    return partials, weight_sums, pooled, copies


def _partials(grads: Sequence[Any]) -> Any:
    """The ``common.Partial`` sums of one layer's gradients.

    The fast form assumes every element is finite (sums of magnitudes and
    squares, the extremes and the zeros: XLA's CPU counts ``isfinite`` several
    times slower than these); when its sums are not finite, ``lax.cond`` runs
    the exact form instead, in the same call.
    """
    g = jnp.concatenate([jnp.ravel(t).astype(jnp.float32) for t in grads])
    n = jnp.float32(g.size)
    zeros = jnp.sum(g == 0, dtype=jnp.float32)
    sum_abs = jnp.sum(jnp.abs(g))
    max_abs = jnp.maximum(-jnp.min(g, initial=0.0), jnp.max(g, initial=0.0))
    sumsq = jnp.sum(g * g)

    def fast() -> Any:
        scale = jnp.where(max_abs > 0, max_abs, 1.0)
        return jnp.stack([sum_abs, max_abs, sumsq / scale / scale, n, 0.0, n, zeros])

    def exact() -> Any:  # NaN/Inf counted apart; magnitudes over finite elements, scaled
        finite = jnp.isfinite(g)
        a = jnp.where(finite, jnp.abs(g), 0.0)
        top = jnp.max(a, initial=0.0)
        scale = jnp.where(top > 0, top, 1.0)
        return jnp.stack(
            [
                jnp.sum(a),
                top,
                jnp.sum(jnp.square(a / scale)),
                jnp.sum(finite, dtype=jnp.float32),
                jnp.sum(jnp.isnan(g), dtype=jnp.float32),
                n,
                zeros,
            ]
        )

    return lax.cond(jnp.isfinite(sum_abs) & jnp.isfinite(sumsq), fast, exact)


def _weight_sums(weights: Sequence[Any], prev: Sequence[Any]) -> Any:
    """``common.WeightSum`` of one layer: ``sum w²``, ``sum (w - w_prev)²``, ``sum w_prev²``."""
    w = jnp.concatenate([jnp.ravel(t).astype(jnp.float32) for t in weights])
    p = jnp.concatenate([jnp.ravel(t).astype(jnp.float32) for t in prev])
    return jnp.stack([jnp.sum(w * w), jnp.sum(jnp.square(w - p)), jnp.sum(p * p)])


def _pooled_surface(weight: Any, grid: Tuple[int, int] = summary.DEFAULT_SURFACE_GRID) -> Any:
    """The leaf's surface matrix max-abs pooled to ``grid`` as ``reduce.pool_max_abs``
    does: each block's element of largest magnitude, sign kept; NaN wins, then Inf;
    ``x`` beats ``-x``; a ragged last block padded with zeros."""
    (rows, cols), _ = _surface_spec(tuple(weight.shape))
    m = weight.astype(jnp.float32).reshape(rows, cols)
    out_r, br, out_c, bc = reduce.pooled_grid_shape(rows, cols, grid)
    if br == 1 and bc == 1:
        return m
    m = jnp.pad(m, ((0, out_r * br - rows), (0, out_c * bc - cols)))
    # Rows of each block first, then columns of the result: XLA's CPU reduces one
    # axis at a time several times faster than both axes of a 4-D view at once.
    by_rows = m.reshape(out_r, br, out_c * bc)
    high = by_rows.max(axis=1).reshape(out_r, out_c, bc).max(axis=2)
    low = by_rows.min(axis=1).reshape(out_r, out_c, bc).min(axis=2)
    # XLA's CPU max/min may drop NaN (its fast min/max), so a NaN block is marked apart.
    nan = jnp.isnan(m).reshape(out_r, br, out_c, bc).any(axis=(1, 3))
    return jnp.where(nan, jnp.nan, jnp.where(-low > high, low, high))


# --------------------------------------------------------------------------- reduction on the host


def _on_host(leaves: Sequence[Any]) -> bool:
    """Whether every leaf is in host memory (a JAX array on CPU devices, or not a
    JAX array), where numpy reads it in place without a transfer."""
    for leaf in leaves:
        devices = getattr(leaf, "devices", None)
        if callable(devices) and any(d.platform != "cpu" for d in devices()):
            return False
    return True


def _host_view(leaf: Any) -> np.ndarray:
    """The leaf as a float32 numpy array: a read-only view of a float32 CPU array's
    buffer (no copy), a float32 copy of other dtypes."""
    return np.asarray(leaf).astype(np.float32, copy=False)


def _reduce_on_host(
    weights: tuple,
    grads: Optional[tuple],
    prev: tuple,
    *,
    groups: Tuple[Tuple[int, ...], ...],
    surfaces: Tuple[int, ...],
    sums: bool,
) -> tuple:
    """``_reduce``'s results computed with numpy on arrays in host memory: the same
    statistics without compiling anything.

    No view of a leaf's buffer outlives the call (pooled surfaces and the copies
    for the next log's ``prev`` are new arrays), so a train step that donates its
    params can still reuse their buffers.
    """
    rows, weight_rows = [], []
    for group in groups:
        if grads is None:
            rows.append(common.NO_GRADIENT)
        else:
            rows.append(_host_partials([_host_view(grads[k]) for k in group]))
        if sums:
            weight_rows.append(
                _host_weight_sums(
                    [_host_view(weights[k]) for k in group], [_host_view(prev[k]) for k in group]
                )
            )
    partials = np.asarray(rows, dtype=np.float64)
    if sums:
        weight_sums = np.asarray(weight_rows, dtype=np.float64)
    else:
        weight_sums = np.zeros((len(groups), 3), np.float64)
    pooled = tuple(_host_pooled_surface(_host_view(weights[k])) for k in surfaces)
    copies = tuple(np.array(w, dtype=np.float32) for w in weights) if sums else ()
    return partials, weight_sums, pooled, copies


def _host_partials(grads: Sequence[np.ndarray]) -> Tuple[float, ...]:
    """``_partials`` on the host: the same fast form while every sum is finite, the
    exact form (NaN and Inf counted apart, magnitudes over finite elements) otherwise."""
    n = sum(g.size for g in grads)
    zeros = sum(g.size - np.count_nonzero(g) for g in grads)
    sum_abs, max_abs, sumsq = 0.0, 0.0, 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        for g in grads:
            flat = g.reshape(-1)
            a = np.abs(flat)
            sum_abs += float(a.sum(dtype=np.float32))
            max_abs = max(max_abs, float(np.max(a, initial=0.0)))
            sumsq += float(np.dot(flat, flat))
    if math.isfinite(sum_abs) and math.isfinite(sumsq):
        scale = max_abs if max_abs > 0 else 1.0
        return (sum_abs, max_abs, sumsq / scale / scale, n, 0.0, n, zeros)
    finite_count, nan_count, sum_abs, top = 0, 0, 0.0, 0.0
    finite_abs = []
    for g in grads:
        flat = g.reshape(-1)
        finite = np.isfinite(flat)
        a = np.where(finite, np.abs(flat), np.float32(0))
        finite_abs.append(a)
        finite_count += int(np.count_nonzero(finite))
        nan_count += int(np.count_nonzero(np.isnan(flat)))
        sum_abs += float(a.sum(dtype=np.float32))
        top = max(top, float(np.max(a, initial=0.0)))
    scale = np.float32(top if top > 0 else 1.0)
    sumsq_scaled = sum(float(np.square(a / scale).sum(dtype=np.float32)) for a in finite_abs)
    return (sum_abs, top, sumsq_scaled, finite_count, nan_count, n, zeros)


def _host_weight_sums(weights: Sequence[np.ndarray], prev: Sequence[np.ndarray]) -> List[float]:
    """``_weight_sums`` on the host: ``sum w²``, ``sum (w - w_prev)²``, ``sum w_prev²``."""
    out = [0.0, 0.0, 0.0]
    with np.errstate(over="ignore", invalid="ignore"):
        for w, p in zip(weights, prev):
            w, p = w.reshape(-1), p.reshape(-1)
            change = w - p
            out[0] += float(np.dot(w, w))
            out[1] += float(np.dot(change, change))
            out[2] += float(np.dot(p, p))
    return out


def _host_pooled_surface(weight: np.ndarray) -> np.ndarray:
    """The leaf's surface matrix max-abs pooled as ``Writer.weight_surface`` pools it
    (``reduce.pool_max_abs``), always a new array."""
    (rows, cols), _ = _surface_spec(tuple(weight.shape))
    m = weight.reshape(rows, cols)
    pooled, _ = reduce.pool_max_abs(m, summary.DEFAULT_SURFACE_GRID)
    return np.array(pooled) if np.may_share_memory(pooled, m) else pooled
