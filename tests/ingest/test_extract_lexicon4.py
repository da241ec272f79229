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


def test_mobilizing_lobby_groups_rallies_support_for_the_purposes_beneficiary():
    recs = asserted("Turkey mobilized lobby groups in Germany to help support Ukraine.")
    assert has(recs, "TUR", "UKR", "05") and "053" in codes(recs), recs
    assert "154" not in codes(recs) and not has(recs, "TUR", "DEU", "05"), recs


def test_mobilizing_troops_is_still_military_mobilization():
    recs = asserted("Turkey mobilized troops on the border with Iran.")
    assert "154" in codes(recs), recs
