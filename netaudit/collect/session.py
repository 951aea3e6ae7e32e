"""One CLI session with a Huawei VRP (or Comware) device over SSH, read-only.

Life of a session (:meth:`CliSession.open`, :meth:`CliSession.run`, :meth:`CliSession.close`):

1. SSH connect and password authentication (asyncssh; ``connect_timeout``/``login_timeout``).
2. A shell channel with a ``vt100`` pseudo-terminal. Read until the user-view prompt (``<NAME>``,
   ``[NAME]``, ``HRP_M<NAME>`` …) shows at the end of the received bytes; on the way, a
   ``Change now? [Y/N]`` question is answered ``N``. Any other question ends the login.
3. ``screen-length 0 temporary`` (Comware: ``screen-length disable``). If the device answers
   ``Error: …`` the session goes on and reads through the pager instead.
4. Per command: send it, then read until the prompt is at the end of the buffer. A
   ``  ---- More ----`` at the end of the buffer (at the start of a line) is answered with a
   space. Nothing is timing-based: a read ends at the prompt or at the **absolute** deadline
   ``started + timeout`` (:class:`CommandTimeout`), whichever is first.

What a command's output is (:func:`extract_output`, stored by the runner byte for byte):
the bytes received after the echoed command line up to the start of the next prompt, with
(a) each pager prompt the session answered removed together with the repaint that erases it
(``ESC[42D``, blanks, ``ESC[42D``), and (b) every CR LF pair turned into LF. Nothing else is
touched: no decoding, trailing blanks and lone CRs stay, the last newline before the prompt stays.

Every write to the device goes through :meth:`CliSession._send`, which asks the allowlist gate
(:func:`netaudit.collect.commands.check_input`) first. Errors carry no secret: their texts are
scrubbed of the password and user name (:func:`scrub`). The :class:`SessionLog` notes events,
timings and byte counts, never output contents or credentials.

Exception tree::

    SessionError          (NetauditError) a session step failed; the message names the step
    ├── ConnectFailed     TCP/SSH could not be set up (refused, unreachable, host key, timeout)
    ├── AuthFailed        the password was refused
    ├── LoginFailed       no prompt after login, or an unexpected question
    ├── CommandTimeout    no prompt before the absolute deadline (device hangs)
    └── SessionClosed     the device closed the connection
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime

import asyncssh
from asyncssh.known_hosts import KnownHostsArg

from netaudit.collect.commands import PAGER_KEY, InputKind, check_input, setup_command
from netaudit.errors import NetauditError
from netaudit.snapshot.manifest import utcnow

# --- patterns over raw bytes ---------------------------------------------------------------------

# a prompt at the very end of the buffer, at the start of a line: <NAME>, [NAME], [~NAME], HRP_M<NAME>
_LOGIN_PROMPT = re.compile(
    rb"(?<![^\n\r])(?P<prompt>(?:HRP_[A-Z])?[<\[][~*]?(?P<name>[^\s<>\[\]/]+)[>\]])[ ]*\Z")
# the pager prompt waiting at the end of the buffer, at the start of a line
_PAGER_TAIL = re.compile(rb"(?<![^\n\r])(?P<more> *-{2,4} ?More ?-{2,4} ?)\Z")
# what a VRP prints after a space to erase the pager prompt: ESC[42D, blanks, ESC[42D (any count)
_PAGER_ERASE = re.compile(rb"(?:\x1b\[\d*D|\x1b\[K| )*\x1b\[\d*[DK]")
_CHANGE_NOW = re.compile(rb"change\s+now\s*\?\s*\[Y/N\]\s*:?\s*\Z", re.IGNORECASE)
_QUESTION = re.compile(rb"\[(?:Y/N|y/n)\]\s*:?\s*\Z")
_ERROR_LINE = re.compile(rb"^\s*(Error:[^\r\n]*)", re.MULTILINE)
_CARET_LINE = re.compile(rb"^\s*\^\s*$")
_PROMPT_HEAD = re.compile(rb"^(?:HRP_[A-Z])?[<\[][~*]?[^\s<>\[\]/]+[>\]]")

# asyncssh logs user names at INFO level; keep it to warnings whatever the root logger says
logging.getLogger("asyncssh").setLevel(logging.WARNING)

TERM_TYPE = "vt100"
TERM_SIZE = (200, 100)


class SessionError(NetauditError):
    """A step of a device session failed; the message says which one (no secrets)."""


class ConnectFailed(SessionError):
    """The TCP connection or SSH handshake failed."""


class AuthFailed(SessionError):
    """The device refused the credentials."""


class LoginFailed(SessionError):
    """Logged in, but no usable prompt appeared."""


class CommandTimeout(SessionError):
    """No prompt before the absolute deadline."""


class SessionClosed(SessionError):
    """The device closed the session."""


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` with every secret of 3 characters or more replaced by ``***``.

    >>> scrub("login as admin with s3cret failed", ("s3cret", "admin"))
    'login as *** with *** failed'
    """
    for s in sorted((s for s in secrets if s and len(s) >= 3), key=len, reverse=True):
        text = text.replace(s, "***")
    return text


