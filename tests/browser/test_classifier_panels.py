"""The Confusion and Importance panels in a real browser, against a real TensorBoard
over the classifier runs of tests/browser/training_logs.py (softmax regressions on
scikit-learn's digits and wine, logged with Writer.confusion_matrix and
Writer.feature_importance).

What the page shows (hover read-outs, precision and recall, the most confused
pairs, the top features, the CSV downloads) is checked against numbers computed
here in Python from the same deterministic training.
"""

import csv
import io
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from tb_server import tensorboard

from .tbviz_page import TbvizPage, wait_for_runs
from .test_panels import _download, non_blank
from .training_logs import WINE_CLASSES, classifier_history

DIGITS = [str(d) for d in range(10)]


def js_fmt(value):
    """The frontend's number format (dom.ts fmt): 4 significant digits, else an exponent."""
    value = float(value)
    if np.isnan(value):
        return "NaN"
    if np.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == 0:
        return "0"
    if abs(value) >= 1e5 or abs(value) < 1e-3:
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{mantissa}e{int(exponent):+d}"
    text = repr(float(f"{value:.4g}"))
    return text[:-2] if text.endswith(".0") else text


def percent(value):
    """The frontend's percentages: JavaScript's toFixed(1) rounds halves up (6.25 -> 6.3)."""
    if not np.isfinite(value):
        return "—"
    return f"{Decimal(float(value) * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def samples(count):
    return f"{js_fmt(count)} sample{'' if count == 1 else 's'}"


def history(dataset):
    """step -> (confusion counts [C, C], importance) as the run logged them."""
    out = {}
    for step, y_true, y_pred, importance in classifier_history(dataset):
        classes = 10 if dataset == "digits" else 3
        counts = np.zeros((classes, classes))
        np.add.at(counts, (y_true, y_pred), 1)
        out[step] = (counts, importance.astype(np.float32))
    return out


def class_stats(counts):
    support, predicted, correct = counts.sum(1), counts.sum(0), np.diag(counts)
    with np.errstate(divide="ignore", invalid="ignore"):
        return support, predicted, correct, correct / predicted, correct / support


def confused_pairs(counts):
    support = counts.sum(1)
    pairs = [
        (counts[a, p], counts[a, p] / support[a], a, p)
        for a in range(len(counts))
        for p in range(len(counts))
        if a != p and counts[a, p] > 0
    ]
    return sorted(pairs, key=lambda t: (-t[0], -t[1], t[2], t[3]))


def confusion(tbviz, run):
    panel = tbviz.tab("confusion_matrix")
    tbviz.select_run(run)
    column = panel.locator(f'.column[data-run="{run}"]')
    tbviz.wait_text(column.locator(".caption-step"), lambda t: t == "step 60")
    column.locator("canvas.heatmap").wait_for()
    return panel, column


def hover_cell(tbviz, canvas, row, col, n):
    box = canvas.bounding_box()
    cell_w, cell_h = box["width"] / n, box["height"] / n
    tbviz.page.mouse.move(box["x"] + (col + 0.5) * cell_w, box["y"] + (row + 0.5) * cell_h)


