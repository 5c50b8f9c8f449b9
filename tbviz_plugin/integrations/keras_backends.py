"""Keras 3 on its JAX and PyTorch backends: ``TbvizCallback(...)`` returns a
``BackendCallback`` there (see ``integrations.keras``); kept importable here.

Example::

    import os; os.environ["KERAS_BACKEND"] = "jax"       # or "torch"
    from tbviz_plugin.integrations.keras import TbvizCallback

    model.fit(x, y, epochs=10, callbacks=[TbvizCallback("logs/run1")])
"""

from tbviz_plugin.integrations.keras.callback import BACKENDS, BackendCallback

__all__ = ["BACKENDS", "BackendCallback"]
