"""Sample graph for the RDF tests: awkward on purpose (quotes, newlines, accents, no target,
a moded event, an IGO actor, an actor without country, an article without URL)."""

from __future__ import annotations

import pytest

from kg.model import Actor, Article, Event, GraphBatch, Report

BASE = "https://kg.test/id/"


def _event(src: Actor, tgt: Actor | None, code: str, date: str, reports, **kw) -> Event:
    return Event.coded(
        src.id,
        tgt.id if tgt else None,
        code,
        date,
        action_text=kw.pop("action_text", "did"),
        confidence=kw.pop("confidence", 0.8),
        mode=kw.pop("mode", None),
        reports=tuple(reports),
    )


def sample_batch() -> GraphBatch:
    trump = Actor.create("Donald Trump", "USA", "person", ("Trump", "President Trump"))
    sheinbaum = Actor.create("Claudia Sheinbaum", "MEX", "person", ("Sheinbaum",))
    usa = Actor.create("United States", "USA", "country")
    nsc = Actor.create("National Security Council", "USA", "government")
    un = Actor.create("United Nations", "IGO", "igo", ("UN",))
    rebels = Actor.create('Rebels "del Sur"', None, "group")
    text = 'Trump offered troops.\nSheinbaum rejected the offer, saying "no".\tÉ ok'
    a1 = Article(
        Article.make_id("https://www.devdiscourse.com/x?a=1&b=2", text),
        "https://www.devdiscourse.com/x?a=1&b=2",
        "Diplomatic Tensions: Trump's Offer",
        "Devdiscourse",
        "2025-05-05T06:42:00+05:30",
        "abc123",
        text,
    )
    a2 = Article(Article.make_id(None, "pasted text"), None, None, None, None, "")
    r1 = Report(a1.id, "Trump offered troops.", 0, 21)
    # the words that named the actors as written (a pronoun for Sheinbaum, an object pronoun)
    r2 = Report(a1.id, 'Sheinbaum rejected the offer, saying "no".\tÉ ok', 22, 70, "She", "him")
    r3 = Report(a2.id, "The UN called for calm\nin the region.", 5, 42, "The UN")
    events = [
        _event(trump, sheinbaum, "0331", "2025-05-04", [r1], action_text="offered troops"),
        _event(sheinbaum, trump, "125", "2025-05-04", [r2, r3], action_text="rejected"),
        _event(un, None, "010", "2025-05-06", [r3], confidence=0.55),
        _event(nsc, sheinbaum, "1011", "2025-05-06", [r3], mode="future"),
        _event(rebels, usa, "173", "2025-06-01", [r3], confidence=1.0),
    ]
    return GraphBatch(
        articles=[a1, a2], actors=[trump, sheinbaum, usa, nsc, un, rebels], events=events
    )


@pytest.fixture
def filled_store(store):
    store.upsert(sample_batch())
    return store
