"""``netaudit lab serve`` — impersonate the devices of a snapshot over SSH on loopback."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType

import click
from rich.markup import escape
from rich.table import Table

from netaudit.cli.common import console, limit_option, project_option
from netaudit.lab import FAULTS, start_lab


@click.group("lab", help="""A simulated network for trying and testing `netaudit collect`.

\b
Examples:
  netaudit lab serve --map-file /tmp/lab.json
  netaudit lab serve --limit zone:core,zone:egress --fault CZ-FW-02=hang --map-file lab.json
""")
def lab() -> None:
    pass


@lab.command("serve", short_help="Serve the devices of a snapshot over SSH on loopback.")
@project_option
@click.option("--snapshot", "-s", default="example", show_default=True, metavar="NAME",
              help="Snapshot whose recorded outputs the devices answer with.")
@limit_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Loopback address to listen on (127.0.0.1, ::1 or localhost only).")
@click.option("--base-port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="First port (one per device, in order); 0 lets the system choose each port.")
@click.option("--username", default="netaudit", show_default=True, help="Accepted SSH user name.")
@click.option("--password", envvar="NETAUDIT_LAB_PASSWORD", default=None,
              help="Accepted password (default: $NETAUDIT_LAB_PASSWORD, else a random one, printed).")
@click.option("--fault", "faults", multiple=True, metavar="HOST=KIND[@CMD]",
              help=f"Misbehave on one device; KIND: {', '.join(FAULTS)}. Repeatable.")
@click.option("--map-file", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="Write the connect map JSON {hostname: {host, port, host_key}} here.")
@click.option("--page-lines", type=click.IntRange(1, 10000), default=40, show_default=True,
              help="Lines per `---- More ----` page until `screen-length 0 temporary`.")
@click.option("--banner/--no-banner", default=True, show_default=True, help="Print a VRP login banner.")
def serve(project: Path, snapshot: str, limit: str | None, host: str, base_port: int, username: str,
          password: str | None, faults: tuple[str, ...], map_file: Path | None, page_lines: int,
          banner: bool) -> None:
    """Serve every device of a snapshot on its own SSH port until Ctrl-C (or SIGTERM).

    Each device shows its VRP prompt (`<HOST>`, `HRP_M<HOST>` on the -01 firewall), echoes what
    is typed, pages long outputs with `---- More ----` until `screen-length 0 temporary`, answers
    `display …` with its recorded output and anything else with `Error: Unrecognized command`.
    Host keys are generated in memory at start and never saved.

    \b
    Faults (--fault HOST=KIND[@COMMAND]):
      hang      half of an output, then silence (at COMMAND, default the 2nd display)
      drop      half of an output, then the connection is closed
      slow      outputs in small delayed chunks
      badauth   every password refused
      nopaging  `screen-length 0 temporary` refused: the pager stays on
      pwchange  `Change now? [Y/N]:` asked at login

    \b
    Examples:
      netaudit lab serve --map-file /tmp/lab.json
      netaudit lab serve --limit 'CZ-*' --fault CZ-CORE=slow --fault 'CZ-FW-01=drop@display version'
      NETAUDIT_PASSWORD=secret netaudit collect --snapshot lab --connect-map /tmp/lab.json \\
          --username netaudit      # with: netaudit lab serve --password secret ...
    """
    running = start_lab(project, snapshot, limit=limit, host=host, base_port=base_port,
                        username=username, password=password, faults=faults,
                        page_lines=page_lines, banner=banner)
    stop = threading.Event()

    def on_term(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        if map_file is not None:
            running.write_map(map_file)
        table = Table(title=f"lab: snapshot {escape(snapshot)} on {escape(host)}")
        for col in ("device", "port", "prompt", "faults"):
            table.add_column(col)
        for name, port in sorted(running.ports.items()):
            dev = running.devices[name]
            table.add_row(name, str(port), escape(dev.prompt.decode()), ", ".join(sorted(dev.faults)))
        console.print(table)
        console.print(f"user {escape(username)}, password "
                      + ("from --password/$NETAUDIT_LAB_PASSWORD" if password is not None
                         else escape(running.password))
                      + (f"; connect map: {escape(str(map_file))}" if map_file else "")
                      + "; Ctrl-C to stop", highlight=False, soft_wrap=True)
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    finally:
        running.close()
        signal.signal(signal.SIGTERM, previous)
    console.print("lab stopped")
