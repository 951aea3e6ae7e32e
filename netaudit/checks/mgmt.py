"""Management-plane checks: SSH only, SSH algorithms, vty ACLs, idle timeout, lockout, passwords,
default and privileged accounts (GB/T 22239-2019 8.1.4.1, 8.1.4.2, 8.1.4.4).

Platform defaults come from the model (``netaudit.model.platforms``): a value the configuration
does not print is either the family's documented default or ``None`` (unknown). A check never
turns an unknown into a pass; it names what it could not see. Remediation is written in the
syntax of the device's family (VRP5/USG, VRP8, Comware).

The small helpers at the top are shared with :mod:`netaudit.checks.aaa` and
:mod:`netaudit.checks.logging`.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from netaudit.checks.base import Check, DeviceContext, Outcome, failed, passed, register, skipped
from netaudit.model.device import Evidence, UserInterface

# --- shared helpers ---------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def family(dev: DeviceContext) -> str:
    """The model's software family: vrp5 | vrp8 | usg | comware | unknown."""
    return str(dev.model.family)


def comware(dev: DeviceContext) -> bool:
    return family(dev) == "comware"


def absent(what: str) -> Evidence:
    """Evidence for a line that is not there (line 0 = no line; the text says what is missing)."""
    return Evidence(0, f"(not in the configuration) {what}")


def top_lines(dev: DeviceContext, regex: str) -> list[tuple[int, str]]:
    """(file line, text) of the top-level config lines matching ``regex`` (anchored)."""
    rx = re.compile(regex)
    return [(dev.line(n), n.text) for n in dev.tree.top if rx.match(n.text)]


def ui_header(ui: UserInterface) -> str:
    """The header line of a user-interface / line block as printed (for remediation)."""
    return ui.evidence[0].text if ui.evidence else f"user-interface {ui.kind} {ui.first} {ui.last}"


def ui_label(ui: UserInterface) -> str:
    return f"{ui.kind} {ui.first}" + (f"-{ui.last}" if ui.last != ui.first else "")


def reserved_nms_vty(ui: UserInterface, fam: str) -> bool:
    """VRP ``user-interface vty 16 20``: reserved for NMS logins, printed with no settings."""
    return fam != "comware" and ui.kind == "vty" and ui.first >= 16 and not ui.field_evidence


def login_lines(dev: DeviceContext, kinds: tuple[str, ...] = ("con", "vty", "aux")) -> tuple[
        list[UserInterface], list[UserInterface]]:
    """(lines to judge, reserved NMS vty lines left out)."""
    fam = family(dev)
    uis = [u for u in dev.model.mgmt.user_interfaces if u.kind in kinds]
    return ([u for u in uis if not reserved_nms_vty(u, fam)], [u for u in uis if reserved_nms_vty(u, fam)])


def nms_note(reserved: list[UserInterface]) -> str:
    if not reserved:
        return ""
    return "; " + ", ".join(ui_label(u) for u in reserved) + " reserved for NMS, not judged"


def local_users(dev: DeviceContext) -> list[Any]:
    return list(dev.model.aaa.local_users.values())


def aaa_view(dev: DeviceContext) -> list[str]:
    """Remediation prefix for the view that holds local users."""
    return [] if comware(dev) else ["aaa"]


# --- mgmt-ssh-only -------------------------------------------------------------------------------

_TELNET_PROTOS = ("telnet", "all")


@register
class SshOnly(Check):
    id = "mgmt-ssh-only"
    title_zh = "仅允许 SSH 远程管理（关闭 Telnet、HTTP、FTP）"
    title_en = "Remote management over SSH only (Telnet, HTTP and FTP off)"
    severity = "high"
    controls = ("8.1.4.1c", "8.1.4.4b", "8.1.2.2b", "8.1.4.8a")

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model.mgmt
        fam = family(dev)
        cw = fam == "comware"
        problems: list[str] = []
        ev: list[Any] = []
        fix: list[str] = []
        notes: list[str] = []
        vtys, _ = login_lines(dev, ("vty",))

        explicit_telnet_vty = [u for u in vtys if u.protocols_inbound and
                               any(p in _TELNET_PROTOS for p in u.protocols_inbound)]
        default_vty = [u for u in vtys if u.protocols_inbound is None]
        telnet_users = [u for u in local_users(dev) if "telnet" in u.service_types]

        # telnet server
        if m.telnet_enabled:
            problems.append("telnet server enabled / 启用了 Telnet")
            ev += m.ev("telnet_enabled")
            fix.append("telnet server disable" if fam == "vrp8" else "undo telnet server enable")
        elif m.telnet_enabled is None:
            ev.append(absent(f"telnet server state ({m.telnet_note or 'default unknown'})"))
            if explicit_telnet_vty or telnet_users or default_vty:
                problems.append("telnet server state not printed and telnet logins are not excluded "
                                "(vty protocol / service-type) / Telnet 状态未知")
                fix.append("telnet server disable" if fam == "vrp8" else "undo telnet server enable")
            else:
                notes.append("telnet server state not printed, but every vty accepts SSH only")
        else:
            ev += m.ev("telnet_enabled") if m.field_evidence.get("telnet_enabled") else [
                absent(f"telnet server enable ({m.telnet_note})" if m.telnet_note else "telnet server enable")]
        if m.telnet_ipv6_enabled:
            problems.append("telnet IPv6 server enabled / 启用了 IPv6 Telnet")
            ev += m.ev("telnet_ipv6_enabled")
            fix.append("telnet ipv6 server disable" if fam == "vrp8" else "undo telnet ipv6 server enable")

        # SSH server
        if m.stelnet_enabled:
            ev += m.ev("stelnet_enabled")
        else:
            state = "disabled" if m.stelnet_enabled is False else "not shown as enabled"
            problems.append(f"SSH server {state} / 未启用 SSH")
            ev += m.ev("stelnet_enabled") if m.field_evidence.get("stelnet_enabled") else [
                absent("ssh server enable" if cw else "stelnet server enable")]
            fix.append("ssh server enable" if cw else "stelnet server enable")

        # cleartext web and file transfer
        if m.http_enabled:
            problems.append("cleartext HTTP server enabled / 启用了 HTTP")
            ev += m.ev("http_enabled")
            fix += ["undo ip http enable" if cw else "undo http server enable",
                    "ip https enable" if cw else "http secure-server enable   (only if web management is needed)"]
        if m.ftp_enabled:
            problems.append("FTP server enabled / 启用了 FTP")
            ev += m.ev("ftp_enabled")
            fix.append("undo ftp server enable")

        # vty protocols
        for u in explicit_telnet_vty:
            problems.append(f"vty {ui_label(u)[4:]} accepts telnet (protocol inbound "
                            f"{' '.join(u.protocols_inbound or [])}) / VTY 允许 Telnet")
            ev += u.ev("protocols_inbound")
            fix += [ui_header(u), " protocol inbound ssh"]
        if default_vty:
            if m.telnet_enabled is False:
                notes.append(", ".join(ui_label(u) for u in default_vty) + " without 'protocol inbound' "
                             "(platform default; telnet server is off)")
            else:
                for u in default_vty:
                    ev += u.evidence[:1]
                    fix += [ui_header(u), " protocol inbound ssh"]
        # USG per-interface service-manage
        for ifc in dev.model.interfaces.values():
            bad = [s for s in ifc.service_manage if s in ("telnet", "http", "ftp")]
            if bad:
                problems.append(f"{ifc.name} service-manage permits {', '.join(bad)} / 接口允许明文管理")
                ev += ifc.ev("service_manage")
                fix += [f"interface {ifc.name}"] + [f" undo service-manage {s} permit" for s in bad]
        # accounts that may log in over telnet
        for u in telnet_users:
            if m.telnet_enabled is False and not explicit_telnet_vty:
                notes.append(f"user {u.name} has service-type telnet (unusable: telnet is off)")
                continue
            problems.append(f"user {u.name} has service-type telnet / 账户允许 Telnet")
            ev += u.ev("service_types")
            types = " ".join(t for t in u.service_types if t != "telnet") or "ssh"
            if cw:
                fix += [f"local-user {u.name} class manage", " undo service-type telnet"]
            else:
                fix += ["aaa", f" local-user {u.name} service-type {types}"]

        note = ("; " + "; ".join(notes)) if notes else ""
        if problems:
            return failed("; ".join(problems) + note, ev, list(dict.fromkeys(fix)))
        return passed("SSH only: SSH server on, telnet off, vty SSH only / 仅 SSH 管理" + note, ev)


