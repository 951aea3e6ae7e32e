"""Management-plane checks (mgmt-*) on real captures and synthetic snippets (marked ``synthetic``).

One table, one generic test (ANTA style): each row is (check, case, config, host, params,
expected status, a substring the message must contain).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checkutil import assert_finding, load, run
from fixtures_path import REAL

from netaudit.checks.mgmt import (
    DefaultAccount,
    IdleTimeout,
    LoginLockout,
    PasswordPolicy,
    PasswordStorage,
    PrivilegeSeparation,
    SshCiphers,
    SshOnly,
    VtyAcl,
)

CFG = REAL / "configs"
CE12800 = CFG / "ce12800-sim-v200r005c10spc607-huawei1-hwtacacs.txt"  # ssh only, 3des_cbc in cipher list
CE5810 = CFG / "ce5810-v100r003c00spc600-netstream-telnet.txt"        # telnet-only admin, no stelnet
CE6880 = CFG / "ce6880-v200r005c10spc800-isp-mohammadpur.txt"         # telnet on vty 5-14, sha1_96 hmac
CE8850 = CFG / "ce8850-v200r002c50-stack-23k0573.txt"                 # telnet server disable, ssh only
BASABO = CFG / "s67xx-v200r021c00spc600-isp-basabo.txt"              # telnet server enable, expire 0
HAVANA = CFG / "s67xx-v200r022c00spc500-isp-sw2pop13-havana.txt"     # idle-timeout 3600 0, inbound all
S3328 = CFG / "s3328-v100r005c01spc100-huishi.txt"                   # password cipher, vty acl 2001
S5700 = CFG / "s5700-v200r005c00spc500-s5700b.txt"                   # no ssh cipher config

# synthetic: a hardened S-series management plane, IPv6 on
GOOD = """\
!Software Version V200R019C10SPC500
#
sysname SYN-MGMT
#
ipv6
#
acl number 2000
 rule 5 permit source 10.1.99.0 0.0.0.255
 rule 100 deny
#
acl ipv6 number 2001
 rule 5 permit source 2409:8C54:1:99::/64
 rule 100 deny
#
aaa
 local-aaa-user wrong-password retry-interval 5 retry-time 3 block-time 10
 local-aaa-user password policy administrator
  password history record number 5
  password expire 90
 local-user netops password irreversible-cipher $1a$abcdefgh$ijklmnopqrstuv$
 local-user netops privilege level 15
 local-user netops service-type terminal ssh
 local-user auditor password irreversible-cipher $1a$hgfedcba$vutsrqponmlkji$
 local-user auditor privilege level 3
 local-user auditor service-type ssh
#
interface Vlanif10
 ip address 10.1.10.1 255.255.255.0
 ipv6 enable
 ipv6 address 2409:8C54:1:10::1/64
#
stelnet server enable
ssh server cipher aes256_ctr aes128_ctr
ssh server hmac sha2_512 sha2_256
ssh server key-exchange dh_group16_sha512 dh_group14_sha256
ssh server dh-exchange min-len 2048
#
user-interface con 0
 authentication-mode aaa
 idle-timeout 5 0
user-interface vty 0 4
 acl 2000 inbound
 acl ipv6 2001 inbound
 authentication-mode aaa
 protocol inbound ssh
 idle-timeout 10 0
#
return
"""
# synthetic variants of GOOD
NO_V6_ACL = GOOD.replace(" acl ipv6 2001 inbound\n", "")
V6_PERMIT_ANY = GOOD.replace(" rule 5 permit source 2409:8C54:1:99::/64", " rule 5 permit")
UNDEFINED_ACL = GOOD.replace(" acl 2000 inbound", " acl 2999 inbound")
NO_LOCKOUT = GOOD.replace(" local-aaa-user wrong-password retry-interval 5 retry-time 3 block-time 10",
                          " undo local-aaa-user wrong-password")
LOOSE_LOCKOUT = GOOD.replace("retry-time 3 block-time 10", "retry-time 10 block-time 10")
ALL_15 = GOOD.replace("local-user auditor privilege level 3", "local-user auditor privilege level 15")
HTTP_FTP = GOOD.replace("stelnet server enable", "stelnet server enable\nhttp server enable\nftp server enable")
# synthetic: H3C Comware 7
COMWARE = """\
#
 sysname SYN-H3C
#
 password-control enable
 password-control login-attempt 3 exceed lock-time 10
 password-control aging 90
 password-control history 5
#
 ssh server enable
 ssh server acl 2000
#
acl basic 2000
 rule 0 permit source 10.1.99.0 0.0.0.255
#
local-user admin class manage
 password hash $h$6$abcdef
 service-type ssh terminal
 authorization-attribute user-role network-admin
#
local-user audit class manage
 password hash $h$6$ghijkl
 service-type ssh
 authorization-attribute user-role network-operator
