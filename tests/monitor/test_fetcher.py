"""The polite fetcher against a local server on 127.0.0.1 and httpx's mock transport."""

import time
from dataclasses import replace

import httpx
import pytest

from tests.monitor.server import Route, running
from treatywatch.monitor.config import FetchSettings
from treatywatch.monitor.fetcher import PAGE_TYPES, Fetcher, FetchError, Validators

SETTINGS = FetchSettings(
    contact="mailto:test@example.org",
    timeout_seconds=0.5,
    retries=2,
    backoff_seconds=0.01,
    max_backoff_seconds=0.05,
    rate_limit_seconds=0.0,
    max_bytes=4096,
    allow_loopback=True,
)
ROBOTS = Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")


@pytest.fixture
def server():
    with running() as server:
        server.routes["/robots.txt"] = ROBOTS
        yield server


@pytest.fixture
def fetcher():
    with Fetcher(SETTINGS) as fetcher:
        yield fetcher


def test_a_page_is_fetched_with_our_user_agent_after_robots_txt(server, fetcher):
    """robots.txt is read once per site; every request names TreatyWatch and the contact."""
    server.routes["/a.html"] = Route.html("<p>hello</p>")
    server.routes["/b.html"] = Route.html("<p>again</p>")
    first = fetcher.get(server.url("/a.html"), accept=PAGE_TYPES)
    fetcher.get(server.url("/b.html"), accept=PAGE_TYPES)
    assert first.content == b"<p>hello</p>" and first.content_type == "text/html"
    assert first.charset == "utf-8"
    assert [r.path for r in server.requests] == ["/robots.txt", "/a.html", "/b.html"]
    agent = server.requests[1].headers["User-Agent"]
    assert agent.startswith("TreatyWatch/") and "mailto:test@example.org" in agent


def test_robots_txt_is_obeyed(server, fetcher):
    """A disallowed path is never requested."""
    server.routes["/private/x.html"] = Route.html("secret")
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/private/x.html"))
    assert caught.value.kind == "robots" and not caught.value.transient
    assert server.hits("/private/x.html") == 0


def test_a_site_without_robots_txt_is_open_and_one_that_forbids_it_is_closed(server):
    server.routes.pop("/robots.txt")
    server.routes["/a.html"] = Route.html("ok")
    with Fetcher(SETTINGS) as fetcher:
        assert fetcher.get(server.url("/a.html")).status == 200
    server.routes["/robots.txt"] = Route(status=403, body=b"no")
    with Fetcher(SETTINGS) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/a.html"))
    assert caught.value.kind == "robots"


def test_redirects_are_followed_and_checked_at_every_hop(server, fetcher):
    """A redirect to a public page is followed; one to a private address is refused before
    anything is sent there."""
    server.routes["/old"] = Route(redirect="/new")
    server.routes["/new"] = Route.html("moved here")
    response = fetcher.get(server.url("/old"))
    assert response.content == b"moved here"
    assert response.final_url == server.url("/new")
    assert response.redirects == (server.url("/old"),)

    server.routes["/leak"] = Route(redirect="http://10.0.0.1:9/admin")
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/leak"))
    assert caught.value.kind == "blocked-address"
    assert "private" in caught.value.message and "redirect" in caught.value.message
    assert time.monotonic() - started < 0.5  # refused, not attempted and timed out


def test_a_name_resolving_to_a_private_address_is_refused(server):
    """Names are resolved and every address checked; loopback needs its own permission."""
    server.routes["/leak"] = Route(redirect="http://intranet.test/secrets")
    resolver = {"intranet.test": ["93.184.216.34", "192.168.1.5"]}
    fetcher = Fetcher(SETTINGS, resolver=lambda host, port: resolver[host])
    with fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/leak"))
    assert "192.168.1.5" in caught.value.message
    strict = Fetcher(replace(SETTINGS, allow_loopback=False))
    with strict, pytest.raises(FetchError) as caught:
        strict.get(server.url("/leak"))
    assert caught.value.kind == "blocked-address" and "loopback" in caught.value.message


