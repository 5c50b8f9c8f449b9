"""Benchmark: the picture the default cadence paints in short runs users make.

With ``every=None`` the governor spends at most the overhead budget on logging.
Full logs (surfaces, activation maps, predictions) and gradient-flow rows (the
cheap per-layer statistics) share it, so a short run should still get a
gradient-flow map with many columns. Counted here, each run in its own process:

* ``keras: digits MLP``: ``TbvizCallback`` on a Dense(64)-Dense(64)-Dense(10) model,
  scikit-learn's digits with ``validation_split=0.2``, 15 epochs of batch 32
  (675 steps);
* ``torch: digits MLP``: the same model and data with ``watch``, 675 steps;
* ``torch: ResNet-style CNN``: a conv stem, four residual blocks (conv, BatchNorm,
  in-place ReLU) over 32×32×3 random images, 90 steps of batch 32.

    python -m bench.default_cadence [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from typing import Any, Dict, List

from bench.report import targets_table
from bench.workers import run_worker

KERAS_DIGITS = "keras: digits MLP, 15 epochs"
TORCH_DIGITS = "torch: digits MLP, 15 epochs"
TORCH_RESNET = "torch: ResNet-style CNN, 90 steps"
RUNS = [KERAS_DIGITS, TORCH_DIGITS, TORCH_RESNET]
# The short runs and the gradient-flow columns they should get; the torch digits run
# (under a second: 3 % of it pays for a handful of rows) is shown without a target.
TARGET_RUNS = (KERAS_DIGITS, TORCH_RESNET)
MIN_COLUMNS = 20
EPOCHS, BATCH, RESNET_STEPS = 15, 32, 90


def _digits():
    import numpy as np
    from sklearn.datasets import load_digits

    x, y = load_digits(return_X_y=True)
    return (x / 16.0).astype(np.float32), y.astype(np.int64)


def _flow_steps(logdir: str) -> Dict[str, List[int]]:
    """Steps of the run's gradient-flow rows and of its first weight surface."""
    from tensorboard.backend.event_processing import event_accumulator as ea

    acc = ea.EventAccumulator(logdir, size_guidance={ea.TENSORS: 0})
    acc.Reload()
    tags = acc.Tags()["tensors"]
    flow = next(t for t in tags if t.endswith("/gradient_flow"))
    surface = next(t for t in tags if t.endswith("/kernel") or t.endswith("/weight"))
    return {
        "flow": [e.step for e in acc.Tensors(flow)],
        "surfaces": [e.step for e in acc.Tensors(surface)],
    }


