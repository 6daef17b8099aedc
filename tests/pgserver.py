"""A throwaway PostgreSQL server for the test suite, started with Debian's initdb and pg_ctl.

Tuned for speed, not durability (fsync off): never point it at data you want to keep.
A missing PostgreSQL is an error, not a reason to skip.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

DATABASE = "entraide_test"
SUPERUSER = "postgres"
HOST = "127.0.0.1"
START_TIMEOUT = 60
# A Unix socket path may not exceed 107 bytes; leave room for "/.s.PGSQL.NNNNN".
MAX_SOCKET_DIR = 80

SETTINGS = {
    "listen_addresses": f"'{HOST}'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


class PostgresServer:
    """A running server; `url` points at the empty `entraide_test` database."""

    def __init__(self, root: Path, bindir: Path, port: int) -> None:
        self.root = root
        self.bindir = bindir
        self.port = port
        self.url = f"postgresql+psycopg://{SUPERUSER}@{HOST}:{port}/{DATABASE}"
        self._running = True
        atexit.register(self.stop)

    def stop(self) -> None:
        """Stop at once (no checkpoint) and delete every file; safe to call twice."""
        if self._running:
            self._running = False
            _discard(self.bindir, self.root)
            atexit.unregister(self.stop)

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_postgres(tmp_dir: Path) -> PostgresServer:
    """Create a cluster under `tmp_dir` (or the system temp dir), start it, create the database.

    Raises RuntimeError with the reason when PostgreSQL is not installed or does not start.
    """
    bindir = _find_bindir()
    root = Path(tempfile.mkdtemp(prefix="entraide-pg-", dir=_parent_for(Path(tmp_dir))))
    try:
        _prepare_root(root)
        _initdb(bindir, root)
        port = _start(bindir, root)
        server = PostgresServer(root, bindir, port)
    except BaseException:
        _discard(bindir, root)
        raise
    try:
        _create_database(port)
    except psycopg.Error as error:
        server.stop()
        raise RuntimeError(f"Cannot create {DATABASE} on the test server: {error}") from error
    except BaseException:
        server.stop()
        raise
    return server


def _discard(bindir: Path, root: Path) -> None:
    """Stop the server if it runs, without a checkpoint, and delete its files."""
    if (root / "data" / "postmaster.pid").exists():
        _run_as_owner(
            [bindir / "pg_ctl", "-D", root / "data", "-m", "immediate", "-w", "stop"],
            cwd=root,
            check=False,
        )
    shutil.rmtree(root, ignore_errors=True)


def _find_bindir() -> Path:
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not candidates:
        found = shutil.which("initdb")
        if found is None:
            raise RuntimeError(
                "PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb. "
                "Install it with `apt-get install postgresql` (.ci/run does this)."
            )
        return Path(found).parent
    newest = max(candidates, key=lambda path: _version(Path(path).parts[-3]))
    return Path(newest).parent


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _run_as_owner(
    command: list, *, cwd: Path, check: bool = True, timeout: float = START_TIMEOUT
) -> subprocess.CompletedProcess:
    """Run a PostgreSQL tool as `postgres` when we are root (the server refuses root)."""
    args = [str(part) for part in command]
    if _running_as_root():
        args = ["runuser", "-u", SUPERUSER, "--", *args]
    try:
        result = subprocess.run(
            args,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"`{' '.join(args)}` took more than {timeout} s") from exc
    if check and result.returncode != 0:
        raise RuntimeError(f"`{' '.join(args)}` failed:\n{result.stdout}")
    return result


def _parent_for(tmp_dir: Path) -> Path | None:
    """Use `tmp_dir` when the server user can reach it and the socket path fits, else /tmp."""
    if len(str(tmp_dir)) > MAX_SOCKET_DIR - len("/entraide-pg-xxxxxxxx"):
        return None
    if _running_as_root():
        owner = pwd.getpwnam(SUPERUSER).pw_uid
        for directory in [tmp_dir, *tmp_dir.parents]:
            info = directory.stat()
            if info.st_uid != owner and not info.st_mode & 0o001:
                return None
    return tmp_dir


def _prepare_root(root: Path) -> None:
    root.chmod(0o755)
    if _running_as_root():
        user = pwd.getpwnam(SUPERUSER)
        os.chown(root, user.pw_uid, user.pw_gid)


def _initdb(bindir: Path, root: Path) -> None:
    _run_as_owner(
        [
            bindir / "initdb",
            f"--pgdata={root / 'data'}",
            f"--username={SUPERUSER}",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        cwd=root,
    )
    settings = {**SETTINGS, "unix_socket_directories": f"'{root}'"}
    with open(root / "data" / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write("\n# entraide tests\n")
        conf.writelines(f"{name} = {value}\n" for name, value in settings.items())


def _start(bindir: Path, root: Path, attempts: int = 3) -> int:
    """Start on a free port; retry when another process takes the port first."""
    log = root / "server.log"
    for _ in range(attempts):
        port = _free_port()
        result = _run_as_owner(
            [
                bindir / "pg_ctl",
                f"--pgdata={root / 'data'}",
                f"--log={log}",
                f"--options=-p {port}",
                f"--timeout={START_TIMEOUT}",
                "--wait",
                "start",
            ],
            cwd=root,
            check=False,
            timeout=START_TIMEOUT + 10,
        )
        if result.returncode == 0:
            return port
        server_log = log.read_text(errors="replace") if log.exists() else ""
        if "already in use" not in server_log:
            break
    raise RuntimeError(
        f"PostgreSQL did not start (pg_ctl exit {result.returncode}):\n"
        f"{result.stdout}\n--- server log ---\n{server_log}"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _create_database(port: int) -> None:
    """Create the test database from template1, with `unaccent` there when contrib is installed.

    Creating the extension in template1 first means every database made later inherits it.
    """
    params = {"host": HOST, "port": port, "user": SUPERUSER, "autocommit": True}
    with psycopg.connect(dbname="template1", **params) as conn:
        available = conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'").fetchone()
        if available:
            conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    with psycopg.connect(dbname="postgres", **params) as conn:
        conn.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE template1')
