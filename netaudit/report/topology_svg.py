"""The topology picture of the HTML report, as inline SVG computed here (no JS, no CDN).

Layout (tiers are horizontal bands, city on top → village at the bottom; zones are regions):

* **City band** — the core sits in the middle of the picture, at the bottom of the city band.
  The other city zones are blocks in the row above it: egress, extranet and finance on the
  left, cloud and aggregation on the right, so every core link is a short straight line of one
  fan into the core (no arcs over the row). Devices two or more hops from the core (the egress
  routers behind the firewalls, the city access switches behind the aggregation pair) form an
  outer row above their zone block, or a block of their own placed over the devices they hang
  from. Pairs of a zone stand side by side, so their peer link is a short horizontal line.
* **County, town and village bands** — the county zone (区县纵向网络互联区) is split into one
  sub-column per county subtree of the site tree (a county-tier site and its descendant town and
  village sites), labelled with the county's short name (``饶平县`` from the site description,
  the site name in English). Inside a sub-column the sites are drawn as a tidy tree: each site
  is centred over its child sites, so town → village links run (almost) vertically and never
  cross into another county. The sub-columns hang below the core.
* **Access devices** are drawn where they hang: an access switch at a county or town site sits
  beside that site's node in the county's sub-column (same band, short horizontal link); the
  city-tier access switches form an "access" block above the aggregation pair they link to.
  Access boxes have a dashed outline so they stay recognisable outside the access region.

A device with ``chassis >= 2`` is one cluster box with its member chassis drawn inside; a link
lands on the member its interface names (``XGigabitEthernet2/1/0/1`` → chassis 2, via
:func:`netaudit.topology.node_of`).

Parallel links between the same two devices are **bundled**: one line labelled ``2×10G`` (or
``1G+100M`` when the members differ) whose end forks into short legs, one per cluster member
it lands on. A bundle is one ``<g class="link bundle …" data-link="A:IF--B:IF A:IF2--B:IF2">``
(``data-link`` lists every member, so ``[data-link~="A:IF--B:IF"]`` finds a link); it carries
the union of its members' highlight classes and every member is listed in its tooltip. Inside
it, an empty ``<g class="member-link …" data-link="A:IF--B:IF">`` per member carries that
link's own classes, so a single link can still be found by its exact label.
Labels are placed along their line where they do not overlap another label or a box.

Highlights come from failing topology findings (``data`` conventions of the checks):

* ``topo-dual-homing`` / ``topo-spof`` → the device gets class ``spof``; ``data.links`` (or
  ``data.link``) of ``"HOST:INTF--HOST:INTF"`` strings → those links get class ``spof``;
* ``topo-bandwidth`` → ``data.links`` get class ``underprovisioned``;
* ``topo-css-trunk`` → the device and ``data.links`` get class ``css-one-chassis``
  (``data.trunk`` is shown in the tooltip).

Every device is a ``<g class="device …" data-device="HOST">``. :func:`compute_layout` returns the
geometry (used by the tests), :func:`render_topology` the SVG.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from netaudit.report.i18n import t, tier_name, zone_name
from netaudit.results import Results

ZONE_ORDER = ("egress", "extranet", "finance", "core", "cloud", "aggregation", "county", "access")
TIER_ORDER = ("city", "county", "town", "village")
#: city zones left and right of the core (outermost first on the left, innermost first on the right)
LEFT_ZONES = ("egress", "extranet", "finance")
RIGHT_ZONES = ("cloud", "aggregation")

BOX_W, BOX_H, CLUSTER_H = 124, 38, 56
GAP_X = 34            # between two boxes of one row (room for a bundle label)
ROW_PITCH = 30        # vertical gap between two rows of one block
ZPAD, ZLABEL = 10, 18  # padding inside a zone region, room for its label
ZGAP = 14             # between two zone regions
OUTER_GAP = 64        # between the outer row and the zone row of the city band
FAN_GAP = 110         # between the zone row and the core
TREE_GAP = 64         # between two lower tiers (tree links)
LABEL_W, MARGIN = 46, 6
MAX_ROW, MAX_OUTER, SITE_MAX = 4, 6, 3
JUNCTION = 12         # how far from a cluster a bundle forks into its member legs

_INTF_NUM = re.compile(r"(\d+)/")
_SHORT_PLACE = re.compile(r"^(.{1,8}?(?:自治县|县|区|市|旗))")

_LOCAL = {
    "legend_bundle": ("并行链路合为一条（2×10G）", "Parallel links drawn as one (2×10G)"),
    "legend_access": ("接入层设备（虚线框）", "Access device (dashed)"),
    "other_sites": ("其他", "Other"),
}


def _tl(key: str, lang: str) -> str:
    zh, en = _LOCAL[key]
    return en if lang == "en" else zh


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


# --------------------------------------------------------------------------- geometry


@dataclass
class Box:
    """One device box."""

    host: str
    x: float
    y: float
    w: float
    h: float
    zone: str
    tier: str
    chassis: int = 1
    subtree: str = ""  # root site of the county subtree ("" in the city band)

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def member_span(self, m: int) -> tuple[float, float]:
        """x range of member ``m`` (1-based); the whole box for 0."""
        if self.chassis < 2 or m < 1:
            return self.x + 8, self.x + self.w - 8
        mw = (self.w - 6) / self.chassis
        x0 = self.x + 3 + mw * (m - 1)
        return x0 + 5, x0 + mw - 5


@dataclass
class Region:
    """A zone region, or a county sub-column (``kind == "subtree"``)."""

    kind: str
    key: str
    label: str
    x: float
    y: float
    w: float
    h: float
    title: str = ""


@dataclass
class Member:
    """One link of a bundle, oriented like the bundle (``a`` end on the bundle's ``a`` host)."""

    label: str
    a_intf: str
    b_intf: str
    bandwidth: str
    a_member: int
    b_member: int
    classes: set[str]


@dataclass
class Bundle:
    """All links between two devices, drawn as one line."""

    a: str
    b: str
    members: list[Member]
    classes: set[str] = field(default_factory=set)
    mode: str = "vertical"   # vertical | side | arc
    path: list[str] = field(default_factory=list)      # SVG path data: trunk first, then legs
    trunk: list[tuple[float, float]] = field(default_factory=list)  # end, [control points,] end
    label_xy: tuple[float, float] = (0.0, 0.0)

    @property
    def labels(self) -> list[str]:
        return [m.label for m in self.members]

    @property
    def text(self) -> str:
        bws = [m.bandwidth for m in self.members]
        if len(set(bws)) == 1:
            return bws[0] if len(bws) == 1 else f"{len(bws)}×{bws[0]}"
        return "+".join(sorted(bws, key=_bw_sort, reverse=True))


def _bw_sort(bw: str) -> float:
    m = re.match(r"^(\d+(?:\.\d+)?)([MG]?)$", bw)
    if not m:
        return 0.0
    return float(m.group(1)) * (1000 if m.group(2) == "G" else 1)


@dataclass
class Layout:
    """The computed picture: boxes, regions, tier bands and bundles."""

    width: float
    height: float
    boxes: dict[str, Box]
    regions: list[Region]
    bands: list[tuple[str, float, float]]
    bundles: list[Bundle]


def _chassis(d: dict[str, Any]) -> int:
    try:
        return max(1, int(d.get("chassis") or 1))
    except (TypeError, ValueError):
        return 1


def _box_size(chassis: int) -> tuple[float, float]:
    if chassis > 1:
        return max(BOX_W, chassis * 70 + 8), CLUSTER_H
    return BOX_W, BOX_H


def _short_place(desc: str, name: str, lang: str) -> str:
    """``饶平县政务外网节点`` → ``饶平县``; the site name in English or when nothing matches."""
    if lang != "en" and desc:
        m = _SHORT_PLACE.match(desc)
        return m.group(1) if m else desc[:10]
    return name


def _member_of(inventory: Any, host: str, intf: str, chassis: int) -> int:
    """Cluster member an interface lands on, via :func:`netaudit.topology.node_of` when possible."""
    if chassis < 2:
        return 0
    dev = inventory.device(host) if inventory is not None and hasattr(inventory, "device") else None
    if dev is not None and getattr(dev, "chassis", 1) == chassis:
        from netaudit.topology import chassis_of, node_of

        if chassis_of(dev, intf) is None:
            return 0
        node = node_of(dev, intf)
        _, _, k = node.partition("#")
        return int(k) if k.isdigit() else 0
    return _member(intf, chassis)


def _bundles(links: list[Any], hl: Highlights, chassis: dict[str, int], inventory: Any) -> list[Bundle]:
    by_pair: dict[frozenset[str], Bundle] = {}
    out: list[Bundle] = []
    for lk in links:
        pair = frozenset((lk.a_host, lk.b_host))
        b = by_pair.get(pair)
        if b is None:
            b = by_pair[pair] = Bundle(lk.a_host, lk.b_host, [])
            out.append(b)
        label = f"{lk.a_host}:{lk.a_intf}--{lk.b_host}:{lk.b_intf}"
        ai, bi = (lk.a_intf, lk.b_intf) if lk.a_host == b.a else (lk.b_intf, lk.a_intf)
        classes = set(hl.links.get(link_key(label), set()))
        b.members.append(Member(label, ai, bi, str(lk.bandwidth),
                                _member_of(inventory, b.a, ai, chassis[b.a]),
                                _member_of(inventory, b.b, bi, chassis[b.b]), classes))
        b.classes |= classes
    return out


def _distances(sources: Iterable[str], adj: dict[str, set[str]], allowed: set[str]) -> dict[str, int]:
    dist = {s: 0 for s in sources}
    q = deque(dist)
    while q:
        u = q.popleft()
        for v in sorted(adj.get(u, ())):
            if v in allowed and v not in dist:
                dist[v] = dist[u] + 1
                q.append(v)
    return dist


def _rows(hosts: list[str], per_row: int) -> list[list[str]]:
    return [hosts[i:i + per_row] for i in range(0, len(hosts), per_row)] or [[]]


def _row_width(hosts: list[str], chassis: dict[str, int]) -> float:
    return sum(_box_size(chassis[h])[0] for h in hosts) + GAP_X * max(0, len(hosts) - 1)


def _row_height(hosts: list[str], chassis: dict[str, int]) -> float:
    return max((_box_size(chassis[h])[1] for h in hosts), default=BOX_H)


@dataclass
class _Block:
    """A city zone block: inner rows (next to the core) and outer rows (further away)."""

    zone: str
    inner: list[list[str]]
    outer: list[list[str]]
    x: float = 0.0
    standalone: bool = False  # only outer rows: drawn in the outer row, over its neighbours

    def width(self, chassis: dict[str, int]) -> float:
        return max(_row_width(r, chassis) for r in [*self.inner, *self.outer]) + 2 * ZPAD


def compute_layout(results: Results, facts: dict[str, dict[str, Any]], inventory: Any = None,
                   lang: str = "zh") -> Layout | None:
    """Where every device, region and link goes; ``None`` when no device has a zone."""
    hl = highlights(results)
    hosts = sorted(h for h, d in facts.items() if d.get("zone"))
    if not hosts:
        return None
    zone = {h: str(facts[h].get("zone")) for h in hosts}
    tier = {h: str(facts[h].get("tier") or "") or "city" for h in hosts}
    chassis = {h: _chassis(facts[h]) for h in hosts}
    host_set = set(hosts)
    links = [lk for lk in (getattr(inventory, "links", None) or [])
             if lk.a_host in host_set and lk.b_host in host_set and lk.a_host != lk.b_host]
    adj: dict[str, set[str]] = defaultdict(set)
    for lk in links:
        adj[lk.a_host].add(lk.b_host)
        adj[lk.b_host].add(lk.a_host)
    bundles = _bundles(links, hl, chassis, inventory)

    boxes: dict[str, Box] = {}
    regions: list[Region] = []

    # ---------------------------------------------------------------- city band
    city = [h for h in hosts if tier[h] == "city"]
    cores = [h for h in city if zone[h] == "core"]
    dist = _distances(cores, adj, set(city))
    blocks: list[_Block] = []
    for z in sorted({zone[h] for h in city} - {"core"}, key=lambda z: (
            0 if z in LEFT_ZONES else 1 if z in RIGHT_ZONES else 2,
            (LEFT_ZONES + RIGHT_ZONES).index(z) if z in LEFT_ZONES + RIGHT_ZONES else 0, z)):
        members = [h for h in city if zone[h] == z]
        inner = [h for h in members if dist.get(h, 1) <= 1]
        outer = [h for h in members if dist.get(h, 1) > 1]
        blk = _Block(z, _rows(inner, MAX_ROW) if inner else [], _rows(outer, MAX_OUTER) if outer else [])
        blk.standalone = not inner
        blocks.append(blk)
    zone_row = [b for b in blocks if not b.standalone]
    outer_only = [b for b in blocks if b.standalone]

    y_top = 4.0
    # outer row height (rows stacked upward, aligned to the bottom next to the zone row)
    outer_h = 0.0
    for b in blocks:
        if b.outer:
            outer_h = max(outer_h, sum(_row_height(r, chassis) for r in b.outer) + ROW_PITCH * (len(b.outer) - 1))
    inner_h = max((sum(_row_height(r, chassis) for r in b.inner) + ROW_PITCH * (len(b.inner) - 1)
                   for b in zone_row), default=0.0)
    core_h = max((_box_size(chassis[h])[1] for h in cores), default=0.0)
    y = y_top + ZPAD + ZLABEL
    outer_bottom = y + outer_h
    inner_top = outer_bottom + (OUTER_GAP if outer_h else 0.0) + (ZLABEL if outer_h else 0.0)
    inner_bottom = inner_top + inner_h
    core_top = inner_bottom + (FAN_GAP if zone_row else 0.0)
    city_bottom = (core_top + core_h if cores else inner_bottom) + ZPAD + 8

    def place_rows(rows: list[list[str]], x0: float, width: float, bottom: float, subtree: str = "") -> float:
        """Place rows centred in [x0, x0 + width], the last row ending at ``bottom``; top of the first."""
        yy = bottom
        for row in reversed(rows):
            rh = _row_height(row, chassis)
            yy -= rh
            xx = x0 + (width - _row_width(row, chassis)) / 2
            for h in row:
                w, hh = _box_size(chassis[h])
                boxes[h] = Box(h, xx, yy + (rh - hh) / 2, w, hh, zone[h], tier[h], chassis[h], subtree)
                xx += w + GAP_X
            yy -= ROW_PITCH
        return yy + ROW_PITCH

    x = left_end = float(LABEL_W + MARGIN)
    for b in zone_row:
        b.x = x
        x += b.width(chassis) + ZGAP
        if b.zone in LEFT_ZONES:
            left_end = x
    row_right = x - ZGAP
    if cores:
        has_left = any(b.zone in LEFT_ZONES for b in zone_row)
        has_right = any(b.zone not in LEFT_ZONES for b in zone_row)
        core_cx = (left_end - ZGAP / 2) if has_left and has_right else (LABEL_W + MARGIN + row_right) / 2
        core_w = _row_width(cores, chassis)
        core_x0 = max(float(LABEL_W + MARGIN + ZPAD), core_cx - core_w / 2)
        place_rows([cores], core_x0, core_w, core_top + core_h)
        room = 12.5 * len(zone_name("core", lang)) + 16
        regions.append(Region("zone", "core", zone_name("core", lang), core_x0 - ZPAD - room, core_top - ZPAD,
                              core_w + 2 * ZPAD + room, core_h + 2 * ZPAD))
        row_right = max(row_right, core_x0 + core_w + ZPAD)

    # zone-row blocks (inner rows at the bottom, their own outer rows above)
    busy: list[tuple[float, float]] = []
    for b in zone_row:
        bw = b.width(chassis)
        place_rows(b.inner, b.x + ZPAD, bw - 2 * ZPAD, inner_bottom)
        top = inner_top - ZLABEL - ZPAD
        if b.outer:
            place_rows(b.outer, b.x + ZPAD, bw - 2 * ZPAD, outer_bottom)
            top = outer_bottom - sum(_row_height(r, chassis) for r in b.outer) \
                - ROW_PITCH * (len(b.outer) - 1) - ZLABEL - ZPAD
            busy.append((b.x, b.x + bw))
        regions.append(Region("zone", b.zone, zone_name(b.zone, lang), b.x, top, bw, inner_bottom + ZPAD - top))
    # blocks of the outer row only (e.g. city access): over the devices they hang from
    for b in outer_only:
        bw = b.width(chassis)
        members = [h for r in b.outer for h in r]
        anchors = [boxes[n].cx for h in members for n in adj.get(h, ()) if n in boxes]
        want = (sum(anchors) / len(anchors) if anchors else (LABEL_W + row_right) / 2) - bw / 2
        want = max(LABEL_W + MARGIN, min(want, row_right - bw))
        x0 = _free_spot(want, bw, busy, LABEL_W + MARGIN)
        busy.append((x0, x0 + bw))
        # members ordered by where their neighbours are
        order = sorted(members, key=lambda h: (_mean([boxes[n].cx for n in adj.get(h, ()) if n in boxes]), h))
        b.outer = _rows(order, MAX_OUTER)
        place_rows(b.outer, x0 + ZPAD, bw - 2 * ZPAD, outer_bottom)
        top = outer_bottom - sum(_row_height(r, chassis) for r in b.outer) \
            - ROW_PITCH * (len(b.outer) - 1) - ZLABEL - ZPAD
        regions.append(Region("zone", b.zone, zone_name(b.zone, lang), x0, top, bw, outer_bottom + ZPAD - top))
        row_right = max(row_right, x0 + bw)
    bands: list[tuple[str, float, float]] = []
    if city:
        bands.append(("city", 0.0, city_bottom))
    else:
        city_bottom = 0.0

    # ---------------------------------------------------------------- lower tiers: county subtrees
    lower = [h for h in hosts if tier[h] != "city"]
    right = row_right
    if lower:
        right = max(right, _layout_lower(lower, facts, zone, tier, chassis, inventory, boxes, regions, bands,
                                         city_bottom, cores, lang))
    width = max(right, *(bx.x + bx.w for bx in boxes.values())) + ZPAD + MARGIN
    height = bands[-1][1] + bands[-1][2] if bands else city_bottom
    _route(bundles, boxes)
    _place_labels(bundles, boxes, regions)
    return Layout(width, height + 2, boxes, regions, bands, bundles)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _free_spot(want: float, width: float, busy: list[tuple[float, float]], lo: float) -> float:
    """The x nearest ``want`` (≥ ``lo``) where ``[x, x + width]`` overlaps no busy interval."""
    def free(x0: float) -> bool:
        return all(x0 + width + ZGAP <= a or x0 >= b + ZGAP for a, b in busy)

    for step in range(0, 400):
        for x0 in (want - step * 10, want + step * 10):
            if x0 >= lo and free(x0):
                return x0
    return max([lo, *(b + ZGAP for _, b in busy)])


def _layout_lower(lower: list[str], facts: dict[str, dict[str, Any]], zone: dict[str, str], tier: dict[str, str],
                  chassis: dict[str, int], inventory: Any, boxes: dict[str, Box], regions: list[Region],
                  bands: list[tuple[str, float, float]], top: float, cores: list[str], lang: str) -> float:
    """County, town and village bands: one sub-column per county subtree; the right edge."""
    sites = {s.name: s for s in (getattr(inventory, "sites", None) or [])}
    parent = {n: s.parent for n, s in sites.items()}
    site_tier = {n: str(s.tier) for n, s in sites.items()}

    def root_of(site: str) -> str:
        seen = set()
        cur = site
        while cur in parent and parent[cur] and parent[cur] in sites and site_tier.get(parent[cur] or "") != "city":
            if cur in seen:
                break
            seen.add(cur)
            cur = parent[cur] or cur
        return cur if cur in sites else ""

    tiers = [x for x in TIER_ORDER[1:] if any(tier[h] == x for h in lower)]
    tiers += sorted({tier[h] for h in lower} - set(tiers))
    at_site: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, list[str]] = defaultdict(list)
    for h in lower:
        site = str(facts[h].get("site") or "")
        root = root_of(site) if site in sites and site_tier.get(site) == tier[h] else ""
        groups[root].append(h)
        if root:
            at_site[site].append(h)
    order = [n for n in sites if n in groups] + ([""] if "" in groups else [])

    def site_hosts(s: str) -> list[str]:
        return sorted(at_site.get(s, []), key=lambda h: (zone[h] == "access", h))

    children: dict[str, list[str]] = defaultdict(list)
    for n in sites:
        p = parent.get(n)
        if p and p in sites and n != p:
            children[p].append(n)
    width_memo: dict[str, int] = {}

    def has_devices(s: str, depth: int = 0) -> bool:
        return bool(at_site.get(s)) or (depth < 16 and any(has_devices(c, depth + 1) for c in children[s]))

    def kids(s: str) -> list[str]:
        return [c for c in children[s] if has_devices(c)]

    def slots(s: str, depth: int = 0) -> int:
        if s not in width_memo:
            own = min(SITE_MAX, len(site_hosts(s)))
            width_memo[s] = max(own, sum(slots(c, depth + 1) for c in kids(s)) if depth < 16 else 0, 1)
        return width_memo[s]

    # slot positions (in slot units) per host, and rows within a tier band
    pos: dict[str, tuple[float, int]] = {}

    def place(s: str, x0: float, depth: int = 0) -> None:
        hs = site_hosts(s)
        cols = min(SITE_MAX, len(hs))
        start = x0 + (slots(s) - cols) / 2
        for i, h in enumerate(hs):
            pos[h] = (start + i % SITE_MAX, i // SITE_MAX)
        ks = kids(s)
        xx = x0 + (slots(s) - sum(slots(c) for c in ks)) / 2
        for c in ks:
            if depth < 16:
                place(c, xx, depth + 1)
            xx += slots(c)

    group_slots: dict[str, int] = {}
    for g in order:
        if g:
            place(g, 0.0)
            group_slots[g] = slots(g)
        else:
            per_tier: dict[str, list[str]] = defaultdict(list)
            for h in sorted(groups[""]):
                per_tier[tier[h]].append(h)
            for hs in per_tier.values():
                for i, h in enumerate(hs):
                    pos[h] = (float(i % SITE_MAX), i // SITE_MAX)
            group_slots[g] = min(SITE_MAX, max(len(v) for v in per_tier.values()))

    max_w = max((_box_size(chassis[h])[0] for h in lower), default=float(BOX_W))
    slot_w = max(float(BOX_W + GAP_X), max_w + GAP_X)
    col_w = {g: group_slots[g] * slot_w - GAP_X + 2 * ZPAD for g in order}
    total = sum(col_w.values()) + ZGAP * (len(order) - 1) + 2 * ZPAD
    centre = _mean([boxes[c].cx for c in cores]) if cores and all(c in boxes for c in cores) else 0.0
    x0 = max(float(LABEL_W + MARGIN), centre - total / 2) if centre else float(LABEL_W + MARGIN)

    # tier bands: header room in the first band for the zone and sub-column labels
    rows_in = {x: 1 + max((pos[h][1] for h in lower if tier[h] == x), default=0) for x in tiers}
    row_h = {x: max((_box_size(chassis[h])[1] for h in lower if tier[h] == x), default=BOX_H) for x in tiers}
    band_y: dict[str, float] = {}
    y = top
    for i, tr in enumerate(tiers):
        head = (2 * ZLABEL + ZPAD + 6) if i == 0 else TREE_GAP / 2
        tail = TREE_GAP / 2 if i < len(tiers) - 1 else ZPAD + 8
        band_h = head + rows_in[tr] * row_h[tr] + (rows_in[tr] - 1) * ROW_PITCH + tail
        band_y[tr] = y + head
        bands.append((tr, y, band_h))
        y += band_h
    bottom = y

    xx = x0 + ZPAD
    zones_below = {zone[h] for h in lower}
    main_zone = "county" if "county" in zones_below else sorted(zones_below)[0]
    sub_top = top + ZLABEL + ZPAD + 2
    for g in order:
        for h in groups[g]:
            sx, r = pos[h]
            w, hh = _box_size(chassis[h])
            cx = xx + ZPAD + sx * slot_w + (slot_w - GAP_X) / 2
            yy = band_y[tier[h]] + r * (row_h[tier[h]] + ROW_PITCH) + (row_h[tier[h]] - hh) / 2
            boxes[h] = Box(h, cx - w / 2, yy, w, hh, zone[h], tier[h], chassis[h], g)
        if g:
            s = sites[g]
            label = _short_place(str(getattr(s, "description", "") or ""), g, lang)
            title = f"{g} {getattr(s, 'description', '') or ''}".strip()
        else:
            label, title = _tl("other_sites", lang), ""
        regions.append(Region("subtree", g or "-", label, xx, sub_top, col_w[g], bottom - sub_top - 4, title))
        xx += col_w[g] + ZGAP
    regions.insert(0, Region("zone", main_zone, zone_name(main_zone, lang), x0, top + 2, total, bottom - top - 2))
    return x0 + total


# --------------------------------------------------------------------------- routing


def _edge_ports(bundles: list[Bundle], boxes: dict[str, Box]
                ) -> tuple[dict[tuple[int, str, int], tuple[float, float]], dict[tuple[int, str], str]]:
    """Port coordinates ((bundle index, end "a"/"b", member) → point on the box edge) and sides.

    Ports sharing one edge of one box (or member) are spread along it, ordered by where the far
    end is, so lines arriving at a busy box do not cross right at it."""
    uses: dict[tuple[str, str, int], list[tuple[float, int, str, int]]] = defaultdict(list)
    sides: dict[tuple[int, str], str] = {}
    for i, b in enumerate(bundles):
        ba, bb = boxes[b.a], boxes[b.b]
        if ba.bottom <= bb.y or bb.bottom <= ba.y:
            b.mode = "vertical"
            upper, lower = ("a", "b") if ba.y < bb.y else ("b", "a")
            sides[(i, upper)], sides[(i, lower)] = "bottom", "top"
        else:
            lo, hi = sorted((ba, bb), key=lambda x: x.x)
            between = [x for x in boxes.values() if x.host not in (b.a, b.b) and x.x > lo.x and x.x < hi.x
                       and not (x.bottom <= max(lo.y, hi.y) or x.y >= min(lo.bottom, hi.bottom))]
            if between:
                b.mode = "arc"
                sides[(i, "a")] = sides[(i, "b")] = "top"
            else:
                b.mode = "side"
                sides[(i, "a")] = "right" if ba.x < bb.x else "left"
                sides[(i, "b")] = "left" if ba.x < bb.x else "right"
        for end, host, other in (("a", b.a, b.b), ("b", b.b, b.a)):
            ms = sorted({m.a_member if end == "a" else m.b_member for m in b.members})
            for m in ms:
                ob = boxes[other]
                key = ob.cx if sides[(i, end)] in ("top", "bottom") else ob.y
                uses[(host, sides[(i, end)], m)].append((key, i, end, m))
    ports: dict[tuple[int, str, int], tuple[float, float]] = {}
    for (host, side, m), lst in uses.items():
        bx = boxes[host]
        lst.sort()
        n = len(lst)
        for k, (_, i, end, mem) in enumerate(lst):
            if side in ("top", "bottom"):
                x0, x1 = bx.member_span(m)
                px = x0 + (x1 - x0) * (k + 1) / (n + 1) if n > 1 else (x0 + x1) / 2
                ports[(i, end, mem)] = (px, bx.y if side == "top" else bx.bottom)
            else:
                y0, y1 = bx.y + 8, bx.bottom - 8
                py = y0 + (y1 - y0) * (k + 1) / (n + 1) if n > 1 else (y0 + y1) / 2
                ports[(i, end, mem)] = (bx.x if side == "left" else bx.x + bx.w, py)
    return ports, sides


def _route(bundles: list[Bundle], boxes: dict[str, Box]) -> None:
    """Trunk and fork legs of every bundle (``Bundle.trunk`` and ``Bundle.path``)."""
    ports, sides = _edge_ports(bundles, boxes)
    for i, b in enumerate(bundles):
        side_a, side_b = sides[(i, "a")], sides[(i, "b")]
        ends: dict[str, tuple[tuple[float, float], list[tuple[float, float]]]] = {}
        for end, side in (("a", side_a), ("b", side_b)):
            ms = sorted({m.a_member if end == "a" else m.b_member for m in b.members})
            pts = [ports[(i, end, m)] for m in ms]
            if len(pts) == 1:
                ends[end] = (pts[0], [])
            else:
                dx, dy = {"top": (0, -1), "bottom": (0, 1), "left": (-1, 0), "right": (1, 0)}[side]
                jx = _mean([p[0] for p in pts]) + dx * JUNCTION
                jy = _mean([p[1] for p in pts]) + dy * JUNCTION
                ends[end] = ((jx, jy), pts)
        (ax, ay), legs_a = ends["a"]
        (bx, by), legs_b = ends["b"]
        if b.mode == "arc":
            lift = 22 + min(40.0, abs(bx - ax) * 0.08)
            b.trunk = [(ax, ay), ((ax + bx) / 2, min(ay, by) - 2 * lift), (bx, by)]
        elif b.mode == "vertical" and abs(bx - ax) > 1.2 * abs(by - ay) and \
                (boxes[b.a].subtree or boxes[b.b].subtree):
            # a wide, shallow drop into a county sub-column (core → county node, county → town):
            # a gentle S leaving and entering vertically. The fan into the core stays straight.
            k = abs(by - ay) * 0.7 * (1 if by > ay else -1)
            b.trunk = [(ax, ay), (ax, ay + k), (bx, by - k), (bx, by)]
        else:
            b.trunk = [(ax, ay), (bx, by)]
        paths = [_path_d(b.trunk)]
        for (jx, jy), legs in (((ax, ay), legs_a), ((bx, by), legs_b)):
            for px, py in legs:
                paths.append(f"M{jx:.1f},{jy:.1f} L{px:.1f},{py:.1f}")
        b.path = paths


def _path_d(pts: list[tuple[float, float]]) -> str:
    cmd = {2: "L", 3: "Q", 4: "C"}[len(pts)]
    return f"M{pts[0][0]:.1f},{pts[0][1]:.1f} {cmd}" + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts[1:])


def _bezier(pts: list[tuple[float, float]], tt: float) -> tuple[float, float]:
    """Point at ``tt`` of a line or Bézier curve given by its control points (de Casteljau)."""
    cur = list(pts)
    while len(cur) > 1:
        cur = [(a[0] + (b[0] - a[0]) * tt, a[1] + (b[1] - a[1]) * tt) for a, b in zip(cur, cur[1:], strict=False)]
    return cur[0]


def _label_size(text: str) -> tuple[float, float]:
    return 6.0 * len(text) + 6, 13.0


def _overlaps(r1: tuple[float, float, float, float], r2: tuple[float, float, float, float]) -> bool:
    return not (r1[2] <= r2[0] or r2[2] <= r1[0] or r1[3] <= r2[1] or r2[3] <= r1[1])


def _label_anchor(r: Region) -> tuple[float, float, float, float]:
    """Where a region's label goes: (x, baseline y, width, height)."""
    w = 12.5 * len(r.label) + 4
    if r.kind == "zone" and r.key == "core":  # left of the core box: links arrive on top
        return r.x + 8, r.y + r.h / 2 + 5, w, 16
    return r.x + 8, r.y + 15, w, 16


def _place_labels(bundles: list[Bundle], boxes: dict[str, Box], regions: list[Region]) -> None:
    """Each bundle's label on its line, near the end with fewer links, where nothing else is."""
    degree: dict[str, int] = defaultdict(int)
    for b in bundles:
        degree[b.a] += 1
        degree[b.b] += 1
    taken: list[tuple[float, float, float, float]] = [
        (bx.x - 2, bx.y - 2, bx.x + bx.w + 2, bx.bottom + 2) for bx in boxes.values()]
    for r in regions:
        x, y, w, h = _label_anchor(r)
        taken.append((x, y - h + 3, x + w, y + 3))
    order = sorted(range(len(bundles)), key=lambda i: (bundles[i].mode != "side", i))
    for i in order:
        b = bundles[i]
        pts = list(b.trunk)
        if degree[b.b] < degree[b.a]:  # measure from the quieter end
            pts.reverse()
        w, h = _label_size(b.text)

        def at(tt: float, pts: list[tuple[float, float]] = pts) -> tuple[float, float]:
            return _bezier(pts, tt)

        cands: list[float] = [0.5] if b.mode in ("side", "arc") else []
        cands += [0.3, 0.4, 0.22, 0.5, 0.6, 0.16, 0.7, 0.12, 0.8, 0.35, 0.45, 0.26]
        best: tuple[float, float] | None = None
        for tt in cands:
            x, y = at(tt)
            rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            if not any(_overlaps(rect, r) for r in taken):
                best = (x, y)
                break
        if best is None:
            best = at(cands[0])
        taken.append((best[0] - w / 2, best[1] - h / 2, best[0] + w / 2, best[1] + h / 2))
        b.label_xy = best


# --------------------------------------------------------------------------- SVG


def render_topology(results: Results, facts: dict[str, dict[str, Any]], inventory: Any = None,
                    lang: str = "zh") -> str:
    """The ``<svg>`` element (a string) of the topology; a short note when there are no devices."""
    lay = compute_layout(results, facts, inventory, lang)
    if lay is None:
        return f'<p class="muted">{escape(t("no_topology", lang))}</p>'
    hl = highlights(results)
    failing = {f.device for f in results.findings if f.status == "fail"}
    width, height = math.ceil(lay.width), math.ceil(lay.height)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="topology" id="topology" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(t("topology", lang))}">'
    ]
    for tr, y0, h in lay.bands:
        out.append(f'<rect class="tier-band" data-tier="{escape(tr)}" x="0" y="{y0:.0f}" width="{width}" '
                   f'height="{h:.0f}"/>')
        out.append(f'<text class="tier-label" x="8" y="{y0 + 20:.0f}">{escape(tier_name(tr, lang))}</text>')
    for r in lay.regions:
        cls = "zone-col" if r.kind == "zone" else "subtree"
        attr = "data-zone" if r.kind == "zone" else "data-site"
        out.append(f'<rect class="{cls}" {attr}="{escape(r.key)}" x="{r.x:.0f}" y="{r.y:.0f}" '
                   f'width="{r.w:.0f}" height="{r.h:.0f}" rx="6"/>')
    # links under the devices
    out.append('<g class="links">')
    for b in lay.bundles:
        classes = ["link", *(["bundle"] if len(b.members) > 1 else []), *sorted(b.classes)]
        tips = []
        for m in b.members:
            tip = f"{m.label} ({m.bandwidth})"
            if m.classes:
                tip += " — " + ", ".join(sorted(m.classes))
            tips.append(tip)
        lx, ly = b.label_xy
        shapes = "".join(f'<path class="{"trunk" if k == 0 else "leg"}" d="{d}"/>' for k, d in enumerate(b.path))
        if len(b.members) > 1:  # each member link findable on its own, with its own highlight classes
            shapes += "".join(
                f'<g class="{" ".join(["member-link", *sorted(m.classes)])}" data-link="{escape(m.label)}" '
                f'data-bandwidth="{escape(m.bandwidth)}"/>' for m in b.members)
        out.append(
            f'<g class="{" ".join(classes)}" data-link="{escape(" ".join(b.labels))}" '
            f'data-count="{len(b.members)}" data-bandwidth="{escape(" ".join(m.bandwidth for m in b.members))}">'
            f'<title>{escape(chr(10).join(tips))}</title>{shapes}'
            f'<text class="bw" x="{lx:.1f}" y="{ly + 3.5:.1f}" text-anchor="middle">{escape(b.text)}</text></g>')
    out.append("</g>")
    # devices
    out.append('<g class="devices">')
    for host, bx in sorted(lay.boxes.items()):
        d = facts[host]
        n = bx.chassis
        classes = ["device", f"zone-{bx.zone}", *sorted(hl.devices.get(host, set()))]
        if host in failing:
            classes.append("has-fail")
        if n > 1:
            classes.append("cluster")
        tip = f"{host} {d.get('model') or ''} {d.get('mgmt_ip') or ''}".strip()
        if d.get("site"):
            tip += f"\n{d.get('site')}"
        for note in hl.notes.get(host, []):
            tip += "\n" + note
        gx, gy, gw, gh = bx.x, bx.y, bx.w, bx.h
        out.append(f'<g class="{" ".join(classes)}" data-device="{escape(host)}" data-zone="{escape(bx.zone)}" '
                   f'data-tier="{escape(bx.tier)}" data-subtree="{escape(bx.subtree)}">'
                   f'<title>{escape(tip)}</title>'
                   f'<rect class="box" x="{gx:.1f}" y="{gy:.1f}" width="{gw:.0f}" height="{gh:.0f}" rx="5"/>')
        if n > 1:
            # the members fill the box, so a link landing on a member's edge visibly lands on it
            mw = (gw - 6) / n
            for i in range(n):
                out.append(f'<rect class="member" data-member="{i + 1}" x="{gx + 3 + i * mw + 1:.1f}" y="{gy + 3:.1f}" '
                           f'width="{mw - 2:.1f}" height="{gh - 6:.0f}" rx="3"/>'
                           f'<text class="member-label" x="{gx + 3 + i * mw + mw / 2:.1f}" y="{gy + gh - 9:.1f}" '
                           f'text-anchor="middle">#{i + 1}</text>')
            out.append(f'<text class="host" x="{gx + gw / 2:.1f}" y="{gy + 22:.1f}" text-anchor="middle">'
                       f'{escape(host)}</text>')
        else:
            out.append(f'<text class="host" x="{gx + gw / 2:.1f}" y="{gy + 15:.1f}" text-anchor="middle">{escape(host)}</text>'
                       f'<text class="model" x="{gx + gw / 2:.1f}" y="{gy + 30:.1f}" text-anchor="middle">'
                       f'{escape(str(d.get("model") or ""))}</text>')
        out.append("</g>")
    out.append("</g>")
    # region labels last, so links never hide them
    out.append('<g class="region-labels">')
    for r in lay.regions:
        cls = "zone-label" if r.kind == "zone" else "subtree-label"
        title = f"<title>{escape(r.title)}</title>" if r.title else ""
        x, y, _, _ = _label_anchor(r)
        out.append(f'<text class="{cls}" x="{x:.0f}" y="{y:.0f}">{title}{escape(r.label)}</text>')
    out.append("</g></svg>")
    return "".join(out)


