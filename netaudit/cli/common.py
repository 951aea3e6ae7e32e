"""Options and error handling shared by every command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape

from netaudit.errors import NetauditError

F = TypeVar("F", bound=Callable[..., Any])

# piped output (files, CI logs) gets a wide console rather than rich's 80 columns
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)


def project_option(f: F) -> F:
    return click.option(
        "--project", "-p", "project", type=click.Path(file_okay=False, path_type=Path),
        default=Path("."), show_default=True,
        help="Audit project directory (holds inventory/, policies/, snapshots/).",
    )(f)


def limit_option(f: F) -> F:
    return click.option(
        "--limit", "-l", "limit", default=None, metavar="EXPR",
        help="Select devices: hostname glob (CZ-CORE*), zone:core, site:raoping, tier:county, tag:x; "
             "comma means OR (zone:core,tier:town).",
    )(f)


def run_safely(group: click.Group) -> int:
    """Run the click group; user errors become one message and exit code 2."""
    try:
        # with standalone_mode=False click returns the code of ctx.exit()/Exit instead of exiting
        rv = group.main(standalone_mode=False)
    except click.exceptions.Abort:
        err_console.print("aborted")
        return 2
    except click.exceptions.Exit as e:
        return int(e.exit_code)
    except click.ClickException as e:
        e.show()
        return 2
    except NetauditError as e:
        err_console.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        err_console.print("interrupted")
        return 130
    return rv if isinstance(rv, int) else 0