def _keras_worker(epochs: int, logdir: str) -> Dict[str, Any]:
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras

    from tbviz_plugin.integrations.keras import TbvizCallback

    keras.utils.set_random_seed(0)
    x, y = _digits()
    model = keras.Sequential(
        [
            keras.Input((64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10),
        ],
        name="digits",
    )
    model.compile(
        "adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"]
    )
    t0 = time.perf_counter()
    model.fit(
        x,
        y,
        validation_split=0.2,
        epochs=epochs,
        batch_size=BATCH,
        verbose=0,
        callbacks=[TbvizCallback(logdir)],
    )
    return {"wall_s": time.perf_counter() - t0, "steps": epochs * -(-int(len(x) * 0.8) // BATCH)}


def _torch_digits(epochs: int, logdir: str) -> Dict[str, Any]:
    import torch

    from tbviz_plugin.integrations.torch import watch

    torch.manual_seed(0)
    x, y = (torch.from_numpy(a) for a in _digits())
    n = int(len(x) * 0.8)
    model = torch.nn.Sequential(
        torch.nn.Linear(64, 64),
        torch.nn.ReLU(),
        torch.nn.Linear(64, 64),
        torch.nn.ReLU(),
        torch.nn.Linear(64, 10),
    )
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    t0 = time.perf_counter()
    handle = watch(model, logdir)
    steps = 0
    for _ in range(epochs):
        for i in range(0, n, BATCH):
            opt.zero_grad()
            torch.nn.functional.cross_entropy(model(x[i : i + BATCH]), y[i : i + BATCH]).backward()
            opt.step()
            steps += 1
    handle.remove()
    return {"wall_s": time.perf_counter() - t0, "steps": steps}


def _torch_resnet(steps: int, logdir: str) -> Dict[str, Any]:
    import torch

    from tbviz_plugin.integrations.torch import watch

    class Block(torch.nn.Module):
        def __init__(self, c: int) -> None:
            super().__init__()
            self.conv1 = torch.nn.Conv2d(c, c, 3, padding=1, bias=False)
            self.bn1 = torch.nn.BatchNorm2d(c)
            self.conv2 = torch.nn.Conv2d(c, c, 3, padding=1, bias=False)
            self.bn2 = torch.nn.BatchNorm2d(c)
            self.relu = torch.nn.ReLU(inplace=True)

        def forward(self, x: Any) -> Any:
            out = self.relu(self.bn1(self.conv1(x)))
            return self.relu(x + self.bn2(self.conv2(out)))

    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(3, 32, 3, padding=1, bias=False),
        torch.nn.BatchNorm2d(32),
        torch.nn.ReLU(inplace=True),
        Block(32),
        Block(32),
        torch.nn.MaxPool2d(2),
        Block(32),
        Block(32),
        torch.nn.AdaptiveAvgPool2d(1),
        torch.nn.Flatten(),
        torch.nn.Linear(32, 10),
    )
    x = torch.randn(steps * BATCH, 3, 32, 32)
    y = torch.randint(0, 10, (steps * BATCH,))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    t0 = time.perf_counter()
    handle = watch(model, logdir)
    for i in range(steps):
        opt.zero_grad()
        b = slice(i * BATCH, (i + 1) * BATCH)
        torch.nn.functional.cross_entropy(model(x[b]), y[b]).backward()
        opt.step()
    handle.remove()
    return {"wall_s": time.perf_counter() - t0, "steps": steps}


def worker(run: str, quick: bool, logdir: str) -> Dict[str, Any]:
    epochs = 2 if quick else EPOCHS
    if run == KERAS_DIGITS:
        result = _keras_worker(epochs, logdir)
    elif run == TORCH_DIGITS:
        result = _torch_digits(epochs, logdir)
    else:
        result = _torch_resnet(12 if quick else RESNET_STEPS, logdir)
    result.update(_flow_steps(logdir))
    result["run"] = run
    return result


def run(quick: bool = False) -> Dict[str, Any]:
    rows: Dict[str, Dict[str, Any]] = {}
    base = tempfile.mkdtemp(prefix="tbviz-bench-cadence-")
    try:
        for name in RUNS:
            logdir = os.path.join(base, str(len(rows)))
            args = ["--worker", name, "--dir", logdir] + (["--quick"] if quick else [])
            rows[name] = run_worker("default_cadence", args)
            print(f"  {name}: {len(rows[name]['flow'])} columns", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return {"params": {"quick": quick}, "rows": rows}


def targets(results: Dict[str, Any]) -> List[tuple]:
    out = []
    if results["params"].get("quick"):
        return out
    for name, r in results["rows"].items():
        if name not in TARGET_RUNS:
            continue
        columns = len(r["flow"])
        out.append(
            (
                f"{name}: gradient-flow columns, default cadence",
                str(columns),
                f">= {MIN_COLUMNS}",
                columns >= MIN_COLUMNS,
                "a short run's gradient-flow map has enough columns to show a trend",
            )
        )
    return out


def to_markdown(results: Dict[str, Any]) -> str:
    lines = [
        "### The default cadence in short runs",
        "",
        "Each run in its own process with `every=None` (the governor, 3 % budget); "
        "columns = gradient-flow rows written, surfaces = steps with weight surfaces "
        "(full logs), the run's last step included.",
        "",
        "| run | steps | wall s | gradient-flow columns | surfaces | flow steps |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, r in results["rows"].items():
        shown = ", ".join(map(str, r["flow"][:12])) + (" …" if len(r["flow"]) > 12 else "")
        lines.append(
            f"| {name} | {r['steps']} | {r['wall_s']:.1f} | {len(r['flow'])} "
            f"| {len(r['surfaces'])} | {shown} |"
        )
    lines += ["", *targets_table(targets(results))]
    return "\n".join(lines) + "\n"


def main(argv: List[str] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 epochs, 12 ResNet steps")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.quick, args.dir)))
        return
    print(to_markdown(run(args.quick)))


if __name__ == "__main__":
    if __package__ in (None, ""):  # `python -m bench.default_cadence` from the repo root
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
