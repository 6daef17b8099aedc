"""Where members' personal data lives: each feature declares its tables here (the knowledge base at
its ``init_app``), with how a member's rows are exported and what their deletion does to them.

A source names a table, the columns that point at the member, and for deletion one of:
``delete`` (the rows go), ``keep`` (the rows stay, pointing at the anonymous former member),
``unlink`` (the member columns are emptied) or a function of its own. Export dumps the member's
rows (all their columns but ``omit``) unless the source gives an ``export`` function.
A test walks the schema and fails when a column referring to ``users.id`` is covered by no source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, or_, select, update

from community.core.database import including_hidden
from community.core.extensions import db

ON_DELETE = ("delete", "keep", "unlink")


@dataclass(frozen=True)
class Source:
    name: str  # the key of its part in the export
    table: str
    columns: tuple[str, ...]  # the columns holding a member id
    label: object  # a lazy string, for the privacy page
    on_delete: str | Callable = "keep"
    omit: tuple[str, ...] = ()  # columns never exported (secrets, derived copies)
    export: Callable | None = None  # export(user) -> JSON-able, instead of the generic rows
    #: Erasers run in this order (the member row itself last).
    order: int = 0
    kept_as: str = field(default="", compare=False)  # "delete"/"keep"/"unlink"/"anonymise": the page's wording

    @property
    def outcome(self) -> str:
        return self.kept_as or (self.on_delete if isinstance(self.on_delete, str) else "anonymise")


SOURCES: dict[str, Source] = {}


def register(*sources: Source) -> None:
    for source in sources:
        if isinstance(source.on_delete, str) and source.on_delete not in ON_DELETE:
            raise ValueError(f"{source.name}: on_delete must be one of {ON_DELETE} or a function")
        SOURCES[source.name] = source


def listed() -> list[Source]:
    """In registration order: the export's and the privacy page's."""
    return list(SOURCES.values())


def ordered() -> list[Source]:
    """In the order deletion runs their erasers (the member row last)."""
    return sorted(SOURCES.values(), key=lambda s: s.order)


def covered() -> set[tuple[str, str]]:
    """Every (table, column) some source declares."""
    return {(s.table, column) for s in SOURCES.values() for column in s.columns}


def table(name: str):
    return db.metadata.tables[name]


def member_rows(source: Source, user) -> list[dict]:
    """The member's rows of ``source``'s table (hidden posts included), oldest first."""
    t = table(source.table)
    stmt = select(*[c for c in t.columns if c.name not in source.omit])
    stmt = stmt.where(or_(*[t.c[name] == user.id for name in source.columns]))
    order = [t.c[name] for name in ("created_at", "id") if name in t.c] or list(t.primary_key.columns)
    rows = db.session.execute(including_hidden(stmt.order_by(*order))).mappings()
    return [{key: jsonable(value) for key, value in row.items()} for row in rows]


def export(source: Source, user):
    return source.export(user) if source.export else member_rows(source, user)


def erase(source: Source, user) -> None:
    t = table(source.table)
    action = source.on_delete
    if callable(action):
        action(user)
    elif action == "delete":
        db.session.execute(delete(t).where(or_(*[t.c[name] == user.id for name in source.columns])))
    elif action == "unlink":
        for name in source.columns:
            db.session.execute(update(t).where(t.c[name] == user.id).values({name: None}))


def jsonable(value):
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds") + "Z"
    if isinstance(value, date):
        return value.isoformat()
    return value
