"""Shared fixtures of the browser tests: logs written by tbviz, a real TensorBoard,
Debian's chromium driven by Playwright, and the tbviz tab opened in it.

The suite is skipped (with a message) when /usr/bin/chromium is missing, unless
the CI environment variable is set: under CI a missing browser is a failure.

tests/browser is a package so that this conftest does not take the module name
``conftest`` from tests/conftest.py, which other tests import from.
"""

import pytest
from tb_server import tensorboard

from .tbviz_page import TbvizPage, require_browser, wait_for_runs
from .training_logs import write_logs


@pytest.fixture(scope="session")
def browser_logdir(tmp_path_factory):
    return write_logs(tmp_path_factory.mktemp("browser_logs"))


@pytest.fixture(scope="session")
def tb_url(browser_logdir):
    require_browser()
    with tensorboard(browser_logdir, load_fast="false") as url:
        wait_for_runs(url)
        yield url


@pytest.fixture
def tbviz(browser_context, tb_url):
    page = TbvizPage(browser_context, tb_url)
    yield page
    errors, dialogs = page.errors, page.dialogs
    page.close()
    assert not dialogs, f"a dialog opened (script ran from a name?): {dialogs}"
    assert not errors, "console errors:\n" + "\n".join(errors)
