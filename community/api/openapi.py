"""The OpenAPI 3 document of API v1, served at ``/api/v1/openapi.json``."""
from __future__ import annotations

from community.api import bp

DOCUMENT: dict = {"openapi": "3.1.0", "info": {"title": "Entraide API", "version": "1"}, "paths": {}}


@bp.get("/openapi.json")
def document():
    return DOCUMENT