#
line vty 0 63
 authentication-mode scheme
 protocol inbound ssh
#
return
"""
COMWARE_NO_PC = "\n".join(x for x in COMWARE.splitlines() if "password-control" not in x) + "\n"
CW = {"platform": "hp_comware"}
VRP8 = {"platform": "huawei_vrpv8"}

Cfg = str | Path | None
CASES: list[tuple[type, str, Cfg, dict[str, Any], dict[str, Any], str, str]] = [
    # mgmt-ssh-only
    (SshOnly, "ce8850-telnet-disabled-ssh-only", CE8850, {}, {}, "pass", "SSH only"),
    (SshOnly, "ce12800-telnet-unknown-vty-ssh", CE12800, {}, {}, "pass", "every vty accepts SSH only"),
    (SshOnly, "basabo-telnet-server-enable", BASABO, {}, {}, "fail", "telnet server enabled"),
    (SshOnly, "ce5810-telnet-only-admin", CE5810, VRP8, {}, "fail", "user admin has service-type telnet"),
    (SshOnly, "havana-protocol-inbound-all", HAVANA, {}, {}, "fail", "vty 0-4 accepts telnet (protocol inbound all)"),
    (SshOnly, "synthetic-http-ftp-on", HTTP_FTP, {}, {}, "fail", "cleartext HTTP server enabled / 启用了 HTTP; FTP server enabled"),
    (SshOnly, "synthetic-good", GOOD, {}, {}, "pass", "telnet off"),
    (SshOnly, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # mgmt-ssh-ciphers
    (SshCiphers, "basabo-ctr-sha2", BASABO, {}, {}, "pass", "strong"),
    (SshCiphers, "ce12800-3des-cbc", CE12800, {}, {}, "fail", "weak SSH cipher: aes256_cbc aes128_cbc 3des_cbc"),
    (SshCiphers, "ce12800-dh-1024", CE12800, {}, {}, "fail", "min-len 1024 < 2048"),
    (SshCiphers, "ce8850-sha1-96-hmac", CE8850, {}, {}, "fail", "weak SSH hmac: sha1_96"),
    (SshCiphers, "ce8850-sha1-allowed", CE8850, {},
     {"allow": ["sha1_96", "dh_group_exchange_sha1"]}, "pass", "strong"),
    (SshCiphers, "s5700-not-configured", S5700, {}, {}, "skipped", "ssh cipher list not configured"),
    # mgmt-vty-acl
    (VtyAcl, "s3328-acl-2001", S3328, {}, {}, "pass", "not permit-any"),
    (VtyAcl, "basabo-no-acl", BASABO, {}, {}, "fail", "vty 0-4 has no inbound ACL"),
    (VtyAcl, "synthetic-ipv6-acl", GOOD, {}, {}, "pass", "IPv6 on"),
    (VtyAcl, "synthetic-ipv6-on-no-ipv6-acl", NO_V6_ACL, {}, {}, "fail", "no inbound IPv6 ACL"),
    (VtyAcl, "synthetic-ipv6-permit-any", V6_PERMIT_ANY, {}, {}, "fail", "IPv6 ACL 2001 permits any source"),
    (VtyAcl, "synthetic-undefined-acl", UNDEFINED_ACL, {}, {}, "fail", "2999 is referenced but not defined"),
    (VtyAcl, "synthetic-comware-ssh-server-acl", COMWARE, CW, {}, "pass", "not permit-any"),
    (VtyAcl, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # mgmt-idle-timeout
    (IdleTimeout, "ce12800-15-min-and-default", CE12800, {}, {}, "pass", "con 0: default 10 min"),
    (IdleTimeout, "havana-3600-min", HAVANA, {}, {}, "fail", "vty 0-4: 3600 min"),
    (IdleTimeout, "s3328-con-never", S3328, {}, {}, "fail", "con 0: idle-timeout 0 0 (never)"),
    (IdleTimeout, "ce8850-60-min-allowed", CE8850, {}, {"max_minutes": 60}, "pass", "60 min"),
    (IdleTimeout, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # mgmt-login-lockout
    (LoginLockout, "basabo-default-on", BASABO, {}, {}, "pass", "on by default"),
    (LoginLockout, "ce8850-lock-duration-0", CE8850, {}, {}, "fail", "lock duration 0"),
    (LoginLockout, "synthetic-undo-wrong-password", NO_LOCKOUT, {}, {}, "fail", "lockout disabled"),
    (LoginLockout, "synthetic-10-attempts", LOOSE_LOCKOUT, {}, {}, "fail", "10 attempts allowed > 5"),
    (LoginLockout, "synthetic-configured", GOOD, {}, {}, "pass", "after 3 failed logins for 10 min"),
    (LoginLockout, "synthetic-comware-password-control", COMWARE, CW, {}, "pass", "after 3 failed logins"),
    (LoginLockout, "synthetic-comware-no-password-control", COMWARE_NO_PC, CW, {}, "fail",
     "password-control login-attempt not configured"),
    (LoginLockout, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # mgmt-password-storage
    (PasswordStorage, "basabo-irreversible", BASABO, {}, {}, "pass", "irreversible storage for noc, netxcore"),
    (PasswordStorage, "s3328-password-cipher", S3328, {}, {}, "fail", "local-user admin: stored reversibly"),
    (PasswordStorage, "synthetic-comware-hash", COMWARE, CW, {}, "pass", "admin, audit"),
    (PasswordStorage, "synthetic-no-passwords", "sysname SYN-EMPTY\n#\nreturn\n", {}, {}, "skipped",
     "no local account"),
    # mgmt-password-policy
    (PasswordPolicy, "basabo-expire-0", BASABO, {}, {}, "fail", "password expire 0 (never expires)"),
    (PasswordPolicy, "ce12800-absent", CE12800, {}, {}, "fail", "no administrator password policy"),
    (PasswordPolicy, "synthetic-90-days-5", GOOD, {}, {}, "pass", "expire after 90 days, last 5"),
    (PasswordPolicy, "synthetic-90-over-60", GOOD, {}, {"max_expire_days": 60}, "fail", "90 days > 60"),
    (PasswordPolicy, "synthetic-comware-aging", COMWARE, CW, {}, "pass", "90 days"),
    (PasswordPolicy, "no-config-recorded", None, {}, {}, "skipped", "not recorded"),
    # mgmt-default-account
    (DefaultAccount, "basabo-noc-netxcore", BASABO, {}, {}, "pass", "noc, netxcore"),
    (DefaultAccount, "ce12800-admin", CE12800, {}, {}, "fail", "default account(s) present: admin"),
    (DefaultAccount, "ce12800-admin-not-listed", CE12800, {}, {"default_names": ["root"]}, "pass", "admin"),
    (DefaultAccount, "synthetic-comware-admin", COMWARE, CW, {}, "fail", "admin"),
    (DefaultAccount, "synthetic-no-users", "sysname SYN-EMPTY\n#\nreturn\n", {}, {}, "skipped", "no local accounts"),
    # mgmt-privilege-separation
    (PrivilegeSeparation, "basabo-level-3", BASABO, {}, {}, "pass", "2 of 2 accounts below level 15"),
    (PrivilegeSeparation, "s3328-all-15", S3328, {}, {}, "fail", "every account with a known level is at 15"),
    (PrivilegeSeparation, "ce5810-single-admin", CE5810, {}, {}, "fail", "a single local account (admin=15)"),
    (PrivilegeSeparation, "ce12800-single-with-hwtacacs", CE12800, {}, {}, "skipped", "judge roles there"),
    (PrivilegeSeparation, "synthetic-15-and-3", GOOD, {}, {}, "pass", "netops=15, auditor=3"),
    (PrivilegeSeparation, "synthetic-all-15", ALL_15, {}, {}, "fail", "netops=15, auditor=15"),
    (PrivilegeSeparation, "synthetic-comware-roles", COMWARE, CW, {}, "pass", "admin=15, audit=0"),
]


@pytest.mark.parametrize(("check", "case", "config", "host_kw", "params", "status", "substring"), CASES,
                         ids=[f"{c[0].id}:{c[1]}" for c in CASES])
def test_mgmt_checks(check: type, case: str, config: Cfg, host_kw: dict[str, Any], params: dict[str, Any],
                     status: str, substring: str) -> None:
    assert_finding(run(check, load(config, **host_kw), params), status, substring)


def test_ssh_only_remediation_by_family() -> None:
    vrp5 = run(SshOnly, load(BASABO))
    vrp8 = run(SshOnly, load(CE5810))
    assert vrp5 is not None and vrp8 is not None
    assert "undo telnet server enable" in vrp5.remediation
    assert vrp5.remediation[vrp5.remediation.index("user-interface vty 0 4") + 1] == " protocol inbound ssh"
    assert "telnet server disable" in vrp8.remediation
    assert "stelnet server enable" in vrp8.remediation


def test_evidence_lines_are_file_lines() -> None:
    f = run(IdleTimeout, load(S3328))
    assert f is not None
    assert any(e.line == 391 and e.text.strip() == "idle-timeout 0 0" for e in f.evidence)
    f = run(PasswordStorage, load(S3328))
    assert f is not None
    assert all("4)^M" not in e.text for e in f.evidence), "secrets must be redacted"


def test_params_are_strict() -> None:
    with pytest.raises(ValueError):
        IdleTimeout.Params.model_validate({"max_minute": 15})
    with pytest.raises(ValueError):
        PasswordPolicy.Params.model_validate({"max_expire_days": 0})
