"""Reading event files back the way TensorBoard does, for tests.

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
