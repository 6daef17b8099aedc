"""The privacy feature's domain event."""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

account_deleted = _signals.signal(
    "account-deleted", doc="A member deleted their account; the row stays, anonymised (user)."
)
