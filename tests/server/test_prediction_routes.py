"""confusion_matrix and feature_importance through a real TensorBoard server, both loaders."""

import io
import json
import time
import urllib.parse

import numpy as np
import pytest
from event_reading import append_raw_event
from tb_server import get, tensorboard

import tbviz_plugin as tbviz
from tbviz_plugin import metadata

STEPS = [0, 5, 10]
CLASSES = ["cat", "dog", "bird"]


def _predictions(step):
    """Labels and predictions that grow more correct with the step."""
    rng = np.random.default_rng(step)
    truth = np.arange(30) % 3
    wrong = rng.random(30) < 0.6 - step * 0.05
    return truth, np.where(wrong, (truth + 1) % 3, truth)


def _importance(step):
    return np.random.default_rng(50 + step).random((6, 7, 3)).astype(np.float32)


def _grid():
    return np.random.default_rng(7).integers(0, 256, size=(12, 20, 3), dtype=np.uint8)


@pytest.fixture(scope="module")
def logdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("logs")
    with tbviz.Writer(root / "train") as w:
        for step in STEPS:
            w.confusion_matrix(
                "model/confusion_matrix", *_predictions(step), step, class_names=CLASSES
            )
            w.feature_importance("model/feature_importance", _importance(step), step)
            w.feature_importance(
                "tabular/importance", [step, 1.0, 2.0], step, feature_names=list("abc")
            )
        w.image("model/predictions", _grid(), 10)
    with tbviz.Writer(root / "collapsed") as w:  # "bird" is always called "cat"
        for step in STEPS:
            w.confusion_matrix(
                "model/confusion_matrix", [0, 1, 2, 2], [0, 1, 0, 0], step, class_names=CLASSES
            )
    odd = root / "odd"
    odd.mkdir()
    w = tbviz.Writer(odd)
    w.close()
    md = metadata.create_summary_metadata("confusion_matrix", class_names=["a", "b", "c"])
    append_raw_event(w.path, "cm", md, np.ones((2, 2), np.float32), 0)
    md = metadata.create_summary_metadata(
        "feature_importance", layout="vector", feature_names=["a"]
    )
    append_raw_event(w.path, "fi", md, np.ones(3, np.float32), 0)
    md = metadata.create_summary_metadata("feature_importance", layout="image", input_shape=[4, 4])
    append_raw_event(w.path, "image", md, np.ones(16, np.float32), 0)
    return root


@pytest.fixture(scope="module", params=["false", "true"], ids=["python_loader", "rust_loader"])
def server(request, logdir):
    with tensorboard(logdir, load_fast=request.param) as url:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            status, _, body = get(url + "/data/plugin/tbviz/tags")
            tags = json.loads(body) if status == 200 else {}
            train = tags.get("train", {})
            collapsed = tags.get("collapsed", {}).get("model/confusion_matrix", {})
            if (
                all(train.get(t, {}).get("max_step") == 10 for t in _TAGS)
                and "image" in tags.get("odd", {})
                and collapsed.get("max_step") == 10
            ):
                break
            time.sleep(0.5)
        yield url


_TAGS = ["model/confusion_matrix", "model/feature_importance", "tabular/importance"]


def _tensor(server, run, tag, step):
    query = urllib.parse.urlencode({"run": run, "tag": tag, "step": step})
    return get(f"{server}/data/plugin/tbviz/tensor?{query}")


def test_tags_list_both_kinds_with_their_content(server):
    status, _, body = get(server + "/data/plugin/tbviz/tags")
    train = json.loads(body)["train"]
    cm = train["model/confusion_matrix"]
    assert cm["kind"] == "confusion_matrix" and cm["class_names"] == CLASSES and cm["v"] == 1
    fi = train["model/feature_importance"]
    assert fi["kind"] == "feature_importance" and fi["layout"] == "image"
    assert fi["input_shape"] == [6, 7, 3]
    tab = train["tabular/importance"]
    assert tab["layout"] == "vector" and tab["feature_names"] == ["a", "b", "c"]


@pytest.mark.parametrize("step", STEPS)
def test_confusion_matrix_tensor_is_the_counts(server, step):
    status, headers, body = _tensor(server, "train", "model/confusion_matrix", step)
    assert status == 200 and headers["X-Tbviz-Shape"] == "3,3"
    counts = np.frombuffer(body, "<f4").reshape(3, 3)
    truth, pred = _predictions(step)
    expected = np.zeros((3, 3))
    np.add.at(expected, (truth, pred), 1)
    np.testing.assert_array_equal(counts, expected)
    assert counts.sum() == 30


def test_feature_importance_tensors_are_summed_images_and_vectors(server):
    status, headers, body = _tensor(server, "train", "model/feature_importance", 5)
    assert status == 200 and headers["X-Tbviz-Shape"] == "6,7"
    np.testing.assert_allclose(
        np.frombuffer(body, "<f4").reshape(6, 7), _importance(5).sum(axis=-1), rtol=1e-6
    )
    status, headers, body = _tensor(server, "train", "tabular/importance", 10)
    assert status == 200 and headers["X-Tbviz-Shape"] == "3"
    assert np.frombuffer(body, "<f4").tolist() == [10.0, 1.0, 2.0]


@pytest.mark.parametrize("tag", ["cm", "fi", "image"])
def test_tensor_contradicting_its_metadata_is_a_400_naming_it(server, tag):
    status, headers, body = _tensor(server, "odd", tag, 0)
    assert status == 400 and headers["Content-Type"].startswith("application/json")
    error = json.loads(body)["error"]
    assert f"tag {tag!r}" in error and "does not match its metadata" in error


def test_a_class_never_predicted_is_diagnosed_at_read_time(server):
    status, _, body = get(server + "/data/plugin/tbviz/health?run=collapsed")
    assert status == 200
    (event,) = json.loads(body)
    assert event["code"] == "class_never_predicted" and event["source"] == "diagnosed"
    assert event["classes"] == ["bird"] and event["step"] == 10 and event["value"] == 1
    assert event["tag"] == "model/confusion_matrix" and "'bird'" in event["hint"]
    status, _, body = get(server + "/data/plugin/tbviz/health?run=train")
    assert [e for e in json.loads(body) if e["code"] == "class_never_predicted"] == []


def test_writer_images_show_in_tensorboards_images_dashboard(server):
    from PIL import Image

    status, _, body = get(server + "/data/plugin/images/tags")
    assert status == 200 and "model/predictions" in json.loads(body)["train"]
    query = urllib.parse.urlencode({"run": "train", "tag": "model/predictions", "sample": 0})
    status, _, body = get(f"{server}/data/plugin/images/images?{query}")
    (entry,) = json.loads(body)
    assert entry["step"] == 10
    status, headers, png = get(f"{server}/data/plugin/images/individualImage?{entry['query']}")
    assert status == 200 and headers["Content-Type"] == "image/png"
    np.testing.assert_array_equal(np.asarray(Image.open(io.BytesIO(png))), _grid())
