"""Parse saved ``display current-configuration`` text into a tree of lines.

Works for Huawei VRP5 (S-series, including the old style where top-level lines carry one leading
space), VRP8 (CloudEngine), USG firewalls and H3C Comware. The input is expected to be clean
(no pager artefacts, no prompts); see :mod:`netaudit.parse.clean`.

Rules (from ``docs/huawei-vrp.md`` and the real captures in ``fixtures/real/configs``):

* ``#`` at column 0 separates blocks; an indented `` #`` (VRP8 ``aaa``, ``bgp``) is a
  sub-separator and is ignored. A line whose first non-blank character is ``#`` followed by more
  text is an operator comment (``#local-user ...``): kept in :attr:`ConfigTree.comments`, never
  in the tree.
* ``!Software Version ...`` / ``!Last configuration was ...`` header lines are kept in
  :attr:`ConfigTree.headers`; the software version is exposed as :attr:`ConfigTree.software_version`.
* Indentation is one space per level. The base indentation is detected per block (after each
  ``#``) so VRP5 files with `` sysname`` at one space still put it at the top level.
* ``return`` at the top level ends the configuration.
* Multi-line blocks (``rsa peer-public-key`` … ``peer-public-key end``, ``public-key-code begin``
  … ``public-key-code end``, ``header login information "…"`` banners) become one node whose
  children are the raw continuation lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import Pattern
from typing import Any, Generic, TypeVar

from netaudit.errors import ParseError

__all__ = ["ConfigNode", "ConfigTree", "parse_config"]

RegexLike = str | Pattern[str]
_V = TypeVar("_V")

# Raw multi-line blocks: start regex -> end regex (both matched on the stripped text).
_RAW_BLOCKS: tuple[tuple[Pattern[str], Pattern[str]], ...] = (
    (re.compile(r"(?:rsa |dsa |ecc |sm2 )?peer-public-key \S"), re.compile(r"peer-public-key end$")),
    (re.compile(r"public-key peer \S"), re.compile(r"peer-public-key end$")),
    (re.compile(r"public-key-code begin$"), re.compile(r"public-key-code end$")),
)
_RAW_FIRST = ("rsa", "dsa", "ecc", "sm2", "peer-public-key", "public-key", "public-key-code")
# Banner: ``header <kind> [information] <delim>text...<delim>``; text may span lines.
_BANNER = re.compile(r"header\s+\S+(?:\s+information)?\s+(\S)(.*)$")
_SOFTWARE = re.compile(r"!Software Version (\S+)")
# Control characters that never appear in a clean configuration (tab is tolerated).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ConfigNode:
    """One configuration line and the lines nested under it.

    ``line_no`` is 1-based in the text given to :func:`parse_config`; ``indent`` is the number
    of leading spaces in that line; ``depth`` is the tree level (0 = top level).
    """

    __slots__ = ("text", "line_no", "indent", "depth", "children", "parent", "raw")

    # Defaults for every argument: a compiled ``Class.__new__(Class)`` runs ``__init__`` (see
    # ``_parse``).
    def __init__(self, text: str = "", line_no: int = 0, indent: int = 0, depth: int = 0,
                 parent: ConfigNode | None = None, raw: bool = False) -> None:
        self.text = text
        self.line_no = line_no
        self.indent = indent
        self.depth = depth
        # A list in the public tree; the model builder's lean tree shares an empty tuple among
        # leaves and may hold ``(text, line_no)`` pairs (see ``_parse_lean``): hence ``Sequence``.
        self.children: Sequence[ConfigNode] = []
        self.parent = parent
        self.raw = raw  # True for verbatim continuation lines of a multi-line block

    def __repr__(self) -> str:
        return f"ConfigNode({self.line_no}: {self.text!r}, {len(self.children)} children)"

    # --- queries -------------------------------------------------------------------------
    def child(self, regex: RegexLike) -> ConfigNode | None:
        """First direct child whose text matches ``regex`` (anchored at the start)."""
        m = _compile(regex).match
        for c in self.children:
            if m(c.text):
                return c
        return None

    def find_children(self, regex: RegexLike) -> list[ConfigNode]:
        """All direct children whose text matches ``regex`` (anchored at the start)."""
        m = _compile(regex).match
        return [c for c in self.children if m(c.text)]

    def walk(self) -> Iterator[ConfigNode]:
        """All descendants, depth first, in file order (not including ``self``)."""
        stack = list(reversed(self.children))
        while stack:
            n = stack.pop()
            yield n
            if n.children:
                stack.extend(reversed(n.children))

    def has_line(self, regex: RegexLike) -> bool:
        """True if any descendant matches ``regex``."""
        m = _compile(regex).match
        return any(m(n.text) for n in self.walk())

    def get_value(self, regex: RegexLike, group: int | str = 1, default: str | None = None) -> str | None:
        """Group ``group`` of the first descendant matching ``regex``, else ``default``."""
        m = _compile(regex).match
        for n in self.walk():
            mo = m(n.text)
            if mo:
                v = mo.group(group)
                return v if v is not None else default
        return default

    def path(self) -> list[str]:
        """Texts from the top-level ancestor down to this node."""
        out: list[str] = []
        n: ConfigNode | None = self
        while n is not None:
            out.append(n.text)
            n = n.parent
        return out[::-1]


class ConfigTree:
    """The whole configuration: top-level nodes plus header lines and comments."""

    __slots__ = ("top", "headers", "comments", "software_version", "ended", "lines_after_return",
                 "line_count")

    def __init__(self) -> None:
        self.top: list[ConfigNode] = []
        self.headers: list[ConfigNode] = []
        self.comments: list[ConfigNode] = []
        self.software_version: str | None = None
        self.ended = False  # a top-level ``return`` was seen
        self.lines_after_return = 0
        self.line_count = 0

    def __len__(self) -> int:
        return len(self.top)

    def __iter__(self) -> Iterator[ConfigNode]:
        return iter(self.top)

    def walk(self) -> Iterator[ConfigNode]:
        """Every node in file order."""
        for t in self.top:
            yield t
            if t.children:
                yield from t.walk()

    def find(self, regex: RegexLike) -> ConfigNode | None:
        """First top-level section whose stripped text matches ``regex`` (``re.match``)."""
        m = _compile(regex).match
        for n in self.top:
            if m(n.text):
                return n
        return None

    def find_all(self, regex: RegexLike, recursive: bool = False) -> list[ConfigNode]:
        """All top-level nodes (or, with ``recursive``, all nodes) matching ``regex``."""
        m = _compile(regex).match
        nodes = self.walk() if recursive else iter(self.top)
        return [n for n in nodes if m(n.text)]

    def child(self, regex: RegexLike) -> ConfigNode | None:
        """Alias of :meth:`find` so the tree and its nodes share one query vocabulary."""
        return self.find(regex)

    def children(self, regex: RegexLike | None = None) -> list[ConfigNode]:
        """Top-level nodes, optionally only those matching ``regex``."""
        if regex is None:
            return list(self.top)
        return self.find_all(regex)

    def _scope(self, within: RegexLike | ConfigNode | None) -> Iterator[ConfigNode]:
        if within is None:
            return self.walk()
        if isinstance(within, ConfigNode):
            return within.walk()
        sections = self.find_all(within)
        return (n for s in sections for n in s.walk())

    def has_line(self, regex: RegexLike, within: RegexLike | ConfigNode | None = None) -> bool:
        """True if a line matches ``regex``; ``within`` limits the search to a node or to the
        descendants of the top-level sections matching a regex."""
        m = _compile(regex).match
        return any(m(n.text) for n in self._scope(within))

    def get_value(self, regex: RegexLike, within: RegexLike | ConfigNode | None = None,
                  group: int | str = 1, default: str | None = None) -> str | None:
        """Group ``group`` of the first line matching ``regex`` (see :meth:`has_line`)."""
        m = _compile(regex).match
        for n in self._scope(within):
            mo = m(n.text)
            if mo:
                v = mo.group(group)
                return v if v is not None else default
        return default


_cache: dict[str, Pattern[str]] = {}


def _compile(regex: RegexLike) -> Pattern[str]:
    if isinstance(regex, Pattern):
        return regex
    p = _cache.get(regex)
    if p is None:
        p = _cache[regex] = re.compile(regex)
    return p


def _raw_end(text: str) -> Pattern[str] | None:
    """End regex if ``text`` opens a raw multi-line block."""
    first = text.split(" ", 1)[0]
    if first not in _RAW_FIRST:
        return None
    for start, end in _RAW_BLOCKS:
        if start.match(text) and not end.match(text):
            return end
    return None


# Bytes that make a configuration unusable (see ``_CONTROL``). UTF-8 never encodes a non-ASCII
# character with a byte below 0x80, so deleting these bytes from the UTF-8 form changes its
# length exactly when ``_CONTROL`` would match the text.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def _block_start(st: str, c: str) -> tuple[Pattern[str] | None, str]:
    """Whether a line opens a multi-line raw block: (end regex, "") for key blocks, (None,
    delimiter) for a banner whose text goes on past this line, else (None, "")."""
    if c == "h" and st.startswith("header "):
        mo = _BANNER.match(st)
        if mo and mo.group(1) not in mo.group(2):
            return None, mo.group(1)
    elif "public-key" in st:
        return _raw_end(st), ""
    return None, ""


def _finish(tree: ConfigTree, raw_node: ConfigNode | None, device: str, command: str) -> ConfigTree:
    if raw_node is not None:
        raise ParseError("unterminated multi-line block", device=device, command=command,
                         line_no=raw_node.line_no, line=raw_node.text)
    if not tree.top:
        raise ParseError("no configuration lines", device=device, command=command)
    return tree


def has_control_chars(text: str) -> bool:
    """True if ``text`` contains a character matched by ``_CONTROL`` (fast: one C pass)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:          # lone surrogates: let the regex decide
        return _CONTROL.search(text) is not None
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


