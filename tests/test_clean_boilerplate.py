import pytest

from sitrep.clean import clean
from conftest import SEED


def test_caption_removed_and_sentence_rejoined():
    text, _ = clean(SEED.read_text("utf-8"))
    assert "file photo" not in text.lower()
    assert "the firm control of regime forces" in text


@pytest.mark.parametrize(
    "line",
    ["file photo", "Photo: Reuters", "(AP Photo/Hussein Malla)", "Read more: Syria's war", "Share this article", "By Jane Smith", "Advertisement"],
)
def test_boilerplate_lines(line):
    text, _ = clean(f"Gunmen attacked a checkpoint in the city on Monday.\n{line}\nFive soldiers were killed.")
    assert line not in text
    assert "Five soldiers were killed." in text


def test_sentence_lines_are_kept():
    body = "He died today.\nBy Sunday the toll had risen to 12."
    assert clean(body)[0] == body


def test_dateline_kept_as_metadata():
    text, dateline = clean("KABUL, Afghanistan (Nov. 20, 2011)\nA coalition security force detained numerous suspected insurgents.")
    assert dateline == "KABUL, Afghanistan (Nov. 20, 2011)"
    assert text.startswith("A coalition")


def test_repeated_paragraph_collapsed():
    para = "US Secretary of State John Kerry said a provisional agreement has been reached with Russia on a truce."
    text, _ = clean(f"{para}\n{para}\nOther news.")
    assert text.count("provisional agreement") == 1
