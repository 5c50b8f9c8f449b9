"""watch(log_dir).step(params=, grads=) on real JAX trainings over scikit-learn's digits.

Three kinds of parameter pytree: a Flax linen MLP trained with optax, a
plain-dict MLP (a list of ``{"w", "b"}``) trained by hand, and an nnx
``State``. Known outcomes as for PyTorch (test_torch_watch.py): a small ReLU
MLP trains cleanly; a 10-layer sigmoid MLP with PyTorch's default
initialisation loses its gradient on the way back (Glorot & Bengio 2010).
"""

import json
import logging
import os
import subprocess
import sys
import textwrap

import pytest

jax = pytest.importorskip("jax")
optax = pytest.importorskip("optax")
linen = pytest.importorskip("flax.linen")

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
from integration_helpers import health, kinds, read_tensors  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin import metadata, reduce, summary  # noqa: E402
from tbviz_plugin.integrations import common  # noqa: E402
from tbviz_plugin.integrations.jax import reduction, watch  # noqa: E402

ALARMS = {"vanishing_gradient", "exploding_gradient", "nan", "inf"}
COLUMNS = list(common.FLOW_STATS)
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="module")
def digits():
    x, y = load_digits(return_X_y=True)
    return (x / 16.0).astype(np.float32), y.astype(np.int32)


class LinenMLP(linen.Module):
    @linen.compact
    def __call__(self, x):
        x = linen.relu(linen.Dense(32)(x))
        x = linen.relu(linen.Dense(32)(x))
        return linen.Dense(10)(x)


def cross_entropy(logits, y):
    return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(logits), y[:, None], axis=1))


def dict_mlp(depth, width=32, seed=0):
    """A list of ``{"w", "b"}`` layers, PyTorch's default init (uniform ±1/√fan_in)."""
    rng = np.random.default_rng(seed)
    sizes = [64] + [width] * depth + [10]
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        bound = 1 / np.sqrt(fan_in)
        layers.append(
            {
                "w": jnp.asarray(rng.uniform(-bound, bound, (fan_in, fan_out)), jnp.float32),
                "b": jnp.asarray(rng.uniform(-bound, bound, fan_out), jnp.float32),
            }
        )
    return layers


def dict_forward(params, x, act=jax.nn.sigmoid):
    for layer in params[:-1]:
        x = act(x @ layer["w"] + layer["b"])
    return x @ params[-1]["w"] + params[-1]["b"]


def sgd_step(forward, lr):
    @jax.jit
    def step(params, x, y):
        loss, grads = jax.value_and_grad(lambda p: cross_entropy(forward(p, x), y))(params)
        return jax.tree_util.tree_map(lambda p, g: p - lr * g, params, grads), loss, grads

    return step


