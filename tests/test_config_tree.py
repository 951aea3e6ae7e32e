"""Config tree: structure, line numbers, queries, odd real-world shapes (real captures first)."""

from __future__ import annotations

import pytest

from netaudit.errors import ParseError
from netaudit.parse.config_tree import parse_config
from tests.fixtures_path import REAL

CONFIGS = REAL / "configs"
USG = REAL / "show" / "display_current-configuration" / "usg6000v-hrp-99-fw01-lab.txt"


def _read(name: str) -> str:
    return (CONFIGS / name).read_text(encoding="utf-8")


def _line_of(text: str, exact: str) -> int:
    """1-based line number of the first line whose right-stripped text equals ``exact``."""
    for i, line in enumerate(text.split("\n"), 1):
        if line.rstrip() == exact:
            return i
    raise AssertionError(exact)


def test_ce8850_structure_and_line_numbers() -> None:
    text = _read("ce8850-v200r002c50-stack-23k0573.txt")
    tree = parse_config(text)
    assert tree.software_version == "V200R002C50SPC800"
    assert [h.text for h in tree.headers][1].startswith("!Last configuration was updated at 2019-04-24")
    assert tree.ended and tree.lines_after_return == 0
    vty = tree.find(r"user-interface vty 0 4$")
    assert vty is not None
    assert vty.line_no == _line_of(text, "user-interface vty 0 4")
    assert [c.text for c in vty.children] == [
        "authentication-mode aaa", "user privilege level 3", "idle-timeout 60 0", "protocol inbound ssh"]
    proto = vty.child("protocol inbound")
    assert proto is not None and proto.parent is vty and proto.depth == 1
    assert proto.line_no == vty.line_no + 4
    # nested OSPF areas: area is a child of ospf, network a grandchild
    ospf = tree.find(r"ospf 1$")
    assert ospf is not None
    area = ospf.child(r"area 0\.6\.0\.2$")   # "area 0.6.0.2   " has trailing pager padding
    assert area is not None and area.text == "area 0.6.0.2"
    assert [c.text for c in area.children] == ["network 119.110.95.64 0.0.0.3", "stub"]
    assert len(tree.find_all(r"interface ")) == 129
    assert len(tree.find_all(r"eth-trunk \d+", recursive=True)) == 53   # grep -c "^ eth-trunk [0-9]"


def test_commented_lines_are_not_config() -> None:
    text = _read("ce8850-v200r002c50-stack-23k0573.txt")
    tree = parse_config(text)
    assert [c.text.split()[0] for c in tree.comments] == ["#local-user", "#", "#"]
    assert tree.comments[0].line_no == next(
        i for i, line in enumerate(text.split("\n"), 1) if line.startswith(" #local-user"))
    assert not tree.has_line(r"#")
    assert not tree.has_line(r".*usm-user v3 network-snmp-user authentication-mode")
    aaa = tree.find("aaa$")
    assert aaa is not None
    assert [c.text for c in aaa.children][:3] == [
        "local-user authentication lock duration 0", "local-user netadmin service-type ssh",
        "local-user netadmin level 3"]


def test_vrp5_leading_space_top_level() -> None:
    text = _read("s3328-v100r005c01spc100-huishi.txt")
    tree = parse_config(text)
    assert tree.software_version == "V100R005C01SPC100"
    sysname = tree.find("sysname ")
    assert sysname is not None and sysname.depth == 0 and sysname.indent == 1
    assert sysname.line_no == 3
    assert tree.get_value(r"sysname (\S+)") == "HuiShi-3328"
    routes = tree.find_all(r"ip route-static ")
    assert len(routes) == 4 and all(r.depth == 0 for r in routes)
    # a normal 0-indent block after the 1-indent ones still nests its children
    acl = tree.find(r"acl number 2001$")
    assert acl is not None and len(acl.children) == 4
    assert tree.has_line(r"rule 100 deny", within=r"acl number 2001")
    assert not tree.has_line(r"rule 100 deny", within=r"acl number 3000")
    vty = tree.find(r"user-interface vty 0 3$")   # padded to column 42 in the capture
    assert vty is not None and vty.child("acl 2001 inbound") is not None


def test_usg_blank_lines_and_indented_top_level() -> None:
    text = USG.read_text(encoding="utf-8")
    tree = parse_config(text)
    assert tree.software_version is None        # the capture has no ! header
    assert tree.find("hrp enable") is not None
    tr = tree.find("time-range worktime")
    assert tr is not None and [c.text for c in tr.children] == ["period-range 08:00:00 to 18:00:00 working-day"]
    aaa = tree.find("aaa$")
    assert aaa is not None
    admin = aaa.child("manager-user admin$")
    assert admin is not None
    assert [c.text.split()[0] for c in admin.children] == ["password", "service-type", "level"]
    bgp = tree.find("bgp 65098")
    assert bgp is not None
    fam = bgp.child("ipv4-family unicast")
    assert fam is not None and fam.child("peer 10.99.14.2 group blf02") is not None
    sp = tree.find("security-policy")
    assert sp is not None and len(sp.find_children("rule name ")) == 2


