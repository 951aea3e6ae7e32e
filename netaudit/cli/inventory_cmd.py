"""`netaudit inventory validate|show`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click
from rich.table import Table

from netaudit.cli.common import console, err_console, limit_option, project_option
from netaudit.errors import InventoryError
from netaudit.inventory import TIERS, ZONES, Inventory, load_inventory, select
from netaudit.inventory.models import TIER_NAMES_ZH, ZONE_NAMES_ZH


@click.group()
def inventory() -> None:
    """Check and look at the inventory (inventory/*.yaml).

    \b
    Examples:
      netaudit inventory validate
      netaudit inventory show --limit tier:county,tier:town
      netaudit inventory show --format json > inventory.json
    """


@inventory.command()
@project_option
def validate(project: Path) -> None:
    """Validate every inventory file; print all problems as FILE:LINE: FIELD: message.

    Exit code 0 when the inventory is valid, 2 otherwise.
    """
    try:
        inv = load_inventory(project)
    except InventoryError as e:
        for msg in e.messages:
            err_console.print(msg, highlight=False, markup=False, soft_wrap=True)
        err_console.print(f"[red]{len(e.messages)} problem(s) found / 发现 {len(e.messages)} 个问题[/]")
        raise click.exceptions.Exit(2) from None
    zones: Counter[str] = Counter(d.zone for d in inv.devices)
    tiers: Counter[str] = Counter(d.tier or '' for d in inv.devices)
    console.print(
        f"[green]inventory OK / 清单校验通过[/]: {len(inv.sites)} sites, {len(inv.devices)} devices, "
        f"{len(inv.links)} links"
    )
    console.print("  zones: " + ", ".join(f"{z} {zones[z]}" for z in ZONES if zones[z]), highlight=False)
    console.print("  tiers: " + ", ".join(f"{t} {tiers[t]}" for t in TIERS if tiers[t]), highlight=False)


def _as_json(inv: Inventory, hosts: set[str]) -> str:
    return json.dumps({
        "sites": [s.model_dump() for s in inv.sites],
        "devices": [d.model_dump() for d in inv.devices if d.hostname in hosts],
        "links": [lk.model_dump() for lk in inv.links if lk.a_host in hosts or lk.b_host in hosts],
    }, ensure_ascii=False, indent=2)


@inventory.command()
@project_option
@limit_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for people, json for tools.")
def show(project: Path, limit: str | None, fmt: str) -> None:
    """Show devices by zone and tier, with counts and links."""
    inv = load_inventory(project)
    devices = select(inv.devices, limit)
    hosts = {d.hostname for d in devices}
    if fmt == "json":
        click.echo(_as_json(inv, hosts))
        return
    if not devices:
        console.print(f"no device matches --limit {limit!r}")
        return

    counts = Table(title="Devices by zone and tier / 设备按区域与层级统计", show_footer=True)
    counts.add_column("zone 区域", footer="total 合计")
    for t in TIERS:
        counts.add_column(f"{t} {TIER_NAMES_ZH[t]}", justify="right",
                          footer=str(sum(1 for d in devices if d.tier == t)))
    counts.add_column("total", justify="right", footer=str(len(devices)))
    for z in ZONES:
        row = [d for d in devices if d.zone == z]
        if row:
            counts.add_row(f"{z} {ZONE_NAMES_ZH[z]}",
                           *[str(sum(1 for d in row if d.tier == t) or "") for t in TIERS], str(len(row)))
    console.print(counts)

    degree: Counter[str] = Counter()
    for lk in inv.links:
        degree[lk.a_host] += 1
        degree[lk.b_host] += 1
    table = Table(title="Devices / 设备清单")
    for col in ("hostname", "mgmt IP", "platform", "model", "zone", "site", "tier", "chassis", "links"):
        table.add_column(col, justify="right" if col in ("chassis", "links") else "left")
    order = {z: i for i, z in enumerate(ZONES)}
    tier_order = {t: i for i, t in enumerate(TIERS)}
    for d in sorted(devices, key=lambda d: (order[d.zone], tier_order.get(d.tier or "", 9), d.hostname)):
        table.add_row(d.hostname, d.mgmt_ip, d.platform, d.model, d.zone, d.site, d.tier or "",
                      str(d.chassis), str(degree[d.hostname]))
    console.print(table)
    shown = [lk for lk in inv.links if lk.a_host in hosts or lk.b_host in hosts]
    console.print(f"{len(shown)} links touch the selected devices / 条相关链路", highlight=False)
