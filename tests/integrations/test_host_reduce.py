"""A gradient-flow row summed with numpy on the host (Keras on TensorFlow's CPU,
JAX on CPU): split over two threads, it is the row summed on one."""

import threading

import numpy as np

from tbviz_plugin.integrations import common, host_reduce


def test_a_row_split_over_two_threads_is_the_row_summed_on_one(monkeypatch):
    rng = np.random.default_rng(0)
    shapes = [(64, 32), (300,), (16, 16, 3), (7,), (128, 40)]
    layers = []
    for i, shape in enumerate(shapes):
        grads = [rng.standard_normal(shape).astype(np.float32)]
        if i == 2:
            grads[0][0, 0, 0] = np.nan  # the exact form, on whichever thread
        weights = [rng.standard_normal(shape).astype(np.float32)]
        prev = [weights[0] - 0.01 * rng.standard_normal(shape).astype(np.float32)]
        layers.append((None if i == 3 else grads, weights, prev))

    flow, sums = host_reduce.layer_rows(layers)  # small: on the calling thread only

    threads = set()
    partials = host_reduce.partials

    def noting(grads):
        threads.add(threading.current_thread().name)
        return partials(grads)

    monkeypatch.setattr(host_reduce, "partials", noting)
    monkeypatch.setattr(host_reduce, "PARALLEL_MIN_ELEMENTS", 0)
    split_flow, split_sums = host_reduce.layer_rows(layers)

    assert len(threads) == 2  # the caller and the helper each summed a half
    np.testing.assert_array_equal(split_flow, flow)
    np.testing.assert_array_equal(split_sums, sums)
    for i, (grads, weights, prev) in enumerate(layers):
        expected = partials(grads) if grads else common.NO_GRADIENT
        np.testing.assert_array_equal(flow[i], expected)
        np.testing.assert_array_equal(sums[i], host_reduce.weight_sums(weights, prev))
    assert flow[2, common.Partial.NAN] == 1 and flow[3, common.Partial.SIZE] == 0  # no gradient
