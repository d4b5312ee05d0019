"""Sentence splitting: where a news sentence ends, and where a mark inside it does not."""
from __future__ import annotations

import pytest

from sitrep.extract.sentences import split


@pytest.mark.parametrize("text,expected", [
    ("Gunmen attacked a checkpoint. Two soldiers were killed.", ["Gunmen attacked a checkpoint.", "Two soldiers were killed."]),
    ("Was it a bomb? Police said it was a gas leak!", ["Was it a bomb?", "Police said it was a gas leak!"]),
    # a lowercase word after the mark goes on the sentence: a name with a mark in it, an abbreviation
    ("Members of the party STREI! marched to the ministry on Monday.", ["Members of the party STREI! marched to the ministry on Monday."]),
    ("Yahoo! reported that two people were shot.", ["Yahoo! reported that two people were shot."]),
    ("Dr. Ahmed said 12 were wounded at 9 a.m. on Monday.", ["Dr. Ahmed said 12 were wounded at 9 a.m. on Monday."]),
    ("The blast came at dawn.\n\nResidents fled.", ["The blast came at dawn.", "Residents fled."]),
])
def test_split(text, expected):
    assert [s.text for s in split(text)] == expected
    assert all(text[s.start:s.end] == s.text for s in split(text))
