"""Where the server listens, and the addresses it gives out.

Phones reach the workshop over the local network, so by default it listens on the laptop's
address on that network (its LAN address); ``--host 127.0.0.1`` keeps it on the laptop.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket

from ..errors import AdvisorError
from ..i18n import t

# Any address outside the loopback range makes the kernel pick the interface of its default
# route. 192.0.2.1 is TEST-NET-1 (RFC 5737): connecting a UDP socket only looks the route up,
# no packet is sent.
_ROUTE_PROBE = ("192.0.2.1", 9)
PORT_TRIES = 20  # the default port and the ones after it, when the default is taken


def lan_address() -> str | None:
    """The laptop's IPv4 address on its network (the interface of the default route), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(_ROUTE_PROBE)
            address = probe.getsockname()[0]
        except OSError:
            return None
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    return None if parsed.is_loopback or parsed.is_unspecified else address


def is_any(host: str) -> bool:
    return host in ("0.0.0.0", "::", "")


def address_url(host: str, port: int, path: str = "/") -> str:
    """http://HOST:PORT/PATH, with an IPv6 address in brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def bind(host: str, port: int, *, lang: str, tries: int = 1) -> socket.socket:
    """A listening socket on host:port; with tries > 1, the next ports are tried when one is taken.
    A clear error (exit 2) when the address cannot be used."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    last: OSError | None = None
    for candidate in range(port, port + max(tries, 1)):
        # IPPROTO_TCP spelt out: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
        # sockets that say so, and with it on, each request on a kept-alive connection waits
        # about 40 ms for the client's delayed acknowledgement
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        if os.name != "nt":  # on Windows it would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
            sock.listen(2048)
        except OSError as error:
            sock.close()
            last = error
            if error.errno == errno.EADDRINUSE and candidate < 65535:
                continue
            break
        sock.setblocking(False)
        return sock
    if last is not None and last.errno == errno.EADDRINUSE:
        raise AdvisorError(t(lang, "web.port_taken", port=port), hint=t(lang, "web.port_hint"))
    reason = (last.strerror if last else None) or str(last)
    raise AdvisorError(t(lang, "web.cannot_listen", host=host, port=port, reason=reason), hint=t(lang, "web.host_hint"))
