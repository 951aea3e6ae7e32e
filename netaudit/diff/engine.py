"""Tree diff of two VRP configurations: unified text, remediation commands, JSON.

Terms: the *source* is what the device has (the running config, or an older snapshot) and the
*target* is what it should have (the rendered intended config, or the newer snapshot). The
remediation turns the source into the target.

Steps, each a pure function:

1. :func:`load_config` — text → :class:`Line` tree (``parse_config``; the root has text ``""``).
2. :func:`normalize_target` — an intended ``undo telnet server enable`` (a feature that is off by
   default, so the saved config prints nothing) becomes "``telnet server enable`` must be absent"
   (:attr:`Line.absent`) instead of a line to add.
3. :func:`scope_source` — with ``scope="managed"`` only the part of the source that the target
   talks about is compared (see :meth:`~netaudit.diff.vrp.Platform.scope_key`): a partial
   baseline never asks to delete the rest of the device.
4. :func:`diff_configs` — a :class:`Diff` of :class:`Change` objects per view, with secrets
   masked for comparison (a running cipher equals a ``<secret:NAME>`` placeholder).
5. :meth:`Diff.remediation` (VRP commands with view entry lines and ``quit``),
   :meth:`Diff.unified` and :meth:`Diff.as_json`.

:func:`apply_commands` is a small model of the VRP CLI that applies remediation text to a tree;
tests use it to check that source + remediation == target, and ``--format json`` uses it for the
"after" preview.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from netaudit.diff.vrp import VRP, Platform, mask_secrets
from netaudit.parse.clean import clean_output
from netaudit.parse.config_tree import ConfigNode, ConfigTree, parse_config
from netaudit.redact import redact

__all__ = [
    "Change", "Diff", "Line", "apply_commands", "canonical", "config_text", "diff_configs",
    "load_config", "normalize_target", "scope_source",
]

Scope = Literal["managed", "full"]


@dataclass(eq=False)
class Line:
    """One configuration line and the lines of its view.

    ``raw`` marks the verbatim continuation lines of a multi-line block (public keys, banners):
    such a block is compared and applied as one unit. ``absent`` lists lines that must not exist
    in this view (see :func:`normalize_target`).
    """

    text: str
    children: list[Line] = field(default_factory=list)
    raw: bool = False
    absent: list[str] = field(default_factory=list)

    @property
    def is_block(self) -> bool:
        """A multi-line block (its children are raw text, not commands)."""
        return bool(self.children) and all(c.raw for c in self.children)

    def walk(self) -> Iterator[Line]:
        for c in self.children:
            yield c
            yield from c.walk()


# --- loading and printing ---------------------------------------------------------------------

def _from_node(n: ConfigNode) -> Line:
    return Line(n.text, [_from_node(c) for c in n.children], raw=n.raw)


def from_tree(tree: ConfigTree) -> Line:
    """A :class:`Line` root holding the top-level nodes of a parsed configuration.

    A view printed twice (some captures repeat ``interface MEth0/0/0``) becomes one view, and a
    line repeated in one view counts once: the device holds one of each.
    """
    return _merge_duplicates(Line("", [_from_node(n) for n in tree.top]))


def _merge_duplicates(n: Line) -> Line:
    if n.is_block:
        return n
    seen: dict[str, Line] = {}
    kids: list[Line] = []
    for c in n.children:
        first = seen.get(c.text)
        if first is None:
            seen[c.text] = c
            kids.append(c)
        elif not first.is_block and not c.is_block:
            first.children.extend(c.children)
    n.children = [_merge_duplicates(c) for c in kids]
    return n


def load_config(text: str, *, device: str = "?") -> Line:
    """Clean (pager artefacts, prompts) and parse a saved configuration into a :class:`Line` root.

    Raises :class:`~netaudit.errors.ParseError` like :func:`parse_config`.
    """
    cleaned = clean_output(text, "display current-configuration")
    return from_tree(parse_config(cleaned, device=device))


def _is_section(n: Line, platform: Platform) -> bool:
    return (bool(n.children) and not n.is_block) or platform.is_section_header(n.text)


def config_text(root: Line, *, mask: bool = False, separators: bool = True) -> str:
    """Saved-config style text: one space per level, ``#`` between top-level sections and after
    runs of global lines, ``return`` at the end. ``mask`` hides secrets (for display)."""
    out: list[str] = []

    def emit(n: Line, depth: int) -> None:
        out.append(" " * depth + (mask_secrets(n.text) if mask else n.text))
        for c in n.children:
            emit(c, depth + 1)

    prev_section = False
    for i, n in enumerate(root.children):
        section = bool(n.children)
        if separators and i and (section or prev_section):
            out.append("#")
        emit(n, 0)
        prev_section = section
    if separators:
        out += ["#", "return"]
    return "\n".join(out) + "\n"


# --- normalisation and scope ------------------------------------------------------------------

def _key(n: Line) -> str:
    """Comparison key: masked text; a multi-line block includes its body."""
    k = mask_secrets(n.text)
    if n.is_block:
        k += "\x00" + "\n".join(mask_secrets(c.text) for c in n.children)
    return k


def normalize_target(root: Line, platform: Platform = VRP, scope: Scope = "full") -> Line:
    """A copy where ``undo X`` lines for default-off features become ``absent`` entries; with
    ``scope="managed"`` device-generated (unmanaged) lines are dropped as in the source."""

    def norm(n: Line) -> Line:
        if n.is_block:
            return copy.deepcopy(n)
        out = Line(n.text, raw=n.raw, absent=list(n.absent))
        for c in n.children:
            if scope == "managed" and platform.is_unmanaged(c.text):
                continue
            if not c.children and platform.is_negation(c.text) \
                    and platform.absent_when_off(platform.positive(c.text)):
                out.absent.append(platform.positive(c.text))
                continue
            out.children.append(norm(c))
        return out

    return norm(root)


def scope_source(source: Line, target: Line, scope: Scope = "managed",
                 platform: Platform = VRP) -> Line:
    """The part of ``source`` that ``target`` manages (everything with ``scope="full"``)."""
    if scope == "full":
        return copy.deepcopy(source)

    def keys_of(t: Line, depth: int) -> set[str]:
        ks = {platform.scope_key(c.text, depth=depth, section=_is_section(c, platform))
              for c in t.children}
        ks |= {platform.scope_key(a, depth=depth, section=False) for a in t.absent}
        return ks

    def walk(s: Line, t: Line, depth: int) -> Line:
        out = Line(s.text, raw=s.raw)
        keys = keys_of(t, depth)
        by_text = {c.text: c for c in t.children}
        for c in s.children:
            if platform.is_unmanaged(c.text):
                continue
            if platform.scope_key(c.text, depth=depth, section=_is_section(c, platform)) not in keys:
                continue
            tc = by_text.get(c.text)
            if tc is not None and c.children and not c.is_block:
                out.children.append(walk(c, tc, depth + 1))
            else:
                out.children.append(copy.deepcopy(c))
        return out

    return walk(source, target, 0)


# --- the diff ---------------------------------------------------------------------------------

ChangeKind = Literal["add", "remove", "replace"]


@dataclass
class Change:
    """One difference in the view ``path`` (section headers from the top level down).

    ``add``: ``line`` (a target line, with its subtree) is missing. ``remove``: ``line`` (a source
    line) must go. ``replace``: ``line`` supersedes ``old`` — an idempotent command (``sysname``,
    ``idle-timeout``) or the opposite polarity (``http server enable`` → ``undo http server enable``).
    """

    path: tuple[str, ...]
    kind: ChangeKind
    line: Line
    old: Line | None = None


@dataclass
class Diff:
    """Differences from ``source`` to ``target`` (both already normalised and scoped)."""

    source: Line
    target: Line
    changes: list[Change]
    scope: Scope = "managed"
    platform: Platform = VRP

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    # -- remediation --------------------------------------------------------------------
    def remediation(self) -> list[str]:
        """VRP commands (indented one space per view, ``quit`` after each view entered) that turn
        the source into the target. No ``system-view``: these are for review."""
        p = self.platform
        out: list[str] = []
        open_path: list[str] = []

        def goto(path: tuple[str, ...]) -> None:
            common = 0
            while common < min(len(open_path), len(path)) and open_path[common] == path[common]:
                common += 1
            while len(open_path) > common:
                open_path.pop()
                out.append(" " * len(open_path) + p.section_exit)
            for h in path[common:]:
                out.append(" " * len(open_path) + h)
                open_path.append(h)

        def emit_add(n: Line, depth: int) -> None:
            out.append(" " * depth + n.text)
            if n.is_block:
                out.extend(" " * (depth + 1) + c.text for c in n.children)
                return
            if _is_section(n, p):
                for c in n.children:
                    emit_add(c, depth + 1)
                out.append(" " * depth + p.section_exit)

        for ch in self.changes:
            goto(ch.path)
            depth = len(ch.path)
            if ch.kind == "remove":
                n = ch.line
                if _is_section(n, p) and p.is_undeletable(n.text):
                    # cannot `undo` the view itself: clear what is inside it
                    out.append(" " * depth + n.text)
                    out.extend(" " * (depth + 1) + p.negate(c.text) for c in n.children)
                    out.append(" " * depth + p.section_exit)
                else:
                    out.append(" " * depth + p.negate(n.text))
            elif ch.kind == "replace" and ch.old is not None and p.is_negation(ch.line.text) \
                    and ch.old.text == p.positive(ch.line.text) \
                    and not p.shows_negation(ch.old.text):
                # `undo X` removes X; the second one leaves the negation in the config
                out.append(" " * depth + ch.line.text)
                out.append(" " * depth + ch.line.text)
            else:
                emit_add(ch.line, depth)
        goto(())
        return out

    # -- JSON -------------------------------------------------------------------------------
    def sections(self) -> list[dict[str, Any]]:
        """Added and removed lines per view, in change order (texts not yet redacted)."""
        groups: dict[tuple[str, ...], dict[str, Any]] = {}
        for ch in self.changes:
            g = groups.setdefault(ch.path, {"section": list(ch.path), "added": [], "removed": []})
            if ch.kind in ("add", "replace"):
                g["added"].extend(_flat(ch.line))
            if ch.kind == "remove":
                g["removed"].extend(_flat(ch.line))
            elif ch.old is not None:
                g["removed"].extend(_flat(ch.old))
        return list(groups.values())

    def as_json(self, **meta: Any) -> dict[str, Any]:
        """Machine-readable form; every text redacted. ``after_matches_target`` applies the
        remediation to the source with :func:`apply_commands` and compares."""
        commands = self.remediation()
        after = apply_commands(self.source, commands, self.platform)
        data: dict[str, Any] = {
            **meta,
            "scope": self.scope,
            "changed": self.changed,
            "sections": self.sections(),
            "remediation": commands,
            "after_matches_target": canonical(after, self.platform) == canonical(self.target, self.platform)
            and not _violations(after, self.target, self.platform),
        }
        return _redact_all(data)

    # -- unified ----------------------------------------------------------------------------
    def unified(self, from_label: str, to_label: str, context: int = 3) -> str:
        """A unified diff of the two configs, the source reordered like the target so that
        moved sections are not reported; secrets masked."""
        a = config_text(_aligned(self.source, self.target, self.platform), mask=True, separators=False).splitlines()
        b = config_text(self.target, mask=True, separators=False).splitlines()
        lines = difflib.unified_diff(a, b, from_label, to_label, n=context, lineterm="")
        return redact("\n".join(lines))


def _flat(n: Line, depth: int = 0) -> list[str]:
    out = [" " * depth + n.text]
    for c in n.children:
        out.extend(_flat(c, depth + 1))
    return out


def _redact_all(v: Any) -> Any:
    if isinstance(v, str):
        return redact(v)
    if isinstance(v, list):
        return [_redact_all(x) for x in v]
    if isinstance(v, dict):
        return {k: _redact_all(x) for k, x in v.items()}
    return v


def _aligned(source: Line, target: Line, platform: Platform = VRP,
             path: tuple[str, ...] = ()) -> Line:
    """``source`` with each view's children ordered like the target's (the rest after); a line
    that an idempotent target line replaces sorts next to it."""
    order: dict[Any, int] = {}
    for i, c in enumerate(target.children):
        order.setdefault(_key(c), i)
        k = platform.idempotent_key(c.text, path)
        if k is not None:
            order.setdefault(k, i)

    def rank(c: Line) -> int:
        if _key(c) in order:
            return order[_key(c)]
        k = platform.idempotent_key(c.text, path)
        return order.get(k, len(order)) if k is not None else len(order)

    tchild = {_key(c): c for c in target.children}
    out = Line(source.text, raw=source.raw)
    for c in sorted(source.children, key=rank):
        t = tchild.get(_key(c))
        out.children.append(_aligned(c, t, platform, path + (c.text,))
                            if t is not None and not c.is_block else c)
    return out


def diff_configs(source: Line, target: Line, *, scope: Scope = "managed",
                 platform: Platform = VRP) -> Diff:
    """Compare two config roots (from :func:`load_config`). ``target`` is normalised
    (:func:`normalize_target`) and ``source`` scoped (:func:`scope_source`) here."""
    tgt = normalize_target(target, platform, scope)
    src = scope_source(source, tgt, scope, platform)
    changes: list[Change] = []
    _diff_view(src, tgt, (), platform, changes)
    return Diff(src, tgt, changes, scope, platform)


def _diff_view(src: Line, tgt: Line, path: tuple[str, ...], p: Platform,
               out: list[Change]) -> None:
    s_by: dict[str, Line] = {}
    for c in src.children:
        s_by.setdefault(_key(c), c)
    t_by: dict[str, Line] = {}
    for c in tgt.children:
        t_by.setdefault(_key(c), c)

    if path and p.is_ordered(path[-1]):
        sk = [_key(c) for c in src.children]
        tk = [_key(c) for c in tgt.children]
        i = 0
        while i < min(len(sk), len(tk)) and sk[i] == tk[i]:
            if src.children[i].children and not src.children[i].is_block:
                _diff_view(src.children[i], tgt.children[i], path + (tgt.children[i].text,), p, out)
            i += 1
        out.extend(Change(path, "remove", c) for c in src.children[i:])
        out.extend(Change(path, "add", c) for c in tgt.children[i:])
        return

    # lines the target declares absent are in scope and not in the target: removed here
    removed = [c for c in src.children if _key(c) not in t_by]
    added = [c for c in tgt.children if _key(c) not in s_by]
    # pair an added line with the removed line it supersedes
    by_idem: dict[Any, Line] = {}
    by_text: dict[str, Line] = {}
    for c in removed:
        k = p.idempotent_key(c.text, path)
        if k is not None:
            by_idem.setdefault(k, c)
        by_text.setdefault(c.text, c)
    pairs: dict[int, Line] = {}   # id(added line) -> superseded source line
    used: set[int] = set()
    for t in added:
        old = by_text.get(p.negate(t.text))   # opposite polarity
        if old is None or id(old) in used:
            k = p.idempotent_key(t.text, path)
            old = by_idem.get(k) if k is not None else None
        if old is not None and id(old) not in used and not old.children:
            pairs[id(t)] = old
            used.add(id(old))
    for c in removed:
        if id(c) in used:
            continue
        if not c.children and p.is_undeletable(c.text):
            continue   # an empty physical interface is as good as absent: nothing to remove
        out.append(Change(path, "remove", c))
    for t in tgt.children:
        t_key = _key(t)
        if t_key in s_by:
            s = s_by[t_key]
            if (s.children or t.children) and not t.is_block:
                _diff_view(s, t, path + (t.text,), p, out)
        elif id(t) in pairs:
            out.append(Change(path, "replace", t, pairs[id(t)]))
        else:
            out.append(Change(path, "add", t))


# --- comparison and the CLI model -------------------------------------------------------------

def canonical(root: Line, platform: Platform = VRP, path: tuple[str, ...] = ()) -> Any:
    """An order-insensitive (except in ordered sections) value for equality of two trees.

    Childless undeletable views (a physical interface with nothing in it) count as absent.
    """
    items = []
    for c in root.children:
        if c.is_block:
            items.append((_key(c), None))
        elif not c.children and path == () and platform.is_undeletable(c.text) \
                and c.text.startswith("interface "):
            continue
        else:
            items.append((_key(c), canonical(c, platform, path + (c.text,)) if c.children else None))
    if path and platform.is_ordered(path[-1]):
        return tuple(items)
    return frozenset(items)


def _violations(root: Line, target: Line, platform: Platform) -> list[str]:
    """Lines of ``root`` that ``target`` declares absent."""
    bad: list[str] = []
    absent = {mask_secrets(a) for a in target.absent}
    bad += [c.text for c in root.children if mask_secrets(c.text) in absent]
    by_text = {c.text: c for c in root.children}
    for t in target.children:
        r = by_text.get(t.text)
        if r is not None and t.children:
            bad += _violations(r, t, platform)
    return bad


@dataclass
class _Cmd:
    text: str
    children: list[_Cmd]
    quit: bool   # closed by `quit` (a view) rather than a multi-line block


def _parse_commands(commands: Iterable[str], exit_word: str) -> list[_Cmd]:
    lines = [(len(c) - len(c.lstrip(" ")), c.strip()) for c in commands if c.strip()]
    pos = 0

    def block(indent: int) -> list[_Cmd]:
        nonlocal pos
        items: list[_Cmd] = []
        while pos < len(lines):
            ind, text = lines[pos]
            if ind < indent:
                return items
            if text == exit_word:
                return items
            pos += 1
            cmd = _Cmd(text, [], False)
            if pos < len(lines) and lines[pos][0] > ind:
                cmd.children = block(lines[pos][0])
            if pos < len(lines) and lines[pos] == (ind, exit_word):
                cmd.quit = True
                pos += 1
            elif cmd.children and any(c.children or c.quit for c in cmd.children):
                raise ValueError(f"view {text!r} entered but never left with {exit_word!r}")
            items.append(cmd)
        return items

    items = block(0)
    if pos != len(lines):
        raise ValueError(f"unbalanced {exit_word!r} at command {pos + 1}: {lines[pos][1]!r}")
    return items


def apply_commands(root: Line, commands: Iterable[str], platform: Platform = VRP) -> Line:
    """Apply remediation text to a copy of ``root`` the way VRP would (a model, for previews and
    tests). A line followed by deeper lines and a ``quit`` enters a view; deeper lines without a
    ``quit`` are the body of a multi-line block.

    * ``undo X``: removes the line ``X`` (exact text); the saved config then shows ``undo X``
      only for features on by default (``negation_shown``). Without an ``X`` to remove,
      ``undo X`` is itself the line (``undo port trunk allow-pass vlan 1``), except for features
      that are off by default (``absent_when_negated``).
    * ``X``: removes ``undo X``; replaces a line with the same idempotent key; adds ``X``
      unless it is the default of a ``negation_shown`` feature.
    """
    out = copy.deepcopy(root)
    _apply(out, _parse_commands(commands, platform.section_exit), (), platform)
    return out


def _apply(view: Line, cmds: list[_Cmd], path: tuple[str, ...], p: Platform) -> None:
    kids = view.children
    for cmd in cmds:
        text = cmd.text
        if cmd.children and not cmd.quit:     # multi-line block: replaced whole
            kids[:] = [c for c in kids if c.text != text]
            kids.append(Line(text, [Line(c.text, raw=True) for c in cmd.children]))
            continue
        if p.is_negation(text) and not cmd.quit:
            pos = p.positive(text)
            hit = [c for c in kids if c.text == pos]
            if hit:
                kids[:] = [c for c in kids if c.text != pos]
                if p.shows_negation(pos) and not any(c.text == text for c in kids):
                    kids.append(Line(text))
            elif not any(c.text == text for c in kids) and not p.absent_when_off(pos):
                kids.append(Line(text))
            continue
        neg = p.negate(text)
        had_neg = any(c.text == neg for c in kids)
        kids[:] = [c for c in kids if c.text != neg]
        key = p.idempotent_key(text, path)
        if key is not None:
            kids[:] = [c for c in kids
                       if c.text == text or p.idempotent_key(c.text, path) != key]
        node = next((c for c in kids if c.text == text), None)
        if node is None:
            if had_neg and p.shows_negation(text) and not cmd.children:
                continue
            node = Line(text)
            kids.append(node)
        if cmd.children:
            _apply(node, cmd.children, path + (text,), p)
