"""The GB/T 22239-2019 (MLPS 2.0) level-3 items a network-device audit touches, as data.

Each :class:`Control` is one item (clause plus letter, e.g. ``8.1.4.1c``) with its layer
(安全通信网络 / 安全区域边界 / 安全计算环境 / 安全管理中心), control point (控制点), a short
paraphrase of the requirement in Chinese and English, the evaluators' test-unit id
(``L3-CES1-03``) and how far a device check can decide it:

* ``yes``     a check on device outputs can decide the item;
* ``partly``  device evidence helps but cannot prove compliance alone (a pass is "manual review");
* ``no``      only documents or interviews can decide it (always 人工核查 unless a check fails).

The paraphrases are this project's own wording, not the text of the standard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Layer = Literal["安全通信网络", "安全区域边界", "安全计算环境", "安全管理中心"]
Checkable = Literal["yes", "partly", "no"]

LAYERS: tuple[Layer, ...] = ("安全通信网络", "安全区域边界", "安全计算环境", "安全管理中心")
LAYER_NAMES_EN: dict[str, str] = {
    "安全通信网络": "Secure communication network",
    "安全区域边界": "Secure area boundary",
    "安全计算环境": "Secure computing environment",
    "安全管理中心": "Security management center",
}
#: the 扩展标准 column of evaluators' workbooks: every item here is a general requirement
GENERAL_REQUIREMENTS = "安全通用要求"


@dataclass(frozen=True)
class Control:
    """One level-3 item."""

    id: str
    layer: Layer
    point: str  # 控制点
    point_en: str
    text_zh: str  # 测评项 (paraphrase)
    text_en: str
    unit: str  # test-unit id, L3-CES1-03
    checkable: Checkable

    @property
    def clause(self) -> str:
        """The clause without its item letter: ``8.1.4.1c`` → ``8.1.4.1``."""
        return self.id.rstrip("abcdefg")

    @property
    def device_decidable(self) -> bool:
        """True when a device check alone can prove the item (a pass may become 符合)."""
        return self.checkable == "yes"

    def text(self, lang: str = "zh") -> str:
        return self.text_en if lang == "en" else self.text_zh

    def point_name(self, lang: str = "zh") -> str:
        return self.point_en if lang == "en" else self.point


_CNS, _ABS, _CES, _SMC = LAYERS

# (id, layer, point, point_en, zh, en, unit, checkable)
_ROWS: tuple[tuple[str, Layer, str, str, str, str, str, Checkable], ...] = (
    # 8.1.2 安全通信网络
    ("8.1.2.1a", _CNS, "网络架构", "Network architecture",
     "网络设备的业务处理能力满足业务高峰期需要", "Device processing capacity covers peak load",
     "L3-CNS1-01", "partly"),
    ("8.1.2.1b", _CNS, "网络架构", "Network architecture",
     "网络各部分的带宽满足业务高峰期需要", "Bandwidth of every network part covers peak load",
     "L3-CNS1-02", "partly"),
    ("8.1.2.1c", _CNS, "网络架构", "Network architecture",
     "按重要程度划分网络区域并为各区域分配地址", "Network split into zones by importance, addresses assigned per zone",
     "L3-CNS1-03", "yes"),
    ("8.1.2.1d", _CNS, "网络架构", "Network architecture",
     "重要区域不部署在网络边界，与其他区域间有可靠的隔离手段",
     "Important zones are not at the edge and are reliably isolated from other zones",
     "L3-CNS1-04", "yes"),
    ("8.1.2.1e", _CNS, "网络架构", "Network architecture",
     "通信线路、关键网络设备和关键计算设备硬件冗余，保证系统可用性",
     "Redundant lines, key network devices and key computing hardware",
     "L3-CNS1-05", "yes"),
    ("8.1.2.2a", _CNS, "通信传输", "Communication transmission",
     "采用校验或密码技术保证通信过程中数据的完整性", "Integrity of data in transit by checksums or cryptography",
     "L3-CNS1-06", "yes"),
    ("8.1.2.2b", _CNS, "通信传输", "Communication transmission",
     "采用密码技术保证通信过程中数据的保密性", "Confidentiality of data in transit by cryptography",
     "L3-CNS1-07", "yes"),
    ("8.1.2.3", _CNS, "可信验证", "Trusted verification",
     "基于可信根对通信设备的引导程序、系统程序等进行可信验证并在受损时告警",
     "Trusted verification of boot and system programs from a root of trust, with alarms",
     "L3-CNS1-08", "no"),
    # 8.1.3 安全区域边界
    ("8.1.3.1a", _ABS, "边界防护", "Boundary protection",
     "跨越边界的访问和数据流通过边界设备提供的受控接口进行通信",
     "Cross-boundary traffic only through controlled ports of boundary devices",
     "L3-ABS1-01", "yes"),
    ("8.1.3.1b", _ABS, "边界防护", "Boundary protection",
     "能够对非授权设备私自联到内部网络的行为进行检查或限制",
     "Detect or restrict unauthorised devices connecting to the internal network",
     "L3-ABS1-02", "yes"),
    ("8.1.3.1c", _ABS, "边界防护", "Boundary protection",
     "能够对内部用户非授权联到外部网络的行为进行检查或限制",
     "Detect or restrict unauthorised outbound connections by internal users",
     "L3-ABS1-03", "partly"),
    ("8.1.3.1d", _ABS, "边界防护", "Boundary protection",
     "限制无线网络的使用，无线网络通过受控的边界设备接入内部网络",
     "Wireless networks reach the internal network only through controlled boundary devices",
     "L3-ABS1-04", "partly"),
    ("8.1.3.2a", _ABS, "访问控制", "Access control",
     "在网络边界或区域之间设置访问控制规则，默认情况下除允许通信外拒绝所有通信",
     "Access rules at boundaries and between zones; deny everything not explicitly allowed",
     "L3-ABS1-05", "yes"),
    ("8.1.3.2b", _ABS, "访问控制", "Access control",
     "删除多余或无效的访问控制规则，优化列表并使规则数量最小化",
     "Remove redundant or ineffective rules; keep the rule set minimal",
     "L3-ABS1-06", "yes"),
    ("8.1.3.2c", _ABS, "访问控制", "Access control",
     "对源地址、目的地址、源端口、目的端口和协议等进行检查以允许或拒绝数据包",
     "Rules check source/destination address, ports and protocol",
     "L3-ABS1-07", "yes"),
    ("8.1.3.2d", _ABS, "访问控制", "Access control",
     "根据会话状态信息为进出数据流提供明确的允许或拒绝访问",
     "Allow or deny flows explicitly based on session state",
     "L3-ABS1-08", "yes"),
    ("8.1.3.2e", _ABS, "访问控制", "Access control",
     "对进出网络的数据流实现基于应用协议和应用内容的访问控制",
     "Access control on application protocol and content",
     "L3-ABS1-09", "yes"),
    ("8.1.3.3a", _ABS, "入侵防范", "Intrusion prevention",
     "在关键网络节点处检测、防止或限制从外部发起的网络攻击行为",
     "Detect, prevent or limit attacks from outside at key nodes",
     "L3-ABS1-10", "yes"),
    ("8.1.3.3b", _ABS, "入侵防范", "Intrusion prevention",
     "在关键网络节点处检测、防止或限制从内部发起的网络攻击行为",
     "Detect, prevent or limit attacks from inside at key nodes",
     "L3-ABS1-11", "yes"),
    ("8.1.3.3c", _ABS, "入侵防范", "Intrusion prevention",
     "采取技术措施对网络行为进行分析，实现对新型网络攻击行为的分析",
     "Analyse network behaviour to detect new kinds of attack",
     "L3-ABS1-12", "partly"),
    ("8.1.3.3d", _ABS, "入侵防范", "Intrusion prevention",
     "检测到攻击时记录攻击源IP、类型、目标和时间，严重入侵时告警",
     "Log source, type, target and time of attacks; alarm on serious intrusions",
     "L3-ABS1-13", "yes"),
    ("8.1.3.4a", _ABS, "恶意代码和垃圾邮件防范", "Malware and spam protection",
     "在关键网络节点处对恶意代码进行检测和清除，并维护特征库升级和更新",
     "Detect and remove malware at key nodes; keep signatures updated",
     "L3-ABS1-14", "yes"),
    ("8.1.3.4b", _ABS, "恶意代码和垃圾邮件防范", "Malware and spam protection",
     "在关键网络节点处对垃圾邮件进行检测和防护，并维护防护机制的升级和更新",
     "Detect and block spam at key nodes; keep the mechanism updated",
     "L3-ABS1-15", "partly"),
    ("8.1.3.5a", _ABS, "安全审计", "Security audit",
     "在网络边界、重要节点进行安全审计，覆盖每个用户，审计重要行为和安全事件",
     "Audit at boundaries and key nodes covering every user, important actions and security events",
     "L3-ABS1-16", "yes"),
    ("8.1.3.5b", _ABS, "安全审计", "Security audit",
     "审计记录包括事件日期和时间、用户、事件类型、是否成功等信息",
     "Audit records carry date and time, user, event type and outcome",
     "L3-ABS1-17", "yes"),
    ("8.1.3.5c", _ABS, "安全审计", "Security audit",
     "对审计记录进行保护和定期备份，避免非预期的删除、修改或覆盖",
     "Audit records protected and backed up regularly",
     "L3-ABS1-18", "yes"),
    ("8.1.3.5d", _ABS, "安全审计", "Security audit",
     "能对远程访问的用户行为、访问互联网的用户行为等单独进行行为审计和数据分析",
     "Separate audit and analysis of remote-access and Internet-access users",
     "L3-ABS1-19", "partly"),
    # 8.1.4 安全计算环境
    ("8.1.4.1a", _CES, "身份鉴别", "Identification and authentication",
     "对登录用户进行身份标识和鉴别，身份标识唯一，口令有复杂度要求并定期更换",
     "Users identified and authenticated; unique ids, complex passwords changed periodically",
     "L3-CES1-01", "yes"),
    ("8.1.4.1b", _CES, "身份鉴别", "Identification and authentication",
     "具有登录失败处理功能，配置结束会话、限制非法登录次数和登录连接超时自动退出",
     "Login-failure handling: end session, limit failed attempts, idle timeout",
     "L3-CES1-02", "yes"),
    ("8.1.4.1c", _CES, "身份鉴别", "Identification and authentication",
     "进行远程管理时，采取必要措施防止鉴别信息在网络传输过程中被窃听",
     "Remote management protects authentication data against eavesdropping",
     "L3-CES1-03", "yes"),
    ("8.1.4.1d", _CES, "身份鉴别", "Identification and authentication",
     "采用口令、密码技术、生物技术等两种或两种以上组合的鉴别技术，其中一种至少使用密码技术",
     "Two or more authentication factors, at least one cryptographic",
     "L3-CES1-04", "partly"),
    ("8.1.4.2a", _CES, "访问控制", "Access control",
     "对登录的用户分配账户和权限", "Accounts and rights assigned to users who log in",
     "L3-CES1-05", "yes"),
    ("8.1.4.2b", _CES, "访问控制", "Access control",
     "重命名或删除默认账户，修改默认账户的默认口令", "Default accounts renamed or removed, default passwords changed",
     "L3-CES1-06", "yes"),
    ("8.1.4.2c", _CES, "访问控制", "Access control",
     "及时删除或停用多余的、过期的账户，避免共享账户的存在", "No stale, expired or shared accounts",
     "L3-CES1-07", "partly"),
    ("8.1.4.2d", _CES, "访问控制", "Access control",
     "授予管理用户所需的最小权限，实现管理用户的权限分离", "Least privilege and separation of duties for administrators",
     "L3-CES1-08", "yes"),
    ("8.1.4.2e", _CES, "访问控制", "Access control",
     "由授权主体配置访问控制策略，规定主体对客体的访问规则", "Access policy configured by an authorised subject",
     "L3-CES1-09", "partly"),
    ("8.1.4.2f", _CES, "访问控制", "Access control",
     "访问控制的粒度达到主体为用户级或进程级，客体为文件、数据库表级",
     "Access-control granularity: user/process subjects, file/table objects",
     "L3-CES1-10", "no"),
    ("8.1.4.2g", _CES, "访问控制", "Access control",
     "对重要主体和客体设置安全标记，并控制主体对有安全标记信息资源的访问",
     "Security labels on important subjects and objects, access controlled by label",
     "L3-CES1-11", "no"),
    ("8.1.4.3a", _CES, "安全审计", "Security audit",
     "启用安全审计功能，审计覆盖到每个用户，对重要的用户行为和安全事件进行审计",
     "Auditing on, covering every user, important actions and security events",
     "L3-CES1-12", "yes"),
    ("8.1.4.3b", _CES, "安全审计", "Security audit",
     "审计记录包括事件的日期和时间、用户、事件类型、事件是否成功等信息",
     "Audit records carry date and time, user, event type and outcome",
     "L3-CES1-13", "yes"),
    ("8.1.4.3c", _CES, "安全审计", "Security audit",
     "对审计记录进行保护，定期备份，避免受到未预期的删除、修改或覆盖",
     "Audit records protected and backed up regularly",
     "L3-CES1-14", "yes"),
    ("8.1.4.3d", _CES, "安全审计", "Security audit",
     "对审计进程进行保护，防止未经授权的中断", "Audit process protected against unauthorised interruption",
     "L3-CES1-15", "partly"),
    ("8.1.4.4a", _CES, "入侵防范", "Intrusion prevention",
     "遵循最小安装的原则，仅安装需要的组件和应用程序", "Minimal installation: only needed components",
     "L3-CES1-17", "yes"),
    ("8.1.4.4b", _CES, "入侵防范", "Intrusion prevention",
     "关闭不需要的系统服务、默认共享和高危端口", "Unneeded services, default shares and high-risk ports closed",
     "L3-CES1-18", "yes"),
    ("8.1.4.4c", _CES, "入侵防范", "Intrusion prevention",
     "通过设定终端接入方式或网络地址范围对通过网络进行管理的管理终端进行限制",
     "Management terminals restricted by access method or address range",
     "L3-CES1-19", "yes"),
    ("8.1.4.4d", _CES, "入侵防范", "Intrusion prevention",
     "提供数据有效性检验功能，保证输入内容符合系统设定要求", "Input validation on interfaces",
     "L3-CES1-20", "no"),
    ("8.1.4.4e", _CES, "入侵防范", "Intrusion prevention",
     "能发现可能存在的已知漏洞，并在经过充分测试评估后及时修补",
     "Known vulnerabilities found and patched after testing",
     "L3-CES1-21", "yes"),
    ("8.1.4.4f", _CES, "入侵防范", "Intrusion prevention",
     "能够检测到对重要节点进行入侵的行为，并在发生严重入侵事件时提供报警",
     "Detect intrusions into key nodes and alarm on serious ones",
     "L3-CES1-22", "partly"),
    ("8.1.4.7a", _CES, "数据完整性", "Data integrity",
     "采用校验或密码技术保证鉴别数据、业务数据、审计数据、配置数据等在传输过程中的完整性",
     "Integrity of authentication, audit and configuration data in transit",
     "L3-CES1-25", "yes"),
    ("8.1.4.7b", _CES, "数据完整性", "Data integrity",
     "采用校验或密码技术保证重要数据在存储过程中的完整性",
     "Integrity of important data at rest",
     "L3-CES1-26", "partly"),
    ("8.1.4.8a", _CES, "数据保密性", "Data confidentiality",
     "采用密码技术保证鉴别数据、重要业务数据等在传输过程中的保密性",
     "Confidentiality of authentication and important data in transit",
     "L3-CES1-27", "yes"),
    ("8.1.4.8b", _CES, "数据保密性", "Data confidentiality",
     "采用密码技术保证鉴别数据、重要业务数据等在存储过程中的保密性",
     "Confidentiality of authentication and important data at rest",
     "L3-CES1-28", "yes"),
    ("8.1.4.9a", _CES, "数据备份恢复", "Data backup and recovery",
     "提供重要数据的本地数据备份与恢复功能", "Local backup and restore of important data (configuration)",
     "L3-CES1-29", "yes"),
    ("8.1.4.9b", _CES, "数据备份恢复", "Data backup and recovery",
     "提供异地实时备份功能，利用通信网络将重要数据实时备份至备份场地",
     "Real-time off-site backup over the network",
     "L3-CES1-30", "partly"),
    ("8.1.4.9c", _CES, "数据备份恢复", "Data backup and recovery",
     "提供重要数据处理系统的热冗余，保证系统的高可用性", "Hot redundancy of important processing systems",
     "L3-CES1-31", "yes"),
    # 8.1.5 安全管理中心
    ("8.1.5.1a", _SMC, "系统管理", "System administration",
     "对系统管理员进行身份鉴别，只允许其通过特定的命令或操作界面进行系统管理操作，并对这些操作进行审计",
     "System administrators authenticated, restricted to given commands or interfaces, and audited",
     "L3-SMC1-01", "partly"),
    ("8.1.5.1b", _SMC, "系统管理", "System administration",
     "通过系统管理员对系统的资源和运行进行配置、控制和管理",
     "System resources and operation configured and controlled by the system administrator",
     "L3-SMC1-02", "no"),
    ("8.1.5.2a", _SMC, "审计管理", "Audit administration",
     "对审计管理员进行身份鉴别，只允许其通过特定的命令或操作界面进行安全审计操作，并对这些操作进行审计",
     "Audit administrators authenticated, restricted and audited",
     "L3-SMC1-03", "partly"),
    ("8.1.5.2b", _SMC, "审计管理", "Audit administration",
     "通过审计管理员对审计记录进行分析，并根据分析结果进行处理",
     "Audit records analysed and acted on by the audit administrator",
     "L3-SMC1-04", "no"),
    ("8.1.5.3a", _SMC, "安全管理", "Security administration",
     "对安全管理员进行身份鉴别，只允许其通过特定的命令或操作界面进行安全管理操作，并对这些操作进行审计",
     "Security administrators authenticated, restricted and audited",
     "L3-SMC1-05", "partly"),
    ("8.1.5.3b", _SMC, "安全管理", "Security administration",
     "通过安全管理员对系统中的安全策略进行配置，包括安全参数、主体和客体的授权、安全标记等",
     "Security policy, parameters, authorisations and labels configured by the security administrator",
     "L3-SMC1-06", "no"),
    ("8.1.5.4a", _SMC, "集中管控", "Centralised management",
     "划分出特定的管理区域，对分布在网络中的安全设备或安全组件进行管控",
     "A dedicated management zone controls the security devices and components",
     "L3-SMC1-07", "yes"),
    ("8.1.5.4b", _SMC, "集中管控", "Centralised management",
     "能够建立一条安全的信息传输路径，对网络中的安全设备或安全组件进行管理",
     "A secure management path to the devices",
     "L3-SMC1-08", "yes"),
    ("8.1.5.4c", _SMC, "集中管控", "Centralised management",
     "对网络链路、安全设备、网络设备和服务器等的运行状况进行集中监测",
     "Central monitoring of links, security devices, network devices and servers",
     "L3-SMC1-09", "yes"),
    ("8.1.5.4d", _SMC, "集中管控", "Centralised management",
     "对分散在各个设备上的审计数据进行收集汇总和集中分析，留存时间符合法律法规要求（不少于六个月）",
     "Audit data collected centrally and kept as the law requires (at least six months)",
     "L3-SMC1-10", "yes"),
    ("8.1.5.4e", _SMC, "集中管控", "Centralised management",
     "对安全策略、恶意代码、补丁升级等安全相关事项进行集中管理",
     "Central management of security policy, malware signatures and patches",
     "L3-SMC1-11", "partly"),
    ("8.1.5.4f", _SMC, "集中管控", "Centralised management",
     "对网络中发生的各类安全事件进行识别、报警和分析", "Security events identified, alarmed and analysed",
     "L3-SMC1-12", "partly"),
)

_CATALOG: dict[str, Control] = {row[0]: Control(*row) for row in _ROWS}


def all_controls() -> list[Control]:
    """Every item of the catalog in standard order."""
    return list(_CATALOG.values())


def is_known(control_id: str) -> bool:
    """True for a catalog item (``8.1.4.1c``) or a clause that has items (``8.1.4.7``)."""
    return bool(resolve(control_id))


def control(control_id: str) -> Control:
    """The item with this id; ``KeyError`` for an unknown id.

    >>> control("8.1.4.1c").unit
    'L3-CES1-03'
    """
    return _CATALOG[control_id]


def resolve(control_id: str) -> list[Control]:
    """The items a finding's control id stands for.

    An item id resolves to itself; a bare clause (``8.1.4.7``) to all its items; unknown → [].

    >>> [c.id for c in resolve("8.1.4.7")]
    ['8.1.4.7a', '8.1.4.7b']
    """
    cid = control_id.strip()
    if cid in _CATALOG:
        return [_CATALOG[cid]]
    return [c for c in _CATALOG.values() if c.clause == cid and c.id != cid]


def by_layer(layer: str) -> list[Control]:
    """The items of one layer (安全通信网络 …) in standard order."""
    return [c for c in _CATALOG.values() if c.layer == layer]