def test_failures_are_retried_with_growing_waits_then_given_up(server):
    """503s are retried (twice here) with exponential backoff; then the error is transient."""
    waits: list[float] = []
    server.routes["/flaky"] = Route.html("finally", fail_first=2)
    with Fetcher(SETTINGS, sleep=waits.append) as fetcher:
        assert fetcher.get(server.url("/flaky")).content == b"finally"
    assert server.hits("/flaky") == 3
    assert waits == [0.01, 0.02]
    server.routes["/down"] = Route.html("never", fail_first=10)
    with Fetcher(SETTINGS, sleep=lambda _: None) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/down"))
    assert (caught.value.transient and caught.value.status == 0) or caught.value.status == 503
    assert server.hits("/down") == 3


def test_a_slow_response_times_out_within_bounds(server, fetcher):
    """A server that answers after 2 s trips the 0.5 s timeout on each of three attempts."""
    server.routes["/slow"] = Route.html("late", delay=2.0)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/slow"))
    assert caught.value.kind == "timeout" and caught.value.transient
    assert time.monotonic() - started < 3.0


def test_bodies_over_the_cap_are_abandoned(server, fetcher):
    """Declared or not, more than max_bytes is not read."""
    server.routes["/big"] = Route(body=b"x" * 10_000, content_type="text/plain")
    server.routes["/big-undeclared"] = Route(
        body=b"x" * 10_000, content_type="text/plain", declare_length=False
    )
    for path in ("/big", "/big-undeclared"):
        with pytest.raises(FetchError) as caught:
            fetcher.get(server.url(path))
        assert caught.value.kind == "too-large" and not caught.value.transient


def test_an_unexpected_content_type_is_refused(server, fetcher):
    server.routes["/logo"] = Route(body=b"\x89PNG", content_type="image/png")
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/logo"), accept=PAGE_TYPES)
    assert caught.value.kind == "content-type"


def test_conditional_get_returns_not_modified(server, fetcher):
    """The stored ETag is sent back; the server's 304 means nothing new to read."""
    server.routes["/feed"] = Route(body=b"<rss/>", content_type="application/rss+xml", etag='"v1"')
    first = fetcher.get(server.url("/feed"))
    assert first.validators == Validators(etag='"v1"')
    again = fetcher.get(server.url("/feed"), validators=first.validators)
    assert again.not_modified and again.content == b""
    assert server.requests[-1].headers["If-None-Match"] == '"v1"'


def test_requests_to_one_host_are_paced():
    """With a 5 s interval, the second and third requests wait for their turn."""
    clock = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        clock[0] += seconds

    def handler(request: httpx.Request) -> httpx.Response:
        clock[0] += 1.0  # each answer takes a second
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, text="ok", headers={"Content-Type": "text/plain"})

    settings = replace(SETTINGS, host_intervals={"example.org": 5.0}, rate_limit_seconds=1.0)
    resolver = {"example.org": ["93.184.216.34"], "other.org": ["93.184.216.35"]}
    with Fetcher(
        settings,
        transport=httpx.MockTransport(handler),
        resolver=lambda host, port: resolver[host],
        sleep=sleep,
        clock=lambda: clock[0],
    ) as fetcher:
        for _ in range(3):
            fetcher.get("https://example.org/page")
        fetcher.get("https://other.org/page")
    # robots, then three pages 5 s apart (each answer took 1 s); other.org is not held back.
    assert waits == [4.0, 4.0, 4.0]


def test_a_retry_after_header_is_honoured_within_the_cap():
    waits: list[float] = []
    answers = iter([httpx.Response(429, headers={"Retry-After": "30"}), httpx.Response(200)])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return next(answers)

    settings = replace(SETTINGS, max_backoff_seconds=12.0)
    with Fetcher(
        settings,
        transport=httpx.MockTransport(handler),
        resolver=lambda host, port: ["93.184.216.34"],
        sleep=waits.append,
    ) as fetcher:
        assert fetcher.get("https://example.org/busy").status == 200
    assert waits == [12.0]