def test_confusion_matrix_counts_precision_recall_and_pairs(tbviz):
    panel, column = confusion(tbviz, "digits_softmax")
    counts, _ = history("digits")[60]
    support, predicted, correct, precision, recall = class_stats(counts)
    canvas = column.locator("canvas.heatmap")
    assert non_blank(tbviz.pixels(canvas), min_colours=8)
    note = column.locator(".note").text_content()
    accuracy = correct.sum() / counts.sum()
    assert note.startswith(f"120 samples · 10 classes · accuracy {percent(accuracy)}"), note

    # Per-class table: samples, predicted, correct, precision, recall.
    rows = [r.locator("td").all_text_contents() for r in column.locator(".cm-table tbody tr").all()]
    assert rows == [
        [
            DIGITS[k],
            js_fmt(support[k]),
            js_fmt(predicted[k]),
            js_fmt(correct[k]),
            percent(precision[k]) if predicted[k] else "— never predicted",
            percent(recall[k]),
        ]
        for k in range(10)
    ]
    # The most confused pairs, largest first.
    expected = [
        f"{DIGITS[a]} → {DIGITS[p]}: {samples(n)} ({percent(share)} of {DIGITS[a]})"
        for n, share, a, p in confused_pairs(counts)[:8]
    ]
    assert column.locator(".cm-pairs li").all_text_contents() == expected
    assert expected, "the trained digits classifier confuses some classes"

    # Hover: the count, its share of the true class, recall and precision.
    n, share, a, p = confused_pairs(counts)[0]
    hover_cell(tbviz, canvas, a, p, 10)
    text = tbviz.wait_text(column.locator(".readout"), lambda t: t.startswith("true "))
    assert text == (
        f"true {a} → predicted {p}: {samples(n)} ({percent(share)} of {a})"
        f" · recall of {a} {percent(recall[a])} · precision of {p} {percent(precision[p])}"
    )
    assert column.locator(".cm-row-labels .hot").text_content() == str(a)
    assert column.locator(".cm-col-labels .hot").text_content() == str(p)
    hover_cell(tbviz, canvas, 4, 4, 10)
    text = tbviz.wait_text(
        column.locator(".readout"), lambda t: t.startswith("true 4 → predicted 4")
    )
    assert f": {samples(counts[4, 4])} " in text
    tbviz.screenshot("confusion_matrix.png")

    # Exports: the matrix with class names, the per-class table, the picture.
    name, body = _download(tbviz, column.locator(".caption .export-csv"))
    table = list(csv.reader(io.StringIO(body.decode())))
    assert name.endswith(".csv") and "digits_softmax" in name
    assert table[0] == ["true \\ predicted (samples)"] + DIGITS
    assert [r[0] for r in table[1:]] == DIGITS
    assert np.array_equal(np.array([[float(v) for v in r[1:]] for r in table[1:]]), counts)
    name, body = _download(tbviz, column.locator(".cm-title .export-csv"))
    per_class = list(csv.reader(io.StringIO(body.decode())))
    assert per_class[0] == ["class", "samples", "predicted", "correct", "precision", "recall"]
    assert np.allclose([float(v) for v in per_class[2][4:]], [precision[1], recall[1]])
    name, body = _download(tbviz, column.locator(".caption .export-png"))
    assert name.endswith(".png") and body.startswith(b"\x89PNG")

    # Normalised by row: each true class's shares; the scale is 0-1.
    panel.locator("input.normalise").check()
    tbviz.wait_text(column.locator(".legend-unit"), lambda t: t.startswith("share"))
    name, body = _download(tbviz, column.locator(".caption .export-csv"))
    table = list(csv.reader(io.StringIO(body.decode())))
    shares = np.array([[float(v) for v in r[1:]] for r in table[1:]])
    assert np.allclose(shares, counts / counts.sum(1, keepdims=True), atol=1e-6)
    panel.locator("input.normalise").uncheck()
    tbviz.wait_text(column.locator(".legend-unit"), lambda t: t == "samples")


def test_confusion_matrix_over_steps_names_classes_never_predicted(tbviz):
    panel, column = confusion(tbviz, "digits_softmax")
    last = tbviz.pixels(column.locator("canvas.heatmap"))
    panel.locator(".step-slider").press("Home")
    tbviz.wait_text(column.locator(".caption-step"), lambda t: t == "step 0")
    counts, _ = history("digits")[0]
    never = [DIGITS[k] for k in range(10) if counts[:, k].sum() == 0 and counts[k].sum() > 0]
    assert never, "the untrained model predicts one class only"
    note = tbviz.wait_text(column.locator(".note"), lambda t: "never predicted" in t)
    assert note.endswith("never predicted: " + ", ".join(never))
    assert "alarm" in column.locator(".note").get_attribute("class")
    never_cells = column.locator(".cm-table td.alarm").all_text_contents()
    assert never_cells == ["— never predicted"] * len(never)
    first = tbviz.pixels(column.locator("canvas.heatmap"))
    assert np.abs(first - last).mean() > 0.5, "the slider did not change the matrix"
    # The diagonal grows as the model learns.
    diagonal = [np.trace(history("digits")[s][0]) for s in (0, 30, 60)]
    assert diagonal[0] < diagonal[1] <= diagonal[2] + 2

    # Refresh keeps the step; another tab and back too.
    panel.locator(".step-slider").press("ArrowRight")
    tbviz.wait_text(column.locator(".caption-step"), lambda t: t == "step 10")
    tbviz.frame.locator("button.refresh").click()
    tbviz.wait_text(tbviz.frame.locator(".status"), lambda t: t.startswith("updated"))
    tbviz.tab("health")
    tbviz.tab("confusion_matrix")
    assert column.locator(".caption-step").text_content() == "step 10"

    # Compare: a column per run, class names from each run's own tag.
    tbviz.select_run("wine_softmax", compare="digits_softmax")
    wine = panel.locator('.column[data-run="wine_softmax"]')
    tbviz.wait_text(wine.locator(".caption-step"), lambda t: t.startswith("step "))
    assert wine.locator(".cm-row-labels .cm-label").all_text_contents() == WINE_CLASSES
    assert (
        panel.locator('.column[data-run="digits_softmax"] .cm-row-labels .cm-label').count() == 10
    )
    tbviz.select_run("digits_softmax")


