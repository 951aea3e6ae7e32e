"""Rendering intended configs: template choice, context, saved-config style, secrets, errors."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click
import pytest

from netaudit.cli.common import run_safely
from netaudit.cli.render_cmd import render as render_cmd
from netaudit.inventory import load_inventory
from netaudit.parse.config_tree import parse_config
from netaudit.render import RenderError, build_context, render_device, template_candidates
from tests.fixtures_path import REPO

INV = load_inventory(REPO)
SECRETS = [s for s in (REPO / "snapshots/example/SECRETS.txt").read_text(encoding="utf-8").split() if s]


def _render(host: str, tdir: Path = REPO / "templates") -> str:
    dev = INV.device(host)
    assert dev is not None
    return render_device(INV, dev, tdir).text


def test_core_uses_the_core_template_in_saved_config_style() -> None:
    dev = INV.device("CZ-CORE")
    assert dev is not None
    r = render_device(INV, dev, REPO / "templates")
    assert r.template == "huawei_vrp/switch-core.j2"
    lines = r.text.splitlines()
    assert lines[0] == "sysname CZ-CORE" and lines[-2:] == ["#", "return"]
    assert all(line == line.rstrip() and line for line in lines)
    assert "##" not in "".join(lines) and not any(a == b == "#" for a, b in zip(lines, lines[1:], strict=False))
    prev = 0
    for line in lines:          # one space per level, never jumping a level
        ind = len(line) - len(line.lstrip(" "))
        assert ind <= prev + 1
        prev = ind
    tree = parse_config(r.text)
    assert tree.ended
    intf = tree.find(r"interface XGigabitEthernet2/1/0/3$")
    assert intf is not None and [c.text for c in intf.children] == ["description to-CZ-AGG-01-XGE0/0/2"]
    assert "snmp-agent trap source LoopBack0" in lines
    assert " hwtacacs-server source-ip 10.10.0.1" in lines


def test_baseline_hardening_and_per_device_values() -> None:
    text = _render("RP-QD-LT-SW")
    for line in ["undo telnet server enable", "undo http server enable", "stelnet server enable",
                 "info-center loghost 10.10.250.21", "info-center loghost 10.10.250.22",
                 "ntp-service unicast-server 10.10.250.31", "ntp-service unicast-server 10.10.250.32",
                 "info-center loghost source Vlanif99", "snmp-agent sys-info version v3",
                 " idle-timeout 10 0", " protocol inbound ssh", " acl ipv6 2001 inbound",
                 " cmd recording-scheme cz-rec", "  hwtacacs-server cz-tac",
                 "interface GigabitEthernet0/0/11", " description to-RP-QD-SW-GE0/0/1"]:
        assert line in text.splitlines(), line
    assert "info-center loghost source LoopBack0" in _render("XQ-CX-SW").splitlines()   # town: routed
    assert "lldp enable" not in _render("CZ-EGR-RT-01")   # routers get base.j2 only


def test_secrets_are_placeholders_only() -> None:
    text = "\n".join(_render(d.hostname) for d in INV.devices if d.platform == "huawei_vrp")
    assert "%^%#" not in text and "$1a$" not in text
    assert not any(s in text for s in SECRETS)
    assert " hwtacacs-server shared-key cipher <secret:tacacs-key>" in text
    assert " local-user czops password irreversible-cipher <secret:local-user-czops>" in text


def test_context_links_carry_peer_and_bandwidth() -> None:
    dev = INV.device("RP-CORE")
    assert dev is not None
    ctx = build_context(INV, dev, {"x": 1})
    up = ctx["interfaces"]["XGigabitEthernet0/0/2"]
    assert up == {"interface": "XGigabitEthernet0/0/2", "peer": "CZ-CORE",
                  "peer_interface": "GigabitEthernet2/2/0/3", "bandwidth": "100M",
                  "bandwidth_mbps": 100, "description": "饶平第二条线路仍为 100M MSTP 专线"}
    assert ctx["site"]["tier"] == "county" and ctx["vars"]["x"] == 1


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    shutil.copytree(REPO / "inventory", tmp_path / "inventory")
    for name, text in files.items():
        p = tmp_path / "templates" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return tmp_path


def test_template_selection_order(tmp_path: Path) -> None:
    dev = INV.device("CZ-AGG-01")
    assert dev is not None
    assert template_candidates(dev) == ["huawei_vrp/switch-aggregation.j2", "huawei_vrp/switch.j2",
                                        "huawei_vrp/base.j2"]
    p = _project(tmp_path, {"huawei_vrp/base.j2": "sysname base\n",
                            "huawei_vrp/switch.j2": "sysname switch\n",
                            "huawei_vrp/switch-core.j2": "sysname core\n"})
    got = {h: render_device(INV, INV.device(h), p / "templates").template  # type: ignore[arg-type]
           for h in ("CZ-CORE", "CZ-AGG-01", "CZ-EGR-RT-01")}
    assert got == {"CZ-CORE": "huawei_vrp/switch-core.j2", "CZ-AGG-01": "huawei_vrp/switch.j2",
                   "CZ-EGR-RT-01": "huawei_vrp/base.j2"}
    with pytest.raises(RenderError, match="no template"):
        render_device(INV, INV.device("CZ-FW-01"), p / "templates")  # type: ignore[arg-type]


def test_undefined_variable_names_template_line_and_variable(tmp_path: Path) -> None:
    p = _project(tmp_path, {"huawei_vrp/base.j2": "sysname {{ hostname }}\n#\n{{ vars.loghost }}\n"})
    with pytest.raises(RenderError) as ei:
        render_device(INV, INV.device("CZ-CORE"), p / "templates")  # type: ignore[arg-type]
    msg = str(ei.value)
    assert "templates/huawei_vrp/base.j2:3" in msg and "loghost" in msg and "undefined" in msg


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    @click.group()
    def g() -> None:
        pass

    g.add_command(render_cmd)
    monkeypatch.setattr(sys, "argv", ["netaudit", "render", *args])
    rc = run_safely(g)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_cli_render_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _, _ = _cli(monkeypatch, capsys, "-p", str(REPO), "--limit", "CZ-CORE", "--out", str(tmp_path / "x"))
    assert rc == 0
    assert (tmp_path / "x" / "CZ-CORE.cfg").read_text(encoding="utf-8") == _render("CZ-CORE")


def test_cli_undefined_variable_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    p = _project(tmp_path, {"huawei_vrp/base.j2": "sysname {{ hostname }}\n{{ device.nope }}\n"})
    rc, _, err = _cli(monkeypatch, capsys, "-p", str(p), "--limit", "CZ-EGR-RT-01")
    assert rc == 2 and "Traceback" not in err
    assert "base.j2:2" in err and "nope" in err


def test_cli_firewalls_without_template_are_skipped(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rc, _, err = _cli(monkeypatch, capsys, "-p", str(REPO), "--limit", "CZ-FW-01")
    assert rc == 2 and "no template" in err
