"""Read-time diagnosis through a real TensorBoard server (both loaders) and `tbviz
inspect`: the gradient rules read the run's ``batch_loss`` scalar, as they read the
loss while training, and the hint of a class never predicted is chosen by the layer
kinds of the model's layer table."""

import json
import time
import urllib.parse

import numpy as np
import pytest
from tb_server import get, tensorboard

import tbviz_plugin as tbviz
from tbviz_plugin import cli

STEPS = list(range(0, 35, 5))
LAYERS = ["conv0", "conv1", "head"]
STATS = ["rms", "l2"]
CLASSES = ["cat", "dog", "bird"]


def _deficit_with_depth():
    """A gradient-flow table whose first layer gets 1e-7 of the head's gradient."""
    row = [[1e-9, 1e-8], [1e-6, 1e-5], [1e-2, 1e-1]]
    return np.array(row, dtype=np.float32)


def _layer_rows(norm_type):
    return [
        {"name": "conv0", "type": "Conv2d", "params": 80},
        {"name": "bn0", "type": norm_type, "params": 16},
        {"name": "head", "type": "Linear", "params": 330},
    ]


@pytest.fixture(scope="module")
def logdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("logs")
    for run, losses in (("falling", np.linspace(2.3, 0.3, 7)), ("flat", np.full(7, 2.3))):
        with tbviz.Writer(root / run) as w:
            for step, loss in zip(STEPS, losses):
                w.gradient_flow_table(
                    "model/gradient_flow", LAYERS, STATS, _deficit_with_depth(), step
                )
                w.scalar("batch_loss", float(loss), step)
    for run, norm in (("batchnorm", "BatchNorm2d"), ("layernorm", "LayerNorm")):
        with tbviz.Writer(root / run) as w:
            w.layer_table("model/layers", _layer_rows(norm), 0)
            for step in STEPS[:3]:  # "bird" is always called "cat"
                w.confusion_matrix(
                    "model/confusion_matrix", [0, 1, 2, 2], [0, 1, 0, 0], step, class_names=CLASSES
                )
    return root


@pytest.fixture(scope="module", params=["false", "true"], ids=["python_loader", "rust_loader"])
def served(request, logdir):
    """{run: health events} as the server's health route answers them."""
    runs = ("falling", "flat", "batchnorm", "layernorm")
    with tensorboard(logdir, load_fast=request.param) as url:
        deadline = time.monotonic() + 90
        while True:
            status, _, body = get(url + "/data/plugin/tbviz/tags")
            tags = json.loads(body) if status == 200 else {}
            if all(r in tags for r in runs) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        out = {}
        for run in runs:
            status, _, body = get(url + "/data/plugin/tbviz/health?run=" + urllib.parse.quote(run))
            assert status == 200, body
            out[run] = json.loads(body)
        yield out


def _codes(events):
    return {(e["code"], e["layer"]) for e in events}


def test_a_falling_loss_clears_a_depth_deficit_at_read_time(served, logdir):
    inspected = {r: v["health"] for r, v in cli.inspect_logdir(str(logdir))["runs"].items()}
    for health in (served, inspected):
        assert _codes(health["falling"]) == set()  # learning: small is not vanishing
        flat = {e["layer"]: e for e in health["flat"] if e["code"] == "vanishing_gradient"}
        assert set(flat) == {"conv0", "conv1"}
        e = flat["conv0"]
        assert e["source"] == "diagnosed"
        assert e["evidence"]["loss"]["state"] == "flat" and e["evidence"]["loss"]["points"] == 7
        assert e["evidence"]["later_layer"] == "head"
        assert "while the loss stayed flat (2.3 -> 2.3)" in e["hint"]


def test_class_never_predicted_names_batchnorm_only_for_a_model_with_it(served, logdir):
    inspected = {r: v["health"] for r, v in cli.inspect_logdir(str(logdir))["runs"].items()}
    for health in (served, inspected):
        (bn,) = [e for e in health["batchnorm"] if e["code"] == "class_never_predicted"]
        (ln,) = [e for e in health["layernorm"] if e["code"] == "class_never_predicted"]
        assert bn["classes"] == ln["classes"] == ["bird"]
        assert "eval mode" in bn["hint"] and "BatchNorm" in bn["hint"]
        assert "the model has 1 BatchNorm layer." in bn["hint"]
        assert "BatchNorm" not in ln["hint"] and "eval mode" not in ln["hint"]
        assert bn["evidence"]["batchnorm_layers"] == 1 and ln["evidence"]["batchnorm_layers"] == 0
        assert bn["evidence"]["window"] == [0, 10] and bn["evidence"]["predicted_classes"] == [
            "cat",
            "dog",
        ]
