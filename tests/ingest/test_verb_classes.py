"""The verb-class table (ingest/data/verb_classes.tsv) is loaded and checked once; a bad row
names the file and line."""

from __future__ import annotations

import pytest

from ingest._extract import LIGHT, SPEECH, WANTING
from ingest._modality import COMMANDING
from ingest._verb_classes import (
    CLASSES,
    TABLE,
    VerbClassError,
    parse_verb_classes,
    verb_class,
    verb_classes,
)


def test_the_shipped_table_loads_with_every_class():
    classes = verb_classes()
    assert set(classes) == CLASSES
    assert all(classes.values())
    assert "want" in verb_class("wanting")
    assert "order" in verb_class("commanding")


def test_the_coder_names_read_the_table():
    assert WANTING is verb_class("wanting")
    assert LIGHT is verb_class("light")
    assert SPEECH is verb_class("speech")
    assert COMMANDING is verb_class("commanding")


def _table(*rows: str) -> str:
    """A complete table (one row per class) with `rows` appended from line 3 on."""
    filler = "".join(f"{c}\tzzfiller\n" for c in sorted(CLASSES))
    return "# header\nclass\tlemma\n" + "".join(r + "\n" for r in rows) + filler


def test_a_well_formed_table_parses():
    parsed = parse_verb_classes(_table("wanting\tcrave"), "vc-test.tsv")
    assert parsed["wanting"] == frozenset(["crave", "zzfiller"])


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("wantin\tcrave", "unknown class 'wantin'"),
        ("wanting\t", "empty lemma in class 'wanting'"),
        ("wanting\t  ", "empty lemma"),
        ("wanting crave", "expected 2 tab-separated columns, got 1"),
        ("wanting\tcrave\textra", "expected 2 tab-separated columns, got 3"),
    ],
)
def test_bad_rows_name_the_file_and_line(row, problem):
    with pytest.raises(VerbClassError, match=rf"vc-test\.tsv:3: {problem}"):
        parse_verb_classes(_table(row), "vc-test.tsv")


def test_a_duplicate_row_names_both_lines():
    with pytest.raises(VerbClassError, match=r"vc-test\.tsv:4: duplicate row .*first on line 3"):
        parse_verb_classes(_table("wanting\tcrave", "wanting\tcrave"), "vc-test.tsv")


def test_a_class_without_rows_is_an_error():
    text = "".join(f"{c}\tx\n" for c in sorted(CLASSES) if c != "light")
    with pytest.raises(VerbClassError, match=rf"{TABLE}: no rows for class\(es\) light"):
        parse_verb_classes(text)


def test_an_unknown_class_name_in_code_is_an_error():
    with pytest.raises(VerbClassError, match="no class 'wantng'"):
        verb_class("wantng")
