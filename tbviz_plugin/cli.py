"""The ``tbviz`` command: ``demo``, ``inspect`` and ``export``.

Examples:
    tbviz demo --out demo_logs
    tbviz inspect demo_logs --json
    tbviz export demo_logs --run torch_healthy --tag model/gradient_flow --format png
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import textwrap
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from tbviz_plugin import events, metadata
from tbviz_plugin.kinds import base


def inspect_logdir(logdir: str) -> Dict[str, Any]:
    """``{"runs": {run: {"tags": {tag: {"kind", "steps"}}, "health": [events]}}}``."""
    from tbviz_plugin.logdir import LogdirData

    data = LogdirData(logdir)
    runs: Dict[str, Any] = {}
    for run, tags in data.tags().items():
        summary: Dict[str, Any] = {}
        found: List[Dict[str, Any]] = []
        scalars = (
            data.scalars(run)
            if any(c["kind"] in events.DIAGNOSED_KINDS for c in tags.values())
            else {}
        )
        tables = {
            tag: _rows(data.steps(run, tag)[-1].array)
            for tag, c in tags.items()
            if c["kind"] == metadata.LAYER_TABLE and data.steps(run, tag)
        }
        for tag, content in tags.items():
            if content["kind"] == "error":
                summary[tag] = {"kind": "error", "steps": 0, "error": content["error"]}
                found.append(events.reader_event(tag, 0, content["error"]))
                continue
            steps = data.steps(run, tag)
            summary[tag] = {"kind": content["kind"], "steps": len(steps)}
            if content["kind"] == metadata.HEALTH:
                for s in steps:
                    found.extend(
                        events.stored_events(tag, s.step, np.asarray(s.array, dtype=object).ravel())
                    )
            elif content["kind"] in events.DIAGNOSED_KINDS and steps:
                # As the plugin does: a step contradicting the layer list is reported,
                # never diagnosed.
                try:
                    for s in steps:
                        metadata.check_tensor(content, s.array)
                except ValueError as e:
                    found.append(events.reader_event(tag, s.step, f"step {s.step}: {e}"))
                    continue
                table = np.stack([s.array for s in steps])
                loss = scalars.get(events.loss_tag(tag, scalars))
                types = tables.get(events.layer_table_tag(tag, tables))
                found.extend(
                    events.diagnosed_events(
                        tag, content, [s.step for s in steps], table, loss=loss, types=types
                    )
                )
        runs[run] = {"tags": summary, "health": events.merge_events(found)}
    return {"runs": runs}


def _rows(array: np.ndarray) -> Dict[str, str]:
    """Layer name -> class name of a layer table step; rows that are not JSON are skipped."""
    rows = [row for row in base.decode_records(array) if isinstance(row, dict)]
    return events.layer_types(rows)


def _print_inspection(report: Dict[str, Any], logdir: str = "the log directory") -> None:
    """The report as text: each run's tags, then its health events, one entry per code."""
    if not report["runs"]:
        print(
            f"no tbviz data under {logdir}: no run below it holds tbviz summaries "
            "(give the directory the Writer, callback or watch wrote to, or its parent)"
        )
    for run, info in report["runs"].items():
        print(f"run {run}")
        for tag, t in info["tags"].items():
            print(f"  {t['kind']:<18} {t['steps']:>6} steps  {tag}")
        if not info["health"]:
            print("  health: no problems found")
        for line in _health_lines(info["health"]):
            print(line)


