"""`netaudit lab serve` and `netaudit collect` as real processes: exit codes 0/1/2, no password leaks."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from netaudit.cli import cli
from netaudit.cli.collect_cmd import collect as collect_cmd
from netaudit.cli.common import run_safely
from netaudit.cli.lab_cmd import lab as lab_group

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Cli-pw-Qx81!zz"
HOSTS = "CZ-CORE,CZ-FW-01,XQ-CX-XQ-SW,CZ-FW-02"

# `python -m netaudit` once the lead registers the commands; until then the same two commands in
# a group run the same way (run_safely: one message and exit code 2 for bad input).
if "collect" in cli.commands and "lab" in cli.commands:
    PREFIX = [sys.executable, "-m", "netaudit"]
else:
    PREFIX = [sys.executable, "-c",
              "import sys, click\n"
              "from netaudit.cli.common import run_safely\n"
              "from netaudit.cli.collect_cmd import collect\n"
              "from netaudit.cli.lab_cmd import lab\n"
              "g = click.Group('netaudit', commands=[collect, lab])\n"
              "sys.exit(run_safely(g))\n"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    work = tmp_path_factory.mktemp("cli")
    project = work / "project"
    project.mkdir()
    shutil.copytree(ROOT / "inventory", project / "inventory")
    map_file = work / "lab.json"
    env = {**os.environ, "NETAUDIT_LAB_PASSWORD": PASSWORD, "COLUMNS": "200"}
    proc = subprocess.Popen([*PREFIX, "lab", "serve", "--project", str(ROOT), "--limit", HOSTS,
                             "--fault", "CZ-FW-02=drop", "--map-file", str(map_file)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while not map_file.exists():
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            assert time.monotonic() < deadline, "lab did not start"
            time.sleep(0.05)
        yield project, map_file
    finally:
        proc.send_signal(signal.SIGTERM)  # the lab we started, by its pid
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == 0, out
        assert b"lab stopped" in out and PASSWORD.encode() not in out


def collect(project: Path, map_file: Path, *args: str, password: str | None = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETAUDIT_")}
    env.update({"NETAUDIT_USERNAME": "netaudit", "COLUMNS": "200"})
    if password is not None:
        env["NETAUDIT_PASSWORD"] = password
    return subprocess.run([*PREFIX, "collect", "--project", str(project), "--connect-map", str(map_file),
                           "--timeout", "3", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_collect_exit_codes_and_no_password_anywhere(served: tuple[Path, Path]) -> None:
    project, map_file = served
    ok = collect(project, map_file, "--snapshot", "good", "--limit", "CZ-CORE,CZ-FW-01,XQ-CX-XQ-SW")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "3 of 3 devices collected" in ok.stdout
    assert (project / "snapshots" / "good" / "CZ-FW-01" / "display_hrp_state.txt").read_bytes() == \
        (ROOT / "snapshots" / "example" / "CZ-FW-01" / "display_hrp_state.txt").read_bytes()

    partial = collect(project, map_file, "--snapshot", "partial", "--limit", HOSTS, "--workers", "2")
    assert partial.returncode == 1, partial.stdout + partial.stderr
    assert "failed: CZ-FW-02" in partial.stdout and "connection closed" in partial.stdout
    manifest = json.loads((project / "snapshots" / "partial" / "manifest.json").read_text())
    assert manifest["devices"]["CZ-FW-02"]["error"]
    assert manifest["devices"]["CZ-CORE"]["error"] is None

    for proc in (ok, partial):
        assert PASSWORD not in proc.stdout + proc.stderr
        assert "Traceback" not in proc.stderr
    for p in project.rglob("*"):
        if p.is_file():
            assert PASSWORD.encode() not in p.read_bytes(), p


def run_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                   *args: str) -> tuple[int, str]:
    """Like the `netaudit` entry point (run_safely), in this process: (exit code, stderr)."""
    monkeypatch.setattr(sys, "argv", ["netaudit", *args])
    code = run_safely(click.Group("netaudit", commands=[collect_cmd, lab_group]))
    return code, capsys.readouterr().err


def test_bad_input_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "inventory", tmp_path / "inventory")
    (tmp_path / "snapshots" / "taken").mkdir(parents=True)
    bad_map = tmp_path / "map.json"
    bad_map.write_text("{not json")
    monkeypatch.setenv("NETAUDIT_USERNAME", "u")
    monkeypatch.setenv("NETAUDIT_PASSWORD", PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # not a terminal: no prompts
    p = ["--project", str(tmp_path)]
    cases = [
        (["collect", *p, "--snapshot", "s", "--limit", "NO-SUCH-HOST"], "no device selected"),
        (["collect", *p, "--snapshot", "s", "--connect-map", str(bad_map)], "not valid JSON"),
        (["collect", *p, "--snapshot", "s", "--limit", "zone:"], "needs a value"),
        (["collect", *p, "--snapshot", "taken"], "already exists"),
        (["collect", "--project", str(tmp_path / "nowhere"), "--snapshot", "s"], ""),
        (["lab", "serve", "--project", str(ROOT), "--host", "0.0.0.0"], "loopback only"),
        (["lab", "serve", "--project", str(ROOT), "--fault", "CZ-CORE=explode"], "HOST=KIND"),
        (["lab", "serve", "--project", str(ROOT), "--fault", "NOPE=hang"], "not served"),
    ]
    for args, message in cases:
        code, err = run_in_process(monkeypatch, capsys, *args)
        assert code == 2, (args, err)
        assert message in err and "Traceback" not in err, (args, err)
    monkeypatch.delenv("NETAUDIT_PASSWORD")
    code, err = run_in_process(monkeypatch, capsys, "collect", *p, "--snapshot", "s")
    assert code == 2 and "NETAUDIT_PASSWORD" in err


def test_help_texts_have_examples() -> None:
    out = CliRunner().invoke(collect_cmd, ["--help"], terminal_width=110).output
    for text in ("--snapshot NAME", "--connect-map FILE", "--timeout S", "NETAUDIT_PASSWORD", "Examples:",
                 "netaudit collect --snapshot", "Exit codes"):
        assert text in out, text
    out = CliRunner().invoke(lab_group, ["serve", "--help"], terminal_width=110).output
    for text in ("--fault HOST=KIND[@CMD]", "--map-file FILE", "hang", "badauth", "netaudit lab serve --map-file"):
        assert text in out, text
