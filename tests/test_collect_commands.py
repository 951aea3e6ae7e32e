"""The read-only gate, the per-platform command lists and the pure parts of a session (no network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netaudit.collect import (
    ALLOWLIST,
    CommandRefused,
    ConnectMapError,
    Credentials,
    SessionError,
    Target,
    check_input,
    commands_for,
    extract_output,
    load_connect_map,
    resolve_target,
)
from netaudit.collect.session import rejection, scrub
from netaudit.inventory import load_inventory
from netaudit.inventory.models import Device

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text", [
    "undo telnet server enable",
    "system-view",
    "sys",
    "reboot",
    "save",
    "reset saved-configuration",
    "quit",
    "display current-configuration | include x; reboot",
    "display current-configuration | include sysname",
    "display current-configuration; reboot",
    "display version\nreboot",
    "display version\rsave",
    "display version\x03",
    "display version\x1b[A",
    " display version",
    "display version ",
    "display  version",
    "dis cur",
    "DISPLAY VERSION",
    "display saved-configuration",  # read-only, but not on the list: refused all the same
    "screen-length 0 temporary",    # a setup command, not a command to record
    "",
])
def test_gate_refuses_everything_not_on_the_allowlist(text: str) -> None:
    with pytest.raises(CommandRefused, match="refused"):
        check_input(text, "command")


@pytest.mark.parametrize("text,kind", [
    ("system-view", "setup"), ("screen-length 0 temporary; reboot", "setup"),
    ("screen-length 0", "setup"), ("Y", "answer"), ("y", "answer"), ("N\nreboot", "answer"),
    ("q", "pager"), ("  ", "pager"), ("\n", "pager"),
])
def test_gate_setup_answers_and_pager_are_narrow(text: str, kind: str) -> None:
    with pytest.raises(CommandRefused):
        check_input(text, kind)  # type: ignore[arg-type]


def test_gate_accepts_the_few_allowed_inputs() -> None:
    assert check_input("display current-configuration", "command") == "display current-configuration"
    assert check_input("screen-length 0 temporary", "setup") == "screen-length 0 temporary"
    assert check_input("screen-length disable", "setup") == "screen-length disable"
    assert check_input("N", "answer") == "N"
    assert check_input(" ", "pager") == " "


def test_allowlist_holds_display_commands_only() -> None:
    for cmd in ALLOWLIST:
        assert cmd.startswith("display "), cmd
        assert cmd == " ".join(cmd.split()) and not set(cmd) & set(";|\r\n")


def test_refusal_names_the_text() -> None:
    with pytest.raises(CommandRefused) as e:
        check_input("undo stelnet server enable", "command")
    assert "'undo stelnet server enable'" in str(e.value) and "allowlist" in str(e.value)


@pytest.fixture(scope="module")
def inventory_devices() -> dict[str, Device]:
    return {d.hostname: d for d in load_inventory(ROOT).devices}


def test_commands_per_platform_match_what_the_example_recorded(inventory_devices: dict[str, Device]) -> None:
    """Every recorded output of the example is asked for; extra asks are only `display vrrp brief`
    (which the example recorded only where VRRP runs)."""
    snap = ROOT / "snapshots" / "example"
    for host, dev in inventory_devices.items():
        recorded = {p.name for p in (snap / host).glob("*.txt")}
        asked = {c.replace(" ", "_") + ".txt" for c in commands_for(dev)}
        assert recorded <= asked, (host, recorded - asked)
        assert asked - recorded <= {"display_vrrp_brief.txt"}, (host, asked - recorded)


def test_cluster_and_firewall_commands(inventory_devices: dict[str, Device]) -> None:
    assert "display css status" in commands_for(inventory_devices["CZ-CORE"])
    assert "display stack" not in commands_for(inventory_devices["CZ-CORE"])
    assert "display stack" in commands_for(inventory_devices["CZ-ACC-SJJ-01"])
    fw = commands_for(inventory_devices["CZ-FW-01"])
    assert "display hrp state" in fw and "display lldp neighbor brief" not in fw
    single = commands_for(inventory_devices["XQ-CX-XQ-SW"])
    assert not {"display css status", "display stack", "display hrp state"} & set(single)
    comware = inventory_devices["XQ-CORE"].model_copy(update={"platform": "hp_comware"})
    assert "display link-aggregation summary" in commands_for(comware)
    for dev in inventory_devices.values():
        assert commands_for(dev)[0] == "display current-configuration"


# --- extract_output: what is stored --------------------------------------------------------------

def test_extract_output_strips_echo_prompt_and_pager_and_turns_crlf_into_lf() -> None:
    raw = (b"display version\r\nline 1\r\nline 2 \r\n  ---- More ----\x1b[42D" + b" " * 42
           + b"\x1b[42Dline 3\r\n\r\n<SW>")
    more = raw.index(b"  ---- More")
    out = extract_output(raw, [(more, more + 16)], len(raw) - 4, "display version")
    assert out == b"line 1\nline 2 \nline 3\n\n"


def test_extract_output_keeps_text_that_only_looks_like_a_pager_when_none_was_answered() -> None:
    raw = b"display x\r\n description ---- More ----\r\n<SW>"
    assert extract_output(raw, [], len(raw) - 4, "display x") == b" description ---- More ----\n"


def test_extract_output_keeps_lone_cr_and_non_utf8_bytes() -> None:
    raw = b"display x\r\nabc\rdef\r\n\xbd\xd3\xbf\xda\r\nHRP_M<FW-1>"
    assert extract_output(raw, [], raw.index(b"HRP_M"), "display x") == b"abc\rdef\n\xbd\xd3\xbf\xda\n"


def test_extract_output_without_echo_keeps_the_first_line() -> None:
    raw = b"first\r\n<SW>"
    assert extract_output(raw, [], 7, "display x") == b"first\n"


def test_rejection_is_the_error_line() -> None:
    assert rejection(b"           ^\nError: Unrecognized command found at '^' position.\n") == \
        "Error: Unrecognized command found at '^' position."
    assert rejection(b"Error: Wrong parameter found at '^' position.\n") is not None
    assert rejection(b"Info: The VRRP does not exist.\n") is None
    assert rejection(b"") is None


def test_scrub_and_credentials_repr_hide_the_password() -> None:
    creds = Credentials("audit", "Hunter2-secret")
    assert "Hunter2" not in repr(creds)
    assert scrub("bad Hunter2-secret here", creds.secrets) == "bad *** here"


# --- where to connect ----------------------------------------------------------------------------

def test_connect_map_is_used_exclusively_when_given(inventory_devices: dict[str, Device], tmp_path: Path) -> None:
    core = inventory_devices["CZ-CORE"]
    assert resolve_target(core, None) == Target("10.10.0.1", 22)
    via_vars = core.model_copy(update={"vars": {"ssh_host": "127.0.0.1", "ssh_port": 2222}})
    assert resolve_target(via_vars, None) == Target("127.0.0.1", 2222)
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"CZ-CORE": {"host": "127.0.0.1", "port": 40022, "host_key": "ssh-ed25519 AAAA"}}))
    cmap = load_connect_map(path)
    assert resolve_target(core, cmap) == Target("127.0.0.1", 40022, "ssh-ed25519 AAAA")
    with pytest.raises(SessionError, match="not in the connect map"):
        resolve_target(inventory_devices["XQ-CORE"], cmap)


@pytest.mark.parametrize("content", ["[]", "{", '{"A": {"host": "h"}}', '{"A": {"host": "h", "port": 0}}',
                                     '{"A": {"host": 1, "port": 22}}', '{"A": {"host": "h", "port": 22, "host_key": 3}}'])
def test_bad_connect_maps_are_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "map.json"
    path.write_text(content)
    with pytest.raises(ConnectMapError, match="map.json"):
        load_connect_map(path)
