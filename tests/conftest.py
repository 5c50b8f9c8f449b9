"""Shared test set-up. Helpers live in modules of their own (event_reading, tb_server)."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's banner out of test output

import pytest  # noqa: E402


@pytest.fixture
def logdir(tmp_path):
    return tmp_path / "run"
