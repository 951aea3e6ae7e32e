"""Fast paths of the model builder give the same answers as the plain code they replace."""

from __future__ import annotations

import random

from netaudit.model.build import _HANDLERS
from netaudit.model.platforms import _HINT_BY_WORD, _HINT_PREFIXES, family_for
from netaudit.parse.clean import at_line_start as _at_line_start
from netaudit.parse.clean import contains
from netaudit.parse.config_tree import _Index, _parse


def test_at_line_start_is_the_two_character_search() -> None:
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice("ab\n<[ \r") for _ in range(rng.randint(0, 50)))
        for ch in "<[":
            assert _at_line_start(text, ch) == ("\n" + ch in text), (text, ch)
    many = "x" + "<y" * 40          # past the look-ahead limit: the plain search decides
    assert not _at_line_start(many, "<")
    assert _at_line_start(many + "\n<", "<")


def test_contains_is_the_plain_search() -> None:
    rng = random.Random(12)
    for _ in range(20000):
        text = "".join(rng.choice(["M", "More", "Mo", "re", "H", "HRP_", "x", "\n"])
                       for _ in range(rng.randint(0, 30)))
        for needle in ("More", "HRP_", "M"):
            assert contains(text, needle) == (needle in text), (text, needle)


def test_family_from_the_hint_heads_alone() -> None:
    """``build_device`` gives ``family_for`` only the heads that start with a hint prefix of their
    own first word: the same answer as from every head."""
    rng = random.Random(5)
    words = sorted({p.split(" ", 1)[0] for p in _HINT_PREFIXES}) + ["sysname", "snmp-agent", "vlan"]
    tails = ["", " ", "X", " enable", " server disable", " ipv4 server disable", " zone trust",
             " board 1 board-type CE6850", "10GE1/0/1", " GE1/0/1", " 10GE1/0/1", " Vlan-interface10",
             " Bridge-Aggregation1", " member 1", " vty 0 4", " class vty", " login-attempt 3",
             "\tGE1/0/1", " GigabitEthernet0/0/1"]
    for _ in range(3000):
        heads = [rng.choice(words) + rng.choice(tails) for _ in range(rng.randint(0, 6))]
        text = "\n".join(heads) + "\n" if heads else "sysname x\n"
        index: _Index[object] = _Index({}, _HINT_BY_WORD)
        tree = _parse(text, "d", "c", False, index=index)
        hint_heads = index.hint_heads
        all_heads = [n.text for n in tree.top]
        assert hint_heads == [h for h in all_heads if h.startswith(_HINT_PREFIXES)
                              and h.split(" ", 1)[0] in _HINT_BY_WORD], heads
        for platform in ("huawei_vrp", "huawei", "other"):
            assert family_for(platform, hint_heads, None) == family_for(platform, all_heads, None), heads


def test_index_is_the_first_word_of_every_top_level_node() -> None:
    """The lean parser's index gives the handler of every top-level node, in order, whatever
    shape the text has (old VRP5 leading spaces, raw blocks, comments, dedents)."""
    from tests.fixtures_path import REAL
    from tests.test_config_tree import _RAW_SHAPES

    texts = [*_RAW_SHAPES, *(p.read_text(encoding="utf-8", errors="replace")
                             for p in sorted((REAL / "configs").glob("*.txt")))]
    rng = random.Random(3)
    for base in list(texts):
        lines = base.split("\n")
        texts.append("\n".join(" " * rng.choice([0, 0, 1, 2]) + ln.lstrip() for ln in lines))
    for text in texts:
        index: _Index[object] = _Index(_HANDLERS, _HINT_BY_WORD)
        tree = _parse(text, "d", "c", False, index=index)
        want = []
        for n in tree.top:
            word = n.text.split(" ", 1)[0]
            if word in _HANDLERS:
                want.append((_HANDLERS[word], n))
        assert [(h, n.line_no) for h, n in index.keyed] == [(h, n.line_no) for h, n in want]
        assert all(a is b for (_, a), (_, b) in zip(index.keyed, want, strict=True))
        assert index.hint_heads == [n.text for n in tree.top
                                    if n.text.startswith(_HINT_BY_WORD.get(n.text.split(" ", 1)[0], ()))]