@dataclass(frozen=True)
class Credentials:
    """User name and password; ``repr`` never shows the password."""

    username: str
    password: str = field(repr=False)

    @property
    def secrets(self) -> tuple[str, ...]:
        """What :func:`scrub` removes from messages. The user name is not in it (it may be a
        common word such as ``netaudit``); it is kept out of logs and messages by construction."""
        return (self.password,)


@dataclass(frozen=True)
class Target:
    """Where to reach one device."""

    host: str
    port: int = 22
    host_key: str | None = None
    """OpenSSH public key line the server must present (the lab map gives one)."""


class SessionLog:
    """Timed events of one device session: what was sent, when, how many bytes came back."""

    def __init__(self, hostname: str):
        self.hostname = hostname
        self._t0 = time.monotonic()
        self.lines: list[str] = []

    def add(self, event: str) -> None:
        self.lines.append(f"{time.monotonic() - self._t0:8.3f}s {event}")

    def text(self) -> str:
        return "".join(f"{self.hostname} {line}\n" for line in self.lines)


@dataclass
class CommandResult:
    """One command's outcome. ``output`` is ``None`` when the device rejected the command."""

    command: str
    output: bytes | None
    started: datetime
    finished: datetime
    bytes_received: int
    pager_pages: int
    rejected: str | None = None
    """The device's ``Error: …`` line when it did not accept the command."""


def extract_output(raw: bytes, pagers: list[tuple[int, int]], prompt_start: int,
                   command: str | None) -> bytes:
    """The stored output of one command from the raw bytes read after sending it.

    ``pagers`` are the ``(start, end)`` offsets of the pager prompts the session answered;
    ``prompt_start`` is where the closing prompt begins. See the module docstring for the rules.

    >>> raw = b"display x\\r\\na\\r\\n  ---- More ----\\x1b[42D  \\x1b[42Db\\r\\n<SW>"
    >>> extract_output(raw, [(14, 30)], len(raw) - 4, "display x")
    b'a\\nb\\n'
    """
    parts: list[bytes] = []
    pos = 0
    for start, end in pagers:
        if start < pos or end > prompt_start:
            continue
        parts.append(raw[pos:start])
        m = _PAGER_ERASE.match(raw, end, prompt_start)
        pos = m.end() if m else end
    parts.append(raw[pos:prompt_start])
    body = b"".join(parts)
    if command is not None:
        nl = body.find(b"\n")
        first = body[: nl if nl >= 0 else len(body)]
        if _same_words(first, command):
            body = body[nl + 1:] if nl >= 0 else b""
    return body.replace(b"\r\n", b"\n")


def _same_words(line: bytes, command: str) -> bool:
    """True when ``line`` is the echo of ``command`` (a repainted prompt before it is allowed)."""
    line = _PROMPT_HEAD.sub(b"", line.replace(b"\r", b""), count=1)
    return line.decode("latin-1").split() == command.split()


def rejection(body: bytes) -> str | None:
    """The ``Error: …`` line when ``body`` is a VRP refusal (optional caret line, then Error:).

    >>> rejection(b"          ^\\nError: Unrecognized command found at '^' position.\\n")
    "Error: Unrecognized command found at '^' position."
    >>> rejection(b"Huawei Versatile Routing Platform Software\\n") is None
    True
    """
    lines = [ln for ln in body.split(b"\n") if ln.strip()]
    if not lines:
        return None
    if _CARET_LINE.match(lines[0]):
        lines = lines[1:]
    if lines and lines[0].lstrip().startswith(b"Error:"):
        m = _ERROR_LINE.match(lines[0])
        return (m.group(1) if m else lines[0]).decode("utf-8", "replace").strip()
    return None


class _Channel(asyncssh.SSHClientSession[bytes]):
    """Receives bytes into a buffer and wakes the reader; no parsing here."""

    def __init__(self) -> None:
        self.buf = bytearray()
        self.event = asyncio.Event()
        self.closed = False
        self.close_reason = ""

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        self.buf += data
        self.event.set()

    def eof_received(self) -> bool:
        self.closed = True
        self.close_reason = "end of stream"
        self.event.set()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.close_reason = f"{type(exc).__name__}: {exc}" if exc else "closed"
        self.event.set()


