"""Report strings in Chinese (default) and English, and display names of checks, zones and tiers."""

from __future__ import annotations

LANGS = ("zh", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    "title": ("电子政务外网网络设备安全审计报告", "E-government extranet network device audit report"),
    "generated": ("生成时间", "Generated"),
    "snapshot": ("快照", "Snapshot"),
    "project": ("项目", "Project"),
    "devices": ("设备", "Devices"),
    "device": ("设备", "Device"),
    "findings": ("检查结果", "Findings"),
    "overview": ("概览", "Overview"),
    "summary": ("汇总", "Summary"),
    "score": ("得分", "Score"),
    "by_zone": ("按区域", "By zone"),
    "by_tier": ("按层级", "By tier"),
    "by_clause": ("按等保条款", "By MLPS clause"),
    "by_severity": ("按严重级别", "By severity"),
    "zone": ("区域", "Zone"),
    "tier": ("层级", "Tier"),
    "site": ("站点", "Site"),
    "clause": ("条款", "Clause"),
    "layer": ("层面", "Layer"),
    "control_point": ("控制点", "Control point"),
    "item": ("测评项", "Requirement"),
    "unit": ("编号", "Test unit"),
    "result": ("符合情况", "Result"),
    "record": ("结果记录", "Record"),
    "points": ("分值", "Points"),
    "ext_standard": ("扩展标准", "Standard"),
    "check": ("检查项", "Check"),
    "status": ("状态", "Status"),
    "severity": ("严重级别", "Severity"),
    "message": ("说明", "Message"),
    "evidence": ("证据", "Evidence"),
    "remediation": ("整改命令", "Remediation"),
    "controls": ("等保条款", "Controls"),
    "topology": ("网络拓扑", "Topology"),
    "ipv6": ("IPv6 就绪度", "IPv6 readiness"),
    "per_device": ("设备明细", "Per device"),
    "failed_findings": ("未通过的检查", "Failed findings"),
    "all": ("全部", "All"),
    "not_passed": ("未通过及异常（默认）", "Not passed (default)"),
    "visible": ("显示", "Showing"),
    "rows": ("条", "rows"),
    "mgmt_ip": ("管理地址", "Management IP"),
    "model": ("型号", "Model"),
    "software_version": ("软件版本", "Software version"),
    "pass_devices": ("符合的设备", "Devices passing"),
    "fail_devices": ("不符合的设备", "Devices failing"),
    "other_devices": ("其他", "Other"),
    "legend": ("图例", "Legend"),
    "legend_spof": ("单点故障（单归属）", "Single point of failure (single-homed)"),
    "legend_under": ("带宽不足的链路", "Under-provisioned link"),
    "legend_css": ("仅连接一台机框的聚合链路", "Trunk on one chassis only"),
    "legend_cluster": ("集群（CSS/堆叠），框内为成员机框", "Cluster (CSS/stack), members inside"),
    "no_topology": ("无拓扑数据（未提供清单）", "No topology data (no inventory given)"),
    "verified": ("经现场核查：", "On-site verification: "),
    "manual_note": ("设备检查无法单独判定，需人工核查。", "Device checks cannot decide this alone; review manually."),
    "no_check": ("无检查项覆盖，需人工核查。", "No check covers this item; review manually."),
    "na_note": ("不适用于该设备。", "Not applicable to this device."),
    "compare_title": ("审计结果对比", "Audit comparison"),
    "new": ("新增问题", "New failures"),
    "fixed": ("已修复", "Fixed"),
    "unchanged": ("未变化", "Unchanged failures"),
    "synthetic": ("", ""),
    "none": ("无", "none"),
    "fit": ("适应宽度 / 原始大小", "Fit width / actual size"),
}

