"""Each health rule on its own: fires on the problem, stays quiet on healthy numbers.

The rules are also tested on real trainings in tests/integrations/.
"""

import dataclasses
import json
import math

import numpy as np
import pytest

from tbviz_plugin import diagnose, summary
from tbviz_plugin.integrations import common

STATS = list(common.FLOW_STATS)


def table(steps, layers, **columns):
    """[steps, layers, stats] with healthy defaults, overridden per column name."""
    healthy = dict(
        mean_abs=1e-2,
        max_abs=1e-1,
        l2=1.0,
        rms=1e-2,
        nan_count=0,
        inf_count=0,
        zero_frac=0.0,
        weight_l2=5.0,
        update_ratio=1e-3,
    )
    out = np.empty((steps, layers, len(STATS)))
    for i, name in enumerate(STATS):
        value = columns.get(name, healthy[name])
        out[:, :, i] = np.broadcast_to(np.asarray(value, dtype=float), (steps, layers))
    return out


def codes(events):
    return sorted((e["code"], e["layer"]) for e in events)


def run(values, layers=None, **kw):
    layers = layers or [f"d{i}" for i in range(values.shape[1])]
    steps = list(range(values.shape[0]))
    return diagnose.diagnose_gradient_flow(layers, STATS, steps, values, **kw)


def test_healthy_table_gives_no_events():
    assert run(table(10, 5)) == []


def test_vanishing_by_depth_flags_the_layers_far_below_later_ones():
    rms = np.array([1e-9, 1e-7, 1e-4, 1e-2])  # input side tiny, output side normal
    events = run(table(3, 4, rms=rms))
    assert codes(events) == [("vanishing_gradient", "d0"), ("vanishing_gradient", "d1")]
    e = events[0]
    assert e["severity"] == "warning" and e["step"] == 1  # needs 2 consecutive steps
    assert e["threshold"] == 1e-3 and e["value"] < 1e-3
    assert "He" in e["hint"] and "residual" in e["hint"]


def test_vanishing_needs_persistence_but_one_step_window_counts():
    rms = np.array([[1e-2, 1e-2], [1e-9, 1e-2], [1e-2, 1e-2]])  # one bad step in three
    assert run(table(3, 2, rms=rms)) == []
    assert codes(run(table(1, 2, rms=[1e-9, 1e-2]))) == [("vanishing_gradient", "d0")]


def test_vanishing_absolute_floor():
    rms = np.full(3, 5e-9)  # equal across depth, but tiny everywhere
    events = run(table(2, 3, rms=rms))
    assert codes(events) == [("vanishing_gradient", f"d{i}") for i in range(3)]
    assert events[0]["threshold"] == 1e-8


def test_gradients_falling_towards_the_output_are_not_vanishing():
    assert run(table(3, 3, rms=[1e-2, 1e-4, 1e-6]))[0]["code"] != "vanishing_gradient"


def test_exploding_by_norm_growth_and_depth():
    assert codes(run(table(1, 2, l2=[1.0, 5e3]))) == [("exploding_gradient", "d1")]
    # Growth over the settled level, with nothing to tell learning from harm.
    l2 = np.array([[1.0], [1.1], [0.9], [2.0], [50.0], [500.0]])
    growth = table(6, 2, l2=l2, update_ratio=np.nan)
    events = run(growth)
    assert codes(events) == [("exploding_gradient", "d0"), ("exploding_gradient", "d1")]
    assert events[0]["step"] == 5 and events[0]["severity"] == "error"
    assert events[0]["evidence"]["settled_l2"] == pytest.approx(1.1)  # median of steps 0-4
    steep = run(table(1, 3, rms=[10.0, 1e-1, 1e-3]))
    assert ("exploding_gradient", "d0") in codes(steep)


