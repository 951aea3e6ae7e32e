"""AAA checks: remote authentication, command authorization, accounting, server redundancy and
login modes (GB/T 22239-2019 8.1.4.1, 8.1.4.2, 8.1.4.3).

Administrators log in through the *admin domain*: on VRP ``default-domain admin NAME`` or
``default_admin``; on Comware ``domain default enable NAME`` or ``system``; on USG
``default-domain admin NAME``, a domain for administrator access, ``default_admin`` when
configured, or ``default`` (UNVERIFIED: USG admin-domain default not
established from a capture). A domain without a scheme uses scheme ``default``; a scheme
without a mode line uses the VRP default (``local`` for authentication and authorization,
``none`` for accounting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field

from netaudit.checks.base import Check, DeviceContext, Outcome, failed, passed, register, skipped
from netaudit.checks.mgmt import _Strict, absent, comware, family, login_lines, nms_note, ui_header, ui_label
from netaudit.model.device import Domain, ServerTemplate

REMOTE = ("hwtacacs", "radius")
_DEFAULT_MODES = {"authentication": ["local"], "authorization": ["local"], "accounting": ["none"]}


@dataclass
class Methods:
    """How the admin domain does one of authentication / authorization / accounting."""

    domain: str
    scheme: str | None            # VRP scheme name (None on Comware)
    modes: list[str]
    evidence: list[Any] = field(default_factory=list)
    templates: list[ServerTemplate] = field(default_factory=list)
    missing_templates: list[str] = field(default_factory=list)

    @property
    def remote(self) -> list[str]:
        return [m for m in self.modes if m in REMOTE]


def admin_domain(dev: DeviceContext) -> tuple[str, Domain | None]:
    """The domain administrators log in through, and its model object (None if not configured)."""
    a = dev.model.aaa
    fam = family(dev)
    if fam == "comware":
        got = [t for _, t in _top(dev, r"domain default enable \S+")]
        name = got[-1].split()[-1] if got else "system"
    elif fam == "usg":
        # UNVERIFIED order: an explicit admin default, a domain for administrator access, a
        # configured ``default_admin`` (as on VRP), else ``default``
        name = a.default_domain_admin or next(
            (d.name for d in a.domains.values() if "administrator-access" in d.service_types),
            "default_admin" if "default_admin" in a.domains else "default")
    else:
        name = a.default_domain_admin or "default_admin"
    return name, a.domains.get(name)


def _top(dev: DeviceContext, regex: str) -> list[tuple[int, str]]:
    rx = re.compile(regex)
    return [(dev.line(n), n.text) for n in dev.tree.top if rx.match(n.text)]


def methods(dev: DeviceContext, kind: str, comware_what: str = "login") -> Methods:
    """The admin domain's methods for ``kind`` (authentication | authorization | accounting).

    On Comware ``comware_what`` picks the access type (``login`` or ``command``); ``login`` falls
    back to the domain's ``<kind> default`` line."""
    a = dev.model.aaa
    name, dom = admin_domain(dev)
    if comware(dev):
        text = None
        ev: list[Any] = []
        if dom is not None:
            text = dom.comware_methods.get(f"{kind} {comware_what}")
            if text is None and comware_what == "login":
                text = dom.comware_methods.get(f"{kind} default")
            ev = [e for e in dom.ev("comware_methods") if e.text.startswith(f"{kind} ")] or dom.evidence[:1]
        words = (text or "").split()
        modes = [w.split("-scheme")[0] for w in words if w in ("hwtacacs-scheme", "radius-scheme", "local", "none")]
        if text is None:
            modes = ["local"] if comware_what == "login" else []
        m = Methods(name, None, modes, ev or [absent(f"domain {name} / {kind} {comware_what} …")])
        for i, w in enumerate(words[:-1]):
            if w in ("hwtacacs-scheme", "radius-scheme"):
                table = a.hwtacacs_templates if w.startswith("hwtacacs") else a.radius_templates
                tpl = table.get(words[i + 1])
                if tpl is None:
                    m.missing_templates.append(f"{w.replace('-scheme', ' scheme')} {words[i + 1]}")
                else:
                    m.templates.append(tpl)
        return m
    attr = f"{kind}_scheme"
    scheme = (getattr(dom, attr) if dom is not None else None) or "default"
    table = {"authentication": a.authentication_schemes, "authorization": a.authorization_schemes,
             "accounting": a.accounting_schemes}[kind]
    sch = table.get(scheme)
    modes = (sch.modes if sch is not None else []) or list(_DEFAULT_MODES[kind])
    ev = []
    if dom is not None:
        ev += dom.evidence[:1] + (dom.ev(attr) if dom.field_evidence.get(attr) else [])
    else:
        ev.append(absent(f"domain {name} (admin domain not configured: scheme default applies)"))
    if sch is not None:
        ev += sch.evidence[:1] + (sch.ev("modes") if sch.field_evidence.get("modes") else [])
    m = Methods(name, scheme, modes, ev)
    if dom is not None:
        for proto in m.remote:
            tname = dom.hwtacacs_template if proto == "hwtacacs" else dom.radius_template
            tpl = (a.hwtacacs_templates if proto == "hwtacacs" else a.radius_templates).get(tname or "")
            if tpl is None:
                m.missing_templates.append(f"{proto} template {tname or '(none bound to the domain)'}")
            else:
                m.templates.append(tpl)
                m.evidence += dom.ev(f"{proto}_template")[:1]
    return m


def admin_auth(dev: DeviceContext) -> Methods:
    """Authentication methods of the admin domain (also used by mgmt-privilege-separation)."""
    return methods(dev, "authentication")


def _server_kw(dev: DeviceContext) -> str:
    return "hwtacacs server" if family(dev) == "vrp8" else "hwtacacs-server"


def _remote_fix(dev: DeviceContext, domain: str) -> list[str]:
    if comware(dev):
        return ["hwtacacs scheme tac", " primary authentication <server-ip>", " secondary authentication <server2-ip>",
                " primary authorization <server-ip>", " primary accounting <server-ip>",
                " key authentication cipher <key>", f"domain {domain}",
                " authentication login hwtacacs-scheme tac local"]
    kw = _server_kw(dev)
    return [f"{kw} template tac", f" {kw} authentication <server-ip>",
            f" {kw} authentication <server2-ip> secondary", f" {kw} shared-key cipher <key>",
            "aaa", " authentication-scheme tac-auth", "  authentication-mode hwtacacs local",
            f" domain {domain}", "  authentication-scheme tac-auth", f"  {kw} tac"]


# --- aaa-remote-auth ---------------------------------------------------------------------------------


class _RemoteParams(_Strict):
    require_local_fallback: bool = Field(True, description="require 'local' after the remote method (login when the servers are down)")


@register
class RemoteAuth(Check):
    id = "aaa-remote-auth"
    title_zh = "管理员登录使用集中认证（HWTACACS/RADIUS）并保留本地兜底"
    title_en = "Administrator logins authenticate against HWTACACS/RADIUS with local fallback"
    severity = "high"
    controls = ("8.1.4.1a", "8.1.4.1d", "8.1.4.2a")
    Params = _RemoteParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = admin_auth(dev)
        ev = list(m.evidence) + [e for t in m.templates for s in t.servers_of("authentication") for e in s.evidence]
        where = f"admin domain {m.domain}" + (f", scheme {m.scheme}" if m.scheme else "")
        fix = _remote_fix(dev, m.domain)
        modes = " ".join(m.modes)
        if not m.remote:
            return failed(f"{where} authenticates with '{modes}' only: no HWTACACS/RADIUS / 管理员仅本地认证",
                          ev, fix)
        problems = []
        if m.missing_templates:
            problems.append("remote method without a server template: " + ", ".join(m.missing_templates))
        no_srv = [t.name for t in m.templates if not t.servers_of("authentication")]
        if no_srv:
            problems.append("no authentication server in template " + ", ".join(no_srv))
        if m.modes[0] not in REMOTE:
            problems.append(f"'{m.modes[0]}' is tried before the remote server ({modes})")
        if params.require_local_fallback and "local" not in m.modes:
            problems.append(f"no local fallback ({modes}) / 无本地兜底")
        if problems:
            return failed(f"{where}: " + "; ".join(problems), ev, fix)
        return passed(f"{where}: {modes} / 已启用集中认证", ev)


