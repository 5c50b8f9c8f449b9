"""TbvizCallback on real Keras 3 (TensorFlow backend) trainings over scikit-learn's digits.

Known outcomes: a small ReLU MLP trains cleanly; a 10-layer sigmoid MLP with
Glorot initialisation loses its gradient on the way back (Glorot & Bengio
2010); SGD with a learning rate of 2 diverges; a wide net on 64 samples
over-fits.
"""

import json
import logging
import os

import pytest

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
keras = pytest.importorskip("keras")
pytest.importorskip("tensorflow")

import numpy as np  # noqa: E402
from integration_helpers import (  # noqa: E402
    assert_keras_mlp_kinds,
    has_graph,
    health,
    kinds,
    read_tensors,
)
from sklearn.datasets import load_digits  # noqa: E402

from tbviz_plugin import metadata  # noqa: E402
from tbviz_plugin.integrations import common  # noqa: E402
from tbviz_plugin.integrations.keras import TbvizCallback  # noqa: E402

ALARMS = {"vanishing_gradient", "exploding_gradient", "nan", "inf"}


@pytest.fixture(scope="module")
def digits():
    x, y = load_digits(return_X_y=True)
    return (x / 16.0).astype("float32"), y.astype("int64")


def mlp(depth, act="relu", width=32, extra=()):
    layers = [keras.Input((64,))]
    for _ in range(depth):
        layers.append(keras.layers.Dense(width, activation=act))
        layers.extend(e() for e in extra)
    return keras.Sequential(layers + [keras.layers.Dense(10)], name="mlp")


def fit(digits, make, *, optimizer=None, epochs=2, n_train=1500, callback=None, **fit_kw):
    """Trains with seed 0; returns (model, history)."""
    x, y = digits
    keras.utils.set_random_seed(0)
    model = make()
    model.compile(
        optimizer or keras.optimizers.SGD(0.1),
        keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    history = model.fit(
        x[:n_train],
        y[:n_train],
        validation_data=(x[1500:], y[1500:]),
        epochs=epochs,
        batch_size=32,
        verbose=0,
        **({"callbacks": [callback]} if callback else {}),
        **fit_kw,
    )
    return model, history


def test_healthy_run_writes_every_kind_and_no_alarms(digits, tmp_path):
    callback = TbvizCallback(tmp_path, every=10)
    fit(digits, lambda: mlp(2), callback=callback)
    tensors = read_tensors(tmp_path)
    k = kinds(tensors)
    assert_keras_mlp_kinds(k)
    assert [s for s, *_ in tensors["epoch_val_loss"]] == [0, 1]

    flow = tensors["mlp/gradient_flow"]
    content = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)
    assert content["layers"] == ["dense", "dense_1", "dense_2"]
    assert content["stats"] == list(common.FLOW_STATS)
    # the training step's own gradients: the first batch (at the initial weights),
    # every 10th batch and the end (2 x 47 batches); without probe_data the probe is
    # the first batch, so the first full log is the first batch's (no step 0)
    assert [s for s, *_ in flow] == [1] + list(range(10, 94, 10)) + [94]
    assert [s for s, *_ in tensors["dense/kernel"]] == [1] + list(range(10, 94, 10)) + [94]
    last = flow[-1][2]
    assert last.shape == (3, 9) and np.all(np.isfinite(last)) and np.all(last[:, 2] > 0)
    # without probe_data the probe is the first training batch (32 samples, fewer than
    # probe_size), kept by the train step: activation maps start after that batch
    assert [s for s, *_ in tensors["dense"]] == [1] + list(range(10, 94, 10)) + [94]
    assert tensors["dense"][0][2].shape == (32, 32)
    ((layer_step, _, table, _),) = tensors["mlp/layers"]
    rows = [json.loads(b) for b in table.ravel()]
    assert layer_step == 0
    (first,) = [r for r in rows if r["name"] == "dense"]
    assert first == {
        "name": "dense",
        "type": "Dense",
        "output_shape": [None, 32],
        "params": 2080,
        "trainable_params": 2080,
        "activation": "relu",
    }
    assert [r["name"] for r in rows] == ["dense", "dense_1", "dense_2"]
    kernel = tensors["dense/kernel"][0][3]
    assert metadata.parse_plugin_metadata(kernel.plugin_data.content)["shape"] == [64, 32]

    assert has_graph(tmp_path)  # tf.summary.graph, for the built-in Graphs view

    assert not {e["code"] for e in callback.events} & ALARMS
    assert not {e["code"] for e in health(tmp_path)} & ALARMS


def test_deep_sigmoid_net_is_flagged_vanishing(digits, tmp_path):
    callback = TbvizCallback(tmp_path, every=10)
    model, _ = fit(digits, lambda: mlp(10, "sigmoid"), epochs=1, callback=callback)
    first, last = model.layers[0].name, model.layers[-1].name
    flagged = {e["layer"] for e in callback.events if e["code"] == "vanishing_gradient"}
    assert first in flagged and last not in flagged
    assert any(e["code"] == "vanishing_gradient" and e["layer"] == first for e in health(tmp_path))


