"""The one place that knows tbviz's plugin metadata: name, kinds, version, parsing.

Every tbviz summary is a tensor summary whose ``SummaryMetadata`` carries
``plugin_data.plugin_name == "tbviz"``, ``plugin_data.content`` = compact UTF-8
JSON ``{"v": 1, "kind": ..., ...}`` and ``data_class = DATA_CLASS_TENSOR``.
docs/format.md is the full contract.

Example:
    >>> md = create_summary_metadata("weight_surface", quantity="weight")
    >>> parse_plugin_metadata(md.plugin_data.content)["kind"]
    'weight_surface'
"""

from __future__ import annotations

import functools
import json
from typing import Any, Dict, Tuple

from tensorboard.compat.proto import summary_pb2

PLUGIN_NAME = "tbviz"

# Major version of the content JSON. Readers accept any version up to this one
# and refuse newer ones; additive changes (new optional keys) keep the version.
FORMAT_VERSION = 1

# The kinds themselves (their names, content and checks) are the modules of
# ``tbviz_plugin.kinds``; ``KINDS``, ``NUMERIC_KINDS`` and the name constants
# (``WEIGHT_SURFACE`` ...) are read from its registry (``__getattr__`` below).


@functools.lru_cache(maxsize=1)
def _kinds() -> Tuple[str, ...]:
    from tbviz_plugin import kinds

    return kinds.tbviz_kinds()


def __getattr__(name: str) -> Any:
    """``KINDS`` (tbviz's kinds), ``NUMERIC_KINDS`` (those stored as float32 tensors;
    the others hold UTF-8 JSON strings), ``IMPORTANCE_LAYOUTS`` and each kind's
    name as a constant (``WEIGHT_SURFACE == "weight_surface"``), from the registry."""
    from tbviz_plugin import kinds

    if name == "KINDS":
        value: Any = _kinds()
    elif name == "NUMERIC_KINDS":
        value = tuple(k for k in _kinds() if kinds.get(k).numeric)
    elif name == "IMPORTANCE_LAYOUTS":
        value = kinds.feature_importance.IMPORTANCE_LAYOUTS
    elif name.lower() in _kinds() and name.isupper():
        value = name.lower()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


class FormatVersionError(ValueError):
    """Raised when a summary was written by a newer, incompatible tbviz."""


def create_summary_metadata(kind: str, **content: Any) -> summary_pb2.SummaryMetadata:
    """Builds the ``SummaryMetadata`` proto for one tbviz tag.

    Args:
      kind: one of ``KINDS``.
      **content: JSON-serialisable fields that hold for the tag's whole life.

    Returns:
      A ``SummaryMetadata`` with plugin name, versioned JSON content and
      ``DATA_CLASS_TENSOR`` (without it TensorBoard drops the data silently).
    """
    return summary_pb2.SummaryMetadata.FromString(serialized_summary_metadata(kind, **content))


def serialized_summary_metadata(kind: str, **content: Any) -> bytes:
    """``create_summary_metadata(kind, **content).SerializeToString()``, cached.

    Writers call this once per summary; a tag's metadata rarely changes, so
    the proto is built and serialised once per distinct content.

    Example:
        >>> md = serialized_summary_metadata("health")
        >>> summary_pb2.SummaryMetadata.FromString(md).plugin_data.plugin_name
        'tbviz'
    """
    if kind not in _kinds():
        raise ValueError(f"kind must be one of {_kinds()}, got {kind!r}")
    body = {"v": FORMAT_VERSION, "kind": kind}
    body.update(content)
    return _serialized(encode_content(body))


@functools.lru_cache(maxsize=4096)
def _serialized(content: bytes) -> bytes:
    return summary_pb2.SummaryMetadata(
        plugin_data=summary_pb2.SummaryMetadata.PluginData(
            plugin_name=PLUGIN_NAME, content=content
        ),
        data_class=summary_pb2.DATA_CLASS_TENSOR,
    ).SerializeToString()


