"""The OpenAPI 3.1 document of API v1, served at ``/api/v1/openapi.json``.

Written by hand as Python data; ``tests/api/test_openapi.py`` checks that it lists exactly the
routes of the blueprint, that it is valid OpenAPI and that real responses match its schemas.
"""

from __future__ import annotations

from community.api import bp
from community.members.models import ROLES
from community.questions.models import STATUSES
from community.questions.operations import (
    ANSWER_MIN,
    BODY_MAX,
    BODY_MIN,
    COMMENT_MAX,
    COMMENT_MIN,
    MAX_TAGS,
    TITLE_MAX,
    TITLE_MIN,
)
from community.questions.queries import SORTS

MAX_PER_PAGE = 100
# The knowledge base's vocabulary, repeated here because the community does not import it.
ARTICLE_KINDS = ("faq", "tutorial")
ARTICLE_STATUSES = ("draft", "in_review", "published", "archived")


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    """``schema`` or null (OpenAPI 3.1 spells it as a type list)."""
    return {**schema, "type": [schema["type"], "null"]}


def obj(properties: dict, optional: tuple[str, ...] = (), **extra) -> dict:
    """An object whose properties are all required except ``optional``."""
    required = [name for name in properties if name not in optional]
    return {"type": "object", "properties": properties, "required": required, **extra}


def page_of(item: str) -> dict:
    """The contract's paginated list wrapper around ``item``."""
    return obj(
        {
            "items": {"type": "array", "items": ref(item)},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 0, "maximum": MAX_PER_PAGE},
            "total": {"type": "integer", "minimum": 0},
        }
    )


def json_response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def json_body(schema_name: str, description: str | None = None) -> dict:
    body = {"required": True, "content": {"application/json": {"schema": ref(schema_name)}}}
    if description:
        body["description"] = description
    return body


ERROR_RESPONSES = {
    400: (
        "BadRequest",
        "The body is not a JSON object (`invalid_json`), or a session write came "
        "without a valid `X-CSRFToken` header (`csrf_failed`).",
    ),
    401: ("Unauthorized", "Not signed in, or the token is missing, invalid or revoked (`invalid_token`)."),
    403: ("Forbidden", "Signed in but not allowed; the message says why."),
    404: ("NotFound", "No such object, or it is hidden from the caller."),
    405: ("MethodNotAllowed", "The path exists but not with this method."),
    409: ("Conflict", "The request clashes with the current state."),
    413: ("TooLarge", "The body is larger than the server accepts (2 MiB by default)."),
    422: ("Invalid", "A field or query parameter is invalid; `fields` names each one with the reason."),
    429: ("RateLimited", "Too many requests; wait before trying again."),
}


def errors(*statuses: int) -> dict:
    return {str(s): {"$ref": f"#/components/responses/{ERROR_RESPONSES[s][0]}"} for s in statuses}


def path_id(name: str, what: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": f"The {what}'s id.",
        "schema": {"type": "integer", "minimum": 1},
    }


def query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def param(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


# Who may call: anyone (optionally identified), a signed-in member reading, a signed-in member writing.
ANYONE = [{}, {"bearerAuth": []}, {"sessionCookie": []}]
SIGNED_IN = [{"bearerAuth": []}, {"sessionCookie": []}]
WRITER = [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}]

# Errors every write can give, whatever its target.
WRITE_ERRORS = (400, 401, 413, 422, 429)


def operation(
    op_id: str,
    summary: str,
    tag: str,
    responses: dict,
    *,
    security=ANYONE,
    parameters: tuple = (),
    body: dict | None = None,
    description: str | None = None,
) -> dict:
    op = {"operationId": op_id, "summary": summary, "tags": [tag], "security": security, "responses": responses}
    if description:
        op["description"] = description
    if parameters:
        op["parameters"] = list(parameters)
    if body:
        op["requestBody"] = body
    return op


