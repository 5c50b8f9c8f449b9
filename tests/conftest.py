"""Shared test helpers: reading event files back the way TensorBoard does."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's banner out of test output

import pytest  # noqa: E402


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


@pytest.fixture
def logdir(tmp_path):
    return tmp_path / "run"
