"""The README's `tbviz` command lines run as written against the shipped demo_logs."""

import pathlib
import re
import shlex
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _command_lines():
    """Every `tbviz ...` line of the README's sh blocks, its trailing comment cut off,
    except `tbviz demo` (it trains for a minute; tests/test_demo.py runs it)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] == ["tbviz"] and words[1:2] != ["demo"]:
                lines.append(words)
    return lines


def test_the_readme_shows_the_cli():
    commands = {words[1] for words in _command_lines()}
    assert {"inspect", "export"} <= commands


@pytest.mark.parametrize("words", _command_lines(), ids=" ".join)
def test_readme_command_runs_as_written_on_the_demo_logs(words, tmp_path):
    # A copy, so that outputs written beside the logs never touch the repository.
    shutil.copytree(ROOT / "demo_logs", tmp_path / "demo_logs")
    result = subprocess.run(
        [sys.executable, "-m", "tbviz_plugin.cli", *words[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    if words[1] == "export":
        written = [p for p in tmp_path.iterdir() if p.is_file()]
        assert len(written) == 1 and written[0].stat().st_size > 0