def _health_lines(found: List[Dict[str, Any]]) -> List[str]:
    """Health events grouped: one entry per code (and severity) naming its layers and
    steps, the first event's measurement and the advice the events share, once.

    Example:
        >>> e = {"code": "nan", "severity": "error", "hint": "NaN in fc1. Lower the lr."}
        >>> _health_lines([dict(e, step=3, layer="fc1"), dict(e, step=5, layer="fc2")])[0]
        '  ! error   nan: 2 layers (fc1, fc2), steps 3, 5'
    """
    groups: Dict[Any, List[Dict[str, Any]]] = {}
    for e in found:
        if e.get("source") == "reader":  # each names its own unreadable tag
            key: Any = ("reader", e["tag"], e["hint"])
        else:
            key = (e["code"], e.get("severity") or "-")  # a stored event may lack severity
        groups.setdefault(key, []).append(e)
    lines = []
    for group in groups.values():
        first = group[0]
        severity = first.get("severity") or "-"
        if first.get("source") == "reader":
            places = f" [tag {first['tag']}]"
        else:
            layers = list(dict.fromkeys(e["layer"] for e in group if e.get("layer")))
            places = f" {_listing(layers, 'layer')}," if layers else ""
        steps = sorted({e["step"] for e in group})
        head = f"  ! {severity:<7} {first['code']}:{places} {_listing(steps, 'step')}"
        lines.append(head.rstrip(","))
        specific, shared = _split_hint([e.get("hint", "") for e in group])
        if specific and len(group) > 1:
            where = f"{first['layer']} " if first.get("layer") else ""
            specific = f"e.g. {where}at step {first['step']}: {specific}"
        for text in (specific, shared):
            if text:
                lines.extend(
                    textwrap.wrap(text, 100, initial_indent=" " * 6, subsequent_indent=" " * 6)
                )
    return lines


def _listing(items: List[Any], noun: str) -> str:
    """``"3 layers (a, b, c)"``; long lists keep their ends: ``"a, b, c, …, y, z"``."""
    shown = [str(x) for x in items]
    if len(shown) > 7:
        shown = shown[:3] + ["…"] + shown[-2:]
    if len(items) == 1:
        return f"{noun} {shown[0]}"
    if noun == "step":
        return f"steps {', '.join(shown)}"
    return f"{len(items)} {noun}s ({', '.join(shown)})"


def _split_hint(hints: List[str]) -> Tuple[str, str]:
    """``(specific, shared)``: the first hint's sentences that differ between the
    events (a measured value) and the trailing sentences every hint has (the advice)."""
    split = [re.split(r"(?<=\.) ", h.strip()) for h in hints]
    shared: List[str] = []
    while all(len(s) > len(shared) for s in split):
        tail = {tuple(s[len(s) - len(shared) - 1 :]) for s in split}
        if len(tail) != 1:
            break
        shared = list(tail.pop())
    first = split[0]
    return " ".join(first[: len(first) - len(shared)]), " ".join(shared)


def _read_without_tensorflow() -> None:
    """Makes TensorBoard's readers use their TF-free stub: seconds faster, no TF log noise.

    TensorBoard looks for a module ``tensorboard.compat.notf`` to decide this
    (its own TF-free builds ship one); this process only reads logs.
    """
    import types

    sys.modules.setdefault("tensorboard.compat.notf", types.ModuleType("tensorboard.compat.notf"))


