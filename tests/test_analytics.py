"""networkx analytics on both backends: projection, measures, and the Gephi exports."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from cli.main import kg
from kg.analytics import (
    GraphFilter,
    annotate,
    collapse,
    communities,
    dyads,
    pagerank,
    project,
    read_graph,
    summary,
    write_graph,
)
from kg.codebook import lookup
from kg.model import Actor, Article, Event, GraphBatch, Report

ART = Article(Article.make_id("https://news.test/1", ""), "https://news.test/1", "t", "o", None)


def _event(src: Actor, tgt: Actor | None, code: str, day: int, **kw) -> Event:
    date = f"2025-05-{day:02d}"
    return Event.coded(
        src.id,
        tgt.id if tgt else None,
        code,
        date,
        action_text="x",
        confidence=kw.get("confidence", 0.9),
        mode=kw.get("mode"),
        reports=(Report(ART.id, f"sentence {code} {day}", day, day + 5),),
    )


TRUMP = Actor.create("Donald Trump", "USA", "person")
USA = Actor.create("United States", "USA", "country")
SHEINBAUM = Actor.create("Claudia Sheinbaum", "MEX", "person")
EBRARD = Actor.create("Marcelo Ebrard", "MEX", "person")
UN = Actor.create("United Nations", "IGO", "igo")
LONER = Actor.create("Somebody", None, "person")


def graph_batch(with_moded: bool = True) -> GraphBatch:
    events = [
        _event(TRUMP, SHEINBAUM, "0331", 4),  # q1 (intend to aid), +5.2
        _event(SHEINBAUM, TRUMP, "125", 4),  # q3, -5.0
        _event(SHEINBAUM, TRUMP, "036", 5),  # q1 express intent to meet
        _event(SHEINBAUM, EBRARD, "042", 6),  # domestic visit
        _event(USA, SHEINBAUM, "173", 7, confidence=0.4),  # q4, low confidence
        _event(UN, None, "010", 8),  # no target: no edge
        _event(LONER, UN, "020", 9),
    ]
    if with_moded:
        events.append(_event(TRUMP, SHEINBAUM, "190", 10, mode="hypothetical"))
    return GraphBatch([ART], [TRUMP, USA, SHEINBAUM, EBRARD, UN, LONER], events)


def test_projection_counts_follow_the_store(store) -> None:
    store.upsert(graph_batch(with_moded=False))
    counts = store.counts()
    g = project(store)
    assert g.number_of_nodes() == counts["nodes"]["Actor"] == 6
    assert g.number_of_edges() == counts["relationships"]["TARGET"] == 6
    assert g.nodes[SHEINBAUM.id]["country"] == "MEX"
    assert g.nodes[UN.id]["untargeted"] == 1


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_gephi_exports_reopen_with_store_counts(store, tmp_path, fmt) -> None:
    store.upsert(graph_batch(with_moded=False))
    counts = store.counts()
    path = tmp_path / f"g.{fmt}"
    with path.open("wb") as fh:
        write_graph(annotate(project(store)), fh, fmt)
    back = read_graph(path, fmt)
    assert back.number_of_nodes() == counts["nodes"]["Actor"]
    assert back.number_of_edges() == counts["relationships"]["TARGET"]
    if fmt == "graphml":
        plain = nx.read_graphml(path)  # what Gephi-side users do, no options
        assert plain.number_of_nodes() == counts["nodes"]["Actor"]
        assert plain.number_of_edges() == counts["relationships"]["TARGET"]
        assert plain.nodes[SHEINBAUM.id]["label"] == "Claudia Sheinbaum"
        assert 0 < plain.nodes[SHEINBAUM.id]["pagerank"] < 1


def test_moded_events_are_excluded_unless_asked(store) -> None:
    store.upsert(graph_batch())
    assert project(store).number_of_edges() == 6
    assert project(store, filters=GraphFilter(include_moded=True)).number_of_edges() == 7


def test_filters(store) -> None:
    store.upsert(graph_batch())
    assert project(store, filters=GraphFilter(min_confidence=0.5)).number_of_edges() == 5
    assert project(store, filters=GraphFilter(roots=frozenset({"12"}))).number_of_edges() == 1
    g = project(store, filters=GraphFilter(since="2025-05-05", until="2025-05-06"))
    assert sorted(d["cameo"] for _, _, d in g.edges(data=True)) == ["036", "042"]
    assert set(g.nodes) == {SHEINBAUM.id, TRUMP.id, EBRARD.id}


def test_country_level_and_dyad_balance(store) -> None:
    store.upsert(graph_batch())
    g = collapse(project(store, "country"))
    assert set(g.nodes) == {"USA", "MEX", "IGO", "UNK"}
    assert g["MEX"]["MEX"]["weight"] == 1  # domestic event kept as a self-loop
    rows = {(r["source"], r["target"]): r for r in dyads(g)}
    mex_usa = rows[("MEX", "USA")]
    assert mex_usa["events"] == 2
    assert mex_usa["verbal_conflict"] == 1 and mex_usa["verbal_cooperation"] == 1
    assert mex_usa["balance"] == 0.0
    expected_mean = (lookup("125").goldstein + lookup("036").goldstein) / 2
    assert mex_usa["mean_goldstein"] == pytest.approx(expected_mean, abs=1e-4)
    usa_mex = rows[("USA", "MEX")]
    assert usa_mex["events"] == 2 and usa_mex["balance"] == 0.0  # 0331 coop, 173 conflict


def test_pagerank_matches_networkx_reference() -> None:
    g = nx.DiGraph()
    g.add_weighted_edges_from([(1, 2, 3), (2, 3, 1), (3, 1, 2), (3, 2, 5), (4, 1, 1)])
    g.add_node(5)  # dangling
    ours = pagerank(g)
    reference = _pagerank_python(g, weight="weight", tol=1e-12, max_iter=1000)
    for n in g:
        assert ours[n] == pytest.approx(reference[n], abs=1e-8)
    assert sum(ours.values()) == pytest.approx(1.0)


def test_communities_split_two_cliques_deterministically() -> None:
    g = nx.DiGraph()
    for clique in (["a", "b", "c", "d"], ["w", "x", "y", "z"]):
        for u in clique:
            for v in clique:
                if u != v:
                    g.add_edge(u, v, weight=5)
    g.add_edge("d", "w", weight=1)
    first = communities(g, seed=1)
    assert first == [["a", "b", "c", "d"], ["w", "x", "y", "z"]]
    assert communities(g, seed=1) == first


def test_summary_is_json_ready(store) -> None:
    store.upsert(graph_batch())
    result = summary(store)
    json.dumps(result)
    assert result["node_count"] == 6 and result["event_edges"] == 6
    top = result["nodes"][0]
    assert top["pagerank"] == max(n["pagerank"] for n in result["nodes"])
    assert {n["id"] for n in result["nodes"]} == {a.id for a in graph_batch().actors}
    assert all(n["community"] is not None for n in result["nodes"])


def test_cli_export_graphml(tmp_path, monkeypatch) -> None:
    from kg.stores import EmbeddedStore

    data_dir = tmp_path / "kg"
    with EmbeddedStore(data_dir) as s:
        s.upsert(graph_batch())
    monkeypatch.setenv("KG_DATA_DIR", str(data_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("KG_STORE", raising=False)
    out = tmp_path / "g.graphml"
    result = CliRunner().invoke(kg, ["export", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_edges() == 6
    result = CliRunner().invoke(kg, ["export", "json", "--level", "country"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {n["id"] for n in data["nodes"]} == {"USA", "MEX", "IGO", "UNK"}
    buf = io.BytesIO()
    with pytest.raises(ValueError, match="unknown graph format"):
        write_graph(nx.MultiDiGraph(), buf, "dot")
