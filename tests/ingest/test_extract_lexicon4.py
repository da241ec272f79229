"""Lexicon entries of the fourth grammar round, one sentence each, written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_extract_shapes import asserted, codes, has  # noqa: E402


def test_opposing_a_peacekeeping_deployment_refuses_international_involvement():
    recs = asserted("Turkey opposed the deployment of Russian peacekeepers in Syria.")
    assert has(recs, "TUR", "RUS", "12") and "1245" in codes(recs), recs


def test_opposing_without_a_deployment_stays_disapproval():
    recs = asserted("Turkey opposed the Russian position on Syria.")
    assert "1245" not in codes(recs), recs
