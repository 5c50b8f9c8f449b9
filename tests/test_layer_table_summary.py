"""summary.layer_table / Writer.layer_table: the layer_table kind."""

import json

import numpy as np
import pytest

import tbviz_plugin as tbviz
from tbviz_plugin import metadata, summary


def test_rows_are_compact_json_in_order():
    rows = [
        {
            "name": "fc1",
            "type": "Linear",
            "output_shape": (None, np.int64(32)),
            "params": np.int64(2080),
        },
        {"name": "act", "type": "ReLU", "output_shape": None, "params": 0, "trainable_params": 0},
    ]
    value = summary.layer_table("m/layers", rows).value[0]
    assert value.tensor.dtype == 7 and [d.size for d in value.tensor.tensor_shape.dim] == [2]
    assert metadata.parse_plugin_metadata(value.metadata.plugin_data.content) == {
        "v": 1,
        "kind": "layer_table",
    }
    assert value.tensor.string_val[0] == (
        b'{"name":"fc1","output_shape":[null,32],"params":2080,"type":"Linear"}'
    )
    assert json.loads(value.tensor.string_val[1]) == {
        "name": "act",
        "type": "ReLU",
        "output_shape": None,
        "params": 0,
        "trainable_params": 0,
    }


@pytest.mark.parametrize(
    "rows, error, words",
    [
        ([], ValueError, "empty"),
        ({"name": "a"}, TypeError, "list"),
        (["a"], TypeError, "rows[0] must be a mapping"),
        ([{"type": "X", "params": 1}], ValueError, "rows[0] needs a non-empty string 'name'"),
        ([{"name": "a", "params": 1}], TypeError, "rows[0] ('a')['type']"),
        ([{"name": "a", "type": "X"}], ValueError, "rows[0] ('a') needs 'params'"),
        ([{"name": "a", "type": "X", "params": 1.5}], TypeError, "['params'] must be an integer"),
        ([{"name": "a", "type": "X", "params": -1}], ValueError, "['params'] must be >= 0"),
        ([{"name": "a", "type": "X", "params": True}], TypeError, "['params']"),
        (
            [{"name": "a", "type": "X", "params": 1, "trainable_params": "1"}],
            TypeError,
            "['trainable_params']",
        ),
        (
            [{"name": "a", "type": "X", "params": 1, "output_shape": "(1, 2)"}],
            TypeError,
            "['output_shape']",
        ),
        (
            [{"name": "a", "type": "X", "params": 1, "output_shape": [1, -2]}],
            ValueError,
            "['output_shape'][1]",
        ),
        (
            [{"name": "a", "type": "X", "params": 1}, {"name": "a", "type": "Y", "params": 0}],
            ValueError,
            "rows[1] repeats the layer name 'a'",
        ),
        ([{"name": "a", "type": "X", "params": 1, "extra": object()}], TypeError, "JSON"),
    ],
)
def test_bad_rows_name_the_row_and_field(rows, error, words):
    with pytest.raises(error) as info:
        summary.prepare_layer_table("t", rows)
    assert words in str(info.value)


def test_writer_method_round_trips(tmp_path):
    from event_reading import read_tensors

    rows = [{"name": "dense", "type": "Dense", "output_shape": [None, 4], "params": 20}]
    with tbviz.Writer(tmp_path) as w:
        w.layer_table("m/layers", rows, 3)
        with pytest.raises(ValueError, match="step"):
            w.layer_table("m/layers", rows, -1)
    ((step, _, array, md),) = read_tensors(tmp_path)["m/layers"]
    assert step == 3
    assert metadata.parse_plugin_metadata(md.plugin_data.content)["kind"] == "layer_table"
    assert [json.loads(b) for b in array.ravel()] == rows
