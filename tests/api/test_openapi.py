"""The OpenAPI document, generated from the schemas: served, complete, valid, and true to what the API
answers."""

from __future__ import annotations

import re

import factories as make
import pytest
from apitools import BASE, check_schema, openapi_document

IGNORED_METHODS = {"HEAD", "OPTIONS"}


@pytest.fixture
def document(client) -> dict:
    return openapi_document(client)


def routes(app) -> set[tuple[str, str]]:
    """Every (path, method) the blueprint serves, in OpenAPI spelling (``<int:id>`` → ``{id}``)."""
    found = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(BASE + "/"):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule[len(BASE) :])
        found |= {(path, method.lower()) for method in rule.methods - IGNORED_METHODS}
    return found


def documented(document: dict) -> set[tuple[str, str]]:
    methods = {"get", "put", "post", "delete", "patch"}
    return {(path, m) for path, item in document["paths"].items() for m in item if m in methods}


def operations(document: dict):
    """(path, method, the operation's parameters with those of its path)."""
    for path, method in documented(document):
        item = document["paths"][path]
        yield path, method, [*item.get("parameters", []), *item[method].get("parameters", [])]


def test_document_is_served_as_json(client, app):
    """GET /api/v1/openapi.json gives the OpenAPI 3.1 document, to anyone."""
    response = client.get(f"{BASE}/openapi.json")
    assert response.status_code == 200 and response.is_json
    served = response.get_json()
    assert served["openapi"].startswith("3.1")
    assert served["servers"] == [{"url": BASE}]
    assert {path for path, _method in routes(app)} == set(served["paths"])


def test_every_route_is_documented(app, document):
    """Each route and method under /api/v1 appears in the document."""
    missing = routes(app) - documented(document)
    assert not missing, f"routes missing from the OpenAPI document: {sorted(missing)}"


def test_every_documented_operation_exists(app, document):
    """The document promises no path or method that the API does not serve."""
    extra = documented(document) - routes(app)
    assert not extra, f"documented but not served: {sorted(extra)}"


def test_path_parameters_match_the_routes(document):
    """Every {name} in a documented path is declared as a path parameter; ids as integers from 1."""
    for path, method, parameters in operations(document):
        names = set(re.findall(r"{([^}]+)}", path))
        declared = {p["name"]: p["schema"] for p in parameters if p["in"] == "path"}
        assert names == set(declared), (path, method)
        for name, schema in declared.items():
            if name.endswith("_id"):
                assert schema["type"] == "integer" and schema["minimum"] == 1, (path, name)


def test_every_operation_documents_its_request_and_responses(document):
    """Each write with a body names its schema; each operation a success schema and its error responses."""
    for path, method, _parameters in operations(document):
        operation = document["paths"][path][method]
        success = [s for s in operation["responses"] if s.startswith("2")]
        assert success and all(
            s == "204" or "schema" in operation["responses"][s]["content"]["application/json"] for s in success
        )
        assert "401" in operation["responses"], (path, method)
        if "requestBody" in operation:
            assert "$ref" in operation["requestBody"]["content"]["application/json"]["schema"]
            assert {"400", "413", "415", "422"} <= set(operation["responses"]), (path, method)
        if "{" in path:
            assert "404" in operation["responses"], (path, method)


def test_list_parameters_document_the_contract_filters(document):
    """GET /questions documents status and sort enums and per_page's cap of 100."""
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/questions"]["get"]["parameters"]}
    assert parameters["status"]["enum"] == ["open", "answered", "solved", "closed"]
    assert parameters["sort"]["enum"] == ["newest", "votes", "activity"]
    assert document["components"]["schemas"]["QuestionPage"]["properties"]["per_page"]["maximum"] == 100


def test_every_write_accepts_a_token_or_a_session_with_csrf(document):
    """Writes are secured by bearerAuth, or by the session cookie plus the X-CSRFToken header."""
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["csrfToken"]["in"] == "header" and schemes["csrfToken"]["name"] == "X-CSRFToken"
    for path, method in documented(document):
        if method != "get":
            security = document["paths"][path][method]["security"]
            assert {"bearerAuth": []} in security and {"sessionCookie": [], "csrfToken": []} in security


def test_document_is_valid_openapi(document):
    """The document passes openapi-spec-validator's OpenAPI 3.1 checks."""
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(document)


