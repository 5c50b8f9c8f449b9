"""``apply_fn``, the model's forward pass, as the JAX watch calls it: jitted scores for
the predictions and, for a Flax linen ``model.apply``, the outputs of its modules on
the probe batch (the activation maps) in their call order.

Example::

    forward = Forward(model.apply)
    forward.captures          # True for a linen Module's apply
    outputs = forward.capture(params, x_probe)   # {"Dense_0": ..., "Dense_1": ...}
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional

import jax


class Forward:
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