def test_too_high_learning_rate_is_flagged(digits, tmp_path):
    callback = TbvizCallback(tmp_path, every=2)
    fit(
        digits,
        lambda: mlp(3, "elu"),
        optimizer=keras.optimizers.SGD(2.0),
        epochs=1,
        callback=callback,
    )
    found = {e["code"] for e in callback.events}
    assert found & {"exploding_gradient", "nan"}, found
    assert {e["code"] for e in health(tmp_path)} & {"exploding_gradient", "nan"}


def test_wide_net_on_few_samples_is_flagged_overfitting(digits, tmp_path):
    callback = TbvizCallback(tmp_path, every=10)
    fit(
        digits,
        lambda: mlp(2, width=256),
        optimizer=keras.optimizers.Adam(1e-2),
        epochs=25,
        n_train=64,
        callback=callback,
    )
    assert "overfitting" in {e["code"] for e in callback.events}
    assert "overfitting" in {e["code"] for e in health(tmp_path)}


def test_same_seed_same_weights_with_and_without_callback(digits, tmp_path):
    """Dropout and batch norm included: the probe and snapshot passes must not touch
    RNG or moving statistics, so without gradient reads training is bit for bit the same.

    With gradient flow on, the train step also reads its gradients; that extra
    reader changes how TensorFlow's graph rewriting (oneDNN fusion) rounds the
    gradient arithmetic, so the same training agrees to float32 round-off, which
    later steps amplify."""

    def make():
        return mlp(2, extra=(keras.layers.BatchNormalization, lambda: keras.layers.Dropout(0.3)))

    plain, h1 = fit(digits, make, epochs=2)
    watched, h2 = fit(
        digits, make, epochs=2, callback=TbvizCallback(tmp_path / "w", every=3, gradients=False)
    )
    assert h1.history == h2.history
    for a, b in zip(plain.get_weights(), watched.get_weights()):
        np.testing.assert_array_equal(a, b)

    _, h3 = fit(digits, make, epochs=2, callback=TbvizCallback(tmp_path / "g", every=3))
    assert h3.history["loss"][0] == pytest.approx(h1.history["loss"][0], rel=1e-5)
    assert h3.history["val_loss"][-1] == pytest.approx(h1.history["val_loss"][-1], rel=0.1)


def test_default_cadence_and_dataset_input(digits, tmp_path, caplog):
    import tensorflow as tf

    x, y = digits
    callback = TbvizCallback(tmp_path / "auto")  # every=None: the overhead governor decides
    charges = []
    charge = callback.cadence.charge
    callback.cadence.charge = lambda seconds: (charges.append(seconds), charge(seconds))[1]
    fit(digits, lambda: mlp(1), epochs=1, callback=callback)
    # The one-off costs are in the governor's account: the set-up (snapshot function,
    # layer table, graph), then tracing the gradient sums into the first train step.
    assert charges[0] > 0 and charges[1] > 0, charges
    assert callback.cadence.spent_seconds > sum(charges)
    tensors = read_tensors(tmp_path / "auto")
    kernel = next(t for t, kind in kinds(tensors).items() if kind == metadata.WEIGHT_SURFACE)
    steps = [s for s, *_ in tensors[kernel]]
    assert steps[0] == 1 and steps[-1] == 47  # the first batch (the probe's source), the end
    assert callback.cadence.logged_steps == steps
    # Every full log has the training step's gradients; between full logs,
    # gradient-flow rows of their own (FLOW logs).
    rows = [s for s, *_ in tensors["mlp/gradient_flow"]]
    flow_only = callback.recorder.flow_cadence.logged_steps
    # the first batch in full, the next as the first gradient-flow row; the second
    # of each kind (the first measured) when its account allows, rows at least every
    # 47 // 20 steps (a fit of known length)
    assert steps[0] == 1 and flow_only[0] == 2, (steps, flow_only)
    assert max(np.diff(sorted(steps + flow_only))) <= 47 // 20, (steps, flow_only)
    assert rows == sorted(steps + flow_only)
    assert not set(flow_only) & set(steps)
    columns = list(common.FLOW_STATS)
    for _, _, table, _ in tensors["mlp/gradient_flow"]:  # each against the log before
        assert np.all(table[:, columns.index("l2")] > 0)
        assert np.all(np.isfinite(table[:, columns.index("update_ratio")]))

    ds = tf.data.Dataset.from_tensor_slices((x[:256], y[:256])).batch(32)
    model = mlp(1)
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        model.fit(ds, epochs=1, verbose=0, callbacks=[TbvizCallback(tmp_path / "ds", every=4)])
    assert not caplog.text  # a dataset needs no probe_data
    tensors = read_tensors(tmp_path / "ds")
    # the probe is the first batch, kept by the train step: maps from the log after it
    maps = tensors[model.layers[0].name]  # Keras numbers unnamed layers per session
    assert [s for s, *_ in maps] == [1, 4, 8]
    hidden = keras.Model(model.inputs[0], model.layers[0].output)
    np.testing.assert_allclose(maps[-1][2], hidden(x[:32]), rtol=1e-5, atol=1e-6)
    # the training step's gradients need no probe; only the state before it has none
    assert [s for s, *_ in tensors["mlp/gradient_flow"]] == [1, 4, 8]

    model.fit(
        ds,
        epochs=1,
        verbose=0,
        callbacks=[TbvizCallback(tmp_path / "probe", every=4, probe_data=(x[:16], y[:16]))],
    )
    flow = [t for t in read_tensors(tmp_path / "probe") if t.endswith("gradient_flow")]
    assert flow


