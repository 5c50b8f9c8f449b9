"""The overhead governor (``every=None``): it lowers the logging cadence by itself to
keep logging within the budget, and says so once.

Driven by an injected clock, so nothing here depends on how fast the machine is:
a training step "takes" 1 ms and a log "takes" what the test says.
"""

import logging
import re

import numpy as np
import pytest
from integration_helpers import read_tensors

from tbviz_plugin.integrations import common, core


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def drive(cadence, clock, steps, log_cost, step_time=0.001, warmup=lambda step: 0.0):
    """A training loop: each step takes ``step_time``; a due step's log takes
    ``log_cost(step)``, of which it declares ``warmup(step)`` a one-off warm-up."""
    logging_time = 0.0
    for step in range(steps):
        clock.now += step_time
        if cadence.due(step):
            started = clock()
            clock.now += log_cost(step)
            logging_time += log_cost(step)
            cadence.record(step, started, warmup_seconds=warmup(step))
    return logging_time


def intervals(steps):
    return np.diff(steps)


def test_governor_lowers_the_cadence_to_the_budget_and_says_so_once(caplog):
    clock = FakeClock()
    cadence = common.Cadence(None, budget=0.03, name="tbviz test", clock=clock)
    with caplog.at_level(logging.INFO, logger="tbviz"):
        # the first log pays for a warm-up (60 ms, declared, as the integrations
        # declare tracing); then 3 ms per log, later 6 ms
        cost = lambda step: 0.06 if step == 0 else (0.003 if step < 3000 else 0.006)  # noqa: E731
        warmup = lambda step: 0.06 if step == 0 else 0.0  # noqa: E731
        logging_time = drive(cadence, clock, 6000, cost, warmup=warmup)
    logged = cadence.logged_steps
    # The warm-up is not what a log costs: the second log, the first measured, comes
    # once 3% of the training time has paid for the first (60 ms: 2 s, of which the
    # log took 60 ms); then the logs wait until 63 + 3 ms are paid: 2.2 s.
    assert 1900 < logged[1] < 2000 and 2100 < logged[2] < 2200, logged[:4]
    steady = [s for s in logged if 2200 < s < 3000]
    # 3 ms per log within 3% of the time: one log per 100 ms of training = 100 steps
    assert len(steady) >= 5 and set(intervals(steady)) <= {100, 101}
    late = [s for s in logged if s > 3500]
    assert set(intervals(late)) <= {200, 201}  # the log got slower: the cadence follows
    # the warm-up included, logging stays within the budget of the whole time
    assert logging_time / clock.now <= 0.03
    assert cadence.spent_seconds == pytest.approx(logging_time)
    messages = [r.getMessage() for r in caplog.records if "tbviz test" in r.getMessage()]
    assert len(messages) == 2, messages  # once why the logs pause, once the cadence
    assert "0.06 s so far" in messages[0] and "within 3%" in messages[0]
    assert re.search(r"every 10[01] steps", messages[1]) and "under 3%" in messages[1]


def test_set_up_time_charged_to_the_account_delays_the_logs():
    """One-off costs outside a log (Keras: building the snapshot, writing the graph,
    tracing the gradient sums) pause the logs until training has paid for them."""
    firsts = {}
    for charged in (0.0, 0.03):
        clock = FakeClock()
        cadence = common.Cadence(None, budget=0.03, clock=clock)
        cadence.charge(charged)
        clock.now += charged
        drive(cadence, clock, 3000, lambda step: 0.003)
        firsts[charged] = cadence.logged_steps[2]
        assert cadence.spent_seconds / clock.now <= 0.03
    # 30 ms more to pay back: one more second (1,000 steps) before the third log
    assert firsts[0.03] - firsts[0.0] == pytest.approx(1000, abs=110)


