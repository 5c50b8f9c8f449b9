"""PyTorch: ``watch(model, log_dir)`` records weights, activations, gradient flow and health.

Example::

    from tbviz_plugin.integrations.torch import watch

    handle = watch(model, "logs/run1")      # a step is each optimizer.step()
    for x, y in loader:
        opt.zero_grad(); loss_fn(model(x), y).backward(); opt.step()
    handle.log_epoch(epoch, loss=train_loss, val_loss=val_loss)   # optional: curves
    handle.remove()                         # logs the last step, closes the file

Steps are the steps of the first optimizer that updates the model's parameters
(found by PyTorch's global optimizer hooks), so gradient accumulation counts
optimizer steps. ``optimizer=`` names the optimizer instead; a loop without one
calls ``handle.step()`` after each update.

What is recorded at each logged step (see ``every`` and docs/integrations.md):

* ``<module>/<param>`` weight surfaces of every parameter;
* ``<module>`` activation maps of every parameterised module's output on the
  probe batch (``probe_data=(x, y)``, else the first batch the model saw), run
  in eval mode without gradients;
* ``<model>/gradient_flow``: per-layer gradient statistics of ``.grad`` plus
  ``weight_l2`` and ``update_ratio``, layers in forward order;
* ``<model>/health``: events from ``tbviz_plugin.diagnose`` (once per problem);
* scalars: ``learning_rate``, ``batch_loss`` (when ``step(loss=...)``),
  ``system/*`` resource use (``system/gpu_memory_mb`` on CUDA).

No hook stays on the model during training: the layers' outputs are read by
hooks that exist only while the probe batch runs, at a logged step. Statistics
are reduced on the tensors' device; everything a logged step needs leaves the
device in one ``.cpu()`` per device.

The modules: ``handle`` (``watch`` and ``WatchHandle``: the steps, and what a logged
step writes), ``steps`` (the optimizer whose steps count, the running loss),
``layers`` (the model's layers, their names and order), ``probe`` (the probe batch
and its forward pass), ``reduction`` (statistics and surfaces on the device).
"""

# WatchHandle(model, log_dir, Options(...)): the options class, importable beside it.
from tbviz_plugin.integrations.options import Options  # noqa: F401
from tbviz_plugin.integrations.torch.handle import WatchHandle, watch
from tbviz_plugin.integrations.torch.layers import unwrap
from tbviz_plugin.integrations.torch.steps import RunningLoss

__all__ = ["watch", "WatchHandle", "RunningLoss", "unwrap"]