def test_flax_linen_optax_run_writes_every_kind_with_the_values_of_numpy(digits, tmp_path):
    x, y = digits
    model = LinenMLP()
    params = model.init(jax.random.PRNGKey(0), x[:1])["params"]
    tx = optax.sgd(0.1)
    opt_state = tx.init(params)

    @jax.jit
    def train_step(params, opt_state, xb, yb):
        loss_fn = lambda p: cross_entropy(model.apply({"params": p}, xb), yb)  # noqa: E731
        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss, grads

    seen = {}  # numpy copies of what two logged steps had
    with watch(
        tmp_path,
        every=5,
        apply_fn=model.apply,
        probe_data=(x[:64], y[:64]),
        num_classes=10,
    ) as w:
        for epoch in range(2):
            for step, i in enumerate(range(0, 1500, 32), start=epoch * 47):
                params, opt_state, loss, grads = train_step(
                    params, opt_state, x[i : i + 32], y[i : i + 32]
                )
                w.step(params=params, grads=grads, loss=loss, learning_rate=0.1)
                if step in (10, 93):
                    seen[step] = jax.device_get((params, grads, loss))
            w.log_epoch(
                epoch,
                loss=cross_entropy(model.apply({"params": params}, x[:1500]), y[:1500]),
                val_loss=cross_entropy(model.apply({"params": params}, x[1500:]), y[1500:]),
            )
    tensors = read_tensors(tmp_path)
    k = kinds(tensors)
    layers = ["Dense_0", "Dense_1", "Dense_2"]
    for layer in layers:
        assert k[f"{layer}/kernel"] == k[f"{layer}/bias"] == metadata.WEIGHT_SURFACE
        assert k[layer] == metadata.ACTIVATION_MAP
    assert k["model/gradient_flow"] == metadata.GRADIENT_FLOW
    assert k["model/layers"] == metadata.LAYER_TABLE
    assert k["model/confusion_matrix"] == metadata.CONFUSION_MATRIX
    assert k["model/feature_importance"] == metadata.FEATURE_IMPORTANCE
    for tag in ("batch_loss", "learning_rate", "epoch_loss", "epoch_val_loss", "system/rss_mb"):
        assert k[tag] == "scalars"

    flow = tensors["model/gradient_flow"]
    content = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)
    assert content["layers"] == layers and content["stats"] == COLUMNS
    assert [s for s, *_ in flow] == list(range(0, 94, 5)) + [93]  # every 5th and the last

    for step, (p, g, loss) in seen.items():
        table = next(t for s, _, t, _ in flow if s == step)
        for row, layer in enumerate(layers):
            want = reduce.layer_stats(
                np.concatenate([g[layer]["kernel"].ravel(), g[layer]["bias"]])
            )
            got = table[row, : len(reduce.GRADIENT_STATS)]
            assert got == pytest.approx([want[c] for c in reduce.GRADIENT_STATS], rel=1e-4)
            surface = next(a for s, _, a, _ in tensors[f"{layer}/kernel"] if s == step)
            np.testing.assert_array_equal(
                surface, summary.prepare_weight_surface("t", p[layer]["kernel"]).build().array
            )
        ((loss_read,),) = [[a for s, _, a, _ in tensors["batch_loss"] if s == step]]
        assert float(loss_read) == pytest.approx(float(loss), rel=1e-6)
        # Activation map of the first layer and the confusion matrix, from numpy.
        hidden = x[:64] @ p["Dense_0"]["kernel"] + p["Dense_0"]["bias"]
        maps = next(a for s, _, a, _ in tensors["Dense_0"] if s == step)
        np.testing.assert_allclose(maps, hidden, rtol=1e-4, atol=1e-5)
        h = np.maximum(hidden, 0)
        h = np.maximum(h @ p["Dense_1"]["kernel"] + p["Dense_1"]["bias"], 0)
        predicted = np.argmax(h @ p["Dense_2"]["kernel"] + p["Dense_2"]["bias"], axis=1)
        want_cm = np.zeros((10, 10))
        np.add.at(want_cm, (y[:64], predicted), 1)
        cm = next(a for s, _, a, _ in tensors["model/confusion_matrix"] if s == step)
        np.testing.assert_array_equal(cm, want_cm)
    lr = [float(a) for _, _, a, _ in tensors["learning_rate"]]
    assert lr == pytest.approx([0.1] * len(flow))

    ((_, _, table, _),) = tensors["model/layers"]
    rows = [json.loads(b) for b in table.ravel()]
    assert [r["name"] for r in rows] == layers
    assert rows[0]["params"] == 64 * 32 + 32 and rows[0]["output_shape"] == [64, 32]
    assert not {e["code"] for e in w.events} & ALARMS
    assert not {e["code"] for e in health(tmp_path)} & ALARMS


def test_deep_sigmoid_dict_mlp_is_flagged_vanishing_rows_in_layer_order(digits, tmp_path):
    x, y = digits
    params = dict_mlp(10)
    train_step = sgd_step(dict_forward, 0.1)
    with watch(tmp_path, every=5) as w:
        for i in range(0, 1500, 32):
            params, loss, grads = train_step(params, x[i : i + 32], y[i : i + 32])
            w.step(params=params, grads=grads, loss=loss)
    layers = [str(n) for n in range(11)]  # 10 after 9, not after 1
    assert w.layers == layers
    flow = read_tensors(tmp_path)["model/gradient_flow"]
    assert metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)["layers"] == layers
    mean_abs = flow[-1][2][:, COLUMNS.index("mean_abs")]
    assert mean_abs[0] < mean_abs[-1] / 100  # the input side gets far less gradient
    flagged = {e["layer"] for e in w.events if e["code"] == "vanishing_gradient"}
    assert "0" in flagged and "10" not in flagged
    assert any(e["code"] == "vanishing_gradient" and e["layer"] == "0" for e in health(tmp_path))


