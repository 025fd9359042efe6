"""A polite HTTP fetcher: robots.txt, a per-host pace, bounded retries, size and type checks.

Every request names TreatyWatch and a contact in its User-Agent. Redirects are followed by
hand (at most five) so that every hop is checked: its scheme, its robots.txt, and every
address its host resolves to — loopback and private addresses are refused unless the
configuration allows them. The transport is httpx's, swappable, so tests never need the
network; the resolver, clock and sleep are swappable too.

Conditional GET: a caller passes the validators (ETag, Last-Modified) it stored for a URL
and gets them back, new, with the response. Storing them is the caller's business, so it
can do so in the same transaction as whatever it derived from the content — a fetch that is
never processed must not be skipped as "not modified" next time.

Known limit: the address check resolves the name, then httpx resolves it again to connect,
so a hostile DNS server could answer differently the second time (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import httpx

from treatywatch.monitor.config import FetchSettings

__all__ = [
    "FEED_TYPES",
    "HTML_TYPES",
    "JSON_TYPES",
    "PAGE_TYPES",
    "WARC_TYPES",
    "XML_TYPES",
    "FetchError",
    "Fetcher",
    "Response",
    "Validators",
]

HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_TYPES = (
    *HTML_TYPES,
    "text/plain",
    "text/markdown",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
)
XML_TYPES = ("application/xml", "text/xml")
FEED_TYPES = (*XML_TYPES, "application/rss+xml", "application/atom+xml", "application/rdf+xml")
JSON_TYPES = ("application/json", "text/json")
WARC_TYPES = (
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",
    "application/warc",
    "binary/octet-stream",
)
ROBOTS_MAX_BYTES = 512 * 1024
MAX_REDIRECTS = 5
ROBOTS_AGENT = "TreatyWatch"
CHUNK = 64 * 1024

Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """A fetch that failed; ``transient`` ones are worth trying again on a later run."""

    def __init__(
        self, kind: str, url: str, message: str, *, transient: bool = False, status: int = 0
    ) -> None:
        self.kind, self.url, self.message = kind, url, message
        self.transient, self.status = transient, status
        super().__init__(f"{url}: {message}")


@dataclass(frozen=True)
class Validators:
    etag: str = ""
    last_modified: str = ""

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True)
class Response:
    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    validators: Validators
    fetched_at: datetime
    not_modified: bool = False
    redirects: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for a host."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError("dns", host, f"cannot resolve {host}: {error}", transient=True) from None
    return sorted({str(info[4][0]) for info in infos})


def _media_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    return media.strip().lower(), charset


def _retry_after(value: str | None, now: datetime) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class Fetcher:
    """Fetches URLs under the rules of ``FetchSettings``; one instance per run."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.settings = settings
        self.resolver, self.sleep, self.clock, self.now = resolver, sleep, clock, now
        timeout = httpx.Timeout(settings.timeout_seconds)
        self.client = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
            trust_env=False,
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._crawl_delay: dict[str, float] = {}
        self._robots_failed: dict[str, FetchError] = {}
        self.requests = 0  # counted for status reports and tests

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the public calls ---------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        accept: Collection[str] = (),
        validators: Validators | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """The body of ``url`` in memory, at most ``max_bytes`` (default: the settings')."""
        buffer = bytearray()
        response = self._fetch(
            url,
            accept=accept,
            validators=validators,
            max_bytes=max_bytes or self.settings.max_bytes,
            sink=buffer.extend,
        )
        return _with_content(response, bytes(buffer))

    def download(self, url: str, target: BinaryIO, *, accept: Collection[str] = ()) -> Response:
        """Stream ``url`` into an open binary file, up to ``max_download_bytes``."""
        return self._fetch(
            url,
            accept=accept,
            validators=None,
            max_bytes=self.settings.max_download_bytes,
            sink=target.write,
        )

    # --- one fetch, hop by hop ------------------------------------------------------------

    def _fetch(
        self,
        url: str,
        *,
        accept: Collection[str],
        validators: Validators | None,
        max_bytes: int,
        sink: Callable[[bytes], object],
        robots: bool = True,
    ) -> Response:
        current = url
        hops: list[str] = []
        for _ in range(MAX_REDIRECTS + 1):
            self._check_url(current, url)
            if robots:
                self._check_robots(current)
            headers = {"Accept": ", ".join(accept) if accept else "*/*"}
            if validators and current == url:
                if validators.etag:
                    headers["If-None-Match"] = validators.etag
                if validators.last_modified:
                    headers["If-Modified-Since"] = validators.last_modified
            with self._send(current, headers) as response:
                if response.status_code in (301, 302, 303, 307, 308):
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(
                            "http", current, f"redirect {response.status_code} without a Location"
                        )
                    hops.append(current)
                    current = urljoin(current, location)
                    continue
                if response.status_code == 304:
                    return Response(
                        url=url,
                        final_url=current,
                        status=304,
                        content=b"",
                        content_type="",
                        charset=None,
                        validators=validators or Validators(),
                        fetched_at=self.now(),
                        not_modified=True,
                        redirects=tuple(hops),
                    )
                if not 200 <= response.status_code < 300:
                    transient = (
                        response.status_code in (408, 425, 429) or response.status_code >= 500
                    )
                    raise FetchError(
                        "http",
                        current,
                        f"HTTP {response.status_code}",
                        transient=transient,
                        status=response.status_code,
                    )
                media, charset = _media_type(response.headers.get("content-type", ""))
                if accept and media and not _accepted(media, accept):
                    raise FetchError(
                        "content-type",
                        current,
                        f"unexpected content type {media!r} (expected {', '.join(accept)})",
                    )
                self._read_body(response, current, max_bytes, sink)
                return Response(
                    url=url,
                    final_url=current,
                    status=response.status_code,
                    content=b"",
                    content_type=media,
                    charset=charset,
                    validators=Validators(
                        response.headers.get("etag", ""),
                        response.headers.get("last-modified", ""),
                    ),
                    fetched_at=self.now(),
                    redirects=tuple(hops),
                    headers=dict(response.headers),
                )
        raise FetchError("redirect", url, f"more than {MAX_REDIRECTS} redirects")

    def _read_body(
        self, response: httpx.Response, url: str, max_bytes: int, sink: Callable[[bytes], object]
    ) -> None:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError("too-large", url, f"{declared} bytes is over the {max_bytes}-byte cap")
        received = 0
        deadline = self.clock() + self.settings.timeout_seconds * 5
        try:
            for chunk in response.iter_bytes(CHUNK):
                received += len(chunk)
                if received > max_bytes:
                    raise FetchError("too-large", url, f"over the {max_bytes}-byte cap; abandoned")
                if self.clock() > deadline:
                    raise FetchError("timeout", url, "the body arrives too slowly", transient=True)
                sink(chunk)
        except httpx.TimeoutException:
            raise FetchError("timeout", url, "timed out reading the body", transient=True) from None
        except httpx.TransportError as error:
            raise FetchError(
                "network", url, f"{type(error).__name__}: {error}", transient=True
            ) from None

    @contextmanager
    def _send(self, url: str, headers: dict[str, str]) -> Iterator[httpx.Response]:
        """One request with retries on timeouts, network errors, 429 and 5xx."""
        attempt = 0
        while True:
            self._pace(url)
            self.requests += 1
            try:
                response = self.client.send(
                    self.client.build_request("GET", url, headers=headers), stream=True
                )
            except httpx.TimeoutException:
                error: FetchError | None = FetchError("timeout", url, "timed out", transient=True)
                response = None
            except httpx.TransportError as failure:
                error = FetchError(
                    "network", url, f"{type(failure).__name__}: {failure}", transient=True
                )
                response = None
            else:
                error = None
            retryable = error is not None or (
                response is not None
                and (response.status_code in (429, 503) or response.status_code >= 500)
            )
            if not retryable or attempt >= self.settings.retries:
                if error is not None:
                    raise error
                assert response is not None
                try:
                    yield response
                finally:
                    response.close()
                return
            wait = min(
                self.settings.max_backoff_seconds, self.settings.backoff_seconds * (2**attempt)
            )
            if response is not None:
                hinted = _retry_after(response.headers.get("retry-after"), self.now())
                if hinted is not None:
                    wait = min(self.settings.max_backoff_seconds, max(wait, hinted))
                response.close()
            attempt += 1
            self.sleep(wait)

    # --- politeness and safety --------------------------------------------------------------

    def _pace(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        interval = self.settings.host_intervals.get(
            parts.hostname or "", self.settings.rate_limit_seconds
        )
        interval = max(interval, self._crawl_delay.get(host, 0.0))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _check_url(self, url: str, original: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("scheme", original, f"refusing {url!r}: only http(s) URLs")
        host = parts.hostname
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            addresses = [ipaddress.ip_address(address) for address in self.resolver(host, port)]
        for address in addresses:
            reason = self._blocked(address)
            if reason:
                via = "" if url == original else f" (reached by redirect from {original})"
                raise FetchError(
                    "blocked-address", url, f"refusing {host} ({address}): {reason}{via}"
                )

    def _blocked(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address.is_loopback:
            return None if self.settings.allow_loopback else "a loopback address"
        if not address.is_global:
            return None if self.settings.allow_private else "a private or reserved address"
        return None

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if origin in self._robots_failed:
            raise self._robots_failed[origin]
        rules = self._robots.get(origin)
        if rules is None:
            try:
                rules = self._load_robots(origin)
            except FetchError as error:
                # Asked once per run: every later URL of the site fails fast the same way.
                self._robots_failed[origin] = error
                raise
            self._robots[origin] = rules
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError("robots", url, "disallowed by robots.txt")

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        """The site's rules (RFC 9309): a missing file allows all, 401/403 forbid all, and a
        server error or timeout leaves the site alone for this run."""
        robots_url = origin + "/robots.txt"
        rules = urllib.robotparser.RobotFileParser(robots_url)
        body = bytearray()
        try:
            self._fetch(
                robots_url,
                accept=(),
                validators=None,
                max_bytes=ROBOTS_MAX_BYTES,
                sink=body.extend,
                robots=False,
            )
        except FetchError as error:
            if error.kind == "http" and error.status in (401, 403):
                rules.disallow_all = True
                return rules
            if error.kind in ("http", "content-type", "too-large") and not error.transient:
                rules.allow_all = True
                return rules
            if error.kind == "blocked-address":
                raise
            raise FetchError(
                "robots", robots_url, f"robots.txt unavailable: {error.message}", transient=True
            ) from None
        rules.parse(bytes(body).decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._crawl_delay[urlsplit(origin).netloc] = float(delay)
        return rules


def _accepted(media: str, accept: Collection[str]) -> bool:
    for allowed in accept:
        if allowed == media:
            return True
        if allowed.endswith("/*") and media.startswith(allowed[:-1]):
            return True
    return False


def _with_content(response: Response, content: bytes) -> Response:
    from dataclasses import replace

    return replace(response, content=content)
