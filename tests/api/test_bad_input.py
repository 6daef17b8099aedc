"""Bad input never breaks API v1: every refusal is a 4xx in the contract's error shape, never a 500."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

import factories as make
import pytest
from apitools import assert_error

from community.core.extensions import db
from community.members import operations as members

ERROR_STATUSES = {400, 401, 403, 404, 409, 413, 415, 422}
SUCCESS_STATUSES = {200, 201}
BLNS = make.TEST_DATA / "hostile-strings" / "blns" / "blns.json"


def hostile_strings() -> list[str]:
    """About 50 naughty strings, the same each run, plus a few a database or JSON chokes on."""
    sample = random.Random(20240601).sample(json.loads(BLNS.read_text(encoding="utf-8")), 50)
    return [*sample, "\x00", "ab\x00cd", "\ud800", "\udfff lone", "x" * 100_000, " " * 50, "\u202e\u0000"]


HOSTILE = hostile_strings()
NOT_STRINGS = [0, -1, 1.5, 2**70, True, False, [], ["texte"], {}, {"a": "b"}]
NOT_VOTES = [2, -2, 1.5, 2**70, "1", "-1", "", True, False, None, [], [1], {}, {"value": 1}, *HOSTILE[:10]]
NOT_TAGS = [
    0,
    1.5,
    True,
    "wifi",
    "wifi,box",
    {},
    {"a": "b"},
    [1],
    [None],
    [["wifi"]],
    [{"a": 1}],
    ["a", "b", "c", "d", "e", "f"],
    ["mot de passe"],
    ["wifi box"],
    ["🔥"],
    ["wifi🔥"],
    ["😍"],
    ["a" * 31],
    ["\x00"],
    ["wi\x00fi"],
    ["\ud800"],
    [""],
    ["   "],
    ["x" * 100_000],
    ["<script>"],
    ["tag_"],
]
RAW_BODIES = [
    (b"", "application/json"),
    (b"{", "application/json"),
    (b"not json at all", "application/json"),
    (b"[1, 2, 3]", "application/json"),
    (b"[]", "application/json"),
    (b'"a JSON string"', "application/json"),
    (b"42", "application/json"),
    (b"null", "application/json"),
    (b"true", "application/json"),
    (b"{'single': 'quotes'}", "application/json"),
    (b'{"title": "unterminated}', "application/json"),
    (b"\xff\xfe\x00{\x00}", "application/json"),
    (b"[" * 100_000, "application/json"),
    (b'{"title": NaN, "body": Infinity, "value": -Infinity, "label": NaN}', "application/json"),
    (b"title=Bonjour&body=Un+texte", "application/x-www-form-urlencoded"),
    (b"<xml/>", "text/xml"),
]


@dataclass
class Endpoint:
    method: str
    path: str
    body: dict | None = None
    text: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    tags: bool = False
    vote: bool = False
    # Text fields any string can fail, so a hostile string must never succeed.
    always_invalid: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


WRITES = [
    Endpoint(
        "POST",
        "/questions",
        {
            "title": "Ma box ne capte plus la TNT",
            "body": "Depuis l'orage d'hier soir, plus aucune chaîne.",
            "category": "box-internet",
            "tags": ["tv"],
        },
        text=("title", "body", "category"),
        optional=("tags",),
        tags=True,
        always_invalid=("category",),
    ),
    Endpoint(
        "PATCH",
        "/questions/{q}",
        {"title": "Titre modifié pour le test", "summary": "test"},
        text=("title", "body", "category", "summary"),
        optional=("title", "body", "category", "summary", "tags"),
        tags=True,
        always_invalid=("category",),
    ),
    Endpoint("POST", "/questions/{q}/answers", {"body": "Débranchez la box trente secondes."}, text=("body",)),
    Endpoint("POST", "/answers/{a}/accept"),
    Endpoint("POST", "/questions/{q}/vote", {"value": 1}, vote=True),
    Endpoint("POST", "/answers/{a}/vote", {"value": -1}, vote=True),
    Endpoint("POST", "/questions/{q}/comments", {"body": "Quel modèle ?"}, text=("body",)),
    Endpoint("POST", "/answers/{a}/comments", {"body": "Merci beaucoup"}, text=("body",)),
    Endpoint("POST", "/me/tokens", {"label": "Intégration CRM"}, text=("label",)),
    Endpoint("DELETE", "/me/tokens/{t}"),
    # Creating twice from one name clashes on the address, reported on the name: only the name varies.
    Endpoint("POST", "/categories", {"name": "Télévision"}, text=("name",)),
    Endpoint(
        "PATCH",
        "/categories/box-internet",
        {"name": "Box et internet", "description": "Wi-Fi, fibre"},
        text=("name", "description"),
        optional=("name", "description"),
    ),
]
READS_WITH_IDS = ["/questions/{q}", "/users/{u}"]
BAD_IDS = [
    "abc",
    "-1",
    "0",
    "1.5",
    "1e3",
    "%00",
    "%F0%9F%98%8D",
    str(2**31),
    str(2**63),
    str(2**63 - 1),
    str(2**64),
    "9" * 40,
    "0x10",
    "+1",
    " 1",
]


@pytest.fixture
def world(api):
    """A staff caller (allowed everywhere) and a question, answer and token made by others."""
    admin = make.user("admin")
    make.category(actor=admin)
    staff, asker = make.user("staff"), make.user()
    question = make.question(asker)
    answer = make.answer(question, admin)
    token, _plaintext = members.create_token(staff, staff, "existing")
    db.session.commit()
    return {"caller": staff, "q": question.id, "a": answer.id, "t": token.id, "u": asker.id}


def problem(response, allowed: set[int]) -> str | None:
    """Why ``response`` is not acceptable, or None: an allowed status, and any error in the contract's shape."""
    if response.status_code not in allowed:
        return f"status {response.status_code}: {response.get_data(as_text=True)[:200]}"
    if response.status_code >= 400:
        try:
            assert_error(response, response.status_code)
        except AssertionError as err:
            return f"error shape: {err}"
    elif not isinstance(response.get_json(silent=True), dict):
        return "a success that is not a JSON object"
    return None


