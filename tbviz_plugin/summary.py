"""numpy -> tbviz summaries, one function per kind; no I/O, no TensorFlow.

Each kind is built in two steps so that writers can split the work:

* ``prepare_<kind>(...)`` validates the arguments (raising ``ValueError`` or
  ``TypeError`` that names the argument) and copies the array. It is cheap and
  runs on the caller's thread, so errors surface where the mistake was made.
* the returned ``Prepared`` object's ``build()`` does the reshaping and pooling
  and returns a ``SummaryTensor``; ``tbviz.Writer`` calls it on its background
  thread.

The plain functions (``weight_surface`` etc.) do both and return a ``Summary``
proto for any writer that takes protos.

Example:
    >>> import numpy as np
    >>> s = weight_surface("dense/kernel", np.ones((784, 128)))
    >>> s.value[0].tag, list(s.value[0].tensor.tensor_shape.dim[0:1][0:1])[0].size
    ('dense/kernel', 196)
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import numbers
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from tensorboard.compat.proto import summary_pb2, tensor_pb2, tensor_shape_pb2, types_pb2

from tbviz_plugin import metadata, reduce, snapshots

DEFAULT_SURFACE_GRID = (256, 256)
DEFAULT_DENSE_GRID = (256, 256)
DEFAULT_CHANNEL_GRID = (64, 64)
SEVERITIES = ("info", "warning", "error")
QUANTITIES = ("weight", "grad")
LAYOUTS = ("auto", "channels_last", "channels_first")
_MAX_TAG_LENGTH = 4096
_FLOAT32 = np.dtype(np.float32)


@dataclasses.dataclass(frozen=True)
class SummaryTensor:
    """One summary value before encoding: a tag, its metadata and its tensor.

    ``metadata_bytes`` is the serialised ``SummaryMetadata`` (writers copy it
    into the first event of a tag as is). ``array`` is float32 (numeric kinds)
    or an object array of ``bytes`` (``health``, ``layer_table``); it is
    C-contiguous so writers can send its buffer as is.
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
    """Validated arguments of one summary; ``build()`` does the heavy work.

    Attributes:
      tag, kind: as given.
      content: the plugin content, for kinds that settle it while validating
        (a writer remembers a confusion matrix's classes from it), else None.
      release: for a writer to call once the record is written (it gives the
        caller's snapshot buffer back to ``snapshots``), or None.
      nbytes: the bytes of array data (the caller's snapshot) this summary holds
        until it is built: what a writer's queue bound counts.
      metadata_bytes: the serialised ``SummaryMetadata`` the built summary will
        carry, settled while validating, so that a writer can compare it with
        the tag's first at the call (TensorBoard keeps only a tag's first).

    A plain class with slots (not a dataclass): one is made per summary on
    the caller's thread, and a frozen dataclass' ``__init__`` costs several
    times as much.

    Example:
        >>> Prepared("t", "scalar", lambda: 1.0).build()
        1.0
    """

    __slots__ = (
        "tag",
        "kind",
        "_build",
        "content",
        "release",
        "nbytes",
        "metadata_bytes",
        "_built",
        "tensor_crc",
    )

    def __init__(
        self,
        tag: str,
        kind: str,
        _build: Callable[[], SummaryTensor],
        content: Optional[Dict[str, Any]] = None,
        release: Optional[Callable[[], None]] = None,
        nbytes: int = 0,
        metadata_bytes: Optional[bytes] = None,
    ) -> None:
        self.tag = tag
        self.kind = kind
        self._build = _build
        self.content = content
        self.release = release
        self.nbytes = nbytes
        self.metadata_bytes = metadata_bytes
        self._built: Optional[SummaryTensor] = None
        # The CRC32C of the built tensor's bytes, when a writer took it early.
        self.tensor_crc: Optional[int] = None

    def build(self) -> SummaryTensor:
        """The summary (built once: ``build_now`` may have built it already)."""
        built = self._built
        return self._build() if built is None else built

    def build_now(self) -> SummaryTensor:
        """Builds the summary now and keeps it for ``build``: a writer whose
        background thread is behind has the caller's thread build it (pooling,
        for one) instead of soon waiting for room in its queue."""
        if self._built is None:
            self._built = self._build()
        return self._built


# --------------------------------------------------------------------------- checks


def check_tag(tag: Any) -> str:
    if not isinstance(tag, str):
        raise TypeError(f"tag must be a str, got {type(tag).__name__}")
    if not tag or not tag.strip():
        raise ValueError("tag must be a non-empty string")
    if "\x00" in tag:
        raise ValueError(f"tag must not contain NUL characters: {tag!r}")
    if len(tag) > _MAX_TAG_LENGTH:
        raise ValueError(f"tag is {len(tag)} characters long; the limit is {_MAX_TAG_LENGTH}")
    return tag


def check_step(step: Any) -> int:
    """A non-negative integer (Python or numpy int; not bool, not float)."""
    if isinstance(step, bool) or not isinstance(step, numbers.Integral):
        raise TypeError(f"step must be an integer, got {type(step).__name__} {step!r}")
    step = int(step)
    if step < 0 or step >= 2**63:
        raise ValueError(f"step must be in [0, 2**63), got {step}")
    return step