def test_ce12800_odd_two_space_line_nests() -> None:
    tree = parse_config(_read("ce12800-sim-v200r005c10spc607-huawei1-hwtacacs.txt"))
    aaa = tree.find("aaa$")
    assert aaa is not None
    undo = aaa.child("undo local-user policy security-enhance")
    assert undo is not None and undo.children[0].text.startswith("local-user admin password")
    assert len(tree.find_all(r"interface MEth0/0/0$")) == 3   # duplicated blocks kept as seen


SYNTHETIC_BLOCKS = """\
!Software Version V200R019C10SPC500
#
sysname SYN
#
header login information "Authorized
# access only
return to sender"
#
rsa peer-public-key nms
 public-key-code begin
  3082010A
    02820101
 public-key-code end
 peer-public-key end
#
interface GigabitEthernet0/0/1
 #comment inside
 description x
#
return
"""


def test_multiline_blocks_synthetic() -> None:
    """SYNTHETIC text: banner spanning lines (with '#' and 'return' inside) and a key block."""
    tree = parse_config(SYNTHETIC_BLOCKS)
    hdr = tree.find("header login information")
    assert hdr is not None
    assert [c.text for c in hdr.children] == ["# access only", 'return to sender"']
    assert all(c.raw for c in hdr.children)
    key = tree.find("rsa peer-public-key nms")
    assert key is not None
    assert [c.text for c in key.children] == [
        "public-key-code begin", "3082010A", "02820101", "public-key-code end", "peer-public-key end"]
    assert key.children[2].line_no == 12
    gi = tree.find("interface GigabitEthernet0/0/1")
    assert gi is not None and [c.text for c in gi.children] == ["description x"]
    assert tree.comments[0].text == "#comment inside"
    assert tree.ended


def test_queries() -> None:
    tree = parse_config(_read("s5700-v200r005c00spc500-s5700b.txt"))
    assert tree.find(r"nonexistent") is None
    assert tree.get_value(r"ssh server port (\d+)") == "2022"
    assert tree.get_value(r"nothing (\d+)", default="x") == "x"
    assert len(tree.children(r"interface GigabitEthernet")) == 48
    assert len(tree.children()) == len(tree.top)
    gi = tree.find(r"interface GigabitEthernet0/0/11$")
    assert gi is not None and gi.get_value(r"eth-trunk (\d+)") == "0"
    assert gi.path() == ["interface GigabitEthernet0/0/11"]
    assert tree.has_line(r"mode lacp", within=tree.find(r"interface Eth-Trunk0"))


@pytest.mark.parametrize("text", ["", "\n\n   \n", "#\n#\nreturn\n"])
def test_empty_is_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as ei:
        parse_config(text, device="sw1")
    assert ei.value.device == "sw1" and ei.value.command == "display current-configuration"


def test_control_characters_are_parse_error_with_line() -> None:
    with pytest.raises(ParseError) as ei:
        parse_config("sysname a\n#\ninterface X\x00\n", device="sw1")
    assert ei.value.line_no == 3


def test_unterminated_block_is_parse_error() -> None:
    with pytest.raises(ParseError) as ei:
        parse_config("sysname a\nrsa peer-public-key k\n public-key-code begin\n  30\n")
    assert ei.value.line_no == 2


# --- the model builder's lean tree (``_parse(..., full=False)``) -------------------------------
_RAW_SHAPES = (
    "sysname A\n#\nrsa peer-public-key k1\n public-key-code begin\n  3082010A\n public-key-code end\n"
    " peer-public-key end\n#\ninterface X1\n shutdown\n#\nreturn\n",
    'header login information "hello\nworld\n more"\n#\nheader shell information %abc%\nsysname B\n',
    " sysname C\n#\n header login information ^\nhi\n  there ^\n interface G0\n  description x\n"
    "   y\n  z\n    w\n   v\n#\nreturn\nfoo\n",
    "!Software Version V1\n!x\n sysname Q\n #\n#comment\n  #c2\nreturn 1\na\n  b\n c\n   d\nreturn\n",
)


