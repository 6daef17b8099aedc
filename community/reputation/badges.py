"""The badge catalogue, and awarding and withdrawing badges.

A member holds a badge once (``badge_awards`` is unique per member and badge key), with the date and
the post that earned it. "Category expert" is held once per category: its key is
``category-expert:<category id>``. Rolling badges (Responsive) are withdrawn (``withdrawn_at``) while
their condition lapses and given back when it holds again. The rules that award them live in
``badge_rules``; thresholds are settings (``community.core.config``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from community.core import signals
from community.core.database import utcnow
from community.core.extensions import db
from community.reputation.models import TIERS, BadgeAward
from community.taxonomy.models import Category

EXPERT = "category-expert"


@dataclass(frozen=True)
class Badge:
    slug: str
    tier: str
    name: object
    #: A lazy string formatted with ``settings()``: ``%(num)d`` is the badge's own threshold.
    description: object
    #: The setting holding the badge's threshold, if it has one.
    threshold: str | None = None
    #: Withdrawn when its condition stops holding.
    rolling: bool = False
    #: Held once per category.
    per_category: bool = False


CATALOGUE: tuple[Badge, ...] = (
    Badge("first-answer", "bronze", _l("First answer"), _l("Answered a member's question for the first time.")),
    Badge(
        "first-solution",
        "bronze",
        _l("First solution"),
        _l("Had an answer accepted as the solution for the first time."),
    ),
    Badge(
        "solver",
        "bronze",
        _l("Solver"),
        _l("%(num)d answers accepted as the solution."),
        "BADGE_SOLVER_SOLUTIONS",
    ),
    Badge(
        "complete-profile",
        "bronze",
        _l("Complete profile"),
        _l("Wrote a bio of at least %(num)d characters and chose a preferred language."),
        "BADGE_PROFILE_BIO_MIN",
    ),
    Badge(
        "helpful",
        "silver",
        _l("Helpful"),
        _l("Wrote an answer that reached a score of %(num)d."),
        "BADGE_HELPFUL_SCORE",
    ),
    Badge(
        "good-question",
        "silver",
        _l("Good question"),
        _l("Asked a question that reached a score of %(num)d."),
        "BADGE_GOOD_QUESTION_SCORE",
    ),
    Badge(
        "kb-author",
        "silver",
        _l("Knowledge-base author"),
        _l("Wrote an answer that became a help article."),
    ),
    Badge(
        "troubleshooter",
        "silver",
        _l("Troubleshooter"),
        _l("%(num)d answers accepted as the solution."),
        "BADGE_TROUBLESHOOTER_SOLUTIONS",
    ),
    Badge(
        "answer-streak",
        "silver",
        _l("Answering streak"),
        _l("Answered questions on %(num)d days in a row."),
        "BADGE_STREAK_DAYS",
    ),
    Badge(
        "responsive",
        "silver",
        _l("Responsive"),
        _l(
            "At least %(share)d%% of their first answers of the last %(days)d days came within %(minutes)d "
            "minutes of the question (%(min)d answers or more). Held while it stays true."
        ),
        rolling=True,
    ),
    Badge(
        EXPERT,
        "gold",
        _l("Category expert"),
        _l("%(num)d answers accepted as the solution in one category."),
        "BADGE_EXPERT_SOLUTIONS",
        per_category=True,
    ),
    Badge(
        "master-troubleshooter",
        "gold",
        _l("Master troubleshooter"),
        _l("%(num)d answers accepted as the solution."),
        "BADGE_MASTER_SOLUTIONS",
    ),
)

BY_SLUG: dict[str, Badge] = {badge.slug: badge for badge in CATALOGUE}


def get(slug: str) -> Badge | None:
    return BY_SLUG.get(slug)


def split_key(key: str) -> tuple[str, int | None]:
    """``category-expert:12`` → ("category-expert", 12); other keys are the badge's slug."""
    slug, _sep, category_id = key.partition(":")
    return slug, int(category_id) if category_id.isdigit() else None


def setting(name: str):
    return current_app.config[name]


def description(badge: Badge) -> str:
    config = current_app.config
    values = {
        "num": int(config[badge.threshold]) if badge.threshold else 0,
        "share": round(float(config["RESPONSIVE_SHARE"]) * 100),
        "days": int(config["RESPONSIVE_DAYS"]),
        "minutes": round(int(config["RESPONSIVE_SECONDS"]) / 60),
        "min": int(config["RESPONSIVE_MIN"]),
    }
    return str(badge.description) % values