def encode_content(body: Dict[str, Any]) -> bytes:
    """Compact, deterministic UTF-8 JSON (sorted keys, no spaces, no NaN)."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


def parse_plugin_metadata(content: bytes) -> Dict[str, Any]:
    """Parses ``plugin_data.content`` of a tbviz summary.

    This is the one place that knows older versions of the format.

    Raises:
      FormatVersionError: the content names a newer major version.
      ValueError: the content is not a tbviz JSON object with a known kind.
    """
    if isinstance(content, str):
        content = content.encode("utf-8")
    try:
        body = json.loads(bytes(content).decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as e:
        raise ValueError(f"tbviz plugin content is not UTF-8 JSON: {e}") from None
    if not isinstance(body, dict):
        raise ValueError(f"tbviz plugin content must be a JSON object, got {type(body).__name__}")
    version = body.get("v")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"tbviz plugin content has no valid version 'v': {version!r}")
    if version > FORMAT_VERSION:
        raise FormatVersionError(
            f"this summary was written in tbviz format version {version}, but this "
            f"tbviz reads versions up to {FORMAT_VERSION}; upgrade tbviz_plugin"
        )
    kind = body.get("kind")
    if kind not in _kinds():
        raise ValueError(f"tbviz plugin content has unknown kind {kind!r}; known: {_kinds()}")
    from tbviz_plugin import kinds

    kinds.get(kind).check_content(body)
    return body


def check_tensor(content: Dict[str, Any], array: Any) -> None:
    """Raises ``ValueError`` when a stored tensor contradicts its tag's content.

    Numeric kinds hold floats of the shape their kind module states
    (``weight_surface`` 2-D, ``gradient_flow`` exactly ``[len(layers),
    len(stats)]`` ...; ``Kind.tensor_matches``). Readers refuse such a tensor
    instead of drawing a wrong picture.

    Example:
        >>> import numpy as np
        >>> check_tensor({"kind": "weight_surface"}, np.ones((2, 3), np.float32))
    """
    from tbviz_plugin import kinds

    try:
        kind = kinds.get(content["kind"])
    except KeyError:  # not a tbviz kind: nothing is known of its tensors
        return
    ok = kind.tensor_matches(content, array)
    if kind.numeric and array.dtype.kind != "f":
        ok = False
    if not ok:
        raise ValueError(
            f"a {kind.name} tensor of shape {tuple(array.shape)} and dtype {array.dtype} "
            f"does not match its metadata"
        )


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (the content is written without NaN/Infinity)")


def describe_change(tag: str, first: bytes, now: bytes) -> str:
    """Why a summary cannot go under ``tag``: its serialised metadata ``now``
    differs from the ``first`` one the tag was written with, which TensorBoard
    keeps for the tag's whole life. Names the fields that differ and the way out.

    Example:
        >>> a = serialized_summary_metadata("weight_surface", shape=[4, 3])
        >>> b = serialized_summary_metadata("weight_surface", shape=[4, 5])
        >>> describe_change("dense/kernel", a, b)[:64]
        "tag 'dense/kernel' was first written with shape [4, 3]; this cal"
    """
    old, new = summary_content(first), summary_content(now)
    if old.get("kind") != new.get("kind"):
        fields = ["kind"]
    else:
        # Shapes first: they are what changes when a model changes.
        fields = sorted(
            (k for k in set(old) | set(new) if old.get(k) != new.get(k)),
            key=lambda k: (not k.endswith("shape"), k != "shape", k),
        )

    def listing(body: Dict[str, Any]) -> str:
        return ", ".join(f"{k} {body.get(k, '(none)')}" for k in fields)

    return (
        f"tag {tag!r} was first written with {listing(old)}; this call gives {listing(new)}. "
        "TensorBoard keeps a tag's first metadata for the whole run, so a layer that "
        "changed (a new shape, other classes or layers) must be written under a new tag "
        f"(e.g. {tag + '_v2'!r}) or into a new run directory"
    )


def summary_content(serialized: bytes) -> Dict[str, Any]:
    """The plugin content of serialised ``SummaryMetadata``, with its plugin as ``kind``
    when that is not tbviz (scalars, images).

    Example:
        >>> summary_content(serialized_summary_metadata("health"))
        {'kind': 'health', 'v': 1}
    """
    md = summary_pb2.SummaryMetadata.FromString(serialized)
    if md.plugin_data.plugin_name != PLUGIN_NAME:
        return {"kind": md.plugin_data.plugin_name or "(none)"}
    return json.loads(md.plugin_data.content.decode("utf-8"))
