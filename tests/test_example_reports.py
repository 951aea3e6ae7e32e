"""Every report format of the example audit: written, readable, and free of the example's secrets."""

from __future__ import annotations

import html
import io
import json
import zipfile
from pathlib import Path

import pytest
from rich.console import Console

import netaudit.checks.all  # noqa: F401
from netaudit.audit import run_audit
from netaudit.inventory import load_inventory
from netaudit.policy import load_policies, load_waivers
from netaudit.policy.catalog import default_policy_files
from netaudit.report import FORMATS, render_table, write_reports
from netaudit.results import Results
from netaudit.snapshot.store import open_snapshot

ROOT = Path(__file__).resolve().parents[1]
SECRETS = [s for s in (ROOT / "snapshots" / "example" / "SECRETS.txt").read_text(encoding="utf-8").splitlines() if s]


@pytest.fixture(scope="module")
def results() -> Results:
    inv = load_inventory(ROOT)
    policy = load_policies(default_policy_files(ROOT))
    waivers = load_waivers(ROOT / "policies" / "waivers.yaml", set(policy.entries))
    return run_audit(inv, inv.devices, open_snapshot(ROOT, "example"), policy, waivers, workers=1)


@pytest.fixture(scope="module")
def outputs(results: Results, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("reports")
    paths = write_reports(results, [f for f in FORMATS if f != "table"], out, inventory=load_inventory(ROOT),
                          lang="zh", project_dir=ROOT)
    texts: dict[str, str] = {}
    for p in paths:
        if p.suffix == ".xlsx":  # the sheets' XML, where cell text lives
            with zipfile.ZipFile(p) as z:
                texts[p.name] = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        else:
            texts[p.name] = p.read_text(encoding="utf-8")
    buf = io.StringIO()
    render_table(results, Console(file=buf, width=200), lang="zh")
    texts["table"] = buf.getvalue()
    return texts


def test_secrets_file_is_meaningful() -> None:
    assert len(SECRETS) > 100
    config = (ROOT / "snapshots" / "example" / "CZ-CORE" / "display_current-configuration.txt").read_text()
    assert any(s in config for s in SECRETS)  # the secrets really are in the recorded configs


def test_every_format_written(outputs: dict[str, str]) -> None:
    names = set(outputs)
    assert {"netaudit-report.json", "netaudit-report.html", "netaudit-report.md", "netaudit-report.xlsx",
            "netaudit-report.sarif", "netaudit-report.junit.xml", "table"} <= names
    doc = json.loads(outputs["netaudit-report.json"])
    assert doc["snapshot"]["devices"] == 42


def _readable(text: str) -> str:
    """The text as a reader sees it: HTML/XML entities and JSON string escapes undone."""
    unescaped = html.unescape(text)
    return "\n".join((text, unescaped, unescaped.replace('\\"', '"').replace("\\\\", "\\")))


def test_no_example_secret_in_any_report(outputs: dict[str, str]) -> None:
    leaks = [(name, s) for name, text in outputs.items() for s in SECRETS if s in _readable(text)]
    assert not leaks, leaks[:5]


def test_evidence_still_shows_the_keyword(outputs: dict[str, str]) -> None:
    # redaction keeps the line readable: the keyword stays, the secret goes
    html = outputs["netaudit-report.html"]
    assert "password irreversible-cipher ******" in html or "shared-key cipher ******" in html
