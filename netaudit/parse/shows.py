"""Parse ``display ...`` command outputs into records with TextFSM.

Lookup order for a (platform, command) pair:

1. the package's own template ``netaudit/templates/huawei_vrp_<command>.textfsm`` (Huawei
   platforms only; see :data:`OWN_COMMANDS` for the accepted abbreviations);
2. the ntc-templates index for the mapped platform (``huawei_vrp`` for every Huawei family,
   ``hp_comware`` for H3C), using the index's ``[[...]]`` abbreviation patterns.

Exceptions (all are :class:`~netaudit.errors.NetauditError`)::

    ParseError          the output does not fit the template (device, command, line, text)
    └── NoParserError   no template exists for this platform/command

Records are dicts with lowercase keys, one per TextFSM row; List values are Python lists.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import textfsm
from textfsm import clitable

from netaudit.errors import ParseError
from netaudit.parse.clean import clean_with_offset

__all__ = [
    "NTC_PLATFORMS",
    "OWN_COMMANDS",
    "NoParserError",
    "find_template",
    "own_templates",
    "parse_show",
]

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

#: netaudit platform name -> ntc-templates platform name.
NTC_PLATFORMS: dict[str, str] = {
    "huawei_vrp": "huawei_vrp",
    "huawei_vrpv8": "huawei_vrp",
    "huawei_usg": "huawei_vrp",
    "hp_comware": "hp_comware",
}

#: Own templates: canonical command -> accepted spelling, in ntc-index ``[[...]]`` notation
#: (``di[[splay]]`` accepts di, dis, ..., display). The whole command must match.
OWN_COMMANDS: dict[str, str] = {
    "display lldp neighbor brief": r"di[[splay]] lld[[p]] n[[eighbor]] b[[rief]]",
    "display ip interface brief": r"di[[splay]] ip int[[erface]] b[[rief]]",
    "display ipv6 interface brief": r"di[[splay]] ipv6 int[[erface]] b[[rief]]",
    "display css status": r"di[[splay]] css st[[atus]]",
    "display stack": r"di[[splay]] stac[[k]]",
    "display vrrp brief": r"di[[splay]] vr[[rp]] b[[rief]]",
    "display ssh server status": r"di[[splay]] ssh s[[erver]] st[[atus]]",
    "display local-user": r"di[[splay]] local-u[[ser]]",
    "display interface brief": r"di[[splay]] int[[erface]] br[[ief]]",
    "display version": r"di[[splay]] ver[[sion]]",
    "display hwtacacs-server template": r"di[[splay]] hw[[tacacs-server]] te[[mplate]]( \S+)?",
}

_HUAWEI = frozenset({"huawei_vrp", "huawei_vrpv8", "huawei_usg"})
# Output modifiers that do not change what the device prints.
_NO_MORE_RE = re.compile(r"\s*\|\s*no-more\s*$", re.IGNORECASE)


class NoParserError(ParseError):
    """No template (own or ntc-templates) exists for this platform and command."""


@dataclass(frozen=True)
class _Template:
    """A resolved parser: one or more template files (ntc may merge several)."""

    source: str  # "netaudit" or "ntc-templates"
    paths: tuple[Path, ...]


def _completion(pattern: str) -> str:
    """Expand ``ab[[cd]]`` into ``ab(c(d)?)?`` (the ntc-templates index notation)."""

    def expand(m: re.Match[str]) -> str:
        word = m.group(1)
        return "(" + "(".join(re.escape(c) for c in word) + ")?" * len(word)

    return re.sub(r"\[\[(.+?)\]\]", expand, pattern)


@cache
def _own_patterns() -> tuple[tuple[re.Pattern[str], Path], ...]:
    out = []
    for command, pattern in OWN_COMMANDS.items():
        path = TEMPLATE_DIR / f"huawei_vrp_{command.replace(' ', '_')}.textfsm"
        out.append((re.compile(_completion(pattern)), path))
    return tuple(out)


def own_templates() -> dict[str, Path]:
    """Canonical command -> path of every own template (all exist in the package)."""
    return {c: TEMPLATE_DIR / f"huawei_vrp_{c.replace(' ', '_')}.textfsm" for c in OWN_COMMANDS}


def _ntc_template_dir() -> Path:
    env = os.environ.get("NTC_TEMPLATES_DIR")
    if env:
        return Path(env)
    import ntc_templates

    return Path(ntc_templates.__file__).resolve().parent / "templates"


@cache
def _ntc_index() -> tuple[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]], ...]:
    """(platform regex, command regex, template names) for every row of the ntc index.

    The index is read here rather than through CliTable so that its ``[[...]]`` patterns can be
    expanded by :func:`_ntc_completion`, which also accepts the index's doubled-prefix typos.
    """
    path = _ntc_template_dir() / "index"
    rows = []
    header_seen = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not header_seen:  # "Template, Hostname, Platform, Command"
            header_seen = True
            continue
        fields = [f.strip() for f in line.split(",", 3)]
        if len(fields) != 4:
            continue
        templates, _hostname, platform, command = fields
        rows.append((re.compile(platform), re.compile(_ntc_completion(command)),
                     tuple(templates.split(":"))))
    return tuple(rows)


def _ntc_completion(pattern: str) -> str:
    """Like :func:`_completion`, but ``in[[instance-name]]`` (an ntc index typo that doubles
    the mandatory prefix) also accepts the intended ``instance-name``."""

    def expand(m: re.Match[str]) -> str:
        head, word = m.group(1), m.group(2)
        plain = head + _completion(f"[[{word}]]")
        if head and word.startswith(head) and len(word) > len(head):
            return f"(?:{head}{_completion(f'[[{word[len(head):]}]]')}|{plain})"
        return plain

    return re.sub(r"([\w-]*)\[\[(.+?)\]\]", expand, pattern)


def _normalise_command(command: str) -> str:
    return " ".join(_NO_MORE_RE.sub("", command).split()).lower()


def find_template(platform: str, command: str) -> _Template | None:
    """Resolve the template(s) for ``command`` on ``platform``; None if there is none.

    ntc-templates itself accepts any index pattern that matches a *prefix* of the command
    (so ``display vrrp brief`` would land on ``display vlan`` via ``di[[splay]] v[[lan]]``).
    Here a pattern must match the whole command, or a prefix ending at a word boundary
    (``display lldp neighbor interface GE0/0/1`` still reaches ``display lldp neighbor``).
    """
    ntc_platform = NTC_PLATFORMS.get(platform)
    if ntc_platform is None:
        return None
    cmd = _normalise_command(command)
    if platform in _HUAWEI:
        for regex, path in _own_patterns():
            if regex.fullmatch(cmd):
                return _Template("netaudit", (path,))
    template_dir = _ntc_template_dir()
    for plat_re, cmd_re, names in _ntc_index():
        if not plat_re.fullmatch(ntc_platform):
            continue
        m = cmd_re.match(cmd)
        if m is None:
            continue
        if m.end() == len(cmd) or cmd[m.end()] == " " or cmd[m.end() - 1] == " ":
            return _Template("ntc-templates", tuple(template_dir / n for n in names))
    return None


@cache
def _template_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


class _CountingFSM(textfsm.TextFSM):
    """TextFSM that remembers which input line it is on, for error messages."""

    line_no = 0
    current_line = ""

    def _CheckLine(self, line: str) -> Any:  # noqa: N802 - TextFSM's name
        self.line_no += 1
        self.current_line = line
        return super()._CheckLine(line)


def _run_fsm(path: Path, text: str, device: str, command: str,
             offset: int) -> tuple[list[str], list[list[Any]]]:
    try:
        fsm = _CountingFSM(io.StringIO(_template_text(path)))
    except Exception as exc:  # a broken template is a bug, but must still surface as ParseError
        raise ParseError(f"template {path.name} is invalid: {exc}", device=device,
                         command=command) from exc
    try:
        rows = fsm.ParseText(text)
    except Exception as exc:  # TextFSMError on "-> Error", anything else from textfsm too
        line_no = fsm.line_no + offset if fsm.line_no else None
        reason = "unexpected line" if isinstance(exc, textfsm.TextFSMError) else (
            f"parser failure ({type(exc).__name__}: {exc})")
        raise ParseError(f"{reason} for template {path.name}", device=device, command=command,
                         line_no=line_no, line=fsm.current_line if fsm.line_no else None) from exc
    return list(fsm.header), rows


def _records(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> list[dict[str, Any]]:
    keys = [h.lower() for h in header]
    return [dict(zip(keys, row, strict=True)) for row in rows]


def parse_show(platform: str, command: str, text: str, device: str = "?") -> list[dict[str, Any]]:
    """Parse the raw output of ``command`` run on a ``platform`` device into records.

    ``text`` is cleaned first (:func:`~netaudit.parse.clean.clean_output`, trailing blanks kept
    because some ntc-templates rely on them); error line numbers refer to the raw text. Empty output gives ``[]``.

    Raises:
        NoParserError: no template exists for the platform/command.
        ParseError: the output does not fit the template (names device, command, 1-based
            line number and the line text) or TextFSM failed in any other way.
    """
    template = find_template(platform, command)
    if template is None:
        raise NoParserError(f"no parser for platform {platform!r}", device=device,
                            command=command)
    body, offset = clean_with_offset(text, command, rstrip=False)
    if not body.strip():
        return []
    if len(template.paths) == 1:
        header, rows = _run_fsm(template.paths[0], body, device, command, offset)
        return _records(header, rows)
    # Several ntc templates merged on their Key values: check each one with line numbers,
    # then let CliTable do the merge exactly as ntc-templates does.
    for path in template.paths:
        _run_fsm(path, body, device, command, offset)
    try:
        table = clitable.CliTable("index", str(_ntc_template_dir()))
        table.ParseCmd(body, templates=":".join(p.name for p in template.paths))
    except Exception as exc:
        raise ParseError(f"parser failure ({type(exc).__name__}: {exc})", device=device,
                         command=command) from exc
    return _records(table.header, (list(row) for row in table))
