"""Hostile configurations: a Device or a ParseError naming device and command — nothing else.

Also: no secret from the real captures ever reaches the serialized model.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netaudit.errors import ParseError
from netaudit.model import Device, build_device
from netaudit.model.build import CONFIG_COMMAND
from tests.fixtures_path import REAL, SHOW

FILES = sorted((REAL / "configs").glob("*.txt")) + [
    SHOW / "display_current-configuration" / "usg6000v-hrp-99-fw01-lab.txt"]
TEXTS = [p.read_text(encoding="utf-8") for p in FILES]
SETTINGS = settings(max_examples=50, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

_SECRET = re.compile(r"%\^%#.*?%\^%#|%\$%\$.*?%\$%\$|%@%@.*?%@%@|@%@%.*?@%@%|%\+%#.*?%\+%#|\$1[a-d]\$\S+")
_AFTER_CIPHER = re.compile(r"(?<!server )(?<!client )(?:cipher|irreversible-cipher) (\S+)")


def _secrets() -> set[str]:
    found: set[str] = set()
    for t in TEXTS:
        found.update(m.group(0) for m in _SECRET.finditer(t))
        found.update(m.group(1) for m in _AFTER_CIPHER.finditer(t))
    return {s for s in found if len(s) >= 8}


def _build_or_parse_error(text: str, platform: str = "huawei_vrp") -> Device | None:
    try:
        return build_device("fz1", platform, {CONFIG_COMMAND: text})
    except ParseError as exc:
        assert exc.device == "fz1" and exc.command == CONFIG_COMMAND
        return None


def test_no_secret_reaches_the_model() -> None:
    secrets = _secrets()
    assert len(secrets) > 30     # the captures really contain many
    for text in TEXTS:
        dev = build_device("s1", "huawei_vrp", {CONFIG_COMMAND: text})
        dumped = dev.model_dump_json()
        leaked = [s for s in secrets if s in dumped]
        assert leaked == [], leaked[:3]
        assert ("ssh server cipher aes256_" in dumped) == ("ssh server cipher aes256_" in text)
        for marker in ("%^%#", "%$%$", "%@%@", "@%@%", "%+%#", "$1a$", "$1c$"):
            assert marker not in dumped


@SETTINGS
@given(idx=st.integers(0, len(TEXTS) - 1), cut=st.floats(0, 1))
def test_truncated(idx: int, cut: float) -> None:
    text = TEXTS[idx]
    _build_or_parse_error(text[: int(len(text) * cut)])


@SETTINGS
@given(idx=st.integers(0, len(TEXTS) - 1), data=st.data())
def test_shuffled_lines(idx: int, data: st.DataObject) -> None:
    lines = TEXTS[idx].split("\n")
    _build_or_parse_error("\n".join(data.draw(st.permutations(lines))))


@SETTINGS
@given(idx=st.integers(0, len(TEXTS) - 1), at=st.integers(0, 10_000))
def test_gbk_description(idx: int, at: int) -> None:
    from netaudit.parse.clean import decode_output

    lines = TEXTS[idx].split("\n")
    pos = at % len(lines)
    lines.insert(pos, " description 接入交换机-二楼")
    raw = "\n".join(lines).encode("gbk", errors="replace")
    dev = _build_or_parse_error(decode_output(raw))
    if dev is not None and pos > 0 and lines[pos - 1].startswith("interface "):
        name = lines[pos - 1].split()[1]
        assert any(e.text == "description 接入交换机-二楼" for e in dev.interfaces[name].ev("description"))


@SETTINGS
@given(idx=st.integers(0, len(TEXTS) - 1), seqs=st.lists(
    st.sampled_from(["\x1b[42D", "\x1b[1D", "  ---- More ----", "\r", "\x1b[0m", "\x08"]), min_size=1,
    max_size=20), at=st.lists(st.integers(0, 100_000), min_size=1, max_size=20))
def test_ansi_laden(idx: int, seqs: list[str], at: list[int]) -> None:
    text = TEXTS[idx]
    for s, a in zip(seqs, at, strict=False):
        p = a % (len(text) + 1)
        text = text[:p] + s + text[p:]
    _build_or_parse_error(text)


@SETTINGS
@given(blob=st.binary(max_size=4000), platform=st.sampled_from(["huawei_vrp", "huawei_vrpv8", "hp_comware"]))
def test_random_bytes(blob: bytes, platform: str) -> None:
    from netaudit.parse.clean import decode_output

    _build_or_parse_error(decode_output(blob), platform)


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list(" #!\nabcdeinrtu0123/-\"%^$")), max_size=800))
def test_random_config_like_text(text: str) -> None:
    _build_or_parse_error("sysname fz\n" + text)


# --- lazy evidence: reads like the eager lists it replaced ------------------------------------------
def _all_evidenced(obj: object, out: list[object]) -> list[object]:
    """Every model object with evidence inside ``obj`` (depth first)."""
    from dataclasses import fields, is_dataclass

    from netaudit.model.device import _Evidenced

    if isinstance(obj, _Evidenced):
        out.append(obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            if f.name not in ("evidence", "field_evidence"):
                _all_evidenced(getattr(obj, f.name), out)
    elif isinstance(obj, dict):
        for v in obj.values():
            _all_evidenced(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _all_evidenced(v, out)
    return out


def test_lazy_evidence_reads_like_lists() -> None:
    import pickle

    from netaudit.model.device import Evidence, Interface
    from netaudit.redact import redact

    for path, text in zip(FILES, TEXTS, strict=True):
        lazy = build_device(path.stem, "huawei_vrp", {CONFIG_COMMAND: text})
        other = build_device(path.stem, "huawei_vrp", {CONFIG_COMMAND: text})
        # pickled (audit workers) before any read: same model after
        copy = pickle.loads(pickle.dumps(lazy))
        assert copy == lazy and copy.model_dump_json() == lazy.model_dump_json()
        # equality and dumps of two untouched builds; reading does not change the dump
        assert lazy == other
        dumped = other.model_dump_json()
        lines = text.split("\n")
        for obj in _all_evidenced(lazy, []):
            ev = obj.evidence                                  # type: ignore[attr-defined]
            fev = obj.field_evidence                           # type: ignore[attr-defined]
            assert type(ev) is list and type(fev) is dict
            assert ev is obj.evidence and fev is obj.field_evidence   # materialised once
            assert len(ev) == len(list(iter(ev))) and bool(ev) == (len(ev) > 0)
            assert ev[:1] == ([ev[0]] if ev else []) and ev == list(ev)
            for e in [*ev, *(e for lst in fev.values() for e in lst)]:
                assert isinstance(e, Evidence) and e.command == CONFIG_COMMAND
                raw = lines[e.line - 1].strip()
                assert e.text in (raw, redact(raw))
            for name, lst in fev.items():
                assert obj.ev(name) == (lst or ev)             # type: ignore[attr-defined]
        assert lazy.model_dump_json() == dumped
        # writes through the properties still work
        ifc = next(iter(lazy.interfaces.values()))
        extra = Evidence(1, "x")
        ifc.evidence.append(extra)
        assert ifc.evidence[-1] is extra
        ifc.field_evidence = {"speed": [extra]}
        assert ifc.ev("speed") == [extra] and ifc.ev("nothing") == ifc.evidence
    fresh = Interface(name="GE0/0/1")
    assert fresh.evidence == [] and not fresh.evidence and fresh.field_evidence == {}
    assert Interface(name="a", evidence=[Evidence(3, "t")]) == Interface(name="a", evidence=[Evidence(3, "t")])
