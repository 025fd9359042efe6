"""`treatywatch serve`: the public site, the staff workspace and the API on a real WSGI server."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from treatywatch.cli import app
from treatywatch.cli.bootstrap import err_console, ready

__all__ = ["collect_static", "default_workers", "serve"]


def default_workers() -> int:
    """Gunicorn's usual advice, 2 × cores + 1, kept small for a shared machine."""
    return min(2 * (os.cpu_count() or 1) + 1, 8)


def collect_static() -> None:
    """Copy static files to STATIC_ROOT for WhiteNoise; unchanged files are skipped."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def warm_up(worker: Any) -> None:
    """Compute today's overview in a new worker, so no reader waits for the first count."""
    from treatywatch.config import today
    from treatywatch.site import snapshot

    try:
        snapshot.indicator_cards(today())
        snapshot.report(today())
    except Exception as error:  # a cold cache is slower, never fatal
        err_console.print(f"[yellow]warm-up skipped: {error}[/yellow]")
    finally:
        from django.db import connections

        connections.close_all()


def _gunicorn_app(application: Any, options: dict[str, Any]) -> Any:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    return Server()


def _serve_wsgiref(application: Any, host: str, port: int) -> None:
    """Fallback without gunicorn (e.g. on Windows): the standard library's threaded server."""
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIServer, make_server

    class ThreadingServer(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    with make_server(host, port, application, server_class=ThreadingServer) as server:
        server.serve_forever()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(help="Worker processes (default: 2 × cores + 1, at most 8).")
    ] = 0,
    threads: Annotated[int, typer.Option(help="Threads per worker.")] = 1,
    access_log: Annotated[bool, typer.Option(help="Log every request to stderr.")] = False,
) -> None:
    """Serve the site: migrate and load the bundled data on first run, then listen.

    Uses gunicorn when it is installed, else Python's own threaded WSGI server. Other hosts
    than localhost must be listed in TREATYWATCH_ALLOWED_HOSTS.
    """
    ready()
    collect_static()
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.db import connections

    application = get_wsgi_application()
    if host not in settings.ALLOWED_HOSTS and host not in ("0.0.0.0", "::"):
        err_console.print(
            f"[yellow]{host} is not in TREATYWATCH_ALLOWED_HOSTS: requests naming it "
            "will be refused (400).[/yellow]"
        )
    # Workers fork from this process: none may inherit its open database connection.
    connections.close_all()
    url = f"http://{'localhost' if host in ('0.0.0.0', '::', '127.0.0.1') else host}:{port}/"
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        err_console.print(f"gunicorn is not installed: serving on {url} with wsgiref (slower).")
        _serve_wsgiref(application, host, port)
        return
    err_console.print(f"Serving TreatyWatch on {url}")
    options: dict[str, Any] = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers or default_workers(),
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "timeout": 60,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "warning",
        "post_worker_init": warm_up,
    }
    _gunicorn_app(application, options).run()