_EMPTY: tuple[()] = ()


class _LeanNode(ConfigNode):
    """A node of a lean tree (``_parse(..., full=False)``): ``parent`` reads ``None`` and ``raw``
    ``False`` from the class, so the parser stores neither (two slot stores less per line; when
    the module is compiled, the class defaults are set by ``__new__``)."""

    __slots__ = ()
    parent: ConfigNode | None = None
    raw: bool = False


def _lean_node(text: str, line_no: int) -> ConfigNode:
    """A leaf of a lean tree."""
    node = _LeanNode.__new__(_LeanNode)
    node.text = text
    node.line_no = line_no
    node.children = _EMPTY
    return node


# First characters of the lines that need a second look in the parser's loop.
_SPECIAL_FIRST = frozenset("#!r")
# First characters of the lines that may open a multi-line block: ``header ...`` and the first
# words of ``_RAW_FIRST``.
_BLOCK_FIRST = frozenset("hrdesp")


def parse_config(text: str, *, device: str = "?",
                 command: str = "display current-configuration") -> ConfigTree:
    """Parse configuration ``text`` into a :class:`ConfigTree`.

    Raises :class:`ParseError` (with device, command and 1-based line) when the text is empty,
    contains control characters (binary or un-cleaned terminal output) or an unterminated
    multi-line block.
    """
    return _parse(text, device, command, True)


