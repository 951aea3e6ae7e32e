"""Snapshot store: naming, reading, writing (crash safety), verifying, importing backups."""

from __future__ import annotations

import doctest
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import netaudit
from netaudit.errors import SnapshotError
from netaudit.snapshot import (
    RUNNING_CONFIG,
    SnapshotWriter,
    command_filename,
    decode_output,
    fsutil,
    import_backups,
    importer,
    list_snapshots,
    manifest,
    naming,
    open_snapshot,
    store,
    verify,
)

REPO = Path(__file__).resolve().parents[1]
REAL_CONFIGS = REPO.parent / "shared" / "fixtures" / "real" / "configs"
REAL_S5700 = REAL_CONFIGS / "s5700-v200r005c00spc500-s5700b.txt"


def real_config() -> bytes:
    """A real S5700 running config when the shared fixtures are present, else a synthetic one."""
    if REAL_S5700.is_file():
        return REAL_S5700.read_bytes()
    # synthetic: shaped like a VRP saved config, including its own `!` header line
    return b"!Software Version V200R005C00SPC500\n#\nsysname S5700B\n#\nreturn\n"


def make_snapshot(project: Path, name: str, outputs: dict[tuple[str, str], bytes]) -> None:
    with SnapshotWriter(project, name) as w:
        for (host, command), data in outputs.items():
            w.write(host, command, data)


# -- naming ------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", [naming, store, importer])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("command, expected", [
    ("display current-configuration", "display_current-configuration.txt"),  # product.md §4.3
    ("display lldp neighbor brief", "display_lldp_neighbor_brief.txt"),      # product.md §4.3
    ("display interface brief | exclude down", "display_interface_brief_exclude_down.txt"),
    ("display ip routing-table vpn-instance GOV", "display_ip_routing-table_vpn-instance_GOV.txt"),
    ("display  version", "display_version.txt"),
    ("display current-configuration interface Eth-Trunk1.100",
     "display_current-configuration_interface_Eth-Trunk1.100.txt"),
    ("display 接口", "display_.txt"),
])
def test_command_filename(command: str, expected: str) -> None:
    assert command_filename(command) == expected


def test_command_filename_rejects_empty() -> None:
    with pytest.raises(ValueError):
        command_filename("  ")


# -- reading -----------------------------------------------------------------------------------

def test_read_text_decodes_gbk_and_keeps_bytes(tmp_path: Path) -> None:
    gbk = "interface GigabitEthernet0/0/1\r\n description 至饶平县政务外网\r\n".encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    make_snapshot(tmp_path, "s1", {("CZ-CORE", RUNNING_CONFIG): gbk})
    snap = open_snapshot(tmp_path, "s1")
    text = snap.read_text("CZ-CORE", RUNNING_CONFIG)
    assert text == "interface GigabitEthernet0/0/1\r\n description 至饶平县政务外网\r\n"
    assert snap.read_bytes("CZ-CORE", RUNNING_CONFIG) == gbk
    assert snap.path_of("CZ-CORE", RUNNING_CONFIG).read_bytes() == gbk  # reading never rewrites


def test_decode_output_order() -> None:
    assert decode_output("sysname 潮州".encode()) == ("sysname 潮州", "utf-8")
    assert decode_output(b"\xef\xbb\xbfsysname A") == ("sysname A", "utf-8")
    assert decode_output("sysname 潮州".encode("gbk")) == ("sysname 潮州", "gbk")
    text, enc = decode_output(b"sysname \x80\xff")  # neither UTF-8 nor GBK
    assert enc == "latin-1" and text == "sysname \x80\xff"


def test_snapshot_accessors(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "s1", {
        ("CZ-CORE", RUNNING_CONFIG): b"sysname CZ-CORE\n",
        ("CZ-CORE", "display version"): b"VRP (R) software\n",
        ("RP-AGG", RUNNING_CONFIG): b"sysname RP-AGG\n",
    })
    (tmp_path / "snapshots" / "s1" / ".hidden-dir").mkdir()
    snap = open_snapshot(tmp_path, "s1")
    assert snap.name == "s1"
    assert snap.devices() == ["CZ-CORE", "RP-AGG"]
    assert snap.commands("CZ-CORE") == ["display_current-configuration.txt", "display_version.txt"]
    assert snap.commands("NOPE") == []
    assert snap.has("CZ-CORE", "display version")
    assert snap.has("CZ-CORE", "display_version.txt")  # file names are accepted too
    assert not snap.has("RP-AGG", "display version")
    assert snap.relpath("CZ-CORE", RUNNING_CONFIG) == "CZ-CORE/display_current-configuration.txt"
    assert snap.path_of("RP-AGG", RUNNING_CONFIG) == \
        tmp_path / "snapshots" / "s1" / "RP-AGG" / "display_current-configuration.txt"
    with pytest.raises(SnapshotError, match="no output RP-AGG/display_version.txt"):
        snap.read_bytes("RP-AGG", "display version")
    with pytest.raises(SnapshotError, match="invalid hostname"):
        snap.read_bytes("../s1", RUNNING_CONFIG)


def test_open_snapshot_by_name_path_and_missing(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "daily", {("CZ-CORE", RUNNING_CONFIG): b"x\n"})
    by_path = open_snapshot(tmp_path / "elsewhere", tmp_path / "snapshots" / "daily")
    assert by_path.name == "daily" and by_path.devices() == ["CZ-CORE"]
    by_str_path = open_snapshot(tmp_path, str(tmp_path / "snapshots" / "daily"))
    assert by_str_path.devices() == ["CZ-CORE"]
    with pytest.raises(SnapshotError, match=r"'weekly' not found; snapshots in .*: daily"):
        open_snapshot(tmp_path, "weekly")
    with pytest.raises(SnapshotError, match="no snapshots in"):
        open_snapshot(tmp_path / "empty-project", "daily")
    with pytest.raises(SnapshotError, match="not a snapshot directory"):
        open_snapshot(tmp_path, tmp_path / "snapshots" / "daily" / "manifest.json")


def test_list_snapshots_skips_hidden_and_files(tmp_path: Path) -> None:
    assert list_snapshots(tmp_path) == []
    make_snapshot(tmp_path, "b", {("H", RUNNING_CONFIG): b"x\n"})
    make_snapshot(tmp_path, "a", {("H", RUNNING_CONFIG): b"x\n"})
    (tmp_path / "snapshots" / ".b.tmp-1-abcd").mkdir()
    (tmp_path / "snapshots" / "README").write_text("not a snapshot")
    assert [s.name for s in list_snapshots(tmp_path)] == ["a", "b"]


# -- writing and the manifest ------------------------------------------------------------------

def test_writer_manifest_records_everything(tmp_path: Path) -> None:
    data = real_config()
    with SnapshotWriter(tmp_path, "s1") as w:
        assert not (tmp_path / "snapshots" / "s1").exists()  # invisible until published
        rel = w.write("CZ-CORE", RUNNING_CONFIG, data)
        w.write("CZ-CORE", "display lldp neighbor brief", b"partial", error="timeout after 30 s")
        w.record_error("CZ-CORE", "command rejected", command="display stp brief")
        w.record_error("RP-AGG", "SSH login refused")
    assert rel == "CZ-CORE/display_current-configuration.txt"
    m = json.loads((tmp_path / "snapshots" / "s1" / "manifest.json").read_text(encoding="utf-8"))
    assert m["tool"] == {"name": "netaudit", "version": netaudit.__version__}
    assert m["name"] == "s1" and m["created"] and m["completed"]
    cfg = m["devices"]["CZ-CORE"]["commands"][RUNNING_CONFIG]
    assert cfg["sha256"] == hashlib.sha256(data).hexdigest()
    assert cfg["file"] == "display_current-configuration.txt" and cfg["size"] == len(data)
    assert cfg["tool_version"] == netaudit.__version__ and cfg["error"] is None and cfg["finished"]
    lldp = m["devices"]["CZ-CORE"]["commands"]["display lldp neighbor brief"]
    assert lldp["error"] == "timeout after 30 s"
    stp = m["devices"]["CZ-CORE"]["commands"]["display stp brief"]
    assert stp["file"] is None and stp["error"] == "command rejected"
    assert m["devices"]["RP-AGG"] == {"error": "SSH login refused", "commands": {}}
    report = verify(open_snapshot(tmp_path, "s1"))
    assert report.clean and report.checked == 2
    assert "RP-AGG: SSH login refused" in report.recorded_errors
    assert not list((tmp_path / "snapshots").glob(".*"))  # no leftovers


