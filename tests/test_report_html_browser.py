"""Open the HTML report in headless Chromium (Debian's, never downloaded) and use it like a reader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_helpers import REPO, sample_inventory, sample_results

from netaudit.report import write_reports

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        _unavailable(f"playwright not importable: {exc}")
    out = tmp_path_factory.mktemp("html")
    (html,) = write_reports(sample_results(), ["html"], out / "netaudit-report.html", inventory=sample_inventory())
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not installed")
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure means "no browser here"
            _unavailable(f"chromium did not launch: {exc}")
        pg = browser.new_page(viewport={"width": 1500, "height": 1000})
        pg.goto(html.as_uri())
        yield pg
        browser.close()


def _visible_rows(pg) -> int:
    return pg.evaluate("Array.from(document.querySelectorAll('tr.finding')).filter(r => !r.hidden).length")


def test_topology_marks_single_homed_device_and_links(page) -> None:
    spof = page.locator("svg#topology g.device.spof")
    hosts = sorted(spof.evaluate_all("els => els.map(e => e.dataset.device)"))
    assert hosts == ["RP-ACC-HG", "RP-CNTY-01"]
    link = page.locator('svg#topology g.link.spof[data-link="CZ-CORE:GigabitEthernet1/3/0/5--RP-CNTY-01:GigabitEthernet1/0/1"]')
    assert link.count() == 1
    assert link.locator("text.bw").text_content() == "1G"


def test_topology_highlights_one_chassis_trunk_and_thin_link(page) -> None:
    css_links = page.locator("svg#topology g.link.css-one-chassis")
    assert css_links.count() == 2
    assert page.locator('svg#topology g.device.css-one-chassis[data-device="CZ-CORE"]').count() == 1
    # the cluster is one box with two member chassis inside
    assert page.locator('svg#topology g.device.cluster[data-device="CZ-CORE"] rect.member').count() == 2
    under = page.locator("svg#topology g.link.underprovisioned")
    assert under.evaluate_all("els => els.map(e => e.dataset.link)") == [
        "CZ-CORE:GigabitEthernet2/3/0/1--CZ-CLOUD-01:10GE1/0/2"]


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
    page.locator("#topology-section").screenshot(path=str(shots / "topology.png"))
    assert (shots / "report.png").stat().st_size > 10_000