def _parse(text: str, device: str, command: str, full: bool,
           lines_out: list[str] | None = None, checked: bool = False,
           index: _Index[Any] | None = None) -> ConfigTree:
    """The parser behind :func:`parse_config`.

    ``full=False`` is the model builder's variant (its loop is :func:`_parse_lean`, which also
    leaves out ``depth`` and most ``indent`` values): the same nodes, texts, line numbers and
    nesting, but ``parent`` is ``None`` (and, like ``raw``, not stored: the nodes are
    ``_LeanNode``; the rare raw continuation lines are plain nodes) and a node without children
    shares the empty tuple instead of owning an empty list. The tree then has no reference cycles
    (it is freed as soon as the builder drops it, without the cyclic garbage collector) and costs
    one object per line instead of two. Such a tree never leaves :mod:`netaudit.model.build`.
    ``lines_out``, if given, receives the text's lines (``line_no`` n is ``lines_out[n - 1]``;
    the node text is that line stripped). ``checked=True``: the caller has already found no
    control characters in ``text`` (:func:`has_control_chars`), so the parser does not look again.
    ``index`` (lean tree only): see :class:`_Index`.
    """
    tree = ConfigTree()
    lines = text.split("\n")
    if lines_out is not None:
        lines_out.extend(lines)
    tree.line_count = len(lines)
    if not checked and has_control_chars(text):
        for i, line in enumerate(lines, 1):
            if _CONTROL.search(line.rstrip("\r")):
                raise ParseError("control characters in configuration", device=device,
                                 command=command, line_no=i, line=line)
    # No line can open a multi-line block without one of these (see ``_block_start``).
    maybe_raw = "public-key" in text or "header " in text
    if not full:
        return _parse_lean(tree, lines, device, command, maybe_raw, index)
    top = tree.top
    # ``Class.__new__(Class)`` and slot stores, not ``Class(...)``: no ``__init__`` call per line.
    # (``object.__new__`` itself would do in Python, but a compiled class has its own.)
    new = ConfigNode.__new__
    special = _SPECIAL_FIRST
    block_first = _BLOCK_FIRST
    stack: list[ConfigNode] = []   # open ancestors, innermost last
    cur_list = top                 # the list the innermost open node was appended to
    # The innermost open node (``stack[-1]``), its indentation, parent, depth and ``cur_list``:
    # most lines are a sibling or a child of the previous one, which these answer without walking
    # the stack.
    cur: ConfigNode | None = None
    cur_ind = -1
    cur_par: ConfigNode | None = None
    cur_dep = -1
    base = -1                      # base indentation of the current block (-1 = unknown)
    raw_node: ConfigNode | None = None
    raw_end: Pattern[str] | None = None
    banner_delim = ""
    for i, line in enumerate(lines, 1):
        st = line.strip()
        if not st:
            continue
        c = st[0]
        ind = 0 if line[0] == c else line.find(c)
        if raw_node is not None:
            node = new(ConfigNode)
            node.text = st
            node.line_no = i
            node.indent = ind
            node.depth = raw_node.depth + 1
            node.children = []
            node.parent = raw_node
            node.raw = True
            raw_node.children.append(node)  # type: ignore[attr-defined]  # a list in this tree
            if banner_delim:
                if banner_delim in st:
                    raw_node = None
                    banner_delim = ""
            elif raw_end is not None and raw_end.match(st):
                raw_node = None
            continue
        if c in special:
            if c == "#":
                if st.strip("#") == "":
                    if ind == 0:        # block separator
                        stack.clear()
                        cur = cur_par = None
                        cur_ind = cur_dep = -1
                        base = -1
                    continue            # indented sub-separator: no structural meaning
                tree.comments.append(ConfigNode(st, i, ind, 0, None))
                continue
            if c == "!" and ind <= 1 and cur is None:
                tree.headers.append(ConfigNode(st, i, ind, 0, None))
                if tree.software_version is None:
                    mo = _SOFTWARE.match(st)
                    if mo:
                        tree.software_version = mo.group(1)
                continue
            if c == "r" and st == "return" and (base < 0 or ind <= base):
                tree.ended = True
                tree.lines_after_return = sum(1 for rest in lines[i:] if rest.strip())
                break
        if base < 0 or ind < base:
            base = ind
        node = new(ConfigNode)
        node.text = st
        node.line_no = i
        node.indent = ind
        if ind == cur_ind:          # same level as the previous node: its parent, list and depth
            node.depth = cur_dep
            node.children = []
            node.parent = cur_par
            node.raw = False
            cur_list.append(node)
            stack[-1] = node        # replaces the previous node on the stack
        else:
            if ind > cur_ind:       # first child of the previous node (or a new top-level one)
                parent = cur_par = cur
                depth = cur_dep = cur_dep + 1
                cur_ind = ind
            else:                   # dedent: close the blocks it ends
                while stack and stack[-1].indent >= ind:
                    stack.pop()
                if stack:
                    parent = stack[-1]
                    depth = parent.depth + 1
                else:
                    parent = None
                    depth = 0
                cur_par, cur_dep, cur_ind = parent, depth, ind
            cur_list = top if parent is None else parent.children  # type: ignore[assignment]
            node.depth = depth
            node.children = []
            node.parent = parent
            node.raw = False
            cur_list.append(node)
            stack.append(node)
        cur = node
        if not maybe_raw or c not in block_first:
            continue
        raw_end, banner_delim = _block_start(st, c)
        if raw_end is not None or banner_delim:
            raw_node = node
    return _finish(tree, raw_node, device, command)



