"""Page benchmark: the anonymous home and question pages against a hello-world Flask app.

Both apps run under the same gunicorn settings and wrk loads each URL on 127.0.0.1, the pages
once as a client without compression and once as one sending ``Accept-Encoding: gzip``; each row
also gives the bytes of one response's body as sent. Prints a table, then the figures as one JSON
object on the last line.

Environment:
  BENCH_QUESTIONS   generated questions to load (default 20000)
  BENCH_DURATION    seconds of load per URL (default 10)
  BENCH_INSTANCE    an instance folder to load once and reuse on later runs (default: a temporary
                    one, deleted at the end)
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from _common import BenchError, report

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "20000"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
WARMUP_SECONDS = 3
ANSWERS = 20
WRK_FLAGS = ["-t2", "-c8", "--latency"]
GUNICORN_FLAGS = ["--workers", "2", "--worker-class", "sync", "--limit-request-line", "8190", "--log-level", "warning"]
LOAD_TIMEOUT = 1800
START_TIMEOUT = 60

LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
REQUESTS_PER_SECOND = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
REQUESTS = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)
NON_SUCCESS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
MILLISECONDS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}



def main() -> int:
    if shutil.which("wrk") is None:
        print(
            "wrk is not installed (Debian package `wrk`); cannot run the page benchmark.",
            file=sys.stderr,
        )
        return 1
    return report("page", run, lambda figures: print_table(figures["results"]))


def run() -> dict:
    with contextlib.ExitStack() as cleanup:
        instance = _instance_folder(cleanup)
        logs = Path(tempfile.mkdtemp(prefix="entraide-bench-logs-"))
        cleanup.callback(shutil.rmtree, logs, ignore_errors=True)
        env = _environment(instance)
        question_count = _prepare(instance, env)
        question_id = _question_with_answers(instance, ANSWERS)

        hello = cleanup.enter_context(_gunicorn("hello:app", ROOT / "bench", env, logs))
        app = cleanup.enter_context(_gunicorn("wsgi:app", ROOT, env, logs))
        question_path = _redirect_target(app, f"/questions/{question_id}")
        targets = {
            "hello": (hello, "/", None),
            "home": (app, "/", None),
            "home.gz": (app, "/", "gzip"),
            "question": (app, question_path, None),
            "question.gz": (app, question_path, "gzip"),
        }

        _log("warming up")
        for port, path, encoding in targets.values():
            wrk(port, path, WARMUP_SECONDS, encoding)
        results = {}
        for name, (port, path, encoding) in targets.items():
            _log(f"loading {name} {path} for {DURATION} s")
            results[name] = {**wrk(port, path, DURATION, encoding), **_body_size(port, path, encoding)}

    baseline = results["hello"]["rps"]
    for figures in results.values():
        figures["ratio_to_hello"] = round(figures["rps"] / baseline, 4) if baseline else None
    return {
        "bench": "page",
        "questions": question_count,
        "question_id": question_id,
        "answers": ANSWERS,
        "wrk": " ".join([*WRK_FLAGS, f"-d{DURATION}s"]),
        "gunicorn": " ".join(GUNICORN_FLAGS),
        "results": results,
    }


def wrk(port: int, path: str, seconds: int, encoding: str | None = None) -> dict:
    """Load one URL (as a client accepting ``encoding``, if any) and return its figures; any
    non-2xx/3xx response fails the benchmark."""
    url = f"http://{HOST}:{port}{path}"
    header = ["-H", f"Accept-Encoding: {encoding}"] if encoding else []
    command = ["wrk", *WRK_FLAGS, *header, f"-d{seconds}s", url]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"wrk did not finish on {url}") from error
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    figures = parse_wrk(result.stdout)
    if figures["non_2xx_3xx"]:
        raise BenchError(
            f"{figures['non_2xx_3xx']} of {figures['requests']} responses from {url} were "
            f"not 2xx or 3xx (a rate limit?):\n{result.stdout}"
        )
    return {"url": path, **figures}


def parse_wrk(output: str) -> dict:
    rps = REQUESTS_PER_SECOND.search(output)
    requests = REQUESTS.search(output)
    latencies = {
        percentile: float(value) * MILLISECONDS[unit]
        for percentile, value, unit in LATENCY.findall(output)
    }
    if not (rps and requests and {"50", "99"} <= latencies.keys()):
        raise BenchError(f"cannot read wrk's output:\n{output}")
    non_success = NON_SUCCESS.search(output)
    socket_errors = SOCKET_ERRORS.search(output)
    return {
        "rps": float(rps.group(1)),
        "p50_ms": round(latencies["50"], 3),
        "p99_ms": round(latencies["99"], 3),
        "requests": int(requests.group(1)),
        "non_2xx_3xx": int(non_success.group(1)) if non_success else 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
    }


def print_table(results: dict, url_width: int = 40) -> None:
    header = f"{'page':<11} {'url':<{url_width}} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}"
    print(f"{header} {'× hello':>8} {'bytes':>8}")
    for name, figures in results.items():
        url = figures["url"]
        if len(url) > url_width:
            url = url[: url_width - 1] + "…"
        print(
            f"{name:<11} {url:<{url_width}} {figures['rps']:>9.1f} "
            f"{figures['p50_ms']:>8.2f} {figures['p99_ms']:>8.2f} "
            f"{figures['ratio_to_hello']:>8.3f} {figures['bytes']:>8}"
        )


def _instance_folder(cleanup: contextlib.ExitStack) -> Path:
    if reused := os.environ.get("BENCH_INSTANCE"):
        instance = Path(reused).resolve()
        instance.mkdir(parents=True, exist_ok=True)
        return instance
    instance = Path(tempfile.mkdtemp(prefix="entraide-bench-"))
    cleanup.callback(shutil.rmtree, instance, ignore_errors=True)
    return instance


def _environment(instance: Path) -> dict[str, str]:
    """The app's environment: its own SQLite instance, never a configured database or debug mode."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "FLASK_DEBUG", "FLASK_APP"}
    }
    env["ENTRAIDE_INSTANCE_PATH"] = str(instance)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _prepare(instance: Path, env: dict[str, str]) -> int:
    """Migrate, load the demo community once, and return how many questions there are."""
    _flask(env, ["db", "upgrade"], timeout=300)
    count = _question_count(instance)
    if count:
        _log(f"reusing {instance} ({count} questions)")
        return count
    _log(f"loading the demo community with {QUESTIONS} questions into {instance}")
    started = time.monotonic()
    _flask(env, ["demo", "load", "--questions", str(QUESTIONS)], timeout=LOAD_TIMEOUT)
    _log(f"loaded in {time.monotonic() - started:.0f} s")
    return _question_count(instance)


