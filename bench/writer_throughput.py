"""Benchmark: writing 512x512 float32 summaries, tbviz.Writer against its peers.

Every peer runs in its own subprocess (so imports and threads of one library
never slow another), on the same machine, in the same run, interleaved over
several rounds. Each worker pre-generates its arrays (random generation is
never timed; each library gets its native input: numpy for tbviz,
tensorboardX and the floor, ``tf.Tensor`` for tf.summary, ``torch.Tensor``
for torch), warms up, then measures

* **caller time per call** (the training loop's cost): the calls are spaced by
  a simulated training step (``--gap``, 10 ms of numpy matmuls, which release
  the GIL as real training kernels do, so background writers can catch up, and
  which leave the caches as cold as training does), and only the call itself is
  timed; the mean over the calls (so that periodic synchronous flushes count).
  Measured in two conditions, each in its own process: the step's matmuls on one
  BLAS thread (a core left to the writers' threads) and on every core, as
  PyTorch, TensorFlow and numpy run by default (a writer's thread then competes
  with training for the cores and the GIL);
* **whole run**: N calls back to back plus ``close()`` (everything on disk
  as far as the library is concerned; nobody fsyncs), per summary;
* **peak RSS** of the writer process during the whole run (the kernel's
  high-water mark, reset just before it) and its growth over the RSS before.

Before the whole run each worker writes and deletes as many bytes as the run
will write, in the same directory (untimed), so that every peer finds the page
cache in the same state (see ``_prime_page_cache``).

The floor is what writing the data needs at the least: ``tobytes`` + crc32c +
writing the same bytes to a file in the same directory.

    python -m bench.writer_throughput [--quick] [--n 100] [--rounds 3] [--out results.json]
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
from typing import Any, Callable, Dict, List, Tuple

from bench.report import targets_table
from bench.workers import run_worker

SHAPE = (512, 512)
N_ARRAYS = 8  # distinct pre-generated arrays, cycled
FLOOR = "floor"
TBVIZ = "tbviz Writer.weight_surface"
POOLED = "tbviz Writer.weight_surface, default grid (pooled to 256×256)"
TF_WRITE = "tf.summary.write (tensor)"
SYNC = "(diagnostic) tbviz's encoding, all on the caller's thread"

# name -> (factory function name in this module, short description)
PEERS: Dict[str, str] = {
    TBVIZ: "_make_tbviz",
    POOLED: "_make_tbviz_pooled",
    TF_WRITE: "_make_tf_write",
    "tf.summary.histogram": "_make_tf_histogram",
    "tensorboardX tensor summary": "_make_tbx_tensor",
    "tensorboardX add_histogram": "_make_tbx_histogram",
    "torch.utils.tensorboard add_histogram": "_make_torch_histogram",
    FLOOR: "_make_floor",
    SYNC: "_make_tbviz_sync",
}

# The peers a user replaces with a default-grid weight surface (like for like).
HISTOGRAMS = (
    "tensorboardX add_histogram",
    "torch.utils.tensorboard add_histogram",
    "tf.summary.histogram",
)

# The simulated training step with every core busy: matrices BLAS splits over its threads.
BUSY_MATMUL = (256, 256)
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

Call = Callable[[int, Any], None]
Close = Callable[[], None]


# --------------------------------------------------------------------------- peers (worker side)
# Each factory returns (convert, open): convert(np.ndarray) -> the library's
# native input, open(logdir) -> (call(step, data), close()).


def _make_tbviz():
    import tbviz_plugin as tbviz

    def open_(logdir: str) -> Tuple[Call, Close]:
        w = tbviz.Writer(logdir)

        def call(step: int, data: Any) -> None:
            w.weight_surface("dense/kernel", data, step, max_grid=SHAPE)

        return call, w.close

    return (lambda a: a), open_


def _make_tbviz_pooled():
    """What a user calls instead of a histogram: the default ``max_grid`` (256, 256)."""
    import tbviz_plugin as tbviz

    def open_(logdir: str) -> Tuple[Call, Close]:
        w = tbviz.Writer(logdir)

        def call(step: int, data: Any) -> None:
            w.weight_surface("dense/kernel", data, step)

        return call, w.close

    return (lambda a: a), open_


def _make_tbviz_sync():
    """Writer's exact work (validation, copy, encoding, framing, writev), no thread.

    Not a product path: it shows what the background thread costs or saves.
    """
    from tbviz_plugin import summary
    from tbviz_plugin.writer import event_file, record, wire

    def open_(logdir: str) -> Tuple[Call, Close]:
        stream, _ = event_file.open_event_file(logdir)
        f = record.RecordFile(stream)
        f.write(wire.encode_file_version(time.time()))
        first = [True]

        def call(step: int, data: Any) -> None:
            built = summary.prepare_weight_surface("dense/kernel", data, max_grid=SHAPE).build()
            md = built.metadata_bytes if first[0] else b""
            first[0] = False
            f.write(wire.encode_tensor_event(time.time(), step, built.tag, built.array, md))

        return call, f.close

    return (lambda a: a), open_


def _make_tf_write():
    import tensorflow as tf

    def open_(logdir: str) -> Tuple[Call, Close]:
        w = tf.summary.create_file_writer(logdir)
        ctx = w.as_default()
        ctx.__enter__()

        def call(step: int, data: Any) -> None:
            tf.summary.write("dense/kernel", data, step=step)

        def close() -> None:
            ctx.__exit__(None, None, None)
            w.close()

        return call, close

    return tf.constant, open_


def _make_tf_histogram():
    import tensorflow as tf

    convert, open_write = _make_tf_write()

    def open_(logdir: str) -> Tuple[Call, Close]:
        _, close = open_write(logdir)

        def call(step: int, data: Any) -> None:
            tf.summary.histogram("dense/kernel", data, step=step)

        return call, close

    return convert, open_


def _make_tbx_tensor():
    from tensorboardX import SummaryWriter
    from tensorboardX.proto import summary_pb2, tensor_pb2, tensor_shape_pb2

    metadata = summary_pb2.SummaryMetadata(
        plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="bench"),
    )

    def open_(logdir: str) -> Tuple[Call, Close]:
        w = SummaryWriter(logdir)

        def call(step: int, data: Any) -> None:
            tensor = tensor_pb2.TensorProto(
                dtype="DT_FLOAT",
                tensor_shape=tensor_shape_pb2.TensorShapeProto(
                    dim=[tensor_shape_pb2.TensorShapeProto.Dim(size=n) for n in data.shape]
                ),
                tensor_content=data.tobytes(),
            )
            value = summary_pb2.Summary.Value(tag="dense/kernel", metadata=metadata, tensor=tensor)
            w._get_file_writer().add_summary(summary_pb2.Summary(value=[value]), step)

        return call, w.close

    return (lambda a: a), open_


def _make_tbx_histogram():
    from tensorboardX import SummaryWriter

    def open_(logdir: str) -> Tuple[Call, Close]:
        w = SummaryWriter(logdir)

        def call(step: int, data: Any) -> None:
            w.add_histogram("dense/kernel", data, step)

        return call, w.close

    return (lambda a: a), open_


def _make_torch_histogram():
    import torch
    from torch.utils.tensorboard import SummaryWriter

    def open_(logdir: str) -> Tuple[Call, Close]:
        w = SummaryWriter(logdir)

        def call(step: int, data: Any) -> None:
            w.add_histogram("dense/kernel", data, step)

        return call, w.close

    return torch.from_numpy, open_


def _make_floor():
    import crc32c

    def open_(logdir: str) -> Tuple[Call, Close]:
        os.makedirs(logdir, exist_ok=True)
        f = open(os.path.join(logdir, "floor.bin"), "wb")

        def call(step: int, data: Any) -> None:
            raw = data.tobytes()
            crc32c.crc32c(raw)
            f.write(raw)

        return call, f.close

    return (lambda a: a), open_


# --------------------------------------------------------------------------- worker


def _rss_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak_rss() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current RSS (Linux >= 4.0)
        return True
    except OSError:
        return False


def arrays_nbytes(arrays: List[Any]) -> int:
    first = arrays[0]
    return int(first.nbytes if hasattr(first, "nbytes") else first.numpy().nbytes)


def _prime_page_cache(root: str, nbytes: int) -> None:
    """Writes and deletes ``nbytes`` in ``root``, untimed.

    On this kind of VM the first use of a page the guest has not touched for a
    while costs several times a reused one (1.9 against 0.45 ms per MB for the
    same ``write`` here), which made whichever peer ran first look slow. After
    this, every peer finds recently freed page-cache pages to write into.
    """
    path = os.path.join(root, "prime.bin")
    block = b"\0" * (1 << 20)
    with open(path, "wb", buffering=0) as f:
        for _ in range(max(1, nbytes >> 20)):
            f.write(block)
    os.remove(path)


def _dir_bytes(path: str) -> int:
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(path) for f in fs)


def worker(
    peer: str, n: int, n_paced: int, gap: float, root: str, busy: bool = False
) -> Dict[str, Any]:
    """One peer's figures; ``busy``: only the paced calls, the step's matmuls on every core."""
    import numpy as np

    convert, open_ = globals()[PEERS[peer]]()
    rng = np.random.default_rng(0)
    arrays = [convert(rng.standard_normal(SHAPE, dtype=np.float32)) for _ in range(N_ARRAYS)]

    # Warm-up: first calls create kernels, threads and files.
    call, close = open_(os.path.join(root, "warmup"))
    for i in range(3):
        call(i, arrays[i % N_ARRAYS])
    close()

    # Caller time: calls spaced by a simulated training step, only the call timed.
    # With every core busy the matmuls are large enough for BLAS to split them.
    weights = rng.standard_normal(BUSY_MATMUL if busy else (128, 128), dtype=np.float32)

    def training_step() -> None:
        end = time.perf_counter() + gap
        while time.perf_counter() < end:
            np.dot(weights, weights)  # releases the GIL, like a training kernel

    call, close = open_(os.path.join(root, "paced"))
    per_call: List[float] = []
    for i in range(n_paced):
        data = arrays[i % N_ARRAYS]
        training_step()
        t0 = time.perf_counter()
        call(i, data)
        per_call.append(time.perf_counter() - t0)
    training_step()
    close()
    paced = {
        "peer": peer,
        "n_paced": n_paced,
        "caller_mean_s": statistics.fmean(per_call) if per_call else 0.0,
        "caller_median_s": statistics.median(per_call) if per_call else 0.0,
        "caller_max_s": max(per_call) if per_call else 0.0,
    }
    if busy:
        return paced

    # Whole run: back to back, including close().
    logdir = os.path.join(root, "run")
    _prime_page_cache(root, n * arrays_nbytes(arrays))
    rss_before = _rss_kb("VmRSS")
    peak_ok = _reset_peak_rss()
    cpu0 = os.times()
    caller = 0.0
    t_start = time.perf_counter()
    call, close = open_(logdir)
    t_open = time.perf_counter()
    for i in range(n):
        data = arrays[i % N_ARRAYS]
        t0 = time.perf_counter()
        call(i, data)
        caller += time.perf_counter() - t0
    close()
    t_end = time.perf_counter()
    cpu1 = os.times()
    peak = _rss_kb("VmHWM") if peak_ok else 0
    return {
        **paced,
        "n": n,
        "open_s": t_open - t_start,
        "whole_s": t_end - t_open,
        "whole_caller_s": caller,
        "cpu_s": (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system),
        "bytes": _dir_bytes(logdir),
        "rss_before_kb": rss_before,
        "peak_rss_kb": peak,
    }


NOTES = """\
#### What these figures mean for you