def test_a_fit_of_known_length_gets_a_gradient_flow_map_of_20_columns(digits, tmp_path):
    """However short the fit, the default cadence writes at least 20 gradient-flow rows,
    spread over it: a fit of 3 x 47 = 141 steps gets one at least every 7 steps."""
    fit(digits, lambda: mlp(2), epochs=3, callback=TbvizCallback(tmp_path, write_graph=False))
    rows = [s for s, *_ in read_tensors(tmp_path)["mlp/gradient_flow"]]
    assert len(rows) >= 20 and rows[-1] == 141
    assert max(np.diff(rows)) <= 141 // 20


def test_the_train_step_is_traced_once_and_the_optimiser_given_back(digits, tmp_path):
    """Keras builds an unbuilt optimiser inside the first train step, which TensorFlow
    then traces twice; the callback builds it first, so the step (with the gradient
    sums) is traced once. An ``apply`` wrapped by someone else before stays theirs."""
    import tensorflow as tf

    x, y = digits
    model = mlp(1)
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    traced = []
    theirs = model.optimizer.apply

    def counting(grads, variables=None):
        traced.append(not tf.executing_eagerly())
        return theirs(grads, variables)

    model.optimizer.apply = counting
    model.fit(
        x[:320], y[:320], epochs=1, batch_size=32, verbose=0, callbacks=[TbvizCallback(tmp_path)]
    )
    assert traced == [True]
    assert model.optimizer.apply is counting


def test_a_second_fit_continues_the_steps(digits, tmp_path):
    x, y = digits
    callback = TbvizCallback(tmp_path, every=20)
    model = mlp(1)
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    for _ in range(2):
        model.fit(x[:640], y[:640], epochs=1, batch_size=32, verbose=0, callbacks=[callback])
    steps = [s for s, *_ in read_tensors(tmp_path)["mlp/gradient_flow"]]
    # 20 batches per fit; the first one's end starts the second; the first
    # training batch is logged once, for its gradients at the initial weights
    assert steps == [1, 20, 40]
    assert callback.writer.closed  # each fit closes the file it wrote


def test_steps_per_execution_counts_batches_not_calls(digits, tmp_path):
    x, y = digits
    model = mlp(1)
    model.compile(
        "sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True), steps_per_execution=4
    )
    model.fit(
        x[:640],
        y[:640],
        epochs=2,
        batch_size=32,
        verbose=0,
        callbacks=[TbvizCallback(tmp_path, every=10)],
    )
    steps = [s for s, *_ in read_tensors(tmp_path)["mlp/gradient_flow"]]
    # the first execution (its gradients are the last of its 4 batches), then the
    # first batch count past each multiple of 10
    assert steps == [4, 12, 20, 32, 40]


def test_models_built_by_their_first_batch_and_subclassed_models(digits, tmp_path):
    x, y = digits

    class Net(keras.Model):
        def __init__(self):
            super().__init__(name="net")
            self.hidden = keras.layers.Dense(16, activation="relu")
            self.out = keras.layers.Dense(10)

        def call(self, inputs):
            return self.out(self.hidden(inputs))

    no_input = keras.Sequential(
        [keras.layers.Dense(16, activation="relu"), keras.layers.Dense(10)], name="lazy"
    )
    for model in (no_input, Net()):
        model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.fit(
            x[:320],
            y[:320],
            epochs=1,
            batch_size=32,
            verbose=0,
            callbacks=[TbvizCallback(tmp_path / model.name, every=5)],
        )
        tensors = read_tensors(tmp_path / model.name)
        flow = tensors[f"{model.name}/gradient_flow"]
        # the first batch built the model; the next one has the first gradients
        assert [s for s, *_ in flow] == [2, 5, 10]
        assert sum(k.endswith("/kernel") for k in tensors) == 2
    # layer outputs of a Sequential are reachable once built; a subclassed model's are not
    assert metadata.ACTIVATION_MAP in kinds(read_tensors(tmp_path / "lazy")).values()
    assert metadata.ACTIVATION_MAP not in kinds(read_tensors(tmp_path / "net")).values()