def test_writer_refuses_clashing_commands_and_use_after_close(tmp_path: Path) -> None:
    w = SnapshotWriter(tmp_path, "s1")
    w.write("H", "display version", b"a")
    w.write("H", "display version", b"b")  # same command again: replaces
    with pytest.raises(SnapshotError, match="both map to display_version.txt"):
        w.write("H", "display  version", b"c")
    with pytest.raises(SnapshotError, match="invalid hostname"):
        w.write(".H", "display version", b"c")
    snap = w.close()
    assert snap.read_bytes("H", "display version") == b"b"
    assert w.close() == snap
    with pytest.raises(SnapshotError, match="already closed"):
        w.write("H", "display clock", b"")


def test_writer_exception_keeps_previous_snapshot(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "s1", {("H", RUNNING_CONFIG): b"old\n"})
    with pytest.raises(RuntimeError), SnapshotWriter(tmp_path, "s1") as w:
        w.write("H", RUNNING_CONFIG, b"new\n")
        raise RuntimeError("collector crashed")
    snap = open_snapshot(tmp_path, "s1")
    assert snap.read_bytes("H", RUNNING_CONFIG) == b"old\n" and verify(snap).clean
    assert [p.name for p in (tmp_path / "snapshots").iterdir()] == ["s1"]


def test_writer_replace_false(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "s1", {("H", RUNNING_CONFIG): b"old\n"})
    with pytest.raises(SnapshotError, match="already exists"):
        SnapshotWriter(tmp_path, "s1", replace=False)
    with pytest.raises(SnapshotError, match="invalid snapshot name"):
        SnapshotWriter(tmp_path, ".s1")


def test_writer_rewrite_replaces_whole_snapshot(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "s1", {("H", RUNNING_CONFIG): b"old\n", ("GONE", RUNNING_CONFIG): b"x\n"})
    make_snapshot(tmp_path, "s1", {("H", RUNNING_CONFIG): b"new\n"})
    snap = open_snapshot(tmp_path, "s1")
    assert snap.devices() == ["H"] and snap.read_bytes("H", RUNNING_CONFIG) == b"new\n"
    assert verify(snap).clean


def test_writer_threads(tmp_path: Path) -> None:
    w = SnapshotWriter(tmp_path, "s1")

    def work(i: int) -> None:
        for j in range(10):
            w.write(f"H{i}", f"display thing {j}", f"{i}-{j}".encode())

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report = verify(w.close())
    assert report.clean and report.checked == 40


# -- verify --------------------------------------------------------------------------------------

def test_verify_modified_missing_extra(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "s1", {
        ("CZ-CORE", RUNNING_CONFIG): b"sysname CZ-CORE\n",
        ("CZ-CORE", "display version"): b"VRP\n",
        ("RP-AGG", RUNNING_CONFIG): b"sysname RP-AGG\n",
    })
    root = tmp_path / "snapshots" / "s1"
    (root / "CZ-CORE" / "display_current-configuration.txt").write_bytes(b"sysname CZ-C0RE\n")  # same size
    (root / "RP-AGG" / "display_current-configuration.txt").unlink()
    (root / "NEW-DEV").mkdir()
    (root / "NEW-DEV" / "display_version.txt").write_bytes(b"x")
    report = verify(open_snapshot(tmp_path, "s1"))
    assert not report.clean and report.has_manifest
    assert report.modified == ["CZ-CORE/display_current-configuration.txt"]
    assert report.missing == ["RP-AGG/display_current-configuration.txt"]
    assert report.extra == ["NEW-DEV/display_version.txt"]
    assert report.checked == 1
    assert [k for k, _, _ in report.problems()] == ["modified", "missing", "extra"]


