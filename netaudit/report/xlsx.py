"""The evaluators' workbook (测评记录表): one sheet per layer, then one sheet per device.

Columns: 扩展标准 | 控制点 | 测评项 | 结果记录 | 符合情况 | 分值 | 编号. Every catalog item is listed;
items no finding decides are 人工核查 with a note, never 符合. 分值: 符合 1.00, 部分符合 0.5,
不符合 0, otherwise blank. A device sheet starts with a row naming the device, its management
address and its software version (from ``results.devices``; blank when unknown).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from netaudit.controls import GENERAL_REQUIREMENTS, LAYERS
from netaudit.report import i18n
from netaudit.report.summary import ItemResult, device_facts, item_results
from netaudit.results import Finding, Results

COLUMNS = ("扩展标准", "控制点", "测评项", "结果记录", "符合情况", "分值", "编号")
_WIDTHS = (12, 14, 46, 70, 11, 7, 13)
_FILL = {"符合": "E8F5E9", "部分符合": "FFF3E0", "不符合": "FDECEA", "人工核查": "EDE7F6", "不适用": "F1F3F5"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _evidence_lines(f: Finding, with_device: bool) -> list[str]:
    head = f"[{i18n.status_name(f.status)}] {f.check}"
    if with_device:
        head = f"{f.device} {head}"
    lines = [f"{head}: {f.message}".rstrip(": ")]
    for ev in f.evidence:
        loc = f"{ev.file}:{ev.line}" if ev.line else ev.file
        lines.append(f"  {loc}  {ev.text}")
    return lines


def record_text(it: ItemResult, *, with_device: bool = False, limit: int = 30) -> str:
    """结果记录: "经现场核查：" then each finding and its evidence; a note when nothing decides it."""
    if not it.findings:
        return "经现场核查：" + i18n.t("no_check")
    lines = ["经现场核查："]
    shown = sorted(it.findings, key=lambda f: (f.status != "fail", f.device, f.check))
    for f in shown[:limit]:
        lines += _evidence_lines(f, with_device)
    if len(shown) > limit:
        lines.append(f"… (+{len(shown) - limit})")
    if it.verdict == "人工核查":
        lines.append(i18n.t("manual_note"))
    elif it.verdict == "不适用":
        lines.append(i18n.t("na_note"))
    return "\n".join(lines)


def _write_items(ws: Worksheet, items: list[ItemResult], start_row: int, *, with_device: bool) -> None:
    for col, (name, width) in enumerate(zip(COLUMNS, _WIDTHS, strict=True), start=1):
        cell = ws.cell(row=start_row, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE5EE")
        ws.column_dimensions[cell.column_letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, it in enumerate(items, start=start_row + 1):
        c = it.control
        values = (GENERAL_REQUIREMENTS, f"{c.layer}-{c.point}", f"{c.id} {c.text_zh}",
                  record_text(it, with_device=with_device), it.verdict, it.points, c.unit)
        for col, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=v)
            cell.alignment = wrap
        ws.cell(row=r, column=5).fill = PatternFill("solid", fgColor=_FILL.get(it.verdict, "FFFFFF"))
        if it.points is not None:
            ws.cell(row=r, column=6).number_format = "0.00"
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet title (≤ 31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("_", name)[:31] or "sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f"~{n}"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def write_xlsx(results: Results, path: Path, *, inventory: Any = None, lang: str = "zh") -> Path:
    """Write the workbook to ``path`` (the workbook is Chinese: evaluators' column names)."""
    facts = device_facts(results, inventory)
    wb = Workbook()
    first = wb.active
    if first is not None:
        wb.remove(first)
    taken: set[str] = set()
    overall = item_results(results.findings)
    for layer in LAYERS:
        ws = wb.create_sheet(sheet_title(layer, taken))
        ws.cell(row=1, column=1, value=f"{layer}（全部设备汇总） 快照：{results.snapshot.name} "
                                      f"设备数：{len({f.device for f in results.findings})}").font = Font(bold=True)
        _write_items(ws, [it for it in overall if it.control.layer == layer], 2, with_device=True)
    by_device: dict[str, list[Finding]] = {}
    for f in results.findings:
        by_device.setdefault(f.device, []).append(f)
    for host in sorted(set(by_device) | {h for h in facts if facts[h].get("zone")}):
        d = facts.get(host, {})
        ws = wb.create_sheet(sheet_title(host, taken))
        head = (("设备名称", host), ("管理地址", d.get("mgmt_ip") or ""),
                ("软件版本", d.get("software_version") or ""), ("型号", d.get("model") or ""),
                ("区域", i18n.zone_name(str(d.get("zone") or ""))), ("层级", i18n.tier_name(str(d.get("tier") or ""))))
        col = 1
        for label, value in head:
            ws.cell(row=1, column=col, value=label).font = Font(bold=True)
            ws.cell(row=1, column=col + 1, value=str(value))
            col += 2
        _write_items(ws, item_results(by_device.get(host, [])), 2, with_device=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
