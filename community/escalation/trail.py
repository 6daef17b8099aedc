"""The journey trail: what a visit searched and opened, so an advisor need not ask again.

Searches are in the search log already; the articles and questions a visit opens are recorded here
through ``record_view`` (the knowledge base calls it for its articles). Views are buffered in memory
per worker and written every ``VIEW_FLUSH_SECONDS``, like question view counts, so pages pay nothing
for them; ``snapshot`` writes the buffer before reading. Only requests that bring the visit cookie
back, or a signed-in member's, are recorded: a client that keeps no cookie has no trail.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import Flask, current_app, has_request_context, request
from flask_login import current_user
from sqlalchemy import insert, or_, select

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery.models import SearchQuery
from community.discovery.visits import MAX_AGE, returning_visit_id
from community.escalation import device
from community.escalation.models import TrailView
from community.questions.models import Question

KINDS = ("article", "question")
#: How many of each kind a snapshot keeps, newest first.
LIMIT = 10
#: How far back a snapshot looks: a visit's cookie lasts this long, and a signed-in member's own
#: searches and views from other visits (another tab, a phone) count within it too.
RECENT = timedelta(seconds=MAX_AGE)

TITLES = "escalation_trail_titles"

_lock = threading.Lock()
_pending: list[dict] = []
_last_flush = [time.monotonic()]


def record_view(kind: str, target_id: int, title: str | None, url: str) -> None:
    """Note that this request's visit opened ``kind`` ``target_id``; ``title`` may be None when
    the page came from the cache (it is looked up when the trail is read, so a cached page costs
    no query)."""
    if kind not in KINDS or not has_request_context():
        return
    visit = returning_visit_id()
    user_id = current_user.id if current_user.is_authenticated else None
    if visit is None and user_id is None:
        return
    row = {
        "visit_id": visit,
        "user_id": user_id,
        "kind": kind,
        "target_id": int(target_id),
        "title": (title or "")[:300],
        "url": url[:500],
        "created_at": utcnow(),
    }
    with _lock:
        _pending.append(row)
        due = time.monotonic() - _last_flush[0] >= current_app.config["VIEW_FLUSH_SECONDS"]
    if due:
        flush()


def record_question_hit(question_id: int, slug: str = "") -> None:
    """``cached_page(on_hit=…)`` of a question page: the title is filled in when read."""
    record_view("question", question_id, None, request.path)


def register_titles(app: Flask, kind: str, titles: Callable[[set[int]], dict[int, str]]) -> None:
    """``titles(ids)`` names the ``kind`` items opened from the page cache (which knows no title)."""
    app.extensions.setdefault(TITLES, {})[kind] = titles


def _question_titles(ids: set[int]) -> dict[int, str]:
    return dict(db.session.execute(select(Question.id, Question.title).where(Question.id.in_(ids))).all())


def _fill_titles(rows: list[dict]) -> list[dict]:
    """Rows recorded without a title (from a cached page) get theirs; those whose item is gone
    or no longer public are dropped."""
    resolvers = {"question": _question_titles, **current_app.extensions.get(TITLES, {})}
    for kind, resolve in resolvers.items():
        missing = {row["target_id"] for row in rows if row["kind"] == kind and not row["title"]}
        if missing:
            titles = resolve(missing)
            for row in rows:
                if row["kind"] == kind and not row["title"]:
                    row["title"] = (titles.get(row["target_id"]) or "")[:300]
    return [row for row in rows if row["title"]]


def flush() -> int:
    """Write the buffered views in one short transaction; returns how many were written."""
    with _lock:
        batch = list(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    if not batch:
        return 0
    with db.engine.begin() as conn:
        conn.execute(insert(TrailView), batch)
    return len(batch)


def _at(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _mine(model, visit_id: str | None, user, since: datetime):
    """Rows of ``model`` from the visit, or the member's own, since ``since``; None when neither."""
    who = []
    if visit_id:
        who.append(model.visit_id == visit_id[:32])
    if user is not None and getattr(user, "is_authenticated", False):
        who.append(model.user_id == user.id)
    if not who:
        return None
    return select(model).where(or_(*who), model.created_at >= since).order_by(model.created_at.desc(), model.id.desc())


def _searches(visit_id, user, since) -> list[dict]:
    stmt = _mine(SearchQuery, visit_id, user, since)
    if stmt is None:
        return []
    found, seen = [], set()
    for entry in db.session.scalars(stmt.where(SearchQuery.normalized != "").limit(LIMIT * 5)):
        if entry.normalized in seen:
            continue
        seen.add(entry.normalized)
        found.append(
            {"id": entry.id, "query": entry.query, "result_count": entry.result_count, "at": _at(entry.created_at)}
        )
        if len(found) == LIMIT:
            break
    return found


def _views(visit_id, user, since) -> dict[str, list[dict]]:
    opened: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    stmt = _mine(TrailView, visit_id, user, since)
    if stmt is None:
        return opened
    rows = [
        {"kind": v.kind, "target_id": v.target_id, "title": v.title, "url": v.url, "created_at": v.created_at}
        for v in db.session.scalars(stmt.limit(LIMIT * 10))
    ]
    seen = set()
    for row in _fill_titles(rows):
        key = (row["kind"], row["target_id"])
        if key in seen or row["kind"] not in opened or len(opened[row["kind"]]) == LIMIT:
            continue
        seen.add(key)
        item = {"id": row["target_id"], "title": row["title"], "url": row["url"], "at": _at(row["created_at"])}
        opened[row["kind"]].append(item)
    return opened


def snapshot(visit_id: str | None, user=None, user_agent: str | None = None) -> dict:
    """What the visit (and a signed-in member, in the last hours) did, newest first:
    ``{"searches": [{"id", "query", "result_count", "at"}], "articles": [{"id", "title", "url", "at"}],
    "questions": [...], "device": {"kind", "system", "browser"}}``. The device is read from
    ``user_agent``, by default the current request's."""
    flush()
    since = utcnow() - RECENT
    opened = _views(visit_id, user, since)
    if user_agent is None and has_request_context():
        user_agent = request.headers.get("User-Agent", "")
    return {
        "searches": _searches(visit_id, user, since),
        "articles": opened["article"],
        "questions": opened["question"],
        "device": device.summary(user_agent),
    }


def item_key(kind: str, item: dict | None = None) -> str:
    """The name of an item's checkbox on the form: ``search-12``, ``article-3``, ``device``."""
    return kind if item is None else f"{kind}-{item['id']}"


def confirmed(trail: dict, keys) -> dict:
    """Only the items the customer left ticked (``keys`` from ``item_key``), in the same shape."""
    keys = set(keys)
    kept = {
        name: [item for item in trail.get(name, []) if item_key(kind, item) in keys]
        for name, kind in (("searches", "search"), ("articles", "article"), ("questions", "question"))
    }
    kept["device"] = trail.get("device") if "device" in keys else {}
    return kept


def is_empty(trail: dict) -> bool:
    return not any(trail.get(name) for name in ("searches", "articles", "questions", "device"))
