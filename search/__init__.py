"""Full-text search behind a small interface: documents in, hits out.

The package knows no model of the project: callers hand it plain ``Document`` objects and get
``Hit`` objects back. One backend is active per process (``whoosh`` by default, ``postgres`` for
several web nodes); ``configure()`` picks it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

log = logging.getLogger("entraide.search")

TYPES = ("question", "answer", "article")
FACETS = ("type", "category", "tags", "solved")


@dataclass
class Document:
    """What the index keeps of one question, answer or article (plain text, no HTML)."""

    type: str
    id: int
    title: str
    body: str
    url: str
    tags: list[str] = field(default_factory=list)
    category: str = ""
    language: str = "fr"
    status: str = ""
    solved: bool = False
    accepted_answer: str = ""
    parent_id: int | None = None
    boost: float = 1.0
    created_at: datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.type}:{self.id}"


@dataclass
class Hit:
    type: str
    id: int
    title: str
    url: str
    snippet: str = ""
    score: float = 0.0
    category: str = ""
    tags: list[str] = field(default_factory=list)
    solved: bool = False
    parent_id: int | None = None
    language: str = ""


@dataclass
class Results:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    # Matches by language, the language filter left out (with facets): what "show all languages" adds.
    languages: dict[str, int] = field(default_factory=dict)


@dataclass
class Filters:
    types: tuple[str, ...] = ("question", "article")
    category: str | None = None
    tag: str | None = None
    solved: bool | None = None
    language: str | None = None  # only documents in this language


class SearchUnavailable(Exception):
    """The index is missing, broken or being rebuilt: callers fall back to a database query."""


class _State:
    backend = None
    synonyms: Callable[[], list[list[str]]] = staticmethod(lambda: [])


def configure(backend) -> None:
    """Make ``backend`` (an object with the methods below) the active one."""
    _State.backend = backend


def set_synonym_source(source: Callable[[], list[list[str]]]) -> None:
    """``source()`` returns the current synonym groups; backends apply them at query time."""
    _State.synonyms = staticmethod(source)


def synonym_groups() -> list[list[str]]:
    return _State.synonyms()


def backend():
    if _State.backend is None:
        raise SearchUnavailable("search is not configured")
    return _State.backend


def index(documents: Iterable[Document]) -> None:
    backend().index(list(documents))


def remove(keys: Iterable[str]) -> None:
    backend().remove(list(keys))


def query(text: str, filters: Filters | None = None, page: int = 1, per_page: int = 20,
          facets: bool = True) -> Results:
    return backend().query(text, filters or Filters(), page, per_page, facets)


def suggest(text: str, limit: int = 8, language: str | None = None) -> list[Hit]:
    """Matches for a title being typed: articles and solved questions first; with ``language``,
    only documents in that language."""
    return backend().suggest(text, limit, language)


def similar(text: str, limit: int = 5, exclude: Iterable[str] = ()) -> list[Hit]:
    return backend().similar(text, limit, set(exclude))


def keys() -> set[str]:
    """Every document key in the index (for ``search check``)."""
    return backend().keys()


def clear() -> None:
    backend().clear()
