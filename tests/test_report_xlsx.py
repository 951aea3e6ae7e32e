"""The evaluators' workbook: sheets, columns, verdicts and points (synthetic sample)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_helpers import sample_inventory, sample_results

from netaudit.controls import LAYERS, all_controls, by_layer
from netaudit.report import write_reports
from netaudit.report.xlsx import COLUMNS, sheet_title


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("xlsx") / "audit.xlsx"
    (path,) = write_reports(sample_results(), ["xlsx"], out, inventory=sample_inventory())
    assert path == out
    return load_workbook(path)


def _rows(ws, start: int = 3) -> dict[str, tuple]:
    """编号 (test unit) → row values."""
    return {row[6]: row for row in ws.iter_rows(min_row=start, values_only=True) if row[6]}


def test_sheets_layers_then_devices(wb) -> None:
    hosts = sorted({f.device for f in sample_results().findings})
    assert wb.sheetnames == [*LAYERS, *hosts]


def test_columns_in_evaluator_order(wb) -> None:
    for name in (LAYERS[0], "CZ-CORE"):
        assert tuple(c.value for c in wb[name][2])[:7] == COLUMNS


def test_device_header_row(wb) -> None:
    ws = wb["CZ-CORE"]
    assert [c.value for c in ws[1]][:6] == ["设备名称", "CZ-CORE", "管理地址", "10.10.0.1", "软件版本", "V200R019C10SPC500"]
    # CZ-AGG-02 has no entry in results.devices: version left blank, address from the inventory
    row = [c.value for c in wb["CZ-AGG-02"][1]]
    assert row[3] == "10.10.1.2" and row[5] in (None, "")


def test_device_items_and_points(wb) -> None:
    rows = _rows(wb["RP-CNTY-01"])
    assert len(rows) == len(all_controls())
    redundancy = rows["L3-CNS1-05"]  # 8.1.2.1e: topo-dual-homing fails on this county node
    assert redundancy[0] == "安全通用要求"
    assert redundancy[1] == "安全通信网络-网络架构"
    assert redundancy[2].startswith("8.1.2.1e ")
    assert redundancy[3].startswith("经现场核查：")
    assert "inventory/links.yaml:12" in redundancy[3]
    assert redundancy[4] in ("不符合", "部分符合")
    assert redundancy[5] == {"不符合": 0, "部分符合": 0.5}[redundancy[4]]


def test_items_no_check_decides_are_manual_never_compliant(wb) -> None:
    rows = _rows(wb["CZ-CORE"])
    trusted = rows["L3-CNS1-08"]  # 8.1.2.3 trusted verification: no check
    assert trusted[4] == "人工核查" and trusted[5] is None
    assert "人工核查" in trusted[3]
    for ws_name in wb.sheetnames:
        for row in _rows(wb[ws_name]).values():
            assert row[4] in ("符合", "部分符合", "不符合", "不适用", "人工核查")
            if row[4] == "符合":
                assert row[5] == 1 and "经现场核查" in row[3]
            if row[4] in ("不适用", "人工核查"):
                assert row[5] is None


def test_not_applicable_skip(wb) -> None:
    # fw-egress-capabilities was skipped as not applicable on the aggregation switch
    assert _rows(wb["CZ-AGG-01"])["L3-ABS1-09"][4] == "不适用"


def test_layer_sheet_aggregates_devices(wb) -> None:
    ws = wb["安全计算环境"]
    rows = _rows(ws)
    assert len(rows) == len(by_layer("安全计算环境"))
    ssh = rows["L3-CES1-03"]  # 8.1.4.1c: fails on CZ-AGG-02 and RP-VIL-DC
    assert ssh[4] == "部分符合" and ssh[5] == 0.5
    assert "CZ-AGG-02" in ssh[3] and "RP-VIL-DC" in ssh[3]


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    a = sheet_title("A/B:C*" + "x" * 40, taken)
    b = sheet_title("A/B:C*" + "x" * 40, taken)
    assert len(a) <= 31 and len(b) <= 31 and a != b and not set(a) & set("[]:*?/\\")


def test_workbook_from_results_without_inventory(tmp_path: Path) -> None:
    res = sample_results()
    res.devices = []
    (path,) = write_reports(res, ["xlsx"], tmp_path / "a.xlsx")
    ws = load_workbook(path)["CZ-CORE"]
    assert ws["B1"].value == "CZ-CORE" and ws["D1"].value in (None, "")
