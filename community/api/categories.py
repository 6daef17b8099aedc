from __future__ import annotations

from community.api import bp, serializers
from community.questions import queries


@bp.get("/categories")
def list_categories():
    items = queries.categories()
    return {"items": [serializers.category(c) for c in items], "page": 1, "per_page": len(items), "total": len(items)}