# --- mgmt-ssh-ciphers ------------------------------------------------------------------------------

_WEAK_CIPHER = re.compile(r".*(cbc|3des|^des|arcfour|rc4|blowfish)", re.I)
_WEAK_HMAC = re.compile(r"^(md5|sha1)", re.I)
_WEAK_KEX = re.compile(r".*(sha1$|group1_|group_exchange_sha1)", re.I)
_STRONG = {
    "ssh_ciphers": "aes256_gcm aes128_gcm aes256_ctr aes192_ctr aes128_ctr",
    "ssh_hmacs": "sha2_512 sha2_256",
    "ssh_kex": "dh_group16_sha512 dh_group15_sha512 dh_group14_sha256 dh_group_exchange_sha256",
}
_KW = {"ssh_ciphers": "cipher", "ssh_hmacs": "hmac", "ssh_kex": "key-exchange"}


class _CipherParams(_Strict):
    check_kex: bool = Field(True, description="also judge key exchange (SHA-1 groups) and the DH minimum length")
    min_dh_bits: int = Field(2048, ge=1024, le=8192, description="smallest acceptable 'ssh server dh-exchange min-len'")
    allow: list[str] = Field(default_factory=list,
                             description="algorithm names accepted even though they match a weak pattern")


@register
class SshCiphers(Check):
    id = "mgmt-ssh-ciphers"
    title_zh = "SSH 服务端禁用弱加密算法与弱 HMAC"
    title_en = "No weak SSH server ciphers or HMACs"
    severity = "medium"
    controls = ("8.1.4.1c", "8.1.2.2b", "8.1.4.8a")
    Params = _CipherParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model.mgmt
        allow = set(params.allow)
        rules = {"ssh_ciphers": _WEAK_CIPHER, "ssh_hmacs": _WEAK_HMAC}
        if params.check_kex:
            rules["ssh_kex"] = _WEAK_KEX
        lists = {attr: getattr(m, attr) for attr in rules}
        if m.ssh_ciphers is None and m.ssh_hmacs is None:
            return skipped("ssh cipher list not configured; defaults depend on release / 未配置 SSH 算法列表")
        problems, ev, fix, unset = [], [], [], []
        for attr, rx in rules.items():
            vals = lists[attr]
            if vals is None:
                unset.append(_KW[attr])
                continue
            ev += m.ev(attr)
            weak = [v for v in vals if rx.match(v) and v not in allow]
            if weak:
                problems.append(f"weak SSH {_KW[attr]}: {' '.join(weak)}")
                keep = [v for v in vals if v not in weak] or _STRONG[attr].split()
                fix.append(f"ssh server {_KW[attr]} {' '.join(keep)}")
        if params.check_kex and m.ssh_dh_min_len is not None and m.ssh_dh_min_len < params.min_dh_bits:
            problems.append(f"DH group exchange min-len {m.ssh_dh_min_len} < {params.min_dh_bits}")
            ev += m.ev("ssh_dh_min_len")
            fix.append(f"ssh server dh-exchange min-len {params.min_dh_bits}")
        if problems:
            return failed("; ".join(problems) + " / 存在弱 SSH 算法", ev, fix)
        if unset:
            return skipped(f"configured lists are strong, but ssh server {' and '.join(unset)} not configured; "
                           "defaults depend on release / 部分算法列表未配置")
        return passed("SSH server ciphers, HMACs" + (" and key exchange" if params.check_kex else "")
                      + " are strong / SSH 算法安全", ev)