def test_interface_shapes_are_split_interface() -> None:
    """The builder splits a name like the first one of its shape (same text but the trailing
    digits): same answer as ``split_interface`` for every name."""
    from netaudit.model.build import build_device
    from netaudit.model.platforms import split_interface

    rng = random.Random(4)
    stems = ["GigabitEthernet0/0/", "XGigabitEthernet1/1/0/", "GE1/0/", "10GE1/0/", "Eth-Trunk",
             "Vlanif", "LoopBack", "GigabitEthernet0/0/1.", "Ten-GigabitEthernet1/0/0:", "X",
             "X#", "Foo-", "40GE", "MultiGE1/0/", "NULL", "Tunnel0/0/", "GE1/0/1:", "1", "-", "a/b/"]
    for _ in range(300):
        names = sorted({rng.choice(stems) + rng.choice(["", "0", "1", "12", "007"])
                        for _ in range(rng.randint(1, 8))})
        text = "".join(f"interface {n}\n shutdown\n#\n" for n in names)
        dev = build_device("d", "huawei_vrp", {"display current-configuration": text})
        for n in names:
            ifc = dev.interfaces[n]
            assert (ifc.type, ifc.number, ifc.chassis, ifc.slot, ifc.physical) == split_interface(n), n


def test_mask_table_is_the_bit_count() -> None:
    from netaudit.model.build import _MASKS, _mask_len

    assert len(_MASKS) == 33
    for mask, n in _MASKS.items():
        assert n == sum(bin(int(o)).count("1") for o in mask.split("."))
    assert _mask_len("255.255.255.0") == 24 and _mask_len("255.0.255.0") == 16 and _mask_len("24") == 24


def test_scheme_fast_path_is_the_regex() -> None:
    """``_scheme`` reads kind and name without the regex when the name is one plain word: same
    schemes (kind, name) as the regex alone gives, for odd spacing and characters too."""
    from netaudit.model.build import _RX_SCHEME, build_device

    rng = random.Random(6)
    kinds = ["authentication", "authorization", "accounting", "recording", "cmd", "x"]
    names = ["a", "cz-auth", "", " b", "b ", "a b", "a\tb", "\u00e9t\u00e9", "a\u200bb", "a\u3000b"]
    for _ in range(2000):
        line = f"{rng.choice(kinds)}-scheme{rng.choice([' ', '  ', chr(9)])}{rng.choice(names)}".rstrip()
        dev = build_device("d", "huawei_vrp", {"display current-configuration": f"aaa\n {line}\n"})
        a = dev.aaa
        got = {(k, n) for k in ("authentication", "authorization", "accounting", "recording")
               for n in getattr(a, f"{k}_schemes")}
        mo = _RX_SCHEME.match(line.strip())
        assert got == ({(mo.group(1), mo.group(2))} if mo else set()), line