def test_growth_is_judged_with_the_loss_and_the_update_ratio():
    l2 = np.array([[1.0], [1.1], [0.9], [2.0], [50.0], [500.0]])
    steps = list(range(6))
    falling, rising = (steps, [2.3, 2.2, 2.0, 1.5, 1.0, 0.8]), (steps, [2.3, 2.3, 2.4, 2.6, 3, 4])
    # Weights moving a thousandth of their norm, loss unknown: the growth does no harm.
    assert run(table(6, 2, l2=l2)) == []
    # The loss falls: a layer moving off small gradients is learning, however fast.
    assert run(table(6, 2, l2=l2, update_ratio=3.0), loss=falling) == []
    # The loss rises: exploding, with the trend in the evidence.
    events = run(table(6, 2, l2=l2), loss=rising)
    assert codes(events) == [("exploding_gradient", "d0"), ("exploding_gradient", "d1")]
    assert events[0]["evidence"]["loss"]["state"] == "rising"
    assert "rising" in events[0]["hint"]
    # The loss flat, the weights replaced between two logs: exploding.
    flat = (steps, [2.3] * 6)
    assert len(run(table(6, 2, l2=l2, update_ratio=2.0), loss=flat)) == 2
    assert run(table(6, 2, l2=l2, update_ratio=1e-2), loss=flat) == []


def test_vanishing_waits_for_the_loss_and_spares_convergence():
    rms = np.array([1e-9, 1e-7, 1e-4, 1e-2])
    values = table(4, 4, rms=rms)
    steps = [0, 1, 2, 3]
    stalled = run(values, loss=(steps, [2.3, 2.31, 2.29, 2.3]))
    assert codes(stalled) == [("vanishing_gradient", "d0"), ("vanishing_gradient", "d1")]
    assert stalled[0]["evidence"]["loss"]["state"] == "flat"
    assert stalled[0]["evidence"]["later_layer"] == "d3"
    assert run(values, loss=(steps[:2], [2.3, 2.3])) == []  # too few losses to judge yet
    assert run(values, loss=(steps, [2.3, 1.2, 0.9, 0.5])) == []  # learning
    assert run(values, loss=(steps, [2.3, 0.1, 0.01, 0.002])) == []  # converged


def test_vanishing_is_a_deficit_with_depth_not_one_small_layer():
    # d1 is tiny but d0, before it, carries a normal gradient (attention's query
    # and key at initialisation): the gradient reaches that depth.
    assert run(table(3, 4, rms=np.array([1e-3, 1e-7, 1e-3, 1e-2]))) == []
    # A sparse gradient (an embedding) is judged where it flows.
    sparse = table(3, 2, rms=np.array([1e-6, 1e-2]), zero_frac=np.array([0.999999, 0.0]))
    assert run(sparse) == []


def test_nan_and_inf_are_errors_with_counts():
    nan = np.zeros((2, 3))
    nan[1, 2] = 4
    events = run(table(2, 3, nan_count=nan, inf_count=[[0, 1, 0], [0, 0, 0]]))
    assert codes(events) == [("inf", "d1"), ("nan", "d2")]
    by_code = {e["code"]: e for e in events}
    assert by_code["nan"]["value"] == 4 and by_code["nan"]["step"] == 1
    assert all(e["severity"] == "error" for e in events)


def test_stalled_weights():
    ratio = np.array([[1e-3, 1e-9], [1e-3, 1e-9], [1e-3, 1e-9]])
    assert codes(run(table(3, 2, update_ratio=ratio))) == [("stalled_weights", "d1")]
    assert run(table(3, 2, update_ratio=math.nan)) == []  # first step: no previous weights


def test_one_event_per_code_and_layer_first_step_worst_value():
    nan = np.array([[0.0], [3.0], [9.0], [1.0]])
    events = run(table(4, 1, nan_count=nan))
    assert len(events) == 1
    assert events[0]["step"] == 1 and events[0]["value"] == 9.0


def test_missing_stats_and_nan_rows_are_skipped():
    values = np.full((3, 2, 2), np.nan)
    stats = ["rms", "nan_count"]
    assert diagnose.diagnose_gradient_flow(["a", "b"], stats, [0, 1, 2], values) == []
    assert diagnose.diagnose_gradient_flow(["a"], ["zero_frac"], [0], np.zeros((1, 1, 1))) == []


def test_bad_shapes_name_the_expected_shape():
    with pytest.raises(ValueError, match=r"\[steps, 2 layers, 9 stats\]"):
        run(np.zeros((3, 3, 9)), layers=["a", "b"])
    with pytest.raises(ValueError, match="steps"):
        diagnose.diagnose_gradient_flow(["a"], ["rms"], [0, 1], np.zeros((1, 1, 1)))