def importance(tbviz, run):
    panel = tbviz.tab("feature_importance")
    tbviz.select_run(run)
    column = panel.locator(f'.column[data-run="{run}"]')
    tbviz.wait_text(column.locator(".caption-step"), lambda t: t == "step 60")
    return panel, column


def hover_bar(tbviz, column, index, n):
    over = column.locator(".u-over").bounding_box()
    tbviz.page.mouse.move(
        over["x"] + (index + 0.5) / n * over["width"], over["y"] + over["height"] - 3
    )


def test_feature_importance_bars_for_named_features(tbviz):
    from sklearn.datasets import load_wine

    names = list(load_wine().feature_names)
    _, values = history("wine")[60]
    panel, column = importance(tbviz, "wine_softmax")
    column.locator(".importance-chart canvas").first.wait_for()
    assert non_blank(tbviz.pixels(column.locator(".importance-chart")), min_colours=5)
    ranked = [int(i) for i in np.argsort(-values, kind="stable")]
    top = [f"{names[i]}: {js_fmt(values[i])}" for i in ranked[:10]]
    assert column.locator(".top-features li").all_text_contents() == top

    # Bars in feature order: hovering bar 3 reads feature 3 and its rank.
    hover_bar(tbviz, column, 3, len(names))
    text = tbviz.wait_text(column.locator(".readout"), lambda t: t.startswith(names[3]))
    assert text == f"{names[3]}: {js_fmt(values[3])} · rank {ranked.index(3) + 1} of 13"
    tbviz.screenshot("feature_importance.png")

    # Most important first: the first bar is the top feature.
    panel.locator(".order-select").select_option("importance")
    hover_bar(tbviz, column, 0, len(names))
    text = tbviz.wait_text(column.locator(".readout"), lambda t: t.startswith(names[ranked[0]]))
    assert text.endswith("· rank 1 of 13")

    name, body = _download(tbviz, column.locator(".export-csv"))
    table = list(csv.reader(io.StringIO(body.decode())))
    assert table[0] == ["feature", "index", "importance"]
    assert [r[0] for r in table[1:]] == [names[i] for i in ranked]
    assert np.allclose([float(r[2]) for r in table[1:]], values[ranked], rtol=1e-6)
    name, body = _download(tbviz, column.locator(".export-png"))
    assert body.startswith(b"\x89PNG")
    panel.locator(".order-select").select_option("feature")

    # Compared with another run: hovering a bar reads the same feature in both.
    tbviz.select_run("wine_softmax", compare="nan_inf_importance")
    other = panel.locator('.column[data-run="nan_inf_importance"]')
    other.locator(".importance-chart canvas").first.wait_for()
    hover_bar(tbviz, column, 0, len(names))
    assert tbviz.wait_text(other.locator(".readout"), lambda t: t.startswith("a:")) == (
        "a: 0.5 · rank 2 of 4"
    )
    assert column.locator(".readout").text_content().startswith(f"{names[0]}: ")
    tbviz.select_run("wine_softmax")


