"""The community's personal data, declared to the registry: profile, posts, votes, follows,
notifications, mail, tokens, the search log and visits, moderation and the audit log."""

from __future__ import annotations

import secrets
from email import message_from_binary_file
from email.policy import default as default_policy
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import String, cast, delete, func, literal, or_, select, update

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery.operations import ANONYMISED_VISIT
from community.privacy.registry import Source, jsonable, register, table

#: What a deleted member's row keeps in place of personal data (``~`` no handle may hold).
FORMER_NAME = "Former member"
PROFILE_FIELDS = (
    "id",
    "email",
    "display_name",
    "handle",
    "bio",
    "locale",
    "role",
    "reputation",
    "created_at",
    "last_seen_at",
    "email_confirmed_at",
    "suspended_until",
    "suspension_reason",
)


def _profile(user) -> dict:
    return {name: jsonable(getattr(user, name)) for name in PROFILE_FIELDS}


def anonymise_member(user) -> None:
    """The member row stays (posts keep pointing at it) with nothing left that names the person."""
    user.email = f"deleted-{user.id}@deleted.invalid"
    user.display_name = FORMER_NAME
    user.handle = f"~deleted-{user.id}"
    user.password_hash = "!deleted"  # matches no password: no "$"-separated hash
    user.bio = ""
    user.locale = None
    user.role = "customer"
    user.last_seen_at = None
    user.email_confirmed_at = None
    user.last_digest_at = None
    user.suspended_until = None
    user.suspension_reason = ""
    user.session_token = secrets.token_hex(8)  # every session and remember-me cookie ends
    user.deleted_at = utcnow()


def _visits(user) -> set[str]:
    """The pseudonymous visits the member's searches and ask-form events were made in."""
    found = set()
    for name in ("search_queries", "deflection_events"):
        t = table(name)
        found.update(db.session.scalars(select(t.c.visit_id).where(t.c.user_id == user.id, t.c.visit_id.is_not(None))))
    return {visit for visit in found if not visit.startswith(ANONYMISED_VISIT)}


def _visit_events(user) -> list[dict]:
    """Ask-form events of the member's visits recorded before they signed in (no member id)."""
    visits = _visits(user)
    if not visits:
        return []
    t = table("deflection_events")
    stmt = select(t).where(t.c.visit_id.in_(visits), t.c.user_id.is_(None)).order_by(t.c.created_at, t.c.id)
    return [{k: jsonable(v) for k, v in row.items()} for row in db.session.execute(stmt).mappings()]


def unlink_visits(user) -> None:
    """The search log and visit events keep their counts, no longer tied to the member nor to each other."""
    visits = _visits(user)
    for name in ("search_queries", "deflection_events"):
        t = table(name)
        db.session.execute(update(t).where(t.c.user_id == user.id).values(user_id=None))
        if visits:
            db.session.execute(
                update(t)
                .where(t.c.visit_id.in_(visits))
                .values(visit_id=literal(ANONYMISED_VISIT) + cast(t.c.id, String))
            )


def _caused_notifications(user) -> list[dict]:
    """What the member did that others were told of (without saying who was told)."""
    t = table("notifications")
    stmt = select(t.c.kind, t.c.target_type, t.c.target_id, t.c.created_at).where(t.c.actor_id == user.id)
    return [{k: jsonable(v) for k, v in row.items()} for row in db.session.execute(stmt.order_by(t.c.id)).mappings()]


def _mail(user) -> list[dict]:
    """Mail sent or waiting for the member: what and when (bodies may hold links still valid: left out)."""
    t = table("mail_outbox")
    columns = (t.c.id, t.c.to_address, t.c.kind, t.c.subject, t.c.created_at, t.c.sent_at, t.c.failed_at)
    stmt = select(*columns).where(t.c.recipient_id == user.id).order_by(t.c.id)
    return [{k: jsonable(v) for k, v in row.items()} for row in db.session.execute(stmt).mappings()]