def test_healthy_dict_mlp_raises_nothing_and_update_ratio_matches_numpy(digits, tmp_path):
    x, y = digits
    params = dict_mlp(2, seed=1)
    train_step = sgd_step(lambda p, xb: dict_forward(p, xb, jax.nn.relu), 0.1)
    seen = {}
    with watch(tmp_path, every=4) as w:
        for step in range(30):
            i = (32 * step) % 1500
            params, loss, grads = train_step(params, x[i : i + 32], y[i : i + 32])
            w.step(params, grads, loss=loss, accuracy=0.5)
            seen[step] = [np.concatenate([np.ravel(layer["w"]), layer["b"]]) for layer in params]
    tensors = read_tensors(tmp_path)
    flow = tensors["model/gradient_flow"]
    steps = [s for s, *_ in flow]
    assert steps == list(range(0, 30, 4)) + [29]  # the last step, logged by close()
    for n, (step, _, table, _) in enumerate(flow):
        prev = seen[steps[n - 1]] if n else [None] * 3
        for row, weights in enumerate(seen[step]):
            want = reduce.weight_stats(weights, prev[row])
            assert table[row, COLUMNS.index("weight_l2")] == pytest.approx(
                want["weight_l2"], rel=1e-5
            )
            assert table[row, COLUMNS.index("update_ratio")] == pytest.approx(
                want["update_ratio"], rel=1e-3, nan_ok=True
            )
    assert [float(a) for _, _, a, _ in tensors["batch_accuracy"]] == [0.5] * len(steps)
    assert kinds(tensors)["0/w"] == kinds(tensors)["0/b"] == metadata.WEIGHT_SURFACE
    assert w.events == []
    assert not {e["code"] for e in health(tmp_path)} & ALARMS


def test_nnx_state_layers_leave_out_the_variable_value(digits, tmp_path):
    nnx = pytest.importorskip("flax.nnx")
    x, y = digits

    class Net(nnx.Module):
        def __init__(self, rngs):
            self.l1 = nnx.Linear(64, 16, rngs=rngs)
            self.l2 = nnx.Linear(16, 10, rngs=rngs)

        def __call__(self, x):
            return self.l2(nnx.relu(self.l1(x)))

    net = Net(nnx.Rngs(0))
    graphdef, state = nnx.split(net, nnx.Param)
    step_fn = sgd_step(lambda s, xb: nnx.merge(graphdef, s)(xb), 0.1)
    with watch(tmp_path, every=1) as w:
        for i in range(0, 96, 32):
            state, loss, grads = step_fn(state, x[i : i + 32], y[i : i + 32])
            w.step(params=state, grads=grads, loss=loss)
    assert w.layers == ["l1", "l2"]
    tensors = read_tensors(tmp_path)
    assert {"l1/kernel", "l1/bias", "l2/kernel", "l2/bias"} <= set(tensors)
    last = tensors["model/gradient_flow"][-1][2]
    g = jax.device_get(grads)
    want = reduce.layer_stats(
        np.concatenate([np.ravel(g["l2"]["kernel"][...]), g["l2"]["bias"][...]])
    )
    assert last[1, COLUMNS.index("l2")] == pytest.approx(want["l2"], rel=1e-4)


def test_runs_from_the_readme_without_tensorflow_in_a_fresh_process(tmp_path):
    """The README's snippet in a process of its own: TensorFlow is never imported."""
    script = textwrap.dedent(
        """
        import json, sys
        import jax, jax.numpy as jnp, optax
        from flax import linen as nn
        from tbviz_plugin.integrations.jax import watch

        model = nn.Sequential([nn.Dense(8), nn.relu, nn.Dense(3)])
        x, y = jnp.ones((16, 4)), jnp.arange(16) % 3
        params = model.init(jax.random.PRNGKey(0), x)["params"]
        tx = optax.adam(1e-2)
        opt_state = tx.init(params)
        loss_fn = lambda p: optax.softmax_cross_entropy_with_integer_labels(
            model.apply({"params": p}, x), y).mean()
        with watch(sys.argv[1], apply_fn=model.apply, probe_data=(x, y)) as w:
            for _ in range(5):
                loss, grads = jax.value_and_grad(loss_fn)(params)
                updates, opt_state = tx.update(grads, opt_state, params)
                params = optax.apply_updates(params, updates)
                w.step(params=params, grads=grads, loss=loss)
        print(json.dumps({"tensorflow": "tensorflow" in sys.modules, "layers": w.layers}))
        """
    )
    env = dict(os.environ, PYTHONPATH=REPO, JAX_PLATFORMS="cpu")
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out == {"tensorflow": False, "layers": ["layers_0", "layers_2"]}
    tensors = read_tensors(tmp_path)
    assert [s for s, *_ in tensors["model/gradient_flow"]][-1] == 4  # the last step
    assert {"layers_0/kernel", "layers_0", "batch_loss", "model/confusion_matrix"} <= set(tensors)


