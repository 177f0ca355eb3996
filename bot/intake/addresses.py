"""Which URLs and addresses the bot may fetch.

Only http and https, with a host and no credentials. An address is refused unless it is globally
routable: loopback, private, shared (carrier NAT), link-local (cloud metadata lives at
169.254.169.254), multicast, reserved and unspecified addresses all are, and so are IPv6
addresses that embed one of them (IPv4-mapped, NAT64, 6to4, Teredo). The check runs on the
literal host of every URL, and on every address a name resolves to (see ``fetch``).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urlsplit, urlunsplit

from bot.intake.errors import BadUrlError, BlockedAddressError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_URL_LENGTH = 2048

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
#: Metadata services that some clouds put on addresses ``is_global`` alone would let through.
_METADATA = (
    ipaddress.IPv4Network("100.100.100.200/32"),
    ipaddress.IPv6Network("fd00:ec2::254/128"),
)


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """``allow_private`` lifts the refusal for everything (FACTBOT_ALLOW_PRIVATE_URLS=1);
    ``allowed`` lifts it for the networks listed (a test server, an operator's intranet host)."""

    allow_private: bool = False
    allowed: tuple[IPNetwork, ...] = field(default=())

    @classmethod
    def permitting(cls, networks: Iterable[str]) -> AddressPolicy:
        return cls(allowed=tuple(ipaddress.ip_network(n) for n in networks))

    def check(self, address: str, host: str) -> None:
        """Raise :class:`BlockedAddressError` unless ``address`` (that ``host`` names) may be
        reached."""
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            raise BlockedAddressError(
                f"{host} resolves to {address!r}, not an IP address"
            ) from None
        if self.allow_private or any(ip in network for network in self.allowed):
            return
        reason = blocked_reason(ip)
        if reason is not None:
            named = host.strip("[]") if literal_address(host) == ip else f"{host} ({ip})"
            raise BlockedAddressError(
                f"blocked address: {named} is {reason}; only public addresses are fetched"
            )


def blocked_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be fetched ("a private address" ...), or None for a public one."""
    for inner in reversed(_embedded(ip)):
        reason = _own_reason(inner)
        if reason is not None:
            return reason
    return None


def _embedded(ip: IPAddress) -> list[IPAddress]:
    """``ip`` and the IPv4 addresses an IPv6 address carries, where routers would unwrap them."""
    found: list[IPAddress] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            found.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            found.append(ip.sixtofour)
        if ip.teredo is not None:
            found.extend(ip.teredo)
        if ip in _NAT64:
            found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def _own_reason(ip: IPAddress) -> str | None:
    if any(ip in network for network in _METADATA) or str(ip) == "169.254.169.254":
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "not a public address"
    return None


def literal_address(host: str) -> IPAddress | None:
    """The address a URL's host spells directly (``10.0.0.1``, ``[::1]``), or None for a name."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def checked_url(url: str) -> SplitResult:
    """``url`` split, if the bot may fetch it (scheme, host, no credentials, sane length);
    a literal IP host is not checked here but by the policy (see ``fetch``)."""
    url = url.strip()
    if not url:
        raise BadUrlError("bad URL: it is empty")
    if len(url) > MAX_URL_LENGTH:
        raise BadUrlError(f"bad URL: longer than {MAX_URL_LENGTH} characters")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise BadUrlError("bad URL: it contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadUrlError(f"bad URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "no scheme"
        raise BadUrlError(f"bad URL: only http:// and https:// addresses are fetched ({shown})")
    if not parts.hostname:
        raise BadUrlError("bad URL: it has no host name")
    if parts.username is not None or parts.password is not None:
        raise BadUrlError("bad URL: addresses with a user name or password are not fetched")
    if port == 0:
        raise BadUrlError("bad URL: port 0")
    return parts


def normalised_url(url: str) -> str:
    """The form two links to one article share: lower-case scheme and host, no default port,
    no fragment, no ``utm_*`` tracking parameters. Used to find an article already stored."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(scheme)
    netloc = host if port is None or port == default else f"{host}:{port}"
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.lower().startswith("utm_")
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))
