"""What every summary kind is made of: the prepared value, the built tensor, the
argument checks they share, and ``Kind``, the entry a kind puts in the registry.

A kind module (``weight_surface``, ``gradient_flow`` ...) holds everything about
one kind: its ``prepare`` (validation on the caller's thread), the build it
returns (reshaping and pooling, run by a writer later), the summary function
for writers that take protos, the writer method, how its content and tensors
are checked when read, how it is diagnosed and exported. ``tbviz_plugin.kinds``
collects the modules' ``KIND`` entries in one registry.

Example:
    >>> Prepared("loss", "scalar", lambda: 1.0, b"").build()
    1.0
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
from typing import (
    IO,
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

import numpy as np
from tensorboard.compat.proto import summary_pb2, tensor_pb2, tensor_shape_pb2, types_pb2

from tbviz_plugin import metadata
from tbviz_plugin.checks import (  # noqa: F401 (the kinds' checks, in one place)
    check_choice,
    check_count,
    check_positive_int,
    check_step,
    check_tag,
)

LAYOUTS = ("auto", "channels_last", "channels_first")


@dataclasses.dataclass(frozen=True)
class SummaryTensor:
    """One summary value before encoding: a tag, its metadata and its tensor.

    ``metadata_bytes`` is the serialised ``SummaryMetadata`` (writers copy it
    into the first event of a tag as is). ``array`` is float32 (numeric kinds)
    or an object array of ``bytes`` (``health``, ``layer_table``); it is
    C-contiguous so writers can send its buffer as is.

    Example:
        >>> t = SummaryTensor("t", metadata.serialized_summary_metadata("health"),
        ...                   np.array([b"{}"], dtype=object))
        >>> t.to_proto().value[0].tensor.string_val
        [b'{}']
    """

    tag: str
    metadata_bytes: bytes
    array: np.ndarray

    def __post_init__(self) -> None:
        if not isinstance(self.metadata_bytes, bytes):  # a SummaryMetadata proto
            object.__setattr__(self, "metadata_bytes", self.metadata_bytes.SerializeToString())

    @property
    def metadata(self) -> summary_pb2.SummaryMetadata:
        return summary_pb2.SummaryMetadata.FromString(self.metadata_bytes)

    def to_tensor_proto(self) -> tensor_pb2.TensorProto:
        shape = tensor_shape_pb2.TensorShapeProto(
            dim=[tensor_shape_pb2.TensorShapeProto.Dim(size=n) for n in self.array.shape]
        )
        if self.array.dtype == object:
            return tensor_pb2.TensorProto(
                dtype=types_pb2.DT_STRING, tensor_shape=shape, string_val=list(self.array.ravel())
            )
        return tensor_pb2.TensorProto(
            dtype=types_pb2.DT_FLOAT,
            tensor_shape=shape,
            tensor_content=self.array.astype("<f4", copy=False).tobytes(),
        )

    def to_proto(self) -> summary_pb2.Summary:
        """A ``Summary`` proto for writers that take protos."""
        return summary_pb2.Summary(
            value=[
                summary_pb2.Summary.Value(
                    tag=self.tag, metadata=self.metadata, tensor=self.to_tensor_proto()
                )
            ]
        )


class Prepared:
    """One validated summary: its tag, kind, metadata and how to build its tensor.

    A plain value made on the caller's thread by a kind's ``prepare``; what a
    writer does with it (queueing, building early, checksums) is the writer's.

    Attributes:
      tag, kind: as given.
      build: a zero-argument function returning the ``SummaryTensor`` (the
        reshaping and pooling).
      metadata_bytes: the serialised ``SummaryMetadata`` the built summary
        carries, settled while validating, so that a writer can compare it with
        the tag's first at the call (TensorBoard keeps only a tag's first).
      nbytes: the bytes of array data this summary holds until it is built (the
        caller's snapshot): what a writer's queue bound counts.
      snapshot: the recyclable copy of the caller's array it holds (see
        ``tbviz_plugin.snapshots``), which a writer may give back once written.

    A plain class with slots (not a dataclass): one is made per summary on
    the caller's thread, and a frozen dataclass' ``__init__`` costs several
    times as much.

    Example:
        >>> Prepared("t", "scalar", lambda: 1.0, b"").build()
        1.0
    """

    __slots__ = ("tag", "kind", "build", "metadata_bytes", "nbytes", "snapshot")

    def __init__(
        self,
        tag: str,
        kind: str,
        build: Callable[[], SummaryTensor],
        metadata_bytes: bytes,
        nbytes: int = 0,
        snapshot: Optional[np.ndarray] = None,
    ) -> None:
        self.tag = tag
        self.kind = kind
        self.build = build
        self.metadata_bytes = metadata_bytes
        self.nbytes = nbytes
        self.snapshot = snapshot


# --------------------------------------------------------------------------- the registry entry


def _no_content_rule(content: Dict[str, Any]) -> None:
    """Content with nothing beyond ``v`` and ``kind`` to check."""


def _any_tensor(content: Dict[str, Any], array: np.ndarray) -> bool:
    return True


@dataclasses.dataclass(frozen=True)
class Kind:
    """What the writer, the readers and the CLI need to know about one kind.

    Attributes:
      name: the ``kind`` of its content (``"weight_surface"``), or for
        TensorBoard's own formats the method name (``"scalar"``, ``"image"``).
      prepare: validates a call's arguments and returns a ``Prepared``.
      methods: the writer methods this kind adds to every tbviz sink (``Writer``,
        ``attach``), by name; each records through ``sink.send``.
      plugin: the TensorBoard plugin that shows it: tbviz's own kinds are in
        the tbviz format (``metadata``); ``"scalars"`` and ``"images"`` are
        TensorBoard's own dashboards.
      numeric: its tensor is float32 (served by the tensor route, exported as
        arrays); else a 1-D string tensor of JSON records.
      tf_summary: ``tbviz_plugin.tf_summary`` offers it as an op; ``inputs`` is
        how many array arguments follow the name there.
      step_in_prepare: ``prepare`` takes the step after the arrays (health: the
        events' default step).
      check_content: raises ``ValueError`` when a tag's content lacks what the
        readers rely on.
      tensor_matches: whether a stored tensor agrees with its tag's content.
      step_shape: for kinds diagnosed at read time: one step's tensor shape,
        from the content (an empty series stacks to ``[0, *step_shape]``).
      diagnose: for those kinds: ``(content, steps, table, loss, types)`` ->
        health events, ``table`` being every kept step stacked.
      export: writes a tag's steps to a file, as
        ``export(steps, content, fmt, out, step=, stat=, title=)`` returning what
        it wrote (``tbviz_plugin.export`` validates the request first, and keeps
        only the asked-for step); None for kinds that hold records, not arrays.
      export_stat: its export takes a ``stat`` (which statistic a PNG shows).
    """

    name: str
    prepare: Callable[..., Prepared]
    methods: Mapping[str, Callable[..., None]]
    plugin: str = metadata.PLUGIN_NAME
    numeric: bool = True
    tf_summary: bool = False
    inputs: int = 1
    step_in_prepare: bool = False
    check_content: Callable[[Dict[str, Any]], None] = _no_content_rule
    tensor_matches: Callable[[Dict[str, Any], np.ndarray], bool] = _any_tensor
    step_shape: Optional[Callable[[Dict[str, Any]], Tuple[int, ...]]] = None
    diagnose: Optional[Callable[..., List[Dict[str, Any]]]] = None
    export: Optional[Callable[..., Dict[str, Any]]] = None
    export_stat: bool = False


# --------------------------------------------------------------------------- shared checks


def check_names(value: Any, name: str, count: Optional[int] = None) -> List[str]:
    """A list of non-empty strings (class or feature names), ``count`` long if given.

    Example:
        >>> check_names(("cat", "dog"), "class_names", 2)
        ['cat', 'dog']
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a sequence of strings, got {type(value).__name__}")
    names = list(value)
    for i, item in enumerate(names):
        if not isinstance(item, str) or not item:
            raise TypeError(f"{name}[{i}] must be a non-empty str, got {item!r}")
    if not names:
        raise ValueError(f"{name} is empty")
    if count is not None and len(names) != count:
        raise ValueError(f"{name} has {len(names)} names but there are {count}")
    return names


def is_torch(value: Any) -> bool:
    """Whether ``value`` is a torch tensor (checked without importing torch)."""
    return hasattr(value, "detach") and type(value).__module__.startswith("torch")


def resolve_layout(layout: str, value: Any) -> str:
    """``layout`` checked, ``"auto"`` made ``channels_first`` for torch and
    ``channels_last`` for everything else (Keras' order).

    Example:
        >>> resolve_layout("auto", np.ones(3))
        'channels_last'
    """
    check_choice(layout, "layout", LAYOUTS)
    if layout == "auto":
        return "channels_first" if is_torch(value) else "channels_last"
    return layout


def checked_json(record: Dict[str, Any], where: str) -> Dict[str, Any]:
    """``record`` when it is JSON-serialisable (no NaN); a ``TypeError`` naming ``where``."""
    try:
        metadata.encode_content(record)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{where} must be JSON-serialisable: {e}") from None
    return record


def encode_records(records: Sequence[Dict[str, Any]]) -> np.ndarray:
    """A 1-D object array of each record as compact sorted JSON bytes (the string
    tensor of the record kinds: ``health``, ``layer_table``).

    Example:
        >>> encode_records([{"b": 1, "a": None}])[0]
        b'{"a":null,"b":1}'
    """
    encoded = np.empty(len(records), dtype=object)
    for i, record in enumerate(records):
        encoded[i] = metadata.encode_content(record)
    return encoded


def decode_records(array: Any) -> List[Union[Dict[str, Any], Exception]]:
    """Each element of a record kind's string tensor decoded from JSON: a dict, or
    the error saying why it is not a JSON object (readers show or skip it).

    Example:
        >>> decode_records(np.array([b'{"a":1}', b"[1]"], dtype=object))
        [{'a': 1}, ValueError('not a JSON object')]
    """
    out: List[Union[Dict[str, Any], Exception]] = []
    for item in np.asarray(array, dtype=object).ravel():
        try:
            record = json.loads(item.decode("utf-8") if isinstance(item, bytes) else item)
        except (AttributeError, UnicodeDecodeError, ValueError, TypeError) as e:
            out.append(e)
            continue
        out.append(record if isinstance(record, dict) else ValueError("not a JSON object"))
    return out


def format_cell(x: float) -> str:
    """A number as CSV text: ``repr`` of the float, ``nan``/``inf`` spelled out.

    Example:
        >>> format_cell(0.5), format_cell(float("-inf"))
        ('0.5', '-inf')
    """
    return repr(float(x)) if math.isfinite(x) else str(float(x))


def write_csv(stream: IO[str], array: np.ndarray) -> None:
    """A 2-D array as CSV, ``nan``/``inf`` spelled out.

    Example:
        >>> import io
        >>> buf = io.StringIO(); write_csv(buf, np.eye(2)); buf.getvalue().splitlines()[0]
        '1.0,0.0'
    """
    writer = csv.writer(stream, lineterminator="\n")
    for row in np.atleast_2d(array):
        writer.writerow([format_cell(x) for x in row])


Png = Callable[[np.ndarray, Dict[str, Any], str, str], None]
LabelledRows = Callable[[np.ndarray, Dict[str, Any]], Optional[List[List[str]]]]


def step_exporter(png: Png, labelled_rows: Optional[LabelledRows] = None) -> Callable[..., Any]:
    """The ``Kind.export`` of a kind exported one step at a time (the last kept, or
    the one asked for): NPY as stored, CSV (``labelled_rows``' header and rows when
    it gives them, else the array's rows), PNG drawn by ``png(array, content,
    title, out)``."""

    def export(
        steps: Sequence[Any],
        content: Dict[str, Any],
        fmt: str,
        out: str,
        *,
        step: Optional[int],
        stat: Optional[str],
        title: str,
    ) -> Dict[str, Any]:
        chosen = steps[-1]
        array = chosen.array
        if fmt == "npy":
            np.save(out, array)
        elif fmt == "csv":
            rows = labelled_rows(array, content) if labelled_rows is not None else None
            with open(out, "w", newline="") as f:
                if rows is None:
                    write_csv(f, array.reshape(-1, array.shape[-1]))
                else:
                    csv.writer(f, lineterminator="\n").writerows(rows)
        else:
            png(array, content, f"{title}  step {chosen.step}", out)
        return {
            "kind": content["kind"],
            "step": chosen.step,
            "shape": list(array.shape),
            "out": out,
        }

    return export
