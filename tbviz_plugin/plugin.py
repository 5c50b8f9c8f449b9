"""The TensorBoard plugin: HTTP routes over TensorBoard's data provider.

Routes only: parse the request, ask ``context.data_provider``, respond.
docs/http_api.md is the contract. Every read goes through the data provider
(never the multiplexer), so both loaders (``--load_fast=true|false``) and
``--path_prefix`` work.

This module is imported by TensorBoard at start-up through the
``tensorboard_plugins`` entry point: it imports only TensorBoard, numpy and
tbviz's own format module at the top, and ``TbvizLoader.load`` turns any
failure into a logged message and a missing tab, never a failed start.
"""

from __future__ import annotations

import collections
import functools
import json
import logging
import os
import re
import threading
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
from tensorboard import errors, plugin_util
from tensorboard.backend import http_util
from tensorboard.plugins import base_plugin
from werkzeug import wrappers

from tbviz_plugin import events, kinds, metadata
from tbviz_plugin.kinds import base

logger = logging.getLogger("tbviz")

# Steps TensorBoard keeps per tbviz tag unless `--samples_per_plugin tbviz=N`
# says otherwise (TensorBoard's own default for tensors is 10, too few to see
# training); 0 keeps all.
DEFAULT_SAMPLES = 500
DEFAULT_FLOW_STEPS = 500
MAX_FLOW_STEPS = 10_000
# The JSON form of `gradient_flow` builds a Python float per value (about 4 us
# each): 1,000 layers x 9 stats x 500 steps would take 20 s. It keeps at most
# this many values (fewer steps); the binary form, which the frontend uses, does not.
MAX_JSON_FLOW_VALUES = 500_000
# Tensors cached for the `tensor` route, so that moving the step slider does
# not re-read a whole series from the data server for every step.
CACHE_BYTES = 256 * 1024 * 1024
_ALL = 2**31 - 1  # "every step" for read_tensors, which treats 0 as "none"
# Loss points the read-time rules read from a scalar tag (TensorBoard keeps 1,000 by default).
_SCALAR_POINTS = 10_000
_MAX_PARAM_LENGTH = 4096
_INTEGER = re.compile(r"-?[0-9]+")  # ASCII digits only: no "1_0", "+1", " 1", "١"
_STATIC = os.path.join(os.path.dirname(__file__), "static")
_NUMERIC_KINDS = metadata.NUMERIC_KINDS


class _BadRequest(Exception):
    """400: a parameter is missing, repeated, malformed or of the wrong kind."""


class _NotFound(Exception):
    """404: no such run, tag or step."""


def _json_response(request: Any, body: Any, code: int = 200) -> wrappers.Response:
    try:
        text = json.dumps(body, allow_nan=False)
    except ValueError:  # a NaN/Inf from the logs (a wall time, a value in a row): null
        text = json.dumps(events.json_safe(body), allow_nan=False)
    return http_util.Respond(request, text, "application/json", code=code)


def _route(handler: Callable[..., wrappers.Response]) -> Callable[..., wrappers.Response]:
    """Turns every failure into a JSON error naming it; never an HTML traceback."""

    @functools.wraps(handler)
    def wrapped(self: TbvizPlugin, request: Any) -> wrappers.Response:
        try:
            return handler(self, request)
        except (_BadRequest, errors.InvalidArgumentError) as e:
            return _json_response(request, {"error": str(e)}, 400)
        except (_NotFound, errors.NotFoundError) as e:
            return _json_response(request, {"error": str(e)}, 404)
        except Exception as e:  # a bug or an unreadable item: say what, keep serving
            logger.exception("tbviz: %s failed", request.path)
            return _json_response(request, {"error": f"{type(e).__name__}: {e}"}, 500)

    return wrapped


def _request_scope(request: Any) -> Tuple[Any, str]:
    """The data provider's request context and experiment id of a request."""
    return plugin_util.context(request.environ), plugin_util.experiment_id(request.environ)


def _param(request: Any, name: str, required: bool = True) -> Optional[str]:
    values = request.args.getlist(name)
    if len(values) > 1:
        raise _BadRequest(f"parameter {name!r} is given {len(values)} times; give it once")
    if not values:
        if required:
            raise _BadRequest(f"missing parameter {name!r}")
        return None
    value = values[0]
    if len(value) > _MAX_PARAM_LENGTH:
        raise _BadRequest(f"parameter {name!r} is longer than {_MAX_PARAM_LENGTH} characters")
    return value