def test_needs_review_is_documented_for_staff_only(document):
    """Output fields for one audience are documented, and not promised to everyone (not required)."""
    article = document["components"]["schemas"]["Article"]
    assert "needs_review" in article["properties"] and "needs_review" not in article["required"]
    assert {"id", "kind", "status", "rating", "credited_user_ids"} <= set(article["required"])


def test_real_responses_match_the_documented_schemas(api, client, document):
    """What the API answers in a journey matches the schemas the document gives for it."""
    pytest.importorskip("jsonschema")

    def check(response, status: int, path: str, method: str):
        check_schema(document, response, path, method, status)

    asker, helper, voter = make.user(), make.user("ambassador"), make.user()
    make.category()
    check(api.get("/categories"), 200, "/categories", "get")
    created = api.post(
        "/questions",
        asker,
        json={
            "title": "Le décodeur TV redémarre en boucle",
            "body": "Depuis la mise à jour d'hier, le **décodeur** redémarre toutes les 5 minutes.",
            "category": "box-internet",
            "tags": ["tv", "decodeur"],
        },
    )
    check(created, 201, "/questions", "post")
    qid = created.get_json()["id"]
    answer = api.post(f"/questions/{qid}/answers", helper, json={"body": "Faites une réinitialisation usine."})
    check(answer, 201, "/questions/{question_id}/answers", "post")
    aid = answer.get_json()["id"]
    check(
        api.post(f"/answers/{aid}/comments", asker, json={"body": "Merci !"}),
        201,
        "/answers/{answer_id}/comments",
        "post",
    )
    check(
        api.post(f"/questions/{qid}/comments", helper, json={"body": "Quel modèle ?"}),
        201,
        "/questions/{question_id}/comments",
        "post",
    )
    check(api.post(f"/answers/{aid}/vote", voter, json={"value": 1}), 200, "/answers/{answer_id}/vote", "post")
    check(api.post(f"/questions/{qid}/vote", voter, json={"value": -1}), 200, "/questions/{question_id}/vote", "post")
    check(api.post(f"/answers/{aid}/accept", asker), 200, "/answers/{answer_id}/accept", "post")
    check(api.patch(f"/questions/{qid}", asker, json={"tags": ["tv"]}), 200, "/questions/{question_id}", "patch")
    check(api.get(f"/questions/{qid}"), 200, "/questions/{question_id}", "get")
    check(api.get("/questions?per_page=5"), 200, "/questions", "get")
    check(api.get(f"/users/{helper.id}"), 200, "/users/{user_id}", "get")
    check(api.get("/me", asker), 200, "/me", "get")
    new_token = api.post("/me/tokens", asker, json={"label": "CRM"})
    check(new_token, 201, "/me/tokens", "post")
    check(api.get("/me/tokens", asker), 200, "/me/tokens", "get")
    check(api.delete(f"/me/tokens/{new_token.get_json()['id']}", asker), 200, "/me/tokens/{token_id}", "delete")
    staff = make.user("staff")
    check(api.post("/categories", staff, json={"name": "Télévision"}), 201, "/categories", "post")
    check(api.patch("/categories/television", staff, json={"description": "Décodeur"}), 200,
          "/categories/{slug}", "patch")
    check(api.post("/categories", asker, json={"name": "Mobile"}), 403, "/categories", "post")
    check(api.patch("/categories/nowhere", staff, json={"name": "Nulle part"}), 404, "/categories/{slug}", "patch")
    check(api.get("/openapi.json"), 200, "/openapi.json", "get")
    check(api.get("/questions/999999"), 404, "/questions/{question_id}", "get")
    check(api.get("/questions?status=foo"), 422, "/questions", "get")
    check(api.post("/questions", json={}), 401, "/questions", "post")
    check(api.get("/categories", headers={"Authorization": "Bearer nope"}), 401, "/categories", "get")
    check(api.post(f"/questions/{qid}/vote", asker, json={"value": 1}), 403, "/questions/{question_id}/vote", "post")
    check(
        client.post(
            f"{BASE}/questions",
            data="{",
            content_type="application/json",
            headers={"Authorization": f"Bearer {api.token(asker)}"},
            csrf=False,
        ),
        400,
        "/questions",
        "post",
    )