def send_json(api, world, endpoint: Endpoint, body) -> object:
    url = endpoint.path.format(**world)
    data = json.dumps(body)  # ensure_ascii: lone surrogates travel as \\ud800 escapes
    return api.call(endpoint.method, url, world["caller"], data=data, content_type="application/json")


def field_cases(endpoint: Endpoint) -> list[tuple[str, object, set[int]]]:
    """(field, value, allowed statuses) for every bad value of every field of ``endpoint``."""
    cases = []
    for name in endpoint.text:
        cases += [(name, value, ERROR_STATUSES) for value in NOT_STRINGS]
        cases.append((name, None, ERROR_STATUSES | (SUCCESS_STATUSES if name in endpoint.optional else set())))
        may_pass = set() if name in endpoint.always_invalid else SUCCESS_STATUSES
        cases += [(name, value, ERROR_STATUSES | may_pass) for value in HOSTILE]
        cases.append((name, "x" * 100_000, ERROR_STATUSES))
        cases += [(name, value, ERROR_STATUSES) for value in ("\x00", "ab\x00cd", "\ud800")]
    if endpoint.tags:
        cases += [("tags", value, ERROR_STATUSES) for value in NOT_TAGS]
        cases += [("tags", [value], ERROR_STATUSES | SUCCESS_STATUSES) for value in HOSTILE]
        cases.append(("tags", None, ERROR_STATUSES | SUCCESS_STATUSES))
    if endpoint.vote:
        cases += [("value", value, ERROR_STATUSES) for value in NOT_VOTES]
    return cases


