"""Charts and graph drawings as server-rendered SVG: they work without JavaScript, print, and
need no chart library. Every text value is escaped; styling is by class (see app.css)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

from flask import url_for
from markupsafe import escape

from queries import QUAD_LABELS, Filters, bucket_end

BarLink = Callable[[str, int | None], str]  # (bucket start, QuadClass) -> URL of the events


def _e(value: Any) -> str:
    return str(escape(str(value)))


def _nice_max(value: float) -> int:
    """An even whole number at or above `value`, so the half-way tick is a whole count too."""
    if value <= 2:
        return 2
    if value <= 4:
        return 4
    magnitude = 10 ** int(math.floor(math.log10(value)))
    for step in (1, 2, 4, 6, 8, 10):
        top = step * magnitude
        if top >= value and top % 2 == 0:
            return int(top)
    return int(math.ceil(value / 2) * 2)


def _signed(value: float) -> str:
    """+5, 0, −5: a real minus sign and no sign on zero."""
    return "0" if value == 0 else f"+{value:g}" if value > 0 else f"−{-value:g}"


def _tick(start: str, bucket: str) -> str:
    """Dates with their year: 'May 2025' for months, '3 May 2025' for days and weeks."""
    d = date.fromisoformat(start)
    month = d.strftime("%b %Y")
    return month if bucket == "month" else f"{d.day} {month}"


def bar_links(f: Filters, bucket: str, **refs: str | None) -> BarLink:
    """Links from a bar to the events page for its bucket and QuadClass (inside the filters'
    own dates), with the page's references (actor, with) and filters."""
    base = {k: v for k, v in {**f.to_args(), **refs}.items() if v}

    def link(start: str, quad: int | None) -> str:
        lo, hi = start, bucket_end(start, bucket)
        if f.date_from and f.date_from > lo:
            lo = f.date_from
        if f.date_to and f.date_to < hi:
            hi = f.date_to
        args = {**base, "from": lo, "to": hi}
        if quad is not None:
            args["quad"] = str(quad)
        values: dict[str, Any] = args
        return url_for("events.events", **values)

    return link


