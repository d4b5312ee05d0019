"""Case-insensitive patterns matched against lower-cased text (extract/caseless.py): the same
matches as IGNORECASE, or IGNORECASE itself where the two would differ."""
import re

from sitrep.extract.caseless import Caseless, lowered, names_case
from sitrep.extract import events, reader


def test_a_pattern_that_names_a_capital_or_a_case_sensitive_group_is_matched_as_written():
    assert not names_case(r"(?<![\w-])(?:car[- ]bomb(?:s|ing)?|\bban\b)(?![\w-])")
    assert names_case(r"fell to(?= (?-i:[A-Z]))")
    assert names_case(r"[A-Z][a-z]+ province")
    assert names_case(r"\x41bu")  # an escape that can spell a capital
    assert not names_case(r"\W\S\D\B\\")  # escapes whose letter is upper case, a backslash


def test_spans_are_the_ignorecase_ones_and_index_the_original_text():
    sentence = "A CAR BOMB exploded near the Sayyida Zeinab shrine; a second car-bombing followed."
    pat = Caseless(r"(?<![\w-])(?:car[- ]bomb(?:s|ing)?)(?![\w-])")
    assert pat.lower is not None
    spans = list(pat.spans(sentence, lowered(sentence)))
    assert spans == [m.span() for m in re.finditer(pat.pattern, sentence, re.I)]
    assert [sentence[s:e] for s, e in spans] == ["CAR BOMB", "car-bombing"]


def test_a_text_whose_lower_case_moves_offsets_is_matched_under_ignorecase():
    sentence = "İstanbul: a car bomb killed two"  # "İ".lower() is two characters
    assert lowered(sentence) is None
    pat = Caseless(r"car bomb")
    assert [sentence[s:e] for s, e in pat.spans(sentence, lowered(sentence))] == ["car bomb"]


def test_triggers_and_the_sentence_filter_read_capitals_as_before():
    trig = events.find_triggers("GUNMEN STORMED the compound and Killed three guards.")
    assert {t.text for t in trig} >= {"Killed"}
    assert all(t.text == "GUNMEN STORMED the compound and Killed three guards."[t.start:t.end] for t in trig)
    assert reader._relevant("TWIN BOMBINGS IN HOMS")
    assert not reader._relevant("The weather in Homs was mild on Sunday.")