# --- mgmt-vty-acl ----------------------------------------------------------------------------------

_ANY4 = re.compile(r"^(any|0\.0\.0\.0)$")


def _acl_block(dev: DeviceContext, name: str, ipv6: bool) -> Any:
    """The top-level ACL node for ``name`` of the right address family.

    Read from the tree (the rule nodes give the evidence lines); IPv4 ``acl number 2001`` and
    ``acl ipv6 number 2001`` are different ACLs, told apart by ``ipv6``."""
    rx = re.compile(r"acl (ipv6 )?(?:(?:number|basic|advanced) )?(?:name (\S+)(?: (\d+))?|(\d+))")
    for n in dev.tree.top:
        mo = rx.match(n.text)
        if mo and bool(mo.group(1)) == ipv6 and name in (mo.group(2), mo.group(3), mo.group(4)):
            return n
    return None


def _permits_any(rule_text: str) -> bool:
    """True for a permit rule that matches every source address."""
    ws = rule_text.split()
    if "permit" not in ws:
        return False
    if "source" not in ws:
        return True
    i = ws.index("source")
    src = ws[i + 1] if i + 1 < len(ws) else "any"
    wc = ws[i + 2] if i + 2 < len(ws) else ""
    if src in ("any", "::/0") or (src == "::" and wc == "0"):
        return True
    return src == "0.0.0.0" and wc in ("255.255.255.255", "0")


def _judge_acl(dev: DeviceContext, ui: UserInterface, name: str, ipv6: bool) -> tuple[str | None, list[Any]]:
    """(problem or None, evidence) for one vty ACL reference."""
    fld = "acl6_inbound" if ipv6 else "acl_inbound"
    ev: list[Any] = list(ui.ev(fld))
    kind = "IPv6 ACL" if ipv6 else "ACL"
    node = _acl_block(dev, name, ipv6)
    if node is None:
        return f"{ui_label(ui)} {kind} {name} is referenced but not defined (permits every source)", ev
    ev.append((dev.line(node), node.text))
    rules = [c for c in node.children if c.text.startswith("rule ")]
    if not rules:
        return f"{kind} {name} has no rules", ev
    for r in rules:
        if _permits_any(r.text):
            ev.append((dev.line(r), r.text))
            return f"{kind} {name} permits any source ({r.text})", ev
        ws = r.text.split()
        if "deny" in ws and ("source" not in ws or ws[ws.index("source") + 1:][:1] in (["any"], ["::/0"])):
            break  # an explicit deny-any first: what follows can never match
    ev += [(dev.line(r), r.text) for r in rules[:4]]
    return None, ev


def ipv6_on(dev: DeviceContext) -> list[Any]:
    """Evidence that IPv6 is in use (global ``ipv6`` or an interface with IPv6); empty if not."""
    mdl = dev.model
    ev: list[Any] = list(mdl.ev("ipv6_global")) if mdl.ipv6_global else []
    for ifc in mdl.interfaces.values():
        if ifc.ipv6 or ifc.ipv6_enabled:
            ev += (ifc.ev("ipv6") if ifc.ipv6 else ifc.ev("ipv6_enabled"))[:1]
    return ev


