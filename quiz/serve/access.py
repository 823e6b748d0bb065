"""Who may use a served class: the join token, exchanged for a cookie, and where learners can reach us.

Only loopback may go without a token (the teacher's own browser). Whatever the mode, a request must
name this server in its Host header and come from its own pages (Origin), so another web site open in
the teacher's browser cannot start sessions, and a rebound DNS name cannot either.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

COOKIE = "quiz_class"
"""The cookie that carries the token once the join URL has been opened."""

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(18)


@dataclass(frozen=True)
class Access:
    """The rule one server applies to every request."""

    token: str | None
    """None: no token needed (loopback only)."""
    hosts: frozenset[str]
    """Accepted Host headers, ``name:port``."""

    @classmethod
    def for_bind(cls, host: str, port: int, token: str | None) -> Access:
        """A token unless bound to loopback without one asked for; the names this server answers to."""
        if token is None and not is_loopback(host):
            token = new_token()
        names = {host, join_host(host), "localhost", "127.0.0.1", "[::1]"}
        if is_loopback(host):
            names = {host, "localhost", "127.0.0.1", "[::1]"}
        else:
            names |= {socket.gethostname()}
            with contextlib.suppress(OSError):
                names.add(socket.getfqdn())
        return cls(token, frozenset(f"{_bracketed(name)}:{port}" for name in names))

    def token_matches(self, offered: str | None) -> bool:
        if self.token is None:
            return True
        return offered is not None and hmac.compare_digest(offered.encode(), self.token.encode())

    def host_allowed(self, host_header: str | None) -> bool:
        """Any Host when a token guards us; on loopback without a token, only our own names."""
        if self.token is not None:
            return True
        return host_header is not None and host_header.lower() in self.hosts

    def origin_allowed(self, origin: str | None, host_header: str | None) -> bool:
        """No Origin (not a browser page), or the page is one of ours."""
        if origin is None:
            return True
        return urlsplit(origin).netloc.lower() == (host_header or "").lower()


def join_host(host: str) -> str:
    """A name learners' machines can reach: the bound address, or this machine's LAN address for 0.0.0.0."""
    if host in ("0.0.0.0", "::", ""):
        return lan_address()
    return host


def lan_address() -> str:
    """The address of the interface that routes outwards (no packet is sent), else the host name."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()


def join_url(host: str, port: int, token: str | None) -> str:
    base = f"http://{_bracketed(join_host(host))}:{port}/"
    return base if token is None else f"{base}?token={token}"


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
