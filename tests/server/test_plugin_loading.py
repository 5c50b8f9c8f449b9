"""Loading the plugin can never stop TensorBoard from starting."""

import argparse
import subprocess
import sys
import textwrap

from tensorboard.plugins import base_plugin

from tbviz_plugin import plugin


class _BrokenContext:
    data_provider = object()

    @property
    def sampling_hints(self):
        raise RuntimeError("boom")


def test_a_failing_load_returns_none_instead_of_raising(caplog):
    assert plugin.TbvizLoader().load(_BrokenContext()) is None
    assert "failed to load" in caplog.text


def test_no_data_provider_means_no_tab():
    assert plugin.TbvizLoader().load(base_plugin.TBContext(data_provider=None)) is None


def test_fix_flags_sets_a_useful_sample_count_unless_the_user_chose_one():
    flags = argparse.Namespace(samples_per_plugin={})
    plugin.TbvizLoader().fix_flags(flags)
    assert flags.samples_per_plugin == {"tbviz": plugin.DEFAULT_SAMPLES}
    flags = argparse.Namespace(samples_per_plugin={"tbviz": 0})
    plugin.TbvizLoader().fix_flags(flags)
    assert flags.samples_per_plugin == {"tbviz": 0}


def test_plugin_module_imports_without_the_writers_dependencies():
    code = textwrap.dedent(
        """
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("crc32c", "fsspec", "tensorflow", "torch"):
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        import tbviz_plugin.plugin as p
        print(p.TbvizLoader.__name__)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "TbvizLoader"


def test_entry_point_is_registered_for_tensorboard():
    from importlib import metadata

    (entry,) = [e for e in metadata.entry_points(group="tensorboard_plugins") if e.name == "tbviz"]
    assert entry.load() is plugin.TbvizLoader
