"""Reports of an audit: terminal table, JSON (product.md §4.5), HTML, Markdown, XLSX, JUnit, SARIF.

    write_reports(results, ["html", "xlsx"], None, inventory=inv, project_dir=Path("."))
    → [<project>/reports/netaudit-report.html, <project>/reports/netaudit-report.xlsx]

Every format is written from one redacted deep copy of the results (see ``redact``), so no cipher
string, community or key reaches a report file. Output rules: one format and an ``output`` that is
not an existing directory → that file; otherwise ``output`` (default ``<project>/reports/``) is a
directory holding ``netaudit-report.<ext>``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from netaudit.controls import resolve
from netaudit.redact import redact_results
from netaudit.report import i18n
from netaudit.report.summary import device_facts, item_results, scores_by
from netaudit.results import SEVERITIES, STATUSES, Results, severity_rank

FORMATS = ("table", "json", "html", "md", "xlsx", "junit", "sarif")
FILE_NAMES = {
    "table": "netaudit-report.txt", "json": "netaudit-report.json", "html": "netaudit-report.html",
    "md": "netaudit-report.md", "xlsx": "netaudit-report.xlsx", "junit": "netaudit-report.junit.xml",
    "sarif": "netaudit-report.sarif",
}

__all__ = ["FORMATS", "FILE_NAMES", "write_reports", "render_table", "output_paths"]


def output_paths(formats: list[str] | tuple[str, ...], output: Path | None,
                 project_dir: Path | None = None) -> dict[str, Path]:
    """Where each format goes (see the module docstring)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    fmts = list(dict.fromkeys(formats))
    if len(fmts) == 1 and output is not None and not output.is_dir():
        return {fmts[0]: output}
    directory = output if output is not None else (project_dir or Path(".")) / "reports"
    return {f: directory / FILE_NAMES[f] for f in fmts}


def _snapshot_dir(results: Results, project_dir: Path | None) -> Path | None:
    if project_dir is None or not results.snapshot.name:
        return None
    cand = Path(results.snapshot.name)
    return cand if cand.is_absolute() else project_dir / "snapshots" / results.snapshot.name


def write_reports(results: Results, formats: list[str] | tuple[str, ...], output: Path | None, *,
                  inventory: Any = None, lang: str = "zh", project_dir: Path | None = None) -> list[Path]:
    """Write ``formats`` and return the written paths (secrets redacted in every one)."""
    # imported here: each format module pulls in its own library (openpyxl, jinja2)
    from netaudit.report.html import render_html
    from netaudit.report.junit import render_junit
    from netaudit.report.markdown import render_markdown
    from netaudit.report.sarif import render_sarif
    from netaudit.report.xlsx import write_xlsx

    safe = redact_results(results)
    written: list[Path] = []
    for fmt, path in output_paths(formats, output, project_dir).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "json":
            path.write_text(safe.to_json() + "\n", encoding="utf-8")
        elif fmt == "html":
            path.write_text(render_html(safe, inventory=inventory, lang=lang), encoding="utf-8")
        elif fmt == "md":
            path.write_text(render_markdown(safe, inventory=inventory, lang=lang), encoding="utf-8")
        elif fmt == "xlsx":
            write_xlsx(safe, path, inventory=inventory, lang=lang)
        elif fmt == "junit":
            path.write_text(render_junit(safe), encoding="utf-8")
        elif fmt == "sarif":
            doc = render_sarif(safe, snapshot_dir=_snapshot_dir(safe, project_dir))
            path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif fmt == "table":
            with path.open("w", encoding="utf-8") as fh:
                render_table(safe, Console(file=fh, width=140, color_system=None), lang, inventory=inventory)
        written.append(path)
    return written


def _pct(p: float | None) -> str:
    return "-" if p is None else f"{p:.0f}%"


def render_table(results: Results, console: Console, lang: str = "zh", *, inventory: Any = None) -> None:
    """Terminal summary: counts, scores by zone, tier, clause and severity, then failed findings."""
    safe = redact_results(results)
    facts = device_facts(safe, inventory)

    def t(key: str) -> str:
        return i18n.t(key, lang)

    head = Table(title=f"{t('title')} — {safe.snapshot.name or '-'}", show_header=True)
    for s in STATUSES:
        head.add_column(i18n.status_name(s, lang), justify="right")
    head.add_row(*[str(sum(f.status == s for f in safe.findings)) for s in STATUSES])
    console.print(head)

    grid = Table.grid(padding=(0, 3))
    tables = []
    for key, title, namer in (("zone", t("by_zone"), i18n.zone_name), ("tier", t("by_tier"), i18n.tier_name)):
        tb = Table(title=title)
        tb.add_column(title)
        tb.add_column(t("score"), justify="right")
        tb.add_column(i18n.status_name("fail", lang), justify="right")
        for k, sc in sorted(scores_by(safe, facts, key).items()):
            tb.add_row(namer(k, lang), _pct(sc.percent), str(sc.failed))
        tables.append(tb)
    sev = Table(title=t("by_severity"))
    sev.add_column(t("severity"))
    sev.add_column(i18n.status_name("fail", lang), justify="right")
    sev_scores = scores_by(safe, facts, "severity")
    for sv in SEVERITIES:
        if sv in sev_scores:
            sev.add_row(i18n.severity_name(sv, lang), str(sev_scores[sv].failed))
    tables.append(sev)
    grid.add_row(*tables)
    console.print(grid)

    clauses = Table(title=t("by_clause"))
    for col in (t("clause"), t("control_point"), t("unit"), t("result"), t("fail_devices")):
        clauses.add_column(col)
    style = {"符合": "green", "部分符合": "yellow", "不符合": "bold red", "人工核查": "magenta", "不适用": "dim"}
    for it in item_results(safe.findings):
        if not it.findings:
            continue
        fails = it.devices_with("fail")
        clauses.add_row(it.control.id, it.control.point_name(lang), it.control.unit,
                        f"[{style[it.verdict]}]{i18n.verdict_name(it.verdict, lang)}[/]",
                        ", ".join(fails[:6]) + (f" (+{len(fails) - 6})" if len(fails) > 6 else ""))
    console.print(clauses)

    failed = sorted((f for f in safe.findings if f.status in ("fail", "error")),
                    key=lambda f: (-severity_rank(f.severity), f.device, f.check))
    if failed:
        ft = Table(title=t("failed_findings"))
        for col in (t("severity"), t("device"), t("check"), t("controls"), t("message"), t("evidence")):
            ft.add_column(col, overflow="fold")
        for f in failed:
            ev = f.evidence[0] if f.evidence else None
            where = f"{ev.file}:{ev.line or '-'}" if ev else ""
            items = sorted({c.id for cid in f.controls for c in resolve(cid)}) or f.controls
            ft.add_row(i18n.severity_name(f.severity, lang), f.device, f.check, " ".join(items),
                       f.message, where)
        console.print(ft)
