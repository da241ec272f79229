"""Network analytics: the event graph projected into networkx, and the measures analysts ask for.

Built on the store protocol (`iter_actors`/`iter_events`), so it works on either backend. The
projection is a MultiDiGraph with one edge per event (source -> target), at actor level or
country level; measures are computed on its collapsed, weighted DiGraph (weight = event count).
Events without a target have no edge; moded events (negated, hypothetical, ...) are left out
unless asked for, as in every query. docs/analytics.md describes the measures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from kg.model import Event
from kg.stores import Store

LEVELS = ("actor", "country")
GRAPH_FORMATS = ("graphml", "gexf", "json")
UNKNOWN_COUNTRY = "UNK"  # actors with no country, at country level
DEFAULT_SEED = 42
EXACT_BETWEENNESS_MAX = 500
BETWEENNESS_SAMPLE = 100


@dataclass(frozen=True)
class GraphFilter:
    """Which events become edges."""

    since: str | None = None
    until: str | None = None
    roots: frozenset[str] | None = None  # CAMEO roots such as {"12", "13"}
    min_confidence: float = 0.0
    include_moded: bool = False
    actor_ids: frozenset[str] | None = None

    def keeps(self, event: Event) -> bool:
        if event.mode and not self.include_moded:
            return False
        if event.confidence < self.min_confidence:
            return False
        return self.roots is None or event.root in self.roots


def project(
    store: Store,
    level: str = "actor",
    filters: GraphFilter | None = None,
    batch_size: int = 2000,
) -> nx.MultiDiGraph[str]:
    """One edge per kept event that has a target; nodes are the endpoints of kept events."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    filters = filters or GraphFilter()
    actors = {a.id: a for batch in store.iter_actors(batch_size) for a in batch}
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(level=level)

    def node(actor_id: str) -> str:
        actor = actors.get(actor_id)
        if level == "actor":
            if actor_id not in graph:
                attrs = {"label": actor.name, "kind": actor.kind} if actor else {"label": actor_id}
                if actor and actor.country:
                    attrs["country"] = actor.country
                graph.add_node(actor_id, **attrs)
            return actor_id
        code = (actor.country if actor else None) or UNKNOWN_COUNTRY
        if code not in graph:
            graph.add_node(code, label=code)
        return code

    events = store.iter_events(
        batch_size, since=filters.since, until=filters.until, actor_ids=filters.actor_ids
    )
    for batch in events:
        for e in batch:
            if not filters.keeps(e):
                continue
            source = node(e.source_id)
            if e.target_id is None:
                graph.nodes[source]["untargeted"] = graph.nodes[source].get("untargeted", 0) + 1
                continue
            attrs = {
                "date": e.date,
                "cameo": e.cameo,
                "root": e.root,
                "label": e.label,
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "confidence": e.confidence,
            }
            if e.plover:
                attrs["plover"] = e.plover
            if e.mode:
                attrs["mode"] = e.mode
            graph.add_edge(source, node(e.target_id), key=e.id, **attrs)
    return graph


def collapse(multi: nx.MultiDiGraph[str]) -> nx.DiGraph[str]:
    """One weighted edge per ordered pair: event count, counts per QuadClass, Goldstein sum/mean."""
    g: nx.DiGraph[str] = nx.DiGraph(**multi.graph)
    g.add_nodes_from(multi.nodes(data=True))
    for u, v, data in multi.edges(data=True):
        if not g.has_edge(u, v):
            g.add_edge(u, v, weight=0, q1=0, q2=0, q3=0, q4=0, goldstein_sum=0.0)
        edge = g[u][v]
        edge["weight"] += 1
        edge[f"q{data['quad_class']}"] += 1
        edge["goldstein_sum"] += data["goldstein"]
    for _u, _v, edge in g.edges(data=True):
        edge["mean_goldstein"] = edge["goldstein_sum"] / edge["weight"]
        edge["distance"] = 1.0 / edge["weight"]  # strong ties are short paths
    return g


def pagerank(
    g: nx.DiGraph[str], alpha: float = 0.85, weight: str = "weight", tol: float = 1.0e-10
) -> dict[Any, float]:
    """Weighted PageRank by power iteration (networkx's own needs scipy, not a dependency here).

    Dangling nodes spread their rank uniformly, as in networkx.
    """
    n = g.number_of_nodes()
    if n == 0:
        return {}
    out_weight = {u: sum(d.get(weight, 1) for _, _, d in g.out_edges(u, data=True)) for u in g}
    rank = dict.fromkeys(g, 1.0 / n)
    for _ in range(1000):
        dangling = alpha * sum(rank[u] for u in g if out_weight[u] == 0) / n
        new = dict.fromkeys(g, (1.0 - alpha) / n + dangling)
        for u, v, d in g.edges(data=True):
            new[v] += alpha * rank[u] * d.get(weight, 1) / out_weight[u]
        delta = sum(abs(new[u] - rank[u]) for u in g)
        rank = new
        if delta < n * tol:
            break
    return rank


def undirected_weights(g: nx.DiGraph[str]) -> nx.Graph[str]:
    """Undirected graph whose edge weight sums both directions (for community detection)."""
    u_graph: nx.Graph[str] = nx.Graph()
    u_graph.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        prev = u_graph[u][v]["weight"] if u_graph.has_edge(u, v) else 0
        u_graph.add_edge(u, v, weight=prev + d["weight"])
    return u_graph


