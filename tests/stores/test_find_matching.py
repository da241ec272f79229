"""Conformance of the two look-ups the exactly-once ingest relies on (ingest/_merge.py):
`find_matching_events` (the cross-article merge rule) and `find_article_by_hash`."""

from __future__ import annotations

from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores import MatchRequest, Store

MEX = Actor.create("Mexican government", "MEX", "government")
USA = Actor.create("United States government", "USA", "government")
UN = Actor.create("United Nations", "IGO", "igo")
ART = Article("a-1", "https://example.org/1", "t", "example.org", None, "hash-1")


def ev(src: Actor, tgt: Actor | None, cameo: str, date: str, mode: str | None = None) -> Event:
    return Event(
        id=Event.make_id(src.id, tgt.id if tgt else None, cameo + (mode or ""), date),
        source_id=src.id,
        target_id=tgt.id if tgt else None,
        date=date,
        cameo=cameo,
        root=cameo[:2],
        label="x",
        quad_class=1,
        goldstein=1.0,
        plover=None,
        action_text="x",
        confidence=0.5,
        mode=mode,
        reports=(Report(ART.id, "s", 0, 1),),
    )


def finder(store: Store):
    """One request at a time, through the batched look-up."""
    return lambda *args, **kw: store.find_matching_events([MatchRequest(*args, **kw)])[0]


def write(store: Store, *events: Event) -> None:
    store.upsert(GraphBatch(articles=[ART], actors=[MEX, USA, UN], events=list(events)))


def test_match_same_family_within_window(store: Store):
    e = ev(MEX, USA, "0311", "2025-05-04")
    write(store, e)
    find = finder(store)
    assert find(MEX.id, USA.id, "031", "2025-05-03", "2025-05-05") == e.id
    assert find(MEX.id, USA.id, "031", "2025-05-04", "2025-05-04") == e.id
    # other family, other day, other direction, other target, other mode: no match
    assert find(MEX.id, USA.id, "032", "2025-05-03", "2025-05-05") is None
    assert find(MEX.id, USA.id, "03", "2025-05-03", "2025-05-05") is None
    assert find(MEX.id, USA.id, "031", "2025-05-05", "2025-05-07") is None
    assert find(USA.id, MEX.id, "031", "2025-05-03", "2025-05-05") is None
    assert find(MEX.id, UN.id, "031", "2025-05-03", "2025-05-05") is None
    assert find(MEX.id, None, "031", "2025-05-03", "2025-05-05") is None
    assert find(MEX.id, USA.id, "031", "2025-05-03", "2025-05-05", mode="negated") is None


def test_two_digit_codes_match_only_their_root_code(store: Store):
    bare, detailed = ev(MEX, USA, "03", "2025-05-04"), ev(MEX, USA, "036", "2025-05-04")
    write(store, bare, detailed)
    assert finder(store)(MEX.id, USA.id, "03", "2025-05-04", "2025-05-04") == bare.id
    assert finder(store)(MEX.id, USA.id, "036", "2025-05-04", "2025-05-04") == detailed.id


def test_no_target_and_mode_match_their_own_kind(store: Store):
    plain, negated = ev(UN, None, "010", "2025-05-04"), ev(UN, None, "010", "2025-05-04", "negated")
    write(store, plain, negated)
    find = finder(store)
    assert find(UN.id, None, "010", "2025-05-04", "2025-05-04") == plain.id
    assert find(UN.id, None, "010", "2025-05-04", "2025-05-04", mode="negated") == negated.id
    assert find(UN.id, USA.id, "010", "2025-05-04", "2025-05-04") is None


def test_earliest_then_smallest_id_wins(store: Store):
    later, earlier = ev(MEX, USA, "0311", "2025-05-05"), ev(MEX, USA, "0312", "2025-05-04")
    write(store, later, earlier)
    assert finder(store)(MEX.id, USA.id, "031", "2025-05-03", "2025-05-06") == (earlier.id)


def test_repeat_with_earlier_date_moves_the_event_earlier(store: Store):
    e = ev(MEX, USA, "0311", "2025-05-05")
    write(store, e)
    store.upsert(GraphBatch(events=[Event(**{**e.__dict__, "date": "2025-05-04"})]))
    store.upsert(GraphBatch(events=[Event(**{**e.__dict__, "date": "2025-05-06"})]))
    assert store.get_event(e.id).date == "2025-05-04"


def test_find_article_by_hash(store: Store):
    write(store)
    assert store.find_article_by_hash("hash-1") == ART.id
    assert store.find_article_by_hash("other") is None
    assert store.find_article_by_hash("") is None


def test_batched_requests_answer_in_order(store: Store):
    a, b = ev(MEX, USA, "0311", "2025-05-04"), ev(USA, MEX, "042", "2025-05-10")
    write(store, a, b)
    got = store.find_matching_events(
        [
            MatchRequest(USA.id, MEX.id, "042", "2025-05-09", "2025-05-11"),
            MatchRequest(UN.id, None, "042", "2025-05-09", "2025-05-11"),
            MatchRequest(MEX.id, USA.id, "031", "2025-05-03", "2025-05-05"),
        ]
    )
    assert got == [b.id, None, a.id]
    assert store.find_matching_events([]) == []
