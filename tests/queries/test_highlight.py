"""Role spans in a reporting sentence: whole words only, the words that named an actor first,
and what they were resolved to when they are not one of its names. Sentences written here."""

from __future__ import annotations

import pytest

from queries import highlight, segments

ROWS = [
    # (sentence, source names, source words, target names, target words, action,
    #  expected {role: (marked text, resolved_to)})
    (
        "Polish officials criticized the Russian delegation.",
        ["Poland"],
        None,
        ["Russia", "Moscow"],
        None,
        "criticized",
        {"target": ("Russian", None), "action": ("criticized", None)},
    ),
    (
        "She rejected the offer from the Russian envoy.",
        ["Anna Nowak", "Nowak"],
        "She",
        ["Russia"],
        "Russian envoy",
        "rejected the offer",
        {
            "source": ("She", "Anna Nowak"),
            "target": ("Russian envoy", "Russia"),
            "action": ("rejected the offer", None),
        },
    ),
    (  # positive control: the words are the actor's own name, nothing to explain
        "Anna Nowak rejected the offer from Russia.",
        ["Anna Nowak", "Nowak"],
        "Anna Nowak",
        ["Russia"],
        "Russia",
        "rejected",
        {"source": ("Anna Nowak", None), "target": ("Russia", None), "action": ("rejected", None)},
    ),
    (  # a short name never matches inside a word ("Iran" in "Iranians" is 4 letters)
        "Iranians protested while Iran talked.",
        ["Iran"],
        None,
        [],
        None,
        "talked",
        {"source": ("Iran", None), "action": ("talked", None)},
    ),
    (  # words the sentence does not hold: fall back to the names
        "Warsaw summoned the ambassador.",
        ["Poland", "Warsaw"],
        "the Polish side",
        [],
        None,
        "summoned",
        {"source": ("Warsaw", None), "action": ("summoned", None)},
    ),
]


@pytest.mark.parametrize(
    ("sentence", "src", "src_words", "tgt", "tgt_words", "action", "expected"), ROWS
)
def test_highlights(sentence, src, src_words, tgt, tgt_words, action, expected):
    spans = highlight(sentence, src, tgt, action, src_words, tgt_words)
    got = {h["role"]: (sentence[h["start"] : h["end"]], h["resolved_to"]) for h in spans}
    assert got == expected
    for h in spans:  # every span starts and ends on a word boundary
        assert h["start"] == 0 or not sentence[h["start"] - 1].isalnum()
        assert h["end"] == len(sentence) or not sentence[h["end"]].isalnum()


def test_segments_carry_the_resolution():
    sentence = "She rejected it."
    pieces = segments(sentence, highlight(sentence, ["Anna Nowak"], [], "rejected", "She"))
    assert pieces == [
        ("She", "source", "Anna Nowak"),
        (" ", None, None),
        ("rejected", "action", None),
        (" it.", None, None),
    ]
