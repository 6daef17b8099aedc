"""A part of API v1: a flask-smorest blueprint under ``/api/v1`` that knows who calls before any view,
reads requests with our parser, and documents itself in the app's OpenAPI document when registered.

Each operation's security and error responses are documented from what guards it: every request may
get 401 (a bad token), 403 (a suspended member's token) and 414, every write 400, 413 and 415; a path
with an id 404; ``signed_in`` and ``permitted`` in ``auth.py`` mark member-only operations;
``errors(...)`` adds the rest (409, 429).
Smorest itself adds 422 to every operation that reads arguments.
"""

from __future__ import annotations

from http import HTTPStatus

import flask_smorest

from community.api.auth import authenticate, documented
from community.api.parsing import Parser
from community.core.extensions import csrf

PREFIX = "/api/v1"

# Who may call, as OpenAPI security requirements: anyone (perhaps identified) or a member; a browser
# session's writes also carry the CSRF token.
SECURITY = {
    ("anyone", False): [{}, {"bearerAuth": []}, {"sessionCookie": []}],
    ("anyone", True): [{}, {"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
    ("member", False): [{"bearerAuth": []}, {"sessionCookie": []}],
    ("member", True): [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
}
EVERY_REQUEST = (401, 403, 414)
EVERY_WRITE = (400, 413, 415)


def errors(*statuses: int):
    """Document the error statuses a view may answer beyond those every request or write may get."""
    return lambda view: documented(view, errors=statuses)


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = Parser()

    def __init__(self, name: str, import_name: str, tags: dict[str, str] | None = None, **kwargs):
        """``tags``: the operation tags this part introduces, with their descriptions."""
        super().__init__(name, import_name, url_prefix=PREFIX, **kwargs)
        self.tags = tags or {}
        self.before_request(authenticate)
        csrf.exempt(self)  # session writes are checked by auth.authenticate, tokens need no CSRF
        self._prepare_doc_cbks.append(self._prepare_access_doc)

    def add_url_rule(self, rule, endpoint=None, view_func=None, provide_automatic_options=None, **options):
        if view_func is not None and "<" in rule:
            documented(view_func, errors=(404,))
        super().add_url_rule(rule, endpoint, view_func, provide_automatic_options, **options)

    def register(self, app, options) -> None:
        """``app.register_blueprint(bp)`` also documents the operations in the app's API (so not through
        smorest's ``Api.register_blueprint``, which would document them twice)."""
        super().register(app, options)
        name = options.get("name", self.name)
        smorest = app.extensions["flask-smorest"]
        api = smorest["apis"][""]["ext_obj"]
        smorest["blp_name_to_api"][name] = api
        self.register_views_in_doc(api, app, api.spec, name=name, parameters=None)
        for tag, description in self.tags.items():
            api.spec.tag({"name": tag, "description": description})

    @staticmethod
    def _prepare_access_doc(doc: dict, doc_info: dict, *, method: str, **kwargs) -> dict:
        write = method != "get"
        doc["security"] = SECURITY[doc_info.get("access", "anyone"), write]
        statuses = {*EVERY_REQUEST, *(EVERY_WRITE if write else ()), *doc_info.get("errors", ())}
        responses = doc.setdefault("responses", {})
        for status in sorted(statuses):
            responses.setdefault(status, HTTPStatus(status).name)
        return doc


bp = Blueprint(
    "api",
    __name__,
    tags={
        "questions": "Questions and their threads.",
        "answers": "Answers and the accepted solution.",
        "votes": "Up and down votes on questions and answers.",
        "comments": "Comments on questions and answers.",
        "categories": "The categories questions are filed under.",
        "members": "Member profiles and the caller.",
        "tokens": "The caller's personal API tokens.",
        "search": "Search and ask-time suggestions.",
        "meta": "This document.",
    },
)