@register
class VtyAcl(Check):
    id = "mgmt-vty-acl"
    title_zh = "VTY 绑定入方向 ACL 限制管理终端地址（启用 IPv6 时含 IPv6 ACL）"
    title_en = "vty lines restrict management sources with an inbound ACL (and an IPv6 ACL where IPv6 is on)"
    severity = "high"
    controls = ("8.1.4.4c",)

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        vtys, reserved = login_lines(dev, ("vty",))
        if not vtys:
            return skipped("no vty / line vty section in the configuration / 未见 VTY 配置")
        cw = comware(dev)
        v6 = ipv6_on(dev)
        problems, ev, fix = [], [], []
        m = dev.model.mgmt
        for u in vtys:
            for ipv6, name in ((False, u.acl_inbound), (True, u.acl6_inbound)):
                if ipv6 and not v6:
                    continue
                if name is None and cw:
                    # Comware V7 filters SSH logins with a global 'ssh server [ipv6] acl N'
                    name = m.ssh_acl6 if ipv6 else m.ssh_acl
                    if name is not None:
                        ev += m.ev("ssh_acl6" if ipv6 else "ssh_acl")
                if name is None:
                    problems.append(f"{ui_label(u)} has no inbound {'IPv6 ' if ipv6 else ''}ACL")
                    ev += u.evidence[:1]
                    if ipv6:
                        fix += ["acl ipv6 basic 2001" if cw else "acl ipv6 number 2001",
                                " rule 5 permit source <mgmt-prefix>/<len>", " rule 100 deny",
                                *(["ssh server ipv6 acl 2001"] if cw else [ui_header(u), " acl ipv6 2001 inbound"])]
                    else:
                        fix += ["acl basic 2000" if cw else "acl number 2000",
                                " rule 5 permit source <mgmt-subnet> <wildcard>", " rule 100 deny",
                                *(["ssh server acl 2000"] if cw else [ui_header(u), " acl 2000 inbound"])]
                    continue
                problem, e = _judge_acl(dev, u, name, ipv6)
                ev += e
                if problem:
                    problems.append(problem)
                    head = ("acl ipv6 " if ipv6 else "acl ") + ("basic " if cw else "number ") + name
                    fix += [head, " rule 5 permit source <mgmt-subnet> <wildcard>", " rule 100 deny",
                            " undo rule <permit-any rule id>"]
        if v6:
            ev += v6[:2]
        note = ("; IPv6 on" if v6 else "; IPv6 not configured, IPv6 ACL not required") + nms_note(reserved)
        if problems:
            return failed("; ".join(problems) + " / 未限制管理终端地址" + note, ev, list(dict.fromkeys(fix)))
        return passed("every vty has an inbound ACL that is not permit-any / VTY 已限制源地址" + note, ev)


# --- mgmt-idle-timeout ------------------------------------------------------------------------------


class _IdleParams(_Strict):
    max_minutes: int = Field(15, ge=1, le=60, description="longest acceptable idle timeout in minutes")


@register
class IdleTimeout(Check):
    id = "mgmt-idle-timeout"
    title_zh = "控制台与 VTY 设置登录连接超时（不超过 15 分钟）"
    title_en = "Console and vty sessions time out when idle (15 min at most)"
    severity = "medium"
    controls = ("8.1.4.1b",)
    Params = _IdleParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        lines, reserved = login_lines(dev, ("con", "vty", "aux"))
        if not lines:
            return skipped("no console / vty section in the configuration / 未见登录线路配置")
        problems, ev, fix, parts = [], [], [], []
        limit = params.max_minutes * 60
        for u in lines:
            e = u.ev("idle_timeout_s")
            ev += e[:1]
            secs = u.idle_timeout_s
            label = ui_label(u)
            if u.idle_timeout_default:
                parts.append(f"{label}: default {secs // 60} min")
                continue
            if secs == 0:
                problems.append(f"{label}: idle-timeout 0 0 (never) / 永不超时")
            elif secs > limit:
                problems.append(f"{label}: {secs // 60} min {secs % 60} s > {params.max_minutes} min / 超时过长")
            else:
                parts.append(f"{label}: {secs // 60} min {secs % 60} s")
                continue
            fix += [ui_header(u), f" idle-timeout {min(10, params.max_minutes)} 0"]
        if problems:
            return failed("; ".join(problems) + nms_note(reserved), ev, fix)
        return passed("idle timeout within limit: " + ", ".join(parts) + nms_note(reserved), ev)