# --- aaa-authorization -----------------------------------------------------------------------------


class _AuthzParams(_Strict):
    levels: list[int] = Field([15], description="command levels that must be authorized by HWTACACS (authorization-cmd)")


def _line_cmds(dev: DeviceContext, what: str) -> tuple[list[tuple[int, str]], list[str]]:
    """Comware: (evidence, vty labels lacking it) for ``command authorization|accounting`` under line vty."""
    vtys, _ = login_lines(dev, ("vty",))
    have, lack = [], []
    nodes = {n.line_no: n for n in dev.tree.top if n.text.startswith("line ")}
    for u in vtys:
        node = next((n for n in nodes.values() if dev.line(n) == u.evidence[0].line), None) if u.evidence else None
        hit = next((c for c in node.children if c.text == f"command {what}"), None) if node else None
        if hit is not None:
            have.append((dev.line(hit), hit.text))
        else:
            lack.append(ui_header(u))
    return have, lack


@register
class Authorization(Check):
    id = "aaa-authorization"
    title_zh = "管理员命令经 HWTACACS 逐条授权"
    title_en = "Administrator commands are authorized by HWTACACS"
    severity = "medium"
    controls = ("8.1.4.2a", "8.1.4.2d", "8.1.5.1a")
    Params = _AuthzParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        if comware(dev):
            return self._comware(dev)
        m = methods(dev, "authorization")
        a = dev.model.aaa
        sch = a.authorization_schemes.get(m.scheme or "")
        ev = list(m.evidence)
        kw = _server_kw(dev)
        fix = ["aaa", " authorization-scheme tac-author", "  authorization-mode hwtacacs local"]
        fix += [f"  authorization-cmd {lv} hwtacacs local" for lv in params.levels]
        fix += [f" domain {m.domain}", "  authorization-scheme tac-author", f"  {kw} tac"]
        where = f"admin domain {m.domain}, authorization scheme {m.scheme}"
        if "hwtacacs" not in m.modes:
            why = "RADIUS cannot authorize commands" if "radius" in m.modes else f"authorization-mode {' '.join(m.modes)}"
            return failed(f"{where}: {why}; no HWTACACS authorization / 未启用命令授权", ev, fix)
        cmds = {lv: meth for lv, meth in (sch.authorization_cmd if sch else [])}
        if sch is not None:
            ev += sch.ev("authorization_cmd") if sch.field_evidence.get("authorization_cmd") else []
        missing = [lv for lv in params.levels if lv not in cmds or "hwtacacs" not in cmds[lv]]
        problems = []
        if missing:
            problems.append("no 'authorization-cmd' with hwtacacs for level(s) " + ", ".join(map(str, missing)))
        if m.missing_templates:
            problems.append("no server template: " + ", ".join(m.missing_templates))
        if problems:
            if missing and not cmds:
                ev.append(absent(f"authorization-cmd under authorization-scheme {m.scheme}"))
            return failed(f"{where}: " + "; ".join(problems) + " / 未逐条授权命令", ev, fix)
        return passed(f"{where}: hwtacacs, authorization-cmd for level(s) "
                      + ", ".join(str(lv) for lv in sorted(cmds)) + " / 已启用命令授权", ev)

    def _comware(self, dev: DeviceContext) -> Outcome:
        m = methods(dev, "authorization", "command")
        have, lack = _line_cmds(dev, "authorization")
        ev = list(m.evidence) + have
        fix = [f"domain {m.domain}", " authorization command hwtacacs-scheme tac"]
        fix += [x for h in lack for x in (h, " command authorization")]
        problems = []
        if "hwtacacs" not in m.modes:
            problems.append(f"domain {m.domain} has no 'authorization command hwtacacs-scheme'")
        if lack:
            problems.append("'command authorization' missing on " + ", ".join(lack))
        if problems:
            return failed("; ".join(problems) + " / 未启用命令授权", ev, fix)
        return passed(f"domain {m.domain}: commands authorized by HWTACACS on every vty / 已启用命令授权", ev)


