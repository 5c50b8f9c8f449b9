"""Flushing open writers when the process ends: at exit and on SIGTERM/SIGINT.

At interpreter exit every open writer is closed. A SIGTERM (what ``kill``,
Kubernetes and most job schedulers send) ends a Python process without running
``atexit``, and a SIGINT may be caught by the training loop, so on both the
open writers are flushed first (bounded in time), then the handler that was
installed before tbviz's runs: the default SIGTERM action still kills the
process with that signal, the default SIGINT handler still raises
``KeyboardInterrupt``, a user's handler is still called, an ignored signal
stays ignored. SIGKILL cannot be caught; what was flushed before it stays
readable (docs/reliability.md).

Handlers can only be installed from the main thread; a writer first created
elsewhere gets the at-exit close only. A handler installed after tbviz's
replaces it, as signal handlers do.

Example:
    >>> import tempfile, tbviz_plugin as tbviz
    >>> w = tbviz.Writer(tempfile.mkdtemp())   # registered here, nothing else to do
    >>> w.close()
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import threading
import weakref
from typing import Any, Dict, Optional, Protocol

logger = logging.getLogger("tbviz")

# How long a signal may wait for the file system before the signal goes on.
SIGNAL_FLUSH_SECONDS = 10.0


class _Closable(Protocol):
    path: str

    def close(self) -> None: ...

    def flush_for_signal(self, timeout: float) -> None: ...


_open: weakref.WeakSet[Any] = weakref.WeakSet()
_previous: Dict[int, Any] = {}
_installed_lock = threading.Lock()


def register(writer: _Closable) -> None:
    """Flushes ``writer`` on SIGTERM/SIGINT and closes it at exit."""
    _open.add(writer)
    _install_handlers()


def _install_handlers() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    with _installed_lock:
        for signum in (signal.SIGTERM, signal.SIGINT):
            if signum in _previous:
                continue
            try:
                previous = signal.getsignal(signum)
                if previous is None:  # set from C code: leave it alone
                    continue
                signal.signal(signum, _on_signal)
            except (ValueError, OSError):  # e.g. an embedded interpreter
                continue
            _previous[signum] = previous


def _flush_all(timeout: float) -> None:
    for writer in list(_open):
        try:
            writer.flush_for_signal(timeout)
        except Exception as e:  # the signal must go on whatever happens here
            logger.error("tbviz: flushing %s on a signal failed: %s", writer.path, e)


def _on_signal(signum: int, frame: Optional[Any]) -> None:
    _flush_all(SIGNAL_FLUSH_SECONDS)
    previous = _previous.get(signum, signal.SIG_DFL)
    if callable(previous):
        previous(signum, frame)
    elif previous == signal.SIG_DFL:
        # The default action (termination by this signal, exit status and all).
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    # SIG_IGN: the signal stays ignored.


@atexit.register
def _close_all() -> None:
    for writer in list(_open):
        try:
            writer.close()
        except Exception as e:  # at exit there is no caller left to raise to
            logger.error("tbviz: closing %s at exit failed: %s", writer.path, e)
