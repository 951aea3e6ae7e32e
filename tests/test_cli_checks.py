"""`netaudit checks list|show` and the top-level help."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkutil import run_cli

import netaudit.checks.all  # noqa: F401
from netaudit.checks import REGISTRY

ROOT = Path(__file__).resolve().parents[1]


def test_list_names_every_check_and_its_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["checks", "list", "--project", str(ROOT)], capsys)
    assert code == 0
    for cid in REGISTRY:
        assert cid in out
    row = next(line for line in out.splitlines() if "mgmt-idle-timeout" in line)
    assert "8.1.4.1b" in row and "dengbao-l3" in row


def test_every_shipped_check_runs_in_a_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    from netaudit.policy import load_policies
    from netaudit.policy.catalog import default_policy_files

    policy = load_policies(default_policy_files(ROOT))
    assert set(REGISTRY) == set(policy.entries)


def test_show_prints_parameters_and_unknown_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["checks", "show", "topo-bandwidth"], capsys)
    assert code == 0 and "city_county" in out and "'1G'" in out and "8.1.2.1b" in out
    code, _, err = run_cli(["checks", "show", "mgmt-nope"], capsys)
    assert code == 2 and "unknown check 'mgmt-nope'" in err


def test_help_lists_the_pipeline_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--help"], capsys)
    assert code == 0
    for cmd in ("inventory", "snapshot", "audit", "report", "checks"):
        assert cmd in out
