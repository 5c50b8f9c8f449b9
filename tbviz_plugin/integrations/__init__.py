"""Framework integrations: ``integrations.keras.TbvizCallback``, ``integrations.torch.watch``,
``integrations.lightning.TbvizCallback`` and ``integrations.transformers.TbvizCallback``.

Import the submodule you need; this package imports no framework.
docs/integrations.md has quick starts, the cadence and the overhead notes.
"""
