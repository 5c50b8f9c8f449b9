"""The confusion_matrix and feature_importance kinds: summary functions and Writer methods."""

import io
import json

import numpy as np
import pytest
from event_reading import read_tensors
from tensorboard.util import tensor_util

import tbviz_plugin as tbviz
from tbviz_plugin import metadata, summary


def _content(s):
    return metadata.parse_plugin_metadata(s.value[0].metadata.plugin_data.content)


def _array(s):
    return tensor_util.make_ndarray(s.value[0].tensor)


def test_confusion_matrix_counts_true_rows_against_predicted_columns():
    y_true = [0, 0, 1, 2, 2, 2]
    y_pred = [0, 1, 1, 2, 0, 2]
    s = summary.confusion_matrix("m/cm", y_true, y_pred, num_classes=4)
    expected = np.zeros((4, 4), np.float32)
    for t, p in zip(y_true, y_pred):
        expected[t, p] += 1
    np.testing.assert_array_equal(_array(s), expected)
    assert _array(s).dtype == np.float32 and s.value[0].metadata.data_class == 2
    assert _content(s) == {"v": 1, "kind": "confusion_matrix", "class_names": ["0", "1", "2", "3"]}


def test_confusion_matrix_takes_scores_argmax_and_one_hot_truth():
    scores = np.array([[0.1, 0.7, 0.2], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6]], np.float32)
    one_hot = np.eye(3)[[1, 2, 2]]
    s = summary.confusion_matrix("cm", one_hot, scores, class_names=["a", "b", "c"])
    np.testing.assert_array_equal(_array(s), [[0, 0, 0], [0, 1, 0], [1, 0, 1]])
    assert _content(s)["class_names"] == ["a", "b", "c"]


def test_confusion_matrix_without_class_count_uses_the_largest_index_seen():
    s = summary.confusion_matrix("cm", np.array([0.0, 2.0]), np.array([1, 1], np.uint8))
    assert _array(s).shape == (3, 3) and _array(s).sum() == 2


def test_nan_score_rows_predict_nothing_and_are_not_counted():
    scores = np.array([[0.2, 0.8], [np.nan, 1.0], [0.9, np.inf]])
    s = summary.confusion_matrix("cm", [1, 1, 0], scores)
    np.testing.assert_array_equal(_array(s), [[0, 1], [0, 1]])