def _check_choice(value: Any, name: str, choices: Sequence[str]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")
    return value


def _is_torch(value: Any) -> bool:
    return hasattr(value, "detach") and type(value).__module__.startswith("torch")


def _resolve_layout(layout: str, value: Any) -> str:
    _check_choice(layout, "layout", LAYOUTS)
    if layout == "auto":
        return "channels_first" if _is_torch(value) else "channels_last"
    return layout


# --------------------------------------------------------------------------- weight surface


# Checked (tag, quantity, max_grid, layout) -> the grid: a training loop logs
# the same few tags with the same arguments at every step, so each
# combination is validated once (bounded: cleared when full).
_CHECKED_SURFACE_ARGS: Dict[Tuple[Any, ...], Tuple[int, int]] = {}
_MAX_CHECKED = 4096


def _check_surface_args(tag: Any, quantity: Any, max_grid: Any, layout: Any) -> Tuple[int, int]:
    """The validated grid of ``prepare_weight_surface``'s arguments (raises on bad ones)."""
    # Only plain str and tuple keys, equal only to values that validate alike
    # ((2.0, 3) passes as (2, 3)); a tuple holding a list is unhashable.
    key = None
    if type(tag) is str and type(quantity) is str and type(layout) is str:
        if type(max_grid) is tuple:
            key = (tag, quantity, max_grid, layout)
            try:
                grid = _CHECKED_SURFACE_ARGS.get(key)
            except TypeError:
                grid = key = None
            if grid is not None:
                return grid
    check_tag(tag)
    _check_choice(quantity, "quantity", QUANTITIES)
    grid = reduce.check_grid(max_grid)
    _check_choice(layout, "layout", LAYOUTS)
    if key is not None:
        if len(_CHECKED_SURFACE_ARGS) >= _MAX_CHECKED:
            _CHECKED_SURFACE_ARGS.clear()
        _CHECKED_SURFACE_ARGS[key] = grid
    return grid


def prepare_weight_surface(
    tag: str,
    array: Any,
    *,
    quantity: str = "weight",
    max_grid: Tuple[int, int] = DEFAULT_SURFACE_GRID,
    layout: str = "auto",
) -> Prepared:
    """Validates a weight or gradient array; see ``weight_surface``.

    The array is copied on the caller's thread (the snapshot: training may
    change it in place right after) and reshaped and pooled by ``build()`` on
    the writer's thread. Pooling on the caller's thread instead, straight from
    the caller's array, was tried: it saves the copy but costs the training
    loop twice as much (the pooling reads the array twice), so the copy stays.
    """
    grid = _check_surface_args(tag, quantity, max_grid, layout)
    if type(array) is np.ndarray and array.dtype == _FLOAT32 and 0 < array.ndim <= 5 and array.size:
        if layout == "auto":
            layout = "channels_last"  # numpy: Keras' order
        # The snapshot (C order), as check_array takes it, in a recycled buffer
        # that a writer gives back (``release``) once the record is written.
        data = snapshots.copy_of(array)
        release = functools.partial(snapshots.give_back, data)
    else:
        layout = _resolve_layout(layout, array)
        data = reduce.check_array(array, "array", ranks=(1, 2, 3, 4, 5))
        release = None
    matrix_shape, form = surface_layout(data.shape, layout)
    md = _surface_metadata(quantity, data.shape, matrix_shape, form, grid)
    return Prepared(
        tag,
        metadata.WEIGHT_SURFACE,
        functools.partial(_build_weight_surface, tag, md, data, grid, layout),
        release=release,
        nbytes=data.nbytes,
        metadata_bytes=md,
    )


def surface_layout(
    shape: Sequence[Optional[int]], layout: str
) -> Optional[Tuple[Tuple[int, int], str]]:
    """``(matrix_shape, form)``: the ``[rows, cols]`` matrix a weight of ``shape``
    is shown as, for ``layout`` ``"channels_last"`` (Keras) or ``"channels_first"``
    (PyTorch); None for shapes a surface does not take (0-D, more than 5-D,
    empty, or of unknown size). The one statement of the layout rule: the
    integrations that pool on the device use it too.

    Example:
        >>> surface_layout((3, 3, 16, 32), "channels_last")
        ((144, 32), 'kernel_channels_last')
        >>> surface_layout((32, 16, 3, 3), "channels_first")
        ((144, 32), 'kernel_channels_first')
    """
    if not 1 <= len(shape) <= 5 or any(n is None or n <= 0 for n in shape):
        return None
    shape = tuple(int(n) for n in shape)
    if len(shape) == 1:
        return (1, shape[0]), "vector"
    if layout == "channels_last":  # Dense (in, out); conv (kh, kw, in, out) -> [kh*kw*in, out]
        return (int(np.prod(shape[:-1])), shape[-1]), (
            "matrix" if len(shape) == 2 else "kernel_channels_last"
        )
    # PyTorch (out, in, k...) -> [in*k..., out], like every other kind
    form = "matrix_channels_first" if len(shape) == 2 else "kernel_channels_first"
    return (int(np.prod(shape[1:])), shape[0]), form


def _surface_matrix(data: np.ndarray, layout: str) -> Tuple[np.ndarray, str]:
    """The ``[rows, cols]`` matrix (a view of ``data``) a surface shows, and its form."""
    (rows, cols), form = surface_layout(data.shape, layout)
    if form.endswith("channels_first"):  # (out, in, k...): its [out, in*k...] transposed
        return data.reshape(cols, rows).T, form
    return data.reshape(rows, cols), form


def _build_weight_surface(
    tag: str, md: bytes, data: np.ndarray, grid: Tuple[int, int], layout: str
) -> SummaryTensor:
    matrix, _ = _surface_matrix(data, layout)
    pooled, _ = reduce.pool_max_abs(matrix, grid)
    return SummaryTensor(tag, md, np.ascontiguousarray(pooled, dtype=np.float32))


def _surface_tensor(
    tag: str,
    pooled: np.ndarray,
    quantity: str,
    grid: Tuple[int, int],
    shape: Tuple[int, ...],
    matrix_shape: Tuple[int, ...],
    form: str,
) -> SummaryTensor:
    md = _surface_metadata(quantity, tuple(shape), tuple(matrix_shape), form, tuple(grid))
    return SummaryTensor(tag, md, np.ascontiguousarray(pooled, dtype=np.float32))


@functools.lru_cache(maxsize=1024)
def _surface_metadata(
    quantity: str,
    shape: Tuple[int, ...],
    matrix_shape: Tuple[int, ...],
    form: str,
    grid: Tuple[int, int],
) -> bytes:
    """A surface's serialised metadata, once per distinct layer (JSON costs ~10 µs)."""
    return metadata.serialized_summary_metadata(
        metadata.WEIGHT_SURFACE,
        quantity=quantity,
        shape=list(shape),
        matrix_shape=list(matrix_shape),
        form=form,
        pool="max_abs",
        max_grid=list(grid),
    )


def weight_surface(tag: str, array: Any, **kwargs: Any) -> summary_pb2.Summary:
    """A weight or gradient matrix as a ``[rows, cols]`` surface.

    Args:
      tag: e.g. ``"dense_1/kernel"``.
      array: 1-D (a bias, shown as ``[1, n]``), 2-D, or a 3-D..5-D conv kernel,
        flattened to ``[k*in, out]`` (Keras layout) or from PyTorch's
        ``(out, in, k...)`` (``layout="channels_first"``, automatic for torch).
      quantity: ``"weight"`` or ``"grad"``.
      max_grid: at most this many ``(rows, cols)``; larger matrices are
        max-abs pooled (see ``tbviz_plugin.reduce``).
      layout: ``"auto"``, ``"channels_last"`` or ``"channels_first"``.

    Returns:
      A ``Summary`` proto with one tensor value.
    """
    return prepare_weight_surface(tag, array, **kwargs).build().to_proto()


# --------------------------------------------------------------------------- activation map


def prepare_activation_map(
    tag: str,
    array: Any,
    *,
    sample: int = 0,
    max_channels: int = 64,
    max_grid: Optional[Tuple[int, int]] = None,
    layout: str = "auto",
) -> Prepared:
    """Validates a layer output; see ``activation_map``."""
    check_tag(tag)
    layout = _resolve_layout(layout, array)
    if isinstance(max_channels, bool) or not isinstance(max_channels, numbers.Integral):
        raise TypeError(f"max_channels must be an integer, got {max_channels!r}")
    if max_channels < 1:
        raise ValueError(f"max_channels must be >= 1, got {max_channels}")
    data = reduce.check_array(array, "array", ranks=(1, 2, 3, 4))
    grid = reduce.check_grid(
        max_grid or (DEFAULT_DENSE_GRID if data.ndim <= 2 else DEFAULT_CHANNEL_GRID)
    )
    if data.ndim >= 3:
        if isinstance(sample, bool) or not isinstance(sample, numbers.Integral):
            raise TypeError(f"sample must be an integer, got {sample!r}")
        if not 0 <= sample < data.shape[0]:
            raise ValueError(
                f"sample must be in [0, {data.shape[0]}) for a batch of shape {data.shape}, "
                f"got {sample}"
            )
    md = _activation_metadata(data.shape, int(sample), int(max_channels), grid, layout)
    return Prepared(
        tag,
        metadata.ACTIVATION_MAP,
        functools.partial(
            _build_activation_map, tag, md, data, int(sample), int(max_channels), grid, layout
        ),
        nbytes=data.nbytes,
        metadata_bytes=md,
    )


def _activation_metadata(
    shape: Tuple[int, ...], sample: int, max_channels: int, grid: Tuple[int, int], layout: str
) -> bytes:
    """An activation map's serialised metadata: one sample's shape (the batch size may
    vary between steps; metadata must not), its form, layout and pooling."""
    sample_shape = list(shape[1:]) if len(shape) >= 2 else list(shape)
    content: Dict[str, Any] = dict(
        sample_shape=sample_shape,
        form="dense" if len(shape) <= 2 else "channels",
        layout=layout,
        pool="max_abs",
        max_grid=list(grid),
    )
    if len(shape) >= 3:
        channels = shape[-1] if layout == "channels_last" else shape[1]
        content.update(sample=sample, channels=int(channels), max_channels=max_channels)
    return metadata.serialized_summary_metadata(metadata.ACTIVATION_MAP, **content)


def _build_activation_map(
    tag: str,
    md: bytes,
    data: np.ndarray,
    sample: int,
    max_channels: int,
    grid: Tuple[int, int],
    layout: str,
) -> SummaryTensor:
    if data.ndim <= 2:
        maps = data.reshape(1, -1) if data.ndim == 1 else data
    else:
        one = data[sample]
        if layout == "channels_last":  # (L, C) or (H, W, C) -> channels first
            one = np.moveaxis(one, -1, 0)
        if one.ndim == 2:  # 1-D conv / sequence: [C, L] -> [C, 1, L]
            one = one[:, None, :]
        maps = one[:max_channels]
    pooled, _ = reduce.pool_max_abs(maps, grid)
    return SummaryTensor(tag, md, np.ascontiguousarray(pooled, dtype=np.float32))


def activation_map(tag: str, array: Any, **kwargs: Any) -> summary_pb2.Summary:
    """A layer's output as a heatmap.

    Args:
      tag: e.g. ``"conv2d"``.
      array: ``[samples, units]`` (dense; stored as is, pooled to
        ``max_grid``, default 256x256), ``[N, L, C]`` or ``[N, H, W, C]``
        (conv, Keras layout; ``[N, C, ...]`` with ``layout="channels_first"``,
        automatic for torch), stored for one ``sample`` as ``[C, h, w]`` with
        at most ``max_channels`` channels, each pooled to ``max_grid``
        (default 64x64).

    Returns:
      A ``Summary`` proto with one tensor value.
    """
    return prepare_activation_map(tag, array, **kwargs).build().to_proto()


# --------------------------------------------------------------------------- gradient flow


def _mapping_items(value: Any, name: str) -> List[Tuple[str, Any]]:
    if not isinstance(value, Mapping):
        raise TypeError(
            f"{name} must be a mapping of layer name -> array in depth order, "
            f"got {type(value).__name__}"
        )
    items = list(value.items())
    for key, _ in items:
        if not isinstance(key, str) or not key:
            raise TypeError(f"{name} keys must be non-empty layer names (str), got {key!r}")
    return items


def prepare_gradient_flow(
    tag: str,
    grads: Mapping[str, Any],
    *,
    weights: Optional[Mapping[str, Any]] = None,
    prev_weights: Optional[Mapping[str, Any]] = None,
    layers: Optional[Sequence[str]] = None,
) -> Prepared:
    """Validates per-layer gradients; see ``gradient_flow``."""
    check_tag(tag)
    items = _mapping_items(grads, "grads")
    if not items:
        raise ValueError("grads is empty: give at least one layer")
    order = list(layers) if layers is not None else [k for k, _ in items]
    unknown = [k for k, _ in items if k not in order]
    if unknown:
        raise ValueError(
            f"grads has layers {unknown} that tag {tag!r} did not have when first written "
            f"({order}); write a changed model under a new tag"
        )
    arrays = {k: None if v is None else reduce.as_numpy(v, f"grads[{k!r}]") for k, v in items}
    w = p = None
    if weights is not None:
        w = {
            k: reduce.as_numpy(v, f"weights[{k!r}]") for k, v in _mapping_items(weights, "weights")
        }
        stray = sorted(set(w) - set(order))
        if stray:
            raise ValueError(f"weights has layers not in grads: {stray}")
    if prev_weights is not None:
        if weights is None:
            raise ValueError("prev_weights needs weights too (update_ratio compares them)")
        p = {
            k: reduce.as_numpy(v, f"prev_weights[{k!r}]")
            for k, v in _mapping_items(prev_weights, "prev_weights")
        }
    stats = list(reduce.GRADIENT_STATS) + (list(reduce.WEIGHT_STATS) if w is not None else [])
    md = metadata.serialized_summary_metadata(metadata.GRADIENT_FLOW, layers=order, stats=stats)
    return Prepared(
        tag,
        metadata.GRADIENT_FLOW,
        functools.partial(_build_gradient_flow, tag, md, order, stats, arrays, w, p),
        nbytes=sum(
            a.nbytes for held in (arrays, w or {}, p or {}) for a in held.values() if a is not None
        ),
        metadata_bytes=md,
    )


def _build_gradient_flow(
    tag: str,
    md: bytes,
    order: List[str],
    stats: List[str],
    grads: Dict[str, Optional[np.ndarray]],
    weights: Optional[Dict[str, np.ndarray]],
    prev: Optional[Dict[str, np.ndarray]],
) -> SummaryTensor:
    table = np.full((len(order), len(stats)), np.nan, dtype=np.float32)
    for i, layer in enumerate(order):
        row: Dict[str, float] = {}
        if grads.get(layer) is not None:
            row.update(reduce.layer_stats(grads[layer]))
        if weights is not None and layer in weights:
            row.update(reduce.weight_stats(weights[layer], (prev or {}).get(layer)))
        table[i] = [row.get(s, math.nan) for s in stats]
    return SummaryTensor(tag, md, table)


def prepare_gradient_flow_table(
    tag: str, layers: Sequence[str], stats: Sequence[str], table: Any
) -> Prepared:
    """A finished ``[layers, stats]`` table, for integrations that reduce on the device.

    The summary is the same kind and format as ``gradient_flow`` writes.
    """
    check_tag(tag)
    layers, stats = [str(x) for x in layers], [str(x) for x in stats]
    if not layers or not stats:
        raise ValueError("layers and stats must be non-empty")
    array = np.array(reduce.as_numpy(table, "table"), dtype=np.float32, copy=True, order="C")
    if array.shape != (len(layers), len(stats)):
        raise ValueError(
            f"table must have shape [{len(layers)} layers, {len(stats)} stats], got {array.shape}"
        )
    md = metadata.serialized_summary_metadata(metadata.GRADIENT_FLOW, layers=layers, stats=stats)
    return Prepared(
        tag,
        metadata.GRADIENT_FLOW,
        lambda: SummaryTensor(tag, md, array),
        nbytes=array.nbytes,
        metadata_bytes=md,
    )


def gradient_flow(tag: str, grads: Mapping[str, Any], **kwargs: Any) -> summary_pb2.Summary:
    """Per-layer gradient statistics as a ``[layers, stats]`` table.

    Args:
      tag: e.g. ``"model/gradient_flow"``.
      grads: layer name -> gradient array, in forward (depth) order; a value
        of ``None`` (a frozen layer) gives a row of NaN.
      weights: optional layer name -> weight array; adds ``weight_l2`` and
        ``update_ratio`` columns.
      prev_weights: the same layers' weights at the previously logged step,
        for ``update_ratio = ||w - w_prev|| / ||w_prev||``.

    Returns:
      A ``Summary`` proto; the stat names are in the metadata content.
    """
    return prepare_gradient_flow(tag, grads, **kwargs).build().to_proto()


# --------------------------------------------------------------------------- health


def _finite_or_none(value: Any, name: str) -> Optional[float]:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number or None, got {value!r}") from None
    # JSON has no NaN/Inf; keep them as strings so the event is not lost.
    return number if math.isfinite(number) else str(number)  # type: ignore[return-value]


def normalise_event(event: Mapping[str, Any], step: int, index: int = 0) -> Dict[str, Any]:
    """Validates one health event and fills defaults; the dict that is stored."""
    name = f"events[{index}]"
    if not isinstance(event, Mapping):
        raise TypeError(f"{name} must be a mapping, got {type(event).__name__}")
    code = event.get("code")
    if not isinstance(code, str) or not code:
        raise ValueError(f"{name} needs a non-empty string 'code' (e.g. 'vanishing_gradient')")
    severity = event.get("severity", "warning")
    _check_choice(severity, f"{name}['severity']", SEVERITIES)
    layer = event.get("layer")
    if layer is not None and not isinstance(layer, str):
        raise TypeError(f"{name}['layer'] must be a str or None, got {layer!r}")
    evidence = event.get("evidence")
    if evidence is not None and not isinstance(evidence, Mapping):
        raise TypeError(f"{name}['evidence'] must be a mapping or None, got {evidence!r}")
    out = dict(event)
    out.update(
        step=check_step(event.get("step", step)),
        code=code,
        severity=severity,
        layer=layer,
        value=_finite_or_none(event.get("value"), f"{name}['value']"),
        threshold=_finite_or_none(event.get("threshold"), f"{name}['threshold']"),
        hint=str(event.get("hint", "")),
    )
    try:
        json.dumps(out, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{name} must be JSON-serialisable: {e}") from None
    return out


def prepare_health(tag: str, events: Iterable[Mapping[str, Any]], step: int) -> Prepared:
    """Validates health events; see ``health``."""
    check_tag(tag)
    step = check_step(step)
    if isinstance(events, (str, bytes, Mapping)):
        raise TypeError("events must be a list of event mappings")
    rows = [normalise_event(e, step, i) for i, e in enumerate(events)]
    encoded = np.empty(len(rows), dtype=object)
    for i, row in enumerate(rows):
        encoded[i] = json.dumps(row, sort_keys=True, separators=(",", ":")).encode("utf-8")
    md = metadata.serialized_summary_metadata(metadata.HEALTH)
    return Prepared(
        tag, metadata.HEALTH, lambda: SummaryTensor(tag, md, encoded), metadata_bytes=md
    )


def health(tag: str, events: Iterable[Mapping[str, Any]], step: int) -> summary_pb2.Summary:
    """Health events as a 1-D string tensor of JSON objects.

    Args:
      tag: e.g. ``"model/health"``.
      events: mappings with ``code`` (required), ``severity``
        (info/warning/error), ``layer``, ``value``, ``threshold``, ``hint``
        and ``step`` (defaults to ``step``).
      step: the training step.
    """
    return prepare_health(tag, events, step).build().to_proto()


# --------------------------------------------------------------------------- layer table


def _count(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return int(value)


def normalise_layer_row(row: Mapping[str, Any], index: int = 0) -> Dict[str, Any]:
    """Validates one layer-table row; the dict that is stored.

    Required: ``name`` (non-empty str), ``type`` (str), ``params`` (int >= 0).
    Optional: ``output_shape`` (a sequence of ints >= 0 or None for unknown
    sizes such as the batch, or None when unknown) and ``trainable_params``
    (int >= 0). Other JSON-serialisable keys are kept.
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
    out["params"] = _count(row["params"], f"{where}['params']")
    if row.get("trainable_params") is not None:
        out["trainable_params"] = _count(row["trainable_params"], f"{where}['trainable_params']")
    else:
        out.pop("trainable_params", None)
    shape = row.get("output_shape")
    if shape is not None:
        if isinstance(shape, (str, bytes, Mapping)) or not isinstance(shape, Iterable):
            raise TypeError(
                f"{where}['output_shape'] must be a sequence of sizes or None, got {shape!r}"
            )
        shape = [
            None if n is None else _count(n, f"{where}['output_shape'][{i}]")
            for i, n in enumerate(shape)
        ]
    out["output_shape"] = shape
    try:
        json.dumps(out, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{where} must be JSON-serialisable: {e}") from None
    return out


def prepare_layer_table(tag: str, rows: Iterable[Mapping[str, Any]]) -> Prepared:
    """Validates a model's layer table; see ``layer_table``."""
    check_tag(tag)
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
    encoded = np.empty(len(table), dtype=object)
    for i, row in enumerate(table):
        encoded[i] = json.dumps(row, sort_keys=True, separators=(",", ":")).encode("utf-8")
    md = metadata.serialized_summary_metadata(metadata.LAYER_TABLE)
    return Prepared(
        tag, metadata.LAYER_TABLE, lambda: SummaryTensor(tag, md, encoded), metadata_bytes=md
    )


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
    return prepare_layer_table(tag, rows).build().to_proto()


# --------------------------------------------------------------------------- confusion matrix


def _names(value: Any, name: str, count: Optional[int] = None) -> List[str]:
    """A list of non-empty strings (class or feature names), ``count`` long if given."""
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


def _labels(value: Any, name: str) -> Tuple[np.ndarray, Optional[int]]:
    """Class indices ``[N]`` of labels ``[N]`` or scores ``[N, C]`` (argmax), and C of scores.

    A score row holding NaN has no prediction: its index is -1 (not counted).
    One column ``[N, 1]`` is a binary classifier's probability ``p`` of class 1
    (a sigmoid output, or 0/1 labels): the two classes' scores are ``1 - p`` and
    ``p``, so the index is 1 where ``p > 0.5``.
    """
    array = reduce.as_numpy(value, name)
    if array.ndim == 2:
        if array.shape[1] < 1 or array.shape[0] < 1:
            raise ValueError(f"{name} is empty (shape {array.shape})")
        if array.shape[1] == 1:
            p = np.asarray(array[:, 0], dtype=np.float64)
            outside = (p < 0) | (p > 1)
            if outside.any():
                raise ValueError(
                    f"{name} of shape {array.shape} is read as the probability of class 1, "
                    f"so it must lie in [0, 1]; got {p[outside][0]!r}. For logits, apply a "
                    "sigmoid first; or give class indices [N] or scores [N, classes]"
                )
            return np.where(np.isnan(p), -1, p > 0.5).astype(np.int64), 2
        scores = np.asarray(array, dtype=np.float64)
        bad = np.isnan(scores).any(axis=1)
        index = np.argmax(np.where(np.isnan(scores), -np.inf, scores), axis=1)
        return np.where(bad, -1, index).astype(np.int64), int(array.shape[1])
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be class indices [N] or scores [N, classes], got shape {array.shape}"
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty; nothing to count")
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array)) or np.any(array != np.round(array)):
            raise ValueError(
                f"{name} must hold whole class indices; got non-integer values such as "
                f"{array[(~np.isfinite(array)) | (array != np.round(array))][0]!r} "
                "(give scores as a [N, classes] array)"
            )
    labels = array.astype(np.int64)
    if labels.min() < 0:
        raise ValueError(f"{name} holds a negative class index {int(labels.min())}")
    return labels, None


def prepare_confusion_matrix(
    tag: str,
    y_true: Any,
    y_pred: Any,
    *,
    class_names: Optional[Sequence[str]] = None,
    num_classes: Optional[int] = None,
) -> Prepared:
    """Validates labels and predictions; see ``confusion_matrix``."""
    check_tag(tag)
    true, true_classes = _labels(y_true, "y_true")
    pred, pred_classes = _labels(y_pred, "y_pred")
    if true.shape[0] != pred.shape[0]:
        raise ValueError(
            f"y_true has {true.shape[0]} samples but y_pred has {pred.shape[0]}; they must match"
        )
    if num_classes is not None:
        num_classes = _count(num_classes, "num_classes")
        if num_classes < 1:
            raise ValueError("num_classes must be >= 1")
    if class_names is not None:
        class_names = _names(class_names, "class_names", num_classes)
        num_classes = len(class_names)
    for given, name in ((true_classes, "y_true"), (pred_classes, "y_pred")):
        if given is not None and num_classes is not None and given != num_classes:
            raise ValueError(
                f"{name} has scores for {given} classes but there are {num_classes} classes"
            )
        num_classes = given if num_classes is None else num_classes
    if num_classes is None:  # labels only: the classes seen; pass num_classes to fix it
        num_classes = int(max(true.max(), pred.max())) + 1
    for labels, name in ((true, "y_true"), (pred, "y_pred")):
        if labels.max() >= num_classes:
            raise ValueError(
                f"{name} holds class index {int(labels.max())} but there are only "
                f"{num_classes} classes (fixed by class_names/num_classes or the tag's first call)"
            )
    names = class_names or [str(i) for i in range(num_classes)]
    md = metadata.serialized_summary_metadata(metadata.CONFUSION_MATRIX, class_names=names)
    return Prepared(
        tag,
        metadata.CONFUSION_MATRIX,
        functools.partial(_build_confusion_matrix, tag, md, true, pred, num_classes),
        content={"class_names": names},
        metadata_bytes=md,
    )


def _build_confusion_matrix(
    tag: str, md: bytes, true: np.ndarray, pred: np.ndarray, classes: int
) -> SummaryTensor:
    counted = pred >= 0  # a NaN score row predicts nothing
    flat = true[counted] * classes + pred[counted]
    counts = np.bincount(flat, minlength=classes * classes).reshape(classes, classes)
    return SummaryTensor(tag, md, counts.astype(np.float32))


def confusion_matrix(tag: str, y_true: Any, y_pred: Any, **kwargs: Any) -> summary_pb2.Summary:
    """Counts of true class (rows) against predicted class (columns), ``[C, C]``.

    Args:
      tag: e.g. ``"model/confusion_matrix"``.
      y_true: class indices ``[N]`` (ints, or floats holding whole numbers), or
        one-hot / scores ``[N, C]`` (argmax).
      y_pred: class indices ``[N]``, or scores / probabilities ``[N, C]`` (argmax;
        a row with NaN predicts nothing and is not counted). A binary
        classifier's sigmoid output ``[N, 1]`` is the probability of class 1:
        two classes, class 1 where it is above 0.5 (the same for ``y_true``).
      class_names: ``C`` names, stored in the metadata (default ``"0"`` ..).
      num_classes: ``C`` when neither class_names nor scores give it; without
        any of them it is the largest index seen + 1.

    Example:
        >>> s = confusion_matrix("m/cm", [0, 1, 1], [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7]])
        >>> s.value[0].tensor.tensor_content == np.array([[1, 0], [1, 1]], "<f4").tobytes()
        True
    """
    return prepare_confusion_matrix(tag, y_true, y_pred, **kwargs).build().to_proto()


# --------------------------------------------------------------------------- feature importance


def prepare_feature_importance(
    tag: str,
    importance: Any,
    *,
    feature_names: Optional[Sequence[str]] = None,
    layout: str = "auto",
) -> Prepared:
    """Validates per-feature importance; see ``feature_importance``."""
    check_tag(tag)
    layout = _resolve_layout(layout, importance)
    data = reduce.check_array(importance, "importance", ranks=(1, 2, 3))
    content: Dict[str, Any] = {}
    if data.ndim == 1:
        content["layout"] = "vector"
        if feature_names is not None:
            content["feature_names"] = _names(feature_names, "feature_names", data.shape[0])
    else:
        if feature_names is not None:
            raise ValueError(
                f"feature_names are for vector importance [F]; importance has shape "
                f"{data.shape} (an image)"
            )
        content.update(layout="image", input_shape=list(data.shape))
        if data.ndim == 3:
            content["input_layout"] = layout
    md = metadata.serialized_summary_metadata(metadata.FEATURE_IMPORTANCE, **content)
    return Prepared(
        tag,
        metadata.FEATURE_IMPORTANCE,
        functools.partial(_build_feature_importance, tag, md, data, layout),
        nbytes=data.nbytes,
        metadata_bytes=md,
    )


def _build_feature_importance(tag: str, md: bytes, data: np.ndarray, layout: str) -> SummaryTensor:
    if data.ndim == 3:  # an image's channels are summed: one value per pixel
        data = data.sum(axis=-1 if layout == "channels_last" else 0, dtype=np.float32)
    return SummaryTensor(tag, md, np.ascontiguousarray(data, dtype=np.float32))


def feature_importance(tag: str, importance: Any, **kwargs: Any) -> summary_pb2.Summary:
    """Importance of each input feature, shaped like one input.

    Args:
      tag: e.g. ``"model/feature_importance"``.
      importance: ``[F]`` for tabular inputs (stored as is, ``layout: vector``),
        ``[H, W]`` for images (``layout: image``) or ``[H, W, C]`` (``[C, H, W]``
        with ``layout="channels_first"``, automatic for torch), summed over
        channels to ``[H, W]``.
      feature_names: ``F`` names for a vector.
      layout: ``"auto"``, ``"channels_last"`` or ``"channels_first"`` for 3-D input.

    Example:
        >>> s = feature_importance("m/fi", np.ones((8, 8, 3)))
        >>> [d.size for d in s.value[0].tensor.tensor_shape.dim]
        [8, 8]
    """
    return prepare_feature_importance(tag, importance, **kwargs).build().to_proto()


# --------------------------------------------------------------------------- image

# TensorBoard's own image format (tensorboard.plugins.image): plugin "images",
# content = a serialised ImagePluginData{version: 0} (empty bytes), and a string
# tensor [width, height, png, png, ...]. Written here without TensorFlow.
_IMAGE_METADATA = summary_pb2.SummaryMetadata(
    plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="images", content=b""),
    data_class=summary_pb2.DATA_CLASS_BLOB_SEQUENCE,
)
_IMAGE_METADATA_BYTES = _IMAGE_METADATA.SerializeToString()