def test_bad_arguments_name_the_argument(tmp_path):
    with pytest.raises(ValueError, match="every"):
        TbvizCallback(tmp_path, every=0)
    with pytest.raises(TypeError, match="probe_data"):
        TbvizCallback(tmp_path, probe_data=np.zeros((4, 64)))
    with pytest.raises(ValueError, match="overhead_budget"):
        TbvizCallback(tmp_path, overhead_budget=2)


def test_surfaces_pooled_on_the_device_match_the_writers_pooling(digits, tmp_path):
    """A 64x257 kernel is pooled in the graph (ragged 1x2 blocks); the record must be
    what Writer.weight_surface writes for the full array."""
    from tbviz_plugin import reduce

    model, _ = fit(
        digits, lambda: mlp(1, width=257), epochs=1, n_train=320, callback=TbvizCallback(tmp_path)
    )
    tensors = read_tensors(tmp_path)
    # Keras numbers unnamed layers per session (dense, dense_1, ...): ask the model.
    step, _, surface, md = tensors[f"{model.layers[0].name}/kernel"][-1]
    assert step == 10  # the final state
    kernel = model.layers[0].kernel.numpy()
    expected, block = reduce.pool_max_abs(kernel, (256, 256))
    assert block == (1, 2) and surface.shape == (64, 129)
    np.testing.assert_array_equal(surface, expected)
    content = metadata.parse_plugin_metadata(md.plugin_data.content)
    assert content["shape"] == [64, 257] and content["matrix_shape"] == [64, 257]
    assert content["form"] == "matrix" and content["pool"] == "max_abs"


@pytest.mark.parametrize("memory", ["host", "device"])
def test_equal_shaped_layers_get_their_own_norms_updates_and_surfaces(
    digits, tmp_path, monkeypatch, memory
):
    """Layers of one shape are read and pooled as one stack in the snapshot: each still
    gets its own weight_l2, update_ratio (against the previous log) and surface; the
    same whether the rows are summed with numpy (variables on the CPU) or by the
    traced device function (variables on an accelerator)."""
    from tbviz_plugin import reduce
    from tbviz_plugin.integrations.keras import tf_steps

    if memory == "device":
        monkeypatch.setattr(tf_steps, "_on_cpu", lambda variable: False)

    seen = {}

    class Recorder(keras.callbacks.Callback):  # runs before the tbviz callback
        def on_train_begin(self, logs=None):
            seen[0] = [layer.get_weights() for layer in self.model.layers]

        def on_train_batch_end(self, batch, logs=None):
            seen[batch + 1] = [layer.get_weights() for layer in self.model.layers]

    callback = TbvizCallback(tmp_path, every=4)
    model, _ = fit(
        digits,
        lambda: mlp(3),
        epochs=1,
        n_train=320,
        callback=None,
        callbacks=[Recorder(), callback],
    )
    assert callback._steps._on_host == (memory == "host")
    tensors = read_tensors(tmp_path)
    rows = {step: table for step, _, table, _ in tensors["mlp/gradient_flow"]}
    l2, ratio = common.FLOW_STATS.index("weight_l2"), common.FLOW_STATS.index("update_ratio")

    def flat(weights):
        return np.concatenate([w.ravel() for w in weights]).astype(np.float64)

    logged = sorted(rows)
    assert logged == [1, 4, 8, 10]  # the first batch, every 4th step, the end
    for prev, step in zip([0] + logged, logged):  # step 0: weights, no gradient row
        for i in range(len(model.layers)):  # four Dense layers, three of one shape
            now, before = flat(seen[step][i]), flat(seen[prev][i])
            np.testing.assert_allclose(rows[step][i, l2], np.linalg.norm(now), rtol=1e-5)
            expected = np.linalg.norm(now - before) / np.linalg.norm(before)
            np.testing.assert_allclose(rows[step][i, ratio], expected, rtol=1e-4)
    for i, layer in enumerate(model.layers):
        step, _, surface, _ = tensors[f"{layer.name}/kernel"][-1]
        expected, _ = reduce.pool_max_abs(seen[step][i][0], (256, 256))
        np.testing.assert_array_equal(surface, expected)