* **Caller time** is what logging a surface costs your training loop: one copy
  of the array (the snapshot that lets training change its weights at once)
  plus about 0.07 ms of Python. Logging a 512×512 weight at every step adds
  about a tenth of a millisecond to the step; ``tf.summary.write`` of the same
  tensor costs the step ten times as much, because it serialises the event and,
  every tenth call, writes the file on the caller's thread.
* **Caller time, every core busy** is the same call while the simulated step's
  matmuls run on every core, as PyTorch, TensorFlow and numpy run them by
  default. The writer's thread then gets a core only when the scheduler takes
  one from training; the call still only copies the array and queues it, so it
  costs about what it costs with a core to spare.
* **Whole run** is how fast a burst of summaries reaches the disk. tbviz's
  background thread checksums and writes each record, and while it is behind
  the caller builds and checksums its summaries too; the floor row (copy,
  checksum and write of the same bytes on one core) is the disk-bound limit,
  and tbviz is within it. A run that logs more than this rate makes the caller
  wait for room in the queue (nothing is dropped).
* **The default grid** row is the surface a user gets without arguments: the
  matrix is max-abs pooled to 256×256 on the writer's thread, which costs about
  as much as writing the full matrix, so the whole run is no faster although the
  file is a quarter of the size. When writing speed matters more than the
  file's size, ``max_grid=(512, 512)`` skips the pooling; logging less often
  (``every=``, or the default cadence) helps either way.
