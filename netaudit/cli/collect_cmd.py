"""``netaudit collect`` — record device outputs over SSH (read-only) into a snapshot."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from netaudit.cli.common import console, err_console, limit_option, project_option
from netaudit.collect import runner
from netaudit.collect.session import Credentials
from netaudit.inventory import load_inventory, select
from netaudit.snapshot.store import snapshots_dir

HELP = """Record the outputs the audit reads from every selected device, over SSH, read-only.

\b
Per device: SSH login with a password, `screen-length 0 temporary` (or reading through the
`---- More ----` pager when the device refuses it), then the `display …` commands of its
platform: current-configuration, version, interface brief, lldp neighbor brief, eth-trunk,
ip/ipv6 interface brief, vrrp brief, css status (core CSS) or stack (other clusters), hrp state
(firewalls). Only commands of a fixed read-only allowlist can be sent; nothing else ever is.

\b
Stored under snapshots/NAME/<HOST>/<command>.txt: the bytes between the echoed command and the
next prompt, with the pager prompts (and their ESC[42D repaint) removed and CR LF turned into LF.
manifest.json holds sha256, start/finish time and any error per command; collect.log holds
each device's session log (commands, timings, byte counts — no outputs, no credentials).

\b
Credentials: --username or $NETAUDIT_USERNAME; the password from $NETAUDIT_PASSWORD or a
hidden prompt. They are never written anywhere.
Where to connect: the --connect-map entry (and only it, when a map is given), else the
device's vars.ssh_host / vars.ssh_port, else mgmt_ip:22. Host keys are checked against
~/.ssh/known_hosts, or the "host_key" of the connect map.

\b
--timeout bounds each step absolutely: SSH login, the first prompt, and every command from
sending it to its prompt. A device that hangs, drops the session or refuses the login is
recorded as failed (what it gave before is kept) and the others go on.

\b
Exit codes: 0 every device collected, 1 some device failed (the snapshot is still written),
2 bad input (no inventory, no device selected, no credentials, snapshot exists without --force).

\b
Examples:
  NETAUDIT_USERNAME=audit netaudit collect --snapshot 2024-06-01
  netaudit collect --snapshot core-weekly --limit zone:core,zone:egress --workers 4
  netaudit lab serve --map-file /tmp/lab.json &          # a simulated network on loopback
  NETAUDIT_PASSWORD=… netaudit collect --snapshot lab --connect-map /tmp/lab.json --username netaudit
"""


class CollectUsageError(click.ClickException):
    """Bad input: one message, exit code 2."""

    exit_code = 2


def _credentials(username: str | None) -> Credentials:
    interactive = sys.stdin.isatty()
    if not username:
        if not interactive:
            raise CollectUsageError("no user name: pass --username or set NETAUDIT_USERNAME")
        username = click.prompt("SSH user name", err=True)
    password = os.environ.get("NETAUDIT_PASSWORD")
    if password is None:
        if not interactive:
            raise CollectUsageError("no password: set NETAUDIT_PASSWORD or run interactively")
        password = click.prompt("SSH password", hide_input=True, err=True)
    return Credentials(username or "", password)


@click.command("collect", help=HELP, short_help="Record device outputs over SSH (read-only) into a snapshot.")
@project_option
@click.option("--snapshot", "-s", "name", required=True, metavar="NAME",
              help="Snapshot to write (snapshots/NAME).")
@limit_option
@click.option("--workers", "-w", type=click.IntRange(1, 256), default=runner.DEFAULT_WORKERS,
              show_default=True, help="Devices collected at the same time.")
@click.option("--connect-map", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help='JSON {hostname: {"host": H, "port": N}} (as `lab serve --map-file` '
                                   "writes); only these addresses are used.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=runner.DEFAULT_TIMEOUT,
              show_default=True, metavar="S", help="Absolute limit per step (login, each command), seconds.")
@click.option("--username", "-u", envvar="NETAUDIT_USERNAME", default=None, metavar="USER",
              help="SSH user name (default: $NETAUDIT_USERNAME).")
@click.option("--force", is_flag=True, help="Replace snapshot NAME if it exists.")
def collect(project: Path, name: str, limit: str | None, workers: int, connect_map: Path | None,
            timeout: float, username: str | None, force: bool) -> None:
    inventory = load_inventory(project)
    devices = select(inventory.devices, limit)
    if not devices:
        raise CollectUsageError(f"no device selected (--limit {limit!r})" if limit else "the inventory has no device")
    if (snapshots_dir(project) / name).exists() and not force:
        raise CollectUsageError(f"snapshot {name!r} already exists; use --force to replace it")
    targets = runner.load_connect_map(connect_map) if connect_map is not None else None
    credentials = _credentials(username)

    with Progress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=err_console,
                  disable=not err_console.is_terminal) as bar:
        tasks: dict[str, TaskID] = {d.hostname: bar.add_task(d.hostname, total=None, detail="waiting")
                                    for d in devices}

        def on_progress(p: runner.Progress) -> None:
            detail = {"connecting": "connecting", "done": "[green]done[/]",
                      "failed": f"[red]failed[/] {escape(p.detail[:60])}"}.get(p.phase, escape(p.detail))
            bar.update(tasks[p.hostname], total=p.total, completed=p.done, detail=detail)

        result = runner.collect(project, name, devices, credentials, connect_map=targets,
                                workers=workers, timeout=timeout, replace=force,
                                progress=on_progress)

    table = Table(title=f"collect → {escape(str(result.snapshot.path))}")
    for col in ("device", "status", "outputs", "rejected by device", "error"):
        table.add_column(col)
    for host, out in sorted(result.devices.items()):
        table.add_row(host, "[green]ok[/]" if out.ok else "[red]failed[/]",
                      f"{len(out.collected)}/{out.total}", escape(", ".join(out.rejected)),
                      escape(out.error or ""))
    console.print(table)
    ok = len(result.devices) - len(result.failed)
    console.print(f"snapshot {escape(name)}: {ok} of {len(result.devices)} devices collected"
                  + (f", failed: {escape(', '.join(result.failed))}" if result.failed else "")
                  + f"; session log {escape(str(result.snapshot.path / runner.LOG_NAME))}",
                  highlight=False, soft_wrap=True)
    if result.failed:
        click.get_current_context().exit(1)
