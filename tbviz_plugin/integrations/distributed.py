"""Multi-worker training: who writes, and gradient flow reduced across workers.

Data-parallel training (``torch.nn.parallel.DistributedDataParallel``,
``tf.distribute`` mirrored strategies) keeps one copy of the model per worker
and averages the gradients, so after the framework's own all-reduce every
worker holds the gradient of the *global* batch. tbviz then:

* ``distributed="auto"`` (default) / ``"chief"``: only the chief (rank 0, or
  the TF chief) writes; every worker computes the gradient-flow partial sums
  (``common.PARTIALS``) over its own *slice* of each layer's gradient, and the
  slices are combined with the framework's collectives (``all_reduce`` SUM for
  sums and counts, MAX for ``max_abs``; ``sumsq_scaled`` is rescaled to the
  global maximum first). The result is exactly the statistics of the global
  gradient, the work split over the workers, NaN/Inf counted once per element.
  Non-chief workers write nothing (a ``NullWriter``) but take part in every
  collective, so all workers must log the same steps: with ``every=None`` the
  chief's decision is broadcast each step (one tiny collective); pass
  ``every=N`` to avoid it.
* ``distributed="per_worker"``: every worker writes its own run
  ``<log_dir>/worker_<rank>`` with its own statistics, no collective.
* ``distributed="off"``: as in a single process.

Example::

    dist.init_process_group("gloo")
    ddp = DistributedDataParallel(model)
    handle = watch(ddp.module, "logs/run", optimizer=opt, every=10)  # rank 0 writes

Nothing here imports torch or TensorFlow at module level.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Optional, Sequence

import numpy as np

from tbviz_plugin import summary
from tbviz_plugin.integrations import common
from tbviz_plugin.integrations.common import Partial
from tbviz_plugin.integrations.options import check_distributed
from tbviz_plugin.writer.methods import SummaryMethods


class NullWriter(SummaryMethods):
    """A writer for non-chief workers: validates like ``Writer`` and drops everything."""

    logdir = None
    closed = False

    def _emit(self, prepared: summary.Prepared, step: int, wall_time: float) -> None:
        pass

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


def worker_log_dir(log_dir: Any, rank: int) -> str:
    """``<log_dir>/worker_<rank>`` for a local path or an fsspec URL."""
    if not isinstance(log_dir, (str, os.PathLike)):
        raise TypeError(
            "distributed='per_worker' needs a log directory (each worker opens "
            f"<log_dir>/worker_<rank>), got {type(log_dir).__name__}"
        )
    return os.fspath(log_dir).rstrip("/") + f"/worker_{rank}"


def combine_partials(stacked: np.ndarray) -> np.ndarray:
    """``[workers, layers, PARTIALS]`` slice sums -> ``[layers, PARTIALS]`` of the whole.

    Sums and counts add; ``max_abs`` is the maximum; each ``sumsq_scaled``
    (scaled by its own slice's max) is rescaled to the global max before adding.

    Example:
        >>> a = np.array([[[3.0, 2.0, 1.25, 2, 0, 2, 0]]])  # slice [2, 1]
        >>> b = np.array([[[4.0, 4.0, 1.0, 1, 0, 1, 0]]])   # slice [4]
        >>> combine_partials(np.concatenate([a, b]))[0].tolist()
        [7.0, 4.0, 1.3125, 3.0, 0.0, 3.0, 0.0]
    """
    p = np.nan_to_num(np.asarray(stacked, dtype=np.float64), nan=0.0, neginf=0.0)
    top = p[:, :, Partial.MAX_ABS].max(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(top > 0, p[:, :, Partial.MAX_ABS] / top, 0.0)
    out = p.sum(axis=0)
    out[:, Partial.MAX_ABS] = top
    out[:, Partial.SUMSQ_SCALED] = (p[:, :, Partial.SUMSQ_SCALED] * ratio**2).sum(axis=0)
    return out


def _no_gradient_rows(partials: np.ndarray) -> np.ndarray:
    """Rows of a layer without gradient (size 0) back to NaN, as single-process tables have."""
    out = np.array(partials, dtype=np.float64)
    empty = out[:, Partial.SIZE] == 0
    out[empty] = np.nan
    out[empty, Partial.SIZE] = 0
    return out


def _slice_bounds(n: int, index: int, count: int) -> tuple:
    return n * index // count, n * (index + 1) // count


# --------------------------------------------------------------------------- PyTorch


class TorchDistributed:
    """``torch.distributed`` process group as seen by ``watch``.

    Args:
      mode: one of ``options.DISTRIBUTED_MODES``.
    """

    def __init__(self, mode: str = "auto") -> None:
        import torch.distributed as dist

        self.mode = check_distributed(mode)
        self.active = mode != "off" and dist.is_available() and dist.is_initialized()
        self.rank = dist.get_rank() if self.active else 0
        self.world_size = dist.get_world_size() if self.active else 1
        # Reduce only when there is someone to reduce with.
        self.reduces = self.active and self.world_size > 1 and mode in ("auto", "chief")
        self.writes = not self.reduces or self.rank == 0

    def open_writer(self, log_dir_or_writer: Any) -> tuple:
        """``(writer, owned)`` for this worker (see ``common.open_writer``)."""
        if self.active and self.mode == "per_worker":
            return common.open_writer(worker_log_dir(log_dir_or_writer, self.rank))
        if not self.writes:
            return NullWriter(), True
        return common.open_writer(log_dir_or_writer)

    def local_partials(self, grads: Sequence[Any], partials: Callable[..., Any]) -> Any:
        """The PARTIALS of this worker's slice of one layer's (replicated) gradient."""
        import torch

        g = torch.cat([t.detach().reshape(-1).float() for t in grads])
        lo, hi = _slice_bounds(g.numel(), self.rank, self.world_size)
        if hi == lo:
            return torch.zeros(len(common.PARTIALS), device=g.device)
        return partials([g[lo:hi]], exact=True)

    def reduce_partials(self, partials: np.ndarray) -> np.ndarray:
        """``[layers, PARTIALS]`` of this worker's slices -> of the whole job (collective)."""
        import torch
        import torch.distributed as dist

        device = _collective_device(dist)
        p = torch.as_tensor(
            np.nan_to_num(np.asarray(partials, np.float64), nan=0.0, neginf=0.0), device=device
        )
        top = p[:, Partial.MAX_ABS].clone()
        dist.all_reduce(top, op=dist.ReduceOp.MAX)
        ratio = torch.where(top > 0, p[:, Partial.MAX_ABS] / torch.where(top > 0, top, 1.0), 0.0)
        p[:, Partial.SUMSQ_SCALED] = p[:, Partial.SUMSQ_SCALED] * ratio**2
        dist.all_reduce(p, op=dist.ReduceOp.SUM)
        p[:, Partial.MAX_ABS] = top
        return _no_gradient_rows(p.cpu().numpy())

    def agree(self, due: bool) -> bool:
        """The chief's logging decision, on every worker (a broadcast; only when reducing)."""
        if not self.reduces:
            return due
        import torch
        import torch.distributed as dist

        flag = torch.tensor([1 if due else 0], device=_collective_device(dist))
        dist.broadcast(flag, src=0)
        return bool(flag.item())

    def wrap_cadence(self, cadence: common.Cadence) -> common.Cadence:
        """Makes ``cadence.due`` agree across workers when the governor decides by time."""
        if self.reduces and cadence.every is None:
            decide = cadence.due
            cadence.due = lambda step, previous=None: self.agree(decide(step, previous))
        return cadence


def _collective_device(dist: Any) -> Any:
    import torch

    if dist.get_backend() == "nccl":
        return torch.device("cuda", torch.cuda.current_device())
    return torch.device("cpu")


# --------------------------------------------------------------------------- TensorFlow


class TFDistributed:
    """A ``tf.distribute`` strategy as seen by ``TbvizCallback``.

    Every replica gets the whole (small) probe batch and takes its part; each computes the
    gradient of its part, the replicas all-reduce them (weighted by their
    sample counts, so the sum is the global batch's mean-loss gradient), each
    takes the PARTIALS of its slice of every variable, and ``all_gather``
    combines them (TF's ``ReduceOp`` has no MAX).

    Args:
      strategy: the model's ``tf.distribute.Strategy``.
      mode: one of ``options.DISTRIBUTED_MODES``.
    """

    def __init__(self, strategy: Any, mode: str = "auto") -> None:
        self.mode = check_distributed(mode)
        self.strategy = strategy
        replicas = int(getattr(strategy, "num_replicas_in_sync", 1))
        resolver = getattr(strategy, "cluster_resolver", None)
        task_type = getattr(resolver, "task_type", None)
        self.rank = int(getattr(resolver, "task_id", None) or 0)
        cluster = _tf_cluster(resolver)
        self.workers = max(1, len(cluster.get("chief", [])) + len(cluster.get("worker", [])))
        # TF's convention: the "chief" task, or worker 0 when the cluster has none.
        self.is_chief = task_type in (None, "chief") or (
            task_type == "worker" and self.rank == 0 and not cluster.get("chief")
        )
        self.active = mode != "off" and replicas > 1
        self.reduces = self.active and mode in ("auto", "chief")
        multi_worker = self.active and self.workers > 1
        self.writes = not multi_worker or mode == "per_worker" or self.is_chief

    def open_writer(self, log_dir_or_writer: Any) -> tuple:
        if self.active and self.mode == "per_worker" and self.workers > 1:
            return common.open_writer(worker_log_dir(log_dir_or_writer, self.rank))
        if not self.writes:
            return NullWriter(), True
        return common.open_writer(log_dir_or_writer)

    def check_cadence(self, every: Optional[int]) -> None:
        if self.reduces and self.workers > 1 and every is None:
            raise ValueError(
                "TbvizCallback with a multi-worker strategy needs every=N: the probe's "
                "collectives run on every worker at the same batches"
            )

    def build_probe_partials(
        self,
        model: Any,
        loss_fn: Any,
        variables: Sequence[Any],
        owners: Sequence[int],
        n_layers: int,
        layer_partials: Callable[..., Any],
    ) -> Callable[[Any, Any], np.ndarray]:
        """A function ``(x, y) -> [layers, PARTIALS]`` of the whole probe batch's gradient."""
        import tensorflow as tf

        strategy = self.strategy
        replicas = strategy.num_replicas_in_sync

        def replica_fn(x_all, y_all):
            ctx = tf.distribute.get_replica_context()
            # Every replica gets the whole (small) probe batch and takes its part.
            n = tf.shape(x_all)[0]
            index = ctx.replica_id_in_sync_group
            lo, hi = n * index // replicas, n * (index + 1) // replicas
            x, y = x_all[lo:hi], y_all[lo:hi]
            n_total = tf.cast(n, tf.float32)
            with tf.GradientTape() as tape:
                loss, is_mean = _unscaled_loss(loss_fn, y, model(x, training=False))
            grads = tape.gradient(loss, list(variables))
            # A mean over the local samples weighs by their share; a sum adds up as it is.
            weight = tf.cast(tf.shape(x)[0], tf.float32) / n_total if is_mean else 1.0
            grads = [None if g is None else tf.convert_to_tensor(g) * weight for g in grads]
            present = [g for g in grads if g is not None]
            summed = iter(ctx.all_reduce(tf.distribute.ReduceOp.SUM, present))
            grads = [None if g is None else next(summed) for g in grads]
            sliced = []
            for g in grads:
                if g is None:
                    sliced.append(None)
                    continue
                flat = tf.reshape(g, [-1])
                n = tf.size(flat)
                sliced.append(flat[n * index // replicas : n * (index + 1) // replicas])
            partials = layer_partials(tf, sliced, list(owners), n_layers)
            return ctx.all_gather(partials[None], axis=0)

        @tf.function(autograph=False)  # no Python control flow on tensors; see probes
        def run(x, y):
            gathered = strategy.run(replica_fn, args=(x, y))
            return strategy.experimental_local_results(gathered)[0]

        def probe_partials(x, y) -> np.ndarray:
            stacked = np.asarray(run(tf.convert_to_tensor(x), tf.convert_to_tensor(y)))
            return _no_gradient_rows(combine_partials(stacked))

        return probe_partials


def _unscaled_loss(loss_fn: Any, y: Any, y_pred: Any) -> tuple:
    """``(loss, is_mean)`` of one replica's samples, as the single-device probe computes it.

    A Keras ``Loss`` called inside a replica divides by the number of replicas
    (``scale_loss_for_distribution``); its ``call`` gives the per-sample values
    unscaled, reduced here as its ``reduction`` says. A plain loss function's
    per-sample values are summed by the gradient tape, as on one device.
    """
    import keras
    import tensorflow as tf

    if isinstance(loss_fn, keras.losses.Loss):
        values = tf.cast(loss_fn.call(y, y_pred), tf.float32)
        if loss_fn.reduction in (None, "none", "sum"):
            return tf.reduce_sum(values), False
        return tf.reduce_mean(values), True
    value = loss_fn(y, y_pred)
    return value, value.shape.rank == 0


def _tf_cluster(resolver: Any) -> dict:
    """The cluster spec as ``{task_type: [addresses]}``; empty for one process."""
    if resolver is None:
        return {}
    try:
        return dict(resolver.cluster_spec().as_dict())
    except Exception:  # a resolver without a cluster (single-process strategies)
        return {}
