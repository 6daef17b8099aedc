"""Query log, deflection events and synonyms: recorded and reported without HTTP."""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import has_request_context
from flask_babel import gettext as _
from sqlalchemy import String, case, cast, delete, exists, func, literal, or_, select, update

from community import audit
from community.core import signals
from community.core.database import utcnow
from community.core.errors import ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.core.text import storable
from community.discovery.models import DeflectionEvent, SearchQuery, SynonymGroup
from community.members.models import STAFF_ROLES, User
from search.analysis import DEFAULT_SYNONYMS, fold

# Visits of their own, which no cookie can name (a cookie's value is letters and digits only).
OFFLINE_VISIT = "offline-"
ANONYMISED_VISIT = "anon-"
EVENT_KINDS = ("suggestions_shown", "suggestion_opened", "confirm_shown", "question_posted", "deflected")


def result_key(raw: str | None) -> str | None:
    """What a result or suggestion link opened, as ``kind:id`` written one way (``question:7``), else None."""
    kind, _, number = (raw or "").partition(":")
    if not (kind.isascii() and kind.isalpha() and kind.islower() and number.isascii() and number.isdigit()):
        return None
    key = f"{kind}:{int(number)}"
    return key if len(key) <= 40 else None


def log_search(
    viewer, query: str, result_count: int, source: str = "search", *, visit_id: str | None = None
) -> SearchQuery:
    """Log a search made during ``visit_id``: the visit the request's cookie named, None when it brought
    none (the entry then counts in no report). Logged outside a request (the demo, an import), the
    entry is a visit of its own."""
    if visit_id is None and not has_request_context():
        visit_id = OFFLINE_VISIT + secrets.token_hex(8)
    entry = SearchQuery(
        query=query[:200],
        normalized=" ".join(fold(query).split())[:200],
        result_count=result_count,
        source=source,
        visit_id=visit_id[:32] if visit_id else None,
        user_id=viewer.id if viewer is not None and viewer.is_authenticated else None,
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def mark_opened(visit_id: str | None, log_id: int, key: str | None) -> bool:
    """Note that the search ``log_id`` opened ``key``: only for the visit that searched, and only its first
    result opened. Returns whether the entry changed."""
    if not visit_id or not key:
        return False
    result = db.session.execute(
        update(SearchQuery)
        .where(SearchQuery.id == log_id, SearchQuery.visit_id == visit_id, SearchQuery.opened_key.is_(None))
        .values(opened_key=key)
    )
    return bool(result.rowcount)


def anonymise_queries(days: int) -> int:
    """Erase the member id from log entries older than ``days`` and unlink their visit from the rest of
    the visit (each becomes a visit of its own, so reports still count it); returns how many changed."""
    cutoff = utcnow() - timedelta(days=days)
    result = db.session.execute(
        update(SearchQuery)
        .where(
            SearchQuery.created_at < cutoff,
            or_(SearchQuery.user_id.is_not(None), SearchQuery.visit_id.not_like(f"{ANONYMISED_VISIT}%")),
        )
        .values(
            user_id=None,
            visit_id=case(
                (SearchQuery.visit_id.is_(None), None),
                else_=literal(ANONYMISED_VISIT) + cast(SearchQuery.id, String),
            ),
        )
    )
    return result.rowcount or 0


def counted_zero_results(days: int) -> tuple:
    """Where-clauses of the searches the zero-result report counts: nothing found in the last ``days``
    days, during a known visit, not by staff (checking a gap from this very report, say)."""
    since = utcnow() - timedelta(days=days)
    by_staff = exists().where(User.id == SearchQuery.user_id, User.role.in_(STAFF_ROLES))
    return (
        SearchQuery.result_count == 0,
        SearchQuery.created_at >= since,
        SearchQuery.normalized != "",
        SearchQuery.visit_id.is_not(None),
        ~by_staff,
    )


def zero_result_queries(days: int = 30, limit: int = 20) -> list[tuple[str, int, object]]:
    """The searches that found nothing for the most visits: (query, visits, last seen). One visit
    repeating a search counts once; searches by staff are logged but not counted here."""
    visits = func.count(func.distinct(SearchQuery.visit_id))
    last_seen = func.max(SearchQuery.created_at)
    rows = db.session.execute(
        select(SearchQuery.normalized, visits, last_seen)
        .where(*counted_zero_results(days))
        .group_by(SearchQuery.normalized)
        .order_by(visits.desc(), last_seen.desc(), SearchQuery.normalized)
        .limit(limit)
    )
    return [tuple(row) for row in rows]


def record_event(
    visit_id: str | None, kind: str, viewer=None, target_key: str | None = None, question_id: int | None = None
) -> DeflectionEvent | None:
    """Record what a visit did, once per kind and target: a repeat returns the first event. Without a
    visit (a request that brought no visit cookie) nothing is recorded."""
    if not visit_id or kind not in EVENT_KINDS:
        return None
    visit_id = visit_id[:32]
    earlier = db.session.scalar(
        select(DeflectionEvent)
        .where(
            DeflectionEvent.visit_id == visit_id,
            DeflectionEvent.kind == kind,
            DeflectionEvent.target_key.is_not_distinct_from(target_key),
            DeflectionEvent.question_id.is_not_distinct_from(question_id),
        )
        .limit(1)
    )
    if earlier is not None:
        return earlier
    event = DeflectionEvent(
        visit_id=visit_id,
        kind=kind,
        target_key=target_key,
        question_id=question_id,
        user_id=viewer.id if viewer is not None and viewer.is_authenticated else None,
    )
    db.session.add(event)
    db.session.flush()
    return event


def deflection_stats(days: int = 30, visit_window: timedelta = timedelta(hours=1)) -> dict:
    """Visits that opened a suggestion, and how many of them posted a question afterwards anyway.

    A visit that opened a suggestion and posted nothing within ``visit_window`` was helped.
    """
    since = utcnow() - timedelta(days=days)
    events = db.session.execute(
        select(DeflectionEvent.visit_id, DeflectionEvent.kind, DeflectionEvent.created_at)
        .where(DeflectionEvent.created_at >= since)
        .order_by(DeflectionEvent.visit_id, DeflectionEvent.created_at)
    ).all()
    visits: dict[str, dict] = {}
    for visit_id, kind, at in events:
        v = visits.setdefault(visit_id, {"opened_at": None, "posted_after": False, "deflected": False, "posted": False})
        if kind == "suggestion_opened" and v["opened_at"] is None:
            v["opened_at"] = at
        elif kind == "question_posted":
            v["posted"] = True
            if v["opened_at"] is not None:
                v["posted_after"] = True
        elif kind == "deflected":
            v["deflected"] = True
    now = utcnow()
    opened = [v for v in visits.values() if v["opened_at"] is not None]
    helped = [
        v
        for v in visits.values()
        if not v["posted_after"] and (v["deflected"] or (v["opened_at"] and now - v["opened_at"] >= visit_window))
    ]
    return {
        "visits_with_suggestions_opened": len(opened),
        "posted_anyway": sum(1 for v in opened if v["posted_after"]),
        "helped": len(helped),
        "questions_posted": sum(1 for v in visits.values() if v["posted"]),
    }


def synonym_groups() -> list[list[str]]:
    groups = [
        [t.strip() for t in g.terms.split(",") if t.strip()]
        for g in db.session.scalars(select(SynonymGroup).where(SynonymGroup.enabled).order_by(SynonymGroup.id))
    ]
    return [g for g in groups if len(g) > 1]


def synonyms_text() -> str:
    return "\n".join(", ".join(group) for group in synonym_groups())


AUDITED_GROUPS = 20  # the audit log keeps this many of the groups added and removed


def save_synonyms(actor, text: str) -> list[list[str]]:
    """Replace the synonym list: one group a line, words separated by commas."""
    require(actor, "search.synonyms")
    groups, problems = [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        terms = [t.strip() for t in line.split(",") if t.strip()]
        if not terms:
            continue
        if len(terms) < 2 or any(len(t) > 40 or not storable(t) for t in terms):
            problems.append(number)
            continue
        groups.append(terms)
    if problems or len(groups) > 500:
        message = _(
            "Lines %(lines)s need at least two words of up to 40 characters, separated by commas.",
            lines=", ".join(map(str, problems[:10])),
        )
        raise ValidationError(message, {"synonyms": message})
    old = [", ".join(g) for g in synonym_groups()]
    new = [", ".join(g) for g in groups]
    db.session.execute(delete(SynonymGroup))
    db.session.add_all(SynonymGroup(terms=line) for line in new)
    db.session.flush()
    removed, added = [g for g in old if g not in new], [g for g in new if g not in old]
    if removed or added:
        before = {"groups": len(old), "removed": removed[:AUDITED_GROUPS]}
        after = {"groups": len(new), "added": added[:AUDITED_GROUPS]}
        audit.record(actor, "search.synonyms", "synonyms", None, before=before, after=after)
    signals.synonyms_changed.send(actor)
    return groups


def ensure_default_synonyms() -> None:
    if db.session.scalar(select(func.count(SynonymGroup.id))) == 0:
        db.session.add_all(SynonymGroup(terms=", ".join(g)) for g in DEFAULT_SYNONYMS)
        db.session.flush()
