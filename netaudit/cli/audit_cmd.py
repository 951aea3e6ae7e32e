"""`netaudit audit` and `netaudit report`."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from netaudit.cli.common import console, err_console, limit_option, project_option
from netaudit.errors import NetauditError
from netaudit.results import SEVERITIES, Results, severity_rank

FORMATS = ("table", "json", "html", "md", "xlsx", "junit", "sarif")


def default_snapshot(project: Path) -> str:
    from netaudit.snapshot.store import list_snapshots

    snaps = list_snapshots(project)
    if not snaps:
        raise NetauditError(f"no snapshot under {project / 'snapshots'}: record one with `netaudit collect` "
                            "or import backups with `netaudit snapshot import`")
    names = [s.name for s in snaps]
    if "example" in names and len(names) == 1:
        return "example"
    # the most recently written one
    return max(snaps, key=lambda s: s.path.stat().st_mtime).name


def _emit(results: Results, formats: tuple[str, ...], output: Path | None, project: Path, lang: str) -> None:
    from netaudit.inventory import load_inventory
    from netaudit.report import render_table, write_reports

    fmts = [f for f in formats if f != "table"]
    if "table" in formats or not formats:
        render_table(results, console, lang=lang)
    if fmts:
        try:
            inv = load_inventory(project)
        except NetauditError:
            inv = None
        written = write_reports(results, fmts, output, inventory=inv, lang=lang, project_dir=project)
        for p in written:
            err_console.print(f"wrote {p}", highlight=False)


def _fail_exit(results: Results, fail_on: str) -> None:
    if fail_on == "none":
        return
    worst = [f for f in results.findings if f.status == "fail" and severity_rank(f.severity) >= severity_rank(fail_on)]
    if worst:
        err_console.print(f"{len(worst)} failure(s) at or above {fail_on} (--fail-on)")
        raise click.exceptions.Exit(1)


format_option = click.option(
    "--format", "-f", "formats", multiple=True, type=click.Choice(FORMATS), default=("table",),
    show_default=True, help="Output format; repeat for several (then --output names a directory).")
def _output_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """A path; one written with a trailing slash (``reports/``) is a directory, created if needed."""
    if value is None:
        return None
    if value.endswith(("/", "\\")):
        Path(value).mkdir(parents=True, exist_ok=True)
    return Path(value)


output_option = click.option(
    "--output", "-o", type=click.Path(), callback=_output_path, default=None,
    help="File (one format) or directory (several). Default: <project>/reports/.")
lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                           help="Report language: Chinese first (zh) or English.")


@click.command()
@project_option
@limit_option
@click.option("--snapshot", "-s", "snapshot_name", metavar="NAME|PATH", default=None,
              help="Snapshot to audit (name under snapshots/ or a path). Default: the only or newest one.")
@click.option("--policy", "policies", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Policy catalog(s) to use instead of every policies/*.yaml.")
@click.option("--waivers", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Waiver file. Default: policies/waivers.yaml when present.")
@format_option
@output_option
@click.option("--fail-on", type=click.Choice(["none", *SEVERITIES]), default="none", show_default=True,
              help="Exit 1 when a finding at or above this severity fails (for CI).")
@lang_option
@click.option("--workers", "-w", type=click.IntRange(1, 64), default=None,
              help="Parallel worker processes. Default: one per core.")
def audit(project: Path, limit: str | None, snapshot_name: str | None, policies: tuple[Path, ...],
          waivers: Path | None, formats: tuple[str, ...], output: Path | None, fail_on: str, lang: str,
          workers: int | None) -> None:
    """Audit recorded outputs against the policy catalogs (city plan + 等保 2.0 level 3).

    \b
    Examples:
      netaudit audit                                   # the only/newest snapshot, table summary
      netaudit audit -s example -f html -f xlsx -o reports/
      netaudit audit --limit zone:county --fail-on high
      netaudit audit -f json -o results.json --lang en

    Exit codes: 0 done, 1 a finding at or above --fail-on failed, 2 bad input.
    """
    import netaudit.checks.all  # noqa: F401  (registers the built-in checks)
    from netaudit.audit import run_audit
    from netaudit.inventory import load_inventory, select
    from netaudit.policy import load_policies, load_waivers
    from netaudit.policy.catalog import default_policy_files
    from netaudit.snapshot.store import open_snapshot

    inv = load_inventory(project)
    selected = select(inv.devices, limit)
    if not selected:
        raise NetauditError(f"no device matches --limit {limit!r}")
    snap = open_snapshot(project, snapshot_name or default_snapshot(project))
    files = list(policies) or default_policy_files(project)
    policy = load_policies(files)
    wfile = waivers or project / "policies" / "waivers.yaml"
    wv = load_waivers(wfile, set(policy.entries))
    if len(policy) == 0:
        console.print("no checks configured: the policy catalogs name no check / 策略中没有检查项")
    with Progress(TextColumn("[bold]auditing 审计"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), TimeElapsedColumn(), console=err_console,
                  transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("", total=len(selected))

        def tick(host: str) -> None:
            bar.update(task, advance=1, description=host)

        results = run_audit(inv, selected, snap, policy, wv, workers=workers, progress=tick,
                            project=str(project.resolve()))
    _emit(results, formats, output, project, lang)
    _report_input_problems(results)
    _fail_exit(results, fail_on)


def _report_input_problems(results: Results) -> None:
    """One line per device whose recorded outputs could not be used (its checks say error/skipped)."""
    for d in results.devices:
        err = d.get("parse_error")
        if err:
            err_console.print(f"[yellow]warning:[/] {d['hostname']}: {escape(str(err))} "
                              "— its configuration checks are reported as error / 配置无法解析", soft_wrap=True)
        warnings = d.get("warnings")
        for w in warnings if isinstance(warnings, list) else []:
            err_console.print(f"[yellow]warning:[/] {escape(str(w))} / 输出无法解析", soft_wrap=True)


@click.command()
@click.argument("results_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@project_option
@format_option
@output_option
@lang_option
@click.option("--compare", nargs=2, type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              metavar="OLD.json NEW.json", help="Show new, fixed and unchanged failures between two audits (整改跟踪).")
def report(results_file: Path | None, project: Path, formats: tuple[str, ...], output: Path | None, lang: str,
           compare: tuple[Path, Path] | None) -> None:
    """Render saved results (from `audit -f json`) again, or compare two audits.

    \b
    Examples:
      netaudit report reports/netaudit-report.json -f html -f xlsx
      netaudit report --compare review-2026-06.json review-2026-12.json
    """
    if compare:
        from netaudit.report.compare import compare as do_compare

        old, new = (_read_results(p) for p in compare)
        cmp = do_compare(old, new)
        texts = {"json": cmp.to_json, "md": lambda: cmp.to_markdown(lang)}
        for fmt in formats:
            if fmt == "table":
                cmp.render_table(console, lang=lang)
            elif fmt in texts:
                text = texts[fmt]()
                if output is None:
                    click.echo(text)
                else:
                    target = output / f"netaudit-compare.{fmt}" if output.is_dir() else output
                    target.write_text(text, encoding="utf-8")
                    err_console.print(f"wrote {target}", highlight=False)
            else:
                raise click.UsageError(f"--compare renders as table, json or md, not {fmt}")
        return
    if results_file is None:
        raise click.UsageError("give a RESULTS.json file, or --compare OLD.json NEW.json")
    _emit(_read_results(results_file), formats, output, project, lang)


def _read_results(path: Path) -> Results:
    from pydantic import ValidationError

    try:
        return Results.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError) as e:
        raise NetauditError(f"{path}: not a netaudit results file: {str(e).splitlines()[0]}") from None