class CliSession:
    """A logged-in CLI session; create it with :meth:`open`."""

    def __init__(self, hostname: str, platform: str, timeout: float, log: SessionLog,
                 secrets: tuple[str, ...]):
        self.hostname = hostname
        self.platform = platform
        self.timeout = timeout
        self.log = log
        self._secrets = secrets
        self._conn: asyncssh.SSHClientConnection | None = None
        self._chan: asyncssh.SSHClientChannel[bytes] | None = None
        self._rx = _Channel()
        self.prompt = ""
        self._prompt_re: re.Pattern[bytes] = _LOGIN_PROMPT
        self.paging_off = False

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    async def open(cls, hostname: str, platform: str, target: Target, credentials: Credentials,
                   *, timeout: float, log: SessionLog | None = None) -> CliSession:
        """Connect, log in, find the prompt and turn paging off; raise :class:`SessionError`."""
        self = cls(hostname, platform, timeout, log or SessionLog(hostname), credentials.secrets)
        try:
            await self._connect(target, credentials)
            await self._login()
            await self._setup()
        except BaseException:
            self.close()
            raise
        return self

    async def _connect(self, target: Target, credentials: Credentials) -> None:
        self.log.add(f"connect {target.host}:{target.port}")
        known_hosts: KnownHostsArg
        if target.host_key is not None:
            try:
                asyncssh.import_public_key(target.host_key)  # a clear error for a bad key
                # this target is pinned to this one key, whatever name or address it has
                known_hosts = asyncssh.import_known_hosts(f"* {target.host_key.strip()}")
            except (asyncssh.KeyImportError, ValueError) as e:
                raise ConnectFailed(f"bad host key for {target.host}:{target.port}: {e}") from None
        else:
            known_hosts = ()  # asyncssh default: ~/.ssh/known_hosts
        where = f"{target.host}:{target.port}"
        try:
            self._conn = await asyncssh.connect(
                target.host, target.port, username=credentials.username,
                password=credentials.password, known_hosts=known_hosts, client_keys=None,
                agent_path=None, config=None, preferred_auth="password,keyboard-interactive",
                connect_timeout=self.timeout, login_timeout=self.timeout,
                keepalive_interval=max(5.0, self.timeout / 2))
        except asyncssh.PermissionDenied:
            self.log.add("authentication failed")
            raise AuthFailed(f"{where}: authentication failed (password refused)") from None
        except asyncssh.HostKeyNotVerifiable as e:
            raise ConnectFailed(f"{where}: host key not verifiable: {self._scrub(str(e))}") from None
        except asyncssh.DisconnectError as e:
            raise ConnectFailed(f"{where}: SSH disconnect: {self._scrub(str(e))}") from None
        except TimeoutError:
            raise ConnectFailed(f"{where}: no SSH login within {self.timeout:g} s") from None
        except OSError as e:
            raise ConnectFailed(f"{where}: cannot connect: {e.strerror or e}") from None
        self.log.add("authenticated")
        try:
            self._chan, _ = await asyncio.wait_for(
                self._conn.create_session(lambda: self._rx, term_type=TERM_TYPE,
                                          term_size=TERM_SIZE, encoding=None),
                self.timeout)
        except TimeoutError:
            raise LoginFailed(f"{where}: no shell channel within {self.timeout:g} s") from None
        except (asyncssh.Error, OSError) as e:
            raise LoginFailed(f"{where}: cannot open a shell: {self._scrub(str(e))}") from None

    async def _login(self) -> None:
        deadline = self._deadline()
        answered = False
        while True:
            buf = bytes(self._rx.buf)
            m = _LOGIN_PROMPT.search(buf, max(0, len(buf) - 1024))
            if m is not None:
                self.prompt = m.group("prompt").decode("latin-1")
                name = m.group("name")
                self._prompt_re = re.compile(
                    rb"(?<![^\n\r])(?:HRP_[A-Z])?[<\[][~*]?" + re.escape(name)
                    + rb"(?:-[^\s<>\[\]]+)?[>\]][ ]*\Z")
                self.log.add(f"prompt {self.prompt} after {len(buf)} bytes of banner")
                if name.decode("latin-1") != self.hostname:
                    self.log.add(f"warning: prompt names {name.decode('latin-1')!r}, "
                                 f"inventory says {self.hostname!r}")
                self._rx.buf.clear()
                return
            if _CHANGE_NOW.search(buf) and not answered:
                self.log.add("login asks 'Change now? [Y/N]': answering N")
                self._rx.buf.clear()
                await self._send("N", "answer")
                answered = True
                continue
            if _QUESTION.search(buf):
                last = buf.rstrip().rsplit(b"\n", 1)[-1].decode("utf-8", "replace").strip()
                raise LoginFailed(f"unexpected question at login: {last[:120]!r}")
            await self._wait(deadline, "the login prompt", len(buf))

    async def _setup(self) -> None:
        cmd = setup_command(self.platform)
        deadline = self._deadline()
        await self._send(cmd, "setup")
        raw, pagers, prompt_start = await self._read_output(deadline, cmd)
        body = extract_output(raw, pagers, prompt_start, cmd)
        refused = rejection(body)
        self.paging_off = refused is None
        if refused:
            self.log.add(f"{cmd!r} refused ({refused}): reading through the pager")
        else:
            self.log.add(f"{cmd!r} accepted: paging off")

    # -- commands --------------------------------------------------------------------------------

    async def run(self, command: str) -> CommandResult:
        """Send one allowlisted command and return its output (see :func:`extract_output`)."""
        check_input(command, "command")  # refuse before anything else happens
        started = utcnow()
        t0 = time.monotonic()
        deadline = self._deadline()
        await self._send(command, "command")
        raw, pagers, prompt_start = await self._read_output(deadline, command)
        finished = utcnow()
        body = extract_output(raw, pagers, prompt_start, command)
        refused = rejection(body)
        self.log.add(f"{command!r}: {len(raw)} bytes, {len(pagers)} pages, "
                     f"{time.monotonic() - t0:.3f} s" + (f", rejected: {refused}" if refused else ""))
        return CommandResult(command, None if refused else body, started, finished, len(raw),
                             len(pagers), rejected=refused)

    async def _read_output(self, deadline: float, what: str) -> tuple[bytes, list[tuple[int, int]], int]:
        """Read until the prompt; answer pager prompts. Returns (raw, pager spans, prompt start)."""
        pagers: list[tuple[int, int]] = []
        while True:
            buf = self._rx.buf
            tail = max(0, len(buf) - 1024)  # prompts are short: search the tail only
            m = self._prompt_re.search(buf, tail)
            if m is not None:
                raw = bytes(buf)
                buf.clear()
                return raw, pagers, m.start()
            p = _PAGER_TAIL.search(buf, tail)
            if p is not None and (not pagers or p.start() >= pagers[-1][1]):
                pagers.append((p.start(), p.end()))
                await self._send(PAGER_KEY, "pager")
            await self._wait(deadline, f"the prompt after {what!r}", len(buf))

    async def _wait(self, deadline: float, waiting_for: str, received: int) -> None:
        if self._rx.closed:
            self.log.add(f"closed by the device ({self._rx.close_reason}) waiting for {waiting_for}")
            raise SessionClosed(f"connection closed by the device while waiting for {waiting_for} "
                                f"({received} bytes received, partial output not kept)")
        remaining = deadline - asyncio.get_running_loop().time()
        if remaining > 0:
            self._rx.event.clear()
            try:
                await asyncio.wait_for(self._rx.event.wait(), remaining)
                return
            except TimeoutError:
                pass
        self.log.add(f"timeout after {self.timeout:g} s waiting for {waiting_for} ({received} bytes)")
        raise CommandTimeout(f"no prompt within {self.timeout:g} s waiting for {waiting_for} "
                             f"({received} bytes received, partial output not kept)")

    async def _send(self, text: str, kind: InputKind) -> None:
        """The one place that writes to the device: gate first, then the bytes."""
        check_input(text, kind)
        if self._chan is None or self._rx.closed:
            raise SessionClosed(f"session closed before sending {text!r}")
        data = text if kind == "pager" else text + "\n"
        self._chan.write(data.encode("ascii"))
        if kind != "pager":
            self.log.add(f"sent {text!r}" if kind != "answer" else "sent answer N")

    def _deadline(self) -> float:
        return asyncio.get_running_loop().time() + self.timeout

    def _scrub(self, text: str) -> str:
        return scrub(text, self._secrets)

    # -- closing ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the channel and the connection (no ``quit`` is typed; nothing is sent)."""
        if self._chan is not None:
            self._chan.close()
        if self._conn is not None:
            self._conn.close()
            self.log.add("session closed")
        self._chan = None

    async def wait_closed(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(TimeoutError, OSError, asyncssh.Error):
                await asyncio.wait_for(self._conn.wait_closed(), 2.0)
            self._conn = None
