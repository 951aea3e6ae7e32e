"""An SSH lab that impersonates the devices of a snapshot, on loopback only.

Each device gets its own SSH listener (asyncssh). A session behaves like a VRP user view:

- optional login banner (``Info: The max number of VTY users …``), then the prompt ``<HOST>``;
  USG firewalls show ``HRP_M<HOST>`` (name ending in 1, e.g. ``-01``) or ``HRP_S<HOST>`` (in 2);
- typed characters are echoed, a line ends with CR or LF and is echoed as CR LF;
- ``screen-length 0 temporary`` → ``Info: The configuration takes effect on the current user
  terminal interface only.``; until then, outputs are paged every ``page_lines`` lines with
  ``  ---- More ----``; a space shows the next page (after ``ESC[42D`` + 42 blanks + ``ESC[42D``,
  the repaint a VRP sends), Enter one more line, ``q`` stops the output;
- ``display X`` → the recorded file of ``X`` (by :func:`~netaudit.snapshot.command_filename`;
  abbreviations such as ``dis cur`` are accepted when unambiguous), sent with LF → CR LF;
- anything else → a caret line and ``Error: Unrecognized command found at '^' position.``;
- ``quit`` closes the session.

Faults and quirks per device (``--fault HOST=KIND[@COMMAND]``, repeatable):

- ``hang``: at the trigger command, send half of the output and then nothing, ever;
- ``drop``: at the trigger command, send half of the output and close the connection;
- ``slow``: every output in small chunks with a pause between them (the prompt split too);
- ``badauth``: refuse every password;
- ``nopaging``: answer ``Error:`` to ``screen-length`` (the client must read through the pager);
- ``pwchange``: ask ``Change now? [Y/N]:`` at login (the client should answer ``N``).

The trigger command of ``hang``/``drop`` is ``@COMMAND`` when given, else the second recorded
``display`` command of the session, so that one output was delivered before the fault.

Host keys are generated in memory at start and never written anywhere. :func:`start_lab` runs
the lab in a background thread with its own event loop (for tests and the CLI).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import secrets
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

import asyncssh

from netaudit.errors import NetauditError
from netaudit.inventory import load_inventory, select
from netaudit.snapshot import open_snapshot
from netaudit.snapshot.fsutil import atomic_write

FAULTS = ("hang", "drop", "slow", "badauth", "nopaging", "pwchange")
TRIGGERED = ("hang", "drop")

BANNER = (b"\r\nInfo: The max number of VTY users is 10, and the number\r\n"
          b"      of current VTY users on line is 1.\r\n"
          b"      The current login time is 2024-05-20 14:30:31+08:00.\r\n")
INFO_SCREEN_LENGTH = b"Info: The configuration takes effect on the current user terminal interface only.\r\n"
UNRECOGNIZED = b"Error: Unrecognized command found at '^' position.\r\n"
MORE = b"  ---- More ----"
MORE_ERASE = b"\x1b[42D" + b" " * 42 + b"\x1b[42D"
PASSWORD_CHANGE = (b"\r\nWarning: The password will expire in 3 days.\r\n"
                   b"The password needs to be changed. Change now? [Y/N]:")
SCREEN_LENGTH = "screen-length 0 temporary"
SLOW_CHUNK = 256
SLOW_DELAY = 0.004


class LabError(NetauditError):
    """The lab cannot start (bad snapshot, bad fault spec, non-loopback address, port in use)."""


@dataclass
class LabDevice:
    """One impersonated device."""

    hostname: str
    platform: str = "huawei_vrp"
    outputs: dict[str, bytes] = field(default_factory=dict)
    """Command (``display version``) → recorded bytes."""
    faults: set[str] = field(default_factory=set)
    trigger: str | None = None
    """The command at which ``hang``/``drop`` strike (``None``: the second display command)."""

    @property
    def prompt(self) -> bytes:
        name = self.hostname.encode()
        if self.platform == "huawei_usg":
            if self.hostname.endswith("1"):
                return b"HRP_M<" + name + b">"
            if self.hostname.endswith("2"):
                return b"HRP_S<" + name + b">"
        return b"<" + name + b">"


def parse_fault(spec: str) -> tuple[str, str, str | None]:
    """``HOST=KIND[@COMMAND]`` → (host, kind, command).

    >>> parse_fault("CZ-CORE=drop@display eth-trunk")
    ('CZ-CORE', 'drop', 'display eth-trunk')
    >>> parse_fault("CZ-FW-01=badauth")
    ('CZ-FW-01', 'badauth', None)
    """
    host, sep, rest = spec.partition("=")
    kind, at, command = rest.partition("@")
    kind = kind.strip().lower()
    if not sep or not host.strip() or kind not in FAULTS:
        raise LabError(f"--fault {spec!r}: expected HOST=KIND[@COMMAND], KIND one of {', '.join(FAULTS)}")
    if at and kind not in TRIGGERED:
        raise LabError(f"--fault {spec!r}: @COMMAND only applies to {' and '.join(TRIGGERED)}")
    return host.strip(), kind, (" ".join(command.split()) or None) if at else None


def load_devices(project_dir: Path | str, snapshot: str, limit: str | None = None,
                 faults: Iterable[str] = ()) -> list[LabDevice]:
    """The devices of ``snapshot`` (optionally ``--limit``-ed through the inventory), with faults."""
    snap = open_snapshot(project_dir, snapshot)
    hosts = snap.devices()
    platforms: dict[str, str] = {}
    try:
        inv = load_inventory(Path(project_dir))
    except NetauditError:
        if limit:
            raise
        inv = None
    if inv is not None:
        platforms = {d.hostname: d.platform for d in inv.devices}
        if limit:
            chosen = {d.hostname for d in select(inv.devices, limit)}
            hosts = [h for h in hosts if h in chosen]
    if not hosts:
        raise LabError(f"snapshot {snapshot!r}: no device to serve" + (f" for --limit {limit!r}" if limit else ""))
    manifest = snap.manifest()
    devices: dict[str, LabDevice] = {}
    for host in hosts:
        names: dict[str, str] = {}  # file name → command
        if manifest is not None and host in manifest.devices:
            for cmd, rec in manifest.devices[host].commands.items():
                if rec.file is not None:
                    names[rec.file] = cmd
        outputs: dict[str, bytes] = {}
        for fname in snap.commands(host):
            command = names.get(fname, fname[:-4].replace("_", " "))
            outputs[" ".join(command.split())] = snap.read_bytes(host, fname)
        devices[host] = LabDevice(host, platforms.get(host, "huawei_vrp"), outputs)
    for spec in faults:
        host, kind, trigger = parse_fault(spec)
        if host not in devices:
            raise LabError(f"--fault {spec!r}: {host} is not served by this lab")
        devices[host].faults.add(kind)
        if trigger is not None:
            devices[host].trigger = trigger
    return list(devices.values())


class _Hang(Exception):
    """The shell stops answering (fault ``hang``)."""


class _Shell:
    """The user view of one session."""

    def __init__(self, lab: Lab, dev: LabDevice, process: asyncssh.SSHServerProcess[bytes]):
        self.lab = lab
        self.dev = dev
        self.process = process
        self.inbuf = bytearray()
        self.eof = False
        self.paging = True
        self.displays = 0
        self.commands = [c.split() for c in dev.outputs] + [SCREEN_LENGTH.split(), ["quit"]]

    # -- I/O ---------------------------------------------------------------------------------------

    async def write(self, data: bytes, *, echo: bool = False) -> None:
        if not data:
            return
        if "slow" in self.dev.faults and not echo:
            for i in range(0, len(data), SLOW_CHUNK):
                self.process.stdout.write(data[i:i + SLOW_CHUNK])
                await self.process.stdout.drain()
                await asyncio.sleep(SLOW_DELAY)
        else:
            self.process.stdout.write(data)
            await self.process.stdout.drain()

    async def write_prompt(self) -> None:
        prompt = self.dev.prompt
        if "slow" in self.dev.faults:  # split the prompt over two packets
            await self.write(prompt[:3])
        else:
            await self.write(prompt)
            return
        await self.write(prompt[3:])

    async def _fill(self) -> bool:
        if self.eof:
            return False
        try:
            data = await self.process.stdin.read(4096)
        except (asyncssh.BreakReceived, asyncssh.SignalReceived, asyncssh.TerminalSizeChanged):
            return True
        if not data:
            self.eof = True
            return False
        self.inbuf += data
        return True

    async def read_key(self) -> bytes | None:
        while not self.inbuf:
            if not await self._fill():
                return None
        key = bytes(self.inbuf[:1])
        del self.inbuf[:1]
        return key

    async def read_line(self) -> str | None:
        """A typed line, echoed as a terminal would (CR LF at the end)."""
        line = bytearray()
        while True:
            while not self.inbuf:
                if not await self._fill():
                    return None
            chunk = bytes(self.inbuf)
            self.inbuf.clear()
            for i, b in enumerate(chunk):
                ch = bytes([b])
                if ch in (b"\r", b"\n"):
                    rest = chunk[i + 1:]
                    if ch == b"\r" and rest[:1] == b"\n":
                        rest = rest[1:]
                    self.inbuf[:0] = rest
                    await self.write(b"\r\n", echo=True)
                    return line.decode("utf-8", "replace")
                if ch in (b"\x08", b"\x7f"):
                    if line:
                        line = line[:-1]
                        await self.write(b"\x08 \x08", echo=True)
                elif b >= 0x20:
                    line += ch
                    await self.write(ch, echo=True)

    # -- behaviour ---------------------------------------------------------------------------------

    async def run(self) -> None:
        if self.lab.banner:
            await self.write(BANNER)
        if "pwchange" in self.dev.faults:
            await self.write(PASSWORD_CHANGE)
            answer = await self.read_line()
            if answer is None:
                return
            self.lab.received.setdefault(self.dev.hostname, []).append(answer)
        await self.write_prompt()
        while True:
            line = await self.read_line()
            if line is None:
                return
            self.lab.received.setdefault(self.dev.hostname, []).append(line)
            if not await self.execute(" ".join(line.split())):
                return

    async def execute(self, typed: str) -> bool:
        """Run one line; False ends the session."""
        if not typed:
            await self.write_prompt()
            return True
        command = self.resolve(typed)
        if command == "quit":
            return False
        if command == SCREEN_LENGTH:
            if "nopaging" in self.dev.faults:
                await self.unrecognized(typed, bad_word=0)
            else:
                self.paging = False
                await self.write(INFO_SCREEN_LENGTH)
                await self.write_prompt()
            return True
        if command is None:
            await self.unrecognized(typed)
            return True
        self.displays += 1
        data = self.dev.outputs[command].replace(b"\n", b"\r\n")
        if data and not data.endswith(b"\n"):
            data += b"\r\n"
        struck = [f for f in TRIGGERED if f in self.dev.faults]
        if struck and (command == self.dev.trigger or (self.dev.trigger is None and self.displays == 2)):
            await self.write(data[: len(data) // 2])
            if struck[0] == "drop":
                self.process.channel.get_connection().abort()
                return False
            raise _Hang
        await self.send_output(data)
        await self.write_prompt()
        return True

    async def send_output(self, data: bytes) -> None:
        lines = data.splitlines(keepends=True)
        if not self.paging or len(lines) <= self.lab.page_lines:
            await self.write(data)
            return
        shown = 0
        budget = self.lab.page_lines
        while shown < len(lines):
            await self.write(b"".join(lines[shown:shown + budget]))
            shown += budget
            if shown >= len(lines):
                return
            await self.write(MORE)
            key = await self.read_key()
            if key is None:
                return
            await self.write(MORE_ERASE)
            if key == b" ":
                budget = self.lab.page_lines
            elif key in (b"\r", b"\n"):
                budget = 1
                if key == b"\r" and self.inbuf[:1] == b"\n":
                    del self.inbuf[:1]
            else:  # q, Ctrl-C, anything else: stop the output
                await self.write(b"\r\n")
                return

    def resolve(self, typed: str) -> str | None:
        """The command ``typed`` stands for (exact, or unambiguous word prefixes)."""
        words = typed.lower().split()
        found = {" ".join(c) for c in self.commands
                 if len(c) == len(words) and all(k.startswith(w) for w, k in zip(words, c, strict=True))}
        if typed.lower() in found:
            return typed.lower()
        return found.pop() if len(found) == 1 else None

    async def unrecognized(self, typed: str, bad_word: int | None = None) -> None:
        words = typed.split()
        if bad_word is None:
            bad_word = len(words) - 1
            for i in range(len(words)):
                head = [w.lower() for w in words[: i + 1]]
                if not any(len(c) > i and all(k.startswith(w) for w, k in zip(head, c, strict=False))
                           for c in self.commands):
                    bad_word = i
                    break
        column = len(self.dev.prompt) + typed.find(words[bad_word]) if words else len(self.dev.prompt)
        await self.write(b" " * column + b"^\r\n" + UNRECOGNIZED)
        await self.write_prompt()


class _Server(asyncssh.SSHServer):
    def __init__(self, lab: Lab, dev: LabDevice):
        self.lab = lab
        self.dev = dev
        self.conn: asyncssh.SSHServerConnection | None = None

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn
        self.lab._conns.add(conn)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.conn is not None:
            self.lab._conns.discard(self.conn)

    def begin_auth(self, username: str) -> bool:
        return True

    def password_auth_supported(self) -> bool:
        return True

    def validate_password(self, username: str, password: str) -> bool:
        if "badauth" in self.dev.faults:
            return False
        return (secrets.compare_digest(username.encode(), self.lab.username.encode())
                and secrets.compare_digest(password.encode(), self.lab.password.encode()))


async def _session(lab: Lab, dev: LabDevice, process: asyncssh.SSHServerProcess[bytes]) -> None:
    shell = _Shell(lab, dev, process)
    try:
        await shell.run()
    except _Hang:
        with contextlib.suppress(Exception):
            while await shell._fill():  # swallow input, answer nothing, until the client leaves
                shell.inbuf.clear()
    except (asyncssh.Error, OSError, BrokenPipeError):
        pass
    finally:
        with contextlib.suppress(Exception):
            process.exit(0)


class Lab:
    """A running lab; :attr:`ports` maps hostname → listening port. Close it with :meth:`close`."""

    def __init__(self, devices: list[LabDevice], *, host: str, base_port: int, username: str,
                 password: str, page_lines: int, banner: bool):
        self.devices = {d.hostname: d for d in devices}
        self.host = host
        self.base_port = base_port
        self.username = username
        self.password = password
        self.page_lines = page_lines
        self.banner = banner
        self.ports: dict[str, int] = {}
        self.received: dict[str, list[str]] = {}
        """Every line typed into each device, in order (tests check nothing unexpected arrived)."""
        self.host_key = ""
        """The lab's public host key (OpenSSH line); every listener presents it."""
        self._servers: list[asyncssh.SSHAcceptor] = []
        self._conns: set[asyncssh.SSHServerConnection] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:  # no password
        return f"Lab({len(self.devices)} devices on {self.host}, user {self.username!r})"

    async def _start(self) -> None:
        key = asyncssh.generate_private_key("ssh-ed25519")
        self.host_key = key.export_public_key().decode().strip()
        for i, dev in enumerate(self.devices.values()):
            port = self.base_port + i if self.base_port else 0
            try:
                server = await asyncssh.create_server(
                    partial(_Server, self, dev), self.host, port, server_host_keys=[key],
                    process_factory=partial(_session, self, dev), encoding=None, line_editor=False,
                    allow_scp=False, agent_forwarding=False, x11_forwarding=False,
                    sftp_factory=None, login_timeout=30)
            except OSError as e:
                raise LabError(f"{dev.hostname}: cannot listen on {self.host}:{port}: {e.strerror or e}") from e
            self._servers.append(server)
            self.ports[dev.hostname] = server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        for server in self._servers:
            server.close()
        for conn in list(self._conns):
            conn.abort()
        for server in self._servers:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 2)
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def connect_map(self) -> dict[str, dict[str, Any]]:
        """``{hostname: {"host", "port", "host_key"}}`` — what ``collect --connect-map`` reads."""
        return {h: {"host": self.host, "port": p, "host_key": self.host_key}
                for h, p in sorted(self.ports.items())}

    def write_map(self, path: Path | str) -> Path:
        path = Path(path)
        atomic_write(path, (json.dumps(self.connect_map(), indent=2) + "\n").encode())
        return path

    def close(self) -> None:
        """Stop every listener and session and the lab's thread; idempotent."""
        loop, thread = self._loop, self._thread
        self._loop = self._thread = None
        if loop is None or thread is None:
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._stop(), loop).result(timeout=5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)

    def __enter__(self) -> Lab:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _check_loopback(host: str) -> None:
    if host == "localhost":
        return
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise LabError(f"--host {host!r}: the lab listens on loopback only (127.0.0.1, ::1, localhost)")


