"""Starts a real `tensorboard` subprocess on a free loopback port, for tests."""

import contextlib
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

TENSORBOARD = os.path.join(os.path.dirname(sys.executable), "tensorboard")

# TensorBoard's own switch for its TensorFlow-free file system layer
# (tensorboard.compat.tf() uses the stub when ``tensorboard.compat.notf`` imports):
# the stub reads s3:// with boto3, which TensorFlow's gfile no longer does.
_NO_TENSORFLOW = (
    "import sys, types; sys.modules['tensorboard.compat.notf'] = types.ModuleType('notf');"
    "from tensorboard.main import run_main; sys.argv[0] = 'tensorboard'; run_main()"
)


@contextlib.contextmanager
def tensorboard(logdir, *, load_fast="false", extra_args=(), timeout=120, no_tensorflow=False):
    """Yields the base URL (``http://127.0.0.1:PORT[/prefix]``) of a running TensorBoard.

    ``no_tensorflow`` runs it on its TensorFlow stub, as where TensorFlow is not installed.
    """
    args = [
        *([sys.executable, "-c", _NO_TENSORFLOW] if no_tensorflow else [TENSORBOARD]),
        "--logdir",
        str(logdir),
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        f"--load_fast={load_fast}",
        "--reload_interval",
        "1",
        *extra_args,
    ]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    lines = []
    try:
        deadline = time.monotonic() + timeout
        url = None
        while url is None:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                raise RuntimeError("tensorboard exited:\n" + "".join(lines))
            lines.append(line)
            match = re.search(r"TensorBoard \S+ at (http://127\.0\.0\.1:\d+/\S*)", line)
            if match:
                url = match.group(1).rstrip("/")
            if time.monotonic() > deadline:
                raise RuntimeError("tensorboard did not start:\n" + "".join(lines))
        # Drain output so the pipe never fills and blocks the server.
        import threading

        threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
        wait_for_run_data(url, deadline)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_run_data(url, deadline):
    """Waits until TensorBoard has loaded the logdir once (its runs route answers)."""
    while time.monotonic() < deadline:
        try:
            if json.loads(get(url + "/data/runs")[2]):
                return
        except (urllib.error.URLError, ConnectionError, ValueError):
            pass
        time.sleep(0.3)


def get(url):
    """(status, headers, body bytes) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
