"""The summary kinds tbviz writes, one module each, and their registry.

Every kind module holds its whole story: the content schema and its checks,
``prepare`` (validation on the caller's thread) and the build it returns, the
summary function for writers that take protos, the writer method, and how
readers check, diagnose and export it. Its ``KIND`` entry (``base.Kind``) is
registered here; the writer's methods, ``tf_summary``, the plugin's routes,
``events``, ``export`` and the CLI read the kinds from this registry. Adding a
kind is one module here plus its panel in the frontend.

Example:
    >>> get("gradient_flow").numeric
    True
    >>> tbviz_kinds()[:2]
    ('weight_surface', 'activation_map')
"""

from __future__ import annotations

from typing import Tuple

from tbviz_plugin.kinds import (
    activation_map,
    confusion_matrix,
    feature_importance,
    gradient_flow,
    health,
    image,
    layer_table,
    scalar,
    weight_surface,
)
from tbviz_plugin.kinds.base import Kind, Prepared, SummaryTensor

__all__ = ["ALL", "Kind", "Prepared", "SummaryTensor", "get", "tbviz_kinds"]

# In this order: tbviz's kinds as metadata.KINDS lists them, then TensorBoard's own.
ALL: Tuple[Kind, ...] = (
    weight_surface.KIND,
    activation_map.KIND,
    gradient_flow.KIND,
    health.KIND,
    layer_table.KIND,
    confusion_matrix.KIND,
    feature_importance.KIND,
    image.KIND,
    scalar.KIND,
)

_BY_NAME = {kind.name: kind for kind in ALL}


def get(name: str) -> Kind:
    """The registered kind called ``name``; a ``KeyError`` listing the known ones."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no summary kind {name!r}; known: {tuple(_BY_NAME)}") from None


def tbviz_kinds() -> Tuple[str, ...]:
    """The names of the kinds stored in tbviz's own format (``metadata``)."""
    from tbviz_plugin import metadata

    return tuple(k.name for k in ALL if k.plugin == metadata.PLUGIN_NAME)
