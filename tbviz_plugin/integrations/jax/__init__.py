"""JAX / Flax / optax: ``watch(log_dir)`` records weights, gradient flow and health of
any parameter pytree, from the user's own training loop.

Example::

    from tbviz_plugin.integrations.jax import watch

    w = watch("logs/run1")                      # or a tbviz.Writer
    for x, y in batches:
        loss, grads = jax.value_and_grad(loss_fn)(params, x, y)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        w.step(params=params, grads=grads, loss=loss)   # after the update
    w.close()                                   # logs the last step, closes the file

``with watch("logs/run1") as w: ...`` does the same, ``close()`` included.

Parameters are any pytree: Flax linen ``variables["params"]`` (or the whole
``variables``), an nnx ``State`` (``nnx.state(model, nnx.Param)``), plain dicts
and lists. A layer is the pytree path above its leaves (``Dense_0`` for
``Dense_0/kernel``; an nnx ``Variable``'s ``.value`` is left out of the path),
in the pytree's order with dicts in insertion order (Flax linen: the order the
modules were created). Leaves that are not floating point (step counters) are
not weights.

What is recorded at each logged step (see ``every`` and docs/integrations.md):

* ``<layer>/<param>`` weight surfaces, max-abs pooled on the device;
* ``<name>/gradient_flow``: per-layer statistics of ``grads`` plus ``weight_l2``
  and ``update_ratio`` against the last logged params;
* ``<name>/health``: events from ``tbviz_plugin.diagnose`` (once per problem);
* ``<layer>`` activation maps and predictions on ``probe_data``, only with an
  ``apply_fn`` (JAX has no module to hook): activation maps for a Flax linen
  ``model.apply`` (its ``capture_intermediates``), predictions for any
  ``apply_fn(params, x) -> scores``;
* scalars: ``batch_loss``, ``learning_rate``, ``batch_<metric>`` (given to
  ``step``), ``system/*`` resource use.

Arrays on the CPU are reduced with numpy, in place in their buffers (nothing to
compile); arrays on an accelerator by one jitted ``jax.numpy`` function on their
device, and everything a logged step writes comes to the host in one
``jax.device_get``. Nothing is done with the arrays at the steps not logged.

The modules: ``handle`` (``watch`` and ``JaxWatch``), ``tree`` (a parameter pytree's
layers and names), ``forward`` (``apply_fn`` and its captured module outputs),
``reduction`` (the statistics and pooled surfaces, on the device or the host).
"""

from tbviz_plugin.integrations.jax.handle import JaxWatch, watch

__all__ = ["watch", "JaxWatch"]
