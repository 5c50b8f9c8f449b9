"""tbviz: see inside neural-network training in TensorBoard.

Light to import: nothing heavy is loaded until used, and neither TensorFlow
nor PyTorch is ever imported by tbviz itself. TensorBoard imports
``tbviz_plugin.plugin`` through this package, so a broken optional piece here
can never stop TensorBoard from starting.

Example:
    >>> import numpy as np, tempfile
    >>> import tbviz_plugin as tbviz
    >>> with tbviz.Writer(tempfile.mkdtemp()) as w:
    ...     w.gradient_flow("model/gradient_flow",
    ...                     {"dense": np.ones((4, 3)), "dense_1": np.ones(3)}, step=0)
"""

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> (module, attribute or None for the module itself). A module
# must not share its name with a function here: importing it would replace
# the function on the package (hence attach() lives in `attached`).
_EXPORTS = {
    "Writer": ("tbviz_plugin.writer", "Writer"),
    "WriterClosedError": ("tbviz_plugin.writer", "WriterClosedError"),
    "WriterIOError": ("tbviz_plugin.writer", "WriterIOError"),
    "attach": ("tbviz_plugin.attached", "attach"),
    "metadata": ("tbviz_plugin.metadata", None),
    "summary": ("tbviz_plugin.summary", None),
    "tf_summary": ("tbviz_plugin.tf_summary", None),
    "diagnose": ("tbviz_plugin.diagnose", None),
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'tbviz_plugin' has no attribute {name!r}")
    module_name, attribute = _EXPORTS[name]
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list:
    return __all__