def test_nan_gradients_are_counted_and_training_goes_on(tmp_path):
    params = {"a": {"w": jnp.ones((3, 4))}, "b": {"w": jnp.ones(4)}}
    grads = {"a": {"w": jnp.array([[np.nan, np.inf, 1.0, 0.0]] * 3)}, "b": {"w": jnp.ones(4)}}
    with watch(tmp_path, every=1) as w:
        w.step(params, grads, loss=float("nan"))
        w.step(params, grads)
    table = read_tensors(tmp_path)["model/gradient_flow"][-1][2]
    assert table[0, COLUMNS.index("nan_count")] == 3 and table[0, COLUMNS.index("inf_count")] == 3
    assert table[0, COLUMNS.index("max_abs")] == 1.0  # magnitudes over the finite elements
    assert table[0, COLUMNS.index("zero_frac")] == pytest.approx(0.25)
    assert "nan" in {e["code"] for e in w.events}


def test_grads_of_another_structure_get_an_error_naming_the_path(tmp_path, monkeypatch):
    """What the caller passed is its error to fix: raised from inside the log, where
    other errors are reported once and training goes on."""
    monkeypatch.delenv("TBVIZ_RAISE_LOG_ERRORS")
    params = {"dense": {"kernel": jnp.ones((2, 2)), "bias": jnp.ones(2)}}
    w = watch(tmp_path)
    with pytest.raises(
        ValueError, match=r"grads does not have the structure.*\['dense'\]\['bias'\]"
    ):
        w.step(params, {"dense": {"kernel": jnp.ones((2, 2))}})
    with pytest.raises(ValueError, match="params is empty"):
        watch(tmp_path / "empty").step({}, {})
    with pytest.raises(ValueError, match="no floating-point array"):
        watch(tmp_path / "ints").step({"count": jnp.arange(3)})
    with pytest.raises(ValueError, match="probe_data needs apply_fn"):
        watch(tmp_path / "p", probe_data=(np.ones((2, 2)), None))
    with pytest.raises(ValueError, match="every must be a positive integer"):
        watch(tmp_path / "e", every=0)
    w.close()


def test_a_failing_probe_warns_once_naming_probe_data_and_training_goes_on(
    digits, tmp_path, caplog
):
    x, y = digits
    model = LinenMLP()
    params = model.init(jax.random.PRNGKey(0), x[:1])["params"]
    grads = jax.tree_util.tree_map(jnp.zeros_like, params)
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        with watch(tmp_path, every=1, apply_fn=model.apply, probe_data=(x[:8, :10], y[:8])) as w:
            for _ in range(3):
                w.step(params=params, grads=grads)
    said = [r.getMessage() for r in caplog.records if "probe_data" in r.getMessage()]
    assert len(said) == 1 and "[8, 10] float32" in said[0], said
    tensors = read_tensors(tmp_path)
    assert [s for s, *_ in tensors["model/gradient_flow"]] == [0, 1, 2]
    assert "Dense_0/kernel" in tensors and "Dense_0" not in tensors  # no activation map
    assert "model/confusion_matrix" not in tensors


def test_include_exclude_and_the_governor(digits, tmp_path):
    x, y = digits
    model = LinenMLP()
    variables = model.init(jax.random.PRNGKey(0), x[:1])
    grads = jax.tree_util.tree_map(jnp.ones_like, variables)
    with watch(tmp_path, include="params/Dense_[01]", exclude="*_1") as w:
        for _ in range(12):
            w.step(params=variables, grads=grads)
    assert w.layers == ["params/Dense_0"]
    tensors = read_tensors(tmp_path)
    assert {t for t in tensors if t.startswith("params/")} == {
        "params/Dense_0/kernel",
        "params/Dense_0/bias",
    }
    steps = [s for s, *_ in tensors["model/gradient_flow"]]
    assert steps[:2] == [0, 1] and steps[-1] == 11  # first logs measured, the last at close