DATETIME = {"type": "string", "format": "date-time", "description": "ISO 8601 in UTC, ending in `Z`."}
MARKDOWN = {"type": "string", "description": "The Markdown source."}
HTML = {"type": "string", "description": "The Markdown rendered to safe HTML."}
TAG = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,29}$"}
SLUG = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 60}


def post_properties() -> dict:
    """What questions, answers and comments share."""
    return {
        "id": {"type": "integer"},
        "author": ref("Author"),
        "created_at": DATETIME,
        "updated_at": DATETIME,
        "body": MARKDOWN,
        "body_html": HTML,
    }


def question_properties() -> dict:
    return {
        **post_properties(),
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri", "description": "The question's page on the site."},
        "category": {"type": "string", "description": "The category's slug."},
        "tags": {"type": "array", "items": TAG},
        "status": {"type": "string", "enum": list(STATUSES)},
        "locked": {"type": "boolean"},
        "score": {"type": "integer"},
        "answer_count": {"type": "integer", "minimum": 0},
        "view_count": {"type": "integer", "minimum": 0},
        "accepted_answer_id": nullable({"type": "integer"}),
        "last_activity_at": DATETIME,
        "close_reason": nullable({"type": "string", "description": "Only on closed questions."}),
        "duplicate_of_id": nullable({"type": "integer", "description": "Only on closed questions."}),
    }


def user_properties() -> dict:
    return {
        "id": {"type": "integer"},
        "display_name": {"type": "string"},
        "role": {"type": "string", "enum": list(ROLES)},
        "reputation": {"type": "integer"},
        "rank": nullable({"type": "string"}),
        "badges": {"type": "array", "items": ref("Badge")},
        "bio": {"type": "string"},
        "created_at": DATETIME,
    }


def token_properties() -> dict:
    return {
        "id": {"type": "integer"},
        "label": {"type": "string"},
        "prefix": {"type": "string", "description": "The first characters of the token, to recognise it."},
        "created_at": DATETIME,
        "last_used_at": nullable(DATETIME),
        "revoked": {"type": "boolean"},
    }


