"""compare(old, new): new, fixed and unchanged failures keyed by device + check."""

from __future__ import annotations

import json

from report_helpers import sample_results
from rich.console import Console

from netaudit.report.compare import compare
from netaudit.results import Results


def _pair() -> tuple[Results, Results]:
    old = sample_results()
    new = old.model_copy(deep=True)
    new.snapshot.name = "after"
    for f in new.findings:
        if (f.device, f.check) == ("CZ-AGG-02", "mgmt-ssh-only"):
            f.status = "pass"  # fixed
        if (f.device, f.check) == ("CZ-CORE", "mgmt-vty-acl"):
            f.status = "fail"  # new (was pass)
        if (f.device, f.check) == ("RP-VIL-DC", "mgmt-ssh-only"):
            f.status = "waived"  # accepted, not fixed
    new.findings = [f for f in new.findings if (f.device, f.check) != ("RP-CNTY-01", "topo-dual-homing")]
    return old, new


def test_compare_classifies_failures() -> None:
    old, new = _pair()
    assert next(f for f in old.findings if (f.device, f.check) == ("CZ-CORE", "mgmt-vty-acl")).status == "pass"
    cmp = compare(old, new)
    assert [(c.device, c.check) for c in cmp.fixed] == [("CZ-AGG-02", "mgmt-ssh-only")]
    assert [(c.device, c.check) for c in cmp.new] == [("CZ-CORE", "mgmt-vty-acl")]
    assert {(c.device, c.check, c.new_status) for c in cmp.other} == {
        ("RP-VIL-DC", "mgmt-ssh-only", "waived"), ("RP-CNTY-01", "topo-dual-homing", None)}
    old_fails = sum(f.status == "fail" for f in old.findings)
    assert len(cmp.unchanged) == old_fails - 3


def test_compare_same_results_has_no_changes() -> None:
    res = sample_results()
    cmp = compare(res, res)
    assert not cmp.new and not cmp.fixed and not cmp.other
    assert len(cmp.unchanged) == sum(f.status == "fail" for f in res.findings)


def test_compare_renderings() -> None:
    cmp = compare(*_pair())
    doc = json.loads(cmp.to_json())
    assert doc["counts"]["new"] == 1 and doc["counts"]["fixed"] == 1
    assert doc["devices"]["CZ-CORE"]["new"][0]["check"] == "mgmt-vty-acl"
    md = cmp.to_markdown()
    assert "## CZ-AGG-02" in md and "**已修复** `mgmt-ssh-only`" in md
    assert "**New failures** `mgmt-vty-acl`" in cmp.to_markdown("en")
    console = Console(record=True, width=140, color_system=None)
    cmp.render_table(console, "en")
    out = console.export_text()
    assert "mgmt-vty-acl" in out and "fixed" in out
