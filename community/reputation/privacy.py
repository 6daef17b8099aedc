"""Reputation in the personal-data registry: a member's ledger is theirs (exported, deleted with the
account); the rows their votes and acceptances gave others stay, no longer naming them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from community.privacy.registry import Source, register


def register_sources() -> None:
    register(
        Source(
            "reputation_events",
            "reputation_events",
            ("user_id",),
            _l("Your reputation: every change, with what earned it"),
            "delete",
        ),
        Source(
            "reputation_given",
            "reputation_events",
            ("actor_id",),
            _l("Reputation your votes, acceptances and promotions gave others"),
            "unlink",
            omit=("user_id",),
        ),
    )
