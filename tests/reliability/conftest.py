"""Session fixtures of the reliability suite: the shared logs and one real
TensorBoard per loader serving them (``--load_fast=false`` and ``true``)."""

import json
import time

import pytest
from tb_server import get, tensorboard

from . import logs


@pytest.fixture(scope="session")
def shared_logdir(tmp_path_factory):
    return logs.write_all(tmp_path_factory.mktemp("reliability"))


@pytest.fixture(scope="session", params=["false", "true"], ids=["python_loader", "rust_loader"])
def server(request, shared_logdir):
    with tensorboard(shared_logdir, load_fast=request.param) as url:
        deadline = time.monotonic() + 180
        while True:
            status, _, body = get(url + "/data/plugin/tbviz/tags")
            if status == 200 and logs.ready(json.loads(body)):
                break
            assert time.monotonic() < deadline, "TensorBoard did not load the shared logs in time"
            time.sleep(0.5)
        yield url
