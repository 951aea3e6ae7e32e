"""clean_output / clean_with_offset / decode_output on terminal noise seen in real captures."""

from __future__ import annotations

import pytest
from fixtures_path import REAL

from netaudit.parse.clean import clean_output, clean_with_offset, decode_output, is_prompt_line

PAGER_42 = "  ---- More ----\x1b[42D" + " " * 42 + "\x1b[42D"
PAGER_16 = "  ---- More ----\x1b[16D" + " " * 16 + "\x1b[16D"


def test_pager_erase_42_and_16_keep_indentation() -> None:
    text = "interface Vlanif10\n" + PAGER_42 + " ip address 10.1.1.1 255.255.255.0\n" \
        + PAGER_16 + " vrrp vrid 1 virtual-ip 10.1.1.254\n"
    assert clean_output(text) == ("interface Vlanif10\n ip address 10.1.1.1 255.255.255.0\n"
                                  " vrrp vrid 1 virtual-ip 10.1.1.254\n")


def test_pager_without_esc_byte() -> None:
    # Some capture tools drop ESC and leave the literal "[42D".
    text = "a\n  ---- More ----[42D                                          [42D b\n"
    assert clean_output(text) == "a\n b\n"


def test_pager_on_its_own_line_keeps_line_count() -> None:
    assert clean_output("a\n  ---- More ----\nb\n") == "a\n\nb\n"


def test_ansi_colour_and_cursor_sequences() -> None:
    assert clean_output("\x1b[1;32mup\x1b[0m   \x1b[Kdown\n") == "up   down\n"
    assert clean_output("abc\x1b[1Dx\n") == "abx\n"
    assert clean_output("abcdef\x1b[3D\x1b[K\n") == "abc\n"


def test_crlf_cr_and_backspace() -> None:
    assert clean_output("one\r\ntwo\r\n") == "one\ntwo\n"
    assert clean_output("old text\rnew\n") == "new text\n"  # CR returns to column 0
    assert clean_output("abd\b\bXY\n") == "aXY\n"


def test_control_characters_never_change_line_count() -> None:
    text = "a\x0cb\nc\x85d\u2028e\nf\x00\n"
    out = clean_output(text)
    assert out.count("\n") == 3 and len(out.splitlines()) == 3


@pytest.mark.parametrize(("echo", "prompt"), [
    ("<HUAWEI>display vrrp brief", "<HUAWEI>"),
    ("[HUAWEI]display vrrp brief", "[HUAWEI]"),
    ("[~HUAWEI]display vrrp brief", "[~HUAWEI]"),
    ("[*CE-1]dis vrrp bri", "[*CE-1]"),
    ("HRP_M<FW-1>display vrrp brief", "HRP_M<FW-1>"),
    ("HRP_S[FW-2]display vrrp brief", "HRP_S<FW-2>"),
    ("display vrrp brief", "<sw2>"),
    ("dis vrrp bri", "[sw2]  "),
])
def test_echo_and_prompt_removed(echo: str, prompt: str) -> None:
    body = "VRID  State\n10    Master\n"
    cleaned, offset = clean_with_offset(f"{echo}\r\n{body}{prompt}\r\n", "display vrrp brief")
    assert cleaned == body
    assert offset == 1


def test_several_prompt_lines_on_top_and_offset() -> None:
    raw = "\n<HuiShi-3328>sys\n[HuiShi-3328]display cu\n#\n sysname HuiShi-3328\n#\nreturn\n[HuiShi-3328]  \n"
    cleaned, offset = clean_with_offset(raw)
    assert cleaned == "#\n sysname HuiShi-3328\n#\nreturn\n"
    assert offset == 3
    raw_lines = raw.split("\n")
    for k, line in enumerate(cleaned.splitlines(), start=1):
        assert raw_lines[k + offset - 1].rstrip() == line


def test_body_line_numbers_are_stable() -> None:
    raw = "<R1>display current-configuration\n#\n" + PAGER_42 + " sysname R1\n\n#\nreturn\n<R1>"
    cleaned, offset = clean_with_offset(raw, "display current-configuration")
    assert offset == 1
    assert cleaned.splitlines() == ["#", " sysname R1", "", "#", "return"]


def test_bare_command_needs_the_command_to_be_known() -> None:
    assert clean_output("display version\nHuawei Versatile Routing Platform Software\n",
                        "dis ver") == "Huawei Versatile Routing Platform Software\n"
    # Without the command a prompt-less first line is body, not echo.
    assert clean_output("display version\nx\n").startswith("display version")


def test_leading_blank_lines_without_echo_are_kept() -> None:
    assert clean_with_offset("\n\nbody\n") == ("\n\nbody\n", 0)


def test_rstrip_can_be_turned_off() -> None:
    assert clean_output("a   \nb\n", rstrip=False) == "a   \nb\n"
    assert clean_output("a   \nb\n") == "a\nb\n"


def test_ipv6_address_tag_is_not_a_prompt() -> None:
    assert not is_prompt_line("[IPv6 Address] 2001:DB8::1")
    assert is_prompt_line("[~HUAWEI-GE1/0/1]")
    assert clean_output("[IPv6 Address] 2001:DB8::1\n") == "[IPv6 Address] 2001:DB8::1\n"


def test_decode_gbk_keeps_chinese() -> None:
    text = "interface GigabitEthernet0/0/1\n description 至区县纵向网络\n"
    assert decode_output(text.encode("gbk")) == text
    assert decode_output(text.encode("utf-8")) == text
    assert decode_output(b"\xef\xbb\xbfsysname X\n") == "sysname X\n"


def test_decode_never_raises() -> None:
    data = bytes(range(256))
    assert isinstance(decode_output(data), str)
    assert decode_output(b"\x81") == "\x81"  # invalid in UTF-8 and GBK: latin-1


@pytest.mark.skipif(not REAL.is_dir(), reason="real fixtures missing")
def test_real_config_with_pager_padding_keeps_line_count() -> None:
    raw = (REAL / "configs" / "s3328-v100r005c01spc100-huishi.txt").read_text(encoding="utf-8")
    cleaned, offset = clean_with_offset(raw, "display current-configuration")
    assert offset == 0
    assert len(cleaned.splitlines()) == len(raw.splitlines())
    assert all(a.rstrip() == b for a, b in zip(raw.splitlines(), cleaned.splitlines(), strict=True))