def test_feature_importance_map_for_images(tbviz):
    _, values = history("digits")[60]
    panel, column = importance(tbviz, "digits_softmax")
    canvas = column.locator("canvas.heatmap")
    canvas.wait_for()
    assert non_blank(tbviz.pixels(canvas), min_colours=10)
    # Pixels constant in the data set (the digits' left and right edges) have none.
    zeros = int((values == 0).sum())
    assert zeros > 0
    assert f"64 features · max {js_fmt(values.max())} · {zeros} exactly 0" == (
        column.locator(".note").text_content()
    )
    assert values[3:5, 3:5].mean() > values[:, 0].mean()
    box = canvas.bounding_box()
    row, col = 3, 4
    tbviz.page.mouse.move(
        box["x"] + (col + 0.5) * box["width"] / 8, box["y"] + (row + 0.5) * box["height"] / 8
    )
    text = tbviz.wait_text(column.locator(".readout"), lambda t: t.startswith("pixel"))
    flat = values.ravel()
    rank = [int(i) for i in np.argsort(-flat, kind="stable")].index(row * 8 + col) + 1
    assert text == f"pixel (row {row}, col {col}): {js_fmt(values[row, col])} · rank {rank} of 64"
    assert "importance" in column.locator(".legend-unit").text_content()
    assert panel.locator(".order-select").is_hidden()
    tbviz.screenshot("feature_importance_image.png")

    name, body = _download(tbviz, column.locator(".export-csv"))
    lines = body.decode().splitlines()
    assert lines[0] == "row," + ",".join(f"col_{c}" for c in range(8)) and len(lines) == 9
    assert np.allclose([float(v) for v in lines[1 + row].split(",")[1:]], values[row], rtol=1e-6)
    name, body = _download(tbviz, column.locator(".export-png"))
    assert body.startswith(b"\x89PNG")

    panel.locator(".step-slider").press("Home")
    tbviz.wait_text(column.locator(".caption-step"), lambda t: t == "step 0")
    # Untrained (zero weights): no input matters yet.
    tbviz.wait_text(
        column.locator(".note"), lambda t: t.startswith("64 features · max 0 · 64 exactly 0")
    )


def test_nan_and_inf_importance_and_a_class_never_predicted(tbviz):
    # training_logs.write_odd_classifier_run: importance [0.5, NaN, Inf, 0.25];
    # truth [0, 0, 1, 2] predicted as [0, 1, 1, 1].
    panel = tbviz.tab("feature_importance")
    tbviz.select_run("nan_inf_importance")
    column = panel.locator('.column[data-run="nan_inf_importance"]')
    note = tbviz.wait_text(column.locator(".note"), lambda t: "NaN" in t)
    assert note == "4 features · max 0.5 · 0 exactly 0 · 1 NaN, 1 Inf (not drawn as bars)"
    assert "alarm" in column.locator(".note").get_attribute("class")
    # Inf ranks first, NaN is left out of the list.
    assert column.locator(".top-features li").all_text_contents() == [
        "c: +Inf",
        "a: 0.5",
        "d: 0.25",
    ]

    panel = tbviz.tab("confusion_matrix")
    column = panel.locator('.column[data-run="nan_inf_importance"]')
    note = tbviz.wait_text(column.locator(".note"), lambda t: "never predicted" in t)
    # class 2 has a sample but is never predicted; class 0 is predicted once
    assert note.startswith("4 samples · 3 classes · accuracy 50.0%") and note.endswith(
        "never predicted: 2"
    )


@pytest.mark.parametrize("load_fast", ["true"], ids=["rust_loader"])
def test_classifier_panels_with_the_rust_loader(browser_context, browser_logdir, load_fast):
    with tensorboard(browser_logdir, load_fast=load_fast) as url:
        wait_for_runs(
            url,
            {
                "digits_softmax": {"model/confusion_matrix": 60, "model/feature_importance": 60},
                "wine_softmax": {"model/feature_importance": 60},
            },
        )
        page = TbvizPage(browser_context, url)
        try:
            panel, column = confusion(page, "digits_softmax")
            assert non_blank(page.pixels(column.locator("canvas.heatmap")), min_colours=8)
            assert column.locator(".cm-table tbody tr").count() == 10
            panel, column = importance(page, "wine_softmax")
            column.locator(".importance-chart canvas").first.wait_for()
            assert column.locator(".top-features li").count() == 10
            assert not page.errors, page.errors
        finally:
            page.close()
