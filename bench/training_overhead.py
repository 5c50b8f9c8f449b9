"""Benchmark: what logging adds to training wall time, Keras and PyTorch.

The network: a 6×512 dense MLP (six ``Dense(512, relu)`` / ``Linear``
+ ReLU layers and a 10-way softmax head) on 8,192×256 random data whose labels
come from a fixed random teacher, 3 epochs, batch 32 (Keras' default), Adam.

Every variant runs in its own process, several repeats interleaved (the order
rotates per round); each worker builds the model, then times ``fit`` (Keras) or
the training loop (PyTorch) from its first batch to the last logger's
``close``/``flush``, everything the user waits for. The same seed in every
process, so every variant trains the same network on the same data.

Keras variants: no callback; no callback with the optimiser built before ``fit``
(a reference: ``TbvizCallback`` builds it first, which spares Keras a second trace
of the train step, so this is the baseline that isolates the callback's own cost);
``keras.callbacks.TensorBoard(update_freq="batch",
histogram_freq=1)``; the same callback writing its weight histograms after every
batch (its own ``_log_weights``; one epoch, see ``EPOCHS``); ``TbvizCallback``
at its default cadence (the overhead governor) and with ``every=1``. PyTorch variants: no logging;
``torch.utils.tensorboard.SummaryWriter.add_histogram`` of every parameter
each step; ``watch`` at its default cadence and with ``every=1``.

    python -m bench.training_overhead [--quick] [--rounds 3] [--only keras]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from typing import Any, Dict, List, Optional

from bench.report import targets_table
from bench.workers import run_worker

FEATURES, WIDTH, DEPTH, CLASSES = 256, 512, 6, 10
BATCH = 32

KERAS_NONE = "keras: no callback"
KERAS_PREBUILT = "keras: no callback, optimiser built before fit (reference)"
KERAS_TB = 'keras: TensorBoard(update_freq="batch", histogram_freq=1)'
KERAS_TB_EVERY = "keras: TensorBoard, its weight histograms written every batch (like for like)"
KERAS_TBVIZ = "keras: TbvizCallback (default cadence)"
KERAS_TBVIZ_1 = "keras: TbvizCallback(every=1)"
TORCH_NONE = "torch: no logging"
TORCH_TB = "torch: SummaryWriter.add_histogram of all parameters each step"
TORCH_TBVIZ = "torch: watch (default cadence)"
TORCH_TBVIZ_1 = "torch: watch(every=1)"

VARIANTS: Dict[str, List[str]] = {
    "keras": [KERAS_NONE, KERAS_PREBUILT, KERAS_TB, KERAS_TB_EVERY, KERAS_TBVIZ, KERAS_TBVIZ_1],
    "torch": [TORCH_NONE, TORCH_TB, TORCH_TBVIZ, TORCH_TBVIZ_1],
}
BASELINE = {"keras": KERAS_NONE, "torch": TORCH_NONE}
# What logging every step costs with the peer's own histograms: the like-for-like
# comparison for ``every=1`` (Keras' histogram_freq counts epochs, not batches).
PEER_EVERY_STEP = {"keras": KERAS_TB_EVERY, "torch": TORCH_TB}
# Variants run for fewer epochs, compared with their baseline's time to the end of
# the same epoch: Keras' histograms every batch cost 0.15-0.3 s a step here, so
# five epochs of them would add 10-20 minutes to each `make bench`.
EPOCHS = {KERAS_TB_EVERY: 1}
DEFAULT = {"keras": KERAS_TBVIZ, "torch": TORCH_TBVIZ}
# The default cadence's added wall time at most; its own time: at most 3 %.
WALL_TARGET = {"keras": 0.05, "torch": 0.03}
EVERY_STEP = {"keras": KERAS_TBVIZ_1, "torch": TORCH_TBVIZ_1}


def _data(samples: int):
    import numpy as np

    rng = np.random.default_rng(0)
    x = rng.standard_normal((samples, FEATURES), dtype=np.float32)
    teacher = rng.standard_normal((FEATURES, CLASSES), dtype=np.float32)
    y = np.argmax(x @ teacher, axis=1).astype(np.int64)
    return x, y


# --------------------------------------------------------------------------- workers


def _keras_worker(variant: str, samples: int, epochs: int, logdir: str) -> Dict[str, Any]:
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras

    keras.utils.set_random_seed(0)
    x, y = _data(samples)
    layers = [keras.Input((FEATURES,))]
    layers += [keras.layers.Dense(WIDTH, activation="relu") for _ in range(DEPTH)]
    layers.append(keras.layers.Dense(CLASSES, activation="softmax"))
    model = keras.Sequential(layers, name="mlp")
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    callbacks: List[Any] = []
    # Imports are not training time: the callback's and the modules it imports when
    # a fit begins (a second fit in the same process finds them imported).
    import tbviz_plugin.attached  # noqa: F401
    import tbviz_plugin.writer  # noqa: F401
    from tbviz_plugin.integrations.keras import TbvizCallback, tf_steps  # noqa: F401

    if variant == KERAS_PREBUILT:  # what TbvizCallback does first (see its _setup_untimed)
        model.optimizer.build(model.trainable_variables)
    if variant == KERAS_TB:
        callbacks.append(keras.callbacks.TensorBoard(logdir, update_freq="batch", histogram_freq=1))
    elif variant == KERAS_TB_EVERY:
        callbacks.append(_every_batch_histograms(keras)(logdir, update_freq="batch"))
    elif variant in (KERAS_TBVIZ, KERAS_TBVIZ_1):
        every = 1 if variant == KERAS_TBVIZ_1 else None
        callbacks.append(TbvizCallback(logdir, every=every))
    ends: List[float] = []
    clock = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: ends.append(time.perf_counter())
    )
    attribution = _KerasAttribution(keras, callbacks[0] if callbacks else None, model)
    around = attribution.around(callbacks)
    t0 = time.perf_counter()
    history = model.fit(
        x, y, batch_size=BATCH, epochs=epochs, callbacks=[clock] + around, verbose=0
    )
    wall = time.perf_counter() - t0
    logged = None
    if callbacks and hasattr(callbacks[0], "cadence"):
        logged = len(callbacks[0].cadence.logged_steps)
    return {
        "wall_s": wall,
        "after_first_epoch_s": ends[-1] - ends[0],
        "epoch_ends_s": [e - t0 for e in ends],
        "loss": float(history.history["loss"][-1]),
        "logged_steps": logged,
        "attributed_s": attribution.seconds() if callbacks else None,
        "first_step_s": attribution.steps[0],
    }


def _every_batch_histograms(keras: Any) -> Any:
    """Keras' ``TensorBoard`` callback writing its weight histograms after every
    batch, with its own ``_log_weights`` (``histogram_freq`` counts epochs, so the
    callback itself cannot)."""

    class EveryBatchHistograms(keras.callbacks.TensorBoard):
        def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
            super().on_train_batch_end(batch, logs)
            self._log_weights(self._global_train_batch)

    return EveryBatchHistograms


class _KerasAttribution:
    """What a logging callback itself takes, measured from outside: the time in
    its hooks, what its logged batches' train steps (full logs and gradient-flow
    rows alike) took beyond the median batch (but the first, which traces the
    train function: ``summarise`` compares it with the baseline's), and its
    writer thread's CPU time (tbviz; two cores are shared with training). Unlike
    the wall-time difference it does not depend on how fast the baseline's
    separate run happened to be. Building the optimiser is Keras' work, not the
    callback's (the reference baseline builds it before ``fit``, outside its
    timing, and every fit builds it somewhere): the callback builds it in its
    first hook, and that time is not counted.
    With ``callback=None`` (the baseline) only the batches are timed."""

    HOOKS = (
        "on_train_begin",
        "on_train_end",
        "on_epoch_begin",
        "on_epoch_end",
        "on_train_batch_begin",
        "on_train_batch_end",
    )

    def __init__(self, keras: Any, callback: Any, model: Any = None) -> None:
        self.callback = callback
        self.in_hooks = 0.0
        self.optimizer_build = 0.0  # Keras building its optimiser inside the hooks
        self.steps: List[float] = []
        self._begun = 0.0
        for name in self.HOOKS if callback is not None else ():
            setattr(callback, name, self._timed(getattr(callback, name)))
        optimizer = getattr(model, "optimizer", None)
        if callback is not None and optimizer is not None:
            optimizer.build = self._timed(optimizer.build, "optimizer_build")
        attribution = self

        class StepStart(keras.callbacks.Callback):  # after the logger's batch-begin hook
            def on_train_batch_begin(self, batch: int, logs: Any = None) -> None:
                attribution._begun = time.perf_counter()

        class StepEnd(keras.callbacks.Callback):  # before its batch-end hook
            def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
                attribution.steps.append(time.perf_counter() - attribution._begun)

        self.start, self.end = StepStart(), StepEnd()

    def _timed(self, hook: Any, total: str = "in_hooks") -> Any:
        """``hook``, adding the seconds each call takes to the attribute ``total``."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return hook(*args, **kwargs)
            finally:
                setattr(self, total, getattr(self, total) + time.perf_counter() - t0)

        return timed

    def around(self, callbacks: List[Any]) -> List[Any]:
        return [self.end] + callbacks + [self.start]

    def seconds(self) -> Optional[float]:
        # Full logs and gradient-flow rows: both arm the train step.
        recorder = getattr(self.callback, "recorder", None)
        logged = set()
        for cadence in (
            getattr(self.callback, "cadence", None),
            getattr(recorder, "flow_cadence", None),
        ):
            logged |= set(cadence.logged_steps) if cadence is not None else set()
        # steps are counted from 1 after each batch (the callback's own count)
        plain = [d for i, d in enumerate(self.steps, 1) if i not in logged]
        if not plain:  # every batch logged: no plain batch to measure the extra by
            return None
        typical = statistics.median(plain)
        armed = sum(
            max(0.0, d - typical) for i, d in enumerate(self.steps, 1) if i in logged and i > 1
        )
        writer = getattr(self.callback, "writer", None)
        background = getattr(writer, "background_seconds", None) or 0.0
        return self.in_hooks - self.optimizer_build + armed + background


