"""Retention: the search log and visit events older than ``PRIVACY_RETENTION_DAYS`` lose what ties
them to a member or a visit; their counts (what was searched, found, opened, asked) stay for reports.
The journey trail (articles and questions a visit opened) counts for nothing once old: it goes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import String, cast, delete, literal, or_, update

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery.models import DeflectionEvent
from community.discovery.operations import ANONYMISED_VISIT, anonymise_queries
from community.escalation.models import TrailView


def purge(days: int) -> dict[str, int]:
    """Anonymise entries older than ``days``; how many of each changed (0 when run again)."""
    cutoff = utcnow() - timedelta(days=days)
    events = db.session.execute(
        update(DeflectionEvent)
        .where(
            DeflectionEvent.created_at < cutoff,
            or_(DeflectionEvent.user_id.is_not(None), DeflectionEvent.visit_id.not_like(f"{ANONYMISED_VISIT}%")),
        )
        .values(user_id=None, visit_id=literal(ANONYMISED_VISIT) + cast(DeflectionEvent.id, String))
    )
    trail = db.session.execute(delete(TrailView).where(TrailView.created_at < cutoff))
    return {
        "searches": anonymise_queries(days),
        "visit_events": events.rowcount or 0,
        "trail_views": trail.rowcount or 0,
    }
