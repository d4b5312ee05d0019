"""Near-repeated sentences (extract/reader.py ``_dedupe``): a syndicated or templated repeat is
dropped, but an update's sentence that gives another figure for the same count is a revision, and
stays for the tolls to reconcile. Sentences on the pattern of ISAF releases and their updates (CC BY-SA)."""
from sitrep.extract.reader import _dedupe
from sitrep.extract.sentences import split


def kept(text):
    return [s.text for s in _dedupe(split(text))]


def test_a_revised_count_in_a_near_repeat_is_kept():
    first = "Afghan and coalition forces killed more than 10 insurgents during an operation in Kandahar province Monday."
    update = "Afghan and coalition forces killed 15 insurgents during an operation in Kandahar province Monday."
    assert kept(f"{first} Two weapons caches were found. {update}") == [first, "Two weapons caches were found.", update]


def test_a_repeat_with_the_same_count_or_without_one_is_dropped():
    first = "Afghan and coalition forces killed 15 insurgents during an operation in Kandahar province on Monday."
    again = "Afghan and coalition forces killed 15 insurgents during an operation in Kandahar province Monday night."
    template = "The security force detained two suspected insurgents after searching a compound in Kandahar province on Monday."
    other_day = "The security force detained two suspected insurgents after searching a compound in Kandahar province on Tuesday."
    assert kept(f"{first} {again} {template} {other_day}") == [first, template]


def test_a_near_repeat_that_adds_a_count_of_another_kind_is_still_a_repeat():
    """A teaser list repeated with other dates, one teaser telling an old crime, is no revision."""
    first = "A man from central New York has been convicted in a court in Oswego more »» December 4, 2015 NEW YORK (AP)."
    teaser = "A man from central New York has been convicted of killing a girl in a court in Oswego more »» December 5, 2015 NEW YORK (AP)."
    assert kept(f"{first} {teaser}") == [first]
