"""Who may do what: one table of actions, each a list of named rules with a reason.

Views, the API, operations and templates all ask here: operations call ``require()``,
templates and views call ``can()`` to decide what to show.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from community.core.errors import Forbidden, Unauthorized

Rule = Callable[[object, object], bool]


class CommandLine:
    """The operator at the command line (``flask …``): staff and admin rights, no account of its own."""

    id = None
    is_authenticated = True
    is_staff = True
    is_admin = True
    role = "admin"
    display_name = "command line"


OPERATOR = CommandLine()


def _signed_in(user, obj) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def _staff(user, obj) -> bool:
    return user.is_staff


def _admin(user, obj) -> bool:
    return user.is_admin


def _question_of(obj):
    return obj if obj.__class__.__name__ == "Question" else obj.question


def _is_author(user, obj) -> bool:
    return obj.author_id is not None and obj.author_id == user.id


def _author_or_staff(user, obj) -> bool:
    return user.is_staff or _is_author(user, obj)


def _not_author(user, obj) -> bool:
    return not _is_author(user, obj)


def _not_locked(user, obj) -> bool:
    return user.is_staff or not _question_of(obj).locked


def _question_open(user, obj) -> bool:
    return _question_of(obj).status != "closed"


def _asker_or_staff(user, obj) -> bool:
    return user.is_staff or _is_author(user, obj.question)


def _not_closed_for_staff_action(user, obj) -> bool:
    return obj.status != "closed"


def _is_closed(user, obj) -> bool:
    return obj.status == "closed"


def _self(user, obj) -> bool:
    return obj is not None and obj.id == user.id


REASONS = {
    _staff: _l("Only staff can do this."),
    _admin: _l("Only administrators can do this."),
    _author_or_staff: _l("Only the author or staff can edit this."),
    _not_author: _l("You cannot vote on your own post."),
    _not_locked: _l("This question is locked."),
    _question_open: _l("This question is closed."),
    _asker_or_staff: _l("Only the person who asked can accept an answer."),
    _not_closed_for_staff_action: _l("This question is already closed."),
    _is_closed: _l("This question is not closed."),
    _self: _l("You can only do this for your own account."),
}

ACTIONS: dict[str, list[Rule]] = {
    "question.create": [],
    "question.edit": [_author_or_staff, _not_locked],
    "question.retag": [_author_or_staff, _not_locked],
    "question.vote": [_not_author, _not_locked],
    "question.comment": [_not_locked],
    "question.close": [_staff, _not_closed_for_staff_action],
    "question.reopen": [_staff, _is_closed],
    "question.lock": [_staff],
    "question.view_hidden": [_author_or_staff],
    "question.view_revisions": [],
    "answer.create": [_not_locked, _question_open],
    "answer.edit": [_author_or_staff, _not_locked],
    "answer.accept": [_asker_or_staff, _not_locked],
    "answer.vote": [_not_author, _not_locked],
    "answer.comment": [_not_locked],
    "category.manage": [_staff],
    "content.view_hidden": [_staff],
    "content.hide": [_staff],
    "search.synonyms": [_staff],
    "search.report": [_staff],
    "user.list": [_admin],
    "user.change_role": [_admin],
    "token.manage": [_self],
    "account.change_email": [_self],
}

# Actions anyone may do, signed in or not.
PUBLIC = {"question.view_revisions"}

# Rules other packages compose their actions from.
staff = _staff
admin = _admin
is_author = _is_author
not_locked = _not_locked
question_open = _question_open
question_of = _question_of


def register(actions: dict[str, list[Rule]], public: set[str] = frozenset(), reasons: dict | None = None) -> None:
    """Add a package's actions (at its ``init_app``); ``public`` ones need no sign-in."""
    ACTIONS.update(actions)
    PUBLIC.update(public)
    REASONS.update(reasons or {})


def denial(user, action: str, obj=None) -> str | None:
    """The reason ``user`` may not do ``action`` on ``obj``, or None when allowed."""
    rules = ACTIONS[action]
    if action not in PUBLIC and not _signed_in(user, obj):
        return "signed_out"
    for rule in rules:
        if not rule(user, obj):
            return str(REASONS[rule])
    return None


def can(user, action: str, obj=None) -> bool:
    return denial(user, action, obj) is None


def require(user, action: str, obj=None) -> None:
    """Raise ``Unauthorized`` for visitors and ``Forbidden`` with the reason for members."""
    reason = denial(user, action, obj)
    if reason == "signed_out":
        raise Unauthorized(str(_l("You need to sign in to do that.")))
    if reason is not None:
        raise Forbidden(reason, code="forbidden")
