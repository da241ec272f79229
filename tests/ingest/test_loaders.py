"""Loading articles from files, folders, batches, feeds and URLs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ingest import Document, LoadError, load_documents, resolve_relative
from tests.conftest import SEED_PAGE

IST = timezone(timedelta(hours=5, minutes=30))


def test_seed_page_loads_clean_with_its_dateline() -> None:
    (doc,) = list(load_documents([SEED_PAGE]))
    assert isinstance(doc, Document)
    assert doc.source == str(SEED_PAGE)
    assert doc.title == "Diplomatic Tensions: Trump's Offer to Combat Mexican Cartels"
    assert doc.outlet == "Devdiscourse"
    assert doc.published == datetime(2025, 5, 5, 6, 42, tzinfo=IST)
    assert doc.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert resolve_relative("on Sunday", doc.published) == date(2025, 5, 4)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("In a bold move, U.S. President Donald Trump confirmed")
    assert paragraphs[-1] == (
        "Tensions remain as the leaders continue discussions on security, immigration, and trade."
    )
    assert len(paragraphs) == 8
    article = doc.to_article()
    assert article.id == doc.id
    assert article.published == "2025-05-05T06:42:00+05:30"


def test_missing_file_is_an_error_and_the_rest_still_load(tmp_path) -> None:
    missing = tmp_path / "nope.txt"
    items = list(load_documents([missing, SEED_PAGE]))
    assert isinstance(items[0], LoadError)
    assert str(missing) in str(items[0]) and "not found" in str(items[0])
    assert isinstance(items[1], Document)
