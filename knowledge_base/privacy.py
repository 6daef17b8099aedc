"""The knowledge base's personal data, declared to the community's privacy registry at ``init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, cast, literal, update

from community.core.extensions import db
from community.privacy.registry import Source, register, table


def _anonymise_ratings(user) -> None:
    """A rating stays in the article's average, as from an anonymous browser no one can name."""
    t = table("article_ratings")
    db.session.execute(
        update(t)
        .where(t.c.user_id == user.id)
        .values(user_id=None, session_key=literal("former-") + cast(t.c.id, String))
    )


def register_sources() -> None:
    body = ("body_html", "markup_version")
    register(
        Source(
            "article_ratings",
            "article_ratings",
            ("user_id",),
            _l("Your ratings of help articles"),
            _anonymise_ratings,
            kept_as="unlink",
        ),
        Source(
            "article_credits", "article_credits", ("user_id",), _l("Help articles crediting your answers"), "delete"
        ),
        Source(
            "articles",
            "articles",
            ("author_id", "editor_id"),
            _l("Help articles you wrote or edited (staff)"),
            "keep",
            omit=body,
        ),
        Source(
            "article_revisions",
            "article_revisions",
            ("author_id",),
            _l("The versions of help articles you edited (staff)"),
            "keep",
        ),
    )
