"""Runs every extraction case in tests/ingest/cases/ (see extraction_cases.py for the format)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from extraction_cases import Case, load_cases, problems  # noqa: E402

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}:{c.id}" for c in CASES])
def test_extraction_case(case: Case) -> None:
    assert not problems(case), "\n".join([case.text, *problems(case)])


def test_every_empty_case_names_a_positive_control_in_its_file() -> None:
    by_key = {(c.file, c.id): c for c in CASES}
    for case in CASES:
        if case.events:
            continue
        control = by_key.get((case.file, case.control or ""))
        assert control is not None, f"{case.file}:{case.id} codes nothing and names no control"
        assert control.events, f"{case.file}:{case.id}'s control {case.control} is empty too"


def test_an_extractor_that_codes_nothing_fails_every_phenomenon_file() -> None:
    """The cases can fail: with nothing coded, each file has a case (its controls) that breaks."""
    silent = lambda doc, resolver: []  # noqa: E731
    files = {c.file for c in CASES}
    failing = {c.file for c in CASES if problems(c, silent)}
    assert files and failing == files, f"files that pass with nothing coded: {files - failing}"


def test_a_sentence_coder_that_codes_nothing_fails_every_case_that_expects_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The real pipeline with its coder silenced: only the `events: []` rows may still pass."""
    from ingest._extract import SentenceCoder

    monkeypatch.setattr(SentenceCoder, "sentence", lambda self, sent: [])
    passing = [c for c in CASES if not problems(c)]
    assert [f"{c.file}:{c.id}" for c in passing if c.events] == []
    assert len(passing) == sum(1 for c in CASES if not c.events)
