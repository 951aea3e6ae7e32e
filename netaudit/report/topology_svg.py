"""The topology picture of the HTML report, as inline SVG computed here (no JS, no CDN).

Layout: zones are columns, tiers are bands (city on top → village at the bottom); each device
sits in the cell of its zone and tier. A device with ``chassis >= 2`` is one cluster box with its
member chassis drawn inside, and a link ends on the member its interface number names
(``XGigabitEthernet2/1/0/1`` → chassis 2). Links are labelled with their bandwidth.

Highlights come from failing topology findings (``data`` conventions of the checks):

* ``topo-dual-homing`` / ``topo-spof`` → the device gets class ``spof``; ``data.links`` (or
  ``data.link``) of ``"HOST:INTF--HOST:INTF"`` strings → those links get class ``spof``;
* ``topo-bandwidth`` → ``data.links`` get class ``underprovisioned``;
* ``topo-css-trunk`` → the device and ``data.links`` get class ``css-one-chassis``
  (``data.trunk`` is shown in the tooltip).

Every device is a ``<g class="device …" data-device="HOST">`` and every link a
``<g class="link …" data-link="A:IF--B:IF">`` so tests and users can find them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import Any

from netaudit.report.i18n import t, tier_name, zone_name
from netaudit.results import Results

ZONE_ORDER = ("egress", "extranet", "finance", "core", "cloud", "aggregation", "county", "access")
TIER_ORDER = ("city", "county", "town", "village")

BOX_W, BOX_H, CLUSTER_H = 132, 36, 56
GAP_X, GAP_Y = 22, 34
PAD, HEADER_H, LABEL_W = 14, 30, 64
ARC_ROOM = 48
MAX_PER_ROW = 3

_INTF_NUM = re.compile(r"(\d+)/")


@dataclass
class Highlights:
    """What failing topology findings point at."""

    devices: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    links: dict[frozenset[str], set[str]] = field(default_factory=lambda: defaultdict(set))
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def link_key(label: str) -> frozenset[str]:
    """``"A:if--B:if"`` → an order-free key."""
    a, _, b = label.partition("--")
    return frozenset((a.strip(), b.strip()))


def _links_of(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    raw = data.get("links")
    if isinstance(raw, list):
        out += [str(x) for x in raw if isinstance(x, str) and "--" in x]
    one = data.get("link")
    if isinstance(one, str) and "--" in one:
        out.append(one)
    return out


def highlights(results: Results) -> Highlights:
    """Collect device and link classes from failing topology findings."""
    h = Highlights()
    for f in results.findings:
        if f.status != "fail":
            continue
        cls = {"topo-dual-homing": "spof", "topo-spof": "spof", "topo-bandwidth": "underprovisioned",
               "topo-css-trunk": "css-one-chassis"}.get(f.check)
        if cls is None:
            if f.check.startswith("topo-"):
                h.devices[f.device].add("topo-fail")
            continue
        if cls != "underprovisioned":
            h.devices[f.device].add(cls)
        for lk in _links_of(f.data):
            h.links[link_key(lk)].add(cls)
        if f.check == "topo-css-trunk" and f.data.get("trunk"):
            h.notes[f.device].append(f"{f.data['trunk']}: {f.message}")
        elif f.message:
            h.notes[f.device].append(f.message)
    return h


def _member(intf: str, chassis: int) -> int:
    """The cluster member (1-based) an interface sits on; 0 when unknown or not a cluster."""
    if chassis < 2:
        return 0
    m = _INTF_NUM.search(intf)
    if not m:
        return 0
    n = int(m.group(1))
    return n if 1 <= n <= chassis else 0


def render_topology(results: Results, facts: dict[str, dict[str, Any]], inventory: Any = None,
                    lang: str = "zh") -> str:
    """The ``<svg>`` element (a string) of the topology; a short note when there are no devices."""
    hl = highlights(results)
    failing = {f.device for f in results.findings if f.status == "fail"}
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for host, d in sorted(facts.items()):
        zone = str(d.get("zone") or "")
        tier = str(d.get("tier") or "") or "city"
        if zone:
            cells[(zone, tier)].append(host)
    if not cells:
        return f'<p class="muted">{escape(t("no_topology", lang))}</p>'
    zones = [z for z in ZONE_ORDER if any(k[0] == z for k in cells)]
    zones += sorted({k[0] for k in cells} - set(zones))
    tiers = [x for x in TIER_ORDER if any(k[1] == x for k in cells)]
    tiers += sorted({k[1] for k in cells} - set(tiers))

    def chassis_of(host: str) -> int:
        try:
            return max(1, int(facts[host].get("chassis") or 1))
        except (TypeError, ValueError):
            return 1

    per_row = {z: max(1, min(MAX_PER_ROW, max(len(cells.get((z, tr), [])) for tr in tiers))) for z in zones}
    col_w = {z: per_row[z] * (BOX_W + GAP_X) - GAP_X + 2 * PAD for z in zones}
    col_x: dict[str, float] = {}
    x = float(LABEL_W)
    for z in zones:
        col_x[z] = x
        x += col_w[z] + 8
    width = x + 4

    def cell_rows(z: str, tr: str) -> list[list[str]]:
        hosts = cells.get((z, tr), [])
        return [hosts[i:i + per_row[z]] for i in range(0, len(hosts), per_row[z])]

    links = [lk for lk in (getattr(inventory, "links", None) or []) if lk.a_host in facts and lk.b_host in facts]
    tier_of = {h: str(facts[h].get("tier") or "") or "city" for h in facts}
    # rows of a tier that has links inside it get room above them for the link arcs
    arc_tiers = {tier_of[lk.a_host] for lk in links if tier_of[lk.a_host] == tier_of[lk.b_host]}

    def row_h(hosts: list[str], tr: str) -> int:
        extra = ARC_ROOM if tr in arc_tiers else 0
        return max((CLUSTER_H if chassis_of(h) > 1 else BOX_H) for h in hosts) + GAP_Y + extra

    band_h = {tr: max(PAD + sum(row_h(r, tr) for r in cell_rows(z, tr)) for z in zones) + PAD for tr in tiers}
    band_y: dict[str, float] = {}
    y = float(HEADER_H)
    for tr in tiers:
        band_y[tr] = y
        y += band_h[tr]
    height = y + 4

    # device geometry: host -> (x, y, w, h)
    geo: dict[str, tuple[float, float, float, float]] = {}
    for z in zones:
        for tr in tiers:
            yy = band_y[tr] + PAD + 6 + (ARC_ROOM if tr in arc_tiers else 0)
            for row in cell_rows(z, tr):
                rh = row_h(row, tr)
                n = len(row)
                used = n * (BOX_W + GAP_X) - GAP_X
                xx = col_x[z] + (col_w[z] - used) / 2
                for h in row:
                    bh = CLUSTER_H if chassis_of(h) > 1 else BOX_H
                    geo[h] = (xx, yy, BOX_W, bh)
                    xx += BOX_W + GAP_X
                yy += rh

    def anchor(host: str, intf: str, top: bool = False) -> tuple[float, float]:
        gx, gy, gw, gh = geo[host]
        n = chassis_of(host)
        m = _member(intf, n)
        x = gx + gw / 2
        if m:
            mw = (gw - 8) / n
            x = gx + 4 + mw * (m - 1) + mw / 2
        if top:
            return x, gy
        return x, (gy + gh - 14 if m else gy + gh / 2)

    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="topology" id="topology" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="{escape(t("topology", lang))}">'
    ]
    # zone columns and tier bands
    for tr in tiers:
        out.append(f'<rect class="tier-band" x="0" y="{band_y[tr]:.0f}" width="{width:.0f}" '
                   f'height="{band_h[tr]:.0f}"/>')
        out.append(f'<text class="tier-label" x="8" y="{band_y[tr] + 20:.0f}">{escape(tier_name(tr, lang))}</text>')
    for z in zones:
        out.append(f'<rect class="zone-col" data-zone="{escape(z)}" x="{col_x[z]:.0f}" y="2" '
                   f'width="{col_w[z]:.0f}" height="{height - 4:.0f}" rx="6"/>')
        out.append(f'<text class="zone-label" x="{col_x[z] + col_w[z] / 2:.0f}" y="20" text-anchor="middle">'
                   f'{escape(zone_name(z, lang))}</text>')
    # links (under the devices). Links within one row arc above it so they do not run through the
    # boxes in between; parallel links between one pair are spread apart.
    pair_count: dict[frozenset[str], int] = defaultdict(int)
    out.append('<g class="links">')
    for lk in links:
        if lk.a_host not in geo or lk.b_host not in geo:
            continue
        label = f"{lk.a_host}:{lk.a_intf}--{lk.b_host}:{lk.b_intf}"
        classes = sorted(hl.links.get(link_key(label), set()))
        pair = frozenset((lk.a_host, lk.b_host))
        idx = pair_count[pair]
        pair_count[pair] += 1
        same_row = abs(geo[lk.a_host][1] - geo[lk.b_host][1]) < 1
        x1, y1 = anchor(lk.a_host, lk.a_intf, top=same_row)
        x2, y2 = anchor(lk.b_host, lk.b_intf, top=same_row)
        if same_row:
            lift = 14 + min(ARC_ROOM - 22, abs(x2 - x1) * 0.05) + idx * 5
            cx, cy = (x1 + x2) / 2, min(y1, y2) - 2 * lift
            shape = f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"/>'
            lx, ly = cx, min(y1, y2) - lift - 2
            if idx:
                lx += (16 if idx % 2 else -16) * ((idx + 1) // 2)
        else:
            off = idx * 6.0
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            ox, oy = -(y2 - y1) / length * off, (x2 - x1) / length * off
            x1, y1, x2, y2 = x1 + ox, y1 + oy, x2 + ox, y2 + oy
            shape = f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'
            frac = (0.5, 0.34, 0.66, 0.42, 0.58)[idx % 5]
            lx, ly = x1 + (x2 - x1) * frac, y1 + (y2 - y1) * frac - 2
        tip = f"{label} ({lk.bandwidth})"
        if classes:
            tip += " — " + ", ".join(classes)
        out.append(
            f'<g class="{" ".join(["link", *classes])}" data-link="{escape(label)}" '
            f'data-bandwidth="{escape(str(lk.bandwidth))}"><title>{escape(tip)}</title>{shape}'
            f'<text class="bw" x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle">{escape(str(lk.bandwidth))}</text></g>'
        )
    out.append("</g>")
    # devices
    out.append('<g class="devices">')
    for host, (gx, gy, gw, gh) in sorted(geo.items()):
        d = facts[host]
        n = chassis_of(host)
        classes = ["device", *sorted(hl.devices.get(host, set()))]
        if host in failing:
            classes.append("has-fail")
        if n > 1:
            classes.append("cluster")
        tip = f"{host} {d.get('model') or ''} {d.get('mgmt_ip') or ''}".strip()
        for note in hl.notes.get(host, []):
            tip += "\n" + note
        out.append(f'<g class="{" ".join(classes)}" data-device="{escape(host)}" data-zone="{escape(str(d.get("zone")))}">'
                   f'<title>{escape(tip)}</title>'
                   f'<rect class="box" x="{gx:.0f}" y="{gy:.0f}" width="{gw:.0f}" height="{gh:.0f}" rx="5"/>'
                   f'<text class="host" x="{gx + gw / 2:.0f}" y="{gy + 15:.0f}" text-anchor="middle">{escape(host)}</text>')
        if n > 1:
            mw = (gw - 8) / n
            for i in range(n):
                out.append(f'<rect class="member" data-member="{i + 1}" x="{gx + 4 + i * mw + 1:.0f}" y="{gy + 21:.0f}" '
                           f'width="{mw - 2:.0f}" height="{gh - 25:.0f}" rx="3"/>'
                           f'<text class="member-label" x="{gx + 4 + i * mw + mw / 2:.0f}" y="{gy + gh - 10:.0f}" '
                           f'text-anchor="middle">#{i + 1}</text>')
        else:
            out.append(f'<text class="model" x="{gx + gw / 2:.0f}" y="{gy + 29:.0f}" text-anchor="middle">'
                       f'{escape(str(d.get("model") or ""))}</text>')
        out.append("</g>")
    out.append("</g></svg>")
    return "".join(out)


def legend(lang: str = "zh") -> str:
    """A small inline-SVG legend for the highlight classes."""
    items = [("spof", t("legend_spof", lang)), ("underprovisioned", t("legend_under", lang)),
             ("css-one-chassis", t("legend_css", lang))]
    parts = []
    for cls, text in items:
        parts.append(f'<span class="legend-item"><svg width="34" height="12" class="topology">'
                     f'<g class="link {cls}"><line x1="2" y1="6" x2="32" y2="6"/></g></svg> {escape(text)}</span>')
    parts.append(f'<span class="legend-item"><svg width="20" height="14" class="topology"><g class="device cluster">'
                 f'<rect class="box" x="1" y="1" width="18" height="12" rx="2"/>'
                 f'<rect class="member" x="3" y="4" width="6" height="7"/><rect class="member" x="11" y="4" width="6" height="7"/>'
                 f'</g></svg> {escape(t("legend_cluster", lang))}</span>')
    return '<div class="legend">' + "".join(parts) + "</div>"
