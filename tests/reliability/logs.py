"""The logs the server-side reliability tests share: one logdir, one TensorBoard
per loader for the whole suite (a server start costs more than its tests).

Each ``write_*`` function adds runs for one test module; their names do not
overlap. ``ready`` says when a server has loaded all of them.
"""

import signal

import numpy as np

import tbviz_plugin as tbviz
from tbviz_plugin import metadata
from tbviz_plugin.writer import record

from .faults import event_files, python_process, record_offsets, wait_for_line, write_raw_event

# --------------------------------------------------------------------------- test_reader_faults

STEPS = 10
CORRUPT_STEP = 5


def write_steps(run, steps=STEPS):
    with tbviz.Writer(run) as w:
        for step in range(steps):
            w.weight_surface("w", np.full((16, 16), step, np.float32), step)
            w.gradient_flow("g", {"a": np.full(3, step + 1.0), "b": np.ones(2)}, step)


def _corrupt_record(run, index, where):
    """Flips one byte of record ``index`` (0 = file version): its data or its length."""
    (path,) = event_files(run)
    start, end = record_offsets(path)[index]
    offset = start + 12 + 3 if where == "data" else start + 2
    with open(path, "r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0xFF]))


def write_reader_fault_runs(root):
    """Runs damaged as crashes, disks and bit rot damage them."""
    write_steps(root / "good")
    # Records are: file version, then w and g of each step; flip a byte inside
    # the data of step 5's weight surface (its data CRC no longer matches) ...
    write_steps(root / "crc_middle")
    _corrupt_record(root / "crc_middle", 1 + 2 * CORRUPT_STEP, "data")
    # ... and inside the length of step 5's weight surface (its header CRC fails).
    write_steps(root / "length_crc_middle")
    _corrupt_record(root / "length_crc_middle", 1 + 2 * CORRUPT_STEP, "length")
    # A CRC-valid record whose bytes are not an Event, between good ones.
    garbage = root / "garbage_record"
    with tbviz.Writer(garbage) as w:
        for step in range(STEPS):
            w.weight_surface("w", np.full((16, 16), step, np.float32), step)
            w.flush()
            if step == CORRUPT_STEP:
                with open(w.path, "ab") as f:
                    record.RecordFile(f, buffer_size=0).write([b"\xff\xfe garbage \x00" * 40])
    # Empty runs: a zero-byte event file, and a file with only its version record.
    (root / "empty_file").mkdir()
    (root / "empty_file" / "events.out.tfevents.1.host.1.0").write_bytes(b"")
    tbviz.Writer(root / "only_version").close()
    # A writer killed by SIGKILL in the middle of a 256 KB record.
    proc = python_process(
        f"""
        import numpy as np, tbviz_plugin as tbviz
        w = tbviz.Writer({str(root / "killed")!r}, flush_secs=3600)
        for step in range(1000):
            w.weight_surface("w", np.full((256, 256), step, np.float32), step)
            if step % 5 == 4:
                w.flush()
                print("flushed", step, flush=True)
        """
    )
    wait_for_line(proc, lambda line: line == "flushed 19")
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    (path,) = event_files(root / "killed")
    with open(path, "ab") as f:  # a torn record for certain
        f.write(b"\x00\x00\x04\x00\x00\x00\x00\x00" + b"\x12\x34")
    write_steps(root / "doomed")


# --------------------------------------------------------------------------- test_hostile_input

HOSTILE_RUNS = [
    "<img src=x onerror=alert(1)>",
    "quote\"'run",
    "ünï—😀 run",
    "nested/deeper",
    "r" * 200,
]
HOSTILE_TAGS = [
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "back\\slash",
    "quote\"'tag",
    "😀/ünï",
    "a&b=c?d#e%20f+g",
    "line\nbreak",
    "t" * 4096,  # the writer's longest tag
]
GOOD = "good"
GOOD_FLOW = "good_flow"


def value(run_index, tag_index, step):
    return 1000.0 * run_index + 10.0 * tag_index + step


def write_hostile_runs(root):
    """Runs with hostile names, and a run of content no tbviz writer produces."""
    for r, run in enumerate(HOSTILE_RUNS):
        with tbviz.Writer(root / run) as w:
            for t, tag in enumerate(HOSTILE_TAGS):
                for step in range(2):
                    w.weight_surface(tag, np.full((3, 4), value(r, t, step), np.float32), step)
    # Content no tbviz writer produces, next to a good tag in the same run.
    run = root / "hostile_content"
    w = tbviz.Writer(run)
    w.weight_surface(GOOD, np.ones((2, 2)), 0)
    w.gradient_flow(GOOD_FLOW, {"a": np.ones(2)}, 0)
    w.close()

    def raw(tag, kind_or_content, array, step=0, **kwargs):
        md = metadata.create_summary_metadata(metadata.HEALTH)
        md.plugin_data.content = kind_or_content
        write_raw_event(w.path, tag, md, array, step, **kwargs)

    strings = lambda *items: np.array(items, dtype=object)  # noqa: E731
    raw("flow_without_layers", b'{"v":1,"kind":"gradient_flow"}', np.ones((2, 3), np.float32))
    raw(
        "flow_layer_numbers",
        b'{"v":1,"kind":"gradient_flow","layers":[1,2],"stats":["x"]}',
        np.ones((2, 1), np.float32),
    )
    raw("nan_content", b'{"v":1,"kind":"weight_surface","shape":NaN}', np.ones((2, 2), np.float32))
    raw("not_json", b"\xff\xfe<html>", np.ones((2, 2), np.float32))
    raw(
        "health_odd",
        b'{"v":1,"kind":"health"}',
        strings(
            b'{"code": 5}',
            b'{"code": "nan", "step": "x"}',
            b'{"code": "nan", "extra": NaN}',
            b"[1, 2]",
            b"\xff\xfe",
            b'{"code": "ok_one", "layer": "<b>bold</b>", "hint": "<img src=x onerror=alert(3)>"}',
        ),
    )
    raw("health_numbers", b'{"v":1,"kind":"health"}', np.ones(3, np.float32))
    raw(
        "layers_nan",
        b'{"v":1,"kind":"layer_table"}',
        strings(b'{"name": "a", "type": "Dense", "params": NaN, "output_shape": null}'),
    )
    raw("layers_not_objects", b'{"v":1,"kind":"layer_table"}', strings(b"[1]", b"7"))
    raw("surface_strings", b'{"v":1,"kind":"weight_surface"}', strings(b"a", b"b"))
    raw("surface_ints", b'{"v":1,"kind":"weight_surface"}', np.ones((2, 2), np.int32))


# --------------------------------------------------------------------------- test_fuzz


def write_fuzz_run(root):
    """A small run with every kind, for fuzzing the routes' parameters."""
    with tbviz.Writer(root / "train") as w:
        for step in range(4):
            w.weight_surface("w", np.full((5, 6), step, np.float32), step)
            w.weight_surface("<b>x</b>", np.ones((2, 2)), step)
            w.gradient_flow("model/gradient_flow", {"a": np.ones(3), "b": np.ones(2)}, step)
        w.health("model/health", [{"code": "nan", "layer": "a"}], 3)
        w.layer_table("model/layers", [{"name": "a", "type": "Dense", "params": 3}], 0)


# --------------------------------------------------------------------------- test_load

LAYERS = [f"block_{i}/conv" for i in range(100)]
STATS = ["mean_abs", "max_abs", "l2", "nan_count", "inf_count", "zero_frac"]
FLOW_STEPS = 1000
SURFACE_STEPS = 100


def write_large_run(root):
    """100 layers x 1,000 gradient-flow steps, 100 surfaces of 256 x 256."""
    rng = np.random.default_rng(0)
    with tbviz.Writer(root / "large", max_queue=256) as w:
        for step in range(FLOW_STEPS):
            table = rng.random((len(LAYERS), len(STATS))).astype(np.float32)
            table[:, 3:5] = 0
            w.gradient_flow_table("model/gradient_flow", LAYERS, STATS, table, step)
            if step % (FLOW_STEPS // SURFACE_STEPS) == 0:
                w.weight_surface("block_50/kernel", np.full((256, 256), step, np.float32), step)
                w.activation_map("block_50", np.full((1, 16, 16, 8), step, np.float32), step)
        w.health("model/health", [{"code": "nan", "layer": LAYERS[3]}], FLOW_STEPS - 1)


def write_all(root):
    write_reader_fault_runs(root)
    write_hostile_runs(root)
    write_fuzz_run(root)
    write_large_run(root)
    return root


def ready(tags):
    """True once a server's tags route shows the last step of every run."""
    last = {
        ("good", "w"): STEPS - 1,
        ("doomed", "w"): STEPS - 1,
        ("killed", "w"): 19,
        ("hostile_content", "layers_not_objects"): 0,
        ("train", "model/layers"): 0,
        ("large", "model/gradient_flow"): FLOW_STEPS - 1,
        ("large", "block_50/kernel"): FLOW_STEPS - FLOW_STEPS // SURFACE_STEPS,
        **{(run, HOSTILE_TAGS[-1]): 1 for run in HOSTILE_RUNS},
    }
    return all(
        tags.get(run, {}).get(tag, {}).get("max_step", -1) >= n for (run, tag), n in last.items()
    )
