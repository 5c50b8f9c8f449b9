"""tf.summary ops and attached torch / tensorboardX SummaryWriters write the same data."""

import json

import numpy as np
import pytest
from event_reading import read_tensors

import tbviz_plugin as tbviz

KERNEL = np.random.default_rng(1).normal(size=(20, 30)).astype(np.float32)
GRADS = {"in": np.array([3.0, 4.0]), "out": np.array([np.nan, 0.0, 1.0])}


def _expect_same_as_writer(tmp_path, data):
    with tbviz.Writer(tmp_path / "reference") as w:
        w.weight_surface("dense/kernel", KERNEL, 3)
        w.gradient_flow("model/gradient_flow", GRADS, 3)
        w.health("model/health", [{"code": "nan", "layer": "out"}], 3)
    reference = read_tensors(tmp_path / "reference")
    for tag, events in reference.items():
        (step, _, array, md) = events[0]
        (got_step, _, got_array, got_md) = data[tag][0]
        assert got_step == step == 3
        if array.dtype == object:
            assert [json.loads(x) for x in got_array] == [json.loads(x) for x in array]
        else:
            np.testing.assert_array_equal(got_array, array)
        assert got_md.plugin_data.plugin_name == "tbviz" and got_md.data_class == md.data_class
        assert json.loads(got_md.plugin_data.content) == json.loads(md.plugin_data.content)


def test_tf_summary_ops_inside_a_tf_summary_writer(tmp_path):
    tf = pytest.importorskip("tensorflow")
    from tbviz_plugin import tf_summary

    with tf.summary.create_file_writer(str(tmp_path / "tf")).as_default():
        assert tf_summary.weight_surface("dense/kernel", tf.constant(KERNEL), step=3)
        tf_summary.gradient_flow(
            "model/gradient_flow", {k: tf.constant(v) for k, v in GRADS.items()}, step=3
        )
        tf.summary.experimental.set_step(3)
        tf_summary.health("model/health", [{"code": "nan", "layer": "out"}])
    _expect_same_as_writer(tmp_path, read_tensors(tmp_path / "tf"))


def test_tf_summary_without_default_writer_returns_false():
    pytest.importorskip("tensorflow")
    from tbviz_plugin import tf_summary

    assert not bool(tf_summary.weight_surface("w", np.ones(3), step=0))


def test_attached_torch_summary_writer(tmp_path):
    torch = pytest.importorskip("torch")
    from torch.utils.tensorboard import SummaryWriter

    sw = SummaryWriter(str(tmp_path / "torch"))
    tb = tbviz.attach(sw)
    # Keras layout on purpose, to compare with the numpy reference (torch's own
    # (out, in) layout is tested in test_summary).
    tb.weight_surface("dense/kernel", torch.from_numpy(KERNEL), 3, layout="channels_last")
    tb.gradient_flow("model/gradient_flow", {k: torch.from_numpy(v) for k, v in GRADS.items()}, 3)
    tb.health("model/health", [{"code": "nan", "layer": "out"}], 3)
    tb.close()
    _expect_same_as_writer(tmp_path, read_tensors(tmp_path / "torch"))


def test_attached_tensorboardx_summary_writer(tmp_path):
    pytest.importorskip("tensorboardX")
    from tensorboardX import SummaryWriter

    sw = SummaryWriter(str(tmp_path / "tbx"))
    tb = tbviz.attach(sw)
    tb.weight_surface("dense/kernel", KERNEL, 3)
    tb.gradient_flow("model/gradient_flow", GRADS, 3)
    tb.health("model/health", [{"code": "nan", "layer": "out"}], 3)
    tb.close()
    _expect_same_as_writer(tmp_path, read_tensors(tmp_path / "tbx"))


def test_attach_refuses_other_objects_with_a_hint():
    with pytest.raises(TypeError, match="tf_summary"):
        tbviz.attach(object())
