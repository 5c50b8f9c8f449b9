import json

import pytest
from tensorboard.compat.proto import summary_pb2

from tbviz_plugin import metadata


def test_metadata_names_plugin_kind_version_and_tensor_data_class():
    md = metadata.create_summary_metadata("weight_surface", quantity="grad")
    assert md.plugin_data.plugin_name == "tbviz"
    assert md.data_class == summary_pb2.DATA_CLASS_TENSOR
    assert json.loads(md.plugin_data.content) == {
        "v": 1,
        "kind": "weight_surface",
        "quantity": "grad",
    }


def test_content_is_compact_and_deterministic():
    a = metadata.create_summary_metadata("gradient_flow", stats=["a"], layers=["x"])
    b = metadata.create_summary_metadata("gradient_flow", layers=["x"], stats=["a"])
    assert a.SerializeToString() == b.SerializeToString()
    assert b" " not in a.plugin_data.content


def test_parse_round_trips():
    md = metadata.create_summary_metadata("health")
    assert metadata.parse_plugin_metadata(md.plugin_data.content) == {"v": 1, "kind": "health"}


def test_newer_major_version_is_refused_with_upgrade_message():
    with pytest.raises(metadata.FormatVersionError, match="version 2.*upgrade"):
        metadata.parse_plugin_metadata(b'{"v": 2, "kind": "health"}')


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfe", "not UTF-8 JSON"),
        (b"{not json", "not UTF-8 JSON"),
        (b"[1, 2]", "JSON object"),
        (b'{"kind": "health"}', "no valid version"),
        (b'{"v": "1", "kind": "health"}', "no valid version"),
        (b'{"v": 1, "kind": "pie_chart"}', "unknown kind"),
    ],
)
def test_bad_content_names_the_problem(content, message):
    with pytest.raises(ValueError, match=message):
        metadata.parse_plugin_metadata(content)


def test_unknown_kind_is_refused_when_writing():
    with pytest.raises(ValueError, match="kind must be one of"):
        metadata.create_summary_metadata("pie_chart")
