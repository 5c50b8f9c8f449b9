"""What the Keras callback puts into TensorFlow's train step: a copy of the
gradients on the batches it logs (``TrainingGradients``) and of the first
batch's first samples (``FirstBatch``). Both wrap a method on the instance
(the optimiser's ``apply``, the model's ``train_step``), change nothing the step
computes, and give the method back at ``remove()``.

Example::

    grads = TrainingGradients(model, layers, weight_sums)
    grads.arm(True)                      # the next train step copies its gradients
    model.fit(x, y, epochs=1)
    partials, sums = grads.read()
    grads.remove()
"""

from __future__ import annotations

import time
from typing import Any, Callable, List, Optional, Tuple

import keras
import numpy as np

from tbviz_plugin.integrations import common
from tbviz_plugin.integrations.keras.steps import InstanceWrap
from tbviz_plugin.integrations.keras.tf_reduce import (
    fast_sums,
    partials_from_sums,
    same_shape_groups,
    stack_tensors,
)


def in_branch(flag: Any, emit: Callable[[], None], when: bool = True) -> None:
    """Traces ``emit``'s ops (assigns) into a ``tf.cond`` branch that runs while the
    boolean variable ``flag`` is ``when``; the other branch does nothing. Neither is
    converted by AutoGraph: no Python control flow on tensors there, and
    converting (parsing the source) costs time in every fit's first step."""
    import tensorflow as tf

    @tf.autograph.experimental.do_not_convert
    def run() -> Any:
        emit()
        return tf.constant(True)

    @tf.autograph.experimental.do_not_convert
    def skip() -> Any:
        return tf.constant(False)

    if when:
        tf.cond(flag, run, skip)
    else:
        tf.cond(flag, skip, run)