def start_lab(project_dir: Path | str, snapshot: str = "example", *, limit: str | None = None,
              host: str = "127.0.0.1", base_port: int = 0, username: str = "netaudit",
              password: str | None = None, faults: Iterable[str] | Mapping[str, str] = (),
              page_lines: int = 40, banner: bool = True) -> Lab:
    """Start a lab serving ``snapshot`` in a background thread and return it, listening.

    ``faults`` are ``HOST=KIND[@COMMAND]`` specs (or a ``{host: kind}`` mapping); ``password``
    defaults to a random one (``lab.password``). Use it as a context manager or call ``close()``.
    """
    _check_loopback(host)
    if not 0 <= base_port < 65536:
        raise LabError(f"--base-port {base_port}: out of range")
    if page_lines < 1:
        raise LabError("page_lines must be at least 1")
    specs = [f"{h}={k}" for h, k in faults.items()] if isinstance(faults, Mapping) else list(faults)
    devices = load_devices(project_dir, snapshot, limit, specs)
    lab = Lab(devices, host=host, base_port=base_port, username=username,
              password=password if password is not None else secrets.token_urlsafe(12),
              page_lines=page_lines, banner=banner)
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    failure: list[BaseException] = []

    def main() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(lab._start())
        except BaseException as e:
            failure.append(e)
            with contextlib.suppress(Exception):
                loop.run_until_complete(lab._stop())
            ready.set()
            loop.close()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    thread = threading.Thread(target=main, name="netaudit-lab", daemon=True)
    thread.start()
    ready.wait()
    if failure:
        thread.join(timeout=5)
        raise failure[0]
    lab._loop, lab._thread = loop, thread
    return lab
