"""Fetch an article over http(s) with a timeout and a size cap."""

from __future__ import annotations

import httpx

from verify.errors import FetchError

USER_AGENT = "verify/0.1 (claim cross-checking; +https://example.invalid/verify)"


def fetch_url(url: str, max_bytes: int, timeout_s: float) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of a GET, refusing bodies over `max_bytes`."""
    try:
        with httpx.Client(
            timeout=timeout_s, follow_redirects=True, max_redirects=5, headers={"User-Agent": USER_AGENT}
        ) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"{url}: server answered HTTP {response.status_code}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise FetchError(f"{url}: response over the {max_bytes / 1e6:.0f} MB limit")
                content_type = response.headers.get("content-type", "").lower()
                return bytes(body), content_type, str(response.url)
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out after {timeout_s:g} s") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc
