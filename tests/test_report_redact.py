"""No secret reaches any report: real Huawei cipher strings (fixtures/real/configs) and plain ones."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixtures_path import REAL
from openpyxl import load_workbook
from report_helpers import sample_inventory

from netaudit.redact import MASK, redact
from netaudit.report import FORMATS, write_reports
from netaudit.results import Evidence, Finding, Results

CONFIGS = REAL / "configs"
_BLOB = re.compile(r"%\^%#.*?%\^%#|%\$%\$.*?%\$%\$|%@%@.*?%@%@|\$1[acd]\$\S+")
_OLD_CIPHER = re.compile(r"password cipher (\S+)|community read cipher (\S+)")

#: plain secrets typed by operators (synthetic), with the line they appear in
PLAIN = {
    "Pub1icC0mm": "snmp-agent community read Pub1icC0mm",
    "Wr1teC0mm": "snmp-agent community write cipher Wr1teC0mm mib-view iso",
    "Adm1n@2024": "local-user netops password simple Adm1n@2024",
    "Psk-9f3kq1": "ike peer HQ pre-shared-key Psk-9f3kq1",
    "TacKey#77": "hwtacacs-server shared-key simple TacKey#77",
    "OspfKey1x": "ospf authentication-mode md5 1 plain OspfKey1x",
    "IsisKey2y": "isis authentication-mode md5 IsisKey2y",
    "UsmAuth3z": "snmp-agent usm-user v3 nms authentication-mode sha UsmAuth3z",
    "UsmPriv4w": "snmp-agent usm-user v3 nms privacy-mode aes128 UsmPriv4w",
    "Vty0Pass5": " set authentication password simple Vty0Pass5",
}


def real_secret_lines() -> list[tuple[str, str, int, str]]:
    """(secret, file name, line number, line) for every cipher string in the real captures."""
    out = []
    for path in sorted(CONFIGS.glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            for m in _BLOB.finditer(line):
                out.append((m.group(0), path.name, n, line.rstrip("\r")))
            for m in _OLD_CIPHER.finditer(line):
                tok = m.group(1) or m.group(2)
                if not _BLOB.match(tok):
                    out.append((tok, path.name, n, line.rstrip("\r")))
    return out


def test_fixtures_have_many_real_secrets() -> None:
    secrets = real_secret_lines()
    assert len(secrets) >= 25
    kinds = {s[:4] for s, *_ in secrets}
    assert {"%^%#", "%@%@", "%$%$"} <= kinds and any(s.startswith(("$1a$", "$1c$")) for s, *_ in secrets)


@pytest.mark.parametrize(("secret", "name", "line_no", "line"), real_secret_lines(),
                         ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else None)
def test_real_cipher_lines_redacted(secret: str, name: str, line_no: int, line: str) -> None:
    out = redact(line)
    assert secret not in out, f"{name}:{line_no}"
    assert MASK in out
    # the keywords stay so an evaluator still sees what was configured
    for kw in ("local-user", "snmp-agent community", "shared-key", "irreversible-cipher", "privacy-mode"):
        if kw in line:
            assert kw in out


@pytest.mark.parametrize(("secret", "line"), sorted(PLAIN.items()))
def test_plain_secrets_redacted_keyword_kept(secret: str, line: str) -> None:
    out = redact(line)
    assert secret not in out and MASK in out
    assert out.split()[0] == line.split()[0]


@pytest.mark.parametrize("line", [
    "ssh server cipher aes256_ctr aes128_ctr aes256_cbc 3des_cbc",
    "undo ssh server cipher 3des_cbc",
    "local-aaa-user password policy administrator",
    " password expire 90",
    " password history record number 5",
    " authentication-mode aaa",
    " authentication-mode password",
    "snmp-agent community complexity-check disable",
    "info-center loghost 10.10.9.10",
    " apply community 65000:100",
])
def test_non_secrets_untouched(line: str) -> None:
    assert redact(line) == line


def test_prose_keeps_readable() -> None:
    assert redact("本地用户口令为可逆加密 (password cipher)") == "本地用户口令为可逆加密 (password cipher)"
    assert redact("SNMP community public is configured") == "SNMP community ****** is configured"


def _results_with_secrets() -> Results:
    findings = []
    for i, (_secret, _name, n, line) in enumerate(real_secret_lines()):
        findings.append(Finding(
            check="mgmt-password-storage" if "local-user" in line else "snmp-v3-only", device=f"REAL-{i % 5}",
            status="fail", severity="high", controls=["8.1.4.8b"], zone="core", tier="city",
            message=f"found: {line.strip()}",
            evidence=[Evidence(file=f"REAL-{i % 5}/display_current-configuration.txt", line=n, text=line)],
            remediation=[f"undo {line.strip()}"]))
    for j, line in enumerate(PLAIN.values()):
        findings.append(Finding(check="snmp-v3-only", device="PLAIN-1", status="fail", severity="high",
                                controls=["8.1.2.2a"], zone="county", tier="town",
                                message=f"configured '{line.strip()}'",
                                evidence=[Evidence(file="PLAIN-1/display_current-configuration.txt", line=10 + j,
                                                   text=line)],
                                remediation=[f"undo {line.strip()}"], data={"line": line}))
    res = Results(findings=findings)
    res.recount()
    return res


def _flatten(path: Path) -> str:
    """Everything a reader could see in a report file, unescaped, with whitespace removed."""
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        text = "".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c is not None)
    elif path.suffix in (".json", ".sarif"):
        text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
        text = text + json.dumps(json.loads(path.read_text(encoding="utf-8")))  # escaped form too
        text = text.replace('\\"', '"').replace("\\\\", "\\")
    elif path.name.endswith(".xml"):
        root = ET.parse(path).getroot()
        text = "".join((el.text or "") + "".join(el.attrib.values()) for el in root.iter())
    else:
        text = html.unescape(path.read_text(encoding="utf-8"))
    return re.sub(r"[\s│┃]+", "", text)


def test_no_secret_in_any_format(tmp_path: Path) -> None:
    res = _results_with_secrets()
    secrets = {s for s, *_ in real_secret_lines()} | set(PLAIN)
    paths = write_reports(res, list(FORMATS), tmp_path, inventory=sample_inventory())
    assert len(paths) == len(FORMATS)
    for path in paths:
        flat = _flatten(path)
        assert "******" in flat, path.name
        leaked = [s for s in secrets if re.sub(r"\s+", "", s) in flat]
        assert not leaked, f"{path.name} leaks {leaked[:3]}"
    # the caller's results are not modified
    assert any("%^%#" in ev.text for f in res.findings for ev in f.evidence)


def test_html_redacts_even_when_called_directly() -> None:
    from netaudit.report.html import render_html

    out = html.unescape(render_html(_results_with_secrets()))
    assert "Pub1icC0mm" not in out and "Adm1n@2024" not in out
    assert not any(s in out for s, *_ in real_secret_lines())
