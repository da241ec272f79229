"""ASCII folding (kg/fold.py) on the kinds of names our registry and news pages carry."""

from __future__ import annotations

import pytest

from kg.fold import ascii_fold
from queries._highlight import _folded
from queries._search import fold

ROWS = [
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),  # Turkish soft g
    ("Bayramlı", "Bayramli"),  # Turkish dotless i
    ("İzmir", "Izmir"),  # Turkish dotted capital I
    ("Andrés Manuel López Obrador", "Andres Manuel Lopez Obrador"),
    ("Łódź", "Lodz"),
    ("Søren Ærø", "Soren Aero"),
    ("Straße", "Strasse"),
    ("Nguyễn Xuân Phúc", "Nguyen Xuan Phuc"),  # stacked Vietnamese marks
    ("Đà Nẵng", "Da Nang"),
    ("Зеленский", "Zelenskiy"),  # Cyrillic is romanized
    ("Côte d’Ivoire", "Cote d'Ivoire"),  # typographic apostrophe
    ("São Tomé and Príncipe", "Sao Tome and Principe"),
    ("🔍 Search", " Search"),  # symbols fold to nothing, not to ':mag:'
    ("plain ASCII stays", "plain ASCII stays"),
]


@pytest.mark.parametrize(("written", "folded"), ROWS)
def test_ascii_fold(written: str, folded: str) -> None:
    assert ascii_fold(written) == folded


def test_search_words_fold_the_same_way() -> None:
    assert fold("López-Obrador, Erdoğan") == "lopez obrador erdogan"


def test_highlight_folding_keeps_offsets() -> None:
    name = "Erdoğan met Bayramlı"
    assert _folded(name) == "erdogan met bayramli"
    assert len(_folded("Straße")) == len("Straße")  # 'ß' -> 'ss' would shift offsets: kept
