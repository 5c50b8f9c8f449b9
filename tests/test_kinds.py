"""The kinds registry: every sink and op takes its kinds from it, one module per kind."""

import ast
import inspect

import numpy as np
import pytest

import tbviz_plugin as tbviz
from tbviz_plugin import events, kinds, metadata, summary, tf_summary
from tbviz_plugin.attached import AttachedWriter
from tbviz_plugin.integrations.distributed import NullWriter
from tbviz_plugin.writer.methods import TagRules


@pytest.mark.parametrize("sink", [tbviz.Writer, AttachedWriter, NullWriter])
def test_every_sink_has_every_kinds_writer_methods(sink):
    for kind in kinds.ALL:
        for name, method in kind.methods.items():
            assert getattr(sink, name) is method
            assert list(inspect.signature(method).parameters)[:2] == ["sink", "tag"]
            assert "wall_time" in inspect.signature(method).parameters


def test_editors_see_the_same_writer_methods_as_the_registry_installs():
    # SummaryMethods names each method under TYPE_CHECKING for editors and type checkers.
    from tbviz_plugin.writer import methods

    tree = ast.parse(inspect.getsource(methods.SummaryMethods))
    block = next(n for n in ast.walk(tree) if isinstance(n, ast.If))
    declared = {
        t.id: ast.unparse(n.value)
        for n in block.body
        if isinstance(n, ast.Assign)
        for t in n.targets
    }
    installed = {
        name: f"kinds.{m.__module__.rsplit('.', 1)[1]}.{m.__code__.co_name}"
        for kind in kinds.ALL
        for name, m in kind.methods.items()
    }
    assert declared == installed


def test_tf_summary_offers_an_op_for_each_kind_that_says_so():
    ops = [k.name for k in kinds.ALL if k.tf_summary]
    assert ops == [
        "weight_surface",
        "activation_map",
        "gradient_flow",
        "health",
        "confusion_matrix",
        "feature_importance",
    ]
    for name in ops:
        assert callable(getattr(tf_summary, name))
    assert not hasattr(tf_summary, "layer_table")


def test_metadata_and_events_read_their_kinds_from_the_registry():
    assert (
        metadata.KINDS
        == kinds.tbviz_kinds()
        == (
            "weight_surface",
            "activation_map",
            "gradient_flow",
            "health",
            "layer_table",
            "confusion_matrix",
            "feature_importance",
        )
    )
    assert metadata.NUMERIC_KINDS == tuple(k for k in metadata.KINDS if kinds.get(k).numeric)
    assert metadata.HEALTH == "health" and metadata.IMPORTANCE_LAYOUTS == ("vector", "image")
    assert events.DIAGNOSED_KINDS == ("gradient_flow", "confusion_matrix")
    with pytest.raises(AttributeError):
        metadata.NO_SUCH_KIND  # noqa: B018
    with pytest.raises(KeyError, match="no summary kind 'mesh'"):
        kinds.get("mesh")


def test_each_tbviz_kind_reads_its_own_content_and_tensors():
    for name in kinds.tbviz_kinds():
        kind = kinds.get(name)
        assert kind.export is None or kind.numeric  # records are not exported as arrays
        assert (kind.diagnose is None) == (kind.step_shape is None)
    flow = kinds.get("gradient_flow")
    with pytest.raises(ValueError, match="'layers' as a list of names"):
        flow.check_content({"kind": "gradient_flow", "stats": []})
    content = {"kind": "gradient_flow", "layers": ["a", "b"], "stats": ["mean_abs"]}
    assert flow.step_shape(content) == (2, 1)
    assert flow.tensor_matches(content, np.zeros((2, 1), np.float32))
    assert not flow.tensor_matches(content, np.zeros((1, 2), np.float32))


def test_tag_rules_give_a_tags_first_content_only_to_its_own_kind():
    rules = TagRules()
    assert rules.first_content("m/cm", "confusion_matrix") is None
    rules.admit(summary.prepare_confusion_matrix("m/cm", [0, 1], [1, 1], class_names=["a", "b"]))
    assert rules.first_content("m/cm", "confusion_matrix")["class_names"] == ["a", "b"]
    assert rules.first_content("m/cm", "gradient_flow") is None
    with pytest.raises(ValueError, match="first written with class_names"):
        rules.admit(summary.prepare_confusion_matrix("m/cm", [0, 2], [1, 1]))


def test_a_surface_pooled_elsewhere_is_the_record_the_writer_builds(tmp_path):
    weight = np.random.default_rng(0).standard_normal((600, 300)).astype(np.float32)
    want = summary.prepare_weight_surface("w", weight).build()
    got = summary.prepare_pooled_weight_surface(
        "w", want.array.copy(), shape=weight.shape, matrix_shape=weight.shape, form="matrix"
    )
    assert got.metadata_bytes == want.metadata_bytes
    np.testing.assert_array_equal(got.build().array, want.array)
    with tbviz.Writer(tmp_path) as w:
        w.send(got, 3)
        with pytest.raises(ValueError, match="first written with"):
            w.send(summary.prepare_weight_surface("w", weight[:10]), 4)