@pytest.mark.parametrize("poison", ["none", "nan", "inf", "huge", "tiny"])
def test_gradient_sums_match_numpy(poison):
    """The per-layer sums of the gradients a train step copied out, fast or exact,
    the same summed with numpy on the host, and the exact ones in a graph (with
    NaN, Inf, gradients whose squares overflow or underflow float32), give
    ``reduce.layer_stats`` of each layer's gradients concatenated; a layer
    without gradients gives its NaN row.
    Gradients of one shape, summed as one stack, may belong to different layers."""
    import tensorflow as tf

    from tbviz_plugin import reduce
    from tbviz_plugin.integrations import host_reduce
    from tbviz_plugin.integrations.keras.tf_reduce import (
        gradient_partials,
        group_partials,
        same_shape_groups,
    )

    rng = np.random.default_rng(0)
    grads = [
        rng.standard_normal((6, 5)).astype(np.float32),
        np.zeros(5, np.float32),
        rng.standard_normal((5, 3)).astype(np.float32),
        np.array([0.0, 2.0, -3.0], np.float32),
        rng.standard_normal((6, 5)).astype(np.float32),  # the shape of grads[0]
        rng.standard_normal(5).astype(np.float32),  # the shape of grads[1]
    ]
    grads[2][1, 1] = 0.0
    if poison == "nan":
        grads[0][2, 3] = grads[0][4, 0] = np.nan
    elif poison == "inf":
        grads[2][0, 0], grads[2][3, 2] = np.inf, -np.inf
    elif poison == "huge":  # finite, but its square overflows float32
        grads[2][0, 0] = 3e30
    elif poison == "tiny":  # vanishing: the squares underflow float32
        grads[2] = (grads[2] * 1e-25).astype(np.float32)
        grads[3] = (grads[3] * 1e-25).astype(np.float32)
    owners = [0, 0, 2, 2, 2, 0]  # layer 1 has no gradient

    @tf.function(autograph=False)
    def partials(*gs):
        return group_partials(tf, list(zip(gs, owners)), 3)

    # As copied out of a train step: stacks of equal shapes, and a variable of layer 1
    # without a gradient (its stack holds zeros).
    tensors, layer_of, present = grads + [np.zeros(7, np.float32)], owners + [1], [True] * 6
    stacks, order = [], []
    for members in same_shape_groups(tensors):
        stacks.append(tf.constant(np.stack([tensors[m] for m in members])))
        order += members
    copied = gradient_partials(
        tf, stacks, [layer_of[m] for m in order], [(present + [False])[m] for m in order], 3
    )
    # Summed with numpy on the host (TensorFlow on CPU, JAX on CPU): layer by layer.
    on_host = np.asarray(
        [
            host_reduce.partials([g for g, o in zip(grads, owners) if o == layer])
            if layer in owners
            else common.NO_GRADIENT
            for layer in range(3)
        ]
    )
    for partial_sums in (np.asarray(partials(*grads)), copied, on_host):
        table = common.stats_from_partials(partial_sums)
        for layer in (0, 2):
            flat = np.concatenate([g.ravel() for g, o in zip(grads, owners) if o == layer])
            expected = reduce.layer_stats(flat)
            np.testing.assert_allclose(
                table[layer], [expected[s] for s in reduce.GRADIENT_STATS], rtol=1e-5
            )
        assert np.isnan(table[1]).all()  # no gradient: nothing measured


def test_same_shape_groups_keep_order_and_bound_the_stack():
    from tbviz_plugin.integrations.keras.tf_reduce import same_shape_groups

    tensors = [np.zeros((4, 4)), np.zeros(4), np.zeros((4, 4)), np.zeros((4, 4), np.float16)]
    assert same_shape_groups(tensors) == [[0, 2], [1], [3]]  # dtype apart
    big = [np.zeros((3, 4))] * 5
    assert same_shape_groups(big, max_elements=25) == [[0, 1], [2, 3], [4]]


@pytest.mark.parametrize("shape", [(600, 513), (1, 700), (40, 30)])
def test_pooling_in_the_graph_matches_the_writers_with_nan_and_inf(shape):
    """A stack of equal-shaped weights is pooled at once, each as the writer pools it."""
    import tensorflow as tf

    from tbviz_plugin import reduce, summary
    from tbviz_plugin.integrations.keras.tf_reduce import pool_tf

    form = summary.surface_layout(shape, "channels_last")

    rng = np.random.default_rng(1)
    stack = rng.standard_normal((2,) + shape).astype(np.float32)
    flat = stack[0].reshape(-1)
    flat[[7, 5000 % flat.size]] = np.nan
    flat[[11, 9000 % flat.size]] = [np.inf, -np.inf]
    flat[13] = -50.0  # a large negative value keeps its sign
    got = tf.function(lambda v: pool_tf(tf, v, form), autograph=False)(stack)
    assert got.shape[0] == 2
    for w, pooled in zip(stack, np.asarray(got)):
        expected, _ = reduce.pool_max_abs(w.reshape(form[0]), (256, 256))
        np.testing.assert_array_equal(pooled, expected)


