"""The real thing for tests that need it: the app under gunicorn (several workers), a Redis server
from Debian's package, and a small cookie-keeping HTTP client that posts forms like a browser.

Servers listen on 127.0.0.1 only and are stopped by the fixtures that start them. A missing
program is an error, not a reason to skip.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"server did not listen on port {port} within {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


class Gunicorn:
    """``wsgi:app`` under gunicorn with ``workers`` sync workers, on a migrated database of its own."""

    def __init__(self, folder: Path, workers: int = 2, **settings: str) -> None:
        self.folder = folder
        self.instance = folder / "instance"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "gunicorn.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "ENTRAIDE_"))},
            "ENTRAIDE_INSTANCE_PATH": str(self.instance),
            "SECRET_KEY": "live-server-tests",
            **settings,
        }
        self.workers = workers
        self.process: subprocess.Popen | None = None

    def flask(self, *args: str) -> str:
        """Run a ``flask --app wsgi`` command against the server's database; its output."""
        result = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "wsgi", *args],
            cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120,
        )
        if result.returncode != 0:
            raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self) -> Gunicorn:
        self.flask("db", "upgrade")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}",
                 "--limit-request-line", "8190", "--graceful-timeout", "2", "wsgi:app"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        _wait_for_port(self.port, self.process, self.log)
        return self

    def worker_pids(self) -> set[int]:
        """The pids of the live workers (children of the gunicorn master)."""
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True)
        return {int(pid) for pid in out.stdout.split()}

    def crashed_workers(self) -> list[str]:
        """Lines of the log where the master reports a worker killed by a signal or exiting badly."""
        text = self.log.read_text(errors="replace")
        return [line for line in text.splitlines() if re.search(r"was sent (?!SIGTERM)|exited with code", line)]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


class RedisServer:
    """Debian's redis-server on a free port, nothing saved to disk."""

    def __init__(self, folder: Path) -> None:
        program = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(program).exists():
            raise RuntimeError("redis-server is missing: `make test` installs the redis-server package")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log = folder / "redis.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [program, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(folder)],
                stdout=log, stderr=subprocess.STDOUT,
            )
        _wait_for_port(self.port, self.process, self.log)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Keeps cookies, does not follow redirects, and posts forms with the page's CSRF token."""

    def __init__(self, base: str, headers: dict[str, str] | None = None) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.headers = headers or {}
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def request(self, method: str, path: str, data: bytes | None = None, headers: dict | None = None) -> Response:
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={**self.headers, **(headers or {})})
        try:
            with self.opener.open(req, timeout=30) as raw:
                return Response(raw.status, dict(raw.headers), raw.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as err:
            return Response(err.code, dict(err.headers), err.read().decode("utf-8", "replace"))

    def get(self, path: str, **headers: str) -> Response:
        return self.request("GET", path, headers=headers)

    def csrf_token(self, path: str) -> str:
        page = self.get(path)
        found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text)
        assert found, f"no CSRF token on {path}: {page.status} {page.text[:300]}"
        return found.group(1)

    def post_form(self, path: str, fields: dict[str, str], token_from: str | None = None) -> Response:
        data = {"csrf_token": self.csrf_token(token_from or path), **fields}
        body = urllib.parse.urlencode(data).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.cookies if c.name == name), None)
