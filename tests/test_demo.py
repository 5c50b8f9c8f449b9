"""`tbviz demo` trains real models and writes logs that show every panel and the right diagnoses."""

import os
import pathlib
import re

import numpy as np
import pytest

from tbviz_plugin import cli, demo

pytest.importorskip("torch")
pytest.importorskip("keras")

ALARMS = {"vanishing_gradient", "exploding_gradient", "nan", "inf"}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    lines = list(demo.write_demo_logs(str(out), quick=True))
    assert len(lines) == 6
    return out


@pytest.fixture(scope="module")
def report(demo_dir):
    return cli.inspect_logdir(str(demo_dir))["runs"]


def test_every_run_has_every_array_kind(report):
    assert set(report) == {
        "keras_healthy",
        "keras_deep_sigmoid",
        "keras_sequence",
        "torch_healthy",
        "torch_exploding",
        "torch_overfitting",
    }
    for run, info in report.items():
        kinds = {t["kind"] for t in info["tags"].values()}
        assert {
            "weight_surface",
            "activation_map",
            "gradient_flow",
            "confusion_matrix",
            "feature_importance",
        } <= kinds, run


def test_known_bad_runs_are_flagged_and_healthy_ones_are_clean(report):
    codes = {run: {e["code"] for e in info["health"]} for run, info in report.items()}
    assert "vanishing_gradient" in codes["keras_deep_sigmoid"]
    assert codes["torch_exploding"] & {"exploding_gradient", "nan", "inf"}
    assert not codes["keras_healthy"] & ALARMS
    assert not codes["keras_sequence"] & ALARMS
    assert not codes["torch_healthy"] & ALARMS


def test_the_keras_conv_layer_has_channel_activation_maps(report):
    assert report["keras_healthy"]["tags"]["conv"]["kind"] == "activation_map"


def test_the_sequence_run_has_positions_by_channels_maps(demo_dir):
    """The LSTM's and the attention's outputs [N, 8 steps, 32] are one sample's
    channels x positions: [32, 1, 8]."""
    from tbviz_plugin.logdir import LogdirData

    data = LogdirData(str(demo_dir))
    for layer in ("lstm", "attention"):
        last = data.steps("keras_sequence", layer)[-1].array
        assert last.shape == (32, 1, 8), (layer, last.shape)
        assert np.isfinite(last).all() and np.abs(last).max() > 0


def test_healthy_runs_have_importance_maps_and_confusion_growing_diagonal(demo_dir):
    from tbviz_plugin.logdir import LogdirData

    data = LogdirData(str(demo_dir))
    tags = data.tags()
    for run, name in (("keras_healthy", "keras_healthy"), ("torch_healthy", "model")):
        assert tags[run][f"{name}/feature_importance"]["layout"] == "image"
        steps = data.steps(run, f"{name}/confusion_matrix")
        assert all(s.array.sum() == 32 for s in steps)  # the 32 probe digits
        assert np.trace(steps[0].array) < np.trace(steps[-1].array)
    assert tags["torch_overfitting"]["model/feature_importance"]["layout"] == "vector"


SHIPPED = pathlib.Path(__file__).resolve().parent.parent / "demo_logs"
# An event file's name: events.out.tfevents.<time>.<host>.<pid>.<suffix>, the suffix
# tbviz<n> for tbviz's own writer and <n>.graph for the graph file.
EVENT_FILE = re.compile(r"^events\.out\.tfevents\.\d+\.(.+)\.\d+\.(tbviz\d+|\d+\.graph)$")


def _layout(logdir):
    """What `tbviz demo` decides and a rerun keeps: per run, each non-health tag's
    kind and first step, and the file-name patterns (times, host, pid and counters
    vary). Health tags are left out: whether a short run has findings varies."""
    from tbviz_plugin.logdir import LogdirData

    data = LogdirData(str(logdir))
    layout = {}
    for run, tags in data.tags().items():
        files = []
        for name in sorted(os.listdir(logdir / run)):
            match = EVENT_FILE.match(name)
            assert match, f"{run}/{name} is not an event file name tbviz writes"
            files.append(re.sub(r"\d+", "N", match.group(2)))
        layout[run] = {
            "tags": {
                (tag, content["kind"], data.steps(run, tag)[0].step)
                for tag, content in tags.items()
                if content["kind"] != "health"
            },
            "files": sorted(files),
        }
    return layout


def test_the_shipped_demo_logs_are_what_tbviz_demo_writes_today(demo_dir):
    """Fails when demo_logs drift from the code: regenerate them with `tbviz demo`."""
    shipped, today = _layout(SHIPPED), _layout(demo_dir)
    assert set(shipped) == set(today), "runs differ: run `tbviz demo --out demo_logs`"
    for run in today:
        assert shipped[run]["files"] == today[run]["files"], run
        assert shipped[run]["tags"] == today[run]["tags"], (
            f"{run}: tags, kinds or first steps differ; run `tbviz demo --out demo_logs`: "
            f"only shipped {shipped[run]['tags'] - today[run]['tags']}, "
            f"only today {today[run]['tags'] - shipped[run]['tags']}"
        )