def test_embedding_gradients_of_unknown_shape_are_summed(tmp_path):
    """An Embedding's gradient is an IndexedSlices, dense only inside the train step."""
    rng = np.random.default_rng(0)
    x, y = rng.integers(0, 5000, (256, 8)), rng.integers(0, 2, 256)
    model = keras.Sequential(
        [
            keras.Input((8,), dtype="int32"),
            keras.layers.Embedding(5000, 4),
            keras.layers.Flatten(),
            keras.layers.Dense(2),
        ],
        name="emb",
    )
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(
        x, y, epochs=1, batch_size=32, verbose=0, callbacks=[TbvizCallback(tmp_path, every=4)]
    )
    flow = read_tensors(tmp_path)["emb/gradient_flow"]
    assert [s for s, *_ in flow] == [1, 4, 8]
    table = flow[-1][2]
    assert np.all(table[:, :3] > 0) and np.all(table[:, 4:6] == 0)  # finite, measured
    # a batch looks up at most 256 of the 5000 rows: most of the gradient is zero
    assert table[0, common.FLOW_STATS.index("zero_frac")] > 0.5


def named_mlp():
    return keras.Sequential(
        [
            keras.Input((64,)),
            keras.layers.Dense(32, activation="relu", name="enc_1"),
            keras.layers.Dropout(0.1, name="enc_drop"),
            keras.layers.Dense(16, activation="relu", name="enc_2"),
            keras.layers.Dense(10, name="head"),
        ],
        name="mlp",
    )


def test_include_and_exclude_select_surfaces_maps_and_flow_rows(digits, tmp_path, caplog):
    every = TbvizCallback(tmp_path / "all", every=5, write_graph=False)
    fit(digits, named_mlp, epochs=1, n_train=320, callback=every)
    chosen = TbvizCallback(
        tmp_path / "some", every=5, include=["enc_*", "encoder*"], exclude="enc_2"
    )
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        fit(digits, named_mlp, epochs=1, n_train=320, callback=chosen)
    # a pattern matching no layer is named once, with the layers there are
    assert "include='encoder*' matches no layer" in caplog.text and "enc_1" in caplog.text
    tensors = read_tensors(tmp_path / "some")
    k = kinds(tensors)
    assert k["enc_1/kernel"] == metadata.WEIGHT_SURFACE
    assert k["enc_1"] == k["enc_drop"] == metadata.ACTIVATION_MAP
    for absent in ("enc_2/kernel", "head/kernel", "enc_2", "head"):
        assert absent not in tensors, absent
    flow = tensors["mlp/gradient_flow"]
    content = metadata.parse_plugin_metadata(flow[0][3].plugin_data.content)
    assert content["layers"] == ["enc_1"]
    assert [s for s, *_ in flow] == [1, 5, 10]
    # the selected layer's row is the one it has when every layer is watched
    everything = read_tensors(tmp_path / "all")["mlp/gradient_flow"]
    assert metadata.parse_plugin_metadata(everything[0][3].plugin_data.content)["layers"] == [
        "enc_1",
        "enc_2",
        "head",
    ]
    for (_, _, some, _), (_, _, all_rows, _) in zip(flow, everything):
        np.testing.assert_allclose(some[0], all_rows[0], rtol=1e-5)
    # the layer table still lists the whole model
    ((_, _, table, _),) = tensors["mlp/layers"]
    assert [json.loads(b)["name"] for b in table.ravel()] == ["enc_1", "enc_drop", "enc_2", "head"]


def test_default_probe_from_a_generator_and_no_frame_walking(digits, tmp_path):
    x, y = digits

    def batches():
        while True:
            for i in range(0, 320, 40):
                yield x[i : i + 40], y[i : i + 40]

    model = mlp(1)
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    callback = TbvizCallback(tmp_path, every=4, probe_size=16)
    model.fit(batches(), steps_per_epoch=8, epochs=2, verbose=0, callbacks=[callback])
    tensors = read_tensors(tmp_path)
    maps = tensors[model.layers[0].name]
    assert [s for s, *_ in maps] == [1, 4, 8, 12, 16]  # from the log after the first batch
    assert all(m.shape == (16, 32) for _, _, m, _ in maps)  # probe_size of its 40 samples
    hidden = keras.Model(model.inputs[0], model.layers[0].output)
    np.testing.assert_allclose(maps[-1][2], hidden(x[:16]), rtol=1e-5, atol=1e-6)
    # with labels, the default probe feeds the confusion matrix too
    assert all(c.sum() == 16 for _, _, c, _ in tensors["mlp/confusion_matrix"])
    # the train step is the model's own again after fit
    assert "train_step" not in vars(model)

    package = os.path.join(os.path.dirname(__file__), "..", "..", "tbviz_plugin")
    for root, _, files in os.walk(package):
        for f in files:
            if f.endswith(".py"):
                with open(os.path.join(root, f)) as source:
                    text = source.read()
                assert "currentframe" not in text and "f_back" not in text, f


