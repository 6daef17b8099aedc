"""Ranks by reputation (``RANKS`` in the settings): the name shown beside members' names and on
their profile. Staff carry the team's mark instead, so they have no rank."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from flask_babel import lazy_gettext as _l

from community.members.models import shown

NAMES = {
    "newcomer": _l("Newcomer"),
    "contributor": _l("Contributor"),
    "expert": _l("Expert"),
    "guru": _l("Guru"),
    "legend": _l("Legend"),
}


@dataclass(frozen=True)
class Rank:
    key: str
    floor: int  # the reputation from which it holds
    level: int  # 1 for the first rank, 2 for the next …

    @property
    def name(self) -> str:
        return str(NAMES.get(self.key, self.key))


def ranks() -> list[Rank]:
    """The configured ranks, lowest first."""
    ordered = sorted(current_app.config["RANKS"], key=lambda pair: pair[0])
    return [Rank(key, floor, level) for level, (floor, key) in enumerate(ordered, start=1)]


def rank_for(reputation: int) -> Rank:
    table = ranks()
    found = table[0]
    for rank in table:
        if reputation >= rank.floor:
            found = rank
    return found


def next_rank(reputation: int) -> Rank | None:
    """The rank after the member's (None at the top)."""
    table = ranks()
    level = rank_for(reputation).level
    return table[level] if level < len(table) else None


def rank_of(user) -> Rank | None:
    """The member's rank; None for staff, deleted accounts and visitors."""
    user = shown(user)
    if user is None or user.is_staff:
        return None
    return rank_for(user.reputation or 0)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(rank_of=rank_of, next_rank=next_rank)