STATUS_NAMES: dict[str, tuple[str, str]] = {
    "pass": ("通过", "pass"), "fail": ("未通过", "fail"), "error": ("错误", "error"),
    "skipped": ("跳过", "skipped"), "waived": ("豁免", "waived"),
}
SEVERITY_NAMES: dict[str, tuple[str, str]] = {
    "critical": ("严重", "critical"), "high": ("高", "high"), "medium": ("中", "medium"),
    "low": ("低", "low"), "info": ("提示", "info"),
}
#: 符合情况 values (the Chinese is what evaluators write; English for lang="en")
VERDICT_NAMES: dict[str, str] = {
    "符合": "Compliant", "部分符合": "Partly compliant", "不符合": "Non-compliant",
    "不适用": "Not applicable", "人工核查": "Manual review",
}
ZONE_NAMES: dict[str, tuple[str, str]] = {
    "core": ("核心交换区", "Core"), "cloud": ("云平台接入区", "Cloud access"),
    "aggregation": ("市直单位汇聚区", "City units aggregation"), "access": ("接入层", "Access"),
    "county": ("区县纵向网络互联区", "County interconnect"), "extranet": ("外联区", "Extranet"),
    "finance": ("金融机构互联区", "Finance interconnect"), "egress": ("互联网出口", "Internet egress"),
}
TIER_NAMES: dict[str, tuple[str, str]] = {
    "city": ("市", "City"), "county": ("县/区", "County"), "town": ("镇/街", "Town"),
    "village": ("村/居", "Village"),
}
CHECK_TITLES: dict[str, tuple[str, str]] = {
    "aaa-remote-auth": ("登录使用远程 AAA 认证", "Logins authenticated by remote AAA"),
    "aaa-authorization": ("命令授权", "Command authorization"),
    "aaa-accounting": ("命令审计（计费）", "Command accounting"),
    "aaa-servers-redundant": ("AAA 服务器冗余", "Redundant AAA servers"),
    "aaa-login-mode": ("所有登录通道启用 AAA", "AAA on every login path"),
    "mgmt-ssh-only": ("仅允许 SSH 远程管理", "SSH-only remote management"),
    "mgmt-ssh-ciphers": ("SSH 禁用弱算法", "No weak SSH ciphers"),
    "mgmt-vty-acl": ("VTY 管理源地址限制", "VTY source ACL"),
    "mgmt-idle-timeout": ("登录超时退出", "Idle timeout"),
    "mgmt-login-lockout": ("登录失败锁定", "Login-failure lockout"),
    "mgmt-password-storage": ("口令不可逆加密存储", "Irreversible password storage"),
    "mgmt-password-policy": ("口令复杂度与定期更换", "Password complexity and expiry"),
    "mgmt-default-account": ("默认账户处理", "Default accounts"),
    "mgmt-privilege-separation": ("最小权限与三权分立", "Least privilege and separation of duties"),
    "log-loghost": ("日志外发至日志服务器", "Logs sent to log hosts"),
    "log-timestamp": ("日志时间戳", "Log timestamps"),
    "log-ntp": ("NTP 时钟同步", "NTP time sync"),
    "snmp-v3-only": ("仅使用 SNMPv3", "SNMPv3 only"),
    "log-config-backup": ("配置自动备份", "Configuration backup"),
    "ipv6-enabled": ("启用 IPv6", "IPv6 enabled"),
    "ipv6-dual-stack": ("IPv6 双栈接口", "Dual-stack interfaces"),
    "ipv6-routing": ("IPv6 路由", "IPv6 routing"),
    "ipv6-mgmt-acl": ("IPv6 管理访问控制", "IPv6 management ACL"),
    "ipv6-access-guard": ("IPv6 接入安全", "IPv6 access security"),
    "access-dhcp-snooping": ("DHCP Snooping", "DHCP snooping"),
    "access-ip-mac-binding": ("IP-MAC 绑定", "IP–MAC binding"),
    "access-nac": ("终端准入控制", "Endpoint admission"),
    "access-unused-ports": ("关闭未使用端口", "Unused ports shut"),
    "fw-default-deny": ("默认拒绝策略", "Default deny"),
    "fw-no-any-any": ("无 any-any 放通规则", "No any-to-any permit"),
    "fw-rule-logging": ("安全策略日志", "Rule logging"),
    "fw-zone-interfaces": ("接口划入安全区域", "Interfaces in security zones"),
    "fw-threat-profiles": ("IPS/AV 防护配置", "IPS/AV profiles"),
    "fw-hrp": ("防火墙双机热备 HRP", "Firewall HRP"),
    "fw-egress-capabilities": ("出口边界防护能力", "Egress security capabilities"),
    "topo-core-dual": ("核心双机", "Dual core"),
    "topo-dual-homing": ("双归属上联", "Dual-homed uplinks"),
    "topo-spof": ("单点故障", "Single points of failure"),
    "topo-css-trunk": ("聚合链路跨机框", "Trunks across chassis"),
    "topo-bandwidth": ("链路带宽满足规划", "Link bandwidth per plan"),
    "topo-zone-boundary": ("区域仅在核心交汇", "Zones meet only at the core"),
    "topo-lldp-consistency": ("LLDP 与清单一致", "LLDP matches inventory"),
    "topo-vrrp": ("网关冗余 VRRP", "Gateway redundancy (VRRP)"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def t(key: str, lang: str = "zh") -> str:
    """The report string ``key`` in ``lang`` (zh or en); the key itself when unknown."""
    pair = _STRINGS.get(key)
    return _pick(pair, lang) if pair else key


def status_name(status: str, lang: str = "zh") -> str:
    return _pick(STATUS_NAMES[status], lang) if status in STATUS_NAMES else status


def severity_name(sev: str, lang: str = "zh") -> str:
    return _pick(SEVERITY_NAMES[sev], lang) if sev in SEVERITY_NAMES else sev


def verdict_name(verdict: str, lang: str = "zh") -> str:
    """符合情况 in the report language (the Chinese value is the canonical one)."""
    return VERDICT_NAMES.get(verdict, verdict) if lang == "en" else verdict


def zone_name(zone: str, lang: str = "zh") -> str:
    return _pick(ZONE_NAMES[zone], lang) if zone in ZONE_NAMES else (zone or "-")


def tier_name(tier: str, lang: str = "zh") -> str:
    return _pick(TIER_NAMES[tier], lang) if tier in TIER_NAMES else (tier or "-")


def check_title(check: str, lang: str = "zh", finding_title_zh: str = "", finding_title_en: str = "") -> str:
    """A check's display title: the finding's own title when it has one, else the built-in one."""
    own = finding_title_en if lang == "en" else finding_title_zh
    if own:
        return own
    pair = CHECK_TITLES.get(check)
    return _pick(pair, lang) if pair else check
