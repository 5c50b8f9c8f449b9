"""Framework integrations: ``integrations.keras.TbvizCallback``, ``integrations.torch.watch``,
``integrations.lightning.TbvizCallback``, ``integrations.transformers.TbvizCallback`` and
``integrations.jax.watch``.

Import the submodule you need; this package imports no framework.
docs/integrations.md has quick starts, the cadence and the overhead notes.
"""
