import pytest
from hypothesis import given, strategies as st

from sitrep.extract.numbers import find_numbers, parse_int


@pytest.mark.parametrize(
    "text,reading,qualifier",
    [
        ("at least 140 people dead", (140, None), "at least"),
        ("twenty-five killed", (25, 25), None),
        ("between 10 and 15 soldiers", (10, 15), "between"),
        ("10 to 15 people", (10, 15), "between"),
        ("two or three people", (2, 3), "between"),
        ("more than 20 were killed", (20, None), "more than"),
        ("up to 30 people", (0, 30), "up to"),
        ("a dozen people", (12, 12), None),
        ("two dozen people", (24, 24), None),
        ("dozens of people", (12, None), "dozens"),
        ("hundreds of people", (100, None), "hundreds"),
        ("1,200 people", (1200, 1200), None),
        ("nearly 40 people", (40, 40), "nearly"),
        ("some 30 people", (30, 30), "about"),
        ("one hundred and twenty people", (120, 120), None),
        ("less than 10 people", (0, 9), "less than"),
    ],
)
def test_number_readings(text, reading, qualifier):
    n = find_numbers(text)[0]
    assert (n.min, n.max) == reading
    assert n.qualifier == qualifier


@pytest.mark.parametrize("text", ["a 5-year-old girl", "at 8:20 a.m.", "rose 5%"])
def test_not_counts(text):
    assert all(n.text not in ("5", "8", "20", "3.5") for n in find_numbers(text))


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_round_trip(value):
    assert parse_int(f"{value:,}") == value


@given(st.integers(min_value=1, max_value=99))
def test_words_round_trip(value):
    ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    if value < 10:
        word = ones[value]
    elif value < 20:
        word = teens[value - 10]
    else:
        word = tens[value // 10] + (f"-{ones[value % 10]}" if value % 10 else "")
    assert parse_int(word) == value


@given(st.text(max_size=300))
def test_never_crashes(text):
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert n.max is None or n.max >= n.min
