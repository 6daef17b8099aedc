"""Search and ask-time suggestions for integrations (chatbots, CRM) and our own pages."""

from __future__ import annotations

from marshmallow import fields, validate

from community.api.auth import actor
from community.api.blueprint import bp
from community.api.fields import Length, OneOf, Text
from community.api.schemas import Output, PageArgs, Query
from community.core import language as content_language
from community.core.extensions import db
from community.discovery import operations as discovery
from community.discovery import searching
from community.discovery.visits import returning_visit_id, visit_id
from search import Filters, Results

LANGUAGES = tuple(content_language.NAMES)

SUGGEST_LIMIT = 8
TYPES = ("question", "article")
QUERY = {"description": "What the customer typed (up to 200 characters)."}


class SearchArgs(PageArgs):
    q = Text(validate=Length(max=200), metadata=QUERY)
    type = Text(validate=OneOf(TYPES), metadata={"description": "Only this kind of result."})
    category = Text(metadata={"description": "Only results of this category (a slug)."})
    tag = Text(metadata={"description": "Only results with this tag."})
    solved = Text(
        validate=OneOf(("true", "false", "1", "0")),
        metadata={"description": "Only solved questions (true) or unsolved ones (false)."},
    )
    language = Text(validate=OneOf(LANGUAGES), metadata={"description": "Only results written in this language."})


class SuggestArgs(Query):
    q = Text(validate=Length(max=200), metadata={"description": "The title typed so far (3 characters or more)."})
    context = Text(metadata={"description": "`ask` when called from the ask form (counted for deflection)."})
    language = Text(
        validate=OneOf(LANGUAGES),
        metadata={"description": "Matches in this language first; the other languages fill the rest."},
    )


class Suggestion(Output):
    type = fields.String(validate=OneOf(TYPES))
    id = fields.Integer()
    title = fields.String()
    url = fields.String()
    solved = fields.Boolean(metadata={"description": "A question with an accepted answer."})
    language = fields.String(metadata={"description": "The language the result is written in (`fr`, `en`)."})


class SearchHit(Suggestion):
    snippet = fields.String(metadata={"description": "Safe HTML: matches wrapped in `<mark>`, the rest escaped."})
    score = fields.Function(lambda hit: round(hit.score, 4), metadata={"type": "number"})
    category = fields.String()


class SearchPage(Output):
    items = fields.List(fields.Nested(SearchHit), attribute="hits")
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()
    facets = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(keys=fields.String(), values=fields.Integer()),
        metadata={"description": "Counts by `type`, `category`, `tags` and `solved` over all matches."},
    )
    suggestion = fields.String(allow_none=True, metadata={"description": 'A corrected query ("did you mean").'})
    languages = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        metadata={"description": "Matches by language, the `language` filter left out."},
    )


class Suggestions(Output):
    items = fields.List(fields.Nested(Suggestion), validate=validate.Length(max=SUGGEST_LIMIT))


@bp.get("/search", tags=["search"])
@bp.arguments(SearchArgs, location="query")
@bp.response(200, SearchPage)
def search_api(args: dict):
    """Search questions and articles

    Matches, best first, with facet counts. Accents, case, plurals and the staff synonym list are taken
    into account. When the index is unavailable, a database search answers instead.
    """
    page, per_page, q = args["page"], args["per_page"], args.get("q", "")
    solved = args.get("solved")
    filters = Filters(
        types=(args["type"],) if "type" in args else TYPES,
        category=args.get("category"),
        tag=args.get("tag", "").lower() or None,
        solved=None if solved is None else solved in ("true", "1"),
        language=args.get("language"),
    )
    if not q:
        return Results(hits=[], total=0, page=page, per_page=per_page)
    results = searching.run(actor(), q, filters, page, per_page)
    if page == 1 and filters == Filters():
        discovery.log_search(actor(), q, results.total, source="api", visit_id=returning_visit_id())
        db.session.commit()
    return results


@bp.get("/search/suggest", tags=["search"])
@bp.arguments(SuggestArgs, location="query")
@bp.response(200, Suggestions)
def suggest_api(args: dict):
    """Matches for a question title being typed

    Up to 8 matches: articles and solved questions first; with `language`, those in that language
    first, then the other languages.
    """
    q = args.get("q", "")
    hits = searching.suggest(q, SUGGEST_LIMIT, args.get("language")) if len(q) >= 3 else []
    if hits and args.get("context") == "ask":
        discovery.record_event(visit_id(), "suggestions_shown", actor())
        db.session.commit()
    return {"items": hits}
