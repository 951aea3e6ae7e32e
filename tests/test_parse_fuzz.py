"""Hypothesis: mangled real outputs give records or a ParseError, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_path import DATA, REAL, SHOW
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netaudit.errors import ParseError
from netaudit.parse.clean import decode_output
from netaudit.parse.shows import own_templates, parse_show

FUZZ = settings(max_examples=40, deadline=2000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def _samples() -> list[tuple[str, str]]:
    """(command, text) for every real or synthetic input of every own template."""
    out = []
    for command in sorted(own_templates()):
        folder = command.replace(" ", "_")
        files = sorted((SHOW / folder).glob("*.txt")) + sorted(
            (DATA / "synthetic" / folder).glob("*synthetic*.txt")) + sorted(
            (REAL / "ntc-templates" / "huawei_vrp" / folder).glob("*.raw"))
        out += [(command, Path(f).read_text(encoding="utf-8")) for f in files]
    return out


SAMPLES = _samples()
sample = st.sampled_from(SAMPLES)


def _check(command: str, data: bytes) -> None:
    text = decode_output(data)
    try:
        records = parse_show("huawei_vrp", command, text, device="fuzz")
    except ParseError as exc:
        assert exc.device == "fuzz" and exc.command == command
        assert exc.line_no is None or exc.line_no >= 1
        return
    assert isinstance(records, list)
    assert all(isinstance(r, dict) and all(isinstance(k, str) for k in r) for r in records)


def test_every_own_template_is_fuzzed() -> None:
    assert {c for c, _ in SAMPLES} == set(own_templates())


@FUZZ
@given(sample, st.floats(0, 1))
def test_truncated(item: tuple[str, str], cut: float) -> None:
    command, text = item
    _check(command, text[: int(len(text) * cut)].encode("utf-8"))


@FUZZ
@given(sample, st.randoms(use_true_random=False))
def test_lines_shuffled(item: tuple[str, str], rnd) -> None:  # type: ignore[no-untyped-def]
    command, text = item
    lines = text.splitlines()
    rnd.shuffle(lines)
    _check(command, "\n".join(lines).encode("utf-8"))


@FUZZ
@given(sample, st.text(alphabet="设备接口描述至区县纵向网络", max_size=12))
def test_gbk_encoded_with_chinese(item: tuple[str, str], chinese: str) -> None:
    command, text = item
    lines = text.splitlines()
    if lines:
        lines[-1] += " " + chinese
    _check(command, "\r\n".join(lines).encode("gbk", errors="replace"))


ANSI = st.sampled_from(["\x1b[42D", "\x1b[16D", "\x1b[1D", "\x1b[0m", "\x1b[K", "\x1b[2K",
                        "  ---- More ----", "\r", "\b", "\x1b", "\x1b[?25h", " " * 42])


@FUZZ
@given(sample, st.lists(st.tuples(st.integers(0, 10_000), ANSI), max_size=8))
def test_ansi_laden(item: tuple[str, str], inserts: list[tuple[int, str]]) -> None:
    command, text = item
    for pos, seq in inserts:
        pos %= len(text) + 1
        text = text[:pos] + seq + text[pos:]
    _check(command, text.encode("utf-8"))


@FUZZ
@given(sample, st.lists(st.tuples(st.integers(0, 10_000), st.binary(min_size=1, max_size=4)),
                        max_size=6))
def test_random_bytes(item: tuple[str, str], inserts: list[tuple[int, bytes]]) -> None:
    command, text = item
    data = text.encode("utf-8")
    for pos, chunk in inserts:
        pos %= len(data) + 1
        data = data[:pos] + chunk + data[pos:]
    _check(command, data)


@FUZZ
@given(st.sampled_from(sorted(own_templates())), st.binary(max_size=400))
def test_pure_noise(command: str, data: bytes) -> None:
    _check(command, data)


@pytest.mark.parametrize("command", sorted(own_templates()))
def test_pathological_line_does_not_hang(command: str) -> None:
    # Long runs of blanks and separators are the classic backtracking traps.
    line = "a " * 3000 + "-" * 3000 + " : " * 500
    _check(command, ("Local Intf       Neighbor Dev             Neighbor Intf             Exptime(s)\n"
                     + line + "\n").encode())
