"""Debian's Chromium driven by Playwright for Python, and a loopback web server.

Playwright's own browser downloads are never used (``playwright install`` cannot run on
the test machines): the tests launch the ``chromium`` on PATH, which ``tests/run.sh``
installs from Debian when it is missing.  A missing browser is an error, never a skip.

>>> with launch_chromium() as browser, serve_directory(tmp) as base:   # doctest: +SKIP
...     page, watch = open_page(browser, base + "/graph.html")
...     assert watch.problems() == []
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "BrowserError",
    "CHROMIUM_ARGS",
    "PageWatch",
    "chromium_path",
    "launch_chromium",
    "open_page",
    "serve_directory",
]

#: Flags for a headless Chromium that talks to nothing but the pages it is given.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class BrowserError(RuntimeError):
    """Chromium or Playwright is missing, or the browser cannot start."""


def chromium_path() -> str:
    """Path of Debian's ``chromium``.

    Raises:
        BrowserError: no ``chromium`` on PATH.
    """
    path = shutil.which("chromium")
    if not path:
        raise BrowserError(
            "chromium is not on PATH: install Debian's package (apt-get install -y chromium) "
            "or run tests/run.sh, which does; the viewer tests need a real browser"
        )
    return path


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """Start Playwright and Debian's Chromium; close both on exit.

    Yields:
        A ``playwright.sync_api.Browser``.

    Raises:
        BrowserError: Playwright is not installed, or Chromium is missing or won't start.
    """
    executable = chromium_path()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # a core test dependency: fail, never skip
        raise BrowserError("playwright is not installed (pip install playwright)") from exc
    manager = sync_playwright().start()
    try:
        try:
            browser = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            raise BrowserError(f"{executable}: chromium did not start: {first}") from exc
        try:
            yield browser
        finally:
            browser.close()
    finally:
        manager.stop()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


@contextmanager
def serve_directory(root: str | Path) -> Iterator[str]:
    """Serve ``root`` over HTTP on 127.0.0.1 (a free port) in a thread.

    Yields:
        The base URL, such as ``http://127.0.0.1:41234``.
    """
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="test-http", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class PageWatch:
    """What a page did that a test may object to."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Every console error, uncaught exception, failed or external request."""
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"failed request: {m}" for m in self.failed_requests]
            + [f"external request: {m}" for m in self.external_requests]
        )


def _is_local(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return f"{parts.scheme}://{parts.netloc}" == origin


def open_page(browser: Any, url: str, *, viewport: tuple[int, int] = (1600, 1000),
              timeout_ms: float = 60_000) -> tuple[Any, PageWatch]:
    """Open ``url`` in a new page that records errors and blocks non-local requests.

    Any request that leaves ``url``'s origin is recorded as external and aborted, so a
    page that depends on a CDN fails its test instead of reaching the network.

    Returns:
        The Playwright page (loaded) and its :class:`PageWatch`.
    """
    parts = urlsplit(url)
    watch = PageWatch(origin=f"{parts.scheme}://{parts.netloc}")
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.set_default_timeout(timeout_ms)
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: watch.failed_requests.append(f"{r.url} ({r.failure})"))

    def guard(route: Any) -> None:
        if _is_local(route.request.url, watch.origin):
            route.continue_()
        else:
            watch.external_requests.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(url, wait_until="load")
    return page, watch