# --- mgmt-login-lockout -----------------------------------------------------------------------------


class _LockParams(_Strict):
    max_attempts: int = Field(5, ge=1, le=10, description="most failed logins allowed before the account is blocked")
    min_block_minutes: int = Field(1, ge=1, description="shortest acceptable block time in minutes")


@register
class LoginLockout(Check):
    id = "mgmt-login-lockout"
    title_zh = "登录失败处理：多次失败后锁定账户"
    title_en = "Accounts are blocked after repeated failed logins"
    severity = "medium"
    controls = ("8.1.4.1b",)
    Params = _LockParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        lo = dev.model.aaa.lockout
        cw = comware(dev)
        fix = (["password-control enable", f"password-control login-attempt {min(3, params.max_attempts)} "
                f"exceed lock-time {max(5, params.min_block_minutes)}"] if cw else
               ["aaa", f" local-aaa-user wrong-password retry-interval 5 retry-time {min(3, params.max_attempts)} "
                f"block-time {max(5, params.min_block_minutes)}"])
        # VRP8 ``local-user authentication lock duration N`` under aaa (ce8850 capture); the model
        # does not parse it. Duration 0 is read as "never blocked" (UNVERIFIED semantics).
        lock0 = [(dev.line(c), c.text) for n in dev.tree.top if n.text == "aaa" for c in n.children
                 if re.match(r"local-user authentication lock duration 0$", c.text)]
        if not lo.enabled:
            ev = list(lo.evidence) or [absent("password-control login-attempt" if cw else
                                              "local-aaa-user wrong-password")]
            why = ("password-control login-attempt not configured (Comware has no lockout by default)" if cw
                   else "login-failure lockout disabled (undo local-aaa-user wrong-password)")
            return failed(why + " / 未启用登录失败锁定", ev, fix)
        if lock0:
            return failed("local-user authentication lock duration 0: accounts are never blocked (UNVERIFIED "
                          "reading of VRP8 syntax) / 锁定时长为 0", lock0,
                          ["aaa", " local-user authentication lock duration 5"])
        if lo.is_default:
            ev = list(dev.model.aaa.evidence[:1]) or [absent("local-aaa-user wrong-password (default applies)")]
            return passed(f"lockout on by default (retry-time {lo.retry_time}, block-time {lo.block_time_min} min; "
                          "not printed) / 默认启用登录失败锁定", ev)
        problems = []
        if lo.retry_time is not None and lo.retry_time > params.max_attempts:
            problems.append(f"{lo.retry_time} attempts allowed > {params.max_attempts}")
        if lo.block_time_min is not None and lo.block_time_min < params.min_block_minutes:
            problems.append(f"block time {lo.block_time_min} min < {params.min_block_minutes}")
        if problems:
            return failed("; ".join(problems) + " / 锁定策略过宽", lo.evidence, fix)
        return passed(f"lockout after {lo.retry_time} failed logins for {lo.block_time_min} min / 已配置登录失败锁定",
                      lo.evidence)


# --- mgmt-password-storage --------------------------------------------------------------------------


