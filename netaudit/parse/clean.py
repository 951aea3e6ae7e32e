"""Turn a recorded device output into plain text that parsers can read.

Raw captures carry terminal noise: the ``  ---- More ----`` pager prompt and the VT100
cursor moves that erase it (``ESC[42D``, ``ESC[16D``), other ANSI/CSI sequences, CRLF or
bare CR, backspaces, the echoed ``<HOST>display ...`` line and the closing ``<HOST>`` prompt.

Line numbers
------------
Cleaning never adds or removes a line inside the body: every control sequence is resolved
*within* its line (as a terminal would draw it) and, by default, each line is right-stripped
(``rstrip=False`` keeps trailing blanks: some ntc-templates need them). Only leading
prompt/echo lines (plus blank lines before them) and the trailing prompt (plus blank lines
after it) are dropped. :func:`clean_with_offset` returns how many lines were dropped at the
top, so ``raw_line_no = clean_line_no + offset`` for every body line.
"""

from __future__ import annotations

import re

__all__ = ["clean_output", "clean_with_offset", "decode_output", "is_prompt_line"]

# The pager prompt, optionally followed by its erase sequence (cursor back, blanks, cursor back).
# The ESC byte is optional because some capture tools drop it and leave a literal "[42D".
_MORE_RE = re.compile(r" *-{2,4} ?More ?-{2,4}(?:(?:\x1b?\[\d+D| )*\x1b?\[\d+D)?")
# A CSI sequence (ESC [ params intermediates final) or a two-byte ESC sequence (ESC 7, ESC =, ...).
_ESC_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_7-9=>])")
# Control characters other than TAB, BS, CR, LF and ESC, plus characters that str.splitlines()
# would treat as line breaks: they must not change the line count seen by TextFSM.
_CTRL_RE = re.compile("[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\x85\u2028\u2029]")
# <HOST>, [HOST], [~HOST], [*HOST], [HOST-aaa], HRP_M<FW>, HRP_S[FW] ... optionally followed by
# the typed command. Host names carry no blanks and no brackets.
_PROMPT_RE = re.compile(
    r"^(?:HRP_[MSA])?(?:<[^\s<>\[\]]+>|\[[~*]?[^\s<>\[\]]+\])(?P<rest>.*)$"
)


def decode_output(data: bytes) -> str:
    """Decode captured bytes: UTF-8 (BOM tolerated), else GBK, else latin-1. Never raises.

    The one decoder is the snapshot store's (which also says which encoding it used).

    >>> decode_output("接口".encode("gbk"))
    '接口'
    >>> decode_output(b"\\xff\\xfe\\xfa")
    'ÿþú'
    """
    from netaudit.snapshot.store import decode_output as decode

    return decode(data)[0]


def is_prompt_line(line: str) -> bool:
    """True for a bare prompt line such as ``<HOST>``, ``[~HOST]`` or ``HRP_S<FW-2>``.

    >>> is_prompt_line("HRP_M<FW-1>  ")
    True
    >>> is_prompt_line("<HOST>display version")
    False
    """
    m = _PROMPT_RE.match(line.strip())
    return m is not None and not m.group("rest").strip()


def _render_line(line: str) -> str:
    """Draw one line the way a terminal shows it (CR, backspace, cursor left/right, erase)."""
    if "\r" not in line and "\b" not in line and "\x1b" not in line:
        return line
    buf: list[str] = []
    col = 0
    pos = 0
    n = len(line)
    while pos < n:
        ch = line[pos]
        if ch == "\r":
            col = 0
        elif ch == "\b":
            col = max(0, col - 1)
        elif ch == "\x1b":
            m = _ESC_RE.match(line, pos)
            if m is None:  # a lone ESC: drop it
                pos += 1
                continue
            seq = m.group()
            if seq.startswith("\x1b[") and seq[-1] in "DCGK":
                digits = seq[2:-1]
                count = int(digits) if digits.isdigit() else None
                if seq[-1] == "D":
                    col = max(0, col - (count or 1))
                elif seq[-1] == "C":
                    col += count or 1
                elif seq[-1] == "G":
                    col = max(0, (count or 1) - 1)
                elif digits in ("", "0"):  # ESC[K / ESC[0K: erase to end of line
                    del buf[col:]
                elif digits == "2":  # ESC[2K: erase the whole line
                    buf.clear()
            pos = m.end()
            continue
        else:
            if col > len(buf):
                buf.extend(" " * (col - len(buf)))
            if col == len(buf):
                buf.append(ch)
            else:
                buf[col] = ch
            col += 1
        pos += 1
    return "".join(buf)


def _words(text: str) -> list[str]:
    return text.lower().split()


