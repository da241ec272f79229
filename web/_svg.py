"""Charts and graph drawings as server-rendered SVG: they work without JavaScript, print, and
need no chart library. Every text value is escaped; styling is by class (see app.css)."""

from __future__ import annotations

import math
from typing import Any

from markupsafe import escape

from queries import QUAD_LABELS


def _e(value: Any) -> str:
    return str(escape(str(value)))


def _nice_max(value: float) -> int:
    if value <= 4:
        return 4
    magnitude = 10 ** int(math.floor(math.log10(value)))
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return int(math.ceil(top))
    return int(value)


def timeline_svg(buckets: list[dict[str, Any]], bucket: str, width: int = 960) -> str:
    """Cooperation stacked above the axis, conflict below (by QuadClass), with the mean
    Goldstein score per bucket as a line on its own -10..+10 scale."""
    height, left, right, top, bottom = 320, 48, 48, 20, 46
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
        label = f"{abs(frac) * ymax:g}"
        parts.append(
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
        g = frac * 10
        parts.append(
            f'<text class="tick tick-g" x="{left + plot_w + 6}" y="{y + 4:.1f}">{g:+.0f}</text>'
        )
    parts.append(f'<text class="axis-title" x="{left + 4}" y="{top + 12}">▲ cooperation</text>')
    parts.append(
        f'<text class="axis-title" x="{left + 4}" y="{top + plot_h - 4}">▼ conflict</text>'
    )
    parts.append(
        f'<text class="axis-title" x="{left + plot_w - 4}" y="{top + 12}" text-anchor="end">'
        "mean Goldstein (right axis)</text>"
    )
    label_every = max(1, math.ceil(n / 12))
    points = []
    for i, b in enumerate(buckets):
        q = b["by_quad"]
        cx = left + slot * (i + 0.5)
        x = cx - bar_w / 2
        y = mid
        for quad in ("1", "2"):
            h = q[quad] * scale
            if h:
                y -= h
                parts.append(
                    f'<rect class="bar q{quad}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                    f'height="{h:.1f}"><title>{_e(b["start"])}: {q[quad]} '
                    f"{_e(QUAD_LABELS[int(quad)].lower())}</title></rect>"
                )
        y = mid
        for quad in ("3", "4"):
            h = q[quad] * scale
            if h:
                parts.append(
                    f'<rect class="bar q{quad}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                    f'height="{h:.1f}"><title>{_e(b["start"])}: {q[quad]} '
                    f"{_e(QUAD_LABELS[int(quad)].lower())}</title></rect>"
                )
                y += h
        if b["goldstein_mean"] is not None:
            gy = mid - (b["goldstein_mean"] / 10) * (plot_h / 2)
            points.append((cx, gy, b))
        if i % label_every == 0:
            text = b["start"][:7] if bucket == "month" else b["start"][5:]
            parts.append(
                f'<text class="tick" x="{cx:.1f}" y="{top + plot_h + 16}" '
                f'text-anchor="middle">{_e(text)}</text>'
            )
    if points:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y, _) in enumerate(points)
        )
        parts.append(f'<path class="goldstein-line" d="{path}"/>')
        for x, y, b in points:
            parts.append(
                f'<circle class="goldstein-dot" cx="{x:.1f}" cy="{y:.1f}" r="3">'
                f"<title>{_e(b['start'])}: mean Goldstein {b['goldstein_mean']:+.2f} "
                f"over {b['total']} events</title></circle>"
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
            f'<a href="{_e(link(node))}"><circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{r}">'
            f"<title>{_e(node['name'])} ({_e(node.get('country') or '—')}, "
            f"{_e(node.get('kind'))})</title></circle>"
            f'<text class="node-code" x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">'
            f"{_e(node.get('country') or '·')}</text>"
            f'<text class="node-label" x="{x:.1f}" y="{label_y:.1f}" text-anchor="middle">'
            f"{_e(name)}</text></a>"
        )
    parts.append("</svg>")
    return "".join(parts)


def result_graph_svg(graph: dict[str, list[dict[str, Any]]], size: int = 640) -> str:
    """Nodes and relationships returned by a Cypher query, laid out by a few hundred steps of
    a simple spring embedding (deterministic: it starts from a circle)."""
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
        temp = size / 10 * (1 - step / 200) + 1
        for k in range(n):
            d = math.hypot(*disp[k]) or 0.01
            pos[k][0] += disp[k][0] / d * min(d, temp)
            pos[k][1] += disp[k][1] / d * min(d, temp)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    pad = 60
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1

    def at(k: int) -> tuple[float, float]:
        return (
            pad + (pos[k][0] - min(xs)) / span_x * (size - 2 * pad),
            pad + (pos[k][1] - min(ys)) / span_y * (size - 2 * pad),
        )

    parts = [
        f'<svg class="graph" viewBox="0 0 {size} {size}" role="img" '
        'aria-label="Query result graph">'
    ]
    for r in rels:
        (x1, y1), (x2, y2) = at(index[r["start"]]), at(index[r["end"]])
        parts.append(
            f'<line class="edge neutral" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}">'
            f"<title>{_e(r['type'])}</title></line>"
        )
    for k, node in enumerate(nodes):
        x, y = at(k)
        label = node["labels"][0] if node["labels"] else "node"
        props = node["properties"]
        caption = props.get("name") or props.get("label") or props.get("title") or props.get("id")
        caption = str(caption or label)
        caption = caption if len(caption) <= 24 else caption[:22] + "…"
        parts.append(
            f'<circle class="node label-{_e(label.lower())}" cx="{x:.1f}" cy="{y:.1f}" r="12">'
            f"<title>{_e(label)}: {_e(caption)}</title></circle>"
            f'<text class="node-label" x="{x:.1f}" y="{y + 26:.1f}" text-anchor="middle">'
            f"{_e(caption)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
