"""Logging, time and configuration-backup checks (GB/T 22239-2019 8.1.4.3, 8.1.5.4d, 8.1.4.9a).

Logs must leave the box (two log hosts, a fixed source interface), carry a correct date and time
(timestamp format, time zone, NTP), and the configuration must be backed up off the box over an
encrypted transport. (Module named after the area prefix ``log-``; it never imports the
standard-library ``logging`` by relative name.)
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from netaudit.checks.base import Check, DeviceContext, Outcome, failed, passed, register, skipped
from netaudit.checks.mgmt import _Strict, absent, comware, family
from netaudit.results import Evidence as ResultEvidence

# --- log-loghost ----------------------------------------------------------------------------------


class _LoghostParams(_Strict):
    min_loghosts: int = Field(2, ge=1, le=8, description="distinct syslog servers required")
    require_source: bool = Field(True, description="require 'info-center loghost source <interface>'")


@register
class Loghost(Check):
    id = "log-loghost"
    title_zh = "日志发送至至少两台日志服务器并指定源接口"
    title_en = "Logs are sent to at least two syslog servers from a fixed source interface"
    severity = "high"
    controls = ("8.1.4.3c", "8.1.5.4d", "8.1.3.5c")
    Params = _LoghostParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        lg = dev.model.logging
        hosts = list(dict.fromkeys(h.host for h in lg.loghosts))
        ev: list[Any] = [e for h in lg.loghosts for e in h.evidence]
        problems, fix = [], []
        if not lg.enabled:
            problems.append("info-center disabled (undo info-center enable) / 信息中心已关闭")
            ev += lg.ev("enabled")
            fix.append("info-center enable")
        if len(hosts) < params.min_loghosts:
            problems.append(f"{len(hosts)} log host(s){': ' + ', '.join(hosts) if hosts else ''}, "
                            f"need {params.min_loghosts} / 日志服务器不足")
            if not hosts:
                ev.append(absent("info-center loghost <ip>"))
            fix += [f"info-center loghost <syslog{i + 1}-ip>" for i in range(len(hosts), params.min_loghosts)]
        if params.require_source:
            if lg.loghost_source is None:
                problems.append("no 'info-center loghost source' / 未指定日志源接口")
                ev.append(absent("info-center loghost source <interface>"))
                fix.append("info-center loghost source <mgmt-interface>")
            else:
                ev += lg.ev("loghost_source")
        if problems:
            return failed("; ".join(problems), ev, fix)
        src = f", source {lg.loghost_source}" if lg.loghost_source else ""
        return passed(f"{len(hosts)} log hosts: {', '.join(hosts)}{src} / 日志已外发", ev)


# --- log-timestamp ----------------------------------------------------------------------------------

_COMWARE_TS = re.compile(r"info-center timestamp (?:loghost )?(\S+)")


class _TimestampParams(_Strict):
    require_timezone: bool = Field(True, description="require an explicit 'clock timezone'")


@register
class Timestamp(Check):
    id = "log-timestamp"
    title_zh = "日志记录日期时间（时间戳为日期格式并设置时区）"
    title_en = "Logs carry the date and time (date timestamps, time zone set)"
    severity = "low"
    controls = ("8.1.4.3b", "8.1.3.5b")
    Params = _TimestampParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        mdl = dev.model
        problems: list[str] = []
        ev: list[Any] = []
        fix: list[str] = []
        parts: list[str] = []
        if comware(dev):
            # The model only reads the VRP 'info-center timestamp log' form; Comware prints
            # 'info-center timestamp {boot|date|none}' and 'info-center timestamp loghost {date|iso|…}'.
            found = [(dev.line(n), n.text, mo.group(1)) for n in dev.tree.top if (mo := _COMWARE_TS.match(n.text))]
            hits = [(ln, t) for ln, t, _ in found]
            bad = [(ln, t) for ln, t, fmt in found if fmt in ("boot", "none")]
            ev += hits
            if bad:
                problems.append("timestamp " + ", ".join(t for _, t in bad) + " / 时间戳不含日期")
                fix += ["info-center timestamp date", "info-center timestamp loghost iso"]
            else:
                parts.append("timestamp " + (", ".join(t.split(" ", 2)[2] for _, t in hits) or "date (default)"))
        else:
            ts = mdl.logging.timestamp_log
            if ts is None:
                ev.append(absent("info-center timestamp log … (VRP default: date)"))
                parts.append("log timestamp date (default)")
            elif ts.split()[0] in ("date", "format-date", "short-date", "iso"):
                ev += mdl.logging.ev("timestamp_log")
                parts.append(f"log timestamp {ts}")
            else:
                ev += mdl.logging.ev("timestamp_log")
                problems.append(f"info-center timestamp log {ts} (no calendar date) / 时间戳不含日期")
                fix.append("info-center timestamp log date")
        if params.require_timezone:
            tz = mdl.timezone
            if tz is None:
                problems.append("clock timezone not set / 未设置时区")
                ev.append(absent("clock timezone <name> add <offset>"))
                fix.append("clock timezone BJ add 08:00:00")
            else:
                ev += tz.evidence
                parts.append(f"time zone {tz.name} {tz.offset}")
        if problems:
            return failed("; ".join(problems), ev, fix)
        return passed(", ".join(parts) + " / 日志含日期时间", ev)


# --- log-ntp ----------------------------------------------------------------------------------------


class _NtpParams(_Strict):
    min_servers: int = Field(2, ge=1, le=8, description="distinct NTP servers (or peers) required")


@register
class Ntp(Check):
    id = "log-ntp"
    title_zh = "时钟同步至至少两台 NTP 服务器"
    title_en = "The clock is synchronised to at least two NTP servers"
    severity = "medium"
    controls = ("8.1.4.3b",)
    Params = _NtpParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        srvs = dev.model.ntp_servers
        addrs = list(dict.fromkeys(s.address for s in srvs))
        ev: list[Any] = [e for s in srvs for e in s.evidence]
        if len(addrs) >= params.min_servers:
            return passed(f"{len(addrs)} NTP servers: {', '.join(addrs)} / 已配置 NTP 冗余", ev)
        kw = "ntp unicast-server" if family(dev) == "vrp8" else "ntp-service unicast-server"
        fix = ["ntp-service enable"] if comware(dev) else []
        fix += [f"{kw} <ntp{i + 1}-ip>" for i in range(len(addrs), params.min_servers)]
        if not addrs:
            ev.append(absent("ntp-service unicast-server <ip>"))
        return failed(f"{len(addrs)} NTP server(s){': ' + ', '.join(addrs) if addrs else ''}, "
                      f"need {params.min_servers} / NTP 服务器不足", ev, fix)


# --- log-config-backup ------------------------------------------------------------------------------


class _BackupParams(_Strict):
    secure_transports: list[str] = Field(["sftp", "scp"], description="transport types accepted as encrypted")


@register
class ConfigBackup(Check):
    id = "log-config-backup"
    title_zh = "配置文件自动加密备份至服务器"
    title_en = "The configuration is backed up automatically to a server over an encrypted transport"
    severity = "medium"
    controls = ("8.1.4.9a", "8.1.4.8a")
    Params = _BackupParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        declared = str((dev.host.vars or {}).get("config_backup", "")).lower()
        if declared == "nms":
            return passed("inventory declares an NMS pull backup (vars.config_backup: nms); verify the NMS job "
                          "(人工核查) / 由网管系统备份", extra_evidence=[
                              ResultEvidence(file="inventory", text=f"{dev.host.hostname}: vars.config_backup: nms")])
        backups = dev.model.config_backups
        if not backups:
            if comware(dev):
                return skipped("Comware prints no push-backup command; declare vars.config_backup: nms in the "
                               "inventory when the NMS pulls configurations / 无法从配置判断")
            return failed("no automatic backup configured (or NMS pull: declare it with inventory "
                          "vars.config_backup: nms) / 未配置自动备份",
                          [absent("set save-configuration backup-to-server server <ip> transport-type sftp")],
                          ["set save-configuration interval 1440",
                           "set save-configuration backup-to-server server <ip> transport-type sftp "
                           "user <user> password <password>"])
        ok = [b for b in backups if (b.transport or "").lower() in params.secure_transports]
        bad = [b for b in backups if b not in ok]
        ev = [e for b in backups for e in b.evidence]
        if bad:
            kinds = ", ".join(f"{b.server} via {b.transport or 'default (tftp/ftp)'}" for b in bad)
            fix = [f"undo set save-configuration backup-to-server server {b.server}" for b in bad]
            fix.append(f"set save-configuration backup-to-server server {bad[0].server} transport-type sftp "
                       "user <user> password <password>")
            return failed(f"backup in clear text: {kinds} / 备份传输未加密", ev, fix)
        return passed("configuration backed up to " + ", ".join(f"{b.server} via {b.transport}" for b in ok)
                      + " / 已自动加密备份", ev)
