"""The verb lexicon: well-formed, covering every CAMEO root, specific entries winning."""

from __future__ import annotations

import pytest

from ingest._lexicon import LexiconError, lexicon, parse_table
from kg.codebook import codebook, roots


def test_every_cameo_root_is_covered():
    assert lexicon().roots() >= set(roots())
    assert len(roots()) == 20


def test_every_code_is_in_the_codebook():
    book = codebook()
    assert all(e.code in book for e in lexicon().entries())


@pytest.mark.parametrize(
    ("lemma", "particles", "bag", "code"),
    [
        ("agree", set(), {"meet": 1}, "036"),
        ("agree", set(), {"deal": 1}, "057"),
        ("agree", set(), {"ceasefire": 2}, "0871"),
        ("agree", set(), {}, "030"),
        ("call", {"on"}, {"talks": 2}, "026"),
        ("call", set(), {"crime": 1}, "111"),
        ("reject", set(), {"troops": 3}, "1212"),
        ("send", set(), {"aid": 1, "humanitarian": 2}, "073"),
        ("withdraw", set(), {"inspectors": 1}, "1662"),
        ("withdraw", set(), {"peacekeepers": 1}, "1661"),
        ("withdraw", set(), {"troops": 1}, "0874"),
        ("lift", set(), {"blockade": 1}, "0872"),
        ("ease", set(), {"curfew": 1}, "0813"),
        ("dispatch", set(), {"help": 1}, "070"),
        ("return", {"for"}, {"talks": 2}, "040"),
        ("return", set(), {}, "084"),
        ("expel", set(), {"diplomats": 1}, "161"),
        ("expel", set(), {"journalists": 1}, "174"),
        ("recognize", set(), {"victory": 1}, "080"),
        ("recognize", set(), {"independence": 1}, "054"),
        ("prevent", set(), {"demonstration": 1}, "172"),
        ("call", {"for"}, {"sanctions": 1}, "113"),
        ("force", {"out"}, {"refugees": 1}, "201"),
        ("force", {"out"}, {"envoy": 1}, "174"),
        ("expel", set(), {"villagers": 1}, "201"),
        ("enhance", set(), {"freedoms": 1}, "0811"),
        ("allow", set(), {"grain": 3}, "0863"),
    ],
)
def test_complements_decide_the_code(lemma, particles, bag, code):
    match = lexicon().lookup("V", lemma, particles, bag)
    assert match is not None and match.code == code


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("V\tagree\t-\t-", "expected 5 or 6"),
        ("X\tagree\t-\t-\t030", "pos must be V or N"),
        ("V\tagree\t-\t-\t999", "unknown CAMEO code"),
        ("V\tagree\t-\t-\t030\tsomewhere", "bad target"),
    ],
)
def test_bad_rows_name_the_file_and_line(row, problem):
    with pytest.raises(LexiconError, match=rf"verbs-test\.tsv:2: .*{problem}"):
        parse_table("# header\n" + row + "\n", "verbs-test.tsv")