@pytest.mark.parametrize("endpoint", WRITES, ids=str)
def test_malformed_bodies_are_refused_in_the_error_shape(api, world, endpoint):
    """No body, broken JSON, or JSON that is not an object: 400 invalid_json (ignored where no body is
    read); a body that is not sent as JSON: 415 unsupported_media_type, on every write."""
    failures = []
    for raw, content_type in RAW_BODIES:
        response = api.call(
            endpoint.method, endpoint.path.format(**world), world["caller"], data=raw, content_type=content_type
        )
        allowed = ERROR_STATUSES if endpoint.body is not None else ERROR_STATUSES | SUCCESS_STATUSES
        why = problem(response, allowed)
        if why is None and content_type != "application/json" and response.status_code != 415:
            why = f"{response.status_code} instead of 415"
        elif why is None and endpoint.body is not None and response.status_code not in (400, 415, 422):
            why = f"{response.status_code} instead of 400 or 422"
        if why:
            failures.append(f"{raw[:40]!r} as {content_type}: {why}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("endpoint", [e for e in WRITES if e.body is not None], ids=str)
def test_wrong_field_values_are_refused_in_the_error_shape(api, world, endpoint):
    """Each field given a wrong type, a huge, unstorable or naughty string gets a 4xx with that field named."""
    failures = []
    for name, value, allowed in field_cases(endpoint):
        body = {**endpoint.body, name: value}
        response = send_json(api, world, endpoint, body)
        why = problem(response, allowed)
        if why is None and response.status_code == 422 and name not in response.get_json()["error"]["fields"]:
            why = f"422 without fields.{name}: {response.get_json()}"
        if why:
            failures.append(f"{name}={value!r:.60}: {why}")
    assert not failures, f"{len(failures)} bad answers:\n" + "\n".join(failures[:40])


def test_question_specific_refusals(api, world):
    """Unknown category, six tags, tags with spaces or emoji, and too-short texts: 422 naming the field."""
    valid = WRITES[0].body
    cases = [
        ({"category": "nowhere"}, "category"),
        ({"category": ""}, "category"),
        ({"tags": ["a", "b", "c", "d", "e", "f"]}, "tags"),
        ({"tags": ["mot de passe"]}, "tags"),
        ({"tags": ["🔥"]}, "tags"),
        ({"tags": ["box", "wifi 🔥"]}, "tags"),
        ({"title": "Court"}, "title"),
        ({"title": "   "}, "title"),
        ({"body": "Trop court"}, "body"),
    ]
    for change, name in cases:
        response = send_json(api, world, WRITES[0], {**valid, **change})
        assert name in assert_error(response, 422, "invalid")["fields"], change
    assert send_json(api, world, WRITES[0], {**valid, "tags": ["Wi-Fi", "Télé"]}).get_json()["tags"] == [
        "tele",
        "wi-fi",
    ]
    missing = assert_error(send_json(api, world, WRITES[0], {}), 422)["fields"]
    assert {"title"} <= set(missing)


@pytest.mark.parametrize("endpoint", [e for e in WRITES if "{" in e.path], ids=str)
def test_bad_ids_in_write_paths_are_404(api, world, endpoint):
    """Non-numeric, zero, negative or out-of-range ids in a write's path give 404, never a 500."""
    failures = []
    for bad in BAD_IDS:
        url = endpoint.path.format(**{k: bad for k in ("q", "a", "t")})
        response = api.call(endpoint.method, url, world["caller"], json=endpoint.body or {})
        why = problem(response, {404})
        if why:
            failures.append(f"{url}: {why}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", READS_WITH_IDS)
def test_bad_ids_in_read_paths_are_404(api, world, path):
    """Non-numeric, zero, negative or out-of-range ids in a read's path give 404 in the error shape."""
    for bad in BAD_IDS:
        url = path.format(q=bad, u=bad)
        assert_error(api.get(url), 404, "not_found")
        assert_error(api.get(url, world["caller"]), 404, "not_found")


@pytest.mark.parametrize(
    ("query", "field_name"),
    [
        ("page=-1", "page"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=1.5", "page"),
        ("page=%00", "page"),
        ("per_page=0", "per_page"),
        ("per_page=-5", "per_page"),
        ("per_page=ten", "per_page"),
        ("per_page=1e2", "per_page"),
        ("status=foo", "status"),
        ("status=OPEN", "status"),
        ("status=unanswered%00", "status"),
        ("sort=foo", "sort"),
        ("sort=votes;drop", "sort"),
        ("category=nowhere", "category"),
        ("category=%00", "category"),
        ("tag=%00", "tag"),
        ("tag=wi%00fi", "tag"),
    ],
)
def test_query_string_garbage_is_422_naming_the_parameter(api, world, query, field_name):
    """A list parameter that makes no sense gives 422 with that parameter in fields."""
    assert field_name in assert_error(api.get(f"/questions?{query}"), 422, "invalid")["fields"]


@pytest.mark.parametrize(
    "query",
    [
        "per_page=1000",
        "per_page=" + "9" * 30,
        "page=" + "9" * 30,
        "tag=" + "x" * 3000,
        "tag=%F0%9F%98%8D",
        "tag=%ED%A0%80",
        "status=",
        "sort=",
        "page=",
        "unknown=1",
        "tag=a&tag=b",
        "category=box-internet&sort=votes",
    ],
)
def test_harmless_query_oddities_still_answer_a_page(api, world, query):
    """Oversized numbers are capped, empty or unknown parameters ignored: still a 200 page."""
    response = api.get(f"/questions?{query}")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "page", "per_page", "total"} and body["per_page"] <= 100


def test_an_address_over_the_length_limit_is_414_in_the_error_shape(api, world):
    """A query string past MAX_URL_LENGTH (4,096 characters) gets 414 uri_too_long, not a page."""
    assert_error(api.get("/questions?tag=" + "x" * 5000), 414, "uri_too_long")
    assert_error(api.get("/search?q=" + "box " * 2000), 414, "uri_too_long")


def test_body_over_the_size_limit_is_413(api, world):
    """A body over MAX_CONTENT_LENGTH (2 MiB) gets 413 too_large in the error shape."""
    huge = json.dumps({**WRITES[0].body, "body": "x" * (2 * 1024 * 1024 + 1)})
    response = api.post("/questions", world["caller"], data=huge, content_type="application/json")
    assert_error(response, 413, "too_large")
    assert_error(
        api.post(f"/questions/{world['q']}/comments", world["caller"], data=huge, content_type="application/json"),
        413,
        "too_large",
    )