def test_positional_constructors_build_what_the_classes_build() -> None:
    """``_make_X(fields..., line, src)`` equals ``X(fields...)`` with ``[line]`` as evidence."""
    from netaudit.model import build as b
    from netaudit.model.device import _Lines

    src = _Lines(["a 1", "b 2", "c 3"], 0, "display current-configuration")
    cases = [
        (b._make_local_user, b.LocalUser, {"name": "u", "source": "local-user"}),
        (b._make_scheme, b.AaaScheme, {"name": "s", "kind": "authentication"}),
        (b._make_domain, b.Domain, {"name": "d"}),
        (b._make_template, b.ServerTemplate, {"name": "t", "protocol": "hwtacacs"}),
        (b._make_server, b.AaaServer, {"kind": "authentication", "role": "primary", "ip": "10.0.0.1",
                                       "port": 49, "vpn_instance": "MGMT"}),
        (b._make_user_interface, b.UserInterface, {"kind": "vty", "first": 0, "last": 4}),
        (b._make_acl, b.Acl, {"name": "2000", "number": 2000, "ipv6": False}),
        (b._make_rule, b.AclRule, {"rule_id": 5, "action": "permit", "text": "rule 5 permit"}),
        (b._make_loghost, b.LogHost, {"host": "10.0.0.2", "vpn_instance": None, "ipv6": False}),
        (b._make_ntp_server, b.NtpServer, {"address": "10.0.0.3", "kind": "server", "vpn_instance": None,
                                           "source_interface": "Vlanif9"}),
        (b._make_snmp_group, b.SnmpGroup, {"name": "g", "version": "v3", "security_level": "privacy",
                                           "acl": "2000"}),
        (b._make_usm_user, b.UsmUser, {"name": "u3"}),
        (b._make_snmp_target, b.SnmpTarget, {"address": "10.0.0.4", "params": "params securityname x"}),
    ]
    for make, cls, kwargs in cases:
        made = make(*kwargs.values(), 2, src)
        plain = cls(**kwargs)
        plain.evidence = src.materialise(2)
        assert made.model_dump() == plain.model_dump(), cls.__name__
        assert [(e.line, e.text) for e in made.evidence] == [(2, "b 2")], cls.__name__


def test_interface_name_is_the_second_word() -> None:
    from netaudit.model.build import build_device

    heads = ["interface GE1/0/1", "interface GE1/0/2 ", "interface GE1/0/3  mode l2", "interface  GE1/0/4",
             "interface", "interface GE1/0/5\u3000x", "interface G\u00e9", "interface GE1/0/6\tx"]
    text = "".join(f"{h}\n shutdown\n#\n" for h in heads)
    dev = build_device("d", "huawei_vrp", {"display current-configuration": text})
    want = [h.split()[1] for h in heads if len(h.split()) > 1]
    assert list(dev.interfaces) == want
    assert all(dev.interfaces[n].shutdown for n in want)


def test_ignored_interface_lines_are_outside_the_keyword_dispatch() -> None:
    """The no-op lines of the exact-line table are lines the keyword dispatch skips anyway."""
    from netaudit.model.build import _IF_EXACT, _IF_IGNORED, _IF_KEYS

    assert not {t.split(" ", 1)[0] for t in _IF_IGNORED} & _IF_KEYS
    assert all(_IF_EXACT[t] == ("", None) for t in _IF_IGNORED)


def test_ssh_on_patterns_end_in_enable() -> None:
    """The ssh handler tries ``ssh_on`` only on lines ending in ``enable``."""
    from netaudit.model.platforms import SYNTAX

    for syn in SYNTAX.values():
        assert syn.ssh_on.pattern.endswith("enable$"), syn.family


def test_interface_lines_as_pairs_or_nodes() -> None:
    """An interface section reads the same whether the lean parser hands its lines over as
    ``(text, line_no)`` pairs (the short path) or as nodes (a block the general rules place: here
    a line nested one level deeper at its end, which the interface handler ignores)."""
    from netaudit.model.build import CONFIG_COMMAND, build_device

    body = ["interface GigabitEthernet0/0/7", " description user-port-07", " port link-type access",
            " port default vlan 204", " stp edged-port enable", " ip source check user-bind enable",
            " undo shutdown", " port trunk allow-pass vlan 10 to 20", " eth-trunk 3",
            " ip address 10.1.1.1 255.255.255.0", " authentication-profile p1", " shutdown"]
    plain = "\n".join(["sysname A", "#", *body, "#", "return", ""])
    odd = "\n".join(["sysname A", "#", *body, "  nested-odd-line", "#", "return", ""])
    a = build_device("A", "huawei_vrp", {CONFIG_COMMAND: plain})
    b = build_device("A", "huawei_vrp", {CONFIG_COMMAND: odd})
    ia, ib = a.interfaces["GigabitEthernet0/0/7"], b.interfaces["GigabitEthernet0/0/7"]
    assert ia.model_dump() == ib.model_dump()
    assert ia.default_vlan == 204 and ia.description == "user-port-07" and ia.shutdown
    assert [e.line for e in ia.ev("default_vlan")] == [6]
