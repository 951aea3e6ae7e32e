"""Firewall and Internet-egress checks (边界防护、访问控制、入侵防范、恶意代码防范、安全审计).

Huawei USG (USG6000/USG6000E) syntax: ``security-policy`` with ``rule name X`` blocks
(``source-zone``, ``destination-zone``, ``source-address``, ``destination-address``, ``service``,
``profile av|ips|url-filter|data-filter …``, ``action permit|deny``, ``policy logging``,
``session logging``), ``firewall zone X`` → ``add interface``, and ``hrp`` for the HA pair.

The plan asks the egress to carry firewall, access control, intrusion detection, anti-virus and
content audit (防火墙、访问控制、入侵检测、病毒防护和内容审计); ``fw-egress-capabilities`` says
which of these the egress devices show in their configuration or declare in the inventory.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from netaudit.checks.access import context_evidence, names
from netaudit.checks.base import (
    Check,
    DeviceContext,
    Outcome,
    failed,
    not_applicable,
    passed,
    register,
    skipped,
)
from netaudit.model.device import Evidence, Firewall, SecurityRule
from netaudit.results import Evidence as FindingEvidence

USG = ("huawei_usg",)


def rule_ev(r: SecurityRule, limit: int = 12) -> list[Evidence]:
    """The ``rule name`` line and the rule's lines in file order.

    (The model files some lines under field names such as ``source-address`` and others under
    ``source_zones``; collecting every field keeps the evidence complete either way.)"""
    out = list(r.evidence[:1])
    rest = sorted({(e.line, e.text): e for evs in r.field_evidence.values() for e in evs}.values(),
                  key=lambda e: e.line)
    return (out + rest)[:limit]


def _fw(dev: DeviceContext) -> Firewall | None:
    fw = dev.model.firewall
    return fw if fw is not None and fw.security_policy_present else None


def _no_policy(dev: DeviceContext) -> Outcome:
    fw = dev.model.firewall
    if fw is not None and fw.legacy_interzone_policies:
        return skipped("legacy `policy interzone` configuration (USG2000/5000): not covered by this check "
                       "/ 旧版域间策略，需人工核查")
    return skipped("no `security-policy` section in the configuration / 无安全策略配置")


def permit_rules(fw: Firewall) -> list[SecurityRule]:
    return [r for r in fw.rules if r.enabled and (r.action or "").split()[:1] == ["permit"]]


def _is_any(values: list[str]) -> bool:
    return not values or any(v.split()[:1] == ["any"] for v in values)


# --- default deny -----------------------------------------------------------------------------------
class DefaultDenyParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    absent_means_deny: bool = Field(
        False, description="treat a missing `default action` line as the platform default deny "
                           "(USG6000 default, UNVERIFIED per release); otherwise the check is skipped")


@register
class DefaultDeny(Check):
    id = "fw-default-deny"
    title_zh = "安全策略缺省动作为拒绝"
    title_en = "The security policy's default action is deny"
    severity = "critical"
    controls = ("8.1.3.2a",)
    platforms = USG
    Params = DefaultDenyParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        fw = _fw(dev)
        if fw is None:
            return _no_policy(dev)
        action = fw.default_action
        if action == "deny":
            return passed("`default action deny` / 缺省拒绝", fw.ev("default_action"))
        if action is not None:
            return failed(f"`default action {action}`: traffic no rule matches is let through / 缺省动作非拒绝",
                          fw.ev("default_action"), ["security-policy\n default action deny"])
        # UNVERIFIED: USG6000 does not print the default action while it is deny; a saved config
        # alone cannot prove it, so by default say so instead of passing.
        if params.absent_means_deny:
            return passed("no `default action` line: platform default (deny), UNVERIFIED per release "
                          "/ 未显式配置，按平台缺省拒绝", fw.evidence[:1])
        return skipped("no `default action` line in `security-policy`: the USG default (deny) is not "
                       "printed; confirm with `display security-policy rule name default` "
                       "/ 缺省动作未显示，需人工核查")


# --- any-any ---------------------------------------------------------------------------------------
@register
class NoAnyAny(Check):
    id = "fw-no-any-any"
    title_zh = "无源、目的、服务均为任意的放行规则"
    title_en = "No permit rule with any source, any destination and any service"
    severity = "critical"
    controls = ("8.1.3.2b", "8.1.3.2c")
    platforms = USG

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        fw = _fw(dev)
        if fw is None:
            return _no_policy(dev)
        permits = permit_rules(fw)
        bad = [r for r in permits if _is_any(r.source_addresses) and _is_any(r.destination_addresses)
               and _is_any(r.services) and not r.applications]
        if bad:
            ev = [e for r in bad[:5] for e in rule_ev(r)]
            zoned = ["zones " + "/".join(r.source_zones or ["any"]) + "→" + "/".join(r.destination_zones or ["any"])
                     for r in bad]
            return failed(f"{len(bad)} permit rule(s) with any source, destination and service: "
                          + ", ".join(f"{r.name} ({z})" for r, z in zip(bad, zoned, strict=True))
                          + " / 存在任意放行规则", ev,
                          [f"security-policy\n rule name {r.name}\n  source-address <net> <len>\n"
                           f"  destination-address <net> <len>\n  service <service>" for r in bad[:5]],
                          data={"rules": [r.name for r in bad]})
        if not permits:
            return passed("no enabled permit rule in `security-policy` / 无放行规则", fw.evidence[:1])
        return passed(f"all {len(permits)} permit rule(s) restrict source, destination or service: "
                      f"{names(r.name for r in permits)} / 无任意放行规则",
                      [e for r in permits[:5] for e in rule_ev(r, 6)])


# --- logging ------------------------------------------------------------------------------------------
class LoggingParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    require: Literal["either", "policy", "session", "both"] = Field(
        "either", description="which logging a permit rule needs: policy logging, session logging, "
                              "either of them or both")


@register
class RuleLogging(Check):
    id = "fw-rule-logging"
    title_zh = "放行规则开启策略日志或会话日志"
    title_en = "Every permit rule logs (policy logging / session logging)"
    severity = "medium"
    controls = ("8.1.3.5a", "8.1.3.5b")
    platforms = USG
    Params = LoggingParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        fw = _fw(dev)
        if fw is None:
            return _no_policy(dev)
        permits = permit_rules(fw)
        if not permits:
            return not_applicable("no enabled permit rule: nothing to log / 无放行规则")
        req = params.require

        def ok(r: SecurityRule) -> bool:
            return {"either": r.policy_logging or r.session_logging, "policy": r.policy_logging,
                    "session": r.session_logging, "both": r.policy_logging and r.session_logging}[req]

        bad = [r for r in permits if not ok(r)]
        if bad:
            lines = {"either": ["policy logging", "session logging"], "policy": ["policy logging"],
                     "session": ["session logging"], "both": ["policy logging", "session logging"]}[req]
            return failed(f"{len(bad)} of {len(permits)} permit rule(s) without {req} logging: "
                          f"{names(r.name for r in bad)} / 放行规则未记录日志",
                          [e for r in bad[:5] for e in rule_ev(r)],
                          [f"security-policy\n rule name {r.name}\n  " + "\n  ".join(lines) for r in bad[:5]],
                          data={"rules": [r.name for r in bad]})
        ev = [e for r in permits[:5] for e in r.evidence[:1] + r.ev("policy_logging")[:1] + r.ev("session_logging")[:1]]
        return passed(f"all {len(permits)} permit rule(s) log ({req}) / 放行规则均记录日志",
                      list({(e.line, e.text): e for e in ev}.values()))


# --- zones ---------------------------------------------------------------------------------------------
class ZoneParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exclude_interfaces: list[str] = Field(
        default_factory=lambda: ["NULL", "LoopBack", "InLoopBack", "Virtual-if"],
        description="regexes (matched at the start of the name) of interfaces that need no zone")


@register
class ZoneInterfaces(Check):
    id = "fw-zone-interfaces"
    title_zh = "所有三层接口均加入安全区域"
    title_en = "Every interface with an IP address is in a security zone"
    severity = "high"
    controls = ("8.1.3.1a", "8.1.3.2a")
    platforms = USG
    Params = ZoneParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        fw = m.firewall
        if fw is None or not fw.zones:
            return skipped("no `firewall zone` in the configuration / 无安全区域配置")
        excl = [re.compile(p) for p in params.exclude_interfaces]
        member: dict[str, str] = {}
        for z in fw.zones.values():
            for i in z.interfaces:
                member[i.lower()] = z.name
        scope = [i for i in m.interfaces.values() if (i.ipv4 or i.ipv6) and i.evidence
                 and not any(p.match(i.name) for p in excl)]
        if not scope:
            return not_applicable("no interface with an IP address / 无三层接口")
        # The HRP heartbeat interface needs a zone too on USG.
        out = [i for i in scope if i.name.lower() not in member]
        if out:
            return failed(f"{len(out)} interface(s) with an IP address in no zone: {names(i.name for i in out)} "
                          "/ 接口未加入安全区域",
                          [e for i in out[:8] for e in i.evidence[:1] + i.ev("ipv4")[:1]],
                          [f"firewall zone <trust|untrust|dmz>\n add interface {i.name}" for i in out[:8]],
                          data={"interfaces": [i.name for i in out]})
        ev = [e for z in fw.zones.values() for e in z.ev("interfaces")][:10]
        return passed(f"all {len(scope)} interface(s) with an IP address are in a zone: "
                      + ", ".join(f"{i.name}→{member[i.name.lower()]}" for i in scope[:6])
                      + (" …" if len(scope) > 6 else "") + " / 接口均已加入安全区域", ev)


# --- threat profiles ----------------------------------------------------------------------------------
class ThreatParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    untrust_zones: list[str] = Field(default_factory=lambda: ["untrust"],
                                     description="zones that face the Internet or other untrusted networks")
    zoneless_rules: bool = Field(True, description="count rules with no source or no destination zone as "
                                                   "untrust-facing (they match every zone)")
    profiles: list[str] = Field(default_factory=lambda: ["ips", "av"],
                                description="profile types each untrust-facing permit rule must reference")


@register
class ThreatProfiles(Check):
    id = "fw-threat-profiles"
    title_zh = "面向非信任区域的放行规则引用 IPS 与 AV 配置文件"
    title_en = "Permit rules to or from untrust carry IPS and AV profiles"
    severity = "high"
    controls = ("8.1.3.3a", "8.1.3.4a")
    platforms = USG
    Params = ThreatParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        fw = _fw(dev)
        if fw is None:
            return _no_policy(dev)
        untrust = {z.lower() for z in params.untrust_zones}

        def facing(r: SecurityRule) -> str | None:
            zs = {z.lower() for z in r.source_zones + r.destination_zones}
            if zs & untrust:
                return "untrust"
            if params.zoneless_rules and (not r.source_zones or not r.destination_zones):
                return "no zone: matches untrust too"
            return None

        rules = [(r, why) for r in permit_rules(fw) if (why := facing(r)) is not None]
        if not rules:
            return not_applicable("no enabled permit rule to or from an untrust zone / 无面向非信任区域的放行规则")
        bad = [(r, why, [p for p in params.profiles if p not in r.profiles]) for r, why in rules]
        bad = [b for b in bad if b[2]]
        if bad:
            return failed(f"{len(bad)} of {len(rules)} untrust-facing permit rule(s) lack profiles: "
                          + "; ".join(f"{r.name} ({why}) without {', '.join(miss)}" for r, why, miss in bad[:5])
                          + " / 未引用入侵防御或防病毒配置文件",
                          [e for r, _, _ in bad[:5] for e in rule_ev(r)],
                          [f"security-policy\n rule name {r.name}\n  "
                           + "\n  ".join(f"profile {p} default" for p in miss) for r, _, miss in bad[:5]],
                          data={"rules": [r.name for r, _, _ in bad]})
        return passed(f"all {len(rules)} untrust-facing permit rule(s) reference {', '.join(params.profiles)} "
                      "/ 已引用入侵防御与防病毒", [e for r, _ in rules[:5] for e in r.evidence[:1] + r.ev("profiles")])


# --- HRP ---------------------------------------------------------------------------------------------
class HrpParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    require_peer: bool = Field(True, description="require the heartbeat peer address (`hrp interface X remote IP`) "
                                                 "or the inventory `vars.hrp_peer`")


@register
class Hrp(Check):
    id = "fw-hrp"
    title_zh = "防火墙双机热备（HRP）"
    title_en = "The firewall is one of an HRP pair"
    severity = "high"
    controls = ("8.1.2.1e", "8.1.4.9c")
    platforms = USG
    Params = HrpParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        fw = dev.model.firewall
        peer_decl = (dev.host.vars or {}).get("hrp_peer")
        h = fw.hrp if fw is not None else None
        if h is None or not h.enabled:
            ev = h.ev("interface") if h is not None and h.interface else context_evidence(dev)
            return failed("`hrp enable` is not configured: a single firewall / 未配置双机热备", ev,
                          ["hrp interface <heartbeat interface> remote <peer heartbeat IP>", "hrp enable"])
        ev = h.ev("enabled") + (h.ev("interface") if h.interface else [])
        if h.interface is None:
            return failed("`hrp enable` without `hrp interface` (no heartbeat link) / 未配置心跳接口", ev,
                          ["hrp interface <heartbeat interface> remote <peer heartbeat IP>"])
        if params.require_peer and not h.remote and not peer_decl:
            return failed(f"heartbeat {h.interface} names no peer (`remote`) and the inventory declares no "
                          "vars.hrp_peer / 未指定对端", ev,
                          [f"hrp interface {h.interface} remote <peer heartbeat IP>"])
        peer = h.remote or ""
        if peer_decl:
            peer = f"{peer} (inventory peer {peer_decl})".strip()
        return passed(f"HRP enabled, heartbeat {h.interface} to {peer or 'an unnamed peer'}; configuration only — "
                      "`display hrp state` not recorded, the live state is not verified / 已配置双机热备", ev)


# --- egress capabilities --------------------------------------------------------------------------------
Capability = Literal["firewall", "ips", "av", "content-audit"]
CAPABILITIES: tuple[Capability, ...] = ("firewall", "ips", "av", "content-audit")
_CAP_ZH = {"firewall": "防火墙", "ips": "入侵检测", "av": "病毒防护", "content-audit": "内容审计"}
#: profile types (``profile <type> <name>`` in a rule) that give content audit
_AUDIT_PROFILES = ("url-filter", "data-filter", "file-block", "file-blocking", "content-filter", "mail-filter",
                   "audit")


class EgressParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    required: list[Capability] = Field(
        default_factory=lambda: list(CAPABILITIES),
        description="capabilities the egress needs (the plan: firewall, intrusion detection, anti-virus, "
                    "content audit)")


@register
class EgressCapabilities(Check):
    id = "fw-egress-capabilities"
    title_zh = "互联网出口具备防火墙、入侵检测、病毒防护和内容审计能力"
    title_en = "The Internet egress has firewall, IPS, anti-virus and content-audit capability"
    severity = "high"
    controls = ("8.1.3.2a", "8.1.3.3a", "8.1.3.4a", "8.1.3.5a")
    zones = ("egress",)
    Params = EgressParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        tree = dev.tree
        have: dict[str, list[Any]] = {}
        notes: list[str] = []
        fw = m.firewall
        if fw is not None and fw.security_policy_present and fw.rules:
            have["firewall"] = fw.evidence[:1] + [e for r in fw.rules[:2] for e in r.evidence[:1]]
        elif fw is not None and fw.legacy_interzone_policies:
            n = tree.find(r"policy interzone ")
            have["firewall"] = [(dev.line(n), n.text)] if n is not None else []
        permits = permit_rules(fw) if fw is not None else []
        for cap, types in (("ips", ("ips",)), ("av", ("av",)), ("content-audit", _AUDIT_PROFILES)):
            bound = [r for r in permits if any(t in r.profiles for t in types)]
            if bound:
                have[cap] = [e for r in bound[:3] for e in r.ev("profiles")[:2]]
                continue
            defined = [n for n in tree.find_all(r"profile type ") if n.text.split()[2:3] and
                       n.text.split()[2] in types]
            if defined:
                notes.append(f"{cap} profile defined but bound to no permit rule ({defined[0].text})")
        audit = tree.find(r"audit-policy$")
        if "content-audit" not in have and audit is not None and audit.children:
            have["content-audit"] = [(dev.line(audit), audit.text)] + [(dev.line(c), c.text) for c in audit.children[:2]]
        declared = [str(c) for c in ((dev.host.vars or {}).get("capabilities") or [])]
        extra: list[FindingEvidence] = []
        decl_only = [c for c in declared if c in CAPABILITIES and c not in have]
        if declared:
            extra.append(FindingEvidence(file="inventory", line=None,
                                         text=f"{dev.host.hostname} vars.capabilities: [{', '.join(declared)}]"))
        present = set(have) | set(decl_only)
        missing = [c for c in params.required if c not in present]
        found = ", ".join(sorted(have)) or "none"
        detail = f"from config: {found}" + (f"; declared in inventory: {', '.join(decl_only)}" if decl_only else "")
        ev = [e for c in CAPABILITIES for e in have.get(c, [])]
        data = {"config": sorted(have), "declared": decl_only, "missing": missing}
        if missing:
            fix = {"firewall": "security-policy\n default action deny\n rule name <name> …  (or a firewall in the egress)",
                   "ips": "security-policy\n rule name <untrust rule>\n  profile ips default",
                   "av": "security-policy\n rule name <untrust rule>\n  profile av default",
                   "content-audit": "profile type url-filter name <p> / profile type data-filter name <p>, referenced "
                                    "from the untrust rules (or declare the audit system in vars.capabilities)"}
            note = f" ({'; '.join(notes)})" if notes else ""
            return failed(f"egress lacks {', '.join(missing)} ({'、'.join(_CAP_ZH[c] for c in missing)}); {detail}"
                          f"{note} / 出口安全能力不全", ev or context_evidence(dev), [fix[c] for c in missing],
                          extra_evidence=extra, data=data)
        return passed(f"egress has {', '.join(params.required)}; {detail} / 出口安全能力齐全",
                      ev or context_evidence(dev), extra_evidence=extra, data=data)