class FirstBatch:
    """The probe without ``probe_data``: the first ``size`` samples of the first
    training batch, kept on the device by the train step and read on the host once.

    Wraps ``model.train_step`` on the instance (Keras' train function calls it
    while it is traced). The copy of the batch's first samples into device
    variables rides in the branch ``TrainingGradients`` takes on the steps it
    copies gradients (``claim``; the first step is one of them), so the train step
    holds one conditional branch, not two: each branch costs the first step a few
    tens of milliseconds to trace and optimise. A train step without that branch
    (no gradients copied, or an optimiser the step does not call) gets its own
    ``tf.cond`` on a "taken" flag, copying on the first step only. The samples
    are kept as bytes (``tf.bitcast``) with their shapes, so inputs of any dtype
    and nesting (a list or dict for a model with several inputs) fit variables
    made before the step is traced: a variable made while tracing would make
    TensorFlow trace the train step twice. Nothing the step computes reads them,
    so training is unchanged. It sees the batch Keras hands the step, whatever
    the data: arrays, a ``tf.data.Dataset`` or a generator. ``remove()`` gives
    the model its own ``train_step`` back.
    """

    def __init__(self, model: Any, size: int) -> None:
        import tensorflow as tf

        self.model = model
        self.size = size
        self.taken = tf.Variable(False, trainable=False, name="tbviz_probe_taken")
        unknown = tf.TensorShape(None)
        self._bytes = tf.Variable(
            tf.zeros([0], tf.uint8), shape=unknown, validate_shape=False, trainable=False
        )
        self._shapes = tf.Variable(
            tf.zeros([0], tf.int64), shape=unknown, validate_shape=False, trainable=False
        )
        # (structure of (x, y), each leaf's numpy dtype and rank or None), recorded
        # while the train step is traced.
        self._layout: Optional[Tuple[Any, List[Optional[Tuple[np.dtype, int]]]]] = None
        self._said_skipped = False
        # While a train step is traced: the copy of its batch, until a branch claims it.
        self._pending: Optional[Callable[[], None]] = None
        original = model.train_step

        def train_step(data: Any) -> Any:
            self._pending = self._copy_ops(data)
            try:
                result = original(data)
                copy = self.claim()
                if copy is not None:  # no gradient branch took it: a branch of its own
                    self._copy_once(copy)
                return result
            finally:
                self._pending = None

        self._wrap = InstanceWrap(model, "train_step", train_step)

    def claim(self) -> Optional[Callable[[], None]]:
        """While the train step is traced, what emits the copy of its batch's first
        samples, for the caller's conditional branch to run (then it is the
        caller's); None when there is none to take."""
        copy, self._pending = self._pending, None
        return copy

    def _copy_ops(self, data: Any) -> Optional[Callable[[], None]]:
        """What emits the copy of ``data``'s first samples into the variables (and
        sets "taken"); records their layout. None for a batch that cannot be kept."""
        import tensorflow as tf

        x, y, _ = keras.utils.unpack_x_y_sample_weight(data)
        leaves = tf.nest.flatten((x, y))
        kept = [t for t in leaves if t is not None]
        for t in kept:
            if not (isinstance(t, tf.Tensor) and t.shape.rank and t.dtype != tf.string):
                if not self._said_skipped:
                    self._said_skipped = True
                    common.logger.warning(
                        "tbviz callback: no probe batch: the training batch holds a %s, "
                        "which is not kept; pass probe_data=(x, y) to record activation "
                        "maps and predictions",
                        type(t).__name__,
                    )
                return None
        self._layout = (
            tf.nest.map_structure(lambda t: 0, (x, y)),
            [
                None if t is None else (np.dtype(t.dtype.as_numpy_dtype), t.shape.rank)
                for t in leaves
            ],
        )
        size, taken, data_var, shapes_var = self.size, self.taken, self._bytes, self._shapes

        def copy() -> None:
            first = [t[:size] for t in kept]
            as_bytes = [
                tf.reshape(
                    tf.bitcast(tf.cast(t, tf.uint8) if t.dtype == tf.bool else t, tf.uint8), [-1]
                )
                for t in first
            ]
            data_var.assign(tf.concat(as_bytes, 0), read_value=False)
            shapes_var.assign(
                tf.concat([tf.shape(t, out_type=tf.int64) for t in first], 0), read_value=False
            )
            taken.assign(True, read_value=False)

        return copy

    def _copy_once(self, copy: Callable[[], None]) -> None:
        """``copy`` in a branch of its own, taken while nothing was copied yet."""
        in_branch(self.taken, copy, when=False)

    def take(self) -> Optional[Tuple[Any, Any]]:
        """``(x, y)`` of the kept samples on the host, as the train step got them
        (nested alike): the last copied, the first batch's until a later armed step
        copies its own; None before a train step kept them."""
        import tensorflow as tf

        if self._layout is None or not bool(self.taken.numpy()):
            return None
        structure, leaves = self._layout
        data, shapes = self._bytes.numpy(), self._shapes.numpy()
        values, offset, dim = [], 0, 0
        for leaf in leaves:
            if leaf is None:
                values.append(None)
                continue
            dtype, rank = leaf
            shape = tuple(int(n) for n in shapes[dim : dim + rank])
            dim += rank
            n = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
            values.append(data[offset : offset + n].copy().view(dtype).reshape(shape))
            offset += n
        return tuple(tf.nest.pack_sequence_as(structure, values))

    def remove(self) -> None:
        self._wrap.restore()