def test_room_kept_for_the_last_log_keeps_a_short_run_within_the_budget():
    """The run's last step is logged whatever the cadence (``remove()``, the end of
    ``fit``); full logs keep room for it in the account, so a run that ends at any
    step stays within the budget with it, and without the room it would not. (A
    run too short to pay for two logs, its first and its last, cannot.)"""
    over = []
    for keep_last in (True, False):
        worst = 0.0
        for steps in range(400, 3000, 20):  # 2 x 6 ms within 3 % of 0.4 s
            clock = FakeClock()
            cadence = common.Cadence(None, budget=0.03, clock=clock, keep_last=keep_last)
            spent = drive(cadence, clock, steps, lambda step: 0.006)
            started = clock()
            clock.now += 0.006  # the last step's log, taken whatever the cadence
            cadence.record(steps, started, final=True)
            worst = max(worst, (spent + 0.006) / clock.now)
        over.append(worst)
    assert over[0] <= 0.03 < over[1], over


def test_the_writers_background_time_counts_as_logging_time():
    """A log that takes 1 ms on the training thread and 9 ms of the writer thread's
    CPU costs 10 ms: the governor spaces logs as if it took 10 ms there."""
    clocks = {name: FakeClock() for name in ("alone", "with_writer")}
    cadences = {n: common.Cadence(None, budget=0.05, clock=c) for n, c in clocks.items()}
    background = 0.0
    for step in range(20000):
        for name, clock in clocks.items():
            clock.now += 0.001
            cadence = cadences[name]
            if cadence.due(step):
                started = clock()
                clock.now += 0.001
                if name == "with_writer":
                    background += 0.009
                    cadence.record(step, started, background_total=background)
                else:
                    cadence.record(step, started)
    alone = intervals(cadences["alone"].logged_steps)[-5:]
    with_writer = intervals(cadences["with_writer"].logged_steps)[-5:]
    # 1 ms / 5% = 20 steps of 1 ms; 10 ms / 5% = 200 steps
    assert abs(np.median(alone) - 20) <= 2
    assert abs(np.median(with_writer) - 200) <= 20


def test_fixed_cadence_ignores_the_clock_and_says_nothing(caplog):
    clock = FakeClock()
    cadence = common.Cadence(7, clock=clock)
    with caplog.at_level(logging.INFO, logger="tbviz"):
        drive(cadence, clock, 50, lambda step: 10.0)  # logs far over any budget
    assert cadence.logged_steps == list(range(0, 50, 7))
    assert not caplog.records


def test_a_bigger_budget_logs_more_often():
    counts = []
    for budget in (0.01, 0.03, 0.1):
        clock = FakeClock()
        cadence = common.Cadence(None, budget=budget, clock=clock)
        drive(cadence, clock, 3000, lambda step: 0.002)
        counts.append(len(cadence.logged_steps))
    assert counts[0] < counts[1] < counts[2]


@pytest.mark.parametrize("budget", [0, -0.1, 1.5, "3%"])
def test_a_bad_budget_is_refused(budget):
    with pytest.raises(ValueError, match="overhead_budget"):
        common.Cadence(None, budget=budget)


