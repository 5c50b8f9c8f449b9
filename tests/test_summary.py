import json

import numpy as np
import pytest
from tensorboard.util import tensor_util

from tbviz_plugin import metadata, summary


def _value(s):
    (v,) = s.value
    return v, tensor_util.make_ndarray(v.tensor), json.loads(v.metadata.plugin_data.content)


def test_bias_vector_becomes_one_row():
    v, arr, content = _value(summary.weight_surface("dense/bias", np.arange(5.0)))
    assert arr.shape == (1, 5) and content["form"] == "vector" and content["shape"] == [5]


def test_keras_conv_kernel_is_flattened_to_k_k_in_by_out():
    kernel = np.random.default_rng(0).normal(size=(3, 3, 4, 8)).astype(np.float32)
    _, arr, content = _value(summary.weight_surface("conv/kernel", kernel))
    assert arr.shape == (36, 8) and content["form"] == "kernel_channels_last"
    np.testing.assert_array_equal(arr, kernel.reshape(36, 8))


def test_torch_conv_kernel_is_flattened_to_in_k_k_by_out():
    torch = pytest.importorskip("torch")
    kernel = torch.randn(8, 4, 3, 3)
    _, arr, content = _value(summary.weight_surface("conv.weight", kernel, quantity="grad"))
    assert arr.shape == (36, 8) and content["form"] == "kernel_channels_first"
    assert content["quantity"] == "grad"
    np.testing.assert_array_equal(arr, kernel.numpy().reshape(8, 36).T)


def test_large_matrix_is_pooled_to_grid_and_metadata_says_so():
    _, arr, content = _value(summary.weight_surface("w", np.ones((1024, 300)), max_grid=(128, 128)))
    assert arr.shape == (128, 100)
    assert content["matrix_shape"] == [1024, 300] and content["pool"] == "max_abs"


def test_dense_activations_are_samples_by_units():
    acts = np.random.default_rng(0).random((32, 10))
    _, arr, content = _value(summary.activation_map("dense", acts))
    assert arr.shape == (32, 10) and content["form"] == "dense"
    np.testing.assert_allclose(arr, acts.astype(np.float32))


def test_conv_activations_keep_one_sample_channels_first_and_cap_channels():
    acts = np.random.default_rng(0).random((4, 6, 5, 80)).astype(np.float32)  # N H W C
    _, arr, content = _value(summary.activation_map("conv", acts, sample=2, max_channels=16))
    assert arr.shape == (16, 6, 5)
    np.testing.assert_array_equal(arr, np.moveaxis(acts[2], -1, 0)[:16])
    assert content["channels"] == 80 and content["sample"] == 2 and content["form"] == "channels"


def test_conv1d_activations_become_one_row_maps():
    acts = np.ones((2, 30, 3))  # N L C
    _, arr, _ = _value(summary.activation_map("conv1d", acts))
    assert arr.shape == (3, 1, 30)


