"""`tbviz inspect` and `tbviz export` on logs written by the package."""

import csv
import json
import os
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
        w.feature_importance("model/feature_importance", np.linspace(-1, 2, 64), 5)
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


def test_an_unknown_run_tag_or_step_lists_what_exists(logs):
    result = _cli("export", logs, "--run", "nope", "--tag", "model/gradient_flow")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no run 'nope'" in result.stderr and "runs: run" in result.stderr
    # a tag named after another model: the one with the same last part is suggested
    result = _cli("export", logs, "--run", "run", "--tag", "sequential/gradient_flow")
    assert result.returncode == 2
    assert "did you mean 'model/gradient_flow'?" in result.stderr
    assert "its tags: conv, dense/kernel, model/feature_importance" in result.stderr
    result = _cli("export", logs, "--run", "run", "--tag", "conv", "--step", "3")
    assert result.returncode == 2 and "no step 3; its 2 steps: 0, 5" in result.stderr


def test_an_output_file_in_a_missing_directory_is_named_not_a_traceback(logs, tmp_path):
    missing = tmp_path / "missing" / "x.png"
    result = _cli(
        "export", logs, "--run", "run", "--tag", "conv", "--format", "png", "--out", missing
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"no such directory {missing.parent}" in result.stderr and not missing.exists()


def test_a_closed_pipe_ends_quietly(logs):
    """`tbviz inspect logs | head`: the reader is gone before tbviz writes."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tbviz_plugin.cli", "inspect", str(logs)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 1 and result.stderr == ""


def test_step_is_honoured_for_gradient_flow_csv_and_npy_and_refused_for_png(logs, tmp_path, capsys):
    out = tmp_path / "flow.csv"
    assert _export(logs, "model/gradient_flow", out, "--step", "5") == 0
    assert [(r["step"], r["layer"]) for r in csv.DictReader(open(out))] == [("5", "a"), ("5", "b")]
    assert (
        _export(logs, "model/gradient_flow", tmp_path / "f.npy", "--format", "npy", "--step", "0")
        == 0
    )
    assert np.load(tmp_path / "f.npy").shape == (2, 7)  # [layers, stats] of step 0
    assert (
        _export(logs, "model/gradient_flow", tmp_path / "f.png", "--format", "png", "--step", "0")
        == 2
    )
    assert "leave out --step" in capsys.readouterr().err
    assert _export(logs, "conv", tmp_path / "c.csv", "--stat", "l2") == 2
    assert "--stat is for gradient_flow tags" in capsys.readouterr().err


def test_png_figures_have_axes_and_a_sensible_size(logs, tmp_path):
    from PIL import Image

    for tag in ("model/feature_importance", "model/gradient_flow", "dense/kernel", "conv"):
        out = tmp_path / "x.png"
        assert _export(logs, tag, out, "--format", "png") == 0
        image = np.asarray(Image.open(out).convert("RGB"))
        height, width, _ = image.shape
        assert 300 <= width <= 1400 and 200 <= height <= 1000, (tag, width, height)
        assert max(width, height) / min(width, height) < 4, tag
        # dark text left of the plot (the y label and ticks) and below it (the x label)
        ink = image.sum(axis=2) < 150
        assert ink[:, :40].any() and ink[-40:, :].any(), tag


def test_help_is_plain_text_with_an_example_per_command():
    for command in ("demo", "inspect", "export"):
        result = _cli(command, "--help")
        assert result.returncode == 0
        assert "example" in result.stdout and f"tbviz {command} " in result.stdout
        assert "``" not in result.stdout and "Example:" not in result.stdout


def test_demo_names_a_missing_package_and_the_install_line(monkeypatch, tmp_path, capsys):
    from tbviz_plugin import demo

    monkeypatch.setitem(demo.NEEDS, "tbviz_no_such_module", "no-such-package")
    assert cli.main(["demo", "--out", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert "tbviz demo needs no-such-package" in err and "pip install 'tbviz_plugin[demo]'" in err
    assert not (tmp_path / "d").exists()


def test_inspect_gives_one_entry_per_problem_with_its_layers_and_steps(tmp_path):
    hint = "Gradient RMS {} is tiny. Gradients barely reach this layer. Try ReLU."
    with tbviz.Writer(tmp_path / "run") as w:
        w.health(
            "model/health",
            [
                {"code": "vanishing_gradient", "layer": f"l{i}", "hint": hint.format(i)}
                for i in range(4)
            ],
            7,
        )
    result = _cli("inspect", tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  ! warning vanishing_gradient: 4 layers (l0, l1, l2, l3), step 7" in lines
    assert (
        result.stdout.count("Try ReLU.") == 1
        and "e.g. l0 at step 7: Gradient RMS 0" in result.stdout
    )


def test_inspect_of_a_directory_without_tbviz_data_says_where_to_look(tmp_path):
    result = _cli("inspect", tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"no tbviz data under {tmp_path}" in result.stdout and "Writer" in result.stdout


def test_a_one_step_gradient_flow_exports_as_steps_layers_stats(tmp_path):
    with tbviz.Writer(tmp_path / "run") as w:
        w.gradient_flow("model/gradient_flow", {"a": np.ones(3)}, 4)
    out = tmp_path / "flow.npy"
    args = ["export", str(tmp_path), "--run", "run", "--tag", "model/gradient_flow"]
    assert cli.main([*args, "--format", "npy", "--out", str(out)]) == 0
    assert np.load(out).shape == (1, 1, 7)
    assert cli.main([*args, "--format", "npy", "--step", "4", "--out", str(out)]) == 0
    assert np.load(out).shape == (1, 7)