def test_a_train_step_that_updates_weights_by_hand_says_its_gradients_are_unseen(
    digits, tmp_path, caplog
):
    """A custom ``train_step`` that never calls the optimiser: one warning says the
    gradients are not seen; the rows keep the weights' norms and update ratios, and
    the probe still comes from the first batch (the train step's own branch)."""
    import tensorflow as tf

    x, y = digits

    class ByHand(keras.Sequential):
        def train_step(self, data):
            xb, yb = data
            with tf.GradientTape() as tape:
                loss = self.compute_loss(x=xb, y=yb, y_pred=self(xb, training=True))
            for v, g in zip(
                self.trainable_variables, tape.gradient(loss, self.trainable_variables)
            ):
                v.assign_sub(0.1 * g)
            return {"loss": loss}

    keras.utils.set_random_seed(0)
    model = ByHand([keras.Input((64,)), keras.layers.Dense(16), keras.layers.Dense(10)])
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        model.fit(
            x[:320],
            y[:320],
            epochs=1,
            batch_size=32,
            shuffle=False,
            verbose=0,
            callbacks=[TbvizCallback(tmp_path, every=5)],
        )
    said = [
        r.getMessage() for r in caplog.records if "did not call the optimiser" in r.getMessage()
    ]
    assert len(said) == 1, caplog.text
    tensors = read_tensors(tmp_path)
    columns = list(common.FLOW_STATS)
    *_, table, _ = tensors[f"{model.name}/gradient_flow"][-1]
    assert np.all(np.isnan(table[:, columns.index("l2")]))  # no gradients: no picture of them
    assert np.all(table[:, columns.index("update_ratio")] > 0)
    first = model.layers[0].name
    tap = keras.Model(model.inputs[0], model.layers[0].output)
    assert [s for s, *_ in tensors[first]] == [1, 5, 10]
    # the first batch's samples, at the weights after the last step
    np.testing.assert_allclose(tensors[first][-1][2], tap(x[:32]), rtol=1e-5, atol=1e-6)


def test_default_probe_of_a_model_with_two_inputs(digits, tmp_path):
    x, y = digits
    left, right = keras.Input((32,), name="left"), keras.Input((32,), name="right")
    joined = keras.layers.Concatenate(name="join")([left, right])
    hidden = keras.layers.Dense(16, activation="relu", name="hidden")(joined)
    model = keras.Model({"left": left, "right": right}, keras.layers.Dense(10)(hidden))
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    inputs = {"left": x[:320, :32], "right": x[:320, 32:]}
    model.fit(
        inputs,
        y[:320],
        epochs=1,
        batch_size=32,
        verbose=0,
        shuffle=False,
        callbacks=[TbvizCallback(tmp_path, every=5)],
    )
    tensors = read_tensors(tmp_path)
    assert [s for s, *_ in tensors["hidden"]] == [1, 5, 10]
    tap = keras.Model(model.inputs, model.get_layer("hidden").output)
    expected = tap({"left": x[:32, :32], "right": x[:32, 32:]})
    np.testing.assert_allclose(tensors["hidden"][-1][2], expected, rtol=1e-5, atol=1e-6)
    assert [s for s, *_ in tensors[f"{model.name}/gradient_flow"]] == [1, 5, 10]


