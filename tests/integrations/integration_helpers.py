"""Reading integration runs back the way TensorBoard and `tbviz inspect` see them.

A module of its own (not ``conftest``): with several conftest.py files in the
tree, ``from conftest import ...`` resolves to whichever was imported first.
"""

from tbviz_plugin import cli, metadata


def read_tensors(logdir):
    """{tag: [(step, wall_time, ndarray, SummaryMetadata)]} via TensorBoard's EventAccumulator."""
    from tensorboard.backend.event_processing import event_accumulator as ea
    from tensorboard.util import tensor_util

    acc = ea.EventAccumulator(str(logdir), size_guidance={ea.TENSORS: 0})
    acc.Reload()
    out = {}
    for tag in acc.Tags()["tensors"]:
        md = acc.SummaryMetadata(tag)
        out[tag] = [
            (e.step, e.wall_time, tensor_util.make_ndarray(e.tensor_proto), md)
            for e in acc.Tensors(tag)
        ]
    return out


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
