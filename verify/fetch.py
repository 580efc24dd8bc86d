"""Fetch an article over http(s): timeouts, a size cap, and no requests into private networks.

Every hop of a redirect chain is checked before it is requested: the scheme must be http(s)
and, unless private addresses are allowed, every address the host resolves to must be public
(not loopback, private, link-local, multicast, reserved or unspecified).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from verify.errors import FetchError

USER_AGENT = "verify/0.1 (claim cross-checking)"
MAX_REDIRECTS = 5


class UrlRefused(FetchError):
    code = "url_refused"


def public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def check_url(url: str, allow_private: bool, allowed_hosts: tuple[str, ...] = ()) -> None:
    """Refuse a URL before any connection: wrong scheme, or a host that resolves to a non-public address.

    `allowed_hosts` names hosts trusted although private (an internal CMS), exactly as written.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UrlRefused(f"{url}: only http and https URLs are fetched")
    if not parts.hostname:
        raise UrlRefused(f"{url}: no host in the URL")
    if allow_private or parts.hostname.lower() in allowed_hosts:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"{url}: cannot resolve host {parts.hostname!r}") from exc
    for info in infos:
        if not public_address(info[4][0]):
            raise UrlRefused(f"{url}: refused, {parts.hostname} resolves to a non-public address ({info[4][0]})")


def fetch_url(
    url: str, max_bytes: int, timeout_s: float, allow_private: bool = True, allowed_hosts: tuple[str, ...] = ()
) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of a GET, refusing bodies over `max_bytes`."""
    try:
        with httpx.Client(timeout=timeout_s, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_url(url, allow_private, allowed_hosts)
                with client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: server answered HTTP {response.status_code}")
                    return read_capped(response, url, max_bytes), response.headers.get("content-type", "").lower(), url
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out after {timeout_s:g} s") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc


def read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: response of {int(declared) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise FetchError(f"{url}: response over the {max_bytes / 1e6:.0f} MB limit")
    return bytes(body)
