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


def health(logdir):
    """What `tbviz inspect --json` shows for the run: stored and read-time events."""
    report = cli.inspect_logdir(str(logdir))
    (run,) = report["runs"].values()
    return run["health"]