@pytest.mark.parametrize("shape", [(513, 600), (700,), (30, 40), (3, 3, 16, 32), (1, 1, 1, 1, 9)])
def test_surfaces_pooled_on_the_device_are_the_writers_record(shape):
    w = np.random.default_rng(1).standard_normal(shape).astype(np.float32)
    flat = w.reshape(-1)
    n = flat.size
    flat[[7 % n, 5000 % n]] = np.nan
    flat[[11 % n, 9000 % n]] = [np.inf, -np.inf]
    flat[13 % n] = -50.0  # a large negative value keeps its sign
    flat[[2 % n, 3 % n]] = [60.0, -60.0]  # a tie: +60 wins, as in reduce
    pooled = np.asarray(jax.jit(reduction.pooled_surface)(jnp.asarray(w)))
    matrix_shape, form = reduction.surface_spec(shape)
    want = summary.prepare_weight_surface("t", w, layout="channels_last").build()
    got = summary.prepare_pooled_weight_surface(
        "t", pooled, shape=shape, matrix_shape=matrix_shape, form=form
    ).build()
    assert got.metadata_bytes == want.metadata_bytes
    np.testing.assert_array_equal(got.array, want.array)


@pytest.mark.parametrize("bad", [False, True])
def test_device_partials_match_reduce_layer_stats(bad):
    """The fast form for finite gradients, the exact one (lax.cond) for NaN, Inf and
    values whose squares overflow float32."""
    g = np.random.default_rng(2).standard_normal((50, 7)).astype(np.float32)
    g[3, :] = 0
    if bad:
        g[0, 0], g[1, 1], g[2, 2] = np.nan, np.inf, 1e30
    b = np.random.default_rng(3).standard_normal(7).astype(np.float32)
    partials_fn = jax.jit(lambda a, c: reduction.partials([a, c]))
    partials = np.asarray(partials_fn(jnp.asarray(g), jnp.asarray(b)))[None]
    got = common.stats_from_partials(partials)[0]
    want = reduce.layer_stats(np.concatenate([g.ravel(), b]))
    assert got == pytest.approx([want[k] for k in reduce.GRADIENT_STATS], rel=1e-5)


def _leaves_with_trouble():
    """Weights, gradients and previous weights of four layers: a conv kernel and bias,
    a ragged [513, 600] kernel, a bfloat16 vector and a layer of zeros; one layer's
    gradients hold NaN, Inf and values whose squares overflow float32."""
    rng = np.random.default_rng(4)
    shapes = [(3, 3, 16, 32), (32,), (513, 600), (700,), (20, 30)]
    weights = [rng.standard_normal(s).astype(np.float32) for s in shapes]
    weights[2].reshape(-1)[[5, 900]] = [np.nan, np.inf]
    weights[2].reshape(-1)[[2, 3]] = [60.0, -60.0]
    grads = [rng.standard_normal(s).astype(np.float32) for s in shapes]
    grads[0].reshape(-1)[[0, 7, 9]] = [np.nan, np.inf, -np.inf]
    grads[1][3] = 1e30
    grads[4][:] = 0.0
    grads[2][:10] = 0.0
    prev = [w + 0.01 * rng.standard_normal(w.shape).astype(np.float32) for w in weights]
    as_jax = [jnp.asarray(a) for a in weights]
    as_jax[3] = as_jax[3].astype(jnp.bfloat16)
    grads = [jnp.asarray(a) for a in grads]
    grads[3] = grads[3].astype(jnp.bfloat16)
    return tuple(as_jax), tuple(grads), tuple(jnp.asarray(a) for a in prev)


