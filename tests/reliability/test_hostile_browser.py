"""Names and texts from the logs are shown as text, never run, in real Chromium.

A run, tags, layer names, a layer type and a health event's code and hint are
HTML with script payloads; every panel is opened on that run. A payload that
ran would open a dialog (alert) or set a flag on the top window; an element
parsed from the data would add an <img> or <script> to the page.
"""

import os
import re

import numpy as np
import pytest
from browser.tbviz_page import (
    TbvizPage,
    require_browser,
    wait_for_runs,
)
from tb_server import tensorboard

import tbviz_plugin as tbviz

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
# Every way a string becomes markup or code in a page.
HTML_SINKS = re.compile(
    r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment"
    r"|DOMParser|new Function|\beval\(|srcdoc"
)
FLAG = "top.__tbvizInjected=1"
RUN = f"<img src=x onerror={FLAG}>"
SURFACE_TAG = f"<svg onload={FLAG}>/kernel"
ACTIVATION_TAG = f"<img src=x onerror=alert(1)>\"'<script>{FLAG}</script>"
LAYER = f"<img src=y onerror={FLAG}>"
HINT = f"<b>bold</b><img src=z onerror=alert(2)><script>{FLAG}</script>"


@pytest.fixture(scope="module")
def tb_url(tmp_path_factory):
    require_browser()
    root = tmp_path_factory.mktemp("hostile_browser")
    with tbviz.Writer(root / RUN) as w:
        for step in range(3):
            w.weight_surface(SURFACE_TAG, np.outer(np.arange(6), np.arange(5)) + step, step)
            w.activation_map(ACTIVATION_TAG, np.random.default_rng(step).random((4, 8)), step)
            w.gradient_flow(
                "model/gradient_flow", {LAYER: np.ones(4) * (step + 1), "ok": np.ones(3)}, step
            )
        w.health(
            "model/health",
            [{"code": f"<i>{LAYER}</i>", "layer": LAYER, "severity": "error", "hint": HINT}],
            2,
        )
        w.layer_table(
            "model/layers",
            [
                {
                    "name": LAYER,
                    "type": f"<script>{FLAG}</script>",
                    "output_shape": [None, 4],
                    "params": 20,
                }
            ],
            0,
        )
    with tensorboard(root, load_fast="false") as url:
        wait_for_runs(url, {RUN: {SURFACE_TAG: 2, "model/layers": 0, "model/health": 2}})
        yield url


def _injected(page):
    """Elements or effects that only parsed-and-run data could have made."""
    frame = page.frame
    return {
        "flag": page.page.evaluate("() => window.__tbvizInjected === 1"),
        "img": frame.evaluate("document.querySelectorAll('img').length"),
        "svg_onload": frame.evaluate("document.querySelectorAll('svg[onload]').length"),
        "scripts_with_flag": frame.evaluate(
            "[...document.scripts].filter(s => s.textContent.includes('__tbvizInjected')).length"
        ),
        "b": frame.evaluate("document.querySelectorAll('b').length"),
        "dialogs": list(page.dialogs),
    }


CLEAN = {"flag": False, "img": 0, "svg_onload": 0, "scripts_with_flag": 0, "b": 0, "dialogs": []}


def test_every_panel_shows_hostile_names_as_text(browser_context, tb_url):
    page = TbvizPage(browser_context, tb_url)
    try:
        page.frame.select_option(".run-select", RUN)

        weights = page.tab("weights")
        weights.locator(".tag-select").select_option(SURFACE_TAG)
        column = weights.locator(".column").first
        assert page.wait_text(column.locator(".caption-tag"), lambda t: t == SURFACE_TAG)
        assert page.frame.locator(".run-select option").all_text_contents().count(RUN) == 1

        activations = page.tab("activations")
        options = activations.locator("select option").all_text_contents()
        assert ACTIVATION_TAG in options, options

        flow = page.tab("gradient_flow")
        flow.locator("canvas.flow-map").first.wait_for()

        health = page.tab("health")
        health.locator("tbody tr").first.wait_for()
        assert page.wait_text(health.locator("td.hint").first, lambda t: HINT in t)
        assert f"<i>{LAYER}</i>" in health.locator("td.code").first.text_content()

        layers = page.tab("layers")
        layers.locator("tbody tr").first.wait_for()
        assert LAYER in layers.locator("tbody td.code").all_text_contents()
        assert (
            f"<script>{FLAG}</script>" in layers.locator("tbody td.layer-type").all_text_contents()
        )

        assert _injected(page) == CLEAN
        assert not page.errors, page.errors
    finally:
        page.close()


def test_frontend_and_bundle_have_no_html_sinks():
    """The static half of the proof: no source file and no byte of the shipped
    bundle (three.js and the chart library included) turns a string into markup."""
    sources = []
    for folder, _, files in os.walk(os.path.join(ROOT, "frontend", "src")):
        sources += [os.path.join(folder, f) for f in files if f.endswith(".ts")]
    assert len(sources) > 10
    found = []
    for path in sources + [os.path.join(ROOT, "tbviz_plugin", "static", "index.js")]:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                # Line comments aside in the sources; the minified bundle has none.
                code = line.split("//", 1)[0] if path.endswith(".ts") else line
                if HTML_SINKS.search(code):
                    found.append(f"{os.path.relpath(path, ROOT)}:{number}: {line.strip()[:120]}")
    assert not found, "\n".join(found)