@register
class PasswordStorage(Check):
    id = "mgmt-password-storage"
    title_zh = "本地账户与线路口令以不可逆方式存储"
    title_en = "Local account and line passwords are stored irreversibly"
    severity = "high"
    controls = ("8.1.4.8b", "8.1.4.1a")

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        cw = comware(dev)
        ok, bad, unseen, ev, fix = [], [], [], [], []
        for u in local_users(dev):
            st = u.password.storage
            if st == "irreversible":
                ok.append(u.name)
                ev += u.ev("password")[:1]
            elif st in ("cipher", "simple"):
                kind = "stored reversibly" if st == "cipher" else "stored in plain text"
                bad.append(f"{u.source} {u.name}: {kind}")
                ev += u.ev("password")[:1]
                if cw:
                    fix += [f"local-user {u.name} class manage", " password hash <hash>   (or re-enter the "
                            "password with 'password simple' on Comware V7, which stores a hash)"]
                elif u.source == "manager-user":
                    fix += ["aaa", f" manager-user {u.name}", "  password   (re-enter interactively; stored as a hash)"]
                else:
                    fix += ["aaa", f" local-user {u.name} password irreversible-cipher <new-password>"]
            else:
                unseen.append(u.name)
        for ui in dev.model.mgmt.user_interfaces:
            st = ui.password.storage
            if st == "irreversible":
                ok.append(ui_label(ui))
                ev += ui.ev("password")[:1]
            elif st in ("cipher", "simple"):
                bad.append(f"{ui_label(ui)} line secret {'stored reversibly' if st == 'cipher' else 'stored in plain text'}")
                ev += ui.ev("password")[:1]
                fix += [ui_header(ui), " authentication-mode scheme" if cw else " authentication-mode aaa"]
        note = f"; no stored password: {', '.join(unseen)}" if unseen else ""
        if bad:
            return failed("; ".join(bad) + " / 口令可逆或明文存储" + note, ev, fix)
        if not ok:
            return skipped("no local account or line password with a stored password in the configuration"
                           + note + " / 未见本地口令")
        return passed(f"irreversible storage for {', '.join(ok)} / 口令不可逆存储" + note, ev)


# --- mgmt-password-policy ---------------------------------------------------------------------------


class _PolicyParams(_Strict):
    max_expire_days: int = Field(90, ge=1, le=365, description="longest password lifetime in days (0 = never expires = fail)")
    min_history: int = Field(3, ge=1, le=12, description="fewest previous passwords that may not be reused")


@register
class PasswordPolicy(Check):
    id = "mgmt-password-policy"
    title_zh = "管理员口令定期更换（口令有效期与历史记录）"
    title_en = "Administrator passwords expire and may not be reused"
    severity = "medium"
    controls = ("8.1.4.1a",)
    Params = _PolicyParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        pp = dev.model.aaa.password_policy
        cw = comware(dev)
        fix = (["password-control enable", f"password-control aging {params.max_expire_days}",
                f"password-control history {max(5, params.min_history)}"] if cw else
               ["aaa", " local-aaa-user password policy administrator",
                f"  password history record number {max(5, params.min_history)}",
                f"  password expire {params.max_expire_days}"])
        if not pp.configured:
            what = "password-control aging / history" if cw else "local-aaa-user password policy administrator"
            return failed("no administrator password policy / 未配置口令策略", [absent(what)], fix)
        problems, ev = [], list(pp.evidence[:1])
        if pp.expire_days is None:
            problems.append("no expiry period ('password expire')")
        else:
            ev += pp.ev("expire_days")
            if pp.expire_days == 0:
                problems.append("password expire 0 (never expires) / 口令永不过期")
            elif pp.expire_days > params.max_expire_days:
                problems.append(f"passwords expire after {pp.expire_days} days > {params.max_expire_days}")
        if pp.history_count is None:
            problems.append("no history ('password history record number')")
        else:
            ev += pp.ev("history_count")
            if pp.history_count < params.min_history:
                problems.append(f"password history {pp.history_count} < {params.min_history}")
        if problems:
            return failed("; ".join(problems), ev, fix)
        return passed(f"passwords expire after {pp.expire_days} days, last {pp.history_count} not reused "
                      "/ 已配置口令定期更换", ev)


# --- mgmt-default-account ---------------------------------------------------------------------------


class _DefaultParams(_Strict):
    default_names: list[str] = Field(["admin", "audit-admin", "api-admin"],
                                     description="factory account names that must be renamed or removed")


