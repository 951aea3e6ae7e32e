"""The lab as a VRP impersonator, driven by a bare SSH client (not the collector)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path

import asyncssh
import pytest

from netaudit.lab import Lab, LabError, parse_fault, start_lab
from netaudit.lab.simulator import MORE, MORE_ERASE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "snapshots" / "example"
PASSWORD = "lab-sim-pw"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with start_lab(ROOT, "example", limit="XQ-CX-XQ-SW,CZ-FW-02", username="u", password=PASSWORD,
                   page_lines=10) as running:
        yield running


async def _session(lab: Lab, host: str, script: list[tuple[bytes, bytes]], password: str = PASSWORD) -> list[bytes]:
    """Log in, then for each (text to type, bytes to wait for) return what arrived up to it."""
    conn = await asyncssh.connect("127.0.0.1", lab.ports[host], username="u", password=password,
                                  known_hosts=asyncssh.import_known_hosts(f"* {lab.host_key}"),
                                  client_keys=None, agent_path=None, config=None)
    outputs: list[bytes] = []
    async with conn:
        proc = await conn.create_process(term_type="vt100", encoding=None)
        for send, until in script:
            if send:
                proc.stdin.write(send)
            buf = b""
            while until not in buf:
                chunk = await asyncio.wait_for(proc.stdout.read(65536), 5)
                if not chunk:
                    break
                buf += chunk
            outputs.append(buf)
    return outputs


def test_banner_prompt_echo_and_abbreviation(lab: Lab) -> None:
    banner, cur = asyncio.run(_session(lab, "XQ-CX-XQ-SW", [
        (b"", b"<XQ-CX-XQ-SW>"),
        (b"screen-length 0 temporary\n", b"<XQ-CX-XQ-SW>"),
    ]))
    assert banner.startswith(b"\r\nInfo: The max number of VTY users") and banner.endswith(b"<XQ-CX-XQ-SW>")
    assert cur == (b"screen-length 0 temporary\r\nInfo: The configuration takes effect on the current user "
                   b"terminal interface only.\r\n<XQ-CX-XQ-SW>")
    _, _, out = asyncio.run(_session(lab, "XQ-CX-XQ-SW", [
        (b"", b">"), (b"screen-length 0 temporary\n", b">"), (b"dis  ver\r", b"<XQ-CX-XQ-SW>")]))
    recorded = (EXAMPLE / "XQ-CX-XQ-SW" / "display_version.txt").read_bytes()
    assert out == b"dis  ver\r\n" + recorded.replace(b"\n", b"\r\n") + b"<XQ-CX-XQ-SW>"


def test_unrecognized_command_has_a_caret_under_the_bad_word(lab: Lab) -> None:
    _, out = asyncio.run(_session(lab, "XQ-CX-XQ-SW", [(b"", b">"), (b"display foo\n", b"<XQ-CX-XQ-SW>")]))
    lines = out.split(b"\r\n")
    assert lines[0] == b"display foo"
    assert lines[1] == b" " * (len("<XQ-CX-XQ-SW>") + len("display ")) + b"^"
    assert lines[2] == b"Error: Unrecognized command found at '^' position."
    _, out = asyncio.run(_session(lab, "XQ-CX-XQ-SW", [(b"", b">"), (b"system-view\n", b"<XQ-CX-XQ-SW>")]))
    assert b"Error: Unrecognized command" in out  # the lab is read-only too


def test_pager_space_repaints_and_q_stops(lab: Lab) -> None:
    recorded = (EXAMPLE / "XQ-CX-XQ-SW" / "display_current-configuration.txt").read_bytes()
    _, page1, page2, stopped = asyncio.run(_session(lab, "XQ-CX-XQ-SW", [
        (b"", b">"),
        (b"display current-configuration\n", MORE),
        (b" ", MORE),
        (b"q", b"<XQ-CX-XQ-SW>"),
    ]))
    lines = recorded.replace(b"\n", b"\r\n").splitlines(keepends=True)
    assert page1 == b"display current-configuration\r\n" + b"".join(lines[:10]) + MORE
    assert page2 == MORE_ERASE + b"".join(lines[10:20]) + MORE
    assert stopped == MORE_ERASE + b"\r\n<XQ-CX-XQ-SW>"


def test_usg_standby_prompt_and_quit_closes(lab: Lab) -> None:
    first, last = asyncio.run(_session(lab, "CZ-FW-02", [(b"", b"HRP_S<CZ-FW-02>"), (b"quit\n", b"\x00never")]))
    assert first.endswith(b"HRP_S<CZ-FW-02>")
    assert last == b"quit\r\n"  # then end of stream


def test_wrong_password_is_refused(lab: Lab) -> None:
    with pytest.raises(asyncssh.PermissionDenied):
        asyncio.run(_session(lab, "CZ-FW-02", [(b"", b">")], password="wrong"))


def test_fault_specs() -> None:
    assert parse_fault("A=hang") == ("A", "hang", None)
    assert parse_fault("A=drop@display  eth-trunk") == ("A", "drop", "display eth-trunk")
    for bad in ("A", "A=", "=hang", "A=boom", "A=slow@display version"):
        with pytest.raises(LabError):
            parse_fault(bad)


def test_loopback_only_and_ports_released_on_close() -> None:
    with pytest.raises(LabError, match="loopback only"):
        start_lab(ROOT, "example", host="10.10.0.1")
    running = start_lab(ROOT, "example", limit="XQ-CX-XQ-SW")
    port = running.ports["XQ-CX-XQ-SW"]
    assert running.connect_map()["XQ-CX-XQ-SW"] == {"host": "127.0.0.1", "port": port,
                                                    "host_key": running.host_key}
    assert running.password not in repr(running)
    running.close()
    running.close()  # idempotent
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
