"""``netaudit snapshot list|show|verify|import`` — look after recorded outputs."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from netaudit.cli.common import console, err_console, project_option
from netaudit.errors import NetauditError, SnapshotError
from netaudit.snapshot import (
    MANIFEST_NAME,
    Snapshot,
    import_backups,
    list_snapshots,
    open_snapshot,
    verify,
)


class SnapshotUsageError(click.ClickException):
    """Bad input (unknown snapshot, unreadable folder): one message, exit code 2."""

    exit_code = 2


def _open(project: Path, name: str) -> Snapshot:
    try:
        return open_snapshot(project, name)
    except SnapshotError as e:
        raise SnapshotUsageError(str(e)) from e


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


@click.group(help="""Recorded device outputs under snapshots/<name>/<HOST>/<command>.txt.

\b
A snapshot is written by `netaudit collect` (with manifest.json holding the sha256 of every
file) or imported from existing backups; `netaudit audit --snapshot NAME` reads it offline.

\b
Examples:
  netaudit snapshot list
  netaudit snapshot show example
  netaudit snapshot verify example
  netaudit snapshot import /var/lib/oxidized/configs --name 2024-05-backup
""")
def snapshot() -> None:
    pass


@snapshot.command("list", short_help="List snapshots with device count and manifest status.")
@project_option
def list_cmd(project: Path) -> None:
    """List the snapshots of the project, with device count and manifest status.

    \b
    Example:
      netaudit snapshot list --project ~/audits/chaozhou
    """
    snaps = list_snapshots(project)
    if not snaps:
        console.print(f"no snapshots in {escape(str(project / 'snapshots'))}")
        return
    table = Table(title=f"snapshots in {escape(str(project / 'snapshots'))}")
    for col in ("name", "devices", "files", "created", "tool", "manifest"):
        table.add_column(col, justify="right" if col in ("devices", "files") else "left")
    for snap in snaps:
        devices = snap.devices()
        files = sum(len(snap.commands(h)) for h in devices)
        created = tool = ""
        status = "none"
        try:
            manifest = snap.manifest()
        except SnapshotError:
            status = "[red]invalid[/]"
        else:
            if manifest is not None:
                status = "yes"
                created = manifest.created.strftime("%Y-%m-%d %H:%M")
                tool = f"{manifest.tool.name} {manifest.tool.version}"
        table.add_row(escape(snap.name), str(len(devices)), str(files), created, escape(tool), status)
    console.print(table)


@snapshot.command("show", short_help="Show the devices × commands of a snapshot, with sizes.")
@click.argument("name")
@project_option
def show_cmd(name: str, project: Path) -> None:
    """Show the devices × commands of snapshot NAME (a name or a directory path), with sizes.

    \b
    Examples:
      netaudit snapshot show example
      netaudit snapshot show ./backups/2024-05
    """
    snap = _open(project, name)
    try:
        manifest = snap.manifest()
    except SnapshotError as e:
        err_console.print(f"[yellow]warning:[/] {escape(str(e))}")
        manifest = None
    devices = snap.devices()
    files = sorted({f for h in devices for f in snap.commands(h)})
    title = f"snapshot {snap.name} ({snap.path})"
    if manifest is not None:
        title += f" — created {manifest.created:%Y-%m-%d %H:%M} by {manifest.tool.name} {manifest.tool.version}"
        if manifest.source:
            title += f", from {manifest.source}"
    table = Table(title=escape(title))
    table.add_column("device")
    for f in files:
        table.add_column(escape(f.removesuffix(".txt")), justify="right")
    if manifest is not None:
        table.add_column("errors")
    for host in devices:
        present = set(snap.commands(host))
        cells = [_size(snap.path_of(host, f).stat().st_size) if f in present else "—" for f in files]
        row = [escape(host), *cells]
        if manifest is not None:
            dev = manifest.devices.get(host)
            errs = []
            if dev is not None:
                errs = ([dev.error] if dev.error else []) + [
                    f"{c}: {r.error}" for c, r in dev.commands.items() if r.error]
            row.append(escape("; ".join(errs)))
        table.add_row(*row)
    console.print(table)
    if not devices:
        console.print("no device directories in this snapshot")


@snapshot.command("verify", short_help="Check files against manifest.json sha256 (exit 1 on problems).")
@click.argument("name")
@project_option
def verify_cmd(name: str, project: Path) -> None:
    """Check every file of snapshot NAME against the sha256 in its manifest.json.

    \b
    Exit codes:
      0  every file matches the manifest
      1  files modified, missing or extra — or no (valid) manifest to check against
      2  bad input: the snapshot does not exist

    \b
    Examples:
      netaudit snapshot verify example
      netaudit snapshot verify /mnt/evidence/snapshots/2024-05-01 && echo intact
    """
    snap = _open(project, name)
    try:
        report = verify(snap)
    except SnapshotError as e:
        raise SnapshotUsageError(str(e)) from e
    for err in report.recorded_errors:
        console.print(f"[yellow]recorded collection error:[/] {escape(err)}")
    if report.clean:
        console.print(f"[green]ok[/]: snapshot {escape(snap.name)}: {report.checked} files match {MANIFEST_NAME}")
        return
    table = Table(title=escape(f"snapshot {snap.name}: problems"))
    table.add_column("problem", style="red")
    table.add_column("file", overflow="fold")
    table.add_column("detail", overflow="fold")
    for kind, file, detail in report.problems():
        table.add_row(kind, escape(file), escape(detail))
    console.print(table)
    if report.has_manifest and report.manifest_error is None:
        console.print(f"{report.checked} files match, {len(report.modified)} modified, "
                      f"{len(report.missing)} missing, {len(report.extra)} extra")
    else:
        files = sum(len(snap.commands(h)) for h in snap.devices())
        console.print(f"{files} files present, none could be checked")
    # SystemExit, not ctx.exit(): run_safely() drops the code click returns in non-standalone mode
    raise SystemExit(1)


@snapshot.command("import", short_help="Import Oxidized or RANCID config backups as a snapshot.")
@click.argument("src", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--name", "-n", required=True, help="Name of the snapshot to create under snapshots/.")
@click.option("--force", is_flag=True, help="Replace an existing snapshot of that name.")
@click.option("--inventory/--no-inventory", "use_inventory", default=True, show_default=True,
              help="Keep only backups of inventory devices (when the project has inventory/).")
@project_option
def import_cmd(src: Path, name: str, force: bool, use_inventory: bool, project: Path) -> None:
    """Import existing config backups from DIR as a snapshot, for offline audits.

    DIR is an Oxidized folder (one file per device, named CZ-CORE or CZ-CORE.cfg/.txt/.conf,
    group sub-folders allowed) or a RANCID group folder holding configs/. Each file becomes
    <HOST>/display_current-configuration.txt; the manifest notes each source file and its sha256.
    File names are matched to inventory hostnames ignoring case and domain suffix.

    \b
    Examples:
      netaudit snapshot import /var/lib/oxidized/configs --name 2024-05-backup
      netaudit snapshot import /var/rancid/extranet --name rancid --force
      netaudit snapshot import ./backups --name lab --no-inventory
    """
    hostnames: set[str] | None = None
    if use_inventory and (project / "inventory").is_dir():
        from netaudit.inventory import load_inventory  # only needed here; keeps `snapshot` light

        try:
            hostnames = {d.hostname for d in load_inventory(project).devices}
        except NetauditError as e:
            raise SnapshotUsageError(f"{e}\n(fix the inventory, or import with --no-inventory)") from e
    try:
        result = import_backups(src, project, name, hostnames, force=force)
    except SnapshotError as e:
        raise SnapshotUsageError(str(e)) from e
    for w in result.warnings:
        err_console.print(f"[yellow]warning:[/] {escape(w)}", soft_wrap=True)
    console.print(f"[green]imported[/] {len(result.imported)} devices into snapshot "
                  f"{escape(result.snapshot.name)} ({escape(str(result.snapshot.path))})")