class TrainingGradients:
    """The training step's own gradients, copied out on the steps the callback logs.

    Wraps ``model.optimizer.apply`` (which ``apply_gradients`` and Keras'
    ``train_step`` call inside the compiled train function): while ``armed``, a
    ``tf.cond`` copies the watched variables' gradients (dense, float32; with
    ``stacked``, stacked by shape as ``same_shape_groups`` groups the variables)
    into device variables, and ``first_batch``'s samples with them; otherwise it
    skips. Only copies are traced into the train step, so its first call stays
    cheap; ``read()`` reduces the copies after the step, on the device, to
    ``[layers, common.Partial]``, and ``host_gradients()`` gives numpy views of
    them. The gradients are not changed. ``remove()`` restores the optimiser.
    """

    def __init__(
        self,
        model: Any,
        layers: List[Any],
        weight_sums: Callable[[], Any],
        stacked: bool = True,
        first_batch: Optional[FirstBatch] = None,
    ) -> None:
        import tensorflow as tf

        self._weight_sums = weight_sums
        self._read_fn: Any = None  # traced at the first read
        self._read_seconds = 0.0
        # A LossScaleOptimizer hands its inner optimiser the unscaled gradients.
        self.optimizer = getattr(model.optimizer, "inner_optimizer", None) or model.optimizer
        watched = [v for layer in layers for v in layer.trainable_weights]
        # Stacked by shape for the traced reduction (the ops of one layer for a stack of
        # equal layers); one variable each for numpy, which reads each gradient anyway
        # and spares the train step the stack's extra copy.
        self._groups = same_shape_groups(watched) if stacked else [[i] for i in range(len(watched))]
        self._owners = [i for i, layer in enumerate(layers) for _ in layer.trainable_weights]
        self._n_layers = len(layers)
        # Whether each watched variable had a gradient when the step was traced.
        self._present = [False] * len(watched)
        self._armed = False
        self._trace_seconds = 0.0
        self.applied = False  # whether a train step called the optimiser's apply
        self.armed = tf.Variable(False, trainable=False, name="tbviz_armed")
        self.copied = tf.Variable(False, trainable=False, name="tbviz_copied")
        # A stack [k, *shape] per group; unstacked, each variable's own shape, so the
        # branch assigns the gradient as it is (an op more per variable costs the
        # first step's tracing about a millisecond).
        self._stacked = stacked
        self.copies = [
            tf.Variable(
                tf.zeros(
                    [len(g), *watched[g[0]].shape] if stacked else watched[g[0]].shape,
                    tf.float32,
                ),
                trainable=False,
                name="tbviz_gradients",
            )
            for g in self._groups
        ]
        index = {id(v): i for i, v in enumerate(watched)}
        original = self.optimizer.apply
        optimizer, armed, copied, copies = self.optimizer, self.armed, self.copied, self.copies

        def apply(grads: Any, trainable_variables: Any = None) -> Any:
            # Runs while the train function is traced (and eagerly, if it runs eagerly).
            self.applied = True
            grads = list(grads)
            if trainable_variables is None:
                variables = list(getattr(optimizer, "_trainable_variables", []))
            else:
                trainable_variables = list(trainable_variables)
                variables = trainable_variables
            found = {index[id(v)]: g for g, v in zip(grads, variables) if id(v) in index}
            found = {i: g for i, g in found.items() if g is not None}
            self._present = [i in found for i in range(len(watched))]

            def dense(i: int) -> Any:
                # With the variable's static shape (an embedding's IndexedSlices
                # converts to a tensor of unknown shape); a dense float32 gradient of
                # that shape as it is (each op in the branch costs the first step).
                if i not in found:
                    return tf.zeros(watched[i].shape, tf.float32)
                g = found[i]
                shape = tuple(watched[i].shape)
                if isinstance(g, tf.Tensor) and g.dtype == tf.float32 and g.shape == shape:
                    return g
                g = tf.reshape(tf.convert_to_tensor(g), shape)
                return tf.cast(g, tf.float32)

            # The first batch's copy, while the train step is traced with one.
            batch_copy = first_batch.claim() if first_batch is not None else None

            def copy() -> None:
                for members, target in zip(self._groups, copies):
                    if stacked:
                        value = stack_tensors(tf, [dense(i) for i in members])
                    else:
                        value = dense(members[0])
                    target.assign(value, read_value=False)
                copied.assign(True, read_value=False)
                if batch_copy is not None:
                    batch_copy()

            result = original(grads, trainable_variables)
            traced = time.perf_counter()
            in_branch(armed, copy)
            if not tf.executing_eagerly():
                self._trace_seconds += time.perf_counter() - traced
            return result

        self._wrap = InstanceWrap(optimizer, "apply", apply)

    def arm(self, on: bool) -> None:
        """Whether the next train step copies its gradients. An armed step starts
        "not copied", so a step that never reaches ``apply`` (a loss-scale optimiser
        skipping non-finite gradients) is not shown with stale gradients."""
        if on:
            self.copied.assign(False, read_value=False)
        if on != self._armed:  # a variable write per change, not per step
            self._armed = on
            self.armed.assign(on, read_value=False)

    def read(self) -> Tuple[np.ndarray, np.ndarray]:
        """``([layers, common.Partial], [layers, common.WeightSum])`` after an armed
        step: the sums of its gradients (``common.NO_GRADIENT`` rows when it copied
        none) and of the updated weights, reduced on the device by one traced
        function (traced at the first read: its ops then run without Python's
        dispatch) and brought to the host in one copy."""
        import tensorflow as tf

        if self._read_fn is None:
            started = time.perf_counter()

            def read() -> Any:
                parts = [tf.reshape(tf.cast(self.copied, tf.float32), [1])]
                parts.append(tf.reshape(fast_sums(tf, self._stacks()), [-1]))
                parts.append(tf.reshape(self._weight_sums(), [-1]))
                return tf.concat(parts, 0)

            self._read_fn = tf.function(read, autograph=False)
            self._read_fn.get_concrete_function()
            self._read_seconds += time.perf_counter() - started
        flat = self._read_fn().numpy().astype(np.float64)
        n_tensors = sum(len(g) for g in self._groups)
        fast = flat[1 : 1 + 4 * n_tensors].reshape(-1, 4)
        weight_sums = flat[1 + 4 * n_tensors :].reshape(self._n_layers, -1)
        if not flat[0]:
            return np.asarray([common.NO_GRADIENT] * self._n_layers), weight_sums
        owners = [self._owners[i] for g in self._groups for i in g]
        present = [self._present[i] for g in self._groups for i in g]
        partials = partials_from_sums(tf, fast, self._stacks(), owners, present, self._n_layers)
        return partials, weight_sums

    def _stacks(self) -> List[Any]:
        """The copies as stacks ``[k, *shape]`` (an unstacked copy as a stack of one)."""
        import tensorflow as tf

        return [c if self._stacked else tf.expand_dims(c, 0) for c in self.copies]

    def host_gradients(self) -> Optional[List[Optional[np.ndarray]]]:
        """After an armed step, each watched variable's gradient as a numpy view of
        the copies (TensorFlow on CPU: no transfer), None where it had none; None
        when the step copied no gradients."""
        if not bool(self.copied.numpy()):
            return None
        out: List[Optional[np.ndarray]] = [None] * len(self._present)
        for members, copy in zip(self._groups, self.copies):
            stack = np.asarray(copy.value())
            if not self._stacked:
                stack = stack[np.newaxis]
            for n, i in enumerate(members):
                if self._present[i]:
                    out[i] = stack[n]
        return out

    @property
    def armed_now(self) -> bool:
        """Whether the train step that ran last was armed."""
        return self._armed

    def take_read_seconds(self) -> float:
        """Seconds spent tracing ``read`` since the last call (a one-off cost)."""
        seconds, self._read_seconds = self._read_seconds, 0.0
        return seconds

    def take_trace_seconds(self) -> float:
        """Seconds spent building the gradient copy into traced train functions
        since the last call."""
        seconds, self._trace_seconds = self._trace_seconds, 0.0
        return seconds

    def remove(self) -> None:
        self.arm(False)
        self._wrap.restore()
