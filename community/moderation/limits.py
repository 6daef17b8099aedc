"""How often members may post, comment, vote and flag: one decorator, ``limited(action)``, that the
page and the API view of an action both wear, so they share its counters.

Each action has two limits (Flask-Limiter syntax, in the config): ``<ACTION>_RATE_LIMIT`` per member,
``NEW_ACCOUNT_<ACTION>_RATE_LIMIT`` instead while the account is younger than ``NEW_ACCOUNT_DAYS``,
and ``<ACTION>_ADDRESS_RATE_LIMIT`` per client address, every member behind it together. Only what
was done counts: a request counts when its operation sent its signal (a question asked, a vote
cast …) and it succeeded, so a form sent back with a mistake, or the ask page's confirmation step,
costs nothing. Staff are not limited; visitors are refused before (sign-in). The counters live in
``RATELIMIT_STORAGE_URI``, shared by every worker and, through Redis, every web node.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, g, has_request_context
from flask_limiter.util import get_remote_address
from flask_login import current_user

from community.core import signals
from community.core.database import utcnow
from community.core.extensions import limiter

ACTIONS = ("question", "answer", "comment", "vote", "flag")
#: The operations' signals that say an action was done (a flag: A1's ``flag_raised`` when it exists).
DONE_SIGNALS = {
    "question": "question_asked",
    "answer": "answer_posted",
    "comment": "comment_posted",
    "vote": "vote_cast",
    "flag": "flag_raised",
}
_DONE = "moderation_limits_done"


def is_new_account(user) -> bool:
    """Whether ``user``'s account is younger than ``NEW_ACCOUNT_DAYS`` (stricter limits and rules)."""
    created = getattr(user, "created_at", None)
    if created is None:
        return False
    return created > utcnow() - timedelta(days=current_app.config["NEW_ACCOUNT_DAYS"])


def _actor():
    """The member calling: the API's caller (token or session) or the page's signed-in member."""
    caller = g.get("api_user")
    if caller is not None:
        return caller
    return current_user if current_user.is_authenticated else None


def _exempt() -> bool:
    caller = _actor()
    return caller is None or bool(getattr(caller, "is_staff", False))


def _member_key() -> str:
    caller = _actor()
    return f"member:{caller.id}" if caller is not None else get_remote_address()


def _member_limit(action: str):
    def value() -> str:
        prefix = "NEW_ACCOUNT_" if is_new_account(_actor()) else ""
        return current_app.config[f"{prefix}{action.upper()}_RATE_LIMIT"]

    return value


def _address_limit(action: str):
    def value() -> str:
        return current_app.config[f"{action.upper()}_ADDRESS_RATE_LIMIT"]

    return value


def _counts(action: str):
    """Whether the request did ``action``: its operation's signal was sent and the answer is a success."""

    def deduct(response) -> bool:
        if response.status_code >= 400:
            return False
        if action in g.get(_DONE, ()):
            return True
        return DONE_SIGNALS[action] not in _connected  # no signal to listen to: any success counts

    return deduct


def limited(action: str):
    """Limit a view doing ``action`` (one of ``ACTIONS``) per member and per address; over the
    limit, 429 (a page with when to retry, or the API's error shape) before the view runs.

    Put it under the route and sign-in decorators::

        @bp.post("/questions/<int:question_id>/answers")
        @signed_in
        @limited("answer")
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    common = {"methods": ["POST"], "exempt_when": _exempt, "deduct_when": _counts(action)}
    member = limiter.shared_limit(_member_limit(action), scope=action, key_func=_member_key, **common)
    address = limiter.shared_limit(_address_limit(action), scope=f"{action}-address", **common)

    def decorator(view):
        return member(address(view))

    return decorator


_connected: set[str] = set()


def _mark(action: str):
    def receiver(sender, **extra) -> None:
        if has_request_context():
            g.setdefault(_DONE, set()).add(action)

    receiver.__name__ = f"mark_{action}_done"
    return receiver


def connect() -> None:
    """Listen to the operations' signals (once per process)."""
    for action, name in DONE_SIGNALS.items():
        signal = getattr(signals, name, None)
        if signal is not None and name not in _connected:
            signal.connect(_mark(action), weak=False)
            _connected.add(name)
