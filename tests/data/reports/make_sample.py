"""Regenerate the SYNTHETIC sample results and inventory used by the report tests.

    .venv/bin/python tests/data/reports/make_sample.py

Nothing here was recorded from a device: hostnames, addresses and outcomes are made up to look
like the city extranet (dual-chassis core, county → town → village chain, egress firewall).
Cipher strings in evidence are copied from the real captures in fixtures/real/configs so that
redaction is exercised on real formats.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).parent
CFG = "display_current-configuration.txt"

SITES = [
    {"name": "chaozhou", "tier": "city"},
    {"name": "raoping", "tier": "county", "parent": "chaozhou"},
    {"name": "huanggang", "tier": "town", "parent": "raoping"},
    {"name": "dacheng", "tier": "village", "parent": "huanggang"},
]
DEVICES = [
    # hostname, ip, platform, model, role, zone, site, chassis, version
    ("CZ-CORE", "10.10.0.1", "huawei_vrp", "S12708", "switch", "core", "chaozhou", 2, "V200R019C10SPC500"),
    ("CZ-FW-EGRESS", "10.10.0.5", "huawei_usg", "USG6650E", "firewall", "egress", "chaozhou", 1, "V600R007C20SPC600"),
    ("CZ-CLOUD-01", "10.10.0.9", "huawei_vrpv8", "CE6881-48S6CQ", "switch", "cloud", "chaozhou", 1, "V200R020C10SPC600"),
    ("CZ-AGG-01", "10.10.1.1", "huawei_vrp", "S6730-H48X6C", "switch", "aggregation", "chaozhou", 1, "V200R021C00SPC100"),
    ("CZ-AGG-02", "10.10.1.2", "huawei_vrp", "S6730-H48X6C", "switch", "aggregation", "chaozhou", 1, None),
    ("CZ-EXT-01", "10.10.2.1", "huawei_vrp", "AR6280", "router", "extranet", "chaozhou", 1, "V300R019C13SPC200"),
    ("CZ-FIN-01", "10.10.2.5", "huawei_vrp", "AR6280", "router", "finance", "chaozhou", 1, "V300R019C13SPC200"),
    ("CZ-ACC-01", "10.10.3.1", "huawei_vrp", "S5735-L48T4X", "switch", "access", "chaozhou", 1, "V200R021C10SPC600"),
    ("RP-CNTY-01", "10.20.0.1", "huawei_vrp", "S7706", "switch", "county", "raoping", 1, "V200R019C10SPC500"),
    ("RP-TOWN-HG", "10.20.1.1", "huawei_vrp", "S5735-S24T4X", "switch", "county", "huanggang", 1, "V200R021C10SPC600"),
    ("RP-VIL-DC", "10.20.2.1", "huawei_vrp", "S5735-L8T4S", "switch", "county", "dacheng", 1, "V200R021C10SPC600"),
    ("RP-ACC-HG", "10.20.1.9", "huawei_vrp", "S5735-L24T4S", "switch", "access", "huanggang", 1, "V200R021C10SPC600"),
]
LINKS = [
    ("CZ-CORE:XGigabitEthernet1/1/0/1", "CZ-AGG-01:XGigabitEthernet0/0/49", "10G"),
    ("CZ-CORE:XGigabitEthernet2/1/0/1", "CZ-AGG-01:XGigabitEthernet0/0/50", "10G"),
    ("CZ-CORE:XGigabitEthernet1/1/0/2", "CZ-AGG-02:XGigabitEthernet0/0/49", "10G"),
    ("CZ-CORE:XGigabitEthernet1/1/0/3", "CZ-AGG-02:XGigabitEthernet0/0/50", "10G"),
    ("CZ-CORE:XGigabitEthernet1/2/0/1", "CZ-CLOUD-01:10GE1/0/1", "10G"),
    ("CZ-CORE:GigabitEthernet2/3/0/1", "CZ-CLOUD-01:10GE1/0/2", "1G"),
    ("CZ-CORE:XGigabitEthernet1/2/0/2", "CZ-FW-EGRESS:GigabitEthernet1/0/0", "10G"),
    ("CZ-CORE:XGigabitEthernet2/2/0/2", "CZ-FW-EGRESS:GigabitEthernet1/0/1", "10G"),
    ("CZ-CORE:GigabitEthernet1/3/0/1", "CZ-EXT-01:GigabitEthernet0/0/1", "1G"),
    ("CZ-CORE:GigabitEthernet2/3/0/2", "CZ-EXT-01:GigabitEthernet0/0/2", "1G"),
    ("CZ-CORE:GigabitEthernet1/3/0/2", "CZ-FIN-01:GigabitEthernet0/0/1", "1G"),
    ("CZ-CORE:GigabitEthernet2/3/0/3", "CZ-FIN-01:GigabitEthernet0/0/2", "1G"),
    ("CZ-CORE:GigabitEthernet1/3/0/5", "RP-CNTY-01:GigabitEthernet1/0/1", "1G"),
    ("RP-CNTY-01:GigabitEthernet1/0/10", "RP-TOWN-HG:GigabitEthernet0/0/25", "100M"),
    ("RP-CNTY-01:GigabitEthernet1/0/11", "RP-TOWN-HG:GigabitEthernet0/0/26", "100M"),
    ("RP-TOWN-HG:GigabitEthernet0/0/1", "RP-VIL-DC:GigabitEthernet0/0/9", "100M"),
    ("RP-TOWN-HG:GigabitEthernet0/0/2", "RP-VIL-DC:GigabitEthernet0/0/10", "100M"),
    ("CZ-AGG-01:GigabitEthernet0/0/1", "CZ-ACC-01:GigabitEthernet0/0/49", "1G"),
    ("CZ-AGG-02:GigabitEthernet0/0/1", "CZ-ACC-01:GigabitEthernet0/0/50", "1G"),
    ("RP-TOWN-HG:GigabitEthernet0/0/3", "RP-ACC-HG:GigabitEthernet0/0/25", "100M"),
]

CHECKS: dict[str, tuple[str, list[str]]] = {
    "aaa-remote-auth": ("high", ["8.1.4.1a", "8.1.4.1d"]),
    "aaa-authorization": ("medium", ["8.1.4.2a", "8.1.5.1a"]),
    "aaa-accounting": ("medium", ["8.1.4.3a", "8.1.5.2a"]),
    "aaa-servers-redundant": ("medium", ["8.1.4.9c"]),
    "aaa-login-mode": ("high", ["8.1.4.1a"]),
    "mgmt-ssh-only": ("high", ["8.1.4.1c", "8.1.4.4b", "8.1.2.2b"]),
    "mgmt-ssh-ciphers": ("medium", ["8.1.4.1c", "8.1.2.2b"]),
    "mgmt-vty-acl": ("high", ["8.1.4.4c"]),
    "mgmt-idle-timeout": ("medium", ["8.1.4.1b"]),
    "mgmt-login-lockout": ("medium", ["8.1.4.1b"]),
    "mgmt-password-storage": ("high", ["8.1.4.8b"]),
    "mgmt-password-policy": ("medium", ["8.1.4.1a"]),
    "mgmt-default-account": ("high", ["8.1.4.2b"]),
    "mgmt-privilege-separation": ("medium", ["8.1.4.2d"]),
    "log-loghost": ("high", ["8.1.4.3c", "8.1.5.4d"]),
    "log-timestamp": ("low", ["8.1.4.3b"]),
    "log-ntp": ("medium", ["8.1.4.3b"]),
    "snmp-v3-only": ("high", ["8.1.2.2a", "8.1.4.4b", "8.1.4.7a"]),
    "log-config-backup": ("medium", ["8.1.4.9a"]),
    "ipv6-enabled": ("low", ["8.1.2.1c"]),
    "ipv6-dual-stack": ("low", ["8.1.2.1c"]),
    "ipv6-mgmt-acl": ("medium", ["8.1.4.4c"]),
    "access-dhcp-snooping": ("medium", ["8.1.3.1b"]),
    "access-ip-mac-binding": ("medium", ["8.1.3.1b"]),
    "access-nac": ("medium", ["8.1.3.1b"]),
    "access-unused-ports": ("low", ["8.1.3.1a"]),
    "fw-default-deny": ("critical", ["8.1.3.2a"]),
    "fw-no-any-any": ("high", ["8.1.3.2b", "8.1.3.2c"]),
    "fw-rule-logging": ("medium", ["8.1.3.5a"]),
    "fw-threat-profiles": ("high", ["8.1.3.3a", "8.1.3.3b", "8.1.3.4a"]),
    "fw-hrp": ("high", ["8.1.2.1e", "8.1.4.9c"]),
    "topo-core-dual": ("critical", ["8.1.2.1e"]),
    "topo-dual-homing": ("high", ["8.1.2.1e"]),
    "topo-css-trunk": ("high", ["8.1.2.1e"]),
    "topo-bandwidth": ("medium", ["8.1.2.1b"]),
    "topo-vrrp": ("medium", ["8.1.2.1e", "8.1.4.9c"]),
}

EVIDENCE: dict[str, tuple[str, str, list[str]]] = {
    # check -> (failing line text, message, remediation)
    "mgmt-ssh-only": ("telnet server enable", "Telnet 管理仍开启 (telnet server enable)",
                      ["undo telnet server enable", "stelnet server enable"]),
    "mgmt-ssh-ciphers": ("ssh server cipher aes256_ctr aes128_ctr aes256_cbc aes128_cbc 3des_cbc",
                         "SSH 允许 CBC/3DES 弱算法", ["ssh server cipher aes256_gcm aes128_gcm aes256_ctr aes128_ctr"]),
    "snmp-v3-only": ("snmp-agent community read cipher %^%#N{7_<\\5o]CKRI35lI-c(ZE{G<wWW|P}9y(NF,NVY{a}M1zm1OVJ`q%^%#",
                     "配置了 SNMPv2c 团体名 (snmp-agent community read …)",
                     ["undo snmp-agent community read cipher %^%#N{7_<\\5o]CKRI35lI-c(ZE{G<wWW|P}9y(NF,NVY{a}M1zm1OVJ`q%^%#",
                      "snmp-agent sys-info version v3"]),
    "mgmt-password-storage": ("local-user admin password cipher 4)^M+N][#H[D*WAH8\"1XQA!!",
                              "本地用户口令为可逆加密 (password cipher)",
                              ["local-user admin password irreversible-cipher <new-password>"]),
    "aaa-remote-auth": (" authentication-scheme default", "登录未使用 HWTACACS/RADIUS 远程认证",
                        ["authentication-scheme tacacs", " authentication-mode hwtacacs local"]),
    "log-loghost": ("info-center loghost 10.10.9.10", "仅配置一台日志服务器，未加密且无备份",
                    ["info-center loghost 10.10.9.11 vpn-instance MGMT"]),
    "mgmt-vty-acl": ("user-interface vty 0 4", "VTY 未绑定 ACL", [" acl 2000 inbound"]),
    "log-config-backup": ("set save-configuration backup-to-server server 10.244.244.250 transport-type ftp user "
                          "backups password %^%#z<fx&-0ygD&B'gOhZ28EVx3B=ku;/L,%Yi#@T6KL%^%# path huawei",
                          "配置备份使用明文 FTP", ["set save-configuration backup-to-server server 10.10.9.20 "
                                                 "transport-type sftp user backups password <password>"]),
}


def _roll(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:8], 16) % 100


def checks_for(zone: str, role: str) -> list[str]:
    out = [c for c in CHECKS if c.split("-")[0] in ("aaa", "mgmt", "log", "snmp", "ipv6")]
    if zone == "access":
        out += [c for c in CHECKS if c.startswith("access-")]
    if role == "firewall":
        out += [c for c in CHECKS if c.startswith("fw-")]
    if zone == "core":
        out += ["topo-core-dual", "topo-css-trunk", "topo-vrrp", "topo-bandwidth"]
    else:
        out += ["topo-dual-homing"]
    return out


def main() -> None:
    findings = []
    for host, _ip, _plat, _model, role, zone, site, _chassis, _ver in DEVICES:
        tier = next(s["tier"] for s in SITES if s["name"] == site)
        for n, check in enumerate(checks_for(zone, role)):
            sev, controls = CHECKS[check]
            roll = _roll(host, check)
            status = "fail" if roll < 28 else "pass"
            if roll in (97, 98):
                status = "error"
            if check == "mgmt-ssh-only" and host in ("CZ-AGG-02", "RP-VIL-DC"):
                status = "fail"
            f: dict = {"check": check, "device": host, "status": status, "severity": sev,
                       "controls": controls, "zone": zone, "tier": tier, "site": site,
                       "message": "", "evidence": [], "remediation": [], "data": {}}
            line = 40 + n * 7
            if status == "fail":
                text, msg, rem = EVIDENCE.get(check, (f"# {check} not configured", f"{check}: 未满足要求", []))
                f["message"] = msg
                f["evidence"] = [{"file": f"{host}/{CFG}", "line": line, "text": text}]
                f["remediation"] = rem
            elif status == "pass":
                f["message"] = "符合要求"
                f["evidence"] = [{"file": f"{host}/{CFG}", "line": line, "text": f"# {check} ok"}]
            else:
                f["message"] = "parser error: unexpected line in display output"
            if check.startswith("ipv6-"):
                f["data"]["score"] = 0.0 if status == "fail" else 1.0
            findings.append(f)
    # topology findings that the highlights rely on
    def topo(host: str, check: str, status: str, msg: str, data: dict) -> None:
        for f in findings:
            if f["device"] == host and f["check"] == check:
                f.update(status=status, message=msg, data=data,
                         evidence=[{"file": "inventory/links.yaml", "line": 12, "text": data.get("links", [""])[0]}]
                         if data.get("links") else [], remediation=[])
    topo("RP-CNTY-01", "topo-dual-homing", "fail", "区县节点仅有一条上联至核心（单归属）",
         {"links": ["CZ-CORE:GigabitEthernet1/3/0/5--RP-CNTY-01:GigabitEthernet1/0/1"]})
    topo("RP-ACC-HG", "topo-dual-homing", "fail", "接入交换机单上联",
         {"links": ["RP-TOWN-HG:GigabitEthernet0/0/3--RP-ACC-HG:GigabitEthernet0/0/25"]})
    topo("CZ-AGG-01", "topo-dual-homing", "pass", "双上联至核心两台机框", {})
    topo("CZ-CORE", "topo-css-trunk", "fail", "Eth-Trunk12 (to CZ-AGG-02) 成员全部位于机框 1",
         {"trunk": "CZ-CORE:Eth-Trunk12",
          "links": ["CZ-CORE:XGigabitEthernet1/1/0/2--CZ-AGG-02:XGigabitEthernet0/0/49",
                    "CZ-CORE:XGigabitEthernet1/1/0/3--CZ-AGG-02:XGigabitEthernet0/0/50"]})
    topo("CZ-CORE", "topo-bandwidth", "fail", "至云平台链路低于 10G 规划",
         {"links": ["CZ-CORE:GigabitEthernet2/3/0/1--CZ-CLOUD-01:10GE1/0/2"]})
    topo("CZ-CORE", "topo-core-dual", "pass", "核心为两框 CSS 集群", {})
    # a firewall rule that does not apply to a switch: not-applicable skip
    findings.append({"check": "fw-egress-capabilities", "device": "CZ-AGG-01", "status": "skipped",
                     "severity": "info", "controls": ["8.1.3.2e"], "zone": "aggregation", "tier": "city",
                     "site": "chaozhou", "message": "not a firewall", "evidence": [], "remediation": [],
                     "data": {"not_applicable": True}})
    # a waived finding
    for f in findings:
        if f["device"] == "CZ-FIN-01" and f["check"] == "log-timestamp":
            f.update(status="waived", waiver={"reason": "金融专线设备由银行维护", "expires": "2025-12-31"})
    counts = {s: 0 for s in ("pass", "fail", "error", "skipped", "waived")}
    for f in findings:
        counts[f["status"]] += 1
    results = {
        "tool": {"name": "netaudit", "version": "0.0.0-synthetic"},
        "snapshot": {"name": "synthetic-sample", "devices": len(DEVICES)},
        "summary": counts,
        "findings": findings,
        "generated_at": "2024-05-20T10:00:00+08:00",
        "project": "synthetic sample (not recorded from devices)",
        "ipv6_readiness": {"zone": {"core": 0.8, "cloud": 1.0, "aggregation": 0.5, "county": 0.33, "access": 0.0,
                                    "egress": 0.67, "extranet": 0.5, "finance": 0.0},
                           "tier": {"city": 0.62, "county": 0.33, "town": 0.2, "village": 0.0}},
        "devices": [{"hostname": h, "mgmt_ip": ip, "model": m, "software_version": v, "zone": z, "site": s,
                     "tier": next(x["tier"] for x in SITES if x["name"] == s)}
                    for h, ip, _p, m, _r, z, s, _c, v in DEVICES if v],
    }
    inventory = {
        "sites": SITES,
        "devices": [{"hostname": h, "mgmt_ip": ip, "platform": p, "model": m, "role": r, "zone": z, "site": s,
                     "chassis": c} for h, ip, p, m, r, z, s, c, _v in DEVICES],
        "links": [{"a": a, "b": b, "bandwidth": bw} for a, b, bw in LINKS],
    }
    (HERE / "sample_results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    (HERE / "sample_inventory.json").write_text(json.dumps(inventory, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