def test_sequence_activations_keep_every_channel_pooled_like_a_dense_map():
    """A transformer-sized [N, L, C] output: all 768 channels are seen, max-abs pooled
    with the positions to 256x256 (max_channels, the conv tiles' cap, does not cut
    them off): a single large channel far past the first 64 survives."""
    acts = np.zeros((2, 600, 768), np.float32)
    acts[0, 3, 700] = 9.0
    acts[0, 500, 10] = -4.0
    _, arr, content = _value(summary.activation_map("encoder", acts, max_channels=64))
    assert arr.shape == (256, 1, 200)  # blocks of 3 channels x 3 positions
    assert arr[700 // 3, 0, 3 // 3] == 9.0 and arr[10 // 3, 0, 500 // 3] == -4.0
    assert np.count_nonzero(arr) == 2
    assert content["channels"] == 768 and content["max_grid"] == [256, 256]
    assert content["sample_shape"] == [600, 768] and content["form"] == "channels"
    assert content["channels_pooled"] is True
    _, _, conv = _value(summary.activation_map("conv", np.ones((1, 4, 4, 3))))
    assert "channels_pooled" not in conv  # 2-D conv tiles are cut to max_channels


def test_gradient_flow_rows_follow_depth_order_and_none_is_nan():
    grads = {"in": np.array([3.0, 4.0]), "frozen": None, "out": np.zeros(3)}
    _, arr, content = _value(summary.gradient_flow("m/gf", grads))
    assert content["layers"] == ["in", "frozen", "out"]
    assert content["stats"][:3] == ["mean_abs", "max_abs", "l2"]
    assert arr[0, 2] == pytest.approx(5.0) and np.isnan(arr[1]).all() and arr[2, 6] == 1.0


def test_gradient_flow_with_weights_adds_update_ratio():
    _, arr, content = _value(
        summary.gradient_flow(
            "m/gf",
            {"a": np.ones(2)},
            weights={"a": np.array([2.0, 0])},
            prev_weights={"a": np.array([1.0, 0])},
        )
    )
    assert content["stats"][-2:] == ["weight_l2", "update_ratio"]
    assert arr[0, -1] == pytest.approx(1.0) and arr[0, -2] == pytest.approx(2.0)


def test_health_events_are_json_strings_with_defaults():
    v, arr, content = _value(
        summary.health("m/health", [{"code": "nan", "layer": "d", "value": np.nan}], 7)
    )
    event = json.loads(arr[0])
    assert content == {"v": 1, "kind": "health"}
    assert event["step"] == 7 and event["severity"] == "warning" and event["value"] == "nan"


def test_scalar_uses_tensorboards_scalar_plugin():
    (v,) = summary.scalar("loss", 0.5).value
    assert v.metadata.plugin_data.plugin_name == "scalars"
    assert tensor_util.make_ndarray(v.tensor) == np.float32(0.5)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: summary.weight_surface("w", np.ones((2, 2, 2, 2, 2, 2))),
            ValueError,
            "array must have rank",
        ),
        (
            lambda: summary.weight_surface("w", np.array([], np.float32)),
            ValueError,
            "array is empty",
        ),
        (
            lambda: summary.weight_surface("w", np.array(["x"])),
            TypeError,
            "array must hold real numbers",
        ),
        (lambda: summary.weight_surface("w", np.ones(3), quantity="bias"), ValueError, "quantity"),
        (lambda: summary.weight_surface("", np.ones(3)), ValueError, "tag"),
        (lambda: summary.weight_surface(5, np.ones(3)), TypeError, "tag"),
        (lambda: summary.weight_surface("w", np.ones(3), layout="nhwc"), ValueError, "layout"),
        (
            lambda: summary.activation_map("a", np.ones((2, 3, 3, 1)), sample=2),
            ValueError,
            "sample",
        ),
        (
            lambda: summary.activation_map("a", np.ones((2, 3, 3, 1)), max_channels=0),
            ValueError,
            "max_channels",
        ),
        (lambda: summary.activation_map("a", np.ones(5) * 1j), TypeError, "array"),
        (lambda: summary.gradient_flow("g", {}), ValueError, "grads is empty"),
        (lambda: summary.gradient_flow("g", [np.ones(2)]), TypeError, "grads must be a mapping"),
        (lambda: summary.gradient_flow("g", {"a": "x"}), TypeError, r"grads\['a'\]"),
        (
            lambda: summary.gradient_flow("g", {"a": np.ones(2)}, prev_weights={"a": np.ones(2)}),
            ValueError,
            "prev_weights",
        ),
        (lambda: summary.health("h", [{"severity": "bad"}], 0), ValueError, "code"),
        (
            lambda: summary.health("h", [{"code": "x", "severity": "bad"}], 0),
            ValueError,
            "severity",
        ),
        (lambda: summary.health("h", {"code": "x"}, 0), TypeError, "list"),
        (lambda: summary.health("h", [], -1), ValueError, "step"),
        (lambda: summary.health("h", [], 1.5), TypeError, "step"),
        (lambda: summary.scalar("s", np.ones(2)), ValueError, "single number"),
    ],
)
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_every_kind_has_tensor_data_class():
    for s in [
        summary.weight_surface("w", np.ones(3)),
        summary.activation_map("a", np.ones((2, 3))),
        summary.gradient_flow("g", {"a": np.ones(2)}),
        summary.health("h", [], 0),
    ]:
        md = s.value[0].metadata
        assert md.data_class == 2 and md.plugin_data.plugin_name == metadata.PLUGIN_NAME


def test_torch_linear_weight_is_shown_inputs_by_outputs_like_keras():
    torch = pytest.importorskip("torch")
    weight = torch.nn.Linear(6, 4).weight  # (out, in)
    _, arr, content = _value(summary.weight_surface("fc.weight", weight))
    assert arr.shape == (6, 4) and content["form"] == "matrix_channels_first"
    assert content["shape"] == [4, 6]
    np.testing.assert_array_equal(arr, weight.detach().numpy().T)


def test_surface_layout_is_the_rule_weight_surface_follows():
    cases = {
        ((7,), "channels_last"): ((1, 7), "vector"),
        ((4, 6), "channels_last"): ((4, 6), "matrix"),
        ((6, 4), "channels_first"): ((4, 6), "matrix_channels_first"),
        ((3, 3, 2, 5), "channels_last"): ((18, 5), "kernel_channels_last"),
        ((5, 2, 3, 3), "channels_first"): ((18, 5), "kernel_channels_first"),
    }
    for (shape, layout), want in cases.items():
        assert summary.surface_layout(shape, layout) == want
        built = summary.prepare_weight_surface("t", np.ones(shape, np.float32), layout=layout)
        content = metadata.parse_plugin_metadata(built.build().metadata.plugin_data.content)
        assert (tuple(content["matrix_shape"]), content["form"]) == want
    for shape in [(), (0, 4), (None, 4), (1,) * 6]:
        assert summary.surface_layout(shape, "channels_last") is None
