"""The layers of a parameter pytree: which leaves are weights, the layer and parameter
name of each leaf, the layers' order, and the layer table.

Example::

    tree = ParamTree(params, Options(), "model")
    tree.layers            # ['Dense_0', 'Dense_1']
    tree.leaves(grads, "grads")
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import jax
import jax.numpy as jnp
import numpy as np

from tbviz_plugin.integrations import common
from tbviz_plugin.integrations.core import Surface
from tbviz_plugin.integrations.jax.reduction import surface_spec
from tbviz_plugin.integrations.options import CallError, Options


class ParamTree:
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
            raise CallError("params is empty: there is no array to record")
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
            raise CallError("params has no floating-point array: there is no weight to record")
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
            k for k, shape in enumerate(self.shapes) if surface_spec(shape) is not None
        )
        self.params_of = {layer: [p for _, p in by_layer[layer]] for layer in self.layers}
        self.table_written = False

    def leaves(self, tree: Any, what: str) -> tuple:
        """The watched leaves of ``tree`` (``params`` or ``grads``), in layer order; a
        ``CallError`` naming ``what`` when its structure is not the first params'."""
        flat, treedef = jax.tree_util.tree_flatten(tree)
        if treedef != self.treedef:
            raise CallError(
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
            matrix_shape, form = surface_spec(self.shapes[k])
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
