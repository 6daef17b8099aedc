"""A member's data as one JSON document: the same for the settings page and ``GET /api/v1/me/export``."""

from __future__ import annotations

import json

from community.core.database import utcnow
from community.core.permissions import require
from community.privacy import registry

FORMAT = "entraide-export/1"


def export_member(actor, user) -> dict:
    """Every personal datum of ``user``, grouped by source (see ``registry``)."""
    require(actor, "account.export", user)
    return {
        "format": FORMAT,
        "exported_at": registry.jsonable(utcnow()),
        "member_id": user.id,
        "data": {source.name: registry.export(source, user) for source in registry.listed()},
    }


def as_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)