def purge_mail(user) -> None:
    """Queued and sent mail to the member goes, and so do the ``.eml`` files written without SMTP.
    Mail already sent to others about what the member did (it names them) leaves the log; mail still
    waiting is written when it goes, naming "someone"."""
    t = table("mail_outbox")
    address = user.email.lower()
    db.session.execute(delete(t).where(or_(t.c.recipient_id == user.id, func.lower(t.c.to_address) == address)))
    caused = select(table("notifications").c.id).where(table("notifications").c.actor_id == user.id)
    db.session.execute(delete(t).where(t.c.notification_id.in_(caused), t.c.text_body != ""))
    folder = Path(current_app.instance_path) / "outbox"
    for path in folder.glob("*.eml") if folder.is_dir() else ():
        with path.open("rb") as fh:
            to = str(message_from_binary_file(fh, policy=default_policy).get("To", ""))
        if address in to.lower():
            path.unlink(missing_ok=True)


def register_community() -> None:
    posts = ("body_html", "markup_version")
    register(
        Source(
            "profile",
            "users",
            ("id",),
            _l("Your profile: e-mail, name, handle, bio, language"),
            anonymise_member,
            export=_profile,
            order=100,
            kept_as="anonymise",
        ),
        Source("questions", "questions", ("author_id",), _l("Your questions"), "keep", omit=posts),
        Source("answers", "answers", ("author_id",), _l("Your answers"), "keep", omit=posts),
        Source("comments", "comments", ("author_id",), _l("Your comments"), "keep", omit=("body_html",)),
        Source("revisions", "revisions", ("author_id",), _l("The versions of your posts"), "keep"),
        Source("votes", "votes", ("user_id",), _l("Your votes"), "keep"),
        Source("follows", "follows", ("user_id",), _l("What you follow"), "delete"),
        Source("notifications", "notifications", ("recipient_id",), _l("Your notifications"), "delete"),
        Source(
            "notifications_caused",
            "notifications",
            ("actor_id",),
            _l("What others were told you did"),
            "keep",
            export=_caused_notifications,
        ),
        Source(
            "notification_settings", "notification_settings", ("user_id",), _l("Your notification settings"), "delete"
        ),
        Source(
            "mail",
            "mail_outbox",
            ("recipient_id",),
            _l("E-mail sent to you"),
            purge_mail,
            export=_mail,
            order=90,
            kept_as="delete",
        ),
        Source(
            "api_tokens",
            "api_tokens",
            ("user_id",),
            _l("Your API tokens (never the secret)"),
            "delete",
            omit=("token_hash",),
        ),
        Source("searches", "search_queries", ("user_id",), _l("Your searches"), unlink_visits, kept_as="unlink"),
        Source(
            "ask_form_events",
            "deflection_events",
            ("user_id",),
            _l("Your visits: suggestions shown and opened while asking"),
            "keep",  # unlinked with the search log by ``unlink_visits`` (the "searches" source)
            kept_as="unlink",
        ),
        Source(
            "visit_events",
            "deflection_events",
            (),
            _l("Events of the same visits before you signed in"),
            "keep",
            export=_visit_events,
            kept_as="unlink",
        ),
        Source(
            "journey_trail",
            "trail_views",
            ("user_id",),
            _l("Articles and questions you opened recently, which you may share with an advisor"),
            "delete",
        ),
        Source("flags", "flags", ("user_id",), _l("Your flags"), "keep"),
        Source(
            "moderated_categories",
            "category_moderators",
            ("user_id",),
            _l("Categories whose moderation queue you were given"),
            "delete",
        ),
        Source(
            "moderation_decisions",
            "moderation_queue",
            ("decided_by_id",),
            _l("Your moderation decisions (staff)"),
            "keep",
        ),
        Source(
            "blocked_terms",
            "blocked_terms",
            ("created_by_id",),
            _l("Blocked words and domains you added (staff)"),
            "unlink",
        ),
        Source("audit_entries", "audit_entries", ("actor_id",), _l("Your staff actions in the audit log"), "keep"),
    )
