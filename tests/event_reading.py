"""Reading event files back the way TensorBoard does, and appending raw events, for tests.

A module of its own, not ``conftest``: with several conftest.py files in the
tree, ``from conftest import ...`` resolves to whichever was imported first.
"""


def read_tensors(logdir):
    """{tag: [(step, wall_time, ndarray, SummaryMetadata)]} via TensorBoard's EventAccumulator."""
    from tensorboard.backend.event_processing import event_accumulator as ea
    from tensorboard.util import tensor_util

    acc = ea.EventAccumulator(str(logdir), size_guidance={ea.TENSORS: 0})
    acc.Reload()
    out = {}
    for tag in acc.Tags()["tensors"]:
        md = acc.SummaryMetadata(tag)
        out[tag] = [
            (e.step, e.wall_time, tensor_util.make_ndarray(e.tensor_proto), md)
            for e in acc.Tensors(tag)
        ]
    return out


def append_raw_event(path, tag, metadata, array, step):
    """Appends one event with arbitrary (even invalid) metadata to the event file
    ``path``, through tbviz's record layer: what the Writer itself would refuse."""
    import time

    from tensorboard.compat.proto import event_pb2

    from tbviz_plugin import summary
    from tbviz_plugin.writer import record

    s = summary.SummaryTensor(tag, metadata, array).to_proto()
    with open(path, "ab") as f:
        event = event_pb2.Event(wall_time=time.time(), step=step, summary=s)
        record.RecordFile(f, buffer_size=0).write([event.SerializeToString()])