def prepare_image(tag: str, images: Any) -> Prepared:
    """Validates images for TensorBoard's Images dashboard; see ``image``."""
    check_tag(tag)
    data = reduce.as_numpy(images, "images")
    if data.ndim == 2:  # one grey image
        data = data[None, :, :, None]
    elif data.ndim == 3:  # one image [H, W, C]
        data = data[None]
    if data.ndim != 4 or data.shape[-1] not in (1, 3, 4):
        raise ValueError(
            "images must be [H, W], [H, W, C] or [k, H, W, C] with C in (1, 3, 4), "
            f"got shape {reduce.as_numpy(images, 'images').shape}"
        )
    if data.size == 0:
        raise ValueError(f"images is empty (shape {data.shape})")
    if data.dtype != np.uint8:
        if not np.all(np.isfinite(data)) or data.min() < 0 or data.max() > 1:
            raise ValueError(
                "images of a float or int dtype must hold values in [0, 1]; or give uint8"
            )
        data = np.round(np.asarray(data, np.float64) * 255).astype(np.uint8)
    else:
        data = data.copy()
    return Prepared(
        tag,
        "image",
        functools.partial(_build_image, tag, data),
        nbytes=data.nbytes,
        metadata_bytes=_IMAGE_METADATA_BYTES,
    )


