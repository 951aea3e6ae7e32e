"""AAA checks (aaa-*) on real captures and synthetic snippets (marked ``synthetic``).

One table, one generic test (ANTA style): each row is (check, case, config, host, params,
expected status, a substring the message must contain).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checkutil import assert_finding, load, run
from fixtures_path import REAL

from netaudit.checks.aaa import Accounting, Authorization, LoginMode, RemoteAuth, ServersRedundant

CFG = REAL / "configs"
CE12800 = CFG / "ce12800-sim-v200r005c10spc607-huawei1-hwtacacs.txt"   # default_admin → hwtacacs, 1 server
CE6880 = CFG / "ce6880-v200r005c10spc800-isp-mohammadpur.txt"          # default-domain admin huawei
BASABO = CFG / "s67xx-v200r021c00spc600-isp-basabo.txt"               # admin domain local only
S3328 = CFG / "s3328-v100r005c01spc100-huishi.txt"                    # every line authentication-mode aaa
HAVANA = CFG / "s67xx-v200r022c00spc500-isp-sw2pop13-havana.txt"      # con 0 authentication-mode password

# synthetic: the plan's 3A design on an S-series switch
TACACS = """\
!Software Version V200R019C10SPC500
#
sysname SYN-3A
#
hwtacacs-server template tac
 hwtacacs-server authentication 10.1.6.6
 hwtacacs-server authentication 10.1.6.7 secondary
 hwtacacs-server authorization 10.1.6.6
 hwtacacs-server accounting 10.1.6.6
 hwtacacs-server shared-key cipher %^%#abcdefabcdef%^%#
#
aaa
 authentication-scheme tac-auth
  authentication-mode hwtacacs local
 authorization-scheme tac-author
  authorization-mode hwtacacs local
  authorization-cmd 3 hwtacacs local
  authorization-cmd 15 hwtacacs local
 accounting-scheme tac-acct
  accounting-mode hwtacacs
 recording-scheme rec
  recording-mode hwtacacs tac
 cmd recording-scheme rec
 domain default_admin
  authentication-scheme tac-auth
  authorization-scheme tac-author
  accounting-scheme tac-acct
  hwtacacs-server tac
 local-user netops password irreversible-cipher $1a$abcdefgh$ijklmnopqrstuv$
 local-user netops privilege level 15
 local-user netops service-type terminal ssh
#
user-interface con 0
 authentication-mode aaa
user-interface vty 0 4
 authentication-mode aaa
 protocol inbound ssh
#
return
"""
# synthetic variants: local tried first; no local fallback; RADIUS (cannot authorize commands)
LOCAL_FIRST = TACACS.replace("authentication-mode hwtacacs local", "authentication-mode local hwtacacs")
NO_FALLBACK = TACACS.replace("authentication-mode hwtacacs local", "authentication-mode hwtacacs")
RADIUS_ONLY = TACACS.replace("authorization-mode hwtacacs local", "authorization-mode radius")
# synthetic: H3C Comware 7 with an HWTACACS scheme in domain system
COMWARE = """\
#
 version 7.1.070, Release 6328
#
 sysname SYN-H3C
#
hwtacacs scheme tac
 primary authentication 10.1.6.6
 primary authorization 10.1.6.6
 primary accounting 10.1.6.6
 key authentication cipher $c$3$abcdef
#
domain system
 authentication login hwtacacs-scheme tac local
 authorization login hwtacacs-scheme tac local
 authorization command hwtacacs-scheme tac
 accounting login hwtacacs-scheme tac
 accounting command hwtacacs-scheme tac
#
line con 0
 authentication-mode scheme
#
line vty 0 63
 authentication-mode scheme
 protocol inbound ssh
 command authorization