def test_a_sigmoid_column_is_two_classes_p_and_1_minus_p():
    p = np.array([[0.1], [0.7], [0.4], [0.9]], np.float32)  # a binary classifier's sigmoid
    s = summary.confusion_matrix("cm", [0, 1, 1, 0], p)
    np.testing.assert_array_equal(_array(s), [[1, 1], [1, 1]])
    assert _content(s)["class_names"] == ["0", "1"]
    s = summary.confusion_matrix("cm", np.array([[0.0], [1.0]]), np.array([[0.2], [0.8]]))
    np.testing.assert_array_equal(_array(s), [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match=r"probability of class 1.*\[0, 1\].*sigmoid"):
        summary.confusion_matrix("cm", [0, 1], np.array([[-2.0], [3.0]]))  # logits


def test_feature_importance_vector_keeps_feature_names():
    s = summary.feature_importance("fi", [0.5, 0.0, 2.0], feature_names=["age", "bmi", "bp"])
    np.testing.assert_array_equal(_array(s), np.float32([0.5, 0.0, 2.0]))
    assert _content(s) == {
        "v": 1,
        "kind": "feature_importance",
        "layout": "vector",
        "feature_names": ["age", "bmi", "bp"],
    }
    assert "feature_names" not in _content(summary.feature_importance("fi", np.ones(3)))


def test_feature_importance_image_sums_channels_and_records_the_input_shape():
    image = np.arange(4 * 5 * 3, dtype=np.float32).reshape(4, 5, 3)
    s = summary.feature_importance("fi", image)
    np.testing.assert_array_equal(_array(s), image.sum(axis=-1))
    assert _content(s) == {
        "v": 1,
        "kind": "feature_importance",
        "layout": "image",
        "input_shape": [4, 5, 3],
        "input_layout": "channels_last",
    }
    first = summary.feature_importance("fi", np.moveaxis(image, -1, 0), layout="channels_first")
    np.testing.assert_array_equal(_array(first), image.sum(axis=-1))
    plain = summary.feature_importance("fi", image[..., 0])
    assert _content(plain)["input_shape"] == [4, 5] and _array(plain).shape == (4, 5)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: summary.confusion_matrix("c", [0, 1], [0]), ValueError, "y_true has 2 samples"),
        (lambda: summary.confusion_matrix("c", [0, -1], [0, 1]), ValueError, "y_true holds a neg"),
        (lambda: summary.confusion_matrix("c", [0, 1], [0.5, 1]), ValueError, "y_pred must hold"),
        (lambda: summary.confusion_matrix("c", [0, 1], ["a", "b"]), TypeError, "y_pred"),
        (lambda: summary.confusion_matrix("c", [], []), ValueError, "y_true is empty"),
        (
            lambda: summary.confusion_matrix("c", np.ones((2, 2, 2)), [0, 1]),
            ValueError,
            r"y_true must be class indices \[N\] or scores",
        ),
        (
            lambda: summary.confusion_matrix("c", [0, 3], [0, 1], num_classes=3),
            ValueError,
            "y_true holds class index 3 but there are only 3 classes",
        ),
        (
            lambda: summary.confusion_matrix("c", [0, 1], np.ones((2, 4)), class_names=["a", "b"]),
            ValueError,
            "y_pred has scores for 4 classes but there are 2",
        ),
        (
            lambda: summary.confusion_matrix("c", [0], [0], class_names=["a"], num_classes=2),
            ValueError,
            "class_names has 1 names but there are 2",
        ),
        (
            lambda: summary.confusion_matrix("c", [0], [0], class_names="ab"),
            TypeError,
            "class_names must be a sequence",
        ),
        (
            lambda: summary.confusion_matrix("c", [0], [0], class_names=["a", 2]),
            TypeError,
            r"class_names\[1\]",
        ),
        (lambda: summary.confusion_matrix("c", [0], [0], num_classes=1.5), TypeError, "num_cl"),
        (lambda: summary.confusion_matrix("c", [0], [0], num_classes=0), ValueError, "num_cl"),
        (lambda: summary.feature_importance("f", np.ones((2, 2, 2, 2))), ValueError, "rank"),
        (lambda: summary.feature_importance("f", []), ValueError, "importance is empty"),
        (
            lambda: summary.feature_importance("f", np.ones(3), feature_names=["a"]),
            ValueError,
            "feature_names has 1 names but there are 3",
        ),
        (
            lambda: summary.feature_importance("f", np.ones((2, 2)), feature_names=["a"] * 4),
            ValueError,
            "feature_names are for vector importance",
        ),
        (lambda: summary.feature_importance("f", np.ones(2), layout="hwc"), ValueError, "layout"),
    ],
)
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_writer_round_trips_both_kinds_through_event_accumulator(tmp_path):
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 3, size=50)
    with tbviz.Writer(tmp_path) as w:
        for step in range(3):
            scores = rng.random((50, 3))
            w.confusion_matrix("m/cm", truth, scores, step, class_names=["a", "b", "c"])
            w.feature_importance("m/fi", rng.random((8, 8, 1)), step)
            w.feature_importance("m/fv", rng.random(4), step, feature_names=list("wxyz"))
    data = read_tensors(tmp_path)
    cm = data["m/cm"]
    assert [e[0] for e in cm] == [0, 1, 2]
    assert all(e[2].shape == (3, 3) and e[2].sum() == 50 for e in cm)
    np.testing.assert_array_equal(cm[0][2].sum(axis=1), np.bincount(truth, minlength=3))
    content = json.loads(cm[0][3].plugin_data.content)
    assert content == {"v": 1, "kind": "confusion_matrix", "class_names": ["a", "b", "c"]}
    assert data["m/fi"][2][2].shape == (8, 8) and data["m/fv"][1][2].shape == (4,)
    assert json.loads(data["m/fi"][0][3].plugin_data.content)["input_shape"] == [8, 8, 1]


def test_writer_keeps_a_tags_classes_from_its_first_call(tmp_path):
    with tbviz.Writer(tmp_path) as w:
        w.confusion_matrix("cm", [0, 1], [1, 1], 0, class_names=["cat", "dog"])
        w.confusion_matrix("cm", [1, 1], [0, 1], 1)  # names remembered, not reset to "0", "1"
        with pytest.raises(ValueError, match="fixed by its first call"):
            w.confusion_matrix("cm", [0, 1], [1, 1], 2, class_names=["a", "b"])
        with pytest.raises(ValueError, match="y_pred holds class index 2 but there are only 2"):
            w.confusion_matrix("cm", [0, 1], [2, 1], 2)
        w.confusion_matrix("labels_only", [0, 1], [1, 1], 0)
        with pytest.raises(ValueError, match="first call"):  # the hint says how to fix it
            w.confusion_matrix("labels_only", [0, 2], [1, 1], 1)
    cm = read_tensors(tmp_path)["cm"]
    assert [e[0] for e in cm] == [0, 1]
    np.testing.assert_array_equal(cm[1][2], [[0, 0], [1, 1]])


