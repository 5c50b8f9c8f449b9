"""tbviz: see inside neural-network training in TensorBoard.

Light to import: neither TensorFlow nor PyTorch is imported here.

Example:
    >>> import numpy as np, tempfile
    >>> import tbviz_plugin as tbviz
    >>> with tbviz.Writer(tempfile.mkdtemp()) as w:
    ...     w.gradient_flow("model/gradient_flow",
    ...                     {"dense": np.ones((4, 3)), "dense_1": np.ones(3)}, step=0)
"""

from tbviz_plugin import metadata, summary
from tbviz_plugin.attach import attach
from tbviz_plugin.writer import Writer, WriterClosedError

__version__ = "0.1.0"

__all__ = ["Writer", "WriterClosedError", "attach", "metadata", "summary", "__version__"]
