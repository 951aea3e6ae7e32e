"""Open the HTML report in headless Chromium (Debian's, never downloaded) and use it like a reader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_helpers import REPO

from netaudit.report import write_reports

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run under CI: {reason}")
    pytest.skip(reason)


def _example():
    """The audit of the repository's example project (as tests/test_audit_example.py runs it)."""
    import netaudit.checks.all  # noqa: F401
    from netaudit.audit import run_audit
    from netaudit.inventory import load_inventory
    from netaudit.policy import load_policies, load_waivers
    from netaudit.policy.catalog import default_policy_files
    from netaudit.snapshot.store import open_snapshot

    inv = load_inventory(REPO)
    policy = load_policies(default_policy_files(REPO))
    waivers = load_waivers(REPO / "policies" / "waivers.yaml", set(policy.entries))
    return run_audit(inv, inv.devices, open_snapshot(REPO, "example"), policy, waivers, workers=2), inv


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        _unavailable(f"playwright not importable: {exc}")
    out = tmp_path_factory.mktemp("html")
    results, inv = _example()
    (html,) = write_reports(results, ["html"], out / "netaudit-report.html", inventory=inv)
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not installed")
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure means "no browser here"
            _unavailable(f"chromium did not launch: {exc}")
        pg = browser.new_page(viewport={"width": 1600, "height": 1000})
        pg.goto(html.as_uri())
        yield pg
        browser.close()


def _visible_rows(pg) -> int:
    return pg.evaluate("Array.from(document.querySelectorAll('tr.finding')).filter(r => !r.hidden).length")


FX_UPLINK = "CZ-CORE:GigabitEthernet1/2/0/4--FX-CORE:XGigabitEthernet0/0/1"
FIN02_TRUNK = ["CZ-CORE:XGigabitEthernet1/1/0/8--CZ-FIN-02:XGigabitEthernet0/0/1",
               "CZ-CORE:XGigabitEthernet1/1/0/9--CZ-FIN-02:XGigabitEthernet0/0/2"]
RP_100M = "CZ-CORE:GigabitEthernet2/2/0/3--RP-CORE:XGigabitEthernet0/0/2"


def _link(pg, label: str, cls: str = ""):
    """The link element (one line, maybe a bundle of several) whose data-link lists ``label``."""
    return pg.locator(f'svg#topology g.link{"." + cls if cls else ""}[data-link~="{label}"]')


def test_topology_marks_single_homed_device_and_links(page) -> None:
    spof = page.locator("svg#topology g.device.spof")
    hosts = sorted(spof.evaluate_all("els => els.map(e => e.dataset.device)"))
    assert hosts == ["FX-CORE"]
    link = _link(page, FX_UPLINK, "spof")
    assert link.count() == 1
    assert link.get_attribute("data-link") == FX_UPLINK  # a single link, not bundled with another
    assert link.locator("text.bw").text_content() == "1G"
    assert link.locator("path.trunk").bounding_box()["height"] > 20  # drawn, not a degenerate path
    # FX-CORE hangs in its own county sub-column (枫溪区)
    assert page.locator('svg#topology g.device[data-device="FX-CORE"]').get_attribute("data-subtree") == "fengxi"


def test_topology_highlights_one_chassis_trunk_and_thin_link(page) -> None:
    css_links = page.locator("svg#topology g.link.css-one-chassis")
    assert css_links.count() == 1  # the two trunk members are one bundle …
    assert sorted(css_links.get_attribute("data-link").split()) == FIN02_TRUNK  # … that lists both
    for label in FIN02_TRUNK:
        assert _link(page, label, "css-one-chassis").count() == 1
    assert css_links.locator("text.bw").text_content() == "2×10G"
    assert css_links.locator("path.leg").count() == 0  # both land on chassis 1: no fork to #2
    assert page.locator('svg#topology g.device.css-one-chassis[data-device="CZ-FIN-02"]').count() == 1
    # the cluster is one box with two member chassis inside
    assert page.locator('svg#topology g.device.cluster[data-device="CZ-CORE"] rect.member').count() == 2
    under = page.locator("svg#topology g.link.underprovisioned")
    assert under.count() == 1
    assert RP_100M in under.get_attribute("data-link").split()
    assert under.locator("text.bw").text_content() == "1G+100M"
    # a fully dual-homed bundle forks into one leg per core chassis
    cloud = page.locator('svg#topology g.link[data-link~="CZ-CORE:XGigabitEthernet1/1/0/1--CZ-CLOUD-01:XGigabitEthernet0/0/1"]')
    assert cloud.locator("path.leg").count() == 2 and cloud.locator("text.bw").text_content() == "2×10G"


def test_topology_fit_width_is_legible(page) -> None:
    page.locator("#topology-section").scroll_into_view_if_needed()
    page.click("#topo-fit")
    try:
        size = page.evaluate("(() => { const s = document.querySelector('svg#topology');"
                             " const r = s.getBoundingClientRect(); return [s.width.baseVal.value, r.width]; })()")
        assert size[0] <= 2200
        scale = size[1] / size[0]
        assert scale > 0.75  # 11 px names stay above ~8 px on a 1600 px wide window
        shots = REPO / "reports" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.locator("#topo-wrap").screenshot(path=str(shots / "topology.png"))
        assert (shots / "topology.png").stat().st_size > 10_000
    finally:
        page.click("#topo-fit")


def test_clause_filter_hides_other_clauses(page) -> None:
    page.select_option("#filter-status", "all")
    before = _visible_rows(page)
    assert before == page.locator("tr.finding").count()
    page.select_option("#filter-clause", "8.1.4.1c")
    after = _visible_rows(page)
    assert 0 < after < before
    clauses = page.evaluate("Array.from(document.querySelectorAll('tr.finding')).filter(r => !r.hidden)"
                            ".map(r => r.dataset.clauses)")
    assert all("8.1.4.1c" in c.split() for c in clauses)
    assert page.locator("#visible-count").inner_text() == str(after)
    # back to the default view: passes collapsed
    page.select_option("#filter-clause", "")
    page.select_option("#filter-status", "notpass")
    statuses = page.evaluate("Array.from(document.querySelectorAll('tr.finding')).filter(r => !r.hidden)"
                             ".map(r => r.dataset.status)")
    assert statuses and "pass" not in statuses


def test_zone_and_severity_filters(page) -> None:
    page.select_option("#filter-status", "fail")
    page.select_option("#filter-zone", "county")
    page.select_option("#filter-severity", "high")
    rows = page.evaluate("Array.from(document.querySelectorAll('tr.finding')).filter(r => !r.hidden)"
                         ".map(r => [r.dataset.zone, r.dataset.severity, r.dataset.status])")
    assert rows and all(r == ["county", "high", "fail"] for r in rows)
    # sections without a visible row are hidden
    hidden_sections = page.evaluate("Array.from(document.querySelectorAll('details.device-section'))"
                                    ".filter(s => s.hidden).length")
    assert hidden_sections > 0
    for sel in ("#filter-zone", "#filter-severity"):
        page.select_option(sel, "")
    page.select_option("#filter-status", "notpass")


def test_screenshot(page) -> None:
    shots = REPO / "reports" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.locator("#topology-section").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "report.png"), full_page=False)
    assert (shots / "report.png").stat().st_size > 10_000
