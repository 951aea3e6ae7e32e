"""Markdown, JUnit, SARIF, JSON and table output of the report package (synthetic sample)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from report_helpers import DATA, sample_inventory, sample_results
from rich.console import Console

from netaudit.controls import all_controls, control, is_known, resolve
from netaudit.report import FILE_NAMES, FORMATS, output_paths, render_table, write_reports
from netaudit.report.summary import verdict_for
from netaudit.results import Finding, Results


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reports")
    paths = write_reports(sample_results(), list(FORMATS), out, inventory=sample_inventory(),
                          project_dir=out)
    return {p.name: p for p in paths}


def test_all_formats_written_with_fixed_names(written: dict[str, Path]) -> None:
    assert sorted(written) == sorted(FILE_NAMES.values())


def test_output_rules(tmp_path: Path) -> None:
    assert output_paths(["html"], tmp_path / "x.html") == {"html": tmp_path / "x.html"}
    assert output_paths(["html"], tmp_path) == {"html": tmp_path / "netaudit-report.html"}
    assert output_paths(["md", "json"], None, tmp_path) == {
        "md": tmp_path / "reports" / "netaudit-report.md", "json": tmp_path / "reports" / "netaudit-report.json"}
    with pytest.raises(ValueError, match="unknown report format"):
        output_paths(["pdf"], None)


def test_json_round_trips_contract(written: dict[str, Path]) -> None:
    doc = json.loads(written["netaudit-report.json"].read_text(encoding="utf-8"))
    assert set(doc) >= {"tool", "snapshot", "summary", "findings"}
    assert set(doc["summary"]) == {"pass", "fail", "error", "skipped", "waived"}
    again = Results.model_validate(doc)
    assert len(again.findings) == len(sample_results().findings)


def test_markdown_content(written: dict[str, Path]) -> None:
    md = written["netaudit-report.md"].read_text(encoding="utf-8")
    assert md.startswith("# 电子政务外网网络设备安全审计报告")
    assert "| 8.1.2.1e | 网络架构 |" in md
    assert "### RP-CNTY-01" in md
    assert "`topo-dual-homing`" in md
    assert "undo telnet server enable" in md
    # every line of every table has the header's column count
    clause_rows = [ln for ln in md.splitlines() if ln.startswith("| 8.1.")]
    assert len(clause_rows) == len(all_controls())
    assert all(ln.count(" | ") == 5 for ln in clause_rows)


def test_markdown_english() -> None:
    from netaudit.report.markdown import render_markdown

    md = render_markdown(sample_results(), lang="en")
    assert md.startswith("# E-government extranet network device audit report")
    assert "Non-compliant" in md or "Partly compliant" in md


def test_junit_structure(written: dict[str, Path]) -> None:
    res = sample_results()
    root = ET.parse(written["netaudit-report.junit.xml"]).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert sorted(s.get("name") for s in suites) == sorted({f.device for f in res.findings})
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(res.findings) == int(root.get("tests", "-1"))
    assert int(root.get("failures", "-1")) == sum(f.status == "fail" for f in res.findings)
    assert int(root.get("errors", "-1")) == sum(f.status == "error" for f in res.findings)
    assert int(root.get("skipped", "-1")) == sum(f.status in ("skipped", "waived") for f in res.findings)
    for s in suites:
        mine = s.findall("testcase")
        assert int(s.get("tests", "-1")) == len(mine)
        assert int(s.get("failures", "-1")) == len([c for c in mine if c.find("failure") is not None])
        assert all(c.get("classname") == s.get("name") and c.get("name") for c in mine)
    by_key = {(c.get("classname"), c.get("name")): c for c in cases}
    for f in res.findings:
        case = by_key[(f.device, f.check)]
        child = {"fail": "failure", "error": "error", "skipped": "skipped", "waived": "skipped"}.get(f.status)
        if child is None:
            assert len(case) == 0
        else:
            assert case.find(child) is not None, (f.device, f.check)
    cnty = by_key[("RP-CNTY-01", "topo-dual-homing")].find("failure")
    assert cnty is not None and cnty.get("type") == "high" and "8.1.2.1e" in (cnty.text or "")


def test_sarif_validates_against_authored_schema(written: dict[str, Path]) -> None:
    schema = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    doc = json.loads(written["netaudit-report.sarif"].read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    res = sample_results()
    assert len(run["results"]) == sum(f.status == "fail" for f in res.findings)
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["mgmt-ssh-only"]["properties"]["name_zh"] == "仅允许 SSH 远程管理"
    assert "8.1.4.1c" in rules["mgmt-ssh-only"]["properties"]["controls"]
    for r in run["results"]:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    ssh = next(r for r in run["results"] if r["ruleId"] == "mgmt-ssh-only" and "CZ-AGG-02" in r["message"]["text"])
    loc = ssh["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "CZ-AGG-02/display_current-configuration.txt", "uriBaseId": "SNAPSHOT"}
    assert loc["region"]["startLine"] > 0
    assert ssh["level"] == "error"
    assert run["originalUriBaseIds"]["SNAPSHOT"]["uri"].endswith("/snapshots/synthetic-sample/")


def test_sarif_schema_rejects_broken_documents() -> None:
    from netaudit.report.sarif import render_sarif

    schema = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    doc = render_sarif(sample_results())
    jsonschema.validate(doc, schema)
    bad = json.loads(json.dumps(doc))
    bad["version"] = "2.0.0"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    bad = json.loads(json.dumps(doc))
    del bad["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_table_lists_failures(written: dict[str, Path]) -> None:
    text = written["netaudit-report.txt"].read_text(encoding="utf-8")
    assert "按区域" in text and "按等保条款" in text and "RP-CNTY-01" in text
    console = Console(record=True, width=160, color_system=None)
    render_table(sample_results(), console, "en")
    out = console.export_text()
    assert "By zone" in out and "Failed findings" in out and "topo-css-trunk" in out


def test_control_catalog() -> None:
    ids = [c.id for c in all_controls()]
    assert len(ids) == len(set(ids))
    assert control("8.1.4.1c").unit == "L3-CES1-03"
    assert control("8.1.2.1e").point == "网络架构"
    assert control("8.1.5.4d").unit == "L3-SMC1-10"
    assert control("8.1.2.3").checkable == "no"
    assert is_known("8.1.4.7") and not is_known("8.1.9.9")
    assert [c.id for c in resolve("8.1.4.9")] == ["8.1.4.9a", "8.1.4.9b", "8.1.4.9c"]
    for prefix, n in (("8.1.2.1", 5), ("8.1.3.2", 5), ("8.1.4.2", 7), ("8.1.4.4", 6), ("8.1.5.4", 6)):
        assert len(resolve(prefix)) == n
    units = [c.unit for c in all_controls()]
    assert len(units) == len(set(units))


def _f(status: str, **data: object) -> Finding:
    return Finding(check="x", device="D", status=status, severity="high", controls=["8.1.4.1c"], data=dict(data))  # type: ignore[arg-type]


def test_verdict_rule() -> None:
    c = control("8.1.4.1c")
    assert verdict_for(c, [_f("pass"), _f("pass")]) == "符合"
    assert verdict_for(c, [_f("pass"), _f("fail")]) == "部分符合"
    assert verdict_for(c, [_f("fail")]) == "不符合"
    assert verdict_for(c, []) == "人工核查"
    assert verdict_for(c, [_f("skipped", not_applicable=True)]) == "不适用"
    assert verdict_for(c, [_f("skipped")]) == "人工核查"  # missing output is not "not applicable"
    assert verdict_for(c, [_f("pass"), _f("error")]) == "人工核查"
    # an item a device cannot decide never becomes 符合 from passes alone
    assert verdict_for(control("8.1.4.1d"), [_f("pass")]) == "人工核查"
    assert verdict_for(control("8.1.4.1d"), [_f("fail")]) == "不符合"


def test_real_example_project_topology(tmp_path: Path) -> None:
    """The repository's example inventory: every device and link drawn, clusters with their members."""
    from report_helpers import example_inventory

    from netaudit.report.html import render_html

    inv = example_inventory()
    if inv is None:
        pytest.skip("example project (inventory/*.yaml + loader) not present yet")
    res = Results(findings=[Finding(check="log-ntp", device=d.hostname, status="pass", severity="medium",
                                    controls=["8.1.4.3b"], zone=d.zone, tier=d.tier or "")
                            for d in inv.devices])
    page = render_html(res, inventory=inv, lang="en")
    for d in inv.devices:
        assert f'data-device="{d.hostname}"' in page
    for lk in inv.links:
        assert f'data-link="{lk.a_host}:{lk.a_intf}--{lk.b_host}:{lk.b_intf}"' in page
    clusters = [d for d in inv.devices if d.chassis > 1]
    assert clusters
    assert page.count('class="member" data-member=') == sum(d.chassis for d in clusters)
    (path,) = write_reports(res, ["xlsx"], tmp_path / "example.xlsx", inventory=inv)
    from openpyxl import load_workbook

    assert len(load_workbook(path).sheetnames) == 4 + len(inv.devices)
