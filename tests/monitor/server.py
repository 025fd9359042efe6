"""A small HTTP server on 127.0.0.1 for the monitor's tests: routes set per test, requests
logged, every response bounded in time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow response
    fail_first: int = 0  # answer 503 this many times before succeeding
    redirect: str = ""  # Location of a 302
    etag: str = ""  # answer 304 to a matching If-None-Match
    chunked_drip: float = 0.0  # send the body in small pieces this many seconds apart
    declare_length: bool = True

    @classmethod
    def html(cls, text: str, **kwargs) -> Route:
        return cls(body=text.encode("utf-8"), **kwargs)


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class TestServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[str], Route]] = {}
        self.requests: list[Request] = []
        self.served = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for request in self.requests if request.path == path)

    def start(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 10  # a stuck client cannot hold a thread for long

            def log_message(self, *args: object) -> None:  # quiet test output
                return

            def do_GET(self) -> None:
                with owner._lock:
                    owner.requests.append(Request(self.path, dict(self.headers)))
                    route = owner.routes.get(self.path) or owner.routes.get(self.path.split("?")[0])
                    if callable(route):
                        route = route(self.path)
                    failing = route is not None and route.fail_first > 0
                    if failing:
                        route.fail_first -= 1
                if route is None:
                    self._answer(404, "text/plain", b"not found", {})
                elif failing:
                    self._answer(503, "text/plain", b"try later", {"Retry-After": "0"})
                else:
                    self._serve(route)
                with owner._lock:
                    owner.served += 1

            def _serve(self, route: Route) -> None:
                if route.delay:
                    time.sleep(route.delay)
                if route.redirect:
                    self._answer(302, "text/plain", b"", {"Location": route.redirect})
                    return
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                    if self.headers.get("If-None-Match") == route.etag:
                        self._answer(304, "", b"", headers)
                        return
                self._answer(
                    route.status,
                    route.content_type,
                    route.body,
                    headers,
                    route.chunked_drip,
                    route.declare_length,
                )

            def _answer(
                self,
                status: int,
                content_type: str,
                body: bytes,
                headers: dict[str, str],
                drip: float = 0.0,
                declare_length: bool = True,
            ) -> None:
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    if declare_length:
                        self.send_header("Content-Length", str(len(body)))
                    self.send_header("Connection", "close")
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if drip:
                        for start in range(0, len(body), 16):
                            self.wfile.write(body[start : start + 16])
                            self.wfile.flush()
                            time.sleep(drip)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size cap or a timeout): expected in tests
                self.close_connection = True

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@contextmanager
def running() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