def _parse_lean(tree: ConfigTree, lines: list[str], device: str, command: str,
                maybe_raw: bool = True, index: _Index[Any] | None = None) -> ConfigTree:
    """The loop of :func:`_parse` for ``full=False`` (see there), storing only what the model
    builder reads: the same nodes, texts, line numbers, raw flags, nesting, headers, comments,
    ``ended`` / ``lines_after_return`` and errors as the full loop, but ``depth`` is not stored
    and ``indent`` only on nodes that get children (reading either on another lean node raises
    ``AttributeError``). All nodes but raw lines are ``_LeanNode`` (one class, so the builder's
    attribute reads stay specialised); a leaf shares the empty tuple as ``children``. ``stack``
    holds the open ancestors of the previous node ``cur`` (not ``cur`` itself), so a sibling line
    touches neither the stack nor the block's base indentation (a sibling or a child is never
    less indented than the base).

    Three kinds of line make most of a configuration and take a short path: ``#`` alone (a
    block separator); a line at column 0 that is not ``#…``, ``!…`` or ``return`` and opens no
    multi-line block (always a top-level node: it closes every open block); and, after such a
    line (``head``), one space then a character other than ``#`` (a child of ``head``: the
    bodies of interfaces, ACLs, templates, user-interfaces). The general rules place every other
    line; before they do, the state the short paths left is made what the general rules would
    have made it (previous node: ``head``'s last child, at indentation 1, ``head`` open).

    A head whose first word is in ``index.packed`` gets its short-path children as ``(text,
    line_no)`` pairs instead of nodes (``children`` is then a list of pairs: leaves all, as
    nodes they would have no children): what the interface handler reads, without a node per
    port line. If the general rules come to such a block, its pairs become nodes first, so a
    list of children is all pairs or all nodes.

    ``maybe_raw=False`` says the text contains neither ``public-key`` nor ``header `` (the caller
    looked), so no line opens a multi-line block (see :func:`_block_start`) and none is looked
    at for one. ``index``, if given, is filled with the top-level nodes by first word (see
    :class:`_Index`).
    """
    top = tree.top
    new = _LeanNode.__new__         # see ``_parse``
    node_cls: type[ConfigNode] = _LeanNode
    special = _SPECIAL_FIRST
    block_first = _BLOCK_FIRST
    empty: Sequence[ConfigNode] = _EMPTY
    stack: list[ConfigNode] = []   # open ancestors of ``cur``, innermost last
    cur_list = top                 # the list ``cur`` was appended to
    cur: ConfigNode | None = None  # the previous structural node
    cur_ind = -1                   # its indentation
    base = -1                      # base indentation of the current block (-1 = unknown)
    raw_node: ConfigNode | None = None
    raw_end: Pattern[str] | None = None
    banner_delim = ""
    head: ConfigNode | None = None      # the last column-0 line placed by the short path
    kids: list[ConfigNode] | None = None   # its children placed by the short path (as nodes)
    pairs: list[tuple[str, int]] | None = None  # or as pairs (``packed``: its word is packed)
    packed = False
    if index is None:
        index = _Index({}, {})
    keys = index.keys
    keyed = index.keyed
    hints = index.hints
    hint_heads = index.hint_heads
    pack = index.packed
    for i, line in enumerate(lines, 1):
        st = line.strip()
        if not st:
            continue
        c = st[0]
        if line[0] == " ":
            # ``head`` is set only while no multi-line block is open
            if head is not None and line[1] == c and c != "#" and not (maybe_raw and _opens_block(st)):
                if packed:
                    if pairs is None:
                        pairs = [(st, i)]
                        head.children = pairs  # type: ignore[assignment]  # see the docstring
                    else:
                        pairs.append((st, i))
                    continue
                node = new(node_cls)
                node.text = st
                node.line_no = i
                node.children = empty
                if kids is None:
                    kids = head.children = [node]
                else:
                    kids.append(node)
                continue
        elif line[0] == c and raw_node is None:     # column 0
            if c not in special and not (maybe_raw and c in block_first):
                node = new(node_cls)
                node.text = st
                node.line_no = i
                node.children = empty
                top.append(node)
                if stack:
                    stack.clear()
                cur = head = node
                kids = pairs = None
                cur_ind = 0
                cur_list = top
                base = 0
                sp = st.find(" ")
                k = st if sp < 0 else st[:sp]
                v = keys.get(k)
                if v is not None:
                    keyed.append((v, node))
                hint = hints.get(k)
                if hint is not None and st.startswith(hint):
                    hint_heads.append(st)
                packed = k in pack
                continue
            if line == "#":             # block separator (as below)
                stack.clear()
                cur = head = None
                cur_ind = -1
                base = -1
                continue
        # The general rules. First the state the short path would have left to them.
        if head is not None:
            if pairs is not None:
                kids = head.children = [_lean_node(t, n) for t, n in pairs]
                pairs = None
            if kids is not None:
                head.indent = 0
                stack.append(head)
                cur = kids[-1]
                cur_ind = 1
                cur_list = kids
                kids = None
            head = None
        if raw_node is not None:
            node = ConfigNode(st, i, 0, 0, None, True)     # rare: no short cut
            node.children = empty
            rc = raw_node.children
            if rc is empty:
                raw_node.children = [node]
            else:
                rc.append(node)  # type: ignore[attr-defined]  # a list once the block has a line
            if banner_delim:
                if banner_delim in st:
                    raw_node = None
                    banner_delim = ""
            elif raw_end is not None and raw_end.match(st):
                raw_node = None
            continue
        ind = 0 if line[0] == c else line.find(c)
        if c in special:
            if c == "#":
                if st.strip("#") == "":
                    if ind == 0:        # block separator
                        stack.clear()
                        cur = None
                        cur_ind = -1
                        base = -1
                    continue            # indented sub-separator: no structural meaning
                tree.comments.append(ConfigNode(st, i, ind, 0, None))
                continue
            if c == "!" and ind <= 1 and cur is None:
                tree.headers.append(ConfigNode(st, i, ind, 0, None))
                if tree.software_version is None:
                    mo = _SOFTWARE.match(st)
                    if mo:
                        tree.software_version = mo.group(1)
                continue
            if c == "r" and st == "return" and (base < 0 or ind <= base):
                tree.ended = True
                tree.lines_after_return = sum(1 for rest in lines[i:] if rest.strip())
                break
        node = new(node_cls)
        node.text = st
        node.line_no = i
        node.children = empty
        if ind == cur_ind:          # same level as the previous node: same list
            cur_list.append(node)
        elif ind > cur_ind:         # first child of the previous node (or a block's first line)
            if cur is None:
                cur_list = top
                base = ind
            else:
                cur.indent = cur_ind
                stack.append(cur)
                got = cur.children
                if got is empty:
                    cur_list = []
                    cur.children = cur_list
                else:               # a raw block's opener, after its continuation lines
                    cur_list = got  # type: ignore[assignment]
            cur_ind = ind
            cur_list.append(node)
        else:                       # dedent: close the blocks it ends
            if ind < base:
                base = ind
            while stack and stack[-1].indent >= ind:
                stack.pop()
            cur_list = stack[-1].children if stack else top  # type: ignore[assignment]
            cur_ind = ind
            cur_list.append(node)
        cur = node
        if cur_list is top:
            sp = st.find(" ")
            k = st if sp < 0 else st[:sp]
            v = keys.get(k)
            if v is not None:
                keyed.append((v, node))
            hint = hints.get(k)
            if hint is not None and st.startswith(hint):
                hint_heads.append(st)
        if maybe_raw and c in block_first:
            raw_end, banner_delim = _block_start(st, c)
            if raw_end is not None or banner_delim:
                raw_node = node
    return _finish(tree, raw_node, device, command)


class _Index(Generic[_V]):
    """Top-level nodes by first word, filled by the lean parser as it places them: ``keyed``
    gets ``(keys[word], node)`` for each whose first word (up to the first space) is a key, in
    order; ``hint_heads`` the text of each that starts with one of ``hints[word]`` (prefixes).
    A top-level node whose first word is in ``packed`` gets its one-space children as ``(text,
    line_no)`` pairs when it can (see :func:`_parse_lean`)."""

    __slots__ = ("keys", "hints", "packed", "keyed", "hint_heads")

    def __init__(self, keys: dict[str, _V], hints: dict[str, tuple[str, ...]],
                 packed: frozenset[str] = frozenset()) -> None:
        self.keys = keys
        self.hints = hints
        self.packed = packed
        self.keyed: list[tuple[_V, ConfigNode]] = []
        self.hint_heads: list[str] = []


def _opens_block(st: str) -> bool:
    """Whether a stripped line may open a multi-line block (a superset of :func:`_block_start`)."""
    return "public-key" in st or st.startswith("header ")
