import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from tbviz_plugin import reduce


def test_single_spike_survives_pooling_with_its_sign():
    a = np.random.default_rng(0).normal(0, 0.01, (1000, 700)).astype(np.float32)
    a[123, 456] = -50.0
    pooled, block = reduce.pool_max_abs(a, (256, 256))
    assert pooled.shape == (250, 234) and block == (4, 3)
    assert pooled.min() == -50.0
    assert np.unravel_index(np.argmin(pooled), pooled.shape) == (123 // 4, 456 // 3)


def test_nan_and_inf_win_their_block():
    a = np.ones((8, 8), np.float32)
    a[0, 0] = np.nan
    a[7, 7] = -np.inf
    pooled, _ = reduce.pool_max_abs(a, (2, 2))
    assert np.isnan(pooled[0, 0]) and pooled[1, 1] == -np.inf and pooled[0, 1] == 1


def test_small_array_is_not_pooled():
    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    pooled, block = reduce.pool_max_abs(a, (256, 256))
    assert block == (1, 1) and pooled is a


def test_pooling_applies_to_last_two_axes_of_a_stack():
    a = np.zeros((3, 10, 10), np.float32)
    a[2, 9, 9] = 7
    pooled, _ = reduce.pool_max_abs(a, (5, 5))
    assert pooled.shape == (3, 5, 5) and pooled[2, 4, 4] == 7 and pooled[:2].max() == 0


def test_layer_stats_count_nan_inf_and_use_finite_values_for_magnitudes():
    s = reduce.layer_stats(np.array([3.0, -4.0, 0.0, np.nan, np.inf]))
    assert s["nan_count"] == 1 and s["inf_count"] == 1
    assert s["l2"] == pytest.approx(5.0) and s["max_abs"] == 4.0
    assert s["mean_abs"] == pytest.approx(7 / 3) and s["rms"] == pytest.approx(5 / math.sqrt(3))
    assert s["zero_frac"] == pytest.approx(1 / 5)


def test_layer_stats_of_all_nan_are_nan_not_a_crash():
    s = reduce.layer_stats(np.full(4, np.nan))
    assert s["nan_count"] == 4 and math.isnan(s["l2"])


def test_update_ratio():
    s = reduce.weight_stats(np.array([3.0, 4.0]) * 1.1, np.array([3.0, 4.0]))
    assert s["weight_l2"] == pytest.approx(5.5) and s["update_ratio"] == pytest.approx(0.1)
    assert math.isnan(reduce.weight_stats(np.ones(2), None)["update_ratio"])


@pytest.mark.parametrize("value", [np.array(["a", "b"]), np.array([1 + 2j]), [object()], {"a": 1}])
def test_non_numeric_arrays_are_type_errors_naming_the_argument(value):
    with pytest.raises(TypeError, match="grads"):
        reduce.as_numpy(value, "grads")


def test_check_array_copies_so_the_caller_may_mutate():
    a = np.ones((2, 2), np.float32)
    b = reduce.check_array(a, "array", (2,))
    a[0, 0] = 5
    assert b[0, 0] == 1 and b.dtype == np.float32


@pytest.mark.parametrize("grid", [(0, 4), (2.5, 3), "ab", None, (1,)])
def test_bad_grid(grid):
    with pytest.raises((TypeError, ValueError), match="max_grid"):
        reduce.check_grid(grid)


def _pool_reference(a, grid):
    """``pool_max_abs`` spelled out: per block, NaN if any, else the largest
    magnitude, +x when x and -x tie; ragged blocks padded with zeros."""
    rows, cols = a.shape[-2:]
    br, bc = max(1, math.ceil(rows / grid[0])), max(1, math.ceil(cols / grid[1]))
    out = np.zeros(a.shape[:-2] + (math.ceil(rows / br), math.ceil(cols / bc)), a.dtype)
    for index in np.ndindex(out.shape):
        *lead, i, j = index
        block = [
            float(x) for x in a[tuple(lead)][i * br : (i + 1) * br, j * bc : (j + 1) * bc].flat
        ]
        block += [0.0] * (br * bc - len(block))
        if any(math.isnan(x) for x in block):
            out[index] = math.nan
        else:
            largest = max(abs(x) for x in block)
            out[index] = largest if largest in block else -largest
    return out


_SPECIAL = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, math.inf, -math.inf, math.nan]


@st.composite
def _pool_inputs(draw):
    dtype = draw(st.sampled_from([np.float32, np.float64, np.int32]))
    if dtype is np.int32:  # small values, so that x and -x often tie
        elements = st.integers(-3, 3)
    else:
        elements = st.one_of(st.sampled_from(_SPECIAL), st.floats(-1e6, 1e6, width=32))
    shape = draw(hnp.array_shapes(min_dims=2, max_dims=3, min_side=1, max_side=14))
    return draw(hnp.arrays(dtype, shape, elements=elements))


@settings(max_examples=200, deadline=None)
@given(
    array=_pool_inputs(),
    grid=st.tuples(st.integers(1, 6), st.integers(1, 6)),
    transposed=st.booleans(),
)
def test_pool_max_abs_matches_the_reference(array, grid, transposed):
    """Ties (x, -x), NaN, ±Inf, zeros, ragged blocks, integers, stacks and
    column-major input all pool as the spelled-out definition says."""
    if transposed:
        array = array.swapaxes(-1, -2)
    pooled, block = reduce.pool_max_abs(array, grid)
    expected = _pool_reference(array, grid)
    assert pooled.dtype == array.dtype and pooled.shape == expected.shape
    assert pooled.shape[-2] <= grid[0] and pooled.shape[-1] <= grid[1]
    np.testing.assert_array_equal(pooled, expected)
    if block != (1, 1):  # a new array, never a view of the input
        assert not np.shares_memory(pooled, array)


def test_pool_max_abs_ties_keep_the_positive_value_and_inf_beats_minus_inf():
    a = np.array([[-2, 2, -np.inf, np.inf], [1, 0, 0, -1]], np.float32)
    assert reduce.pool_max_abs(a, (1, 2))[0].tolist() == [[2.0, np.inf]]