def test_thresholds_are_configurable():
    values = table(2, 2, rms=[1e-3, 1e-1])  # ratio 1e-2: fine by default
    assert run(values) == []
    strict = diagnose.Thresholds(vanishing_depth_ratio=0.05)
    assert codes(run(values, thresholds=strict)) == [("vanishing_gradient", "d0")]
    assert dataclasses.replace(strict, exploding_l2=1.0).exploding_l2 == 1.0


def test_events_are_valid_health_events():
    values = table(3, 3, rms=[1e-9, 1e-5, 1e-2], nan_count=[[0, 0, 1]] * 3, l2=[1, 1, 1e4])
    events = run(values)
    assert {e["code"] for e in events} == {"vanishing_gradient", "nan", "exploding_gradient"}
    for i, e in enumerate(events):
        assert set(e) == {
            "step",
            "layer",
            "code",
            "severity",
            "value",
            "threshold",
            "hint",
            "evidence",
        }
        assert e["evidence"]["window"][1] <= 2 and e["evidence"]["logged_steps"] >= 1
        assert summary.normalise_event(e, 0, i)["code"] == e["code"]
        json.dumps(e, allow_nan=False)


# --------------------------------------------------------------------------- activations


def test_dead_relu_units():
    rng = np.random.default_rng(0)
    a = np.maximum(rng.normal(size=(64, 20)), 0)
    assert diagnose.diagnose_activations("dense", a, 3, "relu") == []
    a[:, :12] = 0  # 12 of 20: a coin toss per unit leaves as many off one time in four
    assert diagnose.diagnose_activations("dense", a, 3, "relu") == []
    a[:, :16] = 0  # 16 of 20: one time in 170
    (e,) = diagnose.diagnose_activations("dense", a, 3, "relu")
    assert e["code"] == "dead_units" and e["value"] == pytest.approx(0.8)
    assert e["severity"] == "warning" and e["step"] == 3
    a[:, :19] = 0
    assert diagnose.diagnose_activations("dense", a, 3, "ReLU")[0]["severity"] == "error"


def test_dead_units_of_conv_channels_either_layout():
    a = np.abs(np.random.default_rng(1).normal(size=(8, 5, 5, 4)))  # N, H, W, C
    a[..., :3] = 0
    stats = diagnose.activation_unit_stats(a, "relu")
    assert (stats["units"], stats["samples"], stats["dead_frac"]) == (4.0, 8.0, 0.75)
    assert stats["dead_mask"].tolist() == [True, True, True, False]
    channels_first = np.moveaxis(a, -1, 1)
    first = diagnose.activation_unit_stats(channels_first, "relu", channel_axis=1)
    assert first["dead_frac"] == 0.75 and first["dead_mask"].tolist() == [True, True, True, False]


def test_dead_units_need_the_same_units_dead_over_a_window():
    off = np.array([True] * 16 + [False] * 4)
    history = [{"dead_mask": off, "samples": 64.0}] * 3
    (e,) = diagnose.diagnose_unit_history("conv", [5, 10, 15], history)
    assert (e["code"], e["step"], e["value"]) == ("dead_units", 15, 0.8)
    assert e["evidence"] == {
        "window": [5, 15],
        "logged_steps": 3,
        "units": 20,
        "stuck_units": 16,
        "probe_samples": 64.0,
    }
    # Different units off at each step: every unit was active at some logged step.
    rolled = [{"dead_mask": np.roll(off, i)} for i in range(3)]
    assert diagnose.diagnose_unit_history("conv", [5, 10, 15], rolled) == []
    # Half the units off is what symmetry leaves a layer whose inputs barely vary.
    half = [{"dead_mask": np.array([True, True, False, False])}] * 3
    assert diagnose.diagnose_unit_history("se.reduce", [5, 10, 15], half) == []
    assert diagnose.diagnose_unit_history("conv", [5, 10], history[:2]) == []  # too short
    # 6 of 8 off is what a coin toss per unit gives one time in seven: chance, not death;
    # all 8 off is not (one time in 256).
    six = [{"dead_mask": np.array([True] * 6 + [False] * 2)}] * 3
    assert diagnose.diagnose_unit_history("se.reduce", [5, 10, 15], six) == []
    eight = [{"dead_mask": np.ones(8, dtype=bool)}] * 3
    assert diagnose.diagnose_unit_history("se.reduce", [5, 10, 15], eight)[0]["value"] == 1.0


