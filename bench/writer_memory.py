"""Benchmark: peak RSS of the writer while logging a 100-layer model.

The model is 100 layers of a 256×256 float32 kernel and a 256 bias (26 MB of
weights, allocated before measuring). Each step logs what ``watch`` or
``TbvizCallback`` logs for it: every kernel and bias as a weight surface and
the 100-layer gradient-flow table; the peer logs a histogram of every
parameter (``torch.utils.tensorboard.SummaryWriter.add_histogram``, what
users log instead). Each tool runs in its own process; the kernel's RSS
high-water mark is reset just before the writer opens, so the figure is what
logging adds on top of the model, including the writer's queue.

    python -m bench.writer_memory [--quick] [--steps 10] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from typing import Any, Dict, List

from bench.workers import run_worker

LAYERS, SIDE = 100, 256
TBVIZ = "tbviz Writer: surfaces of every parameter + gradient flow"
TORCH = "torch.utils.tensorboard: add_histogram of every parameter"
PEERS = [TBVIZ, TORCH]


def worker(peer: str, steps: int, logdir: str) -> Dict[str, Any]:
    import numpy as np

    from bench.writer_throughput import _reset_peak_rss, _rss_kb

    rng = np.random.default_rng(0)
    kernels = [rng.standard_normal((SIDE, SIDE), dtype=np.float32) for _ in range(LAYERS)]
    biases = [rng.standard_normal(SIDE, dtype=np.float32) for _ in range(LAYERS)]
    names = [f"block_{i:03d}" for i in range(LAYERS)]
    if peer == TBVIZ:
        import tbviz_plugin as tbviz
        from tbviz_plugin.integrations import common

        table = rng.random((LAYERS, len(common.FLOW_STATS)))
    else:
        import torch
        from torch.utils.tensorboard import SummaryWriter

        kernels = [torch.from_numpy(k) for k in kernels]
        biases = [torch.from_numpy(b) for b in biases]
    before = _rss_kb("VmRSS")
    peak_ok = _reset_peak_rss()
    if peer == TBVIZ:
        with tbviz.Writer(logdir) as w:
            for step in range(steps):
                for name, k, b in zip(names, kernels, biases):
                    w.weight_surface(f"{name}/kernel", k, step)
                    w.weight_surface(f"{name}/bias", b, step)
                w.gradient_flow_table("model/gradient_flow", names, common.FLOW_STATS, table, step)
    else:
        w = SummaryWriter(logdir)
        for step in range(steps):
            for name, k, b in zip(names, kernels, biases):
                w.add_histogram(f"{name}/kernel", k, step)
                w.add_histogram(f"{name}/bias", b, step)
        w.close()
    peak = _rss_kb("VmHWM") if peak_ok else 0
    return {"peer": peer, "rss_before_kb": before, "peak_rss_kb": peak, "steps": steps}


def _spawn(peer: str, steps: int, logdir: str) -> Dict[str, Any]:
    return run_worker("writer_memory", ["--worker", peer, "--steps", str(steps), "--dir", logdir])


def run(quick: bool = False, steps: int = 0, rounds: int = 0) -> Dict[str, Any]:
    steps = steps or (2 if quick else 10)
    rounds = rounds or (1 if quick else 2)
    raw: Dict[str, List[Dict[str, Any]]] = {p: [] for p in PEERS}
    with tempfile.TemporaryDirectory(prefix="tbviz-bench-memory-") as root:
        for r in range(rounds):
            for peer in PEERS[r % 2 :] + PEERS[: r % 2]:
                raw[peer].append(_spawn(peer, steps, os.path.join(root, f"{r}-{len(raw[peer])}")))
    rows = {}
    for peer, runs in raw.items():
        growth = [(x["peak_rss_kb"] - x["rss_before_kb"]) / 1024 for x in runs]
        peak = [x["peak_rss_kb"] / 1024 for x in runs]
        rows[peer] = {
            "growth_mb": {
                "median": statistics.median(growth),
                "lo": min(growth),
                "hi": max(growth),
            },
            "peak_mb": statistics.median(peak),
            "before_mb": statistics.median(x["rss_before_kb"] / 1024 for x in runs),
        }
    return {"steps": steps, "rounds": rounds, "rows": rows}


def to_markdown(results: Dict[str, Any]) -> str:
    weights_mb = LAYERS * (SIDE * SIDE + SIDE) * 4 / 2**20
    lines = [
        f"### Writer memory: a {LAYERS}-layer model ({LAYERS} × [{SIDE}×{SIDE} kernel + {SIDE} "
        f"bias], {weights_mb:.0f} MB of weights), {results['steps']} logged steps",
        "",
        f"{results['rounds']} rounds, each tool in its own process; RSS growth = peak RSS while "
        "logging − RSS with the model loaded; median and min–max.",
        "",
        "| tool | RSS growth MB | min–max | peak RSS MB | RSS before MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for peer, r in results["rows"].items():
        g = r["growth_mb"]
        lines.append(
            f"| {peer} | {g['median']:.1f} | {g['lo']:.1f}–{g['hi']:.1f} | {r['peak_mb']:.0f} "
            f"| {r['before_mb']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: List[str] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 steps, 1 round")
    parser.add_argument("--steps", type=int, default=0, help="default 10; quick 2")
    parser.add_argument("--rounds", type=int, default=0, help="default 2; quick 1")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.steps, args.dir)))
        return
    print(to_markdown(run(args.quick, args.steps, args.rounds)))


if __name__ == "__main__":
    if __package__ in (None, ""):  # `python bench/writer_memory.py`
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
