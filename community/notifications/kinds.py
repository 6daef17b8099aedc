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
        "content_hidden",
        _l("My posts hidden by moderation"),
        _l("Your post was hidden by moderation"),
        "immediate",
        "flag",
    ),
)

BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}
#: Lower is more specific.
PRIORITY: dict[str, int] = {kind.key: rank for rank, kind in enumerate(KINDS)}


def get(key: str) -> Kind | None:
    return BY_KEY.get(key)


def default_delivery(key: str) -> str:
    kind = BY_KEY.get(key)
    return kind.default if kind else "off"


def most_specific(a: str, b: str) -> str:
    return a if PRIORITY.get(a, 99) <= PRIORITY.get(b, 99) else b