def _int_param(request: Any, name: str, *, lo: int, hi: int, default: Optional[int] = None) -> int:
    raw = _param(request, name, required=default is None)
    if raw is None:
        return int(default)  # type: ignore[arg-type]
    if not _INTEGER.fullmatch(raw):
        raise _BadRequest(f"parameter {name!r} must be an integer, got {raw[:64]!r}")
    value = int(raw, 10)
    if not lo <= value <= hi:
        raise _BadRequest(f"parameter {name!r} must be in [{lo}, {hi}], got {value}")
    return value


def _nan_to_none(array: np.ndarray) -> list:
    """Nested lists with NaN/Inf as None (JSON has no NaN)."""
    values = array.astype(np.float64)
    bad = ~np.isfinite(values)
    if not bad.any():
        return values.tolist()
    out = values.astype(object)
    out[bad] = None
    return out.tolist()


def _binary_table(head: Dict[str, Any], table: np.ndarray) -> bytes:
    """``uint32 n | n bytes of JSON head | zero padding to 4 | float32 table``.

    JSON-encoding 100 layers x 9 stats x 1,000 steps costs half a second and
    gzip another second; this costs a copy (see docs/http_api.md).
    """
    encoded = json.dumps(head, allow_nan=False).encode("utf-8")
    padding = b"\0" * (-(4 + len(encoded)) % 4)
    prefix = len(encoded).to_bytes(4, "little") + encoded + padding
    return prefix + np.ascontiguousarray(table, dtype="<f4").tobytes()


def _evenly(count: int, limit: int) -> List[int]:
    """At most ``limit`` indices out of ``count``, evenly spaced, first and last kept."""
    if count <= limit:
        return list(range(count))
    if limit == 1:
        return [count - 1]
    return sorted({round(i * (count - 1) / (limit - 1)) for i in range(limit)})


class _TensorCache:
    """LRU of read series, bounded in bytes; keyed so that new steps miss."""

    def __init__(self, max_bytes: int) -> None:
        self._max = max_bytes
        self._items: collections.OrderedDict[Any, Tuple[int, Any]] = collections.OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Any, load: Callable[[], Tuple[int, Any]]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key][1]
        size, value = load()
        with self._lock:
            if key not in self._items and size <= self._max:
                self._items[key] = (size, value)
                self._bytes += size
                while self._bytes > self._max:
                    _, (old_size, _) = self._items.popitem(last=False)
                    self._bytes -= old_size
        return value


