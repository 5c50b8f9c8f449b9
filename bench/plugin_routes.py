"""Benchmark: the plugin's routes against TensorBoard's built-in scalars route.

One run writes a logdir with a 100-layer x 1,000-step gradient flow, a 256x256
weight surface and a 1,000-step scalar, starts a real TensorBoard per loader
(`--samples_per_plugin tbviz=0`, so every step is served) and times each
route over several requests (after one warm-up request each, as a user's
browser would after the first paint). Reports medians, spread and the ratio to
the scalars route of the same server.

    python bench/plugin_routes.py [--quick] [--out results.json]
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

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from tb_server import get, tensorboard  # noqa: E402

import tbviz_plugin as tbviz  # noqa: E402


def write_logs(root: str, layers: int, steps: int) -> None:
    rng = np.random.default_rng(0)
    names = [f"layer_{i:03d}" for i in range(layers)]
    with tbviz.Writer(os.path.join(root, "big")) as w:
        surface = rng.normal(size=(256, 256)).astype(np.float32)
        for step in range(steps):
            scale = np.float32(1.0 + step / steps)
            w.gradient_flow(
                "model/gradient_flow",
                {n: surface[i % 256, :16] * scale for i, n in enumerate(names)},
                step,
            )
            w.scalar("loss", 1.0 / (step + 1), step)
            if step % max(1, steps // 20) == 0:
                w.weight_surface("dense/kernel", surface * scale, step)


def time_route(url: str, repeats: int) -> list:
    status, _, body = get(url)  # warm-up: TensorBoard and tbviz caches filled
    if status != 200:
        raise RuntimeError(f"{url} answered {status}: {body[:200]!r}")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        status, _, body = get(url)
        times.append(time.perf_counter() - start)
        assert status == 200
    return times


def run(quick: bool = False) -> dict:
    layers, steps, repeats = (10, 100, 3) if quick else (100, 1000, 15)
    results = {"layers": layers, "steps": steps, "repeats": repeats, "loaders": {}}
    with tempfile.TemporaryDirectory() as root:
        write_logs(root, layers, steps)
        for load_fast in ("true", "false"):
            with tensorboard(
                root, load_fast=load_fast, extra_args=["--samples_per_plugin", "tbviz=0"]
            ) as url:
                tags_url = url + "/data/plugin/tbviz/tags"
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline:  # wait until the whole run is loaded
                    tags = json.loads(get(tags_url)[2]).get("big", {})
                    if tags.get("model/gradient_flow", {}).get("max_step") == steps - 1:
                        break
                    time.sleep(0.5)
                q = urllib.parse.urlencode
                routes = {
                    "scalars (built-in)": f"{url}/data/plugin/scalars/scalars?"
                    + q({"run": "big", "tag": "loss"}),
                    "gradient_flow binary": f"{url}/data/plugin/tbviz/gradient_flow?"
                    + q(
                        {
                            "run": "big",
                            "tag": "model/gradient_flow",
                            "max_steps": steps,
                            "format": "binary",
                        }
                    ),
                    "gradient_flow json": f"{url}/data/plugin/tbviz/gradient_flow?"
                    + q({"run": "big", "tag": "model/gradient_flow", "max_steps": steps}),
                    "tensor 256x256": f"{url}/data/plugin/tbviz/tensor?"
                    + q({"run": "big", "tag": "dense/kernel", "step": 0}),
                }
                timed = {name: time_route(u, repeats) for name, u in routes.items()}
                base = statistics.median(timed["scalars (built-in)"])
                results["loaders"][f"load_fast={load_fast}"] = {
                    name: {
                        "median_ms": statistics.median(t) * 1e3,
                        "min_ms": min(t) * 1e3,
                        "max_ms": max(t) * 1e3,
                        "ratio_to_scalars": statistics.median(t) / base,
                    }
                    for name, t in timed.items()
                }
    return results


def to_markdown(results: dict) -> str:
    lines = [
        f"### Plugin routes: {results['layers']} layers x {results['steps']} steps, "
        f"256x256 surface ({results['repeats']} requests each, after one warm-up)",
        "",
        "| loader | route | median ms | min–max ms | × scalars route |",
        "|---|---|---:|---:|---:|",
    ]
    for loader, routes in results["loaders"].items():
        for name, r in routes.items():
            lines.append(
                f"| {loader} | {name} | {r['median_ms']:.1f} | {r['min_ms']:.1f}–{r['max_ms']:.1f} "
                f"| {r['ratio_to_scalars']:.2f} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args()
    result = run(args.quick)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)
    print(to_markdown(result))