def test_attached_summary_writer_has_both_methods(tmp_path):
    tensorboardX = pytest.importorskip("torch.utils.tensorboard")
    sw = tensorboardX.SummaryWriter(str(tmp_path))
    tb = tbviz.attach(sw)
    tb.confusion_matrix("cm", [0, 1, 1], [0, 1, 0], 5)
    tb.feature_importance("fi", np.ones((3, 3)), 5)
    tb.close()
    data = read_tensors(tmp_path)
    np.testing.assert_array_equal(data["cm"][0][2], [[1, 0], [1, 1]])
    assert data["fi"][0][2].shape == (3, 3) and data["fi"][0][0] == 5


def test_tf_summary_ops_write_both_kinds(tmp_path):
    tf = pytest.importorskip("tensorflow")
    with tf.summary.create_file_writer(str(tmp_path)).as_default():
        assert tbviz.tf_summary.confusion_matrix("cm", [0, 1], [[1.0, 0.0], [0.3, 0.7]], step=2)
        assert tbviz.tf_summary.feature_importance("fi", np.ones(4), step=2)
    data = read_tensors(tmp_path)
    np.testing.assert_array_equal(data["cm"][0][2], np.eye(2))
    assert json.loads(data["fi"][0][3].plugin_data.content)["layout"] == "vector"


def test_image_summary_is_tensorboards_own_format():
    from PIL import Image

    grid = np.random.default_rng(0).integers(0, 256, size=(5, 7, 3), dtype=np.uint8)
    value = summary.image("m/predictions", grid).value[0]
    assert value.metadata.plugin_data.plugin_name == "images"
    assert value.metadata.data_class == 3  # DATA_CLASS_BLOB_SEQUENCE
    width, height, png = value.tensor.string_val
    assert (width, height) == (b"7", b"5") and value.tensor.dtype == 7
    np.testing.assert_array_equal(np.asarray(Image.open(io.BytesIO(png))), grid)
    grey = summary.image("g", np.full((2, 3, 4, 1), 0.5)).value[0].tensor.string_val
    assert len(grey) == 4 and Image.open(io.BytesIO(grey[2])).mode == "L"
    with pytest.raises(ValueError, match=r"images must be .* with C in \(1, 3, 4\)"):
        summary.image("g", np.zeros((2, 3, 4, 2)))
    with pytest.raises(ValueError, match=r"values in \[0, 1\]"):
        summary.image("g", np.full((3, 3), 2.0))


def test_diagnosis_flags_a_class_never_predicted_in_the_newest_steps():
    from tbviz_plugin import diagnose

    names = ["a", "b", "c"]
    learning = np.array([[[2, 0, 0], [2, 0, 0], [2, 0, 0]]] * 3 + [np.eye(3) * 2] * 3)
    assert diagnose.diagnose_predictions(names, list(range(6)), learning) == []
    collapsed = np.array([[[2, 0, 0], [0, 2, 0], [1, 1, 0]]] * 3)
    (e,) = diagnose.diagnose_predictions(names, [0, 5, 9], collapsed)
    assert e["code"] == "class_never_predicted" and e["classes"] == ["c"] and e["step"] == 9
    # too few matrices to judge, and a class absent from the probe set is no finding
    assert diagnose.diagnose_predictions(names, [0, 5], collapsed[:2]) == []
    absent = np.array([[[2, 0, 0], [0, 2, 0], [0, 0, 0]]] * 3)
    assert diagnose.diagnose_predictions(names, [0, 1, 2], absent) == []
    with pytest.raises(ValueError, match=r"counts must be \[steps, 3, 3\]"):
        diagnose.diagnose_predictions(names, [0], np.zeros((1, 2, 2)))


def test_export_writes_named_csv_and_png_for_both_kinds(tmp_path):
    from PIL import Image

    from tbviz_plugin import cli

    with tbviz.Writer(tmp_path / "run") as w:
        w.confusion_matrix("cm", [0, 1, 1], [0, 0, 1], 0, class_names=["cat", "dog"])
        w.feature_importance("fv", [0.5, 2.0], 0, feature_names=["age", "bmi"])

    def export(tag, fmt):
        out = tmp_path / f"{tag}.{fmt}"
        args = ["export", str(tmp_path), "--run", "run", "--tag", tag, "--format", fmt]
        assert cli.main(args + ["--out", str(out)]) == 0
        return out

    assert export("cm", "csv").read_text().splitlines() == [
        "true/predicted,cat,dog",
        "cat,1.0,0.0",
        "dog,1.0,1.0",
    ]
    assert export("fv", "csv").read_text().splitlines() == [
        "feature,importance",
        "age,0.5",
        "bmi,2.0",
    ]
    assert Image.open(export("fv", "png")).size[0] >= 256
    np.testing.assert_array_equal(np.load(export("cm", "npy")), [[1, 0], [1, 1]])
