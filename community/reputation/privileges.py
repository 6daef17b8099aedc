"""What reputation unlocks, in one table (``PRIVILEGES`` in the settings), as permission rules.

Ambassadors and staff hold every privilege whatever their reputation. At ``init_app`` the rules
join the permission table: editing others' posts (with a revision, as any edit), retagging a
question, commenting beyond one's own threads, voting to close a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from community.core import permissions
from community.core.permissions import is_author, not_locked, question_of, question_open

NAMES = ("comment", "retag", "edit", "close_vote")

LABELS = {
    "comment": _l("Comment on any post"),
    "retag": _l("Change the tags of any question"),
    "edit": _l("Edit others' questions and answers"),
    "close_vote": _l("Vote to close a question as a duplicate"),
}


@dataclass(frozen=True)
class Privilege:
    key: str
    points: int
    held: bool

    @property
    def label(self) -> str:
        return str(LABELS[self.key])


_history: ContextVar[bool] = ContextVar("privileges_history", default=False)


@contextmanager
def history() -> Iterator[None]:
    """Play the community's past through the operations (the demo loader): what members did then
    asks for no privilege, since the reputation it took only builds up as the past is played."""
    token = _history.set(True)
    try:
        yield
    finally:
        _history.reset(token)


def threshold(name: str) -> int:
    return int(current_app.config["PRIVILEGES"][name])


def holds(user, name: str) -> bool:
    """Whether ``user`` holds the privilege: by role (ambassadors, staff) or by reputation."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or getattr(user, "is_ambassador", False) or _history.get():
        return True
    return (getattr(user, "reputation", 0) or 0) >= threshold(name)


def table(user) -> list[Privilege]:
    """Every privilege with its threshold and whether ``user`` holds it, lowest first."""
    rows = [Privilege(name, threshold(name), holds(user, name)) for name in NAMES]
    return sorted(rows, key=lambda p: p.points)


class _Needs:
    """A refusal's reason, naming the reputation the privilege takes (read when shown)."""

    def __init__(self, name: str, message: str):
        self.name, self.message = name, message

    def __str__(self) -> str:
        return str(self.message) % {"points": threshold(self.name)}


def _may_edit(user, post) -> bool:
    return user.is_staff or is_author(user, post) or holds(user, "edit")


def _may_retag(user, question) -> bool:
    return user.is_staff or is_author(user, question) or holds(user, "retag") or holds(user, "edit")


def _may_comment(user, post) -> bool:
    """Everywhere with the privilege; otherwise on one's own posts and in one's own questions."""
    return holds(user, "comment") or is_author(user, post) or is_author(user, question_of(post))


def _may_vote_close(user, question) -> bool:
    return holds(user, "close_vote")


REASONS = {
    _may_edit: _Needs("edit", _l("You need %(points)d reputation points to edit others' posts.")),
    _may_retag: _Needs("retag", _l("You need %(points)d reputation points to change the tags of others' questions.")),
    _may_comment: _Needs("comment", _l("You need %(points)d reputation points to comment here.")),
    _may_vote_close: _Needs("close_vote", _l("You need %(points)d reputation points to vote to close.")),
}


def register() -> None:
    """Widen the questions' actions to the members who earned them, and add retag and close votes."""
    permissions.register(
        {
            "question.edit": [_may_edit, not_locked],
            "answer.edit": [_may_edit, not_locked],
            "question.retag": [_may_retag, not_locked],
            "question.comment": [_may_comment, not_locked],
            "answer.comment": [_may_comment, not_locked],
            "question.vote_close": [_may_vote_close, question_open, not_locked],
        },
        reasons=REASONS,
    )