def test_verify_without_manifest_is_reported_not_raised(tmp_path: Path) -> None:
    dev = tmp_path / "snapshots" / "byob" / "CZ-CORE"
    dev.mkdir(parents=True)
    (dev / "display_current-configuration.txt").write_bytes(b"sysname CZ-CORE\n")
    report = verify(open_snapshot(tmp_path, "byob"))
    assert not report.clean and not report.has_manifest
    assert report.problems()[0][0] == "no manifest"


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not valid JSON"),
    (b'{"name": "s1", "devices": {"H": {"commands": {"x": {"file": "../../etc/passwd"}}}}}',
     "invalid file name"),
    (b'{"name": "s1", "devices": {"..": {}}}', "invalid hostname"),
    (b'{"devices": {}}', "invalid manifest: name"),
])
def test_verify_bad_manifest(tmp_path: Path, content: bytes, message: str) -> None:
    make_snapshot(tmp_path, "s1", {("H", RUNNING_CONFIG): b"x\n"})
    (tmp_path / "snapshots" / "s1" / "manifest.json").write_bytes(content)
    report = verify(open_snapshot(tmp_path, "s1"))
    assert not report.clean and report.manifest_error is not None
    assert message in report.manifest_error
    assert report.problems()[0][0] == "bad manifest"


def test_manifest_accepts_unknown_fields(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "s1", {("H", RUNNING_CONFIG): b"x\n"})
    path = tmp_path / "snapshots" / "s1" / "manifest.json"
    data = json.loads(path.read_text())
    data["added_by_a_newer_tool"] = {"x": 1}
    path.write_text(json.dumps(data))
    assert isinstance(manifest.load_manifest(path), manifest.Manifest)
    assert verify(open_snapshot(tmp_path, "s1")).clean


# -- crash safety --------------------------------------------------------------------------------

CHILD = """
import sys
from netaudit.snapshot import SnapshotWriter
w = SnapshotWriter(sys.argv[1], "daily")
blob = b"interface GigabitEthernet0/0/1\\n description uplink\\n" * 4000
for i in range(1_000_000):
    w.write(f"CZ-ACC-{i % 25:02d}", f"display thing {i}", blob)
    if i == 20:
        print("writing", flush=True)
"""


def test_writer_killed_mid_write_keeps_previous_snapshot(tmp_path: Path) -> None:
    """REQUIRED: SIGKILL a writer of an existing name partway; the old snapshot still verifies."""
    old = {("CZ-CORE", RUNNING_CONFIG): real_config(), ("CZ-ACC-00", RUNNING_CONFIG): b"sysname A\n"}
    make_snapshot(tmp_path, "daily", old)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, env=env)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"writing\n"
        time.sleep(0.05)  # let it get deeper into writing files
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    base = tmp_path / "snapshots"
    leftovers = [p.name for p in base.iterdir() if p.name.startswith(".daily.tmp-")]
    assert leftovers, "the writer should have been killed while staging"
    assert [s.name for s in list_snapshots(tmp_path)] == ["daily"]
    snap = open_snapshot(tmp_path, "daily")
    report = verify(snap)
    assert report.clean, report.problems()
    assert snap.devices() == ["CZ-ACC-00", "CZ-CORE"]
    assert snap.read_bytes("CZ-CORE", RUNNING_CONFIG) == real_config()

    # the next writer of that name clears the dead writer's staging directory
    make_snapshot(tmp_path, "daily", {("CZ-CORE", RUNNING_CONFIG): b"new\n"})
    assert sorted(p.name for p in base.iterdir()) == ["daily"]
    assert verify(open_snapshot(tmp_path, "daily")).clean


real_pid_alive = fsutil.pid_alive