def test_dead_units_beyond_chance():
    # The binomial upper tail P(X >= k) of k off units of n, each off with probability 1/2.
    assert diagnose.fewest_beyond_chance(8, 0.01) == 8  # P(X >= 8) = 1/256
    assert diagnose.fewest_beyond_chance(20, 0.01) == 16  # P(X >= 16) = 0.0059, >= 15: 0.021
    assert diagnose.fewest_beyond_chance(64, 0.01) == 42
    assert diagnose.fewest_beyond_chance(4, 0.01) == 5  # no count of 4 units is beyond chance
    strict = diagnose.Thresholds(dead_chance=0.5)  # back to the fraction alone
    six = [{"dead_mask": np.array([True] * 6 + [False] * 2)}] * 3
    assert diagnose.diagnose_unit_history("se", [5, 10, 15], six, strict)[0]["value"] == 0.75


def test_saturated_sigmoid_and_tanh_units():
    rng = np.random.default_rng(2)
    healthy = 1 / (1 + np.exp(-rng.normal(size=(100, 10))))
    assert diagnose.diagnose_activations("d", healthy, 0, "sigmoid") == []
    saturated = healthy.copy()
    saturated[:, :7] = 0.999
    (e,) = diagnose.diagnose_activations("d", saturated, 0, "sigmoid")
    assert e["code"] == "saturated_units" and e["value"] == pytest.approx(0.7)
    tanh = np.tanh(rng.normal(size=(100, 10)) * 500)
    assert diagnose.diagnose_activations("d", tanh, 0, "tanh")[0]["code"] == "saturated_units"


def test_activations_that_cannot_die_or_saturate_are_not_judged():
    zeros = np.zeros((10, 4))
    for name in ("linear", "elu", "gelu", "leaky_relu", None):
        assert diagnose.diagnose_activations("d", zeros, 0, name) == []


# --------------------------------------------------------------------------- loss curves


def test_overfitting_when_validation_rises_while_training_falls():
    train = [2.0, 1.0, 0.5, 0.2, 0.1, 0.05, 0.02]
    val = [2.0, 1.2, 1.0, 1.05, 1.1, 1.2, 1.4]
    (e,) = diagnose.diagnose_loss_curves(list(range(7)), train, val)
    assert e["code"] == "overfitting" and e["layer"] is None
    assert e["step"] == 5 and e["value"] == pytest.approx(0.2)
    assert "early stopping" in e["hint"]


def test_no_overfitting_for_noise_or_short_rises():
    train = [2.0, 1.0, 0.5, 0.3, 0.2, 0.15, 0.1]
    assert (
        diagnose.diagnose_loss_curves(range(7), train, [2, 1.1, 0.6, 0.55, 0.57, 0.5, 0.48]) == []
    )
    assert diagnose.diagnose_loss_curves(range(4), train[:4], [2, 1, 1.5, 2]) == []  # patience


def test_underfitting_flat_loss_or_near_chance():
    flat = [2.30, 2.29, 2.29, 2.28, 2.28, 2.27]
    (e,) = diagnose.diagnose_loss_curves(range(6), flat)
    assert e["code"] == "underfitting"
    chance = [4.0, 3.0, 2.6, 2.4, 2.2, 2.1]  # fell a lot, still near ln(10) = 2.30
    assert diagnose.diagnose_loss_curves(range(6), chance) == []
    assert diagnose.diagnose_loss_curves(range(6), chance, num_classes=10)[0]["code"] == (
        "underfitting"
    )
    assert diagnose.diagnose_loss_curves(range(3), flat[:3]) == []  # too early to tell
    assert diagnose.diagnose_loss_curves(range(6), flat[:5] + [math.nan]) == []  # diverged


def test_loss_curve_lengths_must_match():
    with pytest.raises(ValueError, match="val_loss"):
        diagnose.diagnose_loss_curves([0, 1], [1, 2], [1])