def test_probe_data_is_used_whole_for_predictions_and_probe_size_for_maps(digits, tmp_path):
    x, y = digits
    probe = (x[1000:1300], y[1000:1300])
    model = mlp(1)
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    callback = TbvizCallback(tmp_path, every=5, probe_data=probe, probe_size=48)
    model.fit(x[:320], y[:320], epochs=1, batch_size=32, verbose=0, callbacks=[callback])
    tensors = read_tensors(tmp_path)
    matrices = tensors["mlp/confusion_matrix"]
    assert [s for s, *_ in matrices] == [0, 5, 10]  # before the first update, every 5th
    assert all(c.sum() == 300 for _, _, c, _ in matrices)
    np.testing.assert_array_equal(matrices[-1][2].sum(axis=1), np.bincount(probe[1], minlength=10))
    predicted = np.argmax(model.predict(probe[0], verbose=0), axis=1)
    expected = np.histogram2d(probe[1], predicted, bins=10, range=[[0, 10], [0, 10]])[0]
    np.testing.assert_array_equal(matrices[-1][2], expected)
    maps = tensors[model.layers[0].name]
    assert all(m.shape == (48, 32) for _, _, m, _ in maps)
    hidden = keras.Model(model.inputs[0], model.layers[0].output)
    np.testing.assert_allclose(maps[-1][2], hidden(probe[0][:48]), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("kind", ["sequential", "subclassed"])
def test_a_wrong_shaped_probe_warns_once_and_training_goes_on(digits, tmp_path, caplog, kind):
    x, y = digits

    class Net(keras.Model):
        def __init__(self):
            super().__init__(name="mlp")
            self.hidden = keras.layers.Dense(16, activation="relu")
            self.out = keras.layers.Dense(10)

        def call(self, inputs):
            return self.out(self.hidden(inputs))

    model = mlp(1) if kind == "sequential" else Net()
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    callback = TbvizCallback(tmp_path, every=5, probe_data=(x[:100, :10], y[:100]))
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        history = model.fit(
            x[:320], y[:320], epochs=1, batch_size=32, verbose=0, callbacks=[callback]
        )
    assert len(history.history["loss"]) == 1  # training completed
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert "probe_data" in warning and "[100, 10] float32" in warning
    if kind == "sequential":
        assert "the model takes [None, 64] float32" in warning
    tensors = read_tensors(tmp_path)
    written = kinds(tensors)
    assert metadata.WEIGHT_SURFACE in written.values()
    # a subclassed model is built by its first batch: its first gradients come after it
    first = 1 if kind == "sequential" else 2
    assert [s for s, *_ in tensors["mlp/gradient_flow"]] == [first, 5, 10]
    assert "epoch_loss" in written
    assert metadata.ACTIVATION_MAP not in written.values()
    assert "mlp/confusion_matrix" not in tensors


@pytest.mark.parametrize("gradients", [True, False])
def test_the_last_step_is_logged_whatever_every(digits, tmp_path, gradients):
    callback = TbvizCallback(tmp_path, every=7, gradients=gradients)
    fit(digits, lambda: mlp(1), epochs=2, n_train=320, callback=callback)  # 2 x 10 batches
    tensors = read_tensors(tmp_path)
    kernel = next(t for t, kind in kinds(tensors).items() if kind == metadata.WEIGHT_SURFACE)
    steps = [s for s, *_ in tensors[kernel]]
    if gradients:  # the first batch is logged whole for its gradients at the initial weights
        assert steps == [1, 7, 14, 20]
        assert [s for s, *_ in tensors["mlp/gradient_flow"]] == [1, 7, 14, 20]
    else:
        assert steps == [0, 7, 14, 20]
        assert "mlp/gradient_flow" not in tensors
    assert callback.cadence.logged_steps == steps


def test_a_train_step_compiled_with_xla_trains_and_logs(digits, tmp_path, caplog):
    """``jit_compile=True`` (Keras' default on a GPU): the fit trains as it does without
    the callback and the gradient flow and surfaces are logged; without probe_data one
    warning says why there are no activation maps and names probe_data; with it they
    are recorded too."""
    x, y = digits

    def run(callback):
        keras.utils.set_random_seed(0)
        model = mlp(1)
        model.compile(
            keras.optimizers.SGD(0.1),
            keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            jit_compile=True,
        )
        history = model.fit(
            x[:320], y[:320], batch_size=32, epochs=1, verbose=0, callbacks=[callback]
        )
        return model, history.history["loss"][-1]

    _, plain = run(keras.callbacks.Callback())
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        model, logged = run(TbvizCallback(tmp_path / "auto", every=5))
    assert logged == pytest.approx(plain, rel=1e-5)
    assert caplog.text.count("jit_compile=True") == 1 and "probe_data=(x, y)" in caplog.text
    tensors = read_tensors(tmp_path / "auto")
    assert [s for s, *_ in tensors["mlp/gradient_flow"]] == [1, 5, 10]
    assert [s for s, *_ in tensors[f"{model.layers[0].name}/kernel"]] == [1, 5, 10]
    assert model.layers[0].name not in tensors  # no probe batch: no activation map

    model, _ = run(TbvizCallback(tmp_path / "probe", every=5, probe_data=(x[:64], y[:64])))
    tensors = read_tensors(tmp_path / "probe")
    assert [s for s, *_ in tensors[model.layers[0].name]] == [0, 5, 10]
    assert [s for s, *_ in tensors["mlp/gradient_flow"]] == [1, 5, 10]


def test_a_log_that_fails_never_stops_the_fit(digits, tmp_path, monkeypatch, caplog):
    """An error inside a log (here the gradient sums) is said once with its traceback;
    the fit goes on and trains as without the callback (to float32 round-off, as
    with gradient flow on: the train graph has an extra reader of the gradients)."""
    from tbviz_plugin.integrations import host_reduce

    monkeypatch.delenv("TBVIZ_RAISE_LOG_ERRORS")

    def broken(*args, **kwargs):
        raise RuntimeError("a reduction that breaks")

    monkeypatch.setattr(host_reduce, "layer_rows", broken)
    callback = TbvizCallback(tmp_path, every=5)
    with caplog.at_level(logging.WARNING, logger="tbviz"):
        _, watched = fit(digits, lambda: mlp(1), callback=callback, epochs=1)
    _, plain = fit(digits, lambda: mlp(1), epochs=1)
    np.testing.assert_allclose(watched.history["loss"], plain.history["loss"], rtol=1e-6)
    said = [r for r in caplog.records if "failed; training goes on" in r.getMessage()]
    assert len(said) == 1 and "a reduction that breaks" in said[0].getMessage()
    assert callback.recorder.failed
