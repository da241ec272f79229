"""`kg extract --format table` and the README's copy of its output."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cli.ingest_cmd import TABLE_HEADER, table_lines

REPO = Path(__file__).resolve().parents[1]


def _record(src: tuple[str, str | None, str], tgt: tuple[str, str | None, str] | None,
            cameo: str, text: str, mode: str | None = None) -> dict[str, Any]:  # fmt: skip
    def actor(a: tuple[str, str | None, str] | None) -> dict[str, Any] | None:
        return None if a is None else {"name": a[0], "country": a[1], "kind": a[2]}

    return {
        "date": "2024-02-03",
        "source": actor(src),
        "target": actor(tgt),
        "action": {"text": text, "cameo": cameo},
        "mode": mode,
    }


def test_table_has_a_header_kinds_action_words_and_aligned_columns() -> None:
    lines = table_lines(
        [
            _record(
                ("Oslo Forum", None, "organization"), ("Chile", "CHL", "country"), "042", "met"
            ),
            _record(("Ruritania", "RUR", "country"), None, "010", "stated", mode="hypothetical"),
        ]
    )
    assert lines[0].split() == list(TABLE_HEADER)
    assert "Oslo Forum (-, organization)" in lines[1] and "Chile (CHL, country)" in lines[1]
    assert lines[1].endswith("042    met")
    assert lines[2].endswith("010    stated [hypothetical]")
    assert "  -  " in lines[2]  # no target
    starts = [lines[0].index(h) for h in TABLE_HEADER]
    for line in lines[1:]:  # every cell starts under its header, after a two-space gap
        for start in starts[1:]:
            assert line[start - 2 : start] == "  " and line[start] != " ", (line, start)


def test_empty_table_is_the_header() -> None:
    assert [line.split() for line in table_lines([])] == [list(TABLE_HEADER)]


def test_readme_table_is_what_the_command_prints_for_the_seed_page() -> None:
    """The README's block is exactly what `kg extract PAGE --format table` prints for the seed
    page today (its prose promises those events), so it cannot drift from the extractor."""
    from ingest.pipeline import extract_paths
    from tests.conftest import SEED_PAGE

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"`kg extract PAGE --format table` prints:\n\n```\n(.*?)```", readme, re.S)
    assert block, "README lost its kg extract table"
    (result,) = list(extract_paths([SEED_PAGE]))
    assert len(result.records) >= 6  # the founding example's events
    assert block.group(1).rstrip("\n").split("\n") == table_lines(result.records)