def _lean_packed(text: str) -> tuple[object, int]:
    """The lean tree of ``text`` with every first word packed (see ``config_tree._Index``), its
    pair children turned back into leaves; and how many nodes had pairs."""
    from netaudit.parse.config_tree import _Index, _lean_node, _parse

    words = frozenset(ln.strip().split(" ", 1)[0] for ln in text.split("\n"))
    tree = _parse(text, "?", "display current-configuration", False, index=_Index({}, {}, words))
    packed = 0
    todo = list(tree.top)
    while todo:
        n = todo.pop()
        kids = n.children
        if kids and type(kids[0]) is tuple:
            assert all(type(k) is tuple for k in kids)
            n.children = [_lean_node(t, ln) for t, ln in kids]  # type: ignore[misc]
            packed += 1
        else:
            assert not any(type(k) is tuple for k in kids)
            todo.extend(kids)
    return tree, packed


def _shape(tree: object, lean: bool) -> list[tuple[object, ...]]:
    from netaudit.parse.config_tree import ConfigTree

    assert isinstance(tree, ConfigTree)
    out: list[tuple[object, ...]] = []
    for n in tree.walk():
        if lean:
            assert n.parent is None
        # the lean tree stores neither depth nor (on leaves) indentation: the builder reads
        # neither; the nesting is checked by the child line numbers
        out.append((n.text, n.line_no, n.raw, len(n.children), [c.line_no for c in n.children]))
    return out


@pytest.mark.parametrize("text", [
    *_RAW_SHAPES, *(t.replace("\n", "\r\n") for t in _RAW_SHAPES),
    *(p.read_text(encoding="utf-8", errors="replace") for p in sorted(CONFIGS.glob("*.txt"))),
])
def test_lean_tree_has_the_public_trees_nodes(text: str) -> None:
    """Same nodes, texts, line numbers, raw flags and nesting; no parents."""
    from netaudit.parse.config_tree import _parse

    full = parse_config(text)
    lines: list[str] = []
    lean = _parse(text, "d", "display current-configuration", False, lines)
    assert lines == text.split("\n")
    assert _shape(lean, True) == _shape(full, False)
    assert [h.text for h in lean.headers] == [h.text for h in full.headers]
    assert [c.text for c in lean.comments] == [c.text for c in full.comments]
    assert (lean.software_version, lean.ended, lean.lines_after_return, lean.line_count) == (
        full.software_version, full.ended, full.lines_after_return, full.line_count)
    assert _parse(text, "d", "c", False, None, True).line_count == full.line_count
    packed_tree, packed = _lean_packed(text)
    assert _shape(packed_tree, True) == _shape(full, False)


def _mutants(text: str, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    lines = text.split("\n")
    return [
        "\n".join(" " * rng.choice([0, 0, 1, 1, 2, 3]) + ln.lstrip() for ln in lines),   # re-indented
        "\n".join(ln if rng.random() < 0.9 else "" for ln in lines),                     # blank lines
        "\n".join(ln if rng.random() < 0.9 else " #" for ln in lines),                   # sub-separators
        "\n".join(ln if rng.random() < 0.95 else ' header x "a' for ln in lines) + '\n"',   # banners
        "\n".join(ln if rng.random() < 0.95 else "#note" for ln in lines),               # comments
        "\n".join(ln + (" " if rng.random() < 0.2 else "") for ln in lines),             # trailing spaces
        "\n".join(ln.replace(" ", "\t", 1) if rng.random() < 0.1 else ln for ln in lines),  # tabs
        "\n".join(ln if rng.random() < 0.95 else "return" for ln in lines),              # early return
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in CONFIGS.glob("*.txt")))
def test_lean_tree_short_paths_on_mutated_configs(name: str) -> None:
    """The lean parser's short paths (separators, column-0 lines, one-space children) leave the
    same tree as the general rules: compared with the public tree on odd variants of real
    captures (re-indented, blank lines, `` #``, banners, comments, trailing spaces, tabs)."""
    from netaudit.parse.config_tree import _parse

    assert _lean_packed(_read(name))[1] > 10      # the packed short path is taken
    for k, text in enumerate(_mutants(_read(name), sum(map(ord, name)))):
        try:
            full = parse_config(text)
        except ParseError as exc:
            with pytest.raises(ParseError) as ei:
                _parse(text, "?", "display current-configuration", False)
            assert (ei.value.line_no, str(ei.value)) == (exc.line_no, str(exc)), k
            with pytest.raises(ParseError):
                _lean_packed(text)
            continue
        lean = _parse(text, "?", "display current-configuration", False)
        assert _shape(lean, True) == _shape(full, False), k
        assert _shape(_lean_packed(text)[0], True) == _shape(full, False), k
        assert [c.text for c in lean.comments] == [c.text for c in full.comments], k
        assert (lean.ended, lean.lines_after_return) == (full.ended, full.lines_after_return), k
