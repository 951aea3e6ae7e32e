"""Logging, time, backup and SNMP checks (log-*, snmp-*) on real captures and synthetic snippets
(marked ``synthetic``).

One table, one generic test (ANTA style): each row is (check, case, config, host, params,
expected status, a substring the message must contain).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checkutil import assert_finding, load, run
from fixtures_path import REAL

from netaudit.checks.logging import ConfigBackup, Loghost, Ntp, Timestamp
from netaudit.checks.snmp import V3Only

CFG = REAL / "configs"
CE12800 = CFG / "ce12800-sim-v200r005c10spc607-huawei1-hwtacacs.txt"  # no timezone, no NTP, no snmp
CE8850 = CFG / "ce8850-v200r002c50-stack-23k0573.txt"                 # 4 NTP servers, SNMPv3 privacy group
BASABO = CFG / "s67xx-v200r021c00spc600-isp-basabo.txt"              # 1 NTP peer, version all, community
HAVANA = CFG / "s67xx-v200r022c00spc500-isp-sw2pop13-havana.txt"     # backup-to-server over ftp
S3328 = CFG / "s3328-v100r005c01spc100-huishi.txt"                   # v1 v2c community with ACL

# synthetic: logging, time, SNMPv3 and backup as the plan requires
GOOD = """\
!Software Version V200R019C10SPC500
#
sysname SYN-LOG
#
clock timezone BJ add 08:00:00
#
info-center loghost source Vlanif10
info-center loghost 10.1.20.10
info-center loghost 10.1.20.11 vpn-instance MGMT
info-center timestamp log date
#
ntp-service unicast-server 10.1.20.5
ntp-service unicast-server 10.1.20.6
#
snmp-agent
snmp-agent sys-info version v3
snmp-agent group v3 nms privacy read-view iso write-view iso notify-view iso
snmp-agent usm-user v3 nmsuser group nms
snmp-agent usm-user v3 nmsuser authentication-mode sha cipher %^%#aaaaaaaa%^%#
snmp-agent usm-user v3 nmsuser privacy-mode aes128 cipher %^%#bbbbbbbb%^%#
#
set save-configuration backup-to-server server 10.1.20.8 transport-type sftp user bk password %^%#cccccccc%^%#
#
return
"""
BOOT_TS = GOOD.replace("info-center timestamp log date", "info-center timestamp log boot")
ONE_HOST = GOOD.replace("info-center loghost 10.1.20.11 vpn-instance MGMT\n", "").replace(
    "info-center loghost source Vlanif10\n", "")
LOG_OFF = GOOD.replace("info-center timestamp log date", "undo info-center enable")
AUTH_ONLY = GOOD.replace("snmp-agent group v3 nms privacy", "snmp-agent group v3 nms authentication").replace(
    "snmp-agent usm-user v3 nmsuser privacy-mode aes128 cipher %^%#bbbbbbbb%^%#\n", "")
TFTP = GOOD.replace("transport-type sftp", "transport-type tftp")
COMWARE = """\
#
 sysname SYN-H3C
#
 info-center timestamp boot
 info-center loghost source Vlan-interface10
 info-center loghost 10.1.20.10
 info-center loghost 10.1.20.11
#
 clock timezone BJ add 08:00:00
