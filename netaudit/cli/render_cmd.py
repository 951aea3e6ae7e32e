"""`netaudit render`: intended configurations from the inventory and templates/."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from netaudit.cli.common import err_console, limit_option, project_option
from netaudit.errors import NetauditError

HELP = """Render intended configurations from the inventory with Jinja2 templates.

\b
Template of a device (first that exists, under <project>/templates/):
  <platform>/<role>-<zone>.j2   e.g. huawei_vrp/switch-core.j2 (the S12708 CSS)
  <platform>/<role>.j2          e.g. huawei_vrp/switch.j2
  <platform>/base.j2
Global variables: templates/vars.yaml, overlaid by each device's inventory vars.
Secrets are never rendered: templates write {{ secret("tacacs-key") }} and the
config carries the placeholder <secret:tacacs-key>; `netaudit diff` compares such
lines with the value masked. An undefined variable is an error naming the template,
the line and the variable (exit 2). Devices without a template are skipped with a
warning (exit 2 when none could be rendered).

\b
Examples:
  netaudit render --limit CZ-CORE                 # print to stdout
  netaudit render --limit CZ-CORE --out /tmp/x    # writes /tmp/x/CZ-CORE.cfg
  netaudit render --limit zone:county --out rendered/
"""


@click.command("render", help=HELP)
@project_option
@limit_option
@click.option("--out", "-o", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Directory for <HOST>.cfg files (created). Default: print to stdout.")
def render(project: Path, limit: str | None, out: Path | None) -> None:
    from netaudit.inventory import load_inventory, select
    from netaudit.render import RenderError, load_global_vars, make_environment, render_device

    inv = load_inventory(project)
    devices = select(inv.devices, limit)
    if not devices:
        raise NetauditError(f"--limit {limit!r} selects no device")
    tdir = project / "templates"
    if not tdir.is_dir():
        raise NetauditError(f"{tdir}: no templates directory (is --project right?)")
    env = make_environment(tdir)
    gvars = load_global_vars(tdir)
    done = 0
    for d in devices:
        try:
            r = render_device(inv, d, tdir, env=env, global_vars=gvars)
        except RenderError as e:
            if "no template" in str(e):
                err_console.print(f"[yellow]skipped:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
                continue
            raise
        done += 1
        if out is None:
            if len(devices) > 1:
                click.echo(f"! ===== {r.hostname} (templates/{r.template}) =====")
            click.echo(r.text, nl=False)
        else:
            try:
                out.mkdir(parents=True, exist_ok=True)
                (out / f"{r.hostname}.cfg").write_text(r.text, encoding="utf-8")
            except OSError as e:
                raise NetauditError(f"{out}: cannot write: {e.strerror or e}") from None
            err_console.print(f"{escape(r.hostname)}: templates/{escape(r.template)} → "
                              f"{escape(str(out / (r.hostname + '.cfg')))}", highlight=False)
    if not done:
        raise NetauditError("no device could be rendered (no template for any selected device)")
