"""Framework integrations: ``integrations.keras.TbvizCallback`` and ``integrations.torch.watch``.

Import the submodule you need; this package imports neither TensorFlow nor PyTorch.
docs/integrations.md has quick starts, the cadence and the overhead notes.
"""