def timeline_svg(
    buckets: list[dict[str, Any]], bucket: str, link: BarLink | None = None, width: int = 960
) -> str:
    """Cooperation stacked above the axis, conflict below (by QuadClass), with the mean
    Goldstein score per bucket as a line on its own -10..+10 scale (broken where a bucket
    has no events). Each bar links to its events when `link` is given."""
    height, left, right, top, bottom = 320, 56, 56, 20, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    mid = top + plot_h / 2
    if not buckets:
        return (
            f'<svg class="chart" viewBox="0 0 {width} 80" role="img" aria-label="no events">'
            f'<text x="{width / 2}" y="44" class="chart-empty">No events in this range</text></svg>'
        )
    coop_max = max(b["by_quad"]["1"] + b["by_quad"]["2"] for b in buckets)
    conf_max = max(b["by_quad"]["3"] + b["by_quad"]["4"] for b in buckets)
    ymax = _nice_max(max(coop_max, conf_max, 1))
    scale = (plot_h / 2) / ymax
    n = len(buckets)
    slot = plot_w / n
    bar_w = max(1.0, min(slot * 0.72, 40))
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Events per {_e(bucket)}: cooperation above, conflict below">'
    ]
    # grid and left axis (event counts, both directions from the middle)
    for frac in (-1, -0.5, 0, 0.5, 1):
        y = mid - frac * plot_h / 2
        cls = "axis-zero" if frac == 0 else "grid"
        parts.append(
            f'<line class="{cls}" x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        label = f"{abs(frac) * ymax:g}"  # counts: upwards cooperation, downwards conflict
        parts.append(
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
        parts.append(
            f'<text class="tick tick-g" x="{left + plot_w + 6}" y="{y + 4:.1f}">'
            f"{_signed(frac * 10)}</text>"
        )
    # axis titles in the margins, turned, so no bar ever covers them
    for text, y in (("cooperation →", mid - plot_h / 4), ("← conflict", mid + plot_h / 4)):
        parts.append(
            f'<text class="axis-title" x="14" y="{y:.1f}" text-anchor="middle" '
            f'transform="rotate(-90 14 {y:.1f})">{text}</text>'
        )
    gx = width - 10
    parts.append(
        f'<text class="axis-title" x="{gx}" y="{mid:.1f}" text-anchor="middle" '
        f'transform="rotate(90 {gx} {mid:.1f})">mean Goldstein</text>'
    )
    label_every = max(1, math.ceil(n / 8))
    runs: list[list[tuple[float, float, dict[str, Any]]]] = [[]]
    for i, b in enumerate(buckets):
        q = b["by_quad"]
        cx = left + slot * (i + 0.5)
        x = cx - bar_w / 2
        up, down = mid, mid
        for quad in ("1", "2", "3", "4"):
            h = q[quad] * scale
            if not h:
                continue
            if quad in ("1", "2"):
                up -= h
                y = up
            else:
                y, down = down, down + h
            said = _e(
                f"{_tick(b['start'], bucket)}: {q[quad]} {QUAD_LABELS[int(quad)].lower()}"
                f"{' (click for the events)' if link else ''}"
            )
            # focusable, with its numbers as its accessible name: keyboard and screen-reader
            # users read the chart bar by bar
            bar = (
                f'<rect class="bar q{quad}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" tabindex="0" role="img" aria-label="{said}">'
                f"<title>{said}</title></rect>"
            )
            if link is not None:
                bar = f'<a href="{_e(link(b["start"], int(quad)))}">{bar}</a>'
            parts.append(bar)
        if b["goldstein_mean"] is not None:
            gy = mid - (b["goldstein_mean"] / 10) * (plot_h / 2)
            runs[-1].append((cx, gy, b))
        elif runs[-1]:
            runs.append([])  # no events: the line stops rather than bridging the gap
        if i % label_every == 0:
            parts.append(
                f'<text class="tick" x="{cx:.1f}" y="{top + plot_h + 16}" '
                f'text-anchor="middle">{_e(_tick(b["start"], bucket))}</text>'
            )
    for run in runs:
        if len(run) > 1:
            path = " ".join(
                f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y, _) in enumerate(run)
            )
            parts.append(f'<path class="goldstein-line" d="{path}"/>')
        for x, y, b in run:
            said = _e(
                f"{_tick(b['start'], bucket)}: mean Goldstein "
                f"{_signed(round(b['goldstein_mean'], 2))} over {b['total']} events"
            )
            parts.append(
                f'<circle class="goldstein-dot" cx="{x:.1f}" cy="{y:.1f}" r="3" tabindex="0" '
                f'role="img" aria-label="{said}"><title>{said}</title></circle>'
            )
    # legend
    lx, ly = left, height - 12
    for q in (1, 2, 3, 4):
        parts.append(f'<rect class="bar q{q}" x="{lx}" y="{ly - 9}" width="10" height="10"/>')
        parts.append(f'<text class="legend" x="{lx + 14}" y="{ly}">{_e(QUAD_LABELS[q])}</text>')
        lx += 170
    parts.append(
        f'<line class="goldstein-line" x1="{lx}" x2="{lx + 18}" y1="{ly - 4}" y2="{ly - 4}"/>'
    )
    parts.append(f'<text class="legend" x="{lx + 24}" y="{ly}">Mean Goldstein</text>')
    parts.append("</svg>")
    return "".join(parts)


def _tone(goldstein: float | None) -> str:
    if goldstein is None:
        return "neutral"
    return "coop" if goldstein > 0.5 else "conflict" if goldstein < -0.5 else "neutral"


def ego_svg(graph: dict[str, Any], link: Any, size: int = 640) -> str:
    """An actor's neighbourhood: the centre in the middle, partners on a circle, edge width by
    event count and colour by mean Goldstein. `link(node)` gives each node's page URL."""
    nodes, edges = graph["nodes"], graph["edges"]
    centre = graph["centre"]["id"]
    others = [n for n in nodes if n["id"] != centre]
    cx = cy = size / 2
    radius = size / 2 - 90
    pos = {centre: (cx, cy)}
    for i, node in enumerate(others):
        angle = 2 * math.pi * i / max(1, len(others)) - math.pi / 2
        pos[node["id"]] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    most = max([e["events"] for e in edges] or [1])
    parts = [
        f'<svg class="graph" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="Neighbourhood of {_e(graph["centre"]["name"])}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="11" '
        'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>',
    ]
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        # bend the two directions apart so both stay visible
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        off = 18
        qx, qy = mx - dy / length * off, my + dx / length * off
        # stop the line at the node's edge
        ex, ey = x2 - dx / length * 22, y2 - dy / length * 22
        width = 1 + 5 * e["events"] / most
        parts.append(
            f'<path class="edge {_tone(e["goldstein_mean"])}" d="M{x1:.1f},{y1:.1f} '
            f'Q{qx:.1f},{qy:.1f} {ex:.1f},{ey:.1f}" stroke-width="{width:.1f}" '
            f'marker-end="url(#arrow)"><title>{e["events"]} events, mean Goldstein '
            f"{e['goldstein_mean']:+.2f}</title></path>"
        )
    for node in nodes:
        x, y = pos[node["id"]]
        r = 26 if node["id"] == centre else 18
        cls = "node centre" if node["id"] == centre else f"node kind-{_e(node.get('kind'))}"
        name = node["name"] if len(node["name"]) <= 28 else node["name"][:26] + "…"
        label_y = y + r + 14
        parts.append(
            f'<a href="{_e(link(node))}" aria-label="{_e(node["name"])}">'
            f'<circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{r}">'
            f"<title>{_e(node['name'])} ({_e(node.get('country') or '—')}, "
            f"{_e(node.get('kind'))})</title></circle>"
            f'<text class="node-code" x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">'
            f"{_e(node.get('country') or '·')}</text>"
            f'<text class="node-label" x="{x:.1f}" y="{label_y:.1f}" text-anchor="middle">'
            f"{_e(name)}</text></a>"
        )
    parts.append("</svg>")
    return "".join(parts)


GRAVITY = 0.1  # pull towards the centre in the result graph's layout, relative to the springs


def result_graph_svg(
    graph: dict[str, list[dict[str, Any]]], link: Any = None, size: int = 640
) -> str:
    """Nodes and relationships returned by a Cypher query, laid out by a few hundred steps of
    a simple spring embedding (deterministic: it starts from a circle). Arrows point from
    start to end and carry the relationship type; `link(node)` gives a node's page URL (or
    None); a legend names the node labels."""
    nodes = graph.get("nodes", [])[:150]
    ids = [n["element_id"] for n in nodes]
    index = {i: k for k, i in enumerate(ids)}
    rels = [r for r in graph.get("relationships", []) if r["start"] in index and r["end"] in index]
    if not nodes:
        return ""
    n = len(nodes)
    pos = [
        [math.cos(2 * math.pi * k / n) * size / 3, math.sin(2 * math.pi * k / n) * size / 3]
        for k in range(n)
    ]
    ideal = size / (math.sqrt(n) + 1)
    for step in range(200):
        disp = [[0.0, 0.0] for _ in range(n)]
        for a in range(n):
            for b in range(a + 1, n):
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = math.hypot(dx, dy) or 0.01
                force = ideal * ideal / d
                disp[a][0] += dx / d * force
                disp[a][1] += dy / d * force
                disp[b][0] -= dx / d * force
                disp[b][1] -= dy / d * force
        for r in rels:
            a, b = index[r["start"]], index[r["end"]]
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 0.01
            force = d * d / ideal
            disp[a][0] -= dx / d * force
            disp[a][1] -= dy / d * force
            disp[b][0] += dx / d * force
            disp[b][1] += dy / d * force
        for k in range(n):  # gravity: keeps separate components from drifting apart
            d = math.hypot(*pos[k]) or 0.01
            disp[k][0] -= pos[k][0] / d * GRAVITY * d * d / ideal
            disp[k][1] -= pos[k][1] / d * GRAVITY * d * d / ideal
        temp = size / 10 * (1 - step / 200) + 1
        for k in range(n):
            d = math.hypot(*disp[k]) or 0.01
            pos[k][0] += disp[k][0] / d * min(d, temp)
            pos[k][1] += disp[k][1] / d * min(d, temp)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    pad = 60
    # one scale for both axes, so the layout keeps its shape; centred in the square
    scale = (size - 2 * pad) / max(max(xs) - min(xs), max(ys) - min(ys), 1)
    off_x = (size - (max(xs) - min(xs)) * scale) / 2
    off_y = (size - (max(ys) - min(ys)) * scale) / 2

    def at(k: int) -> tuple[float, float]:
        return (off_x + (pos[k][0] - min(xs)) * scale, off_y + (pos[k][1] - min(ys)) * scale)

    radius = 12
    parts = [
        f'<svg class="graph" viewBox="0 0 {size} {size}" role="img" '
        'aria-label="Query result graph">',
        '<defs><marker id="result-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>',
    ]
    for r in rels:
        (x1, y1), (x2, y2) = at(index[r["start"]]), at(index[r["end"]])
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        # from the edge of one circle to the edge of the other
        sx, sy = x1 + dx / length * radius, y1 + dy / length * radius
        ex, ey = x2 - dx / length * (radius + 2), y2 - dy / length * (radius + 2)
        parts.append(
            f'<line class="edge neutral" x1="{sx:.1f}" y1="{sy:.1f}" x2="{ex:.1f}" '
            f'y2="{ey:.1f}" marker-end="url(#result-arrow)"><title>{_e(r["type"])}</title></line>'
            f'<text class="edge-label" x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 3:.1f}" '
            f'text-anchor="middle">{_e(r["type"])}</text>'
        )
    labels: list[str] = []
    for k, node in enumerate(nodes):
        x, y = at(k)
        label = node["labels"][0] if node["labels"] else "node"
        if label not in labels:
            labels.append(label)
        props = node["properties"]
        caption = props.get("name") or props.get("label") or props.get("title") or props.get("id")
        caption = str(caption or label)
        short = caption if len(caption) <= 24 else caption[:22] + "…"
        href = link(node) if link else None
        shape = (
            f'<circle class="node label-{_e(label.lower())}" cx="{x:.1f}" cy="{y:.1f}" '
            f'r="{radius}"><title>{_e(label)}: {_e(caption)}</title></circle>'
            f'<text class="node-label" x="{x:.1f}" y="{y + 26:.1f}" text-anchor="middle">'
            f"{_e(short)}</text>"
        )
        parts.append(f'<a href="{_e(href)}">{shape}</a>' if href else shape)
    for k, label in enumerate(labels):
        y = 16 + 18 * k
        parts.append(
            f'<circle class="node label-{_e(label.lower())}" cx="12" cy="{y}" r="6"/>'
            f'<text class="legend" x="24" y="{y + 4}">{_e(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