def _default_out(run: str, tag: str, fmt: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{run}_{tag}").strip("_")
    return f"{safe}.{fmt}"


def _version() -> str:
    from importlib import metadata as package_metadata

    try:
        return package_metadata.version("tbviz_plugin")
    except package_metadata.PackageNotFoundError:  # run from a source tree
        return "unknown"


def _check_logdir(logdir: str) -> None:
    """A ``ValueError`` naming the problem when a local ``logdir`` is not a directory
    (a URL such as ``s3://`` is left to the reader)."""
    if "://" in logdir:
        return
    if not os.path.exists(logdir):
        raise ValueError(f"no such log directory: {logdir}")
    if not os.path.isdir(logdir):
        raise ValueError(f"{logdir} is a file; give the log directory that holds the runs")


_DEMO_HELP = """\
Trains five small models on scikit-learn's 8x8 digits (Keras and PyTorch: a
healthy run, vanishing and exploding gradients, over-fitting) and writes their
logs under OUT, replacing runs of the same names. Takes about a minute on a CPU.
Needs TensorFlow, PyTorch and scikit-learn: pip install 'tbviz_plugin[demo]'.

example:
  tbviz demo --out demo_logs && tensorboard --logdir demo_logs
"""

_INSPECT_HELP = """\
Lists every run under LOGDIR that holds tbviz data: its tags with their kind
and number of steps, then its health events, one entry per problem with the
layers and steps where it was found and what to try.

examples:
  tbviz inspect demo_logs
  tbviz inspect demo_logs --json > report.json
"""

_EXPORT_HELP = """\
Writes one tag of one run as CSV, NPY or a PNG figure. Weight surfaces,
activation maps, confusion matrices and feature importance export one step
(the last unless --step is given). Gradient flow exports every step (CSV rows
step, layer, stats; NPY [steps, layers, stats]; PNG layers x steps of --stat),
or with --step that step's rows (CSV or NPY). `tbviz inspect LOGDIR` lists the
runs and tags.

examples:
  tbviz export demo_logs --run torch_healthy --tag model/gradient_flow --format png
  tbviz export demo_logs --run keras_healthy --tag dense/kernel --step 0 --format csv
  tbviz export demo_logs --run torch_overfitting --tag model/confusion_matrix --format png
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tbviz",
        description="tbviz: write demo logs, and inspect or export tbviz data without a "
        "TensorBoard server. `tbviz COMMAND --help` shows a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"tbviz {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    plain = argparse.RawDescriptionHelpFormatter

    demo = sub.add_parser(
        "demo", help="train small models and write demo logs", description=_DEMO_HELP
    )
    demo.formatter_class = plain
    demo.add_argument("--out", default="demo_logs", help="logdir to write (default: demo_logs)")
    demo.add_argument("--quick", action="store_true", help="2 epochs per run (for tests)")

    insp = sub.add_parser(
        "inspect", help="list tbviz tags and health events per run", description=_INSPECT_HELP
    )
    insp.formatter_class = plain
    insp.add_argument("logdir", help="the directory that holds the runs (or an s3:// ... URL)")
    insp.add_argument("--json", action="store_true", help="machine-readable output")

    exp = sub.add_parser(
        "export", help="write one tag's data as csv, npy or png", description=_EXPORT_HELP
    )
    exp.formatter_class = plain
    exp.add_argument("logdir", help="the directory that holds the runs (or an s3:// ... URL)")
    exp.add_argument("--run", required=True, help="run name, as `tbviz inspect` lists it")
    exp.add_argument("--tag", required=True, help="tag name, as `tbviz inspect` lists it")
    exp.add_argument("--format", choices=("csv", "npy", "png"), default="csv", help="default: csv")
    exp.add_argument("--step", type=int, help="step to export (default: the last)")
    exp.add_argument(
        "--stat", help="gradient flow only: the statistic a PNG shows (default: mean_abs)"
    )
    exp.add_argument("--out", help="output file (default: <run>_<tag>.<format> here)")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs ``tbviz`` with ``argv`` (default: the command line); returns the exit code:
    0 done, 2 a mistake in the arguments or the data asked for, 1 a file that could
    not be written. Errors are one line on stderr naming the problem, never a traceback.

    Example:
        >>> main(["inspect", "/no/such/dir"])  # doctest: +SKIP
        2
    """
    args = _parser().parse_args(argv)
    if args.command != "demo":
        _read_without_tensorflow()
    try:
        if args.command == "demo":
            from tbviz_plugin import demo as demo_runs

            for line in demo_runs.write_demo_logs(args.out, quick=args.quick):
                print(line, flush=True)
        elif args.command == "inspect":
            _check_logdir(args.logdir)
            report = inspect_logdir(args.logdir)
            if args.json:
                json.dump(report, sys.stdout, indent=1, allow_nan=False)
                print()
            else:
                _print_inspection(report, args.logdir)
        else:
            from tbviz_plugin.export import export

            _check_logdir(args.logdir)
            out = args.out or _default_out(args.run, args.tag, args.format)
            result = export(args.logdir, args.run, args.tag, args.format, out, args.step, args.stat)
            print(json.dumps(result))
        sys.stdout.flush()
    except (KeyError, ValueError) as e:
        message = e.args[0] if isinstance(e, KeyError) and e.args else e
        print(f"tbviz {args.command}: {message}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as e:  # a package the command needs (demo: TF, torch, sklearn)
        print(f"tbviz {args.command}: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped reading (`tbviz inspect logs | head`): nothing more to say.
        # Python would report the failed flush of stdout at exit; send it nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as e:
        print(f"tbviz {args.command}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
