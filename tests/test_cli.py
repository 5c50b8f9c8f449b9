"""`tbviz inspect` and `tbviz export` on logs written by the package."""

import csv
import json
import subprocess
import sys

import numpy as np
import pytest

import tbviz_plugin as tbviz
from tbviz_plugin import cli


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    root = tmp_path_factory.mktemp("logs")
    with tbviz.Writer(root / "run") as w:
        for step in (0, 5):
            w.weight_surface("dense/kernel", np.arange(12.0).reshape(3, 4) + step, step)
            w.activation_map("conv", np.ones((1, 4, 4, 2)) * step, step)
            w.gradient_flow(
                "model/gradient_flow",
                {"a": np.full(4, 1.0 + step), "b": np.array([np.nan, 2.0])},
                step,
            )
        w.health(
            "model/health",
            [{"code": "nan", "layer": "b", "severity": "error", "hint": "lower the lr"}],
            5,
        )
        w.layer_table(
            "model/layers",
            [{"name": "a", "type": "Dense", "output_shape": [None, 4], "params": 20}],
            0,
        )
    return root


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "tbviz_plugin.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_csv_of_the_last_step(logs, tmp_path):
    out = tmp_path / "k.csv"
    result = _cli(
        "export", logs, "--run", "run", "--tag", "dense/kernel", "--format", "csv", "--out", out
    )
    assert result.returncode == 0, result.stderr
    rows = [[float(x) for x in r] for r in csv.reader(open(out))]
    np.testing.assert_array_equal(rows, np.arange(12.0).reshape(3, 4) + 5)
    assert json.loads(result.stdout)["step"] == 5


def _export(logs, tag, out, *extra):
    """Runs `tbviz export` in-process on run "run"; returns its exit code."""
    return cli.main(["export", str(logs), "--run", "run", "--tag", tag, "--out", str(out), *extra])


def test_export_npy_of_a_chosen_step_is_exact(logs, tmp_path):
    out = tmp_path / "a.npy"
    assert _export(logs, "conv", out, "--format", "npy", "--step", "0") == 0
    assert np.load(out).shape == (2, 4, 4) and np.load(out).max() == 0


def test_export_gradient_flow_csv_has_a_row_per_step_and_layer(logs, tmp_path):
    out = tmp_path / "flow.csv"
    assert _export(logs, "model/gradient_flow", out, "--format", "csv") == 0
    rows = list(csv.DictReader(open(out)))
    assert [(r["step"], r["layer"]) for r in rows] == [
        ("0", "a"),
        ("0", "b"),
        ("5", "a"),
        ("5", "b"),
    ]
    assert rows[3]["nan_count"] == "1.0" and float(rows[2]["max_abs"]) == 6.0


def test_export_png_is_an_image(logs, tmp_path):
    from PIL import Image

    for tag in ("dense/kernel", "conv", "model/gradient_flow"):
        out = tmp_path / "x.png"
        assert _export(logs, tag, out, "--format", "png") == 0
        image = Image.open(out)
        assert image.mode == "RGB" and min(image.size) >= 256
        assert len(set(image.getdata())) > 1


def test_export_errors_name_the_problem(logs, tmp_path, capsys):
    out = tmp_path / "x"
    assert _export(logs, "nope", out) == 2
    assert "no tbviz tag 'nope'" in capsys.readouterr().err
    assert _export(logs, "dense/kernel", out, "--step", "3") == 2
    assert "no step 3" in capsys.readouterr().err
    assert _export(logs, "model/health", out) == 2
    assert "inspect" in capsys.readouterr().err
    for fmt in ("csv", "npy", "png"):
        assert _export(logs, "model/layers", tmp_path / f"x.{fmt}", "--format", fmt) == 2
        assert "layer_table tags hold records" in capsys.readouterr().err


def test_a_missing_or_file_logdir_is_named_and_fails(tmp_path, capsys):
    assert cli.main(["inspect", str(tmp_path / "nope")]) == 2
    assert "no such log directory" in capsys.readouterr().err
    afile = tmp_path / "notes.md"
    afile.write_text("x")
    assert cli.main(["inspect", str(afile)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert cli.main(["export", str(afile), "--run", "r", "--tag", "t"]) == 2
    assert "is a file" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("tbviz ")


def test_inspect_json_lists_tags_steps_and_stored_health(logs):
    result = _cli("inspect", logs, "--json")
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)["runs"]["run"]
    assert run["tags"]["dense/kernel"] == {"kind": "weight_surface", "steps": 2}
    assert run["tags"]["model/health"] == {"kind": "health", "steps": 1}
    assert run["tags"]["model/layers"] == {"kind": "layer_table", "steps": 1}
    stored = [e for e in run["health"] if e["source"] == "stored"]
    assert (
        stored[0]["code"] == "nan"
        and stored[0]["step"] == 5
        and stored[0]["hint"] == "lower the lr"
    )
    for e in run["health"]:
        assert {"step", "layer", "code", "severity", "value", "hint"} <= set(e)