class _Crash(BaseException):
    """Stands for the process dying: nothing after it runs, not even cleanup."""


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_crash_at_every_step_of_publish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        exchange: bool) -> None:
    """Die before each rename/replace/rmtree of close(): the name always holds a clean snapshot."""
    if not exchange:
        monkeypatch.setattr(fsutil, "_exchange", lambda a, b: False)
    old = {("H", RUNNING_CONFIG): b"old\n", ("OLD-ONLY", RUNNING_CONFIG): b"o\n"}
    new = {("H", RUNNING_CONFIG): b"new\n", ("NEW-ONLY", RUNNING_CONFIG): b"n\n"}
    real: dict[str, Callable[..., Any]] = {"replace": os.replace, "rename": os.rename, "rmtree": shutil.rmtree, "exchange": fsutil._exchange}
    step = 0
    while True:
        step += 1
        project = tmp_path / f"p{step}"
        make_snapshot(project, "daily", old)
        calls = 0

        def hook(kind: str, _step: int = step) -> Callable[..., Any]:
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                nonlocal calls
                calls += 1
                if calls == _step:
                    raise _Crash(kind)
                return real[kind](*args, **kwargs)
            return wrapper

        w = SnapshotWriter(project, "daily")
        for (host, cmd), data in new.items():
            w.write(host, cmd, data)
        monkeypatch.setattr(w, "abort", lambda: None)  # a dead process cleans nothing
        with monkeypatch.context() as m:
            m.setattr(os, "replace", hook("replace"))
            m.setattr(os, "rename", hook("rename"))
            m.setattr(shutil, "rmtree", hook("rmtree"))
            if exchange:
                m.setattr(fsutil, "_exchange", hook("exchange"))
            try:
                w.close()
                crashed = False
            except _Crash:
                crashed = True
        # a later process looks (its pid differs: pretend the writer's pid is dead)
        monkeypatch.setattr(fsutil, "pid_alive", lambda pid: False)
        assert [s.name for s in list_snapshots(project)] == ["daily"], step
        snap = open_snapshot(project, "daily")
        assert verify(snap).clean, (step, verify(snap).problems())
        assert snap.devices() in (["H", "OLD-ONLY"], ["H", "NEW-ONLY"])
        monkeypatch.setattr(fsutil, "pid_alive", real_pid_alive)
        if not crashed:
            assert snap.devices() == ["H", "NEW-ONLY"]
            break
    assert step >= 3  # manifest replace, swap, cleanup were all interrupted once



def test_exchange_swaps_directories_atomically(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "f").write_text("A")
    (b / "f").write_text("B")
    if not fsutil._exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) unsupported here; the two-rename path is tested")
    assert (a / "f").read_text() == "B" and (b / "f").read_text() == "A"


def test_recover_interrupted_two_rename_swap(tmp_path: Path) -> None:
    make_snapshot(tmp_path, "daily", {("H", RUNNING_CONFIG): b"old\n"})
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    base = tmp_path / "snapshots"
    os.rename(base / "daily", base / f".daily.old-{dead.pid}-abcd")  # crash between the renames
    (base / f".daily.tmp-{dead.pid}-ef01").mkdir()
    assert [s.name for s in list_snapshots(tmp_path)] == ["daily"]
    assert verify(open_snapshot(tmp_path, "daily")).clean


# -- import ----------------------------------------------------------------------------------------

def test_import_oxidized_folder(tmp_path: Path) -> None:
    src = tmp_path / "oxidized"
    (src / ".git").mkdir(parents=True)
    (src / ".git" / "HEAD").write_text("ref: refs/heads/master\n")
    (src / "county").mkdir()
    cfg = real_config()
    (src / "CZ-CORE.cfg").write_bytes(cfg)
    (src / "county" / "rp-agg.gov.local").write_bytes("#\nsysname RP-AGG\n description 饶平\n".encode("gbk"))
    (src / "CZ-ACC-01.txt").write_bytes(b"")
    (src / "UNKNOWN-SW.conf").write_bytes(b"sysname UNKNOWN-SW\n")
    (src / "CZ-CORE.cfg.bak").write_bytes(b"old\n")
    project = tmp_path / "proj"
    result = import_backups(src, project, "backups", {"CZ-CORE", "RP-AGG", "CZ-ACC-01", "CZ-FW"})
    assert set(result.imported) == {"CZ-CORE", "RP-AGG"}
    joined = "\n".join(result.warnings)
    assert "UNKNOWN-SW.conf: skipped: 'UNKNOWN-SW' is not a device of the inventory" in joined
    assert "CZ-ACC-01.txt: skipped: empty file" in joined
    assert "CZ-FW: no backup found" in joined and "CZ-CORE.cfg.bak: skipped" in joined
    snap = result.snapshot
    assert snap.devices() == ["CZ-CORE", "RP-AGG"]
    assert snap.read_bytes("CZ-CORE", RUNNING_CONFIG) == cfg  # verbatim, `!Software Version` kept
    assert "饶平" in snap.read_text("RP-AGG", RUNNING_CONFIG)
    m = snap.manifest()
    assert m is not None and m.source == str(src.resolve())
    rec = m.devices["CZ-CORE"].commands[RUNNING_CONFIG]
    assert rec.source == str((src / "CZ-CORE.cfg").resolve())
    assert verify(snap).clean


