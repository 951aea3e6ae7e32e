"""Collect over real SSH on loopback from the lab, which serves the example snapshot's recordings.

One lab and one collection run (module fixtures) cover the normal devices and every fault at
once; each test then checks one promise on the result.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import netaudit.checks.all  # noqa: F401  (registers the checks run_audit uses)
from netaudit.audit import run_audit
from netaudit.collect import ALLOWLIST, SESSION_SETUP, CliSession, CommandRefused, Credentials, collect
from netaudit.collect.runner import LOG_NAME, CollectResult, Progress, load_connect_map
from netaudit.inventory import load_inventory, select
from netaudit.lab import Lab, start_lab
from netaudit.policy import load_policies, load_waivers
from netaudit.policy.catalog import default_policy_files
from netaudit.snapshot import open_snapshot, verify

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "snapshots" / "example"
PASSWORD = "Lab-pw-7f3Qz!"
USER = "auditor"
TIMEOUT = 2.5

GOOD = ["CZ-CORE", "CZ-FW-01", "XQ-CORE", "CZ-ACC-SJJ-01", "XQ-CX-XQ-SW", "CZ-AGG-01"]
FAULTS = {"CZ-FW-02": "hang", "RP-CORE": "drop", "CA-CORE": "badauth",
          "CZ-AGG-01": "nopaging", "XQ-CORE": "slow"}
ALL = GOOD + ["CZ-FW-02", "RP-CORE", "CA-CORE"]


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with start_lab(ROOT, "example", limit=",".join(ALL), username=USER, password=PASSWORD,
                   faults=[*(f"{h}={k}" for h, k in FAULTS.items()), "XQ-CORE=pwchange"]) as running:
        yield running


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, lab: Lab) -> Path:
    proj = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "inventory", proj / "inventory")
    lab.write_map(proj / "lab-map.json")
    return proj


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


LOGGED = _Records()


@pytest.fixture(scope="module")
def run(project: Path) -> tuple[CollectResult, float, list[Progress]]:
    devices = select(load_inventory(project).devices, ",".join(ALL))
    events: list[Progress] = []
    root = logging.getLogger()
    level = root.level
    root.addHandler(LOGGED)
    root.setLevel(logging.DEBUG)
    try:
        t0 = time.monotonic()
        result = collect(project, "lab", devices, Credentials(USER, PASSWORD),
                         connect_map=load_connect_map(project / "lab-map.json"), workers=4,
                         timeout=TIMEOUT, progress=events.append)
        elapsed = time.monotonic() - t0
    finally:
        root.removeHandler(LOGGED)
        root.setLevel(level)
    return result, elapsed, events


@pytest.fixture(scope="module")
def result(run: tuple[CollectResult, float, list[Progress]]) -> CollectResult:
    return run[0]


def manifest(result: CollectResult) -> dict:
    return json.loads((result.snapshot.path / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("host", GOOD)
def test_collected_files_equal_the_recordings_byte_for_byte(result: CollectResult, host: str) -> None:
    got = result.snapshot.path / host
    expected = sorted(p.name for p in (EXAMPLE / host).iterdir())
    assert sorted(p.name for p in got.iterdir()) == expected
    for name in expected:
        assert (got / name).read_bytes() == (EXAMPLE / host / name).read_bytes(), f"{host}/{name}"
    assert result.devices[host].ok


def test_manifest_verifies_and_records_times_and_extras(result: CollectResult) -> None:
    report = verify(result.snapshot)
    assert report.clean, report.problems()
    assert report.checked == sum(len(list((EXAMPLE / h).iterdir())) for h in GOOD) + 2  # + the configs of CZ-FW-02, RP-CORE
    rec = manifest(result)["devices"]["CZ-CORE"]["commands"]["display current-configuration"]
    assert rec["started"] <= rec["finished"] and rec["error"] is None
    assert rec["prompt"] == "<CZ-CORE>" and rec["bytes_received"] > rec["size"]
    fw = manifest(result)["devices"]["CZ-FW-01"]["commands"]["display hrp state"]
    assert fw["prompt"] == "HRP_M<CZ-FW-01>"


def test_unknown_commands_are_rejected_by_the_device_not_failures(result: CollectResult) -> None:
    rec = manifest(result)["devices"]["CZ-CORE"]["commands"]["display vrrp brief"]
    assert rec["file"] is None and rec["error"].startswith("rejected by the device: Error: Unrecognized command")
    assert result.devices["CZ-CORE"].rejected == ["display vrrp brief"]


def test_paging_off_and_pager_reads_give_the_same_bytes(result: CollectResult) -> None:
    devices = manifest(result)["devices"]
    core = devices["CZ-CORE"]["commands"]["display current-configuration"]
    assert core["paging"] == "off" and core["pager_pages"] == 0
    assert (EXAMPLE / "CZ-CORE" / "display_current-configuration.txt").read_bytes().count(b"\n") > 40
    agg = devices["CZ-AGG-01"]["commands"]["display current-configuration"]
    assert agg["paging"] == "pager" and agg["pager_pages"] >= 5  # screen-length refused
    # byte equality for CZ-AGG-01 is asserted above: no "---- More ----" or ESC left
    data = (result.snapshot.path / "CZ-AGG-01" / "display_current-configuration.txt").read_bytes()
    assert b"More" not in data and b"\x1b" not in data


def test_hang_is_cut_by_the_absolute_timeout_and_the_others_are_collected(
        run: tuple[CollectResult, float, list[Progress]]) -> None:
    result, elapsed, _ = run
    assert result.failed == ["CA-CORE", "CZ-FW-02", "RP-CORE"]
    dev = manifest(result)["devices"]["CZ-FW-02"]
    assert f"no prompt within {TIMEOUT:g} s" in dev["error"]
    # the lab hangs at the second display command: the first one is kept, the rest not collected
    assert dev["commands"]["display current-configuration"]["error"] is None
    assert (result.snapshot.path / "CZ-FW-02" / "display_current-configuration.txt").read_bytes() == \
        (EXAMPLE / "CZ-FW-02" / "display_current-configuration.txt").read_bytes()
    assert dev["commands"]["display version"]["file"] is None
    assert "no prompt within" in dev["commands"]["display version"]["error"]
    assert dev["commands"]["display hrp state"]["error"].startswith("not collected")
    assert elapsed < TIMEOUT + 6  # one timeout, not one per command, and no waiting on others


def test_drop_keeps_what_was_collected_before(result: CollectResult) -> None:
    dev = manifest(result)["devices"]["RP-CORE"]
    assert "connection closed by the device" in dev["error"]
    assert (result.snapshot.path / "RP-CORE" / "display_current-configuration.txt").is_file()
    assert dev["commands"]["display version"]["file"] is None


def test_badauth_is_a_device_error(result: CollectResult) -> None:
    dev = manifest(result)["devices"]["CA-CORE"]
    assert "authentication failed" in dev["error"] and dev["commands"] == {}
    assert not (result.snapshot.path / "CA-CORE").exists()


def test_password_never_reaches_a_file(result: CollectResult, project: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    needle = PASSWORD.encode()
    files = [p for p in project.rglob("*") if p.is_file()]
    assert len(files) > 40
    for p in files:
        assert needle not in p.read_bytes(), p
    log = (result.snapshot.path / LOG_NAME).read_text(encoding="utf-8")
    assert "'display current-configuration': " in log and f"timeout after {TIMEOUT:g} s" in log
    assert PASSWORD not in log and USER not in log
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err
    assert not [m for m in LOGGED.messages if PASSWORD in m or USER in m]


def test_only_allowlisted_text_reached_the_devices(result: CollectResult, lab: Lab) -> None:
    allowed = ALLOWLIST | set(SESSION_SETUP.values()) | {"N"}
    typed = [line for lines in lab.received.values() for line in lines]
    assert typed and set(typed) <= allowed, set(typed) - allowed
    assert "N" in lab.received["XQ-CORE"]  # answered the password-change question


def test_progress_reports_each_device(run: tuple[CollectResult, float, list[Progress]]) -> None:
    events = run[2]
    final = {e.hostname: e.phase for e in events if e.phase in ("done", "failed")}
    assert final == {**{h: "done" for h in GOOD}, "CZ-FW-02": "failed", "RP-CORE": "failed",
                     "CA-CORE": "failed"}


def test_session_refuses_a_command_before_sending_it(lab: Lab) -> None:
    from netaudit.collect import Target

    async def go() -> list[str]:
        target = Target("127.0.0.1", lab.ports["XQ-CX-XQ-SW"], lab.host_key)
        session = await CliSession.open("XQ-CX-XQ-SW", "huawei_vrp", target, Credentials(USER, PASSWORD),
                                        timeout=TIMEOUT)
        try:
            before = list(lab.received["XQ-CX-XQ-SW"])
            for bad in ("reboot", "display version; reboot", "system-view"):
                with pytest.raises(CommandRefused):
                    await session.run(bad)
            res = await session.run("display version")
            assert res.output == (EXAMPLE / "XQ-CX-XQ-SW" / "display_version.txt").read_bytes()
            return lab.received["XQ-CX-XQ-SW"][len(before):]
        finally:
            session.close()
            await session.wait_closed()

    assert asyncio.run(go()) == ["display version"]


def test_a_wrong_host_key_is_refused(lab: Lab) -> None:
    from netaudit.collect import ConnectFailed, Target
    from netaudit.collect.session import SessionLog

    other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
    target = Target("127.0.0.1", lab.ports["XQ-CX-XQ-SW"], other)
    with pytest.raises(ConnectFailed, match="host key"):
        asyncio.run(CliSession.open("XQ-CX-XQ-SW", "huawei_vrp", target, Credentials(USER, PASSWORD),
                                    timeout=TIMEOUT, log=SessionLog("x")))


def test_audit_of_the_collected_snapshot_equals_the_audit_of_the_example(result: CollectResult,
                                                                          project: Path) -> None:
    inv = load_inventory(ROOT)
    selected = select(inv.devices, ",".join(GOOD))
    policy = load_policies(default_policy_files(ROOT))
    waivers = load_waivers(ROOT / "policies" / "waivers.yaml", set(policy.entries))

    def findings(snapshot_dir: Path) -> list[tuple]:
        res = run_audit(inv, selected, open_snapshot(project, snapshot_dir), policy, waivers, workers=1)
        return sorted((f.check, f.device, f.status, f.severity, f.message,
                       tuple((e.file, e.line, e.text) for e in f.evidence)) for f in res.findings)

    collected = findings(result.snapshot.path)
    assert collected and collected == findings(EXAMPLE)
    assert {d for _, d, *_ in collected} >= set(GOOD)
