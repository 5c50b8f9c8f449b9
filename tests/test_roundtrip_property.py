"""Property: any array written reads back identically, or with the documented reduction."""

import tempfile

import numpy as np
from event_reading import read_tensors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import tbviz_plugin as tbviz
from tbviz_plugin import reduce

DTYPES = st.sampled_from(
    [np.float32, np.float64, np.float16, np.int32, np.int64, np.uint8, np.bool_]
)


@st.composite
def arrays(draw):
    dtype = draw(DTYPES)
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=12))
    elements = None
    if np.dtype(dtype).kind == "f":
        elements = st.floats(
            allow_nan=True, allow_infinity=True, width=np.dtype(dtype).itemsize * 8
        )
    return draw(hnp.arrays(dtype, shape, elements=elements))


def _expected_surface(a, grid):
    with np.errstate(over="ignore"):
        a = a.astype(np.float32)
    if a.ndim == 1:
        m = a.reshape(1, -1)
    elif a.ndim == 2:
        m = a
    else:
        m = a.reshape(-1, a.shape[-1])
    return reduce.pool_max_abs(m, grid)[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    array=arrays(),
    grid=st.tuples(st.integers(1, 16), st.integers(1, 16)),
    step=st.integers(0, 2**62),
)
def test_weight_surface_round_trips(array, grid, step):
    with tempfile.TemporaryDirectory() as d:
        with tbviz.Writer(d) as w:
            w.weight_surface("w", array, step, max_grid=grid)
        ((got_step, _, got, _),) = read_tensors(d)["w"]
    assert got_step == step
    expected = _expected_surface(array, grid)
    assert got.shape == expected.shape and got.shape[0] <= grid[0] and got.shape[1] <= grid[1]
    np.testing.assert_array_equal(got, expected)  # NaN compare equal to NaN here
    # The reduction never loses the largest magnitude (or a NaN).
    with np.errstate(over="ignore"):  # float64 beyond float32's range is stored as Inf
        flat = np.abs(array.astype(np.float32))
    if np.isnan(flat).any():
        assert np.isnan(got).any()
    else:
        assert np.nanmax(np.abs(got)) == flat.max()


@settings(max_examples=30, deadline=None)
@given(
    array=hnp.arrays(
        np.float32,
        hnp.array_shapes(min_dims=2, max_dims=2, max_side=20),
        elements=st.floats(width=32, allow_nan=True, allow_infinity=True),
    )
)
def test_gradient_flow_counts_every_nan_and_inf(array):
    with tempfile.TemporaryDirectory() as d:
        with tbviz.Writer(d) as w:
            w.gradient_flow("g", {"layer": array}, 0)
        ((_, _, got, _),) = read_tensors(d)["g"]
    assert got[0, 4] == np.isnan(array).sum() and got[0, 5] == np.isinf(array).sum()
