"""The arithmetic of a measurement (medians, frequencies at the thresholds' edges) and the promise
that reading streams: memory does not grow with the file."""

from __future__ import annotations

import json
import tracemalloc
from collections import Counter
from fractions import Fraction

import pytest
from measure_exports import VIVA_ENGAGE_HEADER

from advisor.measure import measure_exports
from advisor.measure.figures import frequency, median, share
from advisor.measure.tally import PeriodTally
from advisor.measure.thresholds import thresholds


def test_median_from_a_histogram():
    assert median(Counter({5: 1})) == 5
    assert median(Counter({1: 1, 2: 1, 5: 1})) == 2  # 1, 2, 5
    assert median(Counter({1: 1, 4: 1, 10: 1, 25: 1})) == 7  # (4 + 10) / 2
    assert median(Counter({3: 2, 1: 1, 5: 1})) == 3  # 1, 3, 3, 5 -> (3 + 3) / 2
    assert median(Counter({1: 100, 1000: 100})) == Fraction(1001, 2)  # 100 ones, 100 thousands: (1 + 1000) / 2
    assert median(Counter({1: 100, 1000: 99})) == 1  # 199 people: the 100th is a one
    assert median(Counter({1: 99, 1000: 100})) == 1000


@pytest.mark.parametrize(
    "histogram, days, expected",
    [
        (Counter({20: 1}), 30, "daily"),  # 20 per 30 days: on the daily threshold
        (Counter({19: 1, 20: 1}), 30, "weekly"),  # median 19.5 < 20
        (Counter({4: 1}), 30, "weekly"),  # on the weekly threshold
        (Counter({1: 1}), 30, "monthly"),  # on the monthly threshold
        (Counter({1: 1}), 31, "less"),  # 1 day of 31 = 30/31 per 30 days, below 1
        (Counter({1: 1}), 90, "less"),  # 1 in 90 days = 1/3 per 30 days
        (Counter({14: 1}), 21, "daily"),  # 14 in 21 days = 14 * 30 / 21 = 20 per 30 days, exactly: daily
        (Counter({2: 1}), 15, "weekly"),  # 2 in 15 days = 4 per 30 days, exactly: weekly
    ],
)
def test_frequency_at_the_edges_is_exact(knowledge, histogram, days, expected):
    assert frequency(histogram, days, thresholds(knowledge)).value == expected


def test_shares_are_read_to_two_decimals():
    assert share(1, 3).value == 33.33
    assert share(2, 3).value == 66.67
    assert share(3, 6).value == 50 and isinstance(share(3, 6).value, int)
    assert share(1, 1000).value == 0.1


def test_the_histograms_hold_one_entry_per_distinct_count():
    tally = PeriodTally(likes_count_as_active=False)
    for person in range(100_000):
        tally.add(None, 0, person % 7, person % 50, 0)
    counts = tally.finish()
    assert counts.people == 100_000
    assert len(counts.active_counts) == 6 and len(counts.read_counts) == 49  # not 100,000 entries


def _viva_engage_file(path, rows: int):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(VIVA_ENGAGE_HEADER + "\r\n")
        for person in range(rows):
            handle.write(f"2024-05-31,{person:032X},{person:032X},Activated,,2024-05-30,{person % 9},{person % 31},{person % 3},E5,30\r\n")
    return path


def _graph_json_file(path, rows: int):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"@odata.context": "x", "value": [')
        for person in range(rows):
            item = {"reportRefreshDate": "2024-05-31", "userPrincipalName": f"{person:032X}", "userState": "active",
                    "postedCount": person % 9, "readCount": person % 31, "likedCount": person % 3, "reportPeriod": "30"}
            handle.write(("," if person else "") + json.dumps(item))
        handle.write("]}")
    return path


def _peak(path) -> int:
    tracemalloc.start()
    try:
        measure_exports([path])
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("write", [_viva_engage_file, _graph_json_file], ids=["csv", "graph-json"])
def test_memory_does_not_grow_with_the_file(tmp_path, write, knowledge, monkeypatch):
    # JSON is read CHUNK characters at a time: smaller chunks, so that both files take many
    monkeypatch.setattr("advisor.measure.sources.CHUNK", 1 << 14)
    measure_exports([write(tmp_path / "warm-up", 10)])  # load the knowledge and the modules first
    small = _peak(write(tmp_path / "small", 5_000))
    large = _peak(write(tmp_path / "large", 50_000))  # ten times the rows
    assert large - small < 256 * 1024, (small, large)


def _json_values():
    from hypothesis import strategies as st

    scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True), st.text(max_size=12))
    return st.one_of(scalars, st.lists(scalars, max_size=2), st.dictionaries(st.text(max_size=3), scalars, max_size=2))


def test_any_json_item_is_read_or_reported_never_a_crash():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from advisor.measure.formats import SLACK_NDJSON, VIVA_ENGAGE_JSON
    from advisor.measure.rows import BadRow, RowReader
    from advisor.measure.sources import Source

    readers = [
        RowReader(fmt, Source(path=None, name="x", container="graph-json", header=fmt.columns, records=iter(())))
        for fmt in (VIVA_ENGAGE_JSON, SLACK_NDJSON)
    ]
    keys = sorted({key for reader in readers for key in reader.fmt.columns})

    @settings(max_examples=300, deadline=None)
    @given(st.one_of(st.dictionaries(st.sampled_from(keys), _json_values()), _json_values()))
    def read(record):
        for reader in readers:
            try:
                reader.read(record)
            except BadRow:
                pass

    read()