def test_merge_new_keeps_one_event_per_problem_per_run():
    seen = set()
    e = diagnose.event("nan", 3, "d0", 1, 0)
    assert len(diagnose.merge_new([e, e], seen)) == 1
    assert diagnose.merge_new([e], seen) == []


def test_unknown_code_is_refused():
    with pytest.raises(ValueError, match="code must be one of"):
        diagnose.event("sadness", 0, None, None, None)


# --------------------------------------------------------------------------- device partials


def test_partials_to_stats_match_reduce_layer_stats():
    from tbviz_plugin import reduce

    g = np.array([0.0, -3.0, 4.0, np.nan, np.inf, 1e-3], dtype=np.float32)
    finite = g[np.isfinite(g)]
    max_abs = np.abs(finite).max()
    partials = np.array(
        [
            [
                np.abs(finite).sum(),
                max_abs,
                ((finite / max_abs) ** 2).sum(),
                finite.size,
                1,
                g.size,
                1,
            ]
        ]
    )
    got = common.stats_from_partials(partials)[0]
    want = reduce.layer_stats(g)
    assert got == pytest.approx([want[s] for s in reduce.GRADIENT_STATS])


# --------------------------------------------------------------------------- any input


def test_any_table_gives_valid_events_and_never_raises():
    """The plugin's health route runs these rules over whatever a file holds."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from hypothesis.extra import numpy as hnp

    cells = st.one_of(
        st.floats(allow_nan=True, allow_infinity=True, width=32),
        st.sampled_from([0.0, 1e-12, 1e-3, 1.0, 1e6]),
    )

    shapes = hnp.array_shapes(min_dims=3, max_dims=3, max_side=5)

    @settings(max_examples=150, deadline=None)
    @given(hnp.arrays(np.float64, shapes, elements=cells), st.permutations(STATS))
    def check(values, stats):
        k = values.shape[2]
        names = list(stats[:k]) + [f"extra_{i}" for i in range(max(0, k - len(stats)))]
        layers = [f"l{i}" for i in range(values.shape[1])]
        steps = list(range(values.shape[0]))
        events = diagnose.diagnose_gradient_flow(layers, names, steps, values)
        assert len({(e["code"], e["layer"]) for e in events}) == len(events)
        for i, e in enumerate(events):
            summary.normalise_event(e, 0, i)

    check()


def test_any_loss_curves_and_activations_give_valid_events():
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from hypothesis.extra import numpy as hnp

    losses = st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=12)

    @settings(max_examples=150, deadline=None)
    @given(losses, st.data(), st.sampled_from([None, 2, 10]))
    def curves(train, data, classes):
        val = data.draw(
            st.lists(
                st.floats(allow_nan=True, allow_infinity=True),
                min_size=len(train),
                max_size=len(train),
            )
        )
        events = diagnose.diagnose_loss_curves(range(len(train)), train, val, num_classes=classes)
        for i, e in enumerate(events):
            summary.normalise_event(e, 0, i)

    @settings(max_examples=100, deadline=None)
    @given(
        hnp.arrays(
            np.float64,
            hnp.array_shapes(min_dims=2, max_dims=4, max_side=4),
            elements=st.floats(allow_nan=True, allow_infinity=True, width=32),
        ),
        st.sampled_from(["relu", "sigmoid", "tanh", "linear"]),
    )
    def activations(values, kind):
        for i, e in enumerate(diagnose.diagnose_activations("d", values, 0, kind)):
            summary.normalise_event(e, 0, i)

    curves()
    activations()


def test_nan_event_is_the_first_hit_with_the_largest_count():
    stats = ["mean_abs", "nan_count"]
    table = np.zeros((4, 2, 2))
    table[:, :, 0] = 1.0
    table[:, 1, 1] = [0, 2, 5, 1]  # layer b: NaN from step 20, at most 5
    (e,) = diagnose.diagnose_gradient_flow(["a", "b"], stats, [10, 20, 30, 40], table)
    assert (e["code"], e["layer"], e["step"], e["value"]) == ("nan", "b", 20, 5.0)
    assert e["hint"].startswith("2 NaN gradient values.")