def legend(lang: str = "zh") -> str:
    """A small inline-SVG legend for the highlight classes."""
    items = [("spof", t("legend_spof", lang)), ("underprovisioned", t("legend_under", lang)),
             ("css-one-chassis", t("legend_css", lang))]
    parts = []
    for cls, text in items:
        parts.append(f'<span class="legend-item"><svg width="34" height="12" class="topology">'
                     f'<g class="link {cls}"><path d="M2,6 L32,6"/></g></svg> {escape(text)}</span>')
    parts.append(f'<span class="legend-item"><svg width="20" height="14" class="topology"><g class="device cluster">'
                 f'<rect class="box" x="1" y="1" width="18" height="12" rx="2"/>'
                 f'<rect class="member" x="3" y="4" width="6" height="7"/><rect class="member" x="11" y="4" width="6" height="7"/>'
                 f'</g></svg> {escape(t("legend_cluster", lang))}</span>')
    parts.append(f'<span class="legend-item"><svg width="44" height="16" class="topology"><g class="link bundle">'
                 f'<path class="trunk" d="M2,8 L30,8"/><path class="leg" d="M30,8 L42,2"/>'
                 f'<path class="leg" d="M30,8 L42,14"/></g></svg> {escape(_tl("legend_bundle", lang))}</span>')
    parts.append(f'<span class="legend-item"><svg width="22" height="14" class="topology"><g class="device zone-access">'
                 f'<rect class="box" x="1" y="1" width="20" height="12" rx="2"/></g></svg> '
                 f'{escape(_tl("legend_access", lang))}</span>')
    return '<div class="legend">' + "".join(parts) + "</div>"
