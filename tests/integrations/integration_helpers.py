"""Reading integration runs back the way TensorBoard and `tbviz inspect` see them.

A module of its own (not ``conftest``): with several conftest.py files in the
tree, ``from conftest import ...`` resolves to whichever was imported first.
"""

from event_reading import read_tensors  # noqa: F401  (re-exported for the tests)

from tbviz_plugin import cli, metadata


def has_graph(logdir):
    """True when TensorBoard's Graphs dashboard finds a graph in the run."""
    from tensorboard.backend.event_processing import event_accumulator as ea

    acc = ea.EventAccumulator(str(logdir))
    acc.Reload()
    return bool(acc.Tags()["graph"])


def kinds(tensors):
    """{tag: tbviz kind, or the plugin name of a standard summary ("scalars", "text")}."""
    out = {}
    for tag, rows in tensors.items():
        md = rows[0][3]
        if md.plugin_data.plugin_name == metadata.PLUGIN_NAME:
            out[tag] = metadata.parse_plugin_metadata(md.plugin_data.content)["kind"]
        else:
            out[tag] = md.plugin_data.plugin_name
    return out


KERAS_MLP_SCALARS = (
    "epoch_loss",
    "epoch_val_loss",
    "epoch_accuracy",
    "epoch_learning_rate",
    "batch_loss",
    "learning_rate",
    "system/step_time_ms",
)


def assert_keras_mlp_kinds(k):
    """The three-layer digits MLP "mlp", fitted with a validation set, recorded every part:
    surfaces and maps per layer, gradient flow, layer table and the Keras scalars."""
    for layer in ("dense", "dense_1", "dense_2"):
        assert k[f"{layer}/kernel"] == k[f"{layer}/bias"] == metadata.WEIGHT_SURFACE
        assert k[layer] == metadata.ACTIVATION_MAP
    assert k["mlp/gradient_flow"] == metadata.GRADIENT_FLOW
    assert k["mlp/layers"] == metadata.LAYER_TABLE
    for scalar in KERAS_MLP_SCALARS:
        assert k[scalar] == "scalars", scalar


def health(logdir):
    """What `tbviz inspect --json` shows for the run: stored and read-time events."""
    report = cli.inspect_logdir(str(logdir))
    (run,) = report["runs"].values()
    return run["health"]
