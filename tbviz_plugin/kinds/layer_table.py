"""``layer_table``: a model's layers as a 1-D string tensor of JSON objects.

Tag ``<model>/layers``; each element is one layer in forward order: ``name``
(unique), ``type``, ``output_shape``, ``params`` and optionally
``trainable_params``. The content holds nothing beyond the kind.

Example:
    >>> s = layer_table("m/layers", [{"name": "fc", "type": "Linear",
    ...                               "output_shape": [None, 10], "params": 110}])
    >>> s.value[0].tensor.string_val[0]
    b'{"name":"fc","output_shape":[null,10],"params":110,"type":"Linear"}'
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Mapping, Optional

from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import metadata
from tbviz_plugin.kinds import base
from tbviz_plugin.kinds.base import Prepared, SummaryTensor

NAME = "layer_table"


def normalise_layer_row(row: Mapping[str, Any], index: int = 0) -> Dict[str, Any]:
    """Validates one layer-table row; the dict that is stored.

    Required: ``name`` (non-empty str), ``type`` (str), ``params`` (int >= 0).
    Optional: ``output_shape`` (a sequence of ints >= 0 or None for unknown
    sizes such as the batch, or None when unknown) and ``trainable_params``
    (int >= 0). Other JSON-serialisable keys are kept.

    Example:
        >>> normalise_layer_row({"name": "fc", "type": "Linear", "params": 3})["output_shape"]
    """
    where = f"rows[{index}]"
    if not isinstance(row, Mapping):
        raise TypeError(f"{where} must be a mapping, got {type(row).__name__}")
    name = row.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError(f"{where} needs a non-empty string 'name', got {name!r}")
    where = f"rows[{index}] ({name!r})"
    kind = row.get("type")
    if not isinstance(kind, str):
        raise TypeError(f"{where}['type'] must be a str (e.g. 'Dense'), got {kind!r}")
    if "params" not in row:
        raise ValueError(f"{where} needs 'params' (the layer's parameter count)")
    out = dict(row)
    out["params"] = base.check_count(row["params"], f"{where}['params']")
    if row.get("trainable_params") is not None:
        out["trainable_params"] = base.check_count(
            row["trainable_params"], f"{where}['trainable_params']"
        )
    else:
        out.pop("trainable_params", None)
    shape = row.get("output_shape")
    if shape is not None:
        if isinstance(shape, (str, bytes, Mapping)) or not isinstance(shape, Iterable):
            raise TypeError(
                f"{where}['output_shape'] must be a sequence of sizes or None, got {shape!r}"
            )
        shape = [
            None if n is None else base.check_count(n, f"{where}['output_shape'][{i}]")
            for i, n in enumerate(shape)
        ]
    out["output_shape"] = shape
    return base.checked_json(out, where)


def prepare(tag: str, rows: Iterable[Mapping[str, Any]]) -> Prepared:
    """Validates a model's layer table; see ``layer_table``."""
    base.check_tag(tag)
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise TypeError("rows must be a list of layer mappings in forward order")
    table = [normalise_layer_row(r, i) for i, r in enumerate(rows)]
    if not table:
        raise ValueError("rows is empty: give at least one layer")
    seen: Dict[str, int] = {}
    for i, row in enumerate(table):
        if row["name"] in seen:
            raise ValueError(
                f"rows[{i}] repeats the layer name {row['name']!r} of rows[{seen[row['name']]}]; "
                "names must be unique (other panels join on them)"
            )
        seen[row["name"]] = i
    encoded = base.encode_records(table)
    md = metadata.serialized_summary_metadata(NAME)
    return Prepared(tag, NAME, lambda: SummaryTensor(tag, md, encoded), md)


def layer_table(tag: str, rows: Iterable[Mapping[str, Any]]) -> summary_pb2.Summary:
    """A model's layers as a 1-D string tensor of JSON objects, in forward order.

    Args:
      tag: e.g. ``"model/layers"``.
      rows: mappings with ``name`` (unique), ``type`` (e.g. ``"Dense"``),
        ``output_shape`` (list of sizes, ``None`` for unknown ones such as the
        batch; or ``None``), ``params`` and optionally ``trainable_params``.

    Example:
        >>> s = layer_table("m/layers", [{"name": "fc", "type": "Linear",
        ...                               "output_shape": [None, 10], "params": 110}])
        >>> s.value[0].tensor.string_val[0]
        b'{"name":"fc","output_shape":[null,10],"params":110,"type":"Linear"}'
    """
    return prepare(tag, rows).build().to_proto()


def record(
    sink: Any,
    tag: str,
    rows: Iterable[Mapping[str, Any]],
    step: int,
    *,
    wall_time: Optional[float] = None,
) -> None:
    """Records a model's layer table: name, type, output shape, parameters.

    Example:
        >>> w.layer_table("model/layers", [{"name": "fc1", "type": "Linear",
        ...     "output_shape": [None, 128], "params": 100480}], step=0)  # doctest: +SKIP

    See ``tbviz_plugin.summary.layer_table`` for the row fields.
    """
    sink.send(prepare(tag, rows), step, wall_time)


KIND = base.Kind(name=NAME, prepare=prepare, methods={"layer_table": record}, numeric=False)
