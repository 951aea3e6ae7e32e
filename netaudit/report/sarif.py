"""SARIF 2.1.0 for code-scanning tools: one result per failing finding.

``ruleId`` is the check id; ``level`` from severity (critical/high → error, medium → warning,
low/info → note); the location is the evidence file relative to the snapshot directory, which
``run.originalUriBaseIds["SNAPSHOT"]`` names. Rules carry zh/en names and their MLPS controls.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from netaudit.report import i18n
from netaudit.results import Finding, Results

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
BASE_ID = "SNAPSHOT"


def _location(f: Finding) -> list[dict[str, Any]]:
    locs: list[dict[str, Any]] = []
    for ev in f.evidence:
        phys: dict[str, Any] = {"artifactLocation": {"uri": ev.file.replace("\\", "/"), "uriBaseId": BASE_ID}}
        if ev.line:
            phys["region"] = {"startLine": ev.line, "snippet": {"text": ev.text}}
        locs.append({"physicalLocation": phys})
    if not locs:  # no evidence line: point at the device's directory
        locs.append({"physicalLocation": {"artifactLocation": {"uri": f"{f.device}/", "uriBaseId": BASE_ID}}})
    return locs


def render_sarif(results: Results, *, snapshot_dir: Path | None = None) -> dict[str, Any]:
    """The SARIF log as a dict (``json.dumps`` it)."""
    failing = [f for f in results.findings if f.status == "fail"]
    rule_ids = sorted({f.check for f in failing})
    first: dict[str, Finding] = {}
    controls: dict[str, set[str]] = {}
    for f in results.findings:
        first.setdefault(f.check, f)
        controls.setdefault(f.check, set()).update(f.controls)
    rules = []
    for rid in rule_ids:
        f0 = first[rid]
        zh = i18n.check_title(rid, "zh", f0.title_zh, f0.title_en)
        en = i18n.check_title(rid, "en", f0.title_zh, f0.title_en)
        rules.append({
            "id": rid, "name": rid,
            "shortDescription": {"text": en},
            "fullDescription": {"text": f"{en} / {zh}"},
            "defaultConfiguration": {"level": LEVELS.get(f0.severity, "warning")},
            "properties": {"name_zh": zh, "name_en": en, "controls": sorted(controls.get(rid, set())),
                           "tags": ["MLPS2.0", "GB/T 22239-2019", *sorted(controls.get(rid, set()))]},
        })
    index = {rid: i for i, rid in enumerate(rule_ids)}
    out_results = []
    for f in sorted(failing, key=lambda f: (f.device, f.check)):
        fp = hashlib.sha256(f"{f.device}|{f.check}".encode()).hexdigest()[:32]
        out_results.append({
            "ruleId": f.check, "ruleIndex": index[f.check], "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": f"{f.device}: {f.message or f.check}"},
            "locations": _location(f),
            "partialFingerprints": {"netaudit/device-check/v1": fp},
            "properties": {"device": f.device, "severity": f.severity, "controls": f.controls,
                           "zone": f.zone, "tier": f.tier, "remediation": f.remediation},
        })
    base: dict[str, Any] = {"description": {"text": f"snapshot directory {results.snapshot.name}"}}
    if snapshot_dir is not None:
        base["uri"] = snapshot_dir.resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": results.tool.name or "netaudit", "version": results.tool.version or "0",
                                "rules": rules}},
            "originalUriBaseIds": {BASE_ID: base},
            "results": out_results,
            "properties": {"snapshot": results.snapshot.name},
        }],
    }
