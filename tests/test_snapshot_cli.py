"""`netaudit snapshot list|show|verify|import` through click's CliRunner and one real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from netaudit.cli import cli
from netaudit.snapshot import RUNNING_CONFIG, SnapshotWriter

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    with SnapshotWriter(tmp_path, "daily") as w:
        w.write("CZ-CORE", RUNNING_CONFIG, b"#\nsysname CZ-CORE\n#\nreturn\n")
        w.write("CZ-CORE", "display version", b"VRP (R) software, Version 5.170\n")
        w.write("RP-AGG", RUNNING_CONFIG, b"#\nsysname RP-AGG\n#\nreturn\n")
        w.record_error("RP-AGG", "timeout", command="display lldp neighbor brief")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["snapshot", *args], env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_help_lists_subcommands_with_examples() -> None:
    code, out = run("--help")
    assert code == 0
    for sub in ("list", "show", "verify", "import"):
        assert f"  {sub} " in out
    assert "netaudit snapshot verify example" in out
    code, out = run("verify", "--help")
    assert code == 0 and "Exit codes" in out and "--project" in out


def test_list(project: Path) -> None:
    code, out = run("list", "--project", str(project))
    assert code == 0
    assert "daily" in out and "netaudit" in out
    row = next(line for line in out.splitlines() if "daily" in line)
    assert " 2 " in row and " 3 " in row  # 2 devices, 3 files
    code, out = run("list", "--project", str(project / "nothing"))
    assert code == 0 and "no snapshots" in out


def test_show(project: Path) -> None:
    code, out = run("show", "daily", "--project", str(project))
    assert code == 0
    assert "display_current-configuration" in out and "display_version" in out
    cz = next(line for line in out.splitlines() if "CZ-CORE" in line)
    assert "27 B" in cz and "32 B" in cz  # sizes of the two outputs
    rp = next(line for line in out.splitlines() if "RP-AGG" in line)
    assert "—" in rp and "display lldp neighbor brief: timeout" in rp


def test_verify_clean_then_problems(project: Path) -> None:
    code, out = run("verify", "daily", "--project", str(project))
    assert code == 0 and "3 files match" in out
    root = project / "snapshots" / "daily"
    (root / "CZ-CORE" / "display_version.txt").write_bytes(b"tampered\n")
    (root / "RP-AGG" / "display_current-configuration.txt").unlink()
    (root / "RP-AGG" / "display_clock.txt").write_bytes(b"x\n")
    code, out = run("verify", "daily", "--project", str(project))
    assert code == 1
    assert "modified" in out and "CZ-CORE/display_version.txt" in out
    assert "missing" in out and "RP-AGG/display_current-configuration.txt" in out
    assert "extra" in out and "RP-AGG/display_clock.txt" in out
    assert "1 files match, 1 modified, 1 missing, 1 extra" in out


def test_verify_no_manifest_and_unknown(project: Path) -> None:
    (project / "snapshots" / "daily" / "manifest.json").unlink()
    code, out = run("verify", "daily", "--project", str(project))
    assert code == 1 and "no manifest" in out and "3 files present, none could be checked" in out
    code, out = run("verify", "weekly", "--project", str(project))
    assert code == 2 and "snapshot 'weekly' not found" in out and "Traceback" not in out


def test_import_refuses_overwrite_without_force(tmp_path: Path) -> None:
    src = tmp_path / "oxidized"
    src.mkdir()
    (src / "CZ-CORE.cfg").write_bytes(b"#\nsysname CZ-CORE\n")
    (src / "EMPTY.cfg").write_bytes(b"")
    proj = tmp_path / "proj"
    code, out = run("import", str(src), "--name", "bk", "--project", str(proj))
    assert code == 0 and "imported 1 devices into snapshot bk" in out
    assert "EMPTY.cfg: skipped: empty file" in out
    assert (proj / "snapshots" / "bk" / "CZ-CORE" / "display_current-configuration.txt").is_file()
    code, out = run("import", str(src), "--name", "bk", "--project", str(proj))
    assert code == 2 and "already exists" in out and "--force" in out
    code, out = run("import", str(src), "--name", "bk", "--force", "--project", str(proj))
    assert code == 0
    code, out = run("import", str(tmp_path / "missing"), "--name", "x", "--project", str(proj))
    assert code == 2 and "does not exist" in out


def test_import_filters_by_inventory(tmp_path: Path) -> None:
    proj = tmp_path / "proj"
    (proj / "inventory").mkdir(parents=True)
    (proj / "inventory" / "devices.yaml").write_text(
        "sites:\n  - name: chaozhou\n    tier: city\n"
        "devices:\n  - hostname: CZ-CORE\n    mgmt_ip: 10.10.0.1\n    platform: huawei_vrp\n"
        "    model: S12708\n    role: switch\n    zone: core\n    site: chaozhou\n",
        encoding="utf-8")
    src = tmp_path / "ox"
    src.mkdir()
    (src / "cz-core").write_bytes(b"#\nsysname CZ-CORE\n")
    (src / "OTHER").write_bytes(b"#\nsysname OTHER\n")
    code, out = run("import", str(src), "--name", "bk", "--project", str(proj))
    assert code == 0, out
    assert "'OTHER' is not a device of the inventory" in out
    assert sorted(p.name for p in (proj / "snapshots" / "bk").iterdir()) == ["CZ-CORE", "manifest.json"]
    code, out = run("import", str(src), "--name", "all", "--no-inventory", "--project", str(proj))
    assert code == 0 and "imported 2 devices" in out


def test_verify_in_a_real_process(project: Path) -> None:
    """The installed entry point when there is one, else `python -m netaudit` (same main())."""
    exe = REPO / ".venv" / "bin" / "netaudit"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "netaudit"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}

    def netaudit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*cmd, "snapshot", *args, "--project", str(project)],
                              capture_output=True, text=True, env=env, timeout=60)

    ok = netaudit("verify", "daily")
    assert ok.returncode == 0, ok.stderr
    assert "3 files match" in ok.stdout
    (project / "snapshots" / "daily" / "CZ-CORE" / "display_version.txt").write_bytes(b"x")
    bad = netaudit("verify", "daily")
    assert bad.returncode == 1 and "modified" in bad.stdout
    missing = netaudit("verify", "nope")
    assert missing.returncode == 2 and "not found" in missing.stderr
    assert "Traceback" not in missing.stderr