def _same_command(typed: str, command: str) -> bool:
    """True if ``typed`` is ``command`` possibly abbreviated (or the other way round)."""
    a, b = _words(typed), _words(command)
    if not a or len(a) != len(b):
        return False
    return all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b, strict=True))


def _is_header_line(line: str, command: str | None) -> bool:
    stripped = line.strip()
    m = _PROMPT_RE.match(stripped)
    if m is not None:
        return True  # a prompt, with or without an echoed command
    if command is not None:
        return _same_command(stripped, command)
    return False


def at_line_start(text: str, ch: str) -> bool:
    """``"\\n" + ch in text`` (``ch`` one character), by looking at the character before each
    ``ch`` (a search for the one character is a ``memchr``; one for ``"\\n" + ch`` is slow on a
    text full of newlines). A text with many ``ch`` gets the plain search."""
    i = text.find(ch)
    k = 0
    while i > 0:
        if text[i - 1] == "\n":
            return True
        k += 1
        if k == 16:
            return "\n" + ch in text
        i = text.find(ch, i + 1)
    if i == 0:          # ``ch`` at the very start does not follow a newline: look further
        return "\n" + ch in text
    return False


def contains(text: str, needle: str) -> bool:
    """``needle in text`` for a needle whose first character is rare in ``text`` (an upper-case
    letter in a configuration): a ``memchr`` for that character and a look at each hit, where
    the plain search (its skip table keyed on a common last letter) is slow. A text with many
    hits gets the plain search.

    >>> contains("a\\n  ---- More ----", "More"), contains("Mo Mor", "More")
    (True, False)
    """
    first = needle[0]
    i = text.find(first)
    k = 0
    while i >= 0:
        if text.startswith(needle, i):
            return True
        k += 1
        if k == 16:
            return needle in text
        i = text.find(first, i + 1)
    return False


def looks_clean(text: str) -> bool:
    """True when a saved configuration has no terminal noise to remove: no pager, no prompt or
    echo line, no control character. Cheap (a few C-level scans), so callers can skip cleaning.

    >>> looks_clean("#\\nsysname A\\n#\\nreturn\\n")
    True
    >>> looks_clean("<A>display current-configuration\\nsysname A\\n")
    False
    """
    if text[:1] in ("<", "[", " ") or contains(text, "More") or contains(text, "HRP_"):
        return False
    if at_line_start(text, "<") or at_line_start(text, "["):
        return False
    from netaudit.parse.config_tree import has_control_chars

    return not has_control_chars(text)


def clean_with_offset(text: str, command: str | None = None, *,
                      rstrip: bool = True) -> tuple[str, int]:
    """Clean ``text`` (see :func:`clean_output`) and return it with the top offset.

    The offset is the number of raw lines removed before the body, so a body line numbered
    ``k`` (1-based) in the result is line ``k + offset`` of the raw text.

    >>> clean_with_offset("<SW1>display clock\\r\\n2024-01-01 10:00:00\\r\\n<SW1>", "display clock")
    ('2024-01-01 10:00:00\\n', 1)
    """
    text = _MORE_RE.sub("", text)
    text = text.replace("\r\n", "\n")
    text = _CTRL_RE.sub("", text)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline does not start a line
    lines = [_render_line(line) for line in lines]
    if rstrip:
        lines = [line.rstrip() for line in lines]

    # Leading blank lines and prompt/echo lines (e.g. "<SW>sys" then "[SW]display cu").
    top = 0
    while top < len(lines) and (not lines[top].strip() or _is_header_line(lines[top], command)):
        top += 1
    if top and not any(lines[i].strip() for i in range(top)):
        top = 0  # only blank lines on top: keep them, nothing was echoed
    elif top:
        # Drop blank lines only up to the last header line; keep blanks that follow it.
        last_header = max(i for i in range(top) if lines[i].strip())
        top = last_header + 1

    # Trailing prompt (and blank lines after it).
    end = len(lines)
    probe = end
    while probe > top and not lines[probe - 1].strip():
        probe -= 1
    if probe > top and is_prompt_line(lines[probe - 1]):
        end = probe - 1

    body = lines[top:end]
    return ("\n".join(body) + "\n" if body else "", top)


def clean_output(text: str, command: str | None = None, *, rstrip: bool = True) -> str:
    """Return ``text`` without pager marks, terminal escapes, CR, echo and prompt lines.

    Every line is right-stripped; the body keeps its line count (see the module docstring).
    ``command`` lets a bare echoed command line (no prompt) be recognised and removed.

    >>> clean_output("  ---- More ----\\x1b[42D                                          \\x1b[42D Vlanif10  up")
    ' Vlanif10  up\\n'
    """
    return clean_with_offset(text, command, rstrip=rstrip)[0]