* **Peak RSS growth** is bounded by the summaries waiting for the thread:
  ``max_queue_bytes`` (8 MiB by default) and ``max_queue`` (32 summaries). Lower
  them to bound memory further, at the price of the caller waiting sooner.
* **What the writer's mechanisms buy** (measured when they were chosen, on a
  2-core EPYC): bounding the queue by bytes (8 MiB) rather than by 32 summaries
  of any size wrote back-to-back 1 MB summaries 15–20 % faster (0.31 against
  0.35 ms each), their copies staying in the CPU's caches; polling every 2 ms
  while records arrive, rather than every 20 ms, kept one call in ten from
  taking 1.5–4 ms instead of 0.3 (its copy contending with the thread's write);
  sleeping after 50 ms without records, rather than polling for a second, gave
  back about 6 % of a PyTorch MLP's step time between bursts of logs.
* **Also measured when chosen:** a pool of 16 recycled snapshot buffers per
  shape rather than 4 (a burst keeps about ten copies alive) took back-to-back
  512×512 surfaces from 0.43–0.50 to 0.37 ms each, fresh buffers costing 45–65
  page faults per copy; building and checksumming a summary on the caller's
  thread while the writer is behind took them from 0.44 to 0.36 ms, and pooled
  ones from 0.75 to 0.50 (the caller's core reads the array from its own cache).
* **Noise:** the figures are medians over rounds on a shared machine (load
  average in the header); whole-run figures of one tool vary by up to 3× between
  rounds, so compare the ratios in the table rather than single figures with
  another machine's.
"""


# --------------------------------------------------------------------------- driver


def _spawn(
    peer: str, n: int, n_paced: int, gap: float, root: str, busy: bool = False
) -> Dict[str, Any]:
    args = ["--worker", peer, "--n", str(n), "--n-paced", str(n_paced), "--gap", str(gap)]
    env = {"PYTHONHASHSEED": "0"}
    if busy:
        args.append("--busy")
        # BLAS as a training process runs it: a thread per core.
        env.update({k: str(os.cpu_count() or 1) for k in BLAS_THREAD_VARIABLES})
    else:
        # One BLAS thread for the simulated training step: the other core is the writers'.
        env.update({k: "1" for k in BLAS_THREAD_VARIABLES})
    return run_worker("writer_throughput", args + ["--dir", root], env=env)


def _spread(values: List[float]) -> Dict[str, float]:
    values = sorted(values)
    if len(values) >= 4:
        q = statistics.quantiles(values, n=4, method="inclusive")
        lo, hi, kind = q[0], q[2], "IQR"
    else:
        lo, hi, kind = values[0], values[-1], "min–max"
    return {"median": statistics.median(values), "lo": lo, "hi": hi, "spread": kind}


def run(
    quick: bool = False,
    n: int = 0,
    rounds: int = 0,
    gap: float = 0.01,
    peers: List[str] = (),
    tmp: str = "",
) -> Dict[str, Any]:
    n = n or (5 if quick else 100)
    rounds = rounds or (1 if quick else 3)
    n_paced = min(n, 100)
    peers = list(peers) or list(PEERS)
    raw: Dict[str, List[Dict[str, Any]]] = {p: [] for p in peers}
    base = tempfile.mkdtemp(prefix="tbviz-bench-", dir=tmp or None)
    try:
        for r in range(rounds):
            order = peers[r % len(peers) :] + peers[: r % len(peers)]  # rotate the order per round
            for peer in order:
                root = os.path.join(base, f"r{r}")
                shutil.rmtree(root, ignore_errors=True)
                os.makedirs(root)
                raw[peer].append(_spawn(peer, n, n_paced, gap, root))
                shutil.rmtree(root, ignore_errors=True)
                os.makedirs(root)
                busy = _spawn(peer, n, n_paced, gap, root, busy=True)
                raw[peer][-1]["busy_caller_mean_s"] = busy["caller_mean_s"]
                raw[peer][-1]["busy_caller_median_s"] = busy["caller_median_s"]
                shutil.rmtree(root, ignore_errors=True)
                print(
                    f"  round {r + 1}/{rounds} {peer}: whole {raw[peer][-1]['whole_s']:.3f} s",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return summarise(raw, n=n, n_paced=n_paced, rounds=rounds, gap=gap)


def summarise(raw: Dict[str, List[Dict[str, Any]]], **params: Any) -> Dict[str, Any]:
    rows: Dict[str, Dict[str, Any]] = {}
    for peer, runs in raw.items():
        rows[peer] = {
            "caller_ms": _spread([r["caller_mean_s"] * 1e3 for r in runs]),
            "caller_p50_ms": _spread([r["caller_median_s"] * 1e3 for r in runs]),
            "busy_caller_ms": _spread([r["busy_caller_mean_s"] * 1e3 for r in runs]),
            "whole_ms": _spread([r["whole_s"] / r["n"] * 1e3 for r in runs]),
            "cpu_ms": _spread([r["cpu_s"] / r["n"] * 1e3 for r in runs]),
            "bytes_per_summary": statistics.median(r["bytes"] / r["n"] for r in runs),
            "peak_rss_mb": _spread([r["peak_rss_kb"] / 1024 for r in runs]),
            "rss_growth_mb": _spread(
                [(r["peak_rss_kb"] - r["rss_before_kb"]) / 1024 for r in runs]
            ),
        }
    ratios: Dict[str, float] = {}
    tb, tfw, floor = rows.get(TBVIZ), rows.get(TF_WRITE), rows.get(FLOOR)
    if tb and tfw:
        ratios["tbviz caller / tf.summary.write caller"] = (
            tb["caller_ms"]["median"] / tfw["caller_ms"]["median"]
        )
        ratios[BUSY_RATIO] = tb["busy_caller_ms"]["median"] / tfw["busy_caller_ms"]["median"]
        ratios["tbviz whole / tf.summary.write whole"] = (
            tb["whole_ms"]["median"] / tfw["whole_ms"]["median"]
        )
    if tb and floor:
        ratios["tbviz whole / floor whole"] = tb["whole_ms"]["median"] / floor["whole_ms"]["median"]
    for peer in rows:
        if peer.startswith("tensorboardX") and tb:
            ratios[f"{peer} whole / tbviz whole"] = (
                rows[peer]["whole_ms"]["median"] / tb["whole_ms"]["median"]
            )
            ratios[f"{peer} caller / tbviz caller"] = (
                rows[peer]["caller_ms"]["median"] / tb["caller_ms"]["median"]
            )
    pooled = rows.get(POOLED)
    for peer in HISTOGRAMS:
        if peer in rows and pooled:
            for figure in ("whole", "caller"):
                ratios[f"{peer} {figure} / tbviz default grid {figure}"] = (
                    rows[peer][f"{figure}_ms"]["median"] / pooled[f"{figure}_ms"]["median"]
                )
    return {"params": params, "rows": rows, "ratios": ratios, "raw": raw}


BUSY_RATIO = "tbviz caller / tf.summary.write caller, every core busy"

# (ratio, comparison, bound, the bound in words, what the figure means for a reader)
TARGETS = [
    (
        "tbviz caller / tf.summary.write caller",
        "<=",
        0.1,
        "at most a tenth",
        "logging a surface costs your training step a tenth of what tf.summary.write "
        "of the same tensor costs",
    ),
    (
        BUSY_RATIO,
        "<=",
        0.1,
        "at most a tenth",
        "the same when training keeps every core busy, as PyTorch and TensorFlow do by default",
    ),
    (
        "tbviz whole / floor whole",
        "<=",
        1.25,
        "within 1.25x of the floor",
        "a burst of summaries is written about as fast as the disk allows",
    ),
    (
        "tbviz whole / tf.summary.write whole",
        "<=",
        1.0,
        "at least as fast as tf.summary.write",
        "a whole run of surfaces takes less time to write than the same tensors "
        "through tf.summary.write",
    ),
    (
        "tensorboardX tensor summary whole / tbviz whole",
        ">=",
        10.0,
        "10x faster than tensorboardX",
        "the same tensor takes tensorboardX ten times as long or longer",
    ),
    (
        "tensorboardX add_histogram whole / tbviz whole",
        ">=",
        10.0,
        "10x faster than tensorboardX",
        "a full-resolution surface is written faster than tensorboardX writes a histogram of it",
    ),
    (
        "tensorboardX add_histogram whole / tbviz default grid whole",
        ">=",
        10.0,
        "10x faster than tensorboardX; like for like, what a user calls instead",
        "the default 256x256 grid's pooling costs about as much as writing; pass "
        "max_grid=(512, 512) to skip it when writing speed matters",
    ),
]


def _fmt(s: Dict[str, float], digits: int = 3) -> Tuple[str, str]:
    return f"{s['median']:.{digits}f}", f"{s['lo']:.{digits}f}–{s['hi']:.{digits}f}"


def to_markdown(results: Dict[str, Any]) -> str:
    p = results["params"]
    rows = results["rows"]
    spread = next(iter(rows.values()))["whole_ms"]["spread"] if rows else "IQR"
    floor = rows.get(FLOOR, {}).get("whole_ms", {}).get("median")
    tb = rows.get(TBVIZ, {}).get("caller_ms", {}).get("median")
    lines = [
        f"### Writer throughput: {SHAPE[0]}×{SHAPE[1]} float32 per summary",
        "",
        f"{p['rounds']} rounds, each peer in its own process per round; "
        f"whole run = {p['n']} summaries back to back + close(); "
        f"caller time = mean over {p['n_paced']} calls, each after a "
        f"{p['gap'] * 1e3:.0f} ms simulated training step whose matmuls run on one BLAS thread "
        f"(one core) or on every core ({os.cpu_count()}; {BUSY_MATMUL[0]}×{BUSY_MATMUL[1]} "
        f"matrices). Medians over rounds, spread = {spread}.",
        "",
        "| tool | caller ms/call | spread | × tbviz | caller ms/call, every core busy | spread "
        "| whole run ms/summary | spread | × floor "
        "| CPU ms/summary | bytes/summary | peak RSS MB | RSS growth MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for peer, r in rows.items():
        c, cs = _fmt(r["caller_ms"])
        b, bs = _fmt(r["busy_caller_ms"])
        w, ws = _fmt(r["whole_ms"])
        xt = f"{r['caller_ms']['median'] / tb:.1f}" if tb else "–"
        xf = f"{r['whole_ms']['median'] / floor:.2f}" if floor else "–"
        lines.append(
            f"| {peer} | {c} | {cs} | {xt} | {b} | {bs} | {w} | {ws} | {xf} "
            f"| {r['cpu_ms']['median']:.2f} "
            f"| {r['bytes_per_summary']:,.0f} | {r['peak_rss_mb']['median']:.0f} "
            f"| {r['rss_growth_mb']['median']:.1f} |"
        )
    ratios = results["ratios"]
    rows = [
        (
            name,
            f"{ratios[name]:.3f}",
            f"{op} {target} ({why})",
            ratios[name] <= target if op == "<=" else ratios[name] >= target,
            meaning,
        )
        for name, op, target, why, meaning in TARGETS
        if name in ratios
    ]
    lines += ["", *targets_table(rows, first="ratio")]
    like = [
        (peer, results["ratios"].get(f"{peer} whole / tbviz default grid whole"))
        for peer in HISTOGRAMS
    ]
    if any(whole is not None for _, whole in like):
        lines += [
            "",
            f"Like for like: a histogram peer against the weight surface a user calls instead "
            f"(``{POOLED}``: the 512×512 matrix max-abs pooled to 256×256, 256 KB per event).",
            "",
            "| histogram peer | whole run × tbviz default grid | caller × tbviz default grid |",
            "|---|---:|---:|",
        ]
        for peer, whole in like:
            if whole is not None:
                caller = results["ratios"][f"{peer} caller / tbviz default grid caller"]
                lines.append(f"| {peer} | {whole:.1f} | {caller:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: List[str] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="tiny N, one round (keeps the code from rotting)"
    )
    parser.add_argument(
        "--n", type=int, default=0, help="summaries per whole run (default 100; quick 5)"
    )
    parser.add_argument(
        "--rounds", type=int, default=0, help="rounds of all peers (default 3; quick 1)"
    )
    parser.add_argument(
        "--gap",
        type=float,
        default=0.01,
        help="simulated training step between paced calls, seconds",
    )
    parser.add_argument(
        "--peer", action="append", default=[], choices=list(PEERS), help="only these peers"
    )
    parser.add_argument(
        "--tmp", default="", help="directory for the event files (default: the system's temp)"
    )
    parser.add_argument("--out", help="write the results as JSON here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--n-paced", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--busy", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = worker(args.worker, args.n, args.n_paced, args.gap, args.dir, args.busy)
        print(json.dumps(result))
        return
    result = run(args.quick, args.n, args.rounds, args.gap, args.peer, args.tmp)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)
    print(to_markdown(result))


if __name__ == "__main__":
    if __package__ in (None, ""):  # `python bench/writer_throughput.py`: make `bench` importable
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