def category_names_of(ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {c.id: c.name for c in db.session.scalars(select(Category).where(Category.id.in_(ids)))}


def category_name(key: str) -> str | None:
    """The category a per-category award's key names (None for other badges)."""
    category_id = split_key(key)[1]
    return category_names_of([category_id]).get(category_id)


def award_name(badge: Badge, category_name: str | None) -> str:
    """The badge's name as a member holds it: "Category expert · Box & Wifi"."""
    if badge.per_category and category_name:
        return _("%(badge)s · %(category)s", badge=badge.name, category=category_name)
    return str(badge.name)


def current_awards(user_id: int) -> list[BadgeAward]:
    """The member's badges held now (withdrawn ones left out), best tier first, then newest."""
    awards = db.session.scalars(
        select(BadgeAward).where(BadgeAward.user_id == user_id, BadgeAward.withdrawn_at.is_(None))
    ).all()
    known = [a for a in awards if get(split_key(a.badge)[0]) is not None]
    tier_rank = {tier: -i for i, tier in enumerate(TIERS)}
    return sorted(known, key=lambda a: (tier_rank[get(split_key(a.badge)[0]).tier], -a.awarded_at.timestamp(), a.id))


def badges_of(user) -> list[dict]:
    """``[{slug, name, tier, awarded_at}]``: the badges ``user`` holds now (the profile's and the API's).

    ``awarded_at`` is a naive UTC datetime; ``name`` is in the current language. A category expert
    badge appears once per category, its name saying which."""
    awards = current_awards(user.id)
    names = category_names_of(split_key(a.badge)[1] for a in awards)
    found = []
    for award in awards:
        slug, category_id = split_key(award.badge)
        badge = get(slug)
        found.append(
            {
                "slug": slug,
                "name": award_name(badge, names.get(category_id)),
                "tier": badge.tier,
                "awarded_at": award.awarded_at,
            }
        )
    return found


def award(user, slug: str, post=None, category_id: int | None = None, at: datetime | None = None) -> BadgeAward | None:
    """Give ``user`` the badge (once); a withdrawn rolling badge is given back. Returns the award when
    it is new or given back (``badge_awarded`` is sent), None when the member already held it.

    Called by the rules, never by a member's request: there is no permission to check."""
    badge = BY_SLUG[slug]
    key = f"{slug}:{category_id}" if badge.per_category else slug
    existing = db.session.scalar(select(BadgeAward).where(BadgeAward.user_id == user.id, BadgeAward.badge == key))
    if existing is not None:
        if existing.withdrawn_at is None:
            return None
        existing.withdrawn_at = None
        existing.awarded_at = at or utcnow()
        found = existing
    else:
        found = BadgeAward(user_id=user.id, badge=key, awarded_at=at or utcnow())
        if post is not None:
            found.post_type = "question" if post.__tablename__ == "questions" else "answer"
            found.post_id = post.id
        # A savepoint: two requests awarding the same badge at once keep the first award.
        try:
            with db.session.begin_nested():
                db.session.add(found)
        except IntegrityError:  # the unique (user, badge): another request awarded it first
            return None
    db.session.flush()
    signals.badge_awarded.send(None, user=user, award=found, badge=badge)
    return found


def withdraw(user, slug: str, at: datetime | None = None) -> BadgeAward | None:
    """A rolling badge whose condition lapsed is no longer shown; None when it was not held."""
    existing = db.session.scalar(
        select(BadgeAward).where(
            BadgeAward.user_id == user.id, BadgeAward.badge == slug, BadgeAward.withdrawn_at.is_(None)
        )
    )
    if existing is None:
        return None
    existing.withdrawn_at = at or utcnow()
    db.session.flush()
    return existing


def _register_privacy() -> None:
    from community.privacy.registry import Source, register

    register(Source("badge_awards", "badge_awards", ("user_id",), _l("Your badges"), "delete"))


def init_app(app) -> None:
    """Badges: the rules on the domain events, the Responsive sweep (thread and command), the pages,
    the notification on award and the personal-data declaration."""
    from community.reputation import badge_cli, badge_rules, badge_views, responsive

    badge_rules.connect()
    responsive.init_app(app)
    badge_cli.init_app(app)
    badge_views.init_app(app)
    _register_privacy()