def test_import_without_hostnames_uses_file_names(tmp_path: Path) -> None:
    src = tmp_path / "ox"
    src.mkdir()
    (src / "CZ-CORE").write_bytes(b"sysname CZ-CORE\n")
    (src / "10.10.0.2.cfg").write_bytes(b"sysname CZ-AGG\n")
    result = import_backups(src, tmp_path, "b")
    assert result.snapshot.devices() == ["10.10.0.2", "CZ-CORE"] and result.warnings == []


def test_import_rancid_folder(tmp_path: Path) -> None:
    group = tmp_path / "rancid" / "extranet"
    (group / "configs").mkdir(parents=True)
    (group / "router.db").write_text("cz-core;huawei;up\n")
    body = real_config()
    (group / "configs" / "cz-core").write_bytes(b"!RANCID-CONTENT-TYPE: huawei\n!\n" + body)
    (group / "configs" / "cz-core.new").write_bytes(b"in progress")
    result = import_backups(group, tmp_path / "proj", "rancid", {"CZ-CORE"})
    assert list(result.imported) == ["CZ-CORE"]
    data = result.snapshot.read_bytes("CZ-CORE", RUNNING_CONFIG)
    assert data == b"!\n" + body  # only RANCID's own marker is dropped
    m = result.snapshot.manifest()
    assert m is not None
    rec = m.devices["CZ-CORE"].commands[RUNNING_CONFIG]
    assert rec.model_extra == {"source_sha256": hashlib.sha256(group.joinpath("configs", "cz-core")
                                                               .read_bytes()).hexdigest(),
                               "rancid_lines_removed": 1}
    assert verify(result.snapshot).clean


def test_import_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SnapshotError, match="no usable configuration backups"):
        import_backups(empty, tmp_path, "b")
    with pytest.raises(SnapshotError, match="does not exist"):
        import_backups(tmp_path / "nope", tmp_path, "b")
    (empty / "a-file").write_bytes(b"")
    with pytest.raises(SnapshotError, match="not a directory"):
        import_backups(empty / "a-file", tmp_path, "b")
    with pytest.raises(SnapshotError, match=r"1 files skipped: .*empty file"):
        import_backups(empty, tmp_path, "b")
    dup = tmp_path / "dup"
    dup.mkdir()
    (dup / "CZ-CORE").write_bytes(b"a\n")
    (dup / "CZ-CORE.cfg").write_bytes(b"b\n")
    with pytest.raises(SnapshotError, match="are both backups of CZ-CORE"):
        import_backups(dup, tmp_path, "b")
    assert list_snapshots(tmp_path) == []


def test_import_force(tmp_path: Path) -> None:
    src = tmp_path / "ox"
    src.mkdir()
    (src / "CZ-CORE").write_bytes(b"one\n")
    import_backups(src, tmp_path, "b")
    (src / "CZ-CORE").write_bytes(b"two\n")
    with pytest.raises(SnapshotError, match="already exists"):
        import_backups(src, tmp_path, "b")
    snap = import_backups(src, tmp_path, "b", force=True).snapshot
    assert snap.read_bytes("CZ-CORE", RUNNING_CONFIG) == b"two\n"


def test_import_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "ox"
    src.mkdir()
    (src / "CZ-CORE").write_bytes(b"x\n")
    real_read = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "CZ-CORE":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", deny)  # chmod 0 does not stop root
    with pytest.raises(SnapshotError, match="CZ-CORE: cannot read backup: Permission denied"):
        import_backups(src, tmp_path, "b")
