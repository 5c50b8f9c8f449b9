"""Scale: a 1,000-layer model's run, written and then served by a real TensorBoard.

Writes one run of ``--layers`` layers: a ``[layers, 9]`` gradient-flow table
at each of ``--steps`` logged steps (``Writer.gradient_flow_table``, what the
integrations call), a loss scalar per step, and a 32x32 weight surface per
layer at ``--surface-steps`` evenly spaced steps (1,000 surface tags). It
samples the writer's RSS while writing, then starts TensorBoard with tbviz's
default flags (``--samples_per_plugin tbviz=500``) under each loader and
measures the time until the whole run is loaded, the TensorBoard processes'
RSS, and each tbviz route (median of ``--repeats`` requests after a warm-up)
with its response size.

    python bench/scale.py [--quick] [--layers 1000] [--steps 10000] [--out scale.json]

Results and their reading: docs/scale.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.parse

import numpy as np
import psutil

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from tb_server import get, tensorboard  # noqa: E402

import tbviz_plugin as tbviz  # noqa: E402
from tbviz_plugin.integrations import common  # noqa: E402

TAG = "model/gradient_flow"


def _rss_mb(process: psutil.Process) -> float:
    return process.memory_info().rss / 2**20


def write_run(run_dir: str, layers: int, steps: int, surface_steps: int) -> dict:
    """Writes the run; returns the writer's throughput and RSS while writing."""
    rng = np.random.default_rng(0)
    names = [f"block_{i:04d}/dense" for i in range(layers)]
    stats = common.FLOW_STATS
    base = np.abs(rng.normal(size=(layers, len(stats)))).astype(np.float32)
    for healthy in ("nan_count", "inf_count", "zero_frac"):  # a healthy run: no NaN alarms
        base[:, stats.index(healthy)] = 0
    surface = rng.normal(size=(32, 32)).astype(np.float32)
    surface_at = set(np.linspace(0, steps - 1, surface_steps).round().astype(int).tolist())
    me = psutil.Process()
    samples = []
    start = time.perf_counter()
    with tbviz.Writer(run_dir) as w:
        for step in range(steps):
            w.gradient_flow_table(TAG, names, stats, base * np.float32(1 + step / steps), step)
            w.scalar("loss", 1.0 / (step + 1), step)
            if step in surface_at:
                for name in names:
                    w.weight_surface(f"{name}/kernel", surface, step)
            if step % max(1, steps // 10) == 0 or step == steps - 1:
                samples.append((step, _rss_mb(me)))
    seconds = time.perf_counter() - start
    size = sum(e.stat().st_size for e in os.scandir(run_dir))
    rss = [r for _, r in samples]
    # TensorBoard parses every record whatever its reservoir keeps: the file's
    # read rate (page cache warm) bounds how long any loader takes.
    from tensorboard.backend.event_processing import event_file_loader
    from tensorboard.compat import tf

    tf.io  # noqa: B018  (the lazy import of TensorFlow, kept out of the timing)
    t0 = time.perf_counter()
    records = 0
    for entry in os.scandir(run_dir):
        for _ in event_file_loader.EventFileLoader(entry.path).Load():
            records += 1
    read_seconds = time.perf_counter() - t0
    return {
        "read_seconds": read_seconds,
        "read_mb_per_sec": size / 2**20 / read_seconds,
        "records": records,
        "seconds": seconds,
        "logged_steps_per_sec": steps / seconds,
        "bytes": size,
        "rss_mb_samples": samples,
        "rss_mb_after_first_tenth": rss[1] if len(rss) > 1 else rss[0],
        "rss_mb_peak": max(rss),
    }


def _tensorboard_rss_mb() -> float:
    """RSS of this process's children: TensorBoard and its data server."""
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            total += _rss_mb(child)
        except psutil.Error:
            pass
    return total


def _time(url: str, repeats: int) -> dict:
    status, _, body = get(url)  # warm-up
    if status != 200:
        raise RuntimeError(f"{url} answered {status}: {body[:200]!r}")
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        status, _, body = get(url)
        times.append(time.perf_counter() - t0)
    return {
        "median_ms": 1e3 * statistics.median(times),
        "max_ms": 1e3 * max(times),
        "bytes": len(body),
    }


def serve(root: str, steps: int, load_fast: str, repeats: int) -> dict:
    kept = min(steps, 500)
    t0 = time.perf_counter()
    with tensorboard(root, load_fast=load_fast, timeout=1800) as url:
        q = urllib.parse.urlencode
        steps_url = f"{url}/data/plugin/tbviz/steps?" + q({"run": "run", "tag": TAG})
        deadline = time.monotonic() + 1800
        while time.monotonic() < deadline:  # until the last step is in
            status, _, body = get(steps_url)
            got = json.loads(body) if status == 200 else []
            if len(got) >= kept and got[-1]["step"] == steps - 1:
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"TensorBoard (load_fast={load_fast}) did not load the run")
        loaded = time.perf_counter() - t0
        flow = {"run": "run", "tag": TAG}
        routes = {
            "tags": f"{url}/data/plugin/tbviz/tags",
            "steps": steps_url,
            "gradient_flow binary (default 500 steps)": f"{url}/data/plugin/tbviz/gradient_flow?"
            + q(dict(flow, format="binary")),
            "gradient_flow json (default 500 steps)": f"{url}/data/plugin/tbviz/gradient_flow?"
            + q(flow),
            "gradient_flow binary max_steps=100": f"{url}/data/plugin/tbviz/gradient_flow?"
            + q(dict(flow, format="binary", max_steps=100)),
            "health (read-time diagnosis)": f"{url}/data/plugin/tbviz/health?" + q({"run": "run"}),
            "tensor 32x32": f"{url}/data/plugin/tbviz/tensor?"
            + q({"run": "run", "tag": "block_0500/dense/kernel", "step": 0}),
        }
        timed = {name: _time(u, repeats) for name, u in routes.items()}
        return {
            "seconds_to_load": loaded,
            "steps_kept": len(got),
            "tensorboard_rss_mb": _tensorboard_rss_mb(),
            "routes": timed,
        }


