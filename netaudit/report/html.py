"""The HTML report: one self-contained file (inline CSS, JS and SVG; no CDN), zh-CN or en."""

from __future__ import annotations

from importlib import resources
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from netaudit.controls import LAYER_NAMES_EN, resolve
from netaudit.redact import redact_results
from netaudit.report import i18n
from netaudit.report.summary import (
    VERDICT_CLASS,
    VERDICTS,
    Score,
    as_percent,
    device_facts,
    ipv6_device_scores,
    item_results,
    scores_by,
    unknown_controls,
)
from netaudit.report.topology_svg import TIER_ORDER, ZONE_ORDER, legend, render_topology
from netaudit.results import SEVERITIES, STATUSES, Results, severity_rank

_STATUS_ORDER = {"fail": 0, "error": 1, "waived": 2, "skipped": 3, "pass": 4}


def _asset(name: str) -> str:
    return resources.files("netaudit.report").joinpath("assets", name).read_text(encoding="utf-8")


def _ordered(keys: list[str], order: tuple[str, ...]) -> list[str]:
    return [k for k in order if k in keys] + sorted(k for k in keys if k not in order)


def render_html(results: Results, *, inventory: Any = None, lang: str = "zh") -> str:
    """The report as one HTML document (secrets redacted again here, defensively)."""
    results = redact_results(results)
    facts = device_facts(results, inventory)

    def tr(key: str) -> str:
        return i18n.t(key, lang)

    zone_scores = scores_by(results, facts, "zone")
    tier_scores = scores_by(results, facts, "tier")
    items = item_results(results.findings)
    layer_scores: dict[str, Score] = {}
    for it in items:
        key = f"{it.control.clause} {it.control.point_name(lang)}"
        sc = layer_scores.setdefault(key, Score())
        for f in it.findings:
            sc.add(f)
    sev_scores = scores_by(results, facts, "severity")
    score_tables = [
        (tr("by_zone"), [(i18n.zone_name(z, lang), zone_scores[z]) for z in _ordered(list(zone_scores), ZONE_ORDER)]),
        (tr("by_tier"), [(i18n.tier_name(x, lang), tier_scores[x]) for x in _ordered(list(tier_scores), TIER_ORDER)]),
        (tr("by_clause"), [(k, v) for k, v in layer_scores.items() if v.passed or v.failed or v.other]),
        (tr("by_severity"), [(i18n.severity_name(s, lang), sev_scores[s]) for s in SEVERITIES if s in sev_scores]),
    ]

    def pct_rows(values: dict[str, float], namer: Any, order: tuple[str, ...] = ()) -> list[tuple[str, str, float]]:
        rows = []
        for k in _ordered(list(values), order):
            v = float(values[k])
            frac = v * 100 if v <= 1.0 else v
            rows.append((namer(k, lang) if namer else k, as_percent(v), round(frac, 1)))
        return rows

    ready = results.ipv6_readiness or {}
    ipv6_tables = [
        (tr("by_zone"), pct_rows(ready.get("zone", {}), i18n.zone_name, ZONE_ORDER)),
        (tr("by_tier"), pct_rows(ready.get("tier", {}), i18n.tier_name, TIER_ORDER)),
        (tr("devices"), pct_rows(ipv6_device_scores(results), None)),
    ]

    by_device: dict[str, list[Any]] = {}
    for f in results.findings:
        by_device.setdefault(f.device, []).append(f)
    devices: list[dict[str, Any]] = []
    for host in sorted(by_device, key=lambda h: (_ordered_index(facts.get(h, {}).get("zone"), ZONE_ORDER),
                                                 _ordered_index(facts.get(h, {}).get("tier"), TIER_ORDER), h)):
        fs = sorted(by_device[host], key=lambda f: (_STATUS_ORDER.get(f.status, 9), -severity_rank(f.severity), f.check))
        d = facts.get(host, {})
        rows = []
        for f in fs:
            items_of = sorted({c.id for cid in f.controls for c in resolve(cid)} | set(f.controls))
            rows.append({
                "device": f.device, "check": f.check, "status": f.status, "severity": f.severity,
                "controls": f.controls, "clause_items": items_of, "message": f.message, "evidence": f.evidence,
                "remediation": f.remediation, "waiver": f.waiver or {},
                "title": i18n.check_title(f.check, lang, f.title_zh, f.title_en),
            })
        counts = [(s, sum(f.status == s for f in fs)) for s in STATUSES]
        devices.append({
            "host": host, "zone": str(d.get("zone") or ""), "tier": str(d.get("tier") or ""),
            "site": d.get("site") or "", "mgmt_ip": d.get("mgmt_ip") or "", "model": d.get("model") or "",
            "software_version": d.get("software_version") or "", "findings": rows, "counts": counts,
            "open": any(f.status in ("fail", "error") for f in fs),
        })

    used_items = {i for dev in devices for r in dev["findings"] for i in r["clause_items"]}
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(_asset("report.html.j2"))
    counts = [(s, sum(f.status == s for f in results.findings)) for s in STATUSES]
    return template.render(
        lang=lang, results=results, t=tr, css=Markup(_asset("report.css")), js=Markup(_asset("report.js")),
        status_name=lambda s: i18n.status_name(s, lang), severity_name=lambda s: i18n.severity_name(s, lang),
        verdict_name=lambda v: i18n.verdict_name(v, lang), zone_name=lambda z: i18n.zone_name(z, lang),
        tier_name=lambda x: i18n.tier_name(x, lang),
        layer_name=lambda layer: LAYER_NAMES_EN.get(layer, layer) if lang == "en" else layer,
        counts=counts, verdict_counts=[(v, sum(it.verdict == v for it in items)) for v in VERDICTS],
        verdict_class=VERDICT_CLASS, score_tables=score_tables, ipv6_tables=ipv6_tables,
        topology=Markup(render_topology(results, facts, inventory, lang)), legend=Markup(legend(lang)),
        items=items, unknown_controls=unknown_controls(results), devices=devices,
        filter_clauses=[it.control for it in items if it.control.id in used_items],
        filter_zones=_ordered(sorted({d["zone"] for d in devices if d["zone"]}), ZONE_ORDER),
        severities=SEVERITIES, statuses=STATUSES,
        findings_total=len(results.findings),
        not_pass_total=sum(f.status != "pass" for f in results.findings),
    )


def _ordered_index(value: Any, order: tuple[str, ...]) -> int:
    return order.index(value) if value in order else len(order)
