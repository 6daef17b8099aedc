"""The staff curation queue: what to promote, what to review, what is missing."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("kb_curation", __name__)
