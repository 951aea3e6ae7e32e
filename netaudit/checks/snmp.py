"""SNMP checks (GB/T 22239-2019 8.1.2.2, 8.1.4.4b, 8.1.4.8a): SNMPv3 with privacy only.

v1/v2c send the community in clear text and carry no encryption; v3 groups must require
``privacy`` (authPriv), and every USM user must have a privacy key or belong to a privacy group
(the group's level is the minimum the agent accepts for its members).
"""

from __future__ import annotations

from typing import Any

from netaudit.checks.base import Check, DeviceContext, Outcome, failed, passed, register
from netaudit.checks.mgmt import absent, comware, top_lines


@register
class V3Only(Check):
    id = "snmp-v3-only"
    title_zh = "SNMP 仅使用 v3 且启用加密（authPriv）"
    title_en = "SNMP is v3 with privacy only (no v1/v2c communities)"
    severity = "high"
    controls = ("8.1.2.2a", "8.1.2.2b", "8.1.4.4b", "8.1.4.8a")

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        sn = dev.model.snmp
        lines = top_lines(dev, r"snmp-agent\b")
        if not lines:
            return passed("SNMP not enabled: no snmp-agent line / 未启用 SNMP", [absent("snmp-agent")])
        cw = comware(dev)
        problems, ev, fix = [], [], []
        if sn.communities:
            problems.append(f"v1/v2c communities configured ({len(sn.communities)}) / 配置了团体字")
            ev += [e for c in sn.communities for e in c.evidence]
            fix.append("undo snmp-agent community <community-name>")
        legacy = [v for v in sn.versions if v in ("v1", "v2c")]
        if legacy:
            problems.append(f"sys-info version enables {' '.join(legacy)} / 启用了 SNMP v1/v2c")
            ev += sn.ev("versions")
            fix += [f"undo snmp-agent sys-info version {' '.join(legacy)}", "snmp-agent sys-info version v3"]
        elif sn.versions_explicit:
            ev += sn.ev("versions")
        privacy_groups = {g.name for g in sn.groups if g.version == "v3" and g.security_level == "privacy"}
        for g in sn.groups:
            ev += g.evidence
            if g.version != "v3":
                problems.append(f"{g.version} group {g.name}")
                fix.append(f"undo snmp-agent group {g.version} {g.name}")
            elif g.security_level != "privacy":
                problems.append(f"v3 group {g.name} is {g.security_level}, not privacy / 未加密")
                fix += [f"undo snmp-agent group v3 {g.name} {g.security_level}" if g.security_level != "noauth"
                        else f"undo snmp-agent group v3 {g.name}",
                        f"snmp-agent group v3 {g.name} privacy read-view <view> write-view <view> notify-view <view>"]
        for u in sn.usm_users.values():
            ev += u.evidence[:2]
            if u.priv_mode is None and (u.group or "") not in privacy_groups:
                problems.append(f"usm-user {u.name} has no privacy key and is not in a privacy group")
                if cw:
                    fix.append(f"snmp-agent usm-user v3 {u.name} {u.group or '<group>'} simple authentication-mode "
                               "sha <auth-key> privacy-mode aes128 <priv-key>")
                else:
                    fix.append(f"snmp-agent usm-user v3 {u.name} privacy-mode aes128 cipher <priv-key>")
        if problems:
            return failed("; ".join(problems), ev, list(dict.fromkeys(fix)))
        ev = ev or lines[:3]
        users = ", ".join(sn.usm_users) or "none shown"
        return passed(f"SNMPv3 only with privacy (groups: {', '.join(sorted(privacy_groups)) or 'none'}; "
                      f"users: {users}) / 仅 SNMPv3 加密", ev)