class TbvizPlugin(base_plugin.TBPlugin):
    """Serves tbviz summaries to the tbviz frontend."""

    plugin_name = metadata.PLUGIN_NAME

    def __init__(self, context: base_plugin.TBContext) -> None:
        self._provider = context.data_provider
        hint = (context.sampling_hints or {}).get(metadata.PLUGIN_NAME, DEFAULT_SAMPLES)
        self._downsample = _ALL if hint == 0 else int(hint)
        self._cache = _TensorCache(CACHE_BYTES)

    # ------------------------------------------------------------------ TBPlugin

    def get_plugin_apps(self) -> Dict[str, Callable[..., Any]]:
        return {
            "/index.js": self._serve_index_js,
            "/tags": self._serve_tags,
            "/steps": self._serve_steps,
            "/tensor": self._serve_tensor,
            "/gradient_flow": self._serve_gradient_flow,
            "/health": self._serve_health,
            "/layers": self._serve_layers,
        }

    def is_active(self) -> bool:
        return False  # activity comes from data_plugin_names, as for first-party plugins

    def data_plugin_names(self) -> Tuple[str, ...]:
        return (metadata.PLUGIN_NAME,)

    def frontend_metadata(self) -> base_plugin.FrontendMetadata:
        return base_plugin.FrontendMetadata(es_module_path="/index.js", tab_name="tbviz")

    # ------------------------------------------------------------------ data access

    def _list(self, ctx: Any, experiment: str, runs: Any = None, tags: Any = None) -> Dict:
        from tensorboard.data import provider

        return self._provider.list_tensors(
            ctx,
            experiment_id=experiment,
            plugin_name=metadata.PLUGIN_NAME,
            run_tag_filter=provider.RunTagFilter(runs=runs, tags=tags),
        )

    def _series(
        self, request: Any, kind: Optional[str] = None
    ) -> Tuple[Any, str, str, str, Any, Dict[str, Any]]:
        """(ctx, experiment, run, tag, time series, parsed content) of the request's tag;
        with ``kind``, a 400 when the tag is of another kind."""
        ctx, experiment = _request_scope(request)
        run, tag = _param(request, "run"), _param(request, "tag")
        listing = self._list(ctx, experiment, runs=[run], tags=[tag])
        series = listing.get(run, {}).get(tag)
        if series is None:
            if not self._list(ctx, experiment, runs=[run]):
                raise _NotFound(f"no run {run!r} with tbviz data")
            raise _NotFound(f"run {run!r} has no tbviz tag {tag!r}")
        try:
            content = metadata.parse_plugin_metadata(series.plugin_content)
        except ValueError as e:
            raise _BadRequest(f"tag {tag!r} of run {run!r} cannot be read: {e}") from None
        if kind is not None and content["kind"] != kind:
            raise _BadRequest(f"tag {tag!r} is of kind {content['kind']!r}, not {kind}")
        return ctx, experiment, run, tag, series, content

    def _read(self, ctx: Any, experiment: str, run: str, tag: str, series: Any) -> List[Any]:
        """All kept data of one tag, ascending by step (cached until new data arrives)."""
        from tensorboard.data import provider

        def load() -> Tuple[int, List[Any]]:
            result = self._provider.read_tensors(
                ctx,
                experiment_id=experiment,
                plugin_name=metadata.PLUGIN_NAME,
                downsample=self._downsample,
                run_tag_filter=provider.RunTagFilter(runs=[run], tags=[tag]),
            )
            data = sorted(result.get(run, {}).get(tag, []), key=lambda d: d.step)
            return sum(np.asarray(d.numpy).nbytes for d in data), data

        key = (experiment, run, tag, series.max_step, series.max_wall_time)
        return self._cache.get(key, load)

    # ------------------------------------------------------------------ routes

    @wrappers.Request.application
    @_route
    def _serve_index_js(self, request: Any) -> wrappers.Response:
        path = os.path.join(_STATIC, "index.js")
        if not os.path.exists(path):
            raise _NotFound("the tbviz frontend bundle is missing; run `make bundle`")
        with open(path, "rb") as f:
            return http_util.Respond(request, f.read(), "text/javascript")

    @wrappers.Request.application
    @_route
    def _serve_tags(self, request: Any) -> wrappers.Response:
        listing = self._list(*_request_scope(request))
        body: Dict[str, Dict[str, Any]] = {}
        for run, tags in listing.items():
            body[run] = {}
            for tag, series in tags.items():
                try:
                    entry = metadata.parse_plugin_metadata(series.plugin_content)
                except ValueError as e:  # shown as data, not dropped
                    entry = {"kind": "error", "error": str(e)}
                entry.update(max_step=series.max_step, max_wall_time=series.max_wall_time)
                body[run][tag] = entry
        return _json_response(request, body)

    @wrappers.Request.application
    @_route
    def _serve_steps(self, request: Any) -> wrappers.Response:
        ctx, experiment, run, tag, series, _ = self._series(request)
        data = self._read(ctx, experiment, run, tag, series)
        return _json_response(request, [{"step": d.step, "wall_time": d.wall_time} for d in data])

    @wrappers.Request.application
    @_route
    def _serve_tensor(self, request: Any) -> wrappers.Response:
        ctx, experiment, run, tag, series, content = self._series(request)
        step = _int_param(request, "step", lo=0, hi=2**63 - 1)
        if content["kind"] not in _NUMERIC_KINDS:
            raise _BadRequest(
                f"tag {tag!r} is of kind {content['kind']!r}; the tensor route serves "
                f"{', '.join(_NUMERIC_KINDS)} (use the health route for health, the layers "
                f"route for layer_table)"
            )
        data = self._read(ctx, experiment, run, tag, series)
        found = [d for d in data if d.step == step]
        if not found:
            raise _NotFound(f"run {run!r} tag {tag!r} has no step {step} (kept: {len(data)} steps)")
        array = _check_shape(np.asarray(found[-1].numpy), content, run, tag, step)
        headers = [
            ("X-Tbviz-Shape", ",".join(str(n) for n in array.shape)),
            ("X-Tbviz-Step", str(step)),
            ("X-Tbviz-Wall-Time", repr(float(found[-1].wall_time))),
        ]
        return http_util.Respond(
            request,
            np.ascontiguousarray(array, dtype="<f4").tobytes(),
            "application/octet-stream",
            expires=86400,
            headers=headers,
        )

    @wrappers.Request.application
    @_route
    def _serve_gradient_flow(self, request: Any) -> wrappers.Response:
        ctx, experiment, run, tag, series, content = self._series(request, metadata.GRADIENT_FLOW)
        max_steps = _int_param(
            request, "max_steps", lo=1, hi=MAX_FLOW_STEPS, default=DEFAULT_FLOW_STEPS
        )
        output = _param(request, "format", required=False) or "json"
        if output not in ("json", "binary"):
            raise _BadRequest(f"parameter 'format' must be 'json' or 'binary', got {output[:64]!r}")
        data = self._read(ctx, experiment, run, tag, series)
        if output == "json":
            per_step = max(1, len(content["layers"]) * len(content["stats"]))
            max_steps = min(max_steps, max(1, MAX_JSON_FLOW_VALUES // per_step))
        kept = [data[i] for i in _evenly(len(data), max_steps)]
        table = _stacked(kept, content, run, tag)
        head = {
            "layers": content["layers"],
            "stats": content["stats"],
            "steps": [d.step for d in kept],
            "wall_times": [d.wall_time for d in kept],
        }
        if output == "binary":
            return http_util.Respond(
                request,
                _binary_table(head, table),
                "application/octet-stream",
                headers=[("X-Tbviz-Shape", ",".join(str(n) for n in table.shape))],
            )
        return _json_response(request, dict(head, values=_nan_to_none(table)))

    @wrappers.Request.application
    @_route
    def _serve_health(self, request: Any) -> wrappers.Response:
        ctx, experiment = _request_scope(request)
        run = _param(request, "run")
        listing = self._list(ctx, experiment, runs=[run]).get(run)
        if not listing:
            raise _NotFound(f"no run {run!r} with tbviz data")
        found: List[Dict[str, Any]] = []
        contents: Dict[str, Dict[str, Any]] = {}
        for tag, series in sorted(listing.items()):
            try:
                contents[tag] = metadata.parse_plugin_metadata(series.plugin_content)
            except ValueError as e:
                found.append(events.reader_event(tag, series.max_step, f"tag cannot be read: {e}"))
        # What the read-time rules read beside a tag: the model's layer kinds and the loss.
        tables = {
            tag: self._layer_types(ctx, experiment, run, tag, listing[tag])
            for tag, c in contents.items()
            if c["kind"] == metadata.LAYER_TABLE
        }
        diagnosed = [t for t, c in contents.items() if c["kind"] in events.DIAGNOSED_KINDS]
        scalars = self._scalar_tags(ctx, experiment, run) if diagnosed else []
        for tag, content in contents.items():
            series = listing[tag]
            if content["kind"] == metadata.HEALTH:
                for d in self._read(ctx, experiment, run, tag, series):
                    found.extend(
                        events.stored_events(tag, d.step, np.asarray(d.numpy, dtype=object).ravel())
                    )
            elif content["kind"] in events.DIAGNOSED_KINDS:
                loss_tag = events.loss_tag(tag, scalars)
                loss = self._scalar(ctx, experiment, run, loss_tag) if loss_tag else None
                types = tables.get(events.layer_table_tag(tag, tables))
                found.extend(
                    self._diagnosed_events(
                        ctx, experiment, run, tag, series, content, loss=loss, types=types
                    )
                )
        return _json_response(request, events.merge_events(found))

    def _layer_types(
        self, ctx: Any, experiment: str, run: str, tag: str, series: Any
    ) -> Optional[Dict[str, str]]:
        """Layer name -> class name from the newest step of a layer table tag; None
        when it cannot be read (the layers route reports why)."""
        data = self._read(ctx, experiment, run, tag, series)
        try:
            return events.layer_types(_layer_rows(data[-1], run, tag)) if data else None
        except _BadRequest:
            return None

    def _scalar_tags(self, ctx: Any, experiment: str, run: str) -> List[str]:
        """The run's standard scalar tags (TensorBoard's scalars plugin)."""
        from tensorboard.data import provider

        listing = self._provider.list_scalars(
            ctx,
            experiment_id=experiment,
            plugin_name="scalars",
            run_tag_filter=provider.RunTagFilter(runs=[run]),
        )
        return sorted(listing.get(run, {}))

    def _scalar(
        self, ctx: Any, experiment: str, run: str, tag: str
    ) -> Tuple[List[int], List[float]]:
        """``(steps, values)`` of one scalar tag, as kept by TensorBoard, ascending."""
        from tensorboard.data import provider

        result = self._provider.read_scalars(
            ctx,
            experiment_id=experiment,
            plugin_name="scalars",
            downsample=_SCALAR_POINTS,
            run_tag_filter=provider.RunTagFilter(runs=[run], tags=[tag]),
        )
        points = sorted(result.get(run, {}).get(tag, []), key=lambda d: d.step)
        return [d.step for d in points], [float(d.value) for d in points]

    @wrappers.Request.application
    @_route
    def _serve_layers(self, request: Any) -> wrappers.Response:
        ctx, experiment, run, tag, series, content = self._series(request, metadata.LAYER_TABLE)
        data = self._read(ctx, experiment, run, tag, series)
        if not data:
            raise _NotFound(f"run {run!r} tag {tag!r} has no data")
        newest = data[-1]
        return _json_response(request, {"step": newest.step, "rows": _layer_rows(newest, run, tag)})

    def _diagnosed_events(
        self,
        ctx: Any,
        experiment: str,
        run: str,
        tag: str,
        series: Any,
        content: Dict[str, Any],
        **context: Any,
    ) -> List[Dict[str, Any]]:
        """Health events diagnosed at read time from a gradient-flow or confusion-matrix
        tag; ``context``: the run's ``loss`` and the model's layer ``types``."""
        data = self._read(ctx, experiment, run, tag, series)
        try:
            table = _stacked(data, content, run, tag)
        except _BadRequest as e:
            return [events.reader_event(tag, series.max_step, str(e))]
        return events.diagnosed_events(tag, content, [d.step for d in data], table, **context)


def _stacked(data: List[Any], content: Dict[str, Any], run: str, tag: str) -> np.ndarray:
    """``[steps, ...]`` of a diagnosed kind's data (gradient flow: ``[steps, layers,
    stats]``), every step's shape checked."""
    if not data:
        step_shape = kinds.get(content["kind"]).step_shape
        return np.zeros((0, *step_shape(content)), np.float32)
    return np.stack([_check_shape(np.asarray(d.numpy), content, run, tag, d.step) for d in data])


def _layer_rows(datum: Any, run: str, tag: str) -> List[Dict[str, Any]]:
    """The JSON rows of one layer_table step; a row that is not a JSON object is refused."""
    rows = base.decode_records(datum.numpy)
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise _BadRequest(
                f"run {run!r} tag {tag!r} step {datum.step}: layer row {i} is not a JSON object"
            )
    return rows


def _check_shape(
    array: np.ndarray, content: Dict[str, Any], run: str, tag: str, step: int
) -> np.ndarray:
    """Refuses a tensor whose shape contradicts its metadata (never a wrong picture)."""
    try:
        metadata.check_tensor(content, array)
    except ValueError as e:
        raise _BadRequest(f"run {run!r} tag {tag!r} step {step}: {e}") from None
    return array


class TbvizLoader(base_plugin.TBLoader):
    """Loads the tbviz plugin; a failure costs the tab, never TensorBoard's start."""

    def fix_flags(self, flags: Any) -> None:
        samples = getattr(flags, "samples_per_plugin", None)
        if isinstance(samples, dict):
            samples.setdefault(metadata.PLUGIN_NAME, DEFAULT_SAMPLES)

    def load(self, context: base_plugin.TBContext) -> Optional[TbvizPlugin]:
        try:
            if context.data_provider is None:
                logger.warning("tbviz: TensorBoard gave no data provider; the tbviz tab is off")
                return None
            return TbvizPlugin(context)
        except Exception:
            logger.exception("tbviz: the plugin failed to load; TensorBoard goes on without it")
            return None