SCHEMAS = {
    "Error": obj(
        {
            "error": obj(
                {
                    "code": {"type": "string", "description": "Stable, for programs: `not_found`, `invalid` …"},
                    "message": {"type": "string", "description": "For people, in the caller's language."},
                    "fields": {
                        "type": "object",
                        "additionalProperties": {"type": "string"},
                        "description": "The fields (or query parameters) at fault, each with the reason.",
                    },
                }
            ),
        }
    ),
    "Author": obj(
        {
            "id": nullable({"type": "integer", "description": "Null once the account is deleted."}),
            "display_name": {"type": "string"},
            "role": {"type": ["string", "null"], "enum": [*ROLES, None]},
        }
    ),
    "Category": obj(
        {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "description": {"type": "string"},
        }
    ),
    "Comment": obj(post_properties()),
    "Answer": obj(
        {
            **post_properties(),
            "question_id": {"type": "integer"},
            "score": {"type": "integer"},
            "is_accepted": {"type": "boolean"},
            "comments": {
                "type": "array",
                "items": ref("Comment"),
                "description": "Only inside a question's `answers[]`.",
            },
        },
        optional=("comments",),
    ),
    "Question": obj(question_properties(), optional=("close_reason", "duplicate_of_id")),
    "QuestionDetail": obj(
        {
            **question_properties(),
            "comments": {"type": "array", "items": ref("Comment")},
            "answers": {
                "type": "array",
                "items": ref("Answer"),
                "description": "The accepted answer first, then by score.",
            },
        },
        optional=("close_reason", "duplicate_of_id"),
    ),
    "VoteResult": obj(
        {
            "score": {"type": "integer", "description": "The new score of the post."},
            "value": {"type": "integer", "enum": [1, -1, 0], "description": "The caller's vote now."},
        }
    ),
    "Badge": obj(
        {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "tier": {"type": "string"},
            "awarded_at": DATETIME,
        }
    ),
    "User": obj(user_properties()),
    "Me": obj(
        {
            **user_properties(),
            "email": {"type": "string", "format": "email"},
            "locale": nullable({"type": "string"}),
        }
    ),
    "Token": obj(token_properties()),
    "NewToken": obj(
        {
            **token_properties(),
            "token": {"type": "string", "description": "The plaintext token: shown this once, never again."},
        }
    ),
    "ArticleStep": obj(
        {
            "position": {"type": "integer", "minimum": 1},
            "text": MARKDOWN,
            "text_html": HTML,
            "image_url": nullable({"type": "string", "description": "The step's picture, if any."}),
            "video_url": nullable({"type": "string", "description": "A privacy-friendly embed address, if any."}),
        }
    ),
    "Article": obj(
        {
            "id": {"type": "integer"},
            "kind": {"type": "string", "enum": list(ARTICLE_KINDS)},
            "status": {
                "type": "string",
                "enum": list(ARTICLE_STATUSES),
                "description": "Always `published` for non-staff callers.",
            },
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "body": MARKDOWN,
            "body_html": HTML,
            "steps": {"type": "array", "items": ref("ArticleStep"), "description": "A tutorial's steps, in order."},
            "url": {"type": "string", "format": "uri", "description": "The article's page on the site."},
            "category": {"type": "string", "description": "The category's slug."},
            "tags": {"type": "array", "items": TAG},
            "language": {"type": "string", "enum": ["fr", "en"]},
            "external_id": nullable({"type": "string", "description": "The id given at import (`kb import`)."}),
            "rating": obj(
                {
                    "average": nullable({"type": "number", "description": "Average score from 1 to 5; null unrated."}),
                    "count": {"type": "integer", "minimum": 0},
                }
            ),
            "needs_review": {
                "type": "boolean",
                "description": "Staff only: the ratings fell under the review threshold.",
            },
            "source_question_id": nullable({"type": "integer", "description": "The thread it was promoted from."}),
            "credited_user_ids": {"type": "array", "items": {"type": "integer"}},
            "replacement_id": nullable({"type": "integer", "description": "An archived article's replacement."}),
            "last_reviewed_at": nullable(DATETIME),
            "created_at": DATETIME,
            "updated_at": DATETIME,
        },
        optional=("needs_review",),
    ),
    "ArticlePage": page_of("Article"),
    "Promotion": obj(
        {"kind": {"type": "string", "enum": list(ARTICLE_KINDS), "default": "faq"}},
        optional=("kind",),
    ),
    "NewRating": obj(
        {
            "helpful": {"type": "boolean", "description": "Was this helpful?"},
            "stars": nullable({"type": "integer", "minimum": 1, "maximum": 5}),
            "comment": {"type": "string", "maxLength": 1000, "description": "Read by staff."},
        },
        optional=("stars", "comment"),
    ),
    "RatingResult": obj(
        {
            "helpful": {"type": "boolean"},
            "stars": nullable({"type": "integer", "minimum": 1, "maximum": 5}),
            "comment": {"type": "string"},
            "rating": obj(
                {
                    "average": nullable({"type": "number"}),
                    "count": {"type": "integer", "minimum": 0},
                }
            ),
        }
    ),
    "QuestionPage": page_of("Question"),
    "CategoryPage": page_of("Category"),
    "NewCategory": obj(
        {
            "slug": {**SLUG, "description": "The category's address; made from the name when absent."},
            "name": {"type": "string", "minLength": 2, "maxLength": 80},
            "description": {"type": "string", "maxLength": 500},
        },
        optional=("slug", "description"),
    ),
    "CategoryChanges": obj(
        {
            "slug": {**SLUG, "description": "A new address; questions move with the category."},
            "name": {"type": "string", "minLength": 2, "maxLength": 80},
            "description": {"type": "string", "maxLength": 500},
        },
        optional=("slug", "name", "description"),
    ),
    "TokenPage": page_of("Token"),
    "NewQuestion": obj(
        {
            "title": {"type": "string", "minLength": TITLE_MIN, "maxLength": TITLE_MAX},
            "body": {**MARKDOWN, "minLength": BODY_MIN, "maxLength": BODY_MAX},
            "category": {"type": "string", "description": "A category's slug (see `GET /categories`)."},
            "tags": {
                "type": "array",
                "items": TAG,
                "maxItems": MAX_TAGS,
                "default": [],
                "description": "Words of letters, digits and hyphens; folded to lower case.",
            },
        },
        optional=("tags",),
    ),
    "QuestionEdit": {
        "type": "object",
        "description": "Only the fields sent change; each edit keeps a revision.",
        "properties": {
            "title": {"type": "string", "minLength": TITLE_MIN, "maxLength": TITLE_MAX},
            "body": {**MARKDOWN, "minLength": BODY_MIN, "maxLength": BODY_MAX},
            "category": {"type": "string"},
            "tags": {"type": "array", "items": TAG, "maxItems": MAX_TAGS},
            "summary": {"type": "string", "maxLength": 200, "description": "Why it was edited."},
        },
    },
    "NewAnswer": obj({"body": {**MARKDOWN, "minLength": ANSWER_MIN, "maxLength": BODY_MAX}}),
    "NewComment": obj({"body": {**MARKDOWN, "minLength": COMMENT_MIN, "maxLength": COMMENT_MAX}}),
    "Vote": obj(
        {
            "value": {
                "type": "integer",
                "enum": [1, -1, 0],
                "description": "1 up, -1 down, 0 withdraws the caller's vote.",
            },
        }
    ),
    "NewTokenRequest": obj({"label": {"type": "string", "minLength": 1, "maxLength": 80}}),
    "SearchHit": obj(
        {
            "type": {"type": "string", "enum": ["question", "article"]},
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "snippet": {"type": "string", "description": "Safe HTML: matches wrapped in `<mark>`, the rest escaped."},
            "score": {"type": "number"},
            "solved": {"type": "boolean"},
            "category": {"type": "string"},
        }
    ),
    "SearchPage": obj(
        {
            "items": {"type": "array", "items": ref("SearchHit")},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "total": {"type": "integer"},
            "facets": {
                "type": "object",
                "description": "Counts by `type`, `category`, `tags` and `solved` over all matches.",
                "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}},
            },
            "suggestion": nullable({"type": "string", "description": 'A corrected query ("did you mean").'}),
        }
    ),
    "Suggestions": obj(
        {
            "items": {
                "type": "array",
                "maxItems": 8,
                "items": obj(
                    {
                        "type": {"type": "string", "enum": ["question", "article"]},
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        "url": {"type": "string"},
                        "solved": {"type": "boolean", "description": "A question with an accepted answer."},
                    }
                ),
            },
        }
    ),
}