# --- aaa-accounting -----------------------------------------------------------------------------------


class _AcctParams(_Strict):
    require_cmd_recording: bool = Field(True, description="also require every command to be recorded on the server "
                                                          "(cmd recording-scheme / Comware command accounting)")


@register
class Accounting(Check):
    id = "aaa-accounting"
    title_zh = "管理员登录计费与命令记录送往 AAA 服务器"
    title_en = "Administrator sessions are accounted and commands recorded on the AAA server"
    severity = "medium"
    controls = ("8.1.4.3a", "8.1.4.3c", "8.1.5.1a")
    Params = _AcctParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        if comware(dev):
            return self._comware(dev, params)
        a = dev.model.aaa
        m = methods(dev, "accounting")
        ev = list(m.evidence)
        kw = _server_kw(dev)
        problems = []
        fix: list[str] = []
        if not m.remote:
            problems.append(f"admin domain {m.domain} accounting-mode {' '.join(m.modes)} (scheme {m.scheme})")
            fix += ["aaa", " accounting-scheme tac-acct", "  accounting-mode hwtacacs",
                    f" domain {m.domain}", "  accounting-scheme tac-acct", f"  {kw} tac"]
        if params.require_cmd_recording:
            rec_fix = ["aaa", " recording-scheme tac-rec", "  recording-mode hwtacacs tac", " cmd recording-scheme tac-rec"]
            name = a.cmd_recording_scheme
            if name is None:
                defined = ", ".join(a.recording_schemes)
                problems.append("no 'cmd recording-scheme'" + (f" (recording-scheme {defined} defined but not applied)"
                                                                if defined else ""))
                ev += [e for r in a.recording_schemes.values() for e in r.evidence[:1] + r.ev("modes")[:1]]
                ev.append(absent("cmd recording-scheme"))
                fix += rec_fix if not defined else ["aaa", f" cmd recording-scheme {next(iter(a.recording_schemes))}"]
            else:
                ev += a.ev("cmd_recording_scheme")
                rec = a.recording_schemes.get(name)
                if rec is None or not rec.modes or rec.modes[0] not in REMOTE:
                    problems.append(f"cmd recording-scheme {name} is not defined with a hwtacacs recording-mode")
                    fix += rec_fix
                else:
                    ev += rec.ev("modes")
                    if rec.template and rec.template not in a.hwtacacs_templates:
                        problems.append(f"recording-scheme {name} uses undefined template {rec.template}")
                        fix += rec_fix
        if problems:
            return failed("; ".join(problems) + " / 未对管理操作计费或记录命令", ev, fix)
        return passed(f"admin domain {m.domain}: accounting {' '.join(m.modes)}"
                      + (f", commands recorded via {a.cmd_recording_scheme}" if params.require_cmd_recording else "")
                      + " / 已启用计费与命令记录", ev)

    def _comware(self, dev: DeviceContext, params: Any) -> Outcome:
        m = methods(dev, "accounting")
        ev = list(m.evidence)
        problems, fix = [], []
        if not m.remote:
            problems.append(f"domain {m.domain} accounting login {' '.join(m.modes)}")
            fix += [f"domain {m.domain}", " accounting login hwtacacs-scheme tac"]
        if params.require_cmd_recording:
            c = methods(dev, "accounting", "command")
            have, lack = _line_cmds(dev, "accounting")
            ev += c.evidence + have
            if "hwtacacs" not in c.modes:
                problems.append(f"domain {m.domain} has no 'accounting command hwtacacs-scheme'")
                fix += [f"domain {m.domain}", " accounting command hwtacacs-scheme tac"]
            if lack:
                problems.append("'command accounting' missing on " + ", ".join(lack))
                fix += [x for h in lack for x in (h, " command accounting")]
        if problems:
            return failed("; ".join(problems) + " / 未对管理操作计费或记录命令", ev, fix)
        return passed(f"domain {m.domain}: logins and commands accounted on the server / 已启用计费与命令记录", ev)


