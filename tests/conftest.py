"""Shared test set-up. Helpers live in modules of their own (event_reading, tb_server)."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's banner out of test output
# A failing log raises in tests (users get one warning and training goes on).
os.environ["TBVIZ_RAISE_LOG_ERRORS"] = "1"

import pytest  # noqa: E402


@pytest.fixture
def logdir(tmp_path):
    return tmp_path / "run"


@pytest.fixture(scope="session")
def browser_context():
    """One Chromium for every browser test of the session (tests/browser and
    tests/reliability): Playwright's sync API cannot run two at once in a thread."""
    from browser.tbviz_page import chromium_context, require_browser

    require_browser()
    with chromium_context(accept_downloads=True) as context:
        yield context
