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
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from tbviz_plugin import events, metadata


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
    rows = []
    for item in np.asarray(array, dtype=object).ravel():
        try:
            row = json.loads(item.decode("utf-8") if isinstance(item, bytes) else item)
        except (AttributeError, UnicodeDecodeError, ValueError, TypeError):
            continue
        if isinstance(row, dict):
            rows.append(row)
    return events.layer_types(rows)


def _print_inspection(report: Dict[str, Any]) -> None:
    if not report["runs"]:
        print("no tbviz data found")
    for run, info in report["runs"].items():
        print(f"run {run}")
        for tag, t in info["tags"].items():
            print(f"  {t['kind']:<18} {t['steps']:>6} steps  {tag}")
        for e in info["health"]:
            where = f" [{e['layer']}]" if e.get("layer") else ""
            if e.get("source") == "reader":  # name the unreadable item
                where = f" [tag {e['tag']}]"
            hint = e.get("hint", "")
            severity = e.get("severity") or "-"  # a stored event may lack it
            print(f"  ! step {e['step']:>6} {severity:<7} {e['code']}{where}: {hint}")
        if not info["health"]:
            print("  health: no problems found")


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


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="tbviz", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"tbviz {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="train small real models on digits and write demo logs")
    demo.add_argument("--out", default="demo_logs", help="logdir to write (default: demo_logs)")
    demo.add_argument("--quick", action="store_true", help="fewer epochs, for tests")
    insp = sub.add_parser("inspect", help="list tbviz tags and health events per run")
    insp.add_argument("logdir")
    insp.add_argument("--json", action="store_true", help="machine-readable output")
    exp = sub.add_parser("export", help="write one tag's data as csv, npy or png")
    exp.add_argument("logdir")
    exp.add_argument("--run", required=True)
    exp.add_argument("--tag", required=True)
    exp.add_argument("--format", choices=("csv", "npy", "png"), default="csv")
    exp.add_argument("--step", type=int, help="step to export (default: the last)")
    exp.add_argument("--stat", default="mean_abs", help="gradient-flow statistic for png")
    exp.add_argument("--out", help="output file (default: <run>_<tag>.<format>)")
    args = parser.parse_args(argv)
    if args.command != "demo":
        _read_without_tensorflow()

    try:
        if args.command == "demo":
            from tbviz_plugin import demo as demo_runs

            for line in demo_runs.write_demo_logs(args.out, quick=args.quick):
                print(line)
        elif args.command == "inspect":
            _check_logdir(args.logdir)
            report = inspect_logdir(args.logdir)
            if args.json:
                json.dump(report, sys.stdout, indent=1, allow_nan=False)
                print()
            else:
                _print_inspection(report)
        else:
            from tbviz_plugin.export import export

            _check_logdir(args.logdir)
            out = args.out or _default_out(args.run, args.tag, args.format)
            result = export(args.logdir, args.run, args.tag, args.format, out, args.step, args.stat)
            print(json.dumps(result))
    except (KeyError, ValueError) as e:
        message = e.args[0] if isinstance(e, KeyError) and e.args else e
        print(f"tbviz {args.command}: {message}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