def communities(g: nx.DiGraph[str], seed: int = DEFAULT_SEED) -> list[list[str]]:
    """Louvain communities on the weighted undirected graph; seeded, so reruns agree.

    Sorted largest first, members sorted, so the numbering is stable too.
    """
    if g.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(undirected_weights(g), weight="weight", seed=seed)
    return sorted((sorted(map(str, c)) for c in found), key=lambda c: (-len(c), c))


def centralities(g: nx.DiGraph[str]) -> dict[str, dict[str, float]]:
    """Per node: degree centrality, weighted in/out degree, PageRank, weighted betweenness."""
    if g.number_of_nodes() == 0:
        return {}
    degree = nx.degree_centrality(g)
    ranks = pagerank(g)
    # Exact betweenness is O(nodes x edges); past EXACT_BETWEENNESS_MAX nodes it is estimated
    # from a seeded sample of source nodes (same answer on every run).
    k = None if g.number_of_nodes() <= EXACT_BETWEENNESS_MAX else BETWEENNESS_SAMPLE
    between = nx.betweenness_centrality(
        g, k=k, weight="distance", normalized=True, seed=DEFAULT_SEED
    )
    return {
        str(n): {
            "degree_centrality": degree[n],
            "in_events": g.in_degree(n, weight="weight"),
            "out_events": g.out_degree(n, weight="weight"),
            "pagerank": ranks[n],
            "betweenness": between[n],
        }
        for n in g
    }


def dyads(g: nx.DiGraph[str]) -> list[dict[str, Any]]:
    """Cooperation/conflict balance per directed dyad, busiest first.

    balance = (cooperation - conflict) / events, in [-1, 1]; QuadClass 1-2 cooperate, 3-4 conflict.
    """
    rows = []
    for u, v, d in g.edges(data=True):
        coop, conflict = d["q1"] + d["q2"], d["q3"] + d["q4"]
        rows.append(
            {
                "source": str(u),
                "target": str(v),
                "events": d["weight"],
                "verbal_cooperation": d["q1"],
                "material_cooperation": d["q2"],
                "verbal_conflict": d["q3"],
                "material_conflict": d["q4"],
                "mean_goldstein": round(d["mean_goldstein"], 4),
                "balance": round((coop - conflict) / d["weight"], 4),
            }
        )
    return sorted(rows, key=lambda r: (-r["events"], r["source"], r["target"]))


def summary(
    store: Store,
    level: str = "actor",
    filters: GraphFilter | None = None,
    seed: int = DEFAULT_SEED,
    top: int | None = None,
    multi: nx.MultiDiGraph[str] | None = None,
) -> dict[str, Any]:
    """Everything in one JSON-ready dict (for the web pages and the JSON API).

    Pass `multi` (a `project` result) to reuse a projection, e.g. one cached by the caller.
    """
    multi = multi if multi is not None else project(store, level, filters)
    g = collapse(multi)
    metrics = centralities(g)
    groups = communities(g, seed)
    community_of = {n: i for i, members in enumerate(groups) for n in members}
    nodes = [
        {
            "id": str(n),
            **{k: v for k, v in g.nodes[n].items() if k in ("label", "kind", "country")},
            **metrics[str(n)],
            "community": community_of.get(str(n)),
        }
        for n in g
    ]
    nodes.sort(key=lambda r: (-r["pagerank"], r["id"]))
    pairs = dyads(g)
    return {
        "level": level,
        "nodes": nodes[:top] if top else nodes,
        "node_count": g.number_of_nodes(),
        "event_edges": multi.number_of_edges(),
        "dyad_count": g.number_of_edges(),
        "communities": groups,
        "dyads": pairs[:top] if top else pairs,
    }


def annotate(multi: nx.MultiDiGraph[str], seed: int = DEFAULT_SEED) -> nx.MultiDiGraph[str]:
    """Copy of the projection with PageRank, degree and community as node attributes (Gephi)."""
    g = collapse(multi)
    metrics = centralities(g)
    groups = communities(g, seed)
    out = multi.copy()
    for i, members in enumerate(groups):
        for n in members:
            out.nodes[n]["community"] = i
    for n, values in metrics.items():
        out.nodes[n].update(values)
    return out


def write_graph(multi: nx.MultiDiGraph[str], out: BinaryIO, fmt: str) -> None:
    """GraphML/GEXF for Gephi, or node-link JSON; attributes are flat scalars, None left out."""
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}; expected one of {GRAPH_FORMATS}")
    if fmt == "graphml":
        nx.write_graphml(multi, out, named_key_ids=True)
    elif fmt == "gexf":
        nx.write_gexf(multi, out)
    else:
        data = nx.node_link_data(multi, edges="edges")
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def read_graph(path: Path | str, fmt: str) -> nx.MultiDiGraph[str]:
    """Read back a file written by write_graph (tests and round trips)."""
    if fmt == "graphml":
        graph = nx.read_graphml(path, force_multigraph=True)
    elif fmt == "gexf":
        graph = nx.read_gexf(path)
    else:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        graph = nx.node_link_graph(data, edges="edges")
    if not isinstance(graph, nx.MultiDiGraph):
        raise ValueError(f"{path}: not a directed multigraph ({type(graph).__name__})")
    return graph