def baseline_rss_mb(load_fast: str) -> float:
    """TensorBoard's RSS on a one-step run: what it costs before any data."""
    with tempfile.TemporaryDirectory() as root:
        with tbviz.Writer(os.path.join(root, "run")) as w:
            w.gradient_flow_table(TAG, ["a"], common.FLOW_STATS, np.ones((1, 9)), 0)
        with tensorboard(root, load_fast=load_fast) as url:
            get(f"{url}/data/plugin/tbviz/tags")
            return _tensorboard_rss_mb()


def run(layers: int, steps: int, surface_steps: int, repeats: int) -> dict:
    results = {"layers": layers, "steps": steps, "surface_steps": surface_steps}
    results["baseline_rss_mb"] = {
        f"load_fast={lf}": baseline_rss_mb(lf) for lf in ("true", "false")
    }
    with tempfile.TemporaryDirectory() as root:
        results["writer"] = write_run(os.path.join(root, "run"), layers, steps, surface_steps)
        results["tensorboard"] = {
            f"load_fast={lf}": serve(root, steps, lf, repeats) for lf in ("true", "false")
        }
    return results


def to_markdown(r: dict) -> str:
    w = r["writer"]
    lines = [
        f"### {r['layers']} layers x {r['steps']} logged steps "
        f"(+ {r['layers']} 32x32 surfaces at {r['surface_steps']} steps)",
        "",
        f"Writer: {w['seconds']:.1f} s, {w['logged_steps_per_sec']:.0f} logged steps/s, "
        f"{w['bytes'] / 2**20:.0f} MiB written; RSS {w['rss_mb_after_first_tenth']:.0f} MB "
        f"after the first tenth, peak {w['rss_mb_peak']:.0f} MB.",
        "",
        f"TensorBoard's Python event reader over the file: {w['records']:,} records in "
        f"{w['read_seconds']:.1f} s ({w['read_mb_per_sec']:.0f} MiB/s, page cache warm).",
        "",
        "| loader | load s | steps kept | TensorBoard RSS MB | on a 1-step run |",
        "|---|---:|---:|---:|---:|",
    ]
    for loader, t in r["tensorboard"].items():
        lines.append(
            f"| {loader} | {t['seconds_to_load']:.1f} | {t['steps_kept']} "
            f"| {t['tensorboard_rss_mb']:.0f} | {r['baseline_rss_mb'][loader]:.0f} |"
        )
    lines += [
        "",
        "| loader | route | median ms | max ms | response bytes |",
        "|---|---|---:|---:|---:|",
    ]
    for loader, t in r["tensorboard"].items():
        for name, m in t["routes"].items():
            lines.append(
                f"| {loader} | {name} | {m['median_ms']:.1f} | {m['max_ms']:.1f} | {m['bytes']:,} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 layers x 1,000 steps")
    parser.add_argument("--layers", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--surface-steps", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args()
    steps, repeats = (1000, 3) if args.quick else (args.steps, args.repeats)
    result = run(args.layers, steps, args.surface_steps, repeats)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)
    print(to_markdown(result))