def test_watch_follows_the_governor(tmp_path, caplog, monkeypatch):
    """The PyTorch integration reads the governors' clock. With every step "taking"
    1 ms, a full log 5 ms and a gradient-flow row 0.5 ms, the full logs get their
    share of the 3% budget (1%: every 500 steps) and the cheap rows the rest (2%:
    every 25 steps): the gradient-flow map has many times as many columns as there
    are surfaces, logging stays within the budget, and each governor says so once."""
    torch = pytest.importorskip("torch")
    from tbviz_plugin.integrations.torch import watch
    from tbviz_plugin.writer import Writer

    # The writer thread's real CPU time would add to the fake clock's costs.
    monkeypatch.setattr(Writer, "background_seconds", property(lambda self: 0.0))

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x, y = torch.randn(16, 8), torch.randint(0, 2, (16,))
    handle = watch(model, tmp_path, resources=False)
    clock = FakeClock()
    handle.recorder.cadence.clock = handle.recorder.flow_cadence.clock = clock
    write = handle._log_parts
    spent = []

    def slow_write(step, captured, surfaces=True, flow_row=True):
        write(step, captured, surfaces, flow_row)
        cost = 0.005 if surfaces else 0.0005
        clock.now += cost
        spent.append(cost)

    handle._log_parts = slow_write
    with caplog.at_level(logging.INFO, logger="tbviz"):
        for _ in range(3000):
            clock.now += 0.001
            opt.zero_grad()
            torch.nn.functional.cross_entropy(model(x), y).backward()
            opt.step()
    handle.remove()
    full = handle.recorder.cadence.logged_steps
    rows = sorted(full + handle.recorder.flow_cadence.logged_steps)
    assert full[0] == 0 and full[-1] == 2999  # the last step, by remove()
    full_every = 0.005 / (0.03 * core.FULL_SHARE) / 0.001  # 500 steps
    flow_every = 0.0005 / (0.03 * (1 - core.FULL_SHARE)) / 0.001  # 25 steps
    # the second full log (the first measured) once the account pays for the first,
    # for itself and for the room kept for the last, each costed as the first: the
    # training time since the first (the rows' time in it) pays for 15 ms at 1%
    assert 2.8 * full_every <= full[1] <= 3 * full_every, full
    # the third when the account has paid for three, then one every 500 steps
    assert all(abs(d - full_every) <= 0.02 * full_every for d in intervals(full[2:-1])), full
    flow_only = [s for s in handle.recorder.flow_cadence.logged_steps if s > 500]
    assert abs(np.median(intervals(flow_only)) - flow_every) <= 0.1 * flow_every
    assert len(rows) >= 10 * len(full)
    flow = read_tensors(tmp_path)["Sequential/gradient_flow"]
    assert [s for s, *_ in flow] == rows
    assert len(read_tensors(tmp_path)["0/weight"]) == len(full)
    assert sum(spent) <= 0.03 * 3.0 + 0.02  # the budget, and the first logs
    messages = [r.getMessage() for r in caplog.records if "tbviz watch" in r.getMessage()]
    assert len(messages) == 2, messages
    assert any(re.search(r"full logs: .* every 49\d steps", m) for m in messages), messages
    assert any(re.search(r"gradient flow: .* every 2\d steps", m) for m in messages), messages


def test_the_step_after_a_log_is_charged_to_it():
    """A step after a log that ran slower than the plain steps is that log's cost (at
    most the log's own: a long step for another reason is not the log's; one that
    ran faster counts against it, so that noise cancels); the governor then counts
    it in its account and in what a log costs."""
    clock = FakeClock()
    after = common.StepAfterLog(clock)
    for _ in range(5):  # plain steps of 1 ms
        clock.now += 0.001
        assert after.step() is None
    clock.now += 0.005  # a 5 ms log, then a step of 3 ms
    after.logged("flow", 0.005)
    clock.now += 0.003
    part, seconds = after.step()
    assert part == "flow" and seconds == pytest.approx(0.002)
    after.logged("full", 0.004)
    clock.now += 0.050  # a data loader's new epoch: at most the log's own cost
    assert after.step() == ("full", pytest.approx(0.004))
    after.logged("flow", 0.005)
    clock.now += 0.0005
    assert after.step() == ("flow", pytest.approx(-0.0005))
    after.logged("flow", 0.005)
    clock.now += 0.003
    assert after.step(armed=True) is None  # an armed step's extra is its own log's

    cadence = common.Cadence(None, budget=0.03, clock=clock)
    for cost in (0.010, 0.005):
        started = clock()
        clock.now += cost
        cadence.record(len(cadence.logged_steps), started)
    spent = cadence.spent_seconds
    cadence.add_to_last(0.002)
    assert cadence.spent_seconds == pytest.approx(spent + 0.002)
    assert cadence.estimate() == pytest.approx(0.007)
    cadence.add_to_last(-0.001)  # in the account only: a fast step by chance
    assert cadence.spent_seconds == pytest.approx(spent + 0.001)
    assert cadence.estimate() == pytest.approx(0.007)