def _torch_worker(variant: str, samples: int, epochs: int, logdir: str) -> Dict[str, Any]:
    import torch

    torch.manual_seed(0)
    x, y = _data(samples)
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    layers: List[torch.nn.Module] = []
    width = FEATURES
    for _ in range(DEPTH):
        layers += [torch.nn.Linear(width, WIDTH), torch.nn.ReLU()]
        width = WIDTH
    layers.append(torch.nn.Linear(width, CLASSES))
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    handle = writer = None
    # Imports are not training time (a script imports at its top; Keras' worker too).
    from torch.utils.tensorboard import SummaryWriter

    from tbviz_plugin.integrations.torch import watch

    t0 = time.perf_counter()
    if variant == TORCH_TB:
        writer = SummaryWriter(logdir)
    elif variant in (TORCH_TBVIZ, TORCH_TBVIZ_1):
        every = 1 if variant == TORCH_TBVIZ_1 else None
        handle = watch(model, logdir, every=every)  # as the README shows: steps found
    step = 0
    generator = torch.Generator().manual_seed(0)
    ends: List[float] = []
    for _ in range(epochs):
        order = torch.randperm(samples, generator=generator)
        for i in range(0, samples, BATCH):
            idx = order[i : i + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            if writer is not None:
                for name, p in model.named_parameters():
                    writer.add_histogram(name, p, step)
            step += 1
        ends.append(time.perf_counter())
    logged = None
    if handle is not None:
        logged = len(handle.cadence.logged_steps)
        handle.remove()
    if writer is not None:
        writer.close()
    wall = time.perf_counter() - t0
    return {
        "wall_s": wall,
        "after_first_epoch_s": ends[-1] - ends[0],
        "epoch_ends_s": [e - t0 for e in ends],
        "loss": float(loss),
        "logged_steps": logged,
    }


def worker(variant: str, samples: int, epochs: int, logdir: str) -> Dict[str, Any]:
    framework = variant.split(":")[0]
    run = _keras_worker if framework == "keras" else _torch_worker
    result = run(variant, samples, epochs, logdir)
    result["variant"] = variant
    result["epochs"] = epochs
    result["steps"] = epochs * -(-samples // BATCH)
    return result


NOTES = """\
#### What these figures mean for you

* **The default cadence** (no ``every=``) is what to use: it adds a few percent
  to a run's wall time and less the longer the run, since it keeps everything
  logging costs, one-off costs included, within about 3 % of the time since
  the first log. In a run of a few seconds, like this one, the one-off costs
  and the floor of 20 gradient-flow rows a fit gets however short exceed 3 %:
  Keras traces its train step with the gradient copy, writes the graph, logs
  the first batch and the last in full, and sums a gradient-flow row (every
  weight and gradient read once) at least 20 times.
  The **own time** column is the callback's own cost measured from outside in
  the same run (building the optimiser, which Keras does in any fit, is not
  counted); it is the figure that shows these one-off costs, and it falls with
  the run's length.
* **every=1** logs everything at every step: a pooled surface of every weight,
  activation maps, the gradient-flow row and the diagnosis. That roughly
  triples a small model's step time on a CPU; use it for short debugging runs.
  Keras' own ``TensorBoard(update_freq="batch", histogram_freq=1)`` adds less
  because it writes only scalars every batch and its histograms once per
  *epoch*. Compared like for like, with each framework's histograms of every
  weight at every step, tbviz costs a fraction of theirs.
* **Where a logged step's time goes:** a gradient-flow row is a copy of the
  gradients inside the train step and a few passes over them and the weights
  after it (with numpy, on views, when they are in host memory); a full log
  pools every weight to its surface grid and runs the probe batch forward and
  backward for the activation maps, predictions and feature importance.
  PyTorch reduces and pools on the model's device, so only small arrays reach
  the host.
* **The reference baseline** row ("optimiser built before fit"): Keras builds
  an unbuilt optimiser inside its first train step and TensorFlow then traces
  that step twice; the callback builds the optimiser first, which saves that
  second trace. Compare with this row to see the callback's own cost.
* **Noise:** on this shared VM one process's step time differs from the next by
  up to ±15 %, more than the 3 % the cadence aims at, so the added wall time of
  the default cadence is within the noise of 3 rounds; PyTorch's OpenMP threads
  spin while waiting, so its figures grow on a busy machine (the load average
  is in the header).
"""


# --------------------------------------------------------------------------- driver


def _spawn(variant: str, samples: int, epochs: int, logdir: str) -> Dict[str, Any]:
    args = ["--worker", variant, "--samples", str(samples), "--epochs", str(epochs)]
    return run_worker("training_overhead", args + ["--dir", logdir], env={"PYTHONHASHSEED": "0"})


def _spread(values: List[float]) -> Dict[str, float]:
    values = sorted(values)
    return {"median": statistics.median(values), "lo": values[0], "hi": values[-1]}


def run(
    quick: bool = False,
    rounds: int = 0,
    frameworks: List[str] = (),
    samples: int = 0,
    epochs: int = 0,
) -> Dict[str, Any]:
    samples = samples or (512 if quick else 8192)
    epochs = epochs or (1 if quick else 3)
    rounds = rounds or (1 if quick else 3)
    variants = [v for f in (frameworks or VARIANTS) for v in VARIANTS[f]]
    raw: Dict[str, List[Dict[str, Any]]] = {v: [] for v in variants}
    base = tempfile.mkdtemp(prefix="tbviz-bench-train-")
    try:
        for r in range(rounds):
            order = variants[r % len(variants) :] + variants[: r % len(variants)]
            for variant in order:
                logdir = os.path.join(base, f"r{r}")
                shutil.rmtree(logdir, ignore_errors=True)
                n_epochs = min(epochs, EPOCHS.get(variant, epochs))
                raw[variant].append(_spawn(variant, samples, n_epochs, logdir))
                shutil.rmtree(logdir, ignore_errors=True)
                print(
                    f"  round {r + 1}/{rounds} {variant}: {raw[variant][-1]['wall_s']:.2f} s",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return summarise(raw, samples=samples, epochs=epochs, rounds=rounds)


def summarise(raw: Dict[str, List[Dict[str, Any]]], **params: Any) -> Dict[str, Any]:
    """Per variant: wall-time spread, and the added fraction over its framework's
    baseline, computed per round (the variants of one round ran next to each other)."""
    rows: Dict[str, Dict[str, Any]] = {}
    for variant, runs in raw.items():
        framework = variant.split(":")[0]
        base = raw.get(BASELINE[framework], [])
        added = [r["wall_s"] / _same_epochs_wall(b, r) - 1 for r, b in zip(runs, base)]
        steady = [
            r["after_first_epoch_s"] / b["after_first_epoch_s"] - 1
            for r, b in zip(runs, base)
            if b["after_first_epoch_s"] > 0 and r["after_first_epoch_s"] > 0
        ]
        reference = raw.get(KERAS_PREBUILT, []) if framework == "keras" else []
        added_ref = [r["wall_s"] / _same_epochs_wall(b, r) - 1 for r, b in zip(runs, reference)]
        logged = [r["logged_steps"] for r in runs if r["logged_steps"] is not None]
        # First batches compare with the baseline whose optimiser was built first,
        # as TbvizCallback builds it: its first batch then traces once, not twice.
        attributed = _attributed(runs, reference or base)
        rows[variant] = {
            "attributed": _spread(attributed) if attributed else None,
            "wall_s": _spread([r["wall_s"] for r in runs]),
            "added": _spread(added) if added else None,
            "added_over_reference": _spread(added_ref) if added_ref else None,
            "added_steady": _spread(steady) if steady else None,
            "steps": runs[0]["steps"],
            "epochs": runs[0].get("epochs"),
            "logged_steps": statistics.median(logged) if logged else None,
        }
    return {"params": params, "rows": rows}


def _same_epochs_wall(base: Dict[str, Any], run: Dict[str, Any]) -> float:
    """The baseline's wall time over as many epochs as ``run`` trained (a
    shortened variant, see ``EPOCHS``, is compared with its baseline's time to the
    end of the same epoch)."""
    if run.get("epochs", 0) >= base.get("epochs", 0) or not base.get("epoch_ends_s"):
        return base["wall_s"]
    return base["epoch_ends_s"][run["epochs"] - 1]


def _attributed(runs: List[Dict[str, Any]], base: List[Dict[str, Any]]) -> List[float]:
    """Per run, the logger's own time (``_KerasAttribution``) plus its first batch's
    time beyond the baseline's median first batch, as a fraction of the rest."""
    firsts = [b["first_step_s"] for b in base if b.get("first_step_s") is not None]
    out = []
    for r in runs:
        if r.get("attributed_s") is None or not firsts:
            continue
        own = r["attributed_s"] + max(0.0, r["first_step_s"] - statistics.median(firsts))
        out.append(own / (r["wall_s"] - own))
    return out


def targets(results: Dict[str, Any]) -> List[tuple]:
    """(what, measured, target, met, meaning) for the overhead targets."""
    rows = results["rows"]
    out = []
    for framework in VARIANTS:
        default, every = DEFAULT[framework], EVERY_STEP[framework]
        # Keras' first fit traces its train step (once more with the callback's
        # gradient sums), a one-off cost the wall-time target allows for.
        wall_target = WALL_TARGET[framework]
        if default in rows and rows[default]["added"]:
            v = rows[default]["added"]["median"]
            out.append(
                (
                    f"{default}: added wall time",
                    f"{100 * v:+.1f}%",
                    f"<= +{100 * wall_target:.0f}%",
                    v <= wall_target,
                    "the default cadence adds a few percent to a short run, less to a long one",
                )
            )
        if default in rows and rows[default].get("attributed"):
            v = rows[default]["attributed"]["median"]
            out.append(
                (
                    f"{default}: own time",
                    f"{100 * v:.1f}%",
                    "<= 3%",
                    v <= 0.03,
                    "in a run of seconds the one-off set-up and tracing exceed 3 %; "
                    "the share falls as the run grows",
                )
            )
        if every not in rows or not rows[every]["added"]:
            continue
        v = rows[every]["added"]["median"]
        # The every-step target: less than the Keras TensorBoard callback adds, for both
        # frameworks (that callback writes its histograms once per epoch); and like
        # for like: less than the framework's own histograms at every step.
        meanings = (
            "logging everything at every step costs more than Keras' callback, which "
            "writes only scalars per batch: use every=1 for short debugging runs",
            "per step, tbviz costs less than the framework's own histograms of every weight",
        )
        peers = (("", KERAS_TB), (", like for like", PEER_EVERY_STEP[framework]))
        for (label, peer), meaning in zip(peers, meanings):
            added = rows.get(peer, {}).get("added")
            if added:
                k = added["median"]
                out.append(
                    (
                        f"{every}: added wall time{label}",
                        f"{100 * v:+.1f}%",
                        f"< {peer} ({100 * k:+.1f}%)",
                        v < k,
                        meaning,
                    )
                )
    return out


def to_markdown(results: Dict[str, Any]) -> str:
    p = results["params"]
    lines = [
        f"### Training overhead: {DEPTH}×{WIDTH} dense MLP, {p['samples']:,}×{FEATURES} data, "
        f"{p['epochs']} epochs, batch {BATCH}",
        "",
        f"{p['rounds']} rounds, each variant in its own process per round, the order rotated "
        "per round. Wall time from the first batch to the logger's close; added = wall / "
        "baseline − 1 per round (the baseline of the same round), median and min–max; "
        "after epoch 1 = the same for the epochs after the first (no tracing, no warm-up); "
        "own time (Keras) = the logger's time measured from outside in the same run (its "
        "hooks, its logged batches beyond the median batch, its first batch beyond the "
        "baseline's, its writer thread's CPU time) over the rest of the wall time. A "
        "variant run for fewer epochs (marked) is compared with its baseline's time to the "
        "end of the same epoch. Every "
        "Keras variant, the baseline included, carries the same two batch timers.",
        "",
        "| variant | wall s | min–max s | added | min–max | added after epoch 1 "
        "| own time | logged steps |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for variant, r in results["rows"].items():
        w = r["wall_s"]
        a = r["added"]
        added = f"{100 * a['median']:+.1f}%" if a else "–"
        added_spread = f"{100 * a['lo']:+.1f}…{100 * a['hi']:+.1f}%" if a else "–"
        logged = "–" if r["logged_steps"] is None else f"{r['logged_steps']:.0f} of {r['steps']}"
        st = r["added_steady"]
        steady = f"{100 * st['median']:+.1f}%" if st else "–"
        own = r.get("attributed")
        own_text = (
            f"{100 * own['median']:.1f}% ({100 * own['lo']:.1f}…{100 * own['hi']:.1f})"
            if own
            else "–"
        )
        short = r.get("epochs") and r["epochs"] < p["epochs"]
        name = f"{variant} ({r['epochs']} epoch{'s' * (r['epochs'] > 1)})" if short else variant
        lines.append(
            f"| {name} | {w['median']:.2f} | {w['lo']:.2f}–{w['hi']:.2f} | {added} "
            f"| {added_spread} | {steady} | {own_text} | {logged} |"
        )
    lines += ["", *targets_table(targets(results))]
    return "\n".join(lines) + "\n"


def main(argv: List[str] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="512 samples, 1 epoch, 1 round")
    parser.add_argument("--rounds", type=int, default=0, help="default 3; quick 1")
    parser.add_argument("--samples", type=int, default=0, help="default 8192; quick 512")
    parser.add_argument("--epochs", type=int, default=0, help="default 3; quick 1")
    parser.add_argument("--only", action="append", default=[], choices=list(VARIANTS))
    parser.add_argument("--out", help="write the results as JSON here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.samples, args.epochs, args.dir)))
        return
    result = run(args.quick, args.rounds, args.only, args.samples, args.epochs)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)
    print(to_markdown(result))


if __name__ == "__main__":
    if __package__ in (None, ""):  # `python bench/training_overhead.py`
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
