"""`netaudit checks list|show`: what the audit can check, with clauses and parameters."""

from __future__ import annotations

import inspect
from pathlib import Path

import click
from rich.table import Table

from netaudit.cli.common import console, project_option
from netaudit.errors import NetauditError


@click.group()
def checks() -> None:
    """The built-in checks: ids, clauses (GB/T 22239-2019), parameters and where they run.

    \b
    Examples:
      netaudit checks list
      netaudit checks list --area mgmt
      netaudit checks show mgmt-idle-timeout
    """


def _catalog_map(project: Path) -> dict[str, list[str]]:
    from netaudit.policy import load_policies
    from netaudit.policy.catalog import default_policy_files

    out: dict[str, list[str]] = {}
    for f in default_policy_files(project):
        for cid in load_policies([f]).entries:
            out.setdefault(cid, []).append(f.stem)
    return out


@checks.command("list")
@project_option
@click.option("--area", default=None, help="Only one area: aaa, mgmt, log, snmp, ipv6, access, fw, topo.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def list_checks(project: Path, area: str | None, lang: str) -> None:
    """Every built-in check with its severity, clauses and the catalogs that run it."""
    import netaudit.checks.all  # noqa: F401
    from netaudit.checks import REGISTRY

    used = _catalog_map(project) if (project / "policies").is_dir() else {}
    table = Table(title="Checks / 检查项")
    for col in ("id", "severity", "controls 条款", "title", "catalogs 策略"):
        table.add_column(col)
    for cid, cls in sorted(REGISTRY.items()):
        if area and not cid.startswith(area + "-"):
            continue
        title = cls.title_zh if lang == "zh" else cls.title_en
        table.add_row(cid, cls.severity, " ".join(cls.controls), title, ", ".join(used.get(cid, [])) or "-")
    console.print(table)


@checks.command("show")
@click.argument("check_id")
def show_check(check_id: str) -> None:
    """One check: what it looks at, where it applies, and its parameters with defaults."""
    import netaudit.checks.all  # noqa: F401
    from netaudit.checks import REGISTRY

    cls = REGISTRY.get(check_id)
    if cls is None:
        raise NetauditError(f"unknown check {check_id!r}; see `netaudit checks list`")
    console.print(f"[bold]{cls.id}[/]  {cls.title_zh}\n{cls.title_en}", highlight=False)
    console.print(f"severity: {cls.severity}   controls: {' '.join(cls.controls)}   scope: {cls.scope}",
                  highlight=False)
    for attr in ("platforms", "zones", "tiers", "roles"):
        value = getattr(cls, attr)
        if value:
            console.print(f"{attr}: {', '.join(value)}", highlight=False)
    if cls.scope == "device":
        console.print(f"needs: {', '.join(cls.needs) or '-'}", highlight=False)
    doc = inspect.getdoc(cls)
    if doc and doc != inspect.getdoc(cls.__mro__[1]):
        console.print("\n" + doc, highlight=False)
    fields = cls.Params.model_fields
    if fields:
        table = Table(title="parameters / 参数")
        for col in ("name", "default", "description"):
            table.add_column(col)
        for name, f in fields.items():
            default = f.default_factory() if f.default_factory is not None else f.default  # type: ignore[call-arg]
            table.add_row(name, repr(default), f.description or "")
        console.print(table)