@register
class DefaultAccount(Check):
    id = "mgmt-default-account"
    title_zh = "删除或重命名默认账户"
    title_en = "Default accounts are removed or renamed"
    severity = "medium"
    controls = ("8.1.4.2b",)
    Params = _DefaultParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        users = local_users(dev)
        if not users:
            return skipped("no local accounts in the configuration / 未见本地账户")
        names = {n.lower() for n in params.default_names}
        hits = [u for u in users if u.name.lower() in names and (u.state or "active") != "block"]
        cw = comware(dev)
        if hits:
            fix = []
            for u in hits:
                if cw:
                    fix += [f"local-user <new-name> class manage   (replace {u.name})",
                            f"undo local-user {u.name} class manage"]
                elif u.source == "manager-user":
                    fix += ["aaa", " manager-user <new-name>   (with the same role)", f" undo manager-user {u.name}"]
                else:
                    fix += ["aaa", " local-user <new-name> password irreversible-cipher <password>",
                            " local-user <new-name> service-type ssh", f" undo local-user {u.name}"]
            ev = [e for u in hits for e in u.evidence[:2]]
            return failed("default account(s) present: " + ", ".join(u.name for u in hits)
                          + " / 存在默认账户", ev, fix)
        ev = [u.evidence[0] for u in users if u.evidence][:6]
        return passed(f"no default account among {len(users)} local account(s): "
                      + ", ".join(u.name for u in users) + " / 无默认账户", ev)


# --- mgmt-privilege-separation ----------------------------------------------------------------------

_ADMIN_ROLES = {"network-admin", "level-15", "system-admin", "admin"}


def _level(u: Any) -> int | None:
    """Effective level: printed level, else from a role (Comware/USG); None = not known."""
    if u.privilege_level is not None:
        return int(u.privilege_level)
    for r in u.roles:
        if r in _ADMIN_ROLES:
            return 15
        mo = re.match(r"level-(\d+)$", r)
        if mo:
            return int(mo.group(1))
    if u.roles:
        return 0   # a non-administrator role (network-operator, audit-admin, …)
    return None


@register
class PrivilegeSeparation(Check):
    id = "mgmt-privilege-separation"
    title_zh = "管理账户权限分离（并非所有账户均为最高级别）"
    title_en = "Administrator rights are separated (not every account at level 15)"
    severity = "medium"
    controls = ("8.1.4.2d", "8.1.4.2a")

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        users = [u for u in local_users(dev) if (u.state or "active") != "block"]
        if not users:
            return skipped("no active local accounts in the configuration / 未见本地账户")
        levels = {u.name: _level(u) for u in users}
        ev = [e for u in users for e in (u.ev("privilege_level") if u.field_evidence.get("privilege_level")
                                         else u.ev("roles"))[:1]]
        desc = ", ".join(f"{n}={'?' if lv is None else lv}" for n, lv in levels.items())
        cw = comware(dev)
        fix = (["local-user <auditor> class manage", " authorization-attribute user-role network-operator"] if cw
               else ["aaa", " local-user <auditor> privilege level 3", " local-user <auditor> service-type ssh"])
        if len(users) == 1:
            from netaudit.checks.aaa import admin_auth  # local import: aaa imports this module
            auth = admin_auth(dev)
            if auth.remote:
                return skipped(f"one local account ({desc}); administrators authenticate on the "
                               f"{'/'.join(auth.remote)} server: judge roles there (人工核查)")
            return failed(f"a single local account ({desc}): no separation of duties / 仅一个管理账户，无权限分离",
                          ev or users[0].evidence[:1], fix)
        below = [n for n, lv in levels.items() if lv is not None and lv < 15]
        if below:
            return passed(f"{len(below)} of {len(users)} accounts below level 15 ({desc}) / 已权限分离", ev)
        unknown = [n for n, lv in levels.items() if lv is None]
        extra = f"; level not printed for {', '.join(unknown)}" if unknown else ""
        return failed(f"every account with a known level is at 15 ({desc}){extra} / 所有账户均为最高权限",
                      ev or [e for u in users for e in u.evidence[:1]], fix)