@pytest.mark.parametrize("with_grads", [True, False])
def test_host_and_jitted_reductions_give_the_same_statistics(with_grads):
    weights, grads, prev = _leaves_with_trouble()
    groups = ((0, 1), (2,), (3,), (4,))
    surfaces = (0, 2, 4)
    kwargs = dict(groups=groups, surfaces=surfaces, sums=True)
    grads = grads if with_grads else None
    jitted = jax.device_get(reduction.reduce_on_device(weights, grads, prev, **kwargs))
    host = reduction.reduce_on_host(weights, grads, prev, **kwargs)

    counts = [common.Partial.FINITE, common.Partial.NAN, common.Partial.SIZE]
    counts.append(common.Partial.ZEROS)
    np.testing.assert_array_equal(host[0][:, counts], np.asarray(jitted[0])[:, counts])
    np.testing.assert_allclose(host[0], jitted[0], rtol=2e-5)
    if with_grads:
        stats = common.stats_from_partials(host[0])
        assert stats[0, reduce.GRADIENT_STATS.index("nan_count")] == 1
        assert stats[0, reduce.GRADIENT_STATS.index("inf_count")] == 2
        # the exact branch ran where the sums were not finite, the fast one elsewhere
        want = reduce.layer_stats(np.concatenate([np.ravel(grads[0]), np.ravel(grads[1])]))
        assert stats[0] == pytest.approx([want[k] for k in reduce.GRADIENT_STATS], rel=1e-5)
        want = reduce.layer_stats(np.asarray(grads[2]))
        assert stats[1] == pytest.approx([want[k] for k in reduce.GRADIENT_STATS], rel=1e-5)
    np.testing.assert_allclose(host[1], jitted[1], rtol=2e-5)
    assert np.isnan(host[1][1]).all() and not np.isnan(host[1][[0, 2, 3]]).any()
    assert len(host[2]) == len(jitted[2]) == len(surfaces)
    for got, want in zip(host[2], jitted[2]):
        np.testing.assert_array_equal(got, want)  # NaN where NaN, the same signs
    for got, want in zip(host[3], jitted[3]):
        assert got.dtype == np.float32
        np.testing.assert_array_equal(got, want)


def test_cpu_arrays_are_reduced_on_the_host_with_the_records_of_the_jitted_path(
    digits, tmp_path, monkeypatch
):
    x, y = digits
    model = LinenMLP()
    tx = optax.adam(1e-2)

    @jax.jit
    def train(params, opt_state, xb, yb):
        loss, grads = jax.value_and_grad(
            lambda p: cross_entropy(model.apply({"params": p}, xb), yb)
        )(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss, grads

    def run(log_dir):
        params = model.init(jax.random.PRNGKey(0), x[:1])["params"]
        opt_state = tx.init(params)
        with watch(log_dir, every=2) as w:
            for i in range(5):
                batch = slice(32 * i, 32 * i + 32)
                params, opt_state, loss, grads = train(params, opt_state, x[batch], y[batch])
                w.step(params=params, grads=grads, loss=loss)
        return read_tensors(log_dir)

    jitted_calls = []
    real_reduce = reduction.reduce_on_device

    def counted(*args, **kwargs):
        jitted_calls.append(1)
        return real_reduce(*args, **kwargs)

    monkeypatch.setattr(reduction, "reduce_on_device", counted)
    host = run(tmp_path / "host")
    assert jitted_calls == []  # CPU arrays: nothing compiled for the statistics
    monkeypatch.setattr(reduction, "on_host", lambda leaves: False)
    jitted = run(tmp_path / "jitted")
    assert len(jitted_calls) == 3  # every=2 over 5 steps: steps 0, 2 and 4
    assert set(host) == set(jitted)
    for tag in ("model/gradient_flow", "Dense_0/kernel", "Dense_2/bias"):
        assert [s for s, *_ in host[tag]] == [s for s, *_ in jitted[tag]] == [0, 2, 4]
        for (_, _, a, _), (_, _, b, _) in zip(host[tag], jitted[tag]):
            np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-12)


def test_a_donating_train_step_still_reuses_the_logged_params(tmp_path):
    params = {"dense": {"kernel": jnp.ones((64, 300)), "bias": jnp.ones(300)}}
    grads = jax.tree_util.tree_map(jnp.ones_like, params)
    update = jax.jit(lambda p: jax.tree_util.tree_map(lambda a: a * 0.5, p), donate_argnums=0)
    with watch(tmp_path, every=1) as w:
        w.step(params=params, grads=grads)
        new = update(params)
        assert all(leaf.is_deleted() for leaf in jax.tree_util.tree_leaves(params))
        w.step(params=new, grads=grads)
    row = read_tensors(tmp_path)["model/gradient_flow"][-1][2]
    assert row[0, COLUMNS.index("update_ratio")] == pytest.approx(0.5, rel=1e-6)
