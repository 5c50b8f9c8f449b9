"""The browser tests' helpers: chromium's location and flags, waiting for
TensorBoard to read the logs, and `TbvizPage`, TensorBoard opened on the tbviz tab.
"""

import contextlib
import io
import json
import os
import re
import shutil
import tempfile
import time
from typing import Any, Iterator

import pytest
from tb_server import get

from .training_logs import HTML_TAG

CHROMIUM = os.environ.get("TBVIZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TENSORBOARD_FONT = re.compile(r"/font-roboto/[^/]+[.]woff2$")
# Where the screenshots of the panels go: build/screenshots (ignored by git) unless
# `make screenshots` points TBVIZ_SCREENSHOTS at docs/screenshots to refresh them.
SCREENSHOTS = os.environ.get(
    "TBVIZ_SCREENSHOTS",
    os.path.join(os.path.dirname(__file__), "..", "..", "build", "screenshots"),
)
# run -> tag -> last step written; the tests start once TensorBoard has read them all.
RUNS = {
    "sigmoid_deep": {
        "model/gradient_flow": 300,
        "model/health": 150,
        "conv_1": 300,
        "dense_3/kernel": 300,
        HTML_TAG: 300,
    },
    "relu_he": {"model/gradient_flow": 300, "model/health": 150, "dense_3": 300},
    "large_100_layers": {"resnet/gradient_flow": 999, "block_50/conv/kernel": 900},
    "digits_softmax": {"model/confusion_matrix": 60, "model/feature_importance": 60},
    "wine_softmax": {"model/confusion_matrix": 60, "model/feature_importance": 60},
    "nan_inf_importance": {"model/confusion_matrix": 0, "model/feature_importance": 0},
}


@contextlib.contextmanager
def chromium_context(**options: Any) -> Iterator[Any]:
    """Debian's chromium with a fresh profile, driven by Playwright; yields the
    ``BrowserContext`` (1400x1050). ``options`` go to ``launch_persistent_context``.

    One per process at a time: Playwright's sync API cannot nest.
    """
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="tbviz-chromium-")
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=CHROMIUM,
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": 1400, "height": 1050},
                **options,
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def require_browser():
    missing = []
    if not os.path.exists(CHROMIUM):
        missing.append(f"{CHROMIUM} (install Debian's chromium: `make chromium`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package (pip install -e '.[test]')")
    if not missing:
        return
    message = "browser tests need " + " and ".join(missing)
    if os.environ.get("CI"):
        pytest.fail(message + "; CI is set, so this is a failure, not a skip", pytrace=False)
    pytest.skip(message)


def wait_for_runs(url, runs=RUNS, timeout=120):
    """Waits until TensorBoard has read every run up to its last step."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, _, body = get(url + "/data/plugin/tbviz/tags")
        if status == 200:
            tags = json.loads(body)
            if all(
                tags.get(run, {}).get(tag, {}).get("max_step", -1) >= last
                for run, last_steps in runs.items()
                for tag, last in last_steps.items()
            ):
                return
        time.sleep(0.5)
    raise AssertionError("TensorBoard did not load the browser-test logs in time")


class TbvizPage:
    """TensorBoard opened on the tbviz tab; `frame` is the plugin's iframe."""

    def __init__(self, context, url):
        self.page = context.new_page()
        self.errors = []
        self.dialogs = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(url + "/#tbviz")
        handle = self.page.wait_for_selector("iframe", state="attached", timeout=60_000)
        deadline = time.monotonic() + 60
        self.frame = handle.content_frame()
        while (
            self.frame is None or "plugin_entry" not in self.frame.url
        ) and time.monotonic() < deadline:
            time.sleep(0.2)
            self.frame = handle.content_frame()
        assert self.frame is not None, "the tbviz iframe did not load"
        self.frame.wait_for_selector(".tab.active", timeout=60_000)

    def _console(self, message):
        if message.type != "error":
            return
        where = message.location.get("url", "")
        if TENSORBOARD_FONT.search(where):
            # TensorBoard's own page asks for its Roboto font at a path that ignores
            # --path_prefix (a TensorBoard issue; tbviz loads no fonts).
            return
        self.errors.append(f"console error: {message.text} at {where}")

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def tab(self, name):
        self.frame.click(f'[data-tab="{name}"]')
        self.frame.wait_for_selector(f'section[data-panel="{name}"]', state="visible")
        return self.frame.locator(f'section[data-panel="{name}"]')

    def select_run(self, run, compare=""):
        self.frame.select_option(".run-select", run)
        self.frame.select_option(".compare-select", compare)

    def pixels(self, locator):
        """The element's picture as an RGB numpy array (element screenshot).

        A panel that re-renders after a selection (its data arriving) replaces its
        elements; the locator then finds the new one, so a screenshot of an element
        detached meanwhile is taken again."""
        import numpy as np
        from PIL import Image
        from playwright.sync_api import Error

        for attempt in range(5):
            try:
                png = locator.screenshot()
                break
            except Error as e:
                if "not attached" not in str(e) or attempt == 4:
                    raise
                time.sleep(0.2)
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)

    def wait_text(self, locator, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = locator.text_content() or ""
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"text never became as expected; last: {text!r}")

    def screenshot(self, name):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        # The runs' health badges are in (not the grey "…" of a read under way).
        self.frame.wait_for_selector('.badge[data-severity="pending"]', state="detached")
        time.sleep(0.3)  # let the last frame paint
        self.page.screenshot(path=os.path.join(SCREENSHOTS, name))

    def close(self):
        self.page.close()