#
return
"""
CW = {"platform": "hp_comware"}
NMS = {"vars": {"config_backup": "nms"}}

Cfg = str | Path | None
CASES: list[tuple[type, str, Cfg, dict[str, Any], dict[str, Any], str, str]] = [
    # log-loghost
    (Loghost, "synthetic-two-hosts-source", GOOD, {}, {}, "pass", "2 log hosts: 10.1.20.10, 10.1.20.11"),
    (Loghost, "basabo-none", BASABO, {}, {}, "fail", "0 log host(s), need 2"),
    (Loghost, "synthetic-one-host-no-source", ONE_HOST, {}, {}, "fail", "no 'info-center loghost source'"),
    (Loghost, "synthetic-one-host-allowed", ONE_HOST, {}, {"min_loghosts": 1, "require_source": False}, "pass",
     "1 log hosts"),
    (Loghost, "synthetic-info-center-off", LOG_OFF, {}, {}, "fail", "info-center disabled"),
    (Loghost, "synthetic-comware", COMWARE, CW, {}, "pass", "source Vlan-interface10"),
    (Loghost, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # log-timestamp
    (Timestamp, "basabo-default-date-timezone", BASABO, {}, {}, "pass", "date (default), time zone BDT"),
    (Timestamp, "ce12800-no-timezone", CE12800, {}, {}, "fail", "clock timezone not set"),
    (Timestamp, "synthetic-boot-timestamp", BOOT_TS, {}, {}, "fail", "info-center timestamp log boot"),
    (Timestamp, "synthetic-comware-boot", COMWARE, CW, {}, "fail", "info-center timestamp boot"),
    (Timestamp, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # log-ntp
    (Ntp, "ce8850-four-servers", CE8850, {}, {}, "pass", "4 NTP servers"),
    (Ntp, "havana-two-servers", HAVANA, {}, {}, "pass", "200.189.40.8, 200.160.0.8"),
    (Ntp, "basabo-one-peer", BASABO, {}, {}, "fail", "1 NTP server(s): 10.11.1.26"),
    (Ntp, "ce12800-none", CE12800, {}, {}, "fail", "0 NTP server(s)"),
    (Ntp, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # snmp-v3-only
    (V3Only, "ce8850-v3-privacy-group", CE8850, {}, {}, "pass", "groups: network-group"),
    (V3Only, "ce12800-no-snmp", CE12800, {}, {}, "pass", "SNMP not enabled"),
    (V3Only, "basabo-version-all-community", BASABO, {}, {}, "fail", "sys-info version enables v1 v2c"),
    (V3Only, "s3328-community", S3328, {}, {}, "fail", "v1/v2c communities configured (1)"),
    (V3Only, "synthetic-v3-privacy", GOOD, {}, {}, "pass", "users: nmsuser"),
    (V3Only, "synthetic-v3-authentication-only", AUTH_ONLY, {}, {}, "fail", "v3 group nms is authentication"),
    (V3Only, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # log-config-backup
    (ConfigBackup, "synthetic-sftp", GOOD, {}, {}, "pass", "10.1.20.8 via sftp"),
    (ConfigBackup, "havana-ftp", HAVANA, {}, {}, "fail", "backup in clear text: 10.244.244.250 via ftp"),
    (ConfigBackup, "synthetic-tftp", TFTP, {}, {}, "fail", "via tftp"),
    (ConfigBackup, "basabo-none", BASABO, {}, {}, "fail", "no automatic backup configured"),
    (ConfigBackup, "basabo-nms-declared", BASABO, NMS, {}, "pass", "NMS pull backup"),
    (ConfigBackup, "synthetic-comware-undeclared", COMWARE, CW, {}, "skipped", "Comware prints no push-backup"),
    (ConfigBackup, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
]


@pytest.mark.parametrize(("check", "case", "config", "host_kw", "params", "status", "substring"), CASES,
                         ids=[f"{c[0].id}:{c[1]}" for c in CASES])
def test_logging_checks(check: type, case: str, config: Cfg, host_kw: dict[str, Any], params: dict[str, Any],
                        status: str, substring: str) -> None:
    assert_finding(run(check, load(config, **host_kw), params), status, substring)


def test_snmp_remediation_and_redaction() -> None:
    f = run(V3Only, load(BASABO))
    assert f is not None
    assert "undo snmp-agent sys-info version v1 v2c" in f.remediation
    assert "snmp-agent sys-info version v3" in f.remediation
    community = [e for e in f.evidence if "community" in e.text]
    assert community and community[0].line == 249
    assert "N{7_" not in community[0].text


def test_ntp_remediation_uses_vrp8_syntax() -> None:
    f = run(Ntp, load(CE12800))
    assert f is not None and f.remediation == ["ntp unicast-server <ntp1-ip>", "ntp unicast-server <ntp2-ip>"]


def test_params_are_strict() -> None:
    with pytest.raises(ValueError):
        Loghost.Params.model_validate({"min_hosts": 2})
    with pytest.raises(ValueError):
        Ntp.Params.model_validate({"min_servers": 0})