#
return
"""
COMWARE_PW = COMWARE.replace("line vty 0 63\n authentication-mode scheme", "line vty 0 63\n authentication-mode password")
CW = {"platform": "hp_comware"}

Cfg = str | Path | None
CASES: list[tuple[type, str, Cfg, dict[str, Any], dict[str, Any], str, str]] = [
    # aaa-remote-auth
    (RemoteAuth, "ce12800-default_admin-hwtacacs-local", CE12800, {}, {}, "pass", "hwtacacs local"),
    (RemoteAuth, "ce6880-default-domain-admin-huawei", CE6880, {}, {}, "pass", "admin domain huawei"),
    (RemoteAuth, "basabo-local-only", BASABO, {}, {}, "fail", "'local' only"),
    (RemoteAuth, "synthetic-local-first", LOCAL_FIRST, {}, {}, "fail", "tried before the remote server"),
    (RemoteAuth, "synthetic-no-local-fallback", NO_FALLBACK, {}, {}, "fail", "no local fallback"),
    (RemoteAuth, "synthetic-no-fallback-allowed", NO_FALLBACK, {}, {"require_local_fallback": False}, "pass",
     "hwtacacs"),
    (RemoteAuth, "synthetic-comware-system-domain", COMWARE, CW, {}, "pass", "admin domain system"),
    (RemoteAuth, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # aaa-authorization
    (Authorization, "synthetic-authorization-cmd-3-15", TACACS, {}, {"levels": [3, 15]}, "pass", "level(s) 3, 15"),
    (Authorization, "ce12800-no-authorization-cmd", CE12800, {}, {}, "fail", "no 'authorization-cmd'"),
    (Authorization, "basabo-local", BASABO, {}, {}, "fail", "authorization-mode local"),
    (Authorization, "synthetic-radius-cannot-authorize", RADIUS_ONLY, {}, {}, "fail", "RADIUS cannot authorize"),
    (Authorization, "synthetic-comware-command-authorization", COMWARE, CW, {}, "pass", "authorized by HWTACACS"),
    (Authorization, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # aaa-accounting
    (Accounting, "synthetic-cmd-recording", TACACS, {}, {}, "pass", "commands recorded via rec"),
    (Accounting, "ce12800-recording-scheme-not-applied", CE12800, {}, {}, "fail",
     "recording-scheme tac_acct defined but not applied"),
    (Accounting, "ce12800-accounting-only", CE12800, {}, {"require_cmd_recording": False}, "pass",
     "accounting hwtacacs"),
    (Accounting, "basabo-accounting-none", BASABO, {}, {}, "fail", "accounting-mode none"),
    (Accounting, "synthetic-comware-no-command-accounting-on-vty", COMWARE, CW, {}, "fail",
     "'command accounting' missing on line vty 0 63"),
    (Accounting, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # aaa-servers-redundant
    (ServersRedundant, "synthetic-two-servers", TACACS, {}, {}, "pass", "10.1.6.6, 10.1.6.7"),
    (ServersRedundant, "ce12800-one-server", CE12800, {}, {}, "fail", "1 authentication server(s)"),
    (ServersRedundant, "ce6880-one-server-min-1", CE6880, {}, {"min_servers": 1}, "pass", "172.20.1.206"),
    (ServersRedundant, "basabo-no-remote-auth", BASABO, {}, {}, "skipped", "does not use a remote server"),
    (ServersRedundant, "synthetic-comware-one-primary", COMWARE, CW, {}, "fail", "need 2"),
    # aaa-login-mode
    (LoginMode, "s3328-all-aaa", S3328, {}, {}, "pass", "con 0, vty 0-3, vty 4"),
    (LoginMode, "havana-con-password", HAVANA, {}, {}, "fail", "con 0: authentication-mode is 'password'"),
    (LoginMode, "ce12800-con-not-configured", CE12800, {}, {}, "fail", "con 0: authentication-mode not configured"),
    (LoginMode, "havana-nms-vty-not-judged", HAVANA, {}, {}, "fail", "vty 16-20 reserved for NMS"),
    (LoginMode, "synthetic-comware-scheme", COMWARE, CW, {}, "pass", "authentication-mode scheme"),
    (LoginMode, "synthetic-comware-vty-password", COMWARE_PW, CW, {}, "fail", "vty 0-63"),
    (LoginMode, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
]


@pytest.mark.parametrize(("check", "case", "config", "host_kw", "params", "status", "substring"), CASES,
                         ids=[f"{c[0].id}:{c[1]}" for c in CASES])
def test_aaa_checks(check: type, case: str, config: Cfg, host_kw: dict[str, Any], params: dict[str, Any],
                    status: str, substring: str) -> None:
    assert_finding(run(check, load(config, **host_kw), params), status, substring)


def test_remote_auth_evidence_points_at_real_lines() -> None:
    f = run(RemoteAuth, load(CE12800))
    assert f is not None
    texts = {(e.line, e.text.strip()) for e in f.evidence}
    assert (49, "domain default_admin") in texts
    assert (35, "authentication-mode hwtacacs local") in texts
    assert any(e.line == 19 and "hwtacacs server authentication 103.67.185.64" in e.text for e in f.evidence)


def test_remediation_uses_family_syntax() -> None:
    vrp8 = run(RemoteAuth, load(CE6880.parent / "ce8850-v200r002c50-stack-23k0573.txt"))
    vrp5 = run(RemoteAuth, load(BASABO))
    assert vrp8 is not None and vrp5 is not None
    assert "hwtacacs server template tac" in vrp8.remediation
    assert "hwtacacs-server template tac" in vrp5.remediation
    cw = run(ServersRedundant, load(COMWARE, **CW))
    assert cw is not None and cw.remediation == ["hwtacacs scheme tac", " secondary authentication <server2-ip>"]


def test_params_are_strict() -> None:
    with pytest.raises(ValueError):
        ServersRedundant.Params.model_validate({"min_server": 2})
    with pytest.raises(ValueError):
        ServersRedundant.Params.model_validate({"min_servers": 0})
