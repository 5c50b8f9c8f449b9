"""What every health rule shares: the codes, the thresholds, the hints and the event.

``event`` builds the dict of one stored health event; ``Found`` keeps one event
per ``(code, layer)`` in a diagnosis window; ``persistent`` tells conditions
that held on consecutive logged steps.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np

CODES = (
    "vanishing_gradient",
    "exploding_gradient",
    "nan",
    "inf",
    "dead_units",
    "saturated_units",
    "stalled_weights",
    "overfitting",
    "underfitting",
    "class_never_predicted",
    "disk_budget",
)

# Activations whose units can be "dead" (zero output and zero gradient for
# every input) or "saturated" (stuck on a flat end of the curve). ELU, GELU,
# SiLU and leaky ReLU keep a gradient for negative inputs, so they cannot die.
RELU_LIKE = ("relu", "relu6")
SQUASHING = ("sigmoid", "tanh", "hard_sigmoid", "softsign")


@dataclasses.dataclass(frozen=True)
class Thresholds:
    """Thresholds of every rule; docs/diagnosis.md explains each one.

    Create a changed copy with ``dataclasses.replace(Thresholds(), ...)`` or
    ``Thresholds(vanishing_depth_ratio=1e-4)``.

    Attributes:
      vanishing_depth_ratio: a layer's gradient RMS divided by the largest RMS
        of any layer after it (nearer the loss). Below this ratio (default
        1e-3, three orders of magnitude) the gradient is vanishing on its way
        back to that layer.
      vanishing_floor: gradient RMS below this absolute value (default 1e-8)
        is vanishing whatever the other layers do (float32 updates that small
        change nothing).
      exploding_l2: a layer's gradient L2 norm above this (default 1e3) is
        exploding.
      exploding_growth: a layer's gradient L2 norm growing by this factor
        (default 1e2) over its median of the first logged steps of the window.
      exploding_depth_ratio: a layer's gradient RMS larger than this factor
        (default 1e3) times the RMS of the last layer (gradients growing on
        the way back).
      persist_steps: the vanishing and stalled rules need their condition on
        this many consecutive logged steps (default 2), or on the only step
        when the window has fewer; NaN, Inf and exploding fire at once.
      dead_fraction: fraction of units never active on the probe batch above
        which a ReLU-like layer is flagged (default 0.5: a layer whose inputs
        barely vary over the samples, such as a squeeze-excite bottleneck over
        pooled features, has each unit's sign set by its weights alone, and
        symmetric initialisation leaves half of them off); ``error`` from
        ``dead_fraction_error`` (default 0.9).
      dead_chance: a ReLU-like layer is flagged only when so many of its units
        are off that a coin toss per unit (each off with probability 1/2, as
        symmetric initialisation leaves units whose inputs barely vary) would
        give as many or more with at most this probability (default 0.01): in
        a small layer (a squeeze-excite bottleneck of 8 units) 6 off is chance,
        8 off is not.
      saturation_level: a sigmoid output within this distance of 0 or 1, or a
        tanh output with ``|y| > 1 - saturation_level``, is saturated
        (default 0.01).
      saturated_sample_fraction: a unit is saturated when it is saturated on
        at least this fraction of probe samples (default 0.9).
      saturated_fraction: fraction of saturated units above which a sigmoid or
        tanh layer is flagged (default 0.5).
      stalled_update_ratio: ``update_ratio`` = ||w - w_prev|| / ||w_prev||
        between logged steps below this (default 1e-6) means the weights have
        stopped moving. Healthy training shows about 1e-3 per optimiser step.
      overfit_rise: validation loss this fraction (default 0.1, i.e. 10%)
        above its best while training loss went on falling.
      overfit_patience: ...for at least this many epochs after the best
        validation loss (default 3).
      underfit_min_epochs: epochs of history before the under-fitting rule
        speaks (default 5).
      underfit_min_drop: training loss that fell by less than this fraction
        of its first value (default 0.1) is under-fitting.
      underfit_chance_ratio: with ``num_classes`` known, a last training loss
        above this fraction (default 0.9) of the chance-level cross-entropy
        ``ln(num_classes)`` is under-fitting.
      never_predicted_steps: a class with probe samples that the model
        predicted for none of them in this many consecutive logged confusion
        matrices, the newest included (default 3), is flagged.
      loss_points: losses a window needs before its trend is judged (default 3).
      loss_change: the loss is *falling* when the median of the last third of
        the window's losses is this fraction (default 0.1) of its first third
        below it, *rising* when as much above it, else *flat*.
      converged_loss_fraction: a loss at or below this fraction (default 0.05)
        of the run's first loss is near its floor (losses whose floor is 0:
        cross-entropy, squared error): small gradients then mean convergence.
      exploding_update_ratio: an ``update_ratio`` at or above this (default 1:
        the weights moved by their own norm between two logged steps) shows a
        gradient's growth reaching the weights.
      unit_persist_logs: the unit rules of the integrations need a unit dead
        (or saturated) on every probe sample at this many consecutive logged
        steps (default 3), the run's first log not counted.
    """

    vanishing_depth_ratio: float = 1e-3
    vanishing_floor: float = 1e-8
    exploding_l2: float = 1e3
    exploding_growth: float = 1e2
    exploding_depth_ratio: float = 1e3
    persist_steps: int = 2
    dead_fraction: float = 0.5
    dead_fraction_error: float = 0.9
    dead_chance: float = 0.01
    saturation_level: float = 0.01
    saturated_sample_fraction: float = 0.9
    saturated_fraction: float = 0.5
    stalled_update_ratio: float = 1e-6
    overfit_rise: float = 0.1
    overfit_patience: int = 3
    underfit_min_epochs: int = 5
    underfit_min_drop: float = 0.1
    underfit_chance_ratio: float = 0.9
    never_predicted_steps: int = 3
    loss_points: int = 3
    loss_change: float = 0.1
    converged_loss_fraction: float = 0.05
    exploding_update_ratio: float = 1.0
    unit_persist_logs: int = 3


DEFAULT_THRESHOLDS = Thresholds()

HINTS = {
    "vanishing_gradient": (
        "Gradients reaching this layer are orders of magnitude smaller than nearer the "
        "output, so it barely learns. Try ReLU-family activations instead of sigmoid/tanh, "
        "He (for ReLU) or Glorot (for tanh) initialisation, batch normalisation, or "
        "residual connections."
    ),
    "exploding_gradient": (
        "Gradients are huge or growing fast; training is about to diverge. Lower the "
        "learning rate, add gradient clipping (Keras clipnorm=1.0, PyTorch "
        "clip_grad_norm_), check the initialisation scale, or add normalisation layers."
    ),
    "nan": (
        "NaN in the gradients: training diverged or an unsafe operation (log(0), 0/0) "
        "produced it. Lower the learning rate, add gradient clipping, check the inputs for "
        "NaN, and use numerically stable losses (from_logits=True)."
    ),
    "inf": (
        "Infinite gradients: values overflowed. Lower the learning rate, add gradient "
        "clipping, scale the inputs, and use numerically stable losses (from_logits=True)."
    ),
    "dead_units": (
        "Many ReLU units output zero for every probe input; they get no gradient and stop "
        "learning. Lower the learning rate, use He initialisation, a small positive bias, "
        "or LeakyReLU/ELU/GELU."
    ),
    "saturated_units": (
        "Many sigmoid/tanh units sit on the flat ends of their curve, where the gradient "
        "is almost zero. Normalise the inputs, use Glorot initialisation, add batch "
        "normalisation, or switch to ReLU-family activations."
    ),
    "stalled_weights": (
        "This layer's weights have practically stopped changing between logged steps "
        "(healthy is about 1e-3 per step). Check that its gradient is not vanishing or "
        "cut off by dead units, raise the learning rate, or confirm it is meant to be "
        "frozen."
    ),
    "overfitting": (
        "Validation loss is rising while training loss keeps falling: the model memorises "
        "the training set. Use early stopping with the best weights restored, more data or "
        "augmentation, dropout, weight decay (L2), or a smaller model."
    ),
    "underfitting": (
        "Training loss is barely falling or stays near chance level. Train longer, raise "
        "the learning rate, use a bigger model, and check inputs, labels and preprocessing."
    ),
    "class_never_predicted": (
        "The model predicts these classes for none of the probe samples although the "
        "probe set holds some: it has collapsed onto other classes. Check the class "
        "balance (class weights or resampling), the labels of these classes, the output "
        "layer's size, and that training has not stalled."
    ),
    "disk_budget": (
        "The run nears its disk budget (max_bytes), so weight surfaces, then activation "
        "maps, are now written at fewer logged steps; gradient flow, health and scalars "
        "are kept. Pass a larger max_bytes= (or None for no bound) to keep them all, or "
        "include=/exclude= to watch fewer layers."
    ),
}

# What usually causes a code in a layer of a kind (``layer_kind``); put before the
# code's standard hint.
KIND_HINTS = {
    ("exploding_gradient", "attention"): (
        "Attention weights start small and their gradients grow by orders of magnitude "
        "when attention starts to learn; if the loss rises with it, use a learning-rate "
        "warm-up (linear over the first few hundred steps) and clip the gradient norm."
    ),
    ("vanishing_gradient", "attention"): (
        "Query and key gradients are tiny while attention is still uniform; a learning-rate "
        "warm-up and a few hundred steps usually get it started."
    ),
    ("exploding_gradient", "recurrent"): (
        "Recurrent layers multiply their gradient over the time steps: clip the gradient "
        "norm (PyTorch clip_grad_norm_(params, 1.0), Keras clipnorm=1.0) or use shorter "
        "sequences (truncated backpropagation)."
    ),
    ("vanishing_gradient", "recurrent"): (
        "Gradients shrink over long sequences in recurrent layers: prefer LSTM/GRU to plain "
        "RNN cells, shorter sequences, or attention."
    ),
    ("vanishing_gradient", "embedding"): (
        "An embedding's gradient reaches only the rows of the tokens in the batch."
    ),
    ("class_never_predicted", "batchnorm"): (
        "The probe runs in eval mode, where the model's BatchNorm layers use their running "
        "statistics: in a short run or at a high learning rate they lag behind the weights "
        "and eval-mode predictions collapse onto a few classes while training looks fine. "
        "Train longer, or let the statistics track faster (a larger momentum in PyTorch, "
        "a smaller one in Keras: 0.9 instead of 0.99)."
    ),
}

SEVERITY = {
    "vanishing_gradient": "warning",
    "exploding_gradient": "error",
    "nan": "error",
    "inf": "error",
    "dead_units": "warning",
    "saturated_units": "warning",
    "stalled_weights": "warning",
    "overfitting": "warning",
    "underfitting": "warning",
    "class_never_predicted": "warning",
    "disk_budget": "info",
}


def event(
    code: str,
    step: int,
    layer: Optional[str],
    value: Optional[float],
    threshold: Optional[float],
    *,
    severity: Optional[str] = None,
    detail: str = "",
    evidence: Optional[Mapping[str, Any]] = None,
    kind: Optional[str] = None,
) -> Dict[str, Any]:
    """One health event dict.

    ``detail`` (what was measured) precedes the hint of the layer's ``kind``
    (see ``layer_kind``), if any, then the standard hint of ``code``;
    ``evidence`` (the window and the figures compared) is stored as the
    event's ``evidence`` object, NaN as null.

    Example:
        >>> e = event("exploding_gradient", 40, "attn.query", 120.0, 100.0,
        ...           evidence={"window": [0, 40]}, kind="attention")
        >>> e["evidence"], e["hint"].startswith("Attention")
        ({'window': [0, 40]}, True)
    """
    if code not in HINTS:
        raise ValueError(f"code must be one of {CODES}, got {code!r}")
    parts = [detail, KIND_HINTS.get((code, kind), ""), HINTS[code]]
    out = {
        "step": int(step),
        "layer": layer,
        "code": code,
        "severity": severity or SEVERITY[code],
        "value": _plain(value),
        "threshold": _plain(threshold),
        "hint": " ".join(p for p in parts if p),
    }
    if evidence is not None:
        out["evidence"] = plain_evidence(evidence)
    return out


def _plain(x: Optional[float]) -> Optional[float]:
    return None if x is None else float(x)


def plain_evidence(value: Any) -> Any:
    """``value`` with numpy numbers as Python ones and NaN/Inf as None (valid JSON).

    Example:
        >>> plain_evidence({"l2": np.float32(2.5), "base": float("nan"), "window": (0, 5)})
        {'l2': 2.5, 'base': None, 'window': [0, 5]}
    """
    if isinstance(value, Mapping):
        return {str(k): plain_evidence(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain_evidence(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value


# Stems that start or end a word of a layer's name or class (``self_attn``,
# ``MultiheadAttention``, ``SimpleRNN``), and whole words, that tell its kind.
_KIND_STEMS = {
    "attention": ("attention", "attn"),
    "recurrent": ("lstm", "gru", "rnn", "recurrent"),
    "embedding": ("embed",),
    "batchnorm": ("batchnorm",),  # BatchNorm2d, SyncBatchNorm, BatchNormalization
}
_KIND_WORDS = {"attention": ("query", "key", "value")}


def layer_kind(layer: Optional[str], layer_type: Optional[str] = None) -> Optional[str]:
    """``"attention"``, ``"recurrent"``, ``"embedding"``, ``"batchnorm"`` or None, from the layer's
    class name (``"LSTM"``, ``"MultiheadAttention"``) when known, else its name.

    Example:
        >>> layer_kind("bert.encoder.layer.0.attention.self.query"), layer_kind("fc", "LSTM")
        ('attention', 'recurrent')
    """
    for text in (layer_type, layer):
        if not text:
            continue
        words = str(text).lower().replace("_", ".").split(".")
        for kind, stems in _KIND_STEMS.items():
            if any(w.startswith(k) or w.endswith(k) for w in words for k in stems):
                return kind
            if any(w in _KIND_WORDS.get(kind, ()) for w in words):
                return kind
    return None


@dataclasses.dataclass(frozen=True)
class LossTrend:
    """How the loss moved over a window of logged steps.

    ``first`` and ``last`` are the medians of the first and last thirds of the
    window's losses (robust to noisy batch losses), ``start`` the run's first
    known loss, ``state`` one of ``falling``, ``flat``, ``rising``,
    ``converged`` (near its floor, see ``Thresholds.converged_loss_fraction``).
    """

    first: float
    last: float
    start: float
    points: int
    state: str

    def evidence(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)


def loss_trend(
    loss: Optional[Tuple[Sequence[int], Sequence[float]]],
    first_step: int,
    last_step: int,
    t: Thresholds,
) -> Optional[LossTrend]:
    """The trend of ``loss`` = ``(steps, values)`` between two steps (both included);
    None without a loss or with fewer than ``t.loss_points`` finite losses there.

    Example:
        >>> loss_trend(([0, 5, 10, 15, 20, 25], [2.3, 2.2, 1.5, 0.9, 0.6, 0.5]), 0, 25,
        ...            Thresholds()).state
        'falling'
    """
    if loss is None:
        return None
    steps = np.asarray(loss[0], dtype=np.int64)
    values = np.asarray(loss[1], dtype=np.float64)
    known = np.isfinite(values)
    if not known.any():
        return None
    start = float(values[known][0])
    inside = known & (steps >= first_step) & (steps <= last_step)
    v = values[inside]
    if v.size < max(1, t.loss_points):
        return None
    third = max(1, v.size // 3)
    first, last = float(np.median(v[:third])), float(np.median(v[-third:]))
    scale = abs(first) or 1.0
    if start > 0 and 0 <= last <= t.converged_loss_fraction * start:
        state = "converged"
    elif first - last >= t.loss_change * scale:
        state = "falling"
    elif last - first >= t.loss_change * scale:
        state = "rising"
    else:
        state = "flat"
    return LossTrend(first, last, start, int(v.size), state)


class Found:
    """Collects one event per (code, layer): the first step, the worst value."""

    def __init__(self) -> None:
        self._events: Dict[tuple, Dict[str, Any]] = {}

    def add(self, e: Dict[str, Any], worse: Any = max) -> None:
        key = (e["code"], e["layer"])
        old = self._events.get(key)
        if old is None:
            self._events[key] = e
            return
        if e["value"] is not None and old["value"] is not None:
            old["value"] = worse(old["value"], e["value"])
        if e["severity"] == "error":
            old["severity"] = "error"

    def __contains__(self, key: tuple) -> bool:
        """``(code, layer)`` found already."""
        return key in self._events

    def events(self) -> List[Dict[str, Any]]:
        return sorted(self._events.values(), key=lambda e: (e["step"], e["code"], e["layer"] or ""))


def persistent(hit: np.ndarray, need: int) -> np.ndarray:
    """``hit`` [steps, layers] -> True where the run of hits ending there is ``need`` long.

    With fewer steps than ``need`` in the window, every step counts on its own.
    """
    need = max(1, min(int(need), hit.shape[0]))
    run = np.zeros(hit.shape[1], dtype=int)
    out = np.zeros_like(hit)
    for s in range(hit.shape[0]):
        run = np.where(hit[s], run + 1, 0)
        out[s] = run >= need
    return out


def first_hits(found: Found, hits: np.ndarray, make) -> None:
    """Adds ``make(s, li)`` for every persistent hit (``Found`` keeps the first)."""
    for s, li in zip(*np.nonzero(hits)):
        found.add(*make(int(s), int(li)))


class quiet:
    """Silences numpy's 'All-NaN slice' warnings inside a block."""

    def __enter__(self):
        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("ignore", RuntimeWarning)

    def __exit__(self, *exc):
        self._catch.__exit__(*exc)


def merge_new(events: Iterable[Mapping[str, Any]], seen: set) -> List[Dict[str, Any]]:
    """Events whose ``(code, layer)`` is not in ``seen`` yet; adds them to ``seen``.

    Writers diagnose a sliding window again and again; this keeps each problem
    to one stored event per run.
    """
    out = []
    for e in events:
        key = (e["code"], e.get("layer"))
        if key not in seen:
            seen.add(key)
            out.append(dict(e))
    return out