def _build_image(tag: str, data: np.ndarray) -> SummaryTensor:
    import io

    from PIL import Image

    encoded = np.empty(2 + data.shape[0], dtype=object)
    encoded[0], encoded[1] = str(data.shape[2]).encode(), str(data.shape[1]).encode()
    mode = {1: "L", 3: "RGB", 4: "RGBA"}[data.shape[-1]]
    for i, one in enumerate(data):
        buffer = io.BytesIO()
        Image.fromarray(one[..., 0] if mode == "L" else one, mode).save(buffer, format="PNG")
        encoded[2 + i] = buffer.getvalue()
    return SummaryTensor(tag, _IMAGE_METADATA_BYTES, encoded)


def image(tag: str, images: Any) -> summary_pb2.Summary:
    """Images in TensorBoard's own format, shown by the built-in Images dashboard.

    Args:
      tag: e.g. ``"model/predictions"``.
      images: ``[H, W]``, ``[H, W, C]`` or ``[k, H, W, C]`` with ``C`` 1 (grey),
        3 (RGB) or 4 (RGBA); ``uint8``, or floats in ``[0, 1]``. Stored as PNG.

    Example:
        >>> s = image("m/sample", np.zeros((4, 6, 3), np.uint8))
        >>> s.value[0].tensor.string_val[:2]
        [b'6', b'4']
    """
    return prepare_image(tag, images).build().to_proto()


# --------------------------------------------------------------------------- scalar

_SCALAR_METADATA = summary_pb2.SummaryMetadata(
    plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"),
    data_class=summary_pb2.DATA_CLASS_SCALAR,
).SerializeToString()


def prepare_scalar(tag: str, value: Any) -> Prepared:
    """A TensorBoard scalar (the built-in Scalars dashboard shows it)."""
    check_tag(tag)
    data = reduce.as_numpy(value, "value")
    if data.size != 1:
        raise ValueError(f"value must be a single number, got shape {data.shape}")
    array = np.array(data.reshape(()), dtype=np.float32)
    return Prepared(
        tag,
        "scalar",
        lambda: SummaryTensor(tag, _SCALAR_METADATA, array),
        metadata_bytes=_SCALAR_METADATA,
    )


def scalar(tag: str, value: Any) -> summary_pb2.Summary:
    """A standard TensorBoard scalar summary."""
    return prepare_scalar(tag, value).build().to_proto()