def _flask(env: dict[str, str], args: list[str], timeout: int) -> None:
    command = [str(BIN / "flask"), "--app", "wsgi", *args]
    try:
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"`flask {' '.join(args)}` took more than {timeout} s") from error
    if result.returncode != 0:
        raise BenchError(f"`flask {' '.join(args)}` failed:\n{result.stdout}{result.stderr}")


def _database(instance: Path) -> sqlite3.Connection:
    path = instance / "entraide.db"
    if not path.exists():
        raise BenchError(f"no SQLite database at {path}")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _question_count(instance: Path) -> int:
    with contextlib.closing(_database(instance)) as db:
        return db.execute("SELECT count(*) FROM questions").fetchone()[0]


def _question_with_answers(instance: Path, answers: int) -> int:
    with contextlib.closing(_database(instance)) as db:
        row = db.execute(
            "SELECT id FROM questions WHERE answer_count = ? ORDER BY id LIMIT 1", (answers,)
        ).fetchone()
    if row is None:
        raise BenchError(f"no question with exactly {answers} answers in {instance}")
    return row[0]


@contextlib.contextmanager
def _gunicorn(app: str, chdir: Path, env: dict[str, str], logs: Path) -> Iterator[int]:
    """Serve `app` with the benchmark's gunicorn settings; yield its port, stop it on exit."""
    port = _free_port()
    log = logs / f"{app.partition(':')[0]}.log"
    command = [
        str(BIN / "gunicorn"),
        *GUNICORN_FLAGS,
        f"--bind={HOST}:{port}",
        f"--chdir={chdir}",
        app,
    ]
    with open(log, "wb") as output:
        server = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_serving(server, port, log)
        yield port
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_serving(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with {server.returncode}:\n{_tail(log)}")
        try:
            status, _ = _get(port, "/")
        except OSError:
            time.sleep(0.2)
            continue
        if status != 200:
            raise BenchError(f"GET / on port {port} answered {status}:\n{_tail(log)}")
        return
    raise BenchError(f"gunicorn did not answer within {START_TIMEOUT} s:\n{_tail(log)}")


def _body_size(port: int, path: str, encoding: str | None) -> dict:
    """The body of one response as sent (compressed or not), and the encoding the app chose."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding or "identity"})
        response = connection.getresponse()
        body = response.read()
        sent = response.getheader("Content-Encoding")
    finally:
        connection.close()
    if response.status != 200 or sent != encoding:
        raise BenchError(f"GET {path} accepting {encoding or 'identity'} answered {response.status}, encoded {sent}")
    return {"encoding": sent, "bytes": len(body)}


def _redirect_target(port: int, path: str) -> str:
    """Follow one redirect (the question's canonical slug URL) and check the target answers 200."""
    status, location = _get(port, path)
    if status not in {301, 302, 303, 307, 308} or not location:
        raise BenchError(f"GET {path} answered {status}, not a redirect")
    parts = urlsplit(location)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    status, _ = _get(port, target)
    if status != 200:
        raise BenchError(f"GET {target} answered {status}")
    return target


def _get(port: int, path: str) -> tuple[int, str | None]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)



if __name__ == "__main__":
    sys.exit(main())
