"""The Markdown report, for wikis and tickets: summary, scores, clause verdicts, failures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netaudit.report import i18n
from netaudit.report.summary import device_facts, item_results, scores_by
from netaudit.report.topology_svg import TIER_ORDER, ZONE_ORDER
from netaudit.results import STATUSES, Results, severity_rank


def _cell(text: object) -> str:
    """A table cell: pipes escaped, line breaks as <br>."""
    return str(text).replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def _table(header: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def render_markdown(results: Results, *, inventory: Any = None, lang: str = "zh") -> str:
    """The whole report as Markdown text."""
    def t(key: str) -> str:
        return i18n.t(key, lang)

    facts = device_facts(results, inventory)
    out = [f"# {t('title')}", ""]
    out.append(f"- {t('snapshot')}: `{results.snapshot.name or '-'}`  ")
    out.append(f"- {t('devices')}: {len({f.device for f in results.findings})}  ")
    out.append(f"- {t('generated')}: {results.generated_at or '-'} · netaudit {results.tool.version}")
    out += ["", "## " + t("summary"), ""]
    out += _table([i18n.status_name(s, lang) for s in STATUSES],
                  [[sum(f.status == s for f in results.findings) for s in STATUSES]])
    for title, key, order, namer in ((t("by_zone"), "zone", ZONE_ORDER, i18n.zone_name),
                                     (t("by_tier"), "tier", TIER_ORDER, i18n.tier_name)):
        scores = scores_by(results, facts, key)
        keys = [k for k in order if k in scores] + sorted(k for k in scores if k not in order)
        out += ["", f"## {title}", ""]
        out += _table([title, t("score"), i18n.status_name("pass", lang), i18n.status_name("fail", lang)],
                      [[namer(k, lang), f"{scores[k].percent}%" if scores[k].percent is not None else "-",
                        scores[k].passed, scores[k].failed] for k in keys])
    out += ["", f"## {t('by_clause')}", ""]
    rows = []
    for it in item_results(results.findings):
        rows.append([it.control.id, it.control.point_name(lang), it.control.text(lang), it.control.unit,
                     f"**{i18n.verdict_name(it.verdict, lang)}**",
                     ", ".join(it.devices_with("fail")) or "-"])
    out += _table([t("clause"), t("control_point"), t("item"), t("unit"), t("result"), t("fail_devices")], rows)
    out += ["", f"## {t('failed_findings')}", ""]
    failing = sorted((f for f in results.findings if f.status in ("fail", "error")),
                     key=lambda f: (f.device, -severity_rank(f.severity), f.check))
    if not failing:
        out.append(t("none"))
    current = None
    for f in failing:
        if f.device != current:
            current = f.device
            d = facts.get(f.device, {})
            out += ["", f"### {f.device}", "",
                    f"{i18n.zone_name(str(d.get('zone') or ''), lang)} · {i18n.tier_name(str(d.get('tier') or ''), lang)}"
                    f" · {d.get('mgmt_ip') or '-'} · {d.get('model') or '-'} {d.get('software_version') or ''}".rstrip(),
                    ""]
        title = i18n.check_title(f.check, lang, f.title_zh, f.title_en)
        out.append(f"- **{i18n.status_name(f.status, lang)}** `{f.check}` {title} — "
                   f"{i18n.severity_name(f.severity, lang)} — {', '.join(f.controls) or '-'}  ")
        if f.message:
            out.append(f"  {f.message}")
        if f.evidence:
            out += ["", "  ```text"]
            out += [f"  {ev.file}:{ev.line or '-'}: {ev.text}" for ev in f.evidence]
            out.append("  ```")
        if f.remediation:
            out += ["", f"  {t('remediation')}:", "", "  ```text"]
            out += [f"  {r}" for r in f.remediation]
            out.append("  ```")
    out.append("")
    return "\n".join(out)
