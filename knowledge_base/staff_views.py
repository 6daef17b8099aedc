"""Staff pages of the knowledge base: write, edit, review, publish, archive, revisions, promotion, media."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("kb_staff", __name__)
