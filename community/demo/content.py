"""The texts of the demo community, kept as JSON files in ``data/`` (formats in ``data/README.md``).

Members, categories and the hand-written questions are read once, when this module is first
imported (by the ``demo load`` command, not at start-up).
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def read(*path: str) -> Any:
    """The parsed file ``data/<path>.json``, e.g. ``read("generator", "topics")``."""
    *folders, name = path
    return json.loads(files(__package__).joinpath("data", *folders, f"{name}.json").read_text(encoding="utf-8"))


_members = read("members")
DEMO_PASSWORD: str = _members["password"]
USERS: list[dict] = _members["users"]
CATEGORIES: list[dict] = read("categories")
QUESTIONS: list[dict] = read("questions")
TAG_TRANSLATIONS: dict[str, dict[str, str]] = read("tags")
