"""The catalogue of notification kinds: what each is called in settings, how it reads in the list,
how it is delivered by e-mail unless the member chose otherwise, and how specific it is.

When several rules tell one member of one event (Léa asked the question and is mentioned in the
answer), the most specific kind wins: the one listed first in ``KINDS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Kind:
    key: str
    #: What members choose a delivery for, in the settings page ("Answers to my questions").
    label: object
    #: How one notification reads in the list and in mail; ``%(actor)s`` is who did it.
    sentence: object
    #: By e-mail unless the member chose otherwise: "immediate", "digest" or "off".
    default: str
    #: The pictogram beside the actor's avatar in the list (templates/_macros/icons.html).
    icon: str = "info"
    #: Only staff are told of it (advisor cases), so only they see it in their settings.
    staff_only: bool = False


KINDS: tuple[Kind, ...] = (
    Kind(
        "accepted",
        _l("My answer is marked as the solution"),
        _l("%(actor)s accepted your answer"),
        "immediate",
        "check-circle",
    ),
    Kind("answer", _l("Answers to my questions"), _l("%(actor)s answered your question"), "immediate", "comment"),
    Kind(
        "solved", _l("A solution on a question I follow"), _l("%(actor)s marked a solution"), "digest", "check-circle"
    ),
    Kind("comment", _l("Comments on my posts"), _l("%(actor)s commented on your post"), "immediate", "comment"),
    Kind("mention", _l("Mentions of my @handle"), _l("%(actor)s mentioned you"), "immediate", "user"),
    Kind(
        "followed_question",
        _l("Answers to questions I follow"),
        _l("%(actor)s answered a question you follow"),
        "digest",
        "comment",
    ),
    Kind(
        "new_question",
        _l("New questions in categories and tags I follow"),
        _l("%(actor)s asked a question in a topic you follow"),
        "digest",
        "message-question",
    ),
    Kind(
        "article_updated",
        _l("Updates of help articles I follow"),
        _l("%(actor)s updated an article you follow"),
        "digest",
        "book",
    ),
    Kind(
        "case_reply",
        _l("Replies from an advisor to my requests"),
        _l("%(actor)s replied to your request"),
        "immediate",
        "comment",
    ),
    Kind(
        "case_resolved",
        _l("My requests marked as resolved"),
        _l("%(actor)s marked your request as resolved"),
        "immediate",
        "check-circle",
    ),
    Kind(
        "case_message",
        _l("Customers' messages on cases assigned to me"),
        _l("%(actor)s wrote on a case assigned to you"),
        "immediate",
        "comment",
        staff_only=True,
    ),
    Kind(
        "case_assigned",
        _l("Cases given to me"),
        _l("%(actor)s gave you a case"),
        "immediate",
        "user",
        staff_only=True,
    ),
    Kind(
        "question_escalated",
        _l("My questions passed to an advisor when nobody answered"),
        _l("Nobody answered your question yet: a Néolia advisor takes it on"),
        "immediate",
        "phone",
    ),
    Kind(
        "content_hidden",
        _l("My posts hidden by moderation"),
        _l("Your post was hidden by moderation"),
        "immediate",
        "flag",
    ),
    Kind(
        "answer_invitation",
        _l("Invitations to answer a question"),
        _l("%(actor)s invites you to answer a question"),
        "immediate",
        "message-question",
    ),
    Kind("badge_awarded", _l("Badges I earn"), _l("You earned a badge"), "digest", "award"),
)

BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}
#: Lower is more specific.
PRIORITY: dict[str, int] = {kind.key: rank for rank, kind in enumerate(KINDS)}


def for_member(user) -> tuple[Kind, ...]:
    """The kinds ``user`` may be told of: what their settings page lists."""
    return tuple(kind for kind in KINDS if not kind.staff_only or getattr(user, "is_staff", False))


def get(key: str) -> Kind | None:
    return BY_KEY.get(key)


def default_delivery(key: str) -> str:
    kind = BY_KEY.get(key)
    return kind.default if kind else "off"


def most_specific(a: str, b: str) -> str:
    return a if PRIORITY.get(a, 99) <= PRIORITY.get(b, 99) else b
