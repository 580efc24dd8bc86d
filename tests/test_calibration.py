"""Confidence calibration: isotonic step tables, their lookup, and the error measure."""

import json
from importlib.resources import files

from hypothesis import given
from hypothesis import strategies as st

from verify.judge.calibration import calibrate, expected_calibration_error, fit_steps, fit_tables, load_tables


def test_fit_steps_is_monotone_and_never_certain():
    pairs = [(0.2, False)] * 8 + [(0.2, True)] * 2 + [(0.5, True)] * 5 + [(0.5, False)] * 5 + [(0.9, True)] * 30
    steps = fit_steps(pairs)
    assert [upto for upto, _ in steps] == [0.2, 0.5, 0.9]
    assert [p for _, p in steps] == [round(3 / 12, 3), round(6 / 12, 3), round(31 / 32, 3)]


def test_fit_steps_pools_violators():
    # more right at 0.3 than at 0.6: the two pool into one step
    steps = fit_steps([(0.3, True)] * 4 + [(0.6, True), (0.6, False), (0.6, False)])
    assert steps == [(0.6, round(6 / 9, 3))]


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=60))
def test_fit_steps_is_monotone_for_any_data(pairs):
    probabilities = [p for _, p in fit_steps(pairs)]
    assert probabilities == sorted(probabilities)
    assert all(0 < p < 1 for p in probabilities)


def test_calibrate_prefers_the_kind_table_then_the_verdict_then_raw():
    tables = {"supported": [(0.5, 0.6), (1.0, 0.9)], "supported/quote": [(1.0, 0.8)]}
    assert calibrate("supported", "quote", 0.3, tables) == 0.8
    assert calibrate("supported", "quantity", 0.3, tables) == 0.6
    assert calibrate("supported", "quantity", 0.7, tables) == 0.9
    assert calibrate("conflicting", "quantity", 0.7, tables) == 0.7


def test_fit_tables_skips_thin_groups():
    cases = [("supported", "quantity", 0.8, True)] * 20 + [("supported", "quote", 0.8, False)] * 3
    tables = fit_tables(cases)
    assert set(tables) == {"supported", "supported/quantity"}


def test_expected_calibration_error():
    assert expected_calibration_error([(0.9, True)] * 9 + [(0.9, False)]) < 1e-9
    assert abs(expected_calibration_error([(0.9, False)] * 10) - 0.9) < 1e-9


def test_shipped_table_is_packaged_and_monotone():
    data = json.loads((files("verify.judge") / "calibration.json").read_text(encoding="utf-8"))
    assert data["cases"] >= 300 and data["held_out_ece"] < 0.1
    tables = load_tables()
    assert {"supported", "conflicting", "unverified"} <= set(tables)
    for steps in tables.values():
        assert [p for _, p in steps] == sorted(p for _, p in steps)
