"""Command line: `netaudit --help`. One module per command group; errors exit 2 without traceback."""

from __future__ import annotations

import sys

import click

from netaudit import __version__
from netaudit.cli.audit_cmd import audit, report
from netaudit.cli.checks_cmd import checks
from netaudit.cli.collect_cmd import collect
from netaudit.cli.common import run_safely
from netaudit.cli.diff_cmd import diff
from netaudit.cli.inventory_cmd import inventory
from netaudit.cli.lab_cmd import lab
from netaudit.cli.render_cmd import render
from netaudit.cli.snapshot_cmd import snapshot

HELP = """netaudit — inventory and audit of a Huawei VRP e-government extranet (电子政务外网).

\b
The pipeline: inventory → collect → snapshot → parse → model → checks → report.
Commands work on an audit project directory (the current one, or --project DIR):
  inventory/  sites, devices, links (YAML)     policies/   check catalogs, waivers
  snapshots/  recorded device outputs          reports/    written reports

\b
Examples:
  netaudit inventory validate
  netaudit inventory show --limit zone:county
  netaudit audit --snapshot example --format html --lang zh
  netaudit snapshot verify example
  netaudit checks list
  netaudit render --limit CZ-CORE --out intended/
  netaudit diff --limit XQ-CORE --format remediation
"""


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="netaudit")
def cli() -> None:
    pass


cli.add_command(inventory)
cli.add_command(collect)
cli.add_command(snapshot)
cli.add_command(audit)
cli.add_command(report)
cli.add_command(checks)
cli.add_command(render)
cli.add_command(diff)
cli.add_command(lab)


def main() -> None:
    sys.exit(run_safely(cli))