PARAMETERS = {
    "QuestionId": path_id("question_id", "question"),
    "AnswerId": path_id("answer_id", "answer"),
    "ArticleId": path_id("article_id", "article"),
    "UserId": path_id("user_id", "member"),
    "TokenId": path_id("token_id", "token"),
    "CategorySlug": {
        "name": "slug",
        "in": "path",
        "required": True,
        "description": "The category's address.",
        "schema": {"type": "string"},
    },
    "Page": query("page", "The page wanted, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
    "PerPage": query(
        "per_page",
        f"Items a page; larger values are capped at {MAX_PER_PAGE}.",
        {"type": "integer", "minimum": 1, "default": 20},
    ),
    "Tag": query("tag", "Only questions with this tag.", {"type": "string"}),
    "Category": query("category", "Only questions of this category (a slug).", {"type": "string"}),
    "Status": query("status", "Only questions in this state.", {"type": "string", "enum": list(STATUSES)}),
    "Sort": query("sort", "Order of the list.", {"type": "string", "enum": list(SORTS), "default": "newest"}),
}

RESPONSES = {name: json_response(description, ref("Error")) for name, description in ERROR_RESPONSES.values()}

PATHS = {
    "/search": {
        "get": operation(
            "search",
            "Search questions and articles",
            "search",
            {"200": json_response("Matches, best first, with facet counts.", ref("SearchPage")), **errors(401, 422)},
            parameters=(
                query("q", "What the customer typed (up to 200 characters).", {"type": "string", "maxLength": 200}),
                query("type", "Only this kind of result.", {"type": "string", "enum": ["question", "article"]}),
                param("Category"),
                param("Tag"),
                query(
                    "solved",
                    "Only solved questions (true) or unsolved ones (false).",
                    {"type": "string", "enum": ["true", "false", "1", "0"]},
                ),
                param("Page"),
                param("PerPage"),
            ),
            description="Accents, case, plurals and the staff synonym list are taken into account. "
            "When the index is unavailable, a database search answers instead.",
        ),
    },
    "/search/suggest": {
        "get": operation(
            "suggest",
            "Matches for a question title being typed",
            "search",
            {
                "200": json_response("Up to 8 matches: articles and solved questions first.", ref("Suggestions")),
                **errors(401, 422),
            },
            parameters=(
                query("q", "The title typed so far (3 characters or more).", {"type": "string", "maxLength": 200}),
                query(
                    "context",
                    "`ask` when called from the ask form (counted for deflection).",
                    {"type": "string", "enum": ["ask"]},
                ),
            ),
        ),
    },
    "/openapi.json": {
        "get": operation(
            "getOpenApi",
            "This document",
            "meta",
            {
                "200": json_response("The OpenAPI document.", {"type": "object"}),
                **errors(401),
            },
        ),
    },
    "/categories": {
        "get": operation(
            "listCategories",
            "Every category",
            "categories",
            {
                "200": json_response("All categories, in display order, on one page.", ref("CategoryPage")),
                **errors(401),
            },
        ),
        "post": operation(
            "createCategory",
            "Create a category (staff)",
            "categories",
            {"201": json_response("The new category.", ref("Category")), **errors(*WRITE_ERRORS, 403)},
            security=WRITER,
            body=json_body("NewCategory"),
            description="422 with `fields.slug` when the address is not lower-case words joined by hyphens "
            "or is already taken.",
        ),
    },
    "/categories/{slug}": {
        "parameters": [param("CategorySlug")],
        "patch": operation(
            "editCategory",
            "Change a category's name, description or address (staff)",
            "categories",
            {"200": json_response("The category.", ref("Category")), **errors(*WRITE_ERRORS, 403, 404)},
            security=WRITER,
            body=json_body("CategoryChanges"),
            description="Fields left out keep their value.",
        ),
    },
    "/questions": {
        "get": operation(
            "listQuestions",
            "Questions, filtered and paginated",
            "questions",
            {"200": json_response("A page of questions.", ref("QuestionPage")), **errors(401, 422)},
            parameters=tuple(param(p) for p in ("Tag", "Category", "Status", "Sort", "Page", "PerPage")),
            description="Hidden questions are left out, except for staff. An unknown `category`, "
            "`status` or `sort`, or a `page` that is not a whole number of 1 or more, "
            "gives 422 with the parameter in `fields`.",
        ),
        "post": operation(
            "createQuestion",
            "Ask a question",
            "questions",
            {"201": json_response("The new question.", ref("Question")), **errors(*WRITE_ERRORS)},
            security=WRITER,
            body=json_body("NewQuestion"),
        ),
    },
    "/questions/{question_id}": {
        "parameters": [param("QuestionId")],
        "get": operation(
            "getQuestion",
            "A question with its answers and comments",
            "questions",
            {"200": json_response("The question.", ref("QuestionDetail")), **errors(401, 404)},
            description="Hidden questions give 404, except to their author and staff.",
        ),
        "patch": operation(
            "editQuestion",
            "Edit a question (author, staff)",
            "questions",
            {"200": json_response("The question as edited.", ref("Question")), **errors(*WRITE_ERRORS, 403, 404)},
            security=WRITER,
            body=json_body("QuestionEdit"),
        ),
    },
    "/questions/{question_id}/answers": {
        "parameters": [param("QuestionId")],
        "post": operation(
            "createAnswer",
            "Answer a question",
            "answers",
            {"201": json_response("The new answer.", ref("Answer")), **errors(*WRITE_ERRORS, 403, 404)},
            security=WRITER,
            body=json_body("NewAnswer"),
            description="403 when the question is locked or closed.",
        ),
    },
    "/answers/{answer_id}/accept": {
        "parameters": [param("AnswerId")],
        "post": operation(
            "acceptAnswer",
            "Mark the solution (the question's author, staff)",
            "answers",
            {"200": json_response("The accepted answer.", ref("Answer")), **errors(400, 401, 403, 404, 413, 429)},
            security=WRITER,
            description="One solution per question: accepting another answer moves the mark. "
            "The question's status becomes `solved`. No body is needed.",
        ),
    },
    "/questions/{question_id}/vote": {
        "parameters": [param("QuestionId")],
        "post": operation(
            "voteQuestion",
            "Vote on a question (not its author)",
            "votes",
            {
                "200": json_response("The new score and the caller's vote.", ref("VoteResult")),
                **errors(*WRITE_ERRORS, 403, 404),
            },
            security=WRITER,
            body=json_body("Vote"),
        ),
    },
    "/answers/{answer_id}/vote": {
        "parameters": [param("AnswerId")],
        "post": operation(
            "voteAnswer",
            "Vote on an answer (not its author)",
            "votes",
            {
                "200": json_response("The new score and the caller's vote.", ref("VoteResult")),
                **errors(*WRITE_ERRORS, 403, 404),
            },
            security=WRITER,
            body=json_body("Vote"),
        ),
    },
    "/questions/{question_id}/comments": {
        "parameters": [param("QuestionId")],
        "post": operation(
            "commentQuestion",
            "Comment on a question",
            "comments",
            {"201": json_response("The new comment.", ref("Comment")), **errors(*WRITE_ERRORS, 403, 404)},
            security=WRITER,
            body=json_body("NewComment"),
        ),
    },
    "/answers/{answer_id}/comments": {
        "parameters": [param("AnswerId")],
        "post": operation(
            "commentAnswer",
            "Comment on an answer",
            "comments",
            {"201": json_response("The new comment.", ref("Comment")), **errors(*WRITE_ERRORS, 403, 404)},
            security=WRITER,
            body=json_body("NewComment"),
        ),
    },
    "/articles": {
        "get": operation(
            "listArticles",
            "Published knowledge-base articles",
            "articles",
            {"200": json_response("Articles, last updated first.", ref("ArticlePage")), **errors(401, 422)},
            parameters=(
                query("kind", "Only FAQ entries or only tutorials.", {"type": "string", "enum": list(ARTICLE_KINDS)}),
                query("category", "Only articles of this category (a slug).", {"type": "string"}),
                param("Page"),
                param("PerPage"),
            ),
        ),
    },
    "/articles/{article_id}": {
        "parameters": [param("ArticleId")],
        "get": operation(
            "getArticle",
            "An FAQ entry or a tutorial",
            "articles",
            {"200": json_response("The article.", ref("Article")), **errors(401, 404)},
            description="Drafts, articles in review and archived ones give 404, except to staff.",
        ),
    },
    "/answers/{answer_id}/promote": {
        "parameters": [param("AnswerId")],
        "post": operation(
            "promoteAnswer",
            "Turn an answer into a draft article (staff)",
            "articles",
            {
                "201": json_response("The draft, credited to the answer's author.", ref("Article")),
                **errors(*WRITE_ERRORS, 403, 404, 409),
            },
            security=WRITER,
            body=json_body("Promotion"),
            description="Prefilled from the question's title and the answer; for a tutorial the answer's "
            "numbered list becomes the steps. 409 `already_promoted` when the answer already has an article.",
        ),
    },
    "/articles/{article_id}/publish": {
        "parameters": [param("ArticleId")],
        "post": operation(
            "publishArticle",
            "Publish a draft or an article in review (staff)",
            "articles",
            {"200": json_response("The published article.", ref("Article")), **errors(400, 401, 403, 404, 409, 429)},
            security=WRITER,
            description="409 `not_publishable` when the article is already published or archived. No body is needed.",
        ),
    },
    "/articles/{article_id}/ratings": {
        "parameters": [param("ArticleId")],
        "post": operation(
            "rateArticle",
            "Rate a published article",
            "articles",
            {
                "201": json_response("The caller's rating and the article's new average.", ref("RatingResult")),
                **errors(400, 401, 404, 413, 422, 429),
            },
            security=[{}, *WRITER],
            body=json_body("NewRating"),
            description="One rating per member, or per browser session for visitors (kept in the session "
            "cookie): a second one from the same rater replaces the first. A rating scores its stars, or 5 "
            "when helpful and 1 when not.",
        ),
    },
    "/users/{user_id}": {
        "parameters": [param("UserId")],
        "get": operation(
            "getUser",
            "A member's public profile",
            "members",
            {"200": json_response("The member.", ref("User")), **errors(401, 404)},
        ),
    },
    "/me": {
        "get": operation(
            "getMe",
            "The calling member, with e-mail and language",
            "members",
            {"200": json_response("The caller.", ref("Me")), **errors(401)},
            security=SIGNED_IN,
        ),
    },
    "/me/tokens": {
        "get": operation(
            "listTokens",
            "The caller's personal API tokens",
            "tokens",
            {
                "200": json_response("Every token of the caller, newest first, on one page.", ref("TokenPage")),
                **errors(401),
            },
            security=SIGNED_IN,
            description="Tokens are stored hashed: a listed token never shows its plaintext.",
        ),
        "post": operation(
            "createToken",
            "Create a personal API token",
            "tokens",
            {
                "201": json_response("The token, with its plaintext shown this once.", ref("NewToken")),
                **errors(*WRITE_ERRORS),
            },
            security=WRITER,
            body=json_body("NewTokenRequest"),
        ),
    },
    "/me/tokens/{token_id}": {
        "parameters": [param("TokenId")],
        "delete": operation(
            "revokeToken",
            "Revoke one of the caller's tokens",
            "tokens",
            {"200": json_response("The revoked token.", ref("Token")), **errors(400, 401, 404, 429)},
            security=WRITER,
            description="Another member's token gives 404. Revoking twice is harmless.",
        ),
    },
}

DOCUMENT: dict = {
    "openapi": "3.1.0",
    "info": {
        "title": "Entraide API",
        "version": "1",
        "description": (
            "The community's questions, answers, votes and comments, for integrations (a chatbot, "
            "a CRM) and the site's own scripts. JSON in, JSON out. Every error has the shape "
            '`{"error": {"code", "message", "fields"}}`; bad input never gives a 500. '
            "Lists are paginated with `page` and `per_page` (at most 100). A bad `Authorization` "
            "header gives 401 on any path, reads included; a method a path does not serve gives 405."
        ),
    },
    "servers": [{"url": "/api/v1"}],
    "tags": [
        {"name": name}
        for name in (
            "questions",
            "answers",
            "votes",
            "comments",
            "categories",
            "articles",
            "members",
            "tokens",
            "search",
            "meta",
        )
    ],
    "security": ANYONE,
    "paths": PATHS,
    "components": {
        "schemas": SCHEMAS,
        "parameters": PARAMETERS,
        "responses": RESPONSES,
        "securitySchemes": {
            "bearerAuth": {
                "type": "http",
                "scheme": "bearer",
                "description": "A personal API token (`flask tokens create EMAIL`, or `POST /me/tokens`).",
            },
            "sessionCookie": {
                "type": "apiKey",
                "in": "cookie",
                "name": "session",
                "description": "The browser session of a signed-in member.",
            },
            "csrfToken": {
                "type": "apiKey",
                "in": "header",
                "name": "X-CSRFToken",
                "description": "The page's CSRF token; required on every session write, ignored with a token.",
            },
        },
    },
}


@bp.get("/openapi.json")
def document():
    return DOCUMENT
