"""Hypothesis over the format parser, the record framing as TensorBoard reads
it, and the plugin's route parameters against a real TensorBoard (both loaders).
Example counts are bounded so that the suite stays fast."""

import json
import urllib.parse

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tb_server import get

from tbviz_plugin import metadata
from tbviz_plugin.writer import record

# --------------------------------------------------------------------------- format parser

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
_contents = st.one_of(
    st.binary(max_size=64),
    _json_values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries(
        {
            "v": st.one_of(st.integers(-1, 3), st.booleans(), st.floats(), st.text(max_size=3)),
            "kind": st.one_of(st.sampled_from(metadata.KINDS), st.text(max_size=8), _json_values),
        },
        optional={
            "layers": _json_values,
            "stats": st.one_of(_json_values, st.lists(st.text(max_size=6), max_size=3)),
            "shape": st.one_of(_json_values, st.just(float("nan"))),
        },
    ).map(lambda body: json.dumps(body).encode()),  # json.dumps writes NaN as a bare NaN
)


@settings(max_examples=400, deadline=None)
@given(_contents)
def test_parse_plugin_metadata_accepts_only_what_the_plugin_can_serve(content):
    try:
        body = metadata.parse_plugin_metadata(content)
    except ValueError:
        return  # the one documented failure: shown as {"kind": "error"} and a reader event
    assert body["kind"] in metadata.KINDS
    assert isinstance(body["v"], int) and 1 <= body["v"] <= metadata.FORMAT_VERSION
    json.dumps(body, allow_nan=False)  # the tags route can always serve it
    if body["kind"] == metadata.GRADIENT_FLOW:
        assert all(isinstance(n, str) for n in body["layers"] + body["stats"])


# --------------------------------------------------------------------------- record framing


@st.composite
def _damaged_files(draw):
    payloads = draw(st.lists(st.binary(max_size=300), min_size=1, max_size=6))
    sizes = [12 + len(p) + 4 for p in payloads]
    total = sum(sizes)
    at = draw(st.integers(0, total - 1))
    how = draw(st.sampled_from(["truncate", "flip"]))
    bit = draw(st.integers(0, 7))
    return payloads, sizes, at, how, bit


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_damaged_files())
def test_tensorboard_reads_every_record_before_the_damage_and_nothing_after(tmp_path, case):
    from tensorboard.backend.event_processing import event_file_loader

    payloads, sizes, at, how, bit = case
    path = tmp_path / "events.out.tfevents.fuzz"
    with open(path, "wb") as f:
        for p in payloads:
            record.RecordFile(f, buffer_size=0).write([p])
    data = bytearray(path.read_bytes())
    if how == "truncate":
        del data[at:]
    else:
        data[at] ^= 1 << bit
    path.write_bytes(bytes(data))
    intact = sum(1 for end in np.cumsum(sizes) if end <= at)
    read = list(event_file_loader.RawEventFileLoader(str(path)).Load())
    assert read == payloads[:intact]


# --------------------------------------------------------------------------- route parameters

ROUTES = ["tags", "steps", "tensor", "gradient_flow", "health", "layers", "nope"]
KNOWN = ["train", "w", "model/gradient_flow", "model/health", "model/layers", "<b>x</b>", "0", "3"]


_values = st.one_of(
    st.sampled_from(KNOWN),
    st.integers(-(2**70), 2**70).map(str),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(["9" * 5000, "", " ", "%00", "\x00", "json", "binary", "1e9", "-0"]),
)
_params = st.lists(
    st.tuples(st.sampled_from(["run", "tag", "step", "max_steps", "format", "x"]), _values),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(route=st.sampled_from(ROUTES), params=_params)
def test_any_query_gets_an_answer_never_a_500(server, route, params):
    query = urllib.parse.urlencode(params)
    status, headers, body = get(f"{server}/data/plugin/tbviz/{route}?{query}")
    if route == "nope":
        assert status == 404
        return
    assert status in (200, 400, 404), (status, body[:300])
    assert headers["X-Content-Type-Options"] == "nosniff"
    if status == 200 and headers["Content-Type"].startswith("application/octet-stream"):
        assert route == "tensor" or (route == "gradient_flow" and ("format", "binary") in params)
    else:
        assert headers["Content-Type"].startswith("application/json"), headers["Content-Type"]
        answer = json.loads(body)
        if status != 200:
            assert isinstance(answer["error"], str) and answer["error"]
