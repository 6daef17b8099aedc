"""Content elsewhere that covers a question, such as a help article made from its answer.

A feature registers a finder at its ``init_app``; the question page shows what the finders return
for the current reader ("Covered in the help article: …"). The community never names the feature.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app

FINDERS = "entraide.question_covers"


@dataclass(frozen=True)
class Cover:
    """One thing covering a question: ``label`` says what it is ("Covered in the help article:")."""

    label: str
    title: str
    url: str
    language: str | None = None


Finder = Callable[[object, object], list[Cover]]  # (question, viewer) -> covers the viewer may see


def register(app: Flask, finder: Finder) -> None:
    app.extensions.setdefault(FINDERS, []).append(finder)


def covers(question, viewer=None) -> list[Cover]:
    """What covers ``question`` for ``viewer``, from every registered finder."""
    return [cover for finder in current_app.extensions.get(FINDERS, []) for cover in finder(question, viewer)]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["question_covers"] = covers
