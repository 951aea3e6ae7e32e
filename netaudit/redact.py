"""Remove secrets from any text shown to people (evidence, reports, diffs).

Two passes over the text:

1. Huawei cipher blobs are replaced whole: ``%^%#…%^%#``, ``%$%$…%$%$``, ``%@%@…%@%@``,
   ``@%@%…@%@%``, ``%+%#…%+%#`` and hashes ``$1a$…``, ``$1c$…``, ``$1d$…``.
2. The word after a secret-introducing keyword is replaced, the keyword kept:
   ``cipher``/``irreversible-cipher``/``simple``/``plain``/``hash``, ``password``,
   ``shared-key``/``pre-shared-key``/``key-string``, ``community`` (after ``read``/``write``),
   ``authentication-mode md5|sha… [key-id]`` and ``privacy-mode aes…``.

``ssh server cipher aes256_ctr`` (algorithm lists) and ``local-aaa-user password policy`` (command
words) are left alone, so evidence of weak ciphers and password policies stays readable.

>>> redact("snmp-agent community read public")
'snmp-agent community read ******'
>>> redact("local-user u password irreversible-cipher $1c$abc$def$")
'local-user u password irreversible-cipher ******'
>>> redact("ssh server cipher aes256_ctr aes128_cbc")
'ssh server cipher aes256_ctr aes128_cbc'
"""

from __future__ import annotations

import re
from typing import Any

MASK = "******"

_BLOBS = re.compile(
    r"%\^%#.*?%\^%#|%\$%\$.*?%\$%\$|%@%@.*?%@%@|@%@%.*?@%@%|%\+%#.*?%\+%#"  # paired markers
    r"|(?:%\^%#|%\$%\$|%@%@|@%@%|%\+%#)\S*"  # an opening marker whose end was cut off
    r"|\$1[a-d]\$\S*"  # $1a$/$1c$/$1d$ salted hashes (may contain '$')
)
#: tokens after which the next token is the secret
_VALUE_KEYWORDS = {"cipher", "irreversible-cipher", "simple", "plain", "hash", "password",
                   "shared-key", "pre-shared-key", "key-string", "authentication-key"}
_ALL_KEYWORDS = _VALUE_KEYWORDS | {"community", "authentication-mode", "privacy-mode"}
#: words that follow ``password`` (or ``community``) as command words, not secrets
_NOT_SECRET = {
    "policy", "expire", "history", "alert", "complexity-check", "min-length", "level", "restriction",
    "control", "change", "retry", "validity", "record", "unchanged-check", "original-user",
    "force-change", "read", "write", "read-write", "mib-view", "acl",
    # prose around the keyword in messages
    "a", "an", "the", "is", "are", "was", "be", "with", "without", "in", "on", "of", "for", "to",
    "and", "or", "not", "no", "by", "from", "at", "as", "stored", "configured", "text", "set",
}
_HASH_ALGO = re.compile(r"^(hmac-)?(md5|sha[\w-]*)$", re.I)
_PRIV_ALGO = re.compile(r"^(aes\w*|3?des\w*)$", re.I)
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_TOKENS = re.compile(r"(\s+)")


def _is_secret_candidate(tok: str) -> bool:
    return (tok not in _ALL_KEYWORDS and tok.lower() not in _NOT_SECRET and tok != MASK
            and not _CJK.search(tok) and tok.strip("`'\".,;:()") != "")


def _redact_line(line: str) -> str:
    if _ALL_KEYWORDS.isdisjoint(line.split()):   # str.split() and ``\s+`` agree on whitespace
        return line
    parts = _TOKENS.split(line)
    words = parts[0::2]  # parts alternate word, space, word …
    body = [w for w in words if w]
    # algorithm lists: `ssh server cipher …`, `ssh client hmac …`, `ssl cipher-suite …`
    algo_list = bool(body) and (body[0] in ("ssh", "ssl") or body[:2] in (["undo", "ssh"], ["undo", "ssl"]))
    hide: set[int] = set()

    def nxt(i: int) -> int | None:
        j = i + 1
        while j < len(words) and not words[j]:
            j += 1
        return j if j < len(words) else None

    for i, w in enumerate(words):
        j = nxt(i)
        if j is None:
            break
        if w in _VALUE_KEYWORDS:
            if w == "cipher" and algo_list:
                continue
            if _is_secret_candidate(words[j]):
                hide.add(j)
        elif w == "community":
            if i > 0 and words[i - 1] in ("apply", "if-match"):
                continue  # BGP community attributes
            while j is not None and words[j] in ("read", "write", "read-write"):
                j = nxt(j)
            if j is not None and _is_secret_candidate(words[j]) and words[j] != "complexity-check":
                hide.add(j)
        elif w in ("authentication-mode", "privacy-mode"):
            algo = _HASH_ALGO if w == "authentication-mode" else _PRIV_ALGO
            if not algo.match(words[j]):
                continue
            k = nxt(j)
            if k is not None and words[k].isdigit() and w == "authentication-mode":
                k = nxt(k)  # OSPF key id
            if k is not None and _is_secret_candidate(words[k]):
                hide.add(k)
    for j in hide:
        words[j] = MASK
    parts[0::2] = words
    return "".join(parts)


def _has_keyword(t: str) -> bool:
    """False if ``t`` contains none of the words :func:`_redact_line` reacts to (then it returns
    ``t`` unchanged): every keyword token is a substring of the line, so substring tests (one C
    scan each) decide most lines without tokenising them."""
    return ("password" in t or "cipher" in t or "community" in t or "simple" in t or "key" in t
            or "hash" in t or "plain" in t or "authentication-mode" in t or "privacy-mode" in t)


def redact(text: str) -> str:
    """Text with every recognised secret replaced by ``******`` (line structure kept).

    Keyword first: a text without a cipher marker (``%``, ``$1``) skips the blob pass, and a line
    without a secret-introducing keyword skips the token pass. Same result as running both passes
    on every line (a blob never spans lines: its pattern does not match ``\\n``).
    """
    if not text:
        return text
    if "%" in text or "$1" in text:
        text = _BLOBS.sub(MASK, text)
    if not _has_keyword(text):
        return text
    if "\n" not in text:
        return _redact_line(text)
    return "\n".join(_redact_line(line) if _has_keyword(line) else line for line in text.split("\n"))


def redact_data(value: Any) -> Any:
    """``redact`` applied to every string inside nested dicts and lists."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_data(v) for v in value]
    return value


def redact_results(results: Any) -> Any:
    """A deep copy of a :class:`~netaudit.results.Results` with every finding's text redacted."""
    out = results.model_copy(deep=True)
    for f in out.findings:
        f.message = redact(f.message)
        f.remediation = [redact(r) for r in f.remediation]
        for ev in f.evidence:
            ev.text = redact(ev.text)
        f.data = redact_data(f.data)
        if f.waiver:
            f.waiver = {k: redact(v) for k, v in f.waiver.items()}
    return out
