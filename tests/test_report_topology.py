"""The topology picture's layout on the real example project (no browser): county sub-columns, bundles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from report_helpers import sample_inventory, sample_results

import netaudit.checks.all  # noqa: F401
from netaudit.audit import run_audit
from netaudit.inventory import load_inventory
from netaudit.policy import load_policies, load_waivers
from netaudit.policy.catalog import default_policy_files
from netaudit.report.summary import device_facts
from netaudit.report.topology_svg import Layout, compute_layout, render_topology
from netaudit.results import Results
from netaudit.snapshot.store import open_snapshot

ROOT = Path(__file__).resolve().parents[1]
COUNTIES = {"XQ-": "xiangqiao", "CA-": "chaoan", "RP-": "raoping", "FX-": "fengxi"}


@pytest.fixture(scope="module")
def example() -> tuple[Results, Any]:
    inv = load_inventory(ROOT)
    policy = load_policies(default_policy_files(ROOT))
    waivers = load_waivers(ROOT / "policies" / "waivers.yaml", set(policy.entries))
    return run_audit(inv, inv.devices, open_snapshot(ROOT, "example"), policy, waivers, workers=2), inv


@pytest.fixture(scope="module")
def layout(example: tuple[Results, Any]) -> Layout:
    results, inv = example
    lay = compute_layout(results, device_facts(results, inv), inv)
    assert lay is not None
    return lay


@pytest.fixture(scope="module")
def svg(example: tuple[Results, Any]) -> str:
    results, inv = example
    return render_topology(results, device_facts(results, inv), inv)


def test_every_county_subtree_has_its_own_sub_column(layout: Layout) -> None:
    lower = [b for b in layout.boxes.values() if b.tier != "city"]
    assert len(lower) == 19 + 4  # county zone + the access switches of county and town sites
    for b in lower:
        assert b.subtree == COUNTIES[b.host[:3]], b.host
    spans = {}
    for root in COUNTIES.values():
        mine = [b for b in lower if b.subtree == root]
        assert {b.tier for b in mine} >= {"county", "town", "village"}
        spans[root] = (min(b.x for b in mine), max(b.x + b.w for b in mine))
    ordered = sorted(spans.values())
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        assert end < start, f"sub-columns interleave: {spans}"
    # each sub-column is a labelled region that holds exactly its devices
    regions = {r.key: r for r in layout.regions if r.kind == "subtree"}
    assert {regions[k].label for k in COUNTIES.values()} == {"湘桥区", "潮安区", "饶平县", "枫溪区"}
    for b in lower:
        r = regions[b.subtree]
        assert r.x <= b.x and b.x + b.w <= r.x + r.w and r.y <= b.y and b.y + b.h <= r.y + r.h, b.host


def test_tiers_are_layers_and_children_hang_under_their_parent(layout: Layout) -> None:
    band = {tier: (y, y + h) for tier, y, h in layout.bands}
    assert list(band) == ["city", "county", "town", "village"]
    for b in layout.boxes.values():
        y0, y1 = band[b.tier]
        assert y0 <= b.y and b.y + b.h <= y1, b.host
    box = layout.boxes
    # a village sits in the span of its town's subtree, e.g. 黄冈镇霞东村 under 黄冈镇
    assert abs(box["RP-HG-XD-SW"].cx - box["RP-HG-SW"].cx) < 1
    assert abs(box["FX-FX-TX-SW"].cx - box["FX-FX-SW"].cx) < 1
    assert box["CA-AB-WL-SW"].cx < box["CA-CT-JS-SW"].cx and box["CA-AB-SW"].cx < box["CA-CT-SW"].cx
    # the core sits below the other city zones, the county nodes below the core
    assert box["CZ-CORE"].y > box["CZ-FIN-01"].bottom
    assert all(box[h].y > box["CZ-CORE"].bottom for h in ("XQ-CORE", "CA-CORE", "RP-CORE", "FX-CORE"))


def test_parallel_links_are_bundled(layout: Layout, example: tuple[Results, Any]) -> None:
    _, inv = example
    pairs = {frozenset((lk.a_host, lk.b_host)) for lk in inv.links}
    assert len(layout.bundles) == len(pairs) < len(inv.links)
    assert sum(len(b.members) for b in layout.bundles) == len(inv.links)
    by_pair = {frozenset((b.a, b.b)): b for b in layout.bundles}
    cloud = by_pair[frozenset(("CZ-CORE", "CZ-CLOUD-01"))]
    assert cloud.text == "2×10G" and len(cloud.members) == 2
    assert len(cloud.path) == 3  # one trunk, forking into a leg per core chassis
    rp = by_pair[frozenset(("CZ-CORE", "RP-CORE"))]
    assert rp.text == "1G+100M" and rp.classes == {"underprovisioned"}
    fin = by_pair[frozenset(("CZ-CORE", "CZ-FIN-02"))]
    assert fin.text == "2×10G" and fin.classes == {"css-one-chassis"}
    assert {m.a_member if fin.a == "CZ-CORE" else m.b_member for m in fin.members} == {1}
    assert len(fin.path) == 1  # both links land on chassis 1: no fork
    fx = by_pair[frozenset(("CZ-CORE", "FX-CORE"))]
    assert fx.text == "1G" and fx.classes == {"spof"} and len(fx.members) == 1


def test_labels_do_not_overlap(layout: Layout) -> None:
    rects = []
    for b in layout.bundles:
        x, y = b.label_xy
        w = 6.0 * len(b.text) + 6
        rects.append((x - w / 2, y - 6, x + w / 2, y + 6))
    clashes = [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:]
               if not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])]
    assert not clashes


def test_svg_size_and_bundle_markup(layout: Layout, svg: str) -> None:
    assert layout.width <= 2200
    m = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg)
    assert m and int(m.group(1)) <= 2200
    # a bundle is one element listing every member link
    groups = re.findall(r'<g class="([^"]*)" data-link="([^"]*)"', svg)
    fin = [(c, d) for c, d in groups if "CZ-FIN-02:XGigabitEthernet0/0/1" in d and "link" in c.split()]
    assert len(fin) == 1
    # … and holds one child per member, findable by its exact label, with its own classes
    member = [c for c, d in groups if d == "CZ-CORE:XGigabitEthernet1/1/0/8--CZ-FIN-02:XGigabitEthernet0/0/1"]
    assert member == ["member-link css-one-chassis"]
    cls, links = fin[0]
    assert set(cls.split()) >= {"link", "bundle", "css-one-chassis"}
    assert sorted(links.split()) == ["CZ-CORE:XGigabitEthernet1/1/0/8--CZ-FIN-02:XGigabitEthernet0/0/1",
                                     "CZ-CORE:XGigabitEthernet1/1/0/9--CZ-FIN-02:XGigabitEthernet0/0/2"]
    assert "2×10G" in svg and 'data-site="raoping"' in svg and ">饶平县<" in svg
    assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_english_labels_and_synthetic_sample() -> None:
    results, inv = sample_results(), sample_inventory()
    svg = render_topology(results, device_facts(results, inv), inv, lang="en")
    assert ">raoping<" in svg and "Core" in svg
    link = "CZ-CORE:GigabitEthernet1/3/0/5--RP-CNTY-01:GigabitEthernet1/0/1"
    assert re.search(r'<g class="link[^"]*\bspof\b[^"]*" data-link="[^"]*' + re.escape(link), svg)


def test_no_inventory_still_draws_devices() -> None:
    results = sample_results()
    svg = render_topology(results, device_facts(results, None), None)
    assert svg.startswith("<svg") and 'data-device="RP-VIL-DC"' in svg
