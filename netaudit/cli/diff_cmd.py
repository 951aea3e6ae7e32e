"""`netaudit diff`: intended (rendered) vs running, or snapshot vs snapshot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from netaudit.cli.common import err_console, limit_option, project_option
from netaudit.errors import NetauditError

HELP = """Compare configurations: intended (rendered from templates/) vs running
(the snapshot's display current-configuration), or two snapshots with --against.

\b
Scope (--scope, intended mode only):
  managed  (default) only what the template manages: top-level sections it renders
           (interface X, aaa, user-interface vty 0 4 …) and, for every other line, the
           command family by first word (info-center, ntp-service, snmp-agent …), the
           same inside each view. A partial baseline never asks to delete the rest.
  full     every line of the running config.
With --against OLD the two snapshots are compared in full: OLD is the source and
--snapshot the target, so the "remediation" replays what changed since OLD.

\b
Formats: unified (default) text diff running → intended; remediation: VRP
commands per view with `quit` (no system-view: for review only — the collector is
read-only); json: added/removed per section, the commands, and whether applying
them reproduces the target. Secret values are masked everywhere and never count as
a difference.

\b
Examples:
  netaudit diff --snapshot example --limit CZ-CORE
  netaudit diff --snapshot example --limit XQ-CORE --format remediation
  netaudit diff --limit zone:county --format json > diff.json
  netaudit diff --snapshot today --against last-week --limit CZ-CORE
"""


@click.command("diff", help=HELP)
@project_option
@limit_option
@click.option("--snapshot", "-s", "snapshot_name", metavar="NAME|PATH", default=None,
              help="Snapshot with the running configs. Default: the only or newest one.")
@click.option("--against", "against", metavar="NAME|PATH", default=None,
              help="Compare with this (older) snapshot instead of the rendered intended config.")
@click.option("--format", "-f", "fmt", type=click.Choice(["unified", "remediation", "json"]),
              default="unified", show_default=True, help="Output format.")
@click.option("--scope", "scope", type=click.Choice(["managed", "full"]), default=None,
              help="managed (default with templates) or full (always with --against).")
def diff(project: Path, limit: str | None, snapshot_name: str | None, against: str | None,
         fmt: str, scope: str | None) -> None:
    from netaudit.cli.audit_cmd import default_snapshot
    from netaudit.diff import diff_configs, load_config
    from netaudit.inventory import load_inventory, select
    from netaudit.render import RenderError, load_global_vars, make_environment, render_device
    from netaudit.snapshot import RUNNING_CONFIG, open_snapshot

    if against is not None and scope == "managed":
        raise click.UsageError("--scope managed needs the intended config; --against compares in full")
    eff_scope = "full" if against is not None else (scope or "managed")
    inv = load_inventory(project)
    devices = select(inv.devices, limit)
    if not devices:
        raise NetauditError(f"--limit {limit!r} selects no device")
    snap = open_snapshot(project, snapshot_name or default_snapshot(project))
    old = open_snapshot(project, against) if against is not None else None
    tdir = project / "templates"
    if old is None and not tdir.is_dir():
        raise NetauditError(f"{tdir}: no templates directory (is --project right?)")
    env = make_environment(tdir) if old is None else None
    gvars = load_global_vars(tdir) if old is None else {}

    docs: list[dict[str, Any]] = []
    blocks: list[str] = []
    for d in devices:
        h = d.hostname
        if not snap.has(h, RUNNING_CONFIG):
            err_console.print(f"[yellow]skipped:[/] {escape(h)}: no {escape(snap.relpath(h, RUNNING_CONFIG))} "
                              f"in snapshot {escape(snap.name)!r}", highlight=False)
            continue
        running = load_config(snap.read_text(h, RUNNING_CONFIG), device=h)
        if old is not None:
            if not old.has(h, RUNNING_CONFIG):
                err_console.print(f"[yellow]skipped:[/] {escape(h)}: not in snapshot {escape(old.name)!r}",
                                  highlight=False)
                continue
            source = load_config(old.read_text(h, RUNNING_CONFIG), device=h)
            target = running
            src_label, tgt_label = f"{old.name}/{h}", f"{snap.name}/{h}"
            meta: dict[str, Any] = {"device": h, "mode": "snapshot", "source": src_label,
                                    "target": tgt_label}
        else:
            try:
                r = render_device(inv, d, tdir, env=env, global_vars=gvars)
            except RenderError as e:
                if "no template" in str(e):
                    err_console.print(f"[yellow]skipped:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
                    continue
                raise
            source = running
            target = load_config(r.text, device=h)
            src_label, tgt_label = f"{snap.name}/{h} (running)", f"templates/{r.template} (intended)"
            meta = {"device": h, "mode": "intended", "source": src_label, "target": tgt_label,
                    "template": r.template}
        result = diff_configs(source, target, scope=eff_scope)  # type: ignore[arg-type]
        if fmt == "json":
            docs.append(result.as_json(**meta))
        elif fmt == "unified":
            text = result.unified(src_label, tgt_label)
            blocks.append(text if text else f"# {h}: no differences ({eff_scope} scope)")
        else:
            blocks.append(_remediation_text(h, result.remediation(), src_label, tgt_label, eff_scope))
    if fmt == "json":
        click.echo(json.dumps({"scope": eff_scope, "devices": docs}, ensure_ascii=False, indent=2))
    elif blocks:
        click.echo("\n".join(blocks))
    else:
        raise NetauditError("nothing compared (no selected device has both a config and a template)")


def _remediation_text(host: str, commands: list[str], src: str, tgt: str, scope: str) -> str:
    from netaudit.redact import redact

    head = [f"# {host}: remediation {src} -> {tgt} ({scope} scope)",
            "# REVIEW BEFORE APPLYING: generated for review; netaudit never changes a device.",
            "# Enter the system view yourself; secret values are masked (******) and must be filled in."]
    if not commands:
        return "\n".join(head + ["# no changes needed"]) + "\n"
    return "\n".join(head + [redact(c) for c in commands]) + "\n"
