"""Running one benchmark worker in a fresh process (one process per tool compared).

Example:
    >>> args = ["--worker", "tbviz", "--steps", "2", "--dir", "/tmp/w"]
    >>> run_worker("writer_memory", args)["peer"]  # doctest: +SKIP
    'tbviz'
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any, Dict, List

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_worker(
    module: str, args: List[str], *, env: Dict[str, str] = None, timeout: float = 1800
) -> Dict[str, Any]:
    """Runs ``python -m bench.<module> <args>`` and returns the JSON its last line prints.

    ``env`` adds to the environment (TensorFlow's log level is set to quiet).

    Raises:
      RuntimeError: the worker failed; the message holds the end of its stderr.
    """
    full_env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", **(env or {}))
    full_env["PYTHONPATH"] = REPO + os.pathsep + full_env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", f"bench.{module}", *args]
    proc = subprocess.run(
        cmd, env=full_env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"worker {' '.join(args)!r} failed ({proc.returncode}):\n{proc.stderr[-4000:]}"
        )
    return json.loads(proc.stdout.strip().splitlines()[-1])