# --- aaa-servers-redundant ----------------------------------------------------------------------------


class _RedundantParams(_Strict):
    min_servers: int = Field(2, ge=1, le=4, description="distinct authentication servers required in the admin domain's templates")


@register
class ServersRedundant(Check):
    id = "aaa-servers-redundant"
    title_zh = "管理认证服务器冗余（至少两台）"
    title_en = "At least two AAA authentication servers for administrator logins"
    severity = "medium"
    controls = ("8.1.4.9c", "8.1.4.1a")
    Params = _RedundantParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = admin_auth(dev)
        if not m.templates:
            return skipped(f"admin domain {m.domain} does not use a remote server template "
                           "(see aaa-remote-auth) / 未使用集中认证")
        servers = [s for t in m.templates for s in t.servers_of("authentication")]
        ips = list(dict.fromkeys(s.ip for s in servers))
        ev = [t.evidence[0] for t in m.templates if t.evidence] + [e for s in servers for e in s.evidence]
        names = ", ".join(f"{t.protocol} {t.name}" for t in m.templates)
        if len(ips) >= params.min_servers:
            return passed(f"{len(ips)} authentication servers in {names}: {', '.join(ips)} / 认证服务器冗余", ev)
        if comware(dev):
            fix = [f"hwtacacs scheme {m.templates[0].name}", " secondary authentication <server2-ip>"]
        else:
            kw = "radius-server" if m.templates[0].protocol == "radius" else _server_kw(dev)
            fix = [f"{kw} template {m.templates[0].name}", f" {kw} authentication <server2-ip> secondary"]
        return failed(f"{len(ips)} authentication server(s) in {names} ({', '.join(ips) or 'none'}), "
                      f"need {params.min_servers} / 认证服务器无冗余", ev, fix)


# --- aaa-login-mode ----------------------------------------------------------------------------------


@register
class LoginMode(Check):
    id = "aaa-login-mode"
    title_zh = "所有登录线路（console、VTY）均采用 AAA 认证"
    title_en = "Every login line (console, vty) authenticates through AAA"
    severity = "high"
    controls = ("8.1.4.1a",)

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        lines, reserved = login_lines(dev, ("con", "vty", "aux"))
        if not lines:
            return skipped("no user-interface / line sections in the configuration / 未见登录线路配置")
        cw = comware(dev)
        want = "scheme" if cw else "aaa"
        problems, ev, fix, good = [], [], [], []
        for u in lines:
            mode = u.authentication_mode
            if mode == "aaa":
                good.append(ui_label(u))
                ev += u.ev("authentication_mode")[:1]
                continue
            if mode is None:
                problems.append(f"{ui_label(u)}: authentication-mode not configured (release default, not shown "
                                "to be AAA)")
                ev += u.evidence[:1]
            else:
                problems.append(f"{ui_label(u)}: authentication-mode is '{mode}'"
                                + (", no authentication" if mode == "none" else ", a shared line secret"))
                ev += u.ev("authentication_mode")[:1]
            fix += [ui_header(u), f" authentication-mode {want}"]
        if problems:
            return failed("; ".join(problems) + " / 登录线路未采用 AAA 认证" + nms_note(reserved), ev, fix)
        return passed(f"authentication-mode {want} on " + ", ".join(good) + " / 登录均经 AAA" + nms_note(reserved), ev)
