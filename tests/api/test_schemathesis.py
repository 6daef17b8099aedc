"""Schemathesis against API v1 as deployed: the app under gunicorn on the demo community, the OpenAPI
document loaded from the server, and every operation called with data generated from its schemas,
valid and invalid, by a staff member's token. No answer may be a 5xx, and every answer must be
documented: its status, its content type and its body's schema.

Generated ids mostly name nothing (404), so operations on an object also run with the ids of real
ones. Bounded (5 examples an operation and kind of data) and deterministic (Hypothesis derandomized,
no example database). Each run is a subtest: one report lists every operation that fails.
"""

from __future__ import annotations

import json
import urllib.request

import pytest
import schemathesis
from hypothesis import HealthCheck, configuration, given, settings
from liveserver import Gunicorn
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

STAFF = "thomas.staff@neolia.example"
CUSTOMER = "lea.martin@mail.example"
LEAVER = "chloe.fabre@mail.example"  # DELETE /me deletes this customer's account, no one else's
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = settings(
    max_examples=5,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


class Server(Gunicorn):
    def api(self, path: str, email: str = STAFF) -> dict:
        request = urllib.request.Request(f"{self.url}/api/v1{path}", headers=self.caller(email))
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def post(self, path: str, body: dict, email: str = STAFF) -> dict:
        headers = {**self.caller(email), "Content-Type": "application/json"}
        request = urllib.request.Request(f"{self.url}/api/v1{path}", json.dumps(body).encode(), headers, method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def caller(self, email: str) -> dict:
        return {"Authorization": f"Bearer {self.tokens[email]}"}


@pytest.fixture(scope="module", autouse=True)
def hypothesis_home(tmp_path_factory):
    """Hypothesis keeps its caches in a temporary folder, not in the repository."""
    configuration.set_hypothesis_home_dir(tmp_path_factory.mktemp("hypothesis"))
    yield
    configuration.set_hypothesis_home_dir(None)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Gunicorn on a database of its own with the demo community; personal tokens of staff and a customer."""
    live = Server(tmp_path_factory.mktemp("schemathesis")).start()
    try:
        live.flask("demo", "load")
        callers = (STAFF, CUSTOMER, LEAVER)
        live.tokens = {email: live.flask("tokens", "create", email).splitlines()[-1] for email in callers}
        yield live
    finally:
        live.stop()


def real_ids(server: Server) -> dict:
    """Path parameters naming real objects of the demo community."""
    question = server.api("/questions?status=solved&per_page=1")["items"][0]
    detail = server.api(f"/questions/{question['id']}")
    comments = detail["comments"] + [c for answer in detail["answers"] for c in answer["comments"]]
    return {
        "question_id": question["id"],
        "answer_id": detail["answers"][0]["id"],
        "comment_id": comments[0]["id"] if comments else 1,
        "article_id": server.api("/articles?per_page=1")["items"][0]["id"],
        "user_id": question["author"]["id"],
        "slug": question["category"],
        "token_id": server.api("/me/tokens", CUSTOMER)["items"][0]["id"],
        "case_id": server.post("/escalations", {"subject": "Facture", "message": "Prélevé deux fois."}, CUSTOMER)["id"],
    }


def exercise(operation, mode: GenerationMode, base_url: str, headers: dict, path_parameters: dict | None) -> None:
    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    def call(case):
        case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)

    call()


def test_every_operation_keeps_to_the_document(server, subtests):
    """Each answer is documented and no input, however odd, gives a server error."""
    document = schemathesis.openapi.from_url(f"{server.url}/api/v1/openapi.json")
    operations = [result.ok() for result in document.get_all_operations()]
    assert len(operations) >= 25
    known = real_ids(server)
    for operation in operations:
        # Revoking tokens by id could revoke the staff token every other call uses: a customer's instead;
        # deleting the caller's account, another customer's.
        caller = {"DELETE /me/tokens/{token_id}": CUSTOMER, "DELETE /me": LEAVER}.get(operation.label, STAFF)
        headers = server.caller(caller)
        on_object = {p.name: known[p.name] for p in operation.path_parameters}
        takes_input = any(operation.iter_parameters()) or bool(operation.body)
        runs = [(GenerationMode.POSITIVE, None)]
        runs += [(GenerationMode.NEGATIVE, None)] if takes_input else []
        runs += [(GenerationMode.POSITIVE, on_object)] if on_object else []
        for mode, path_parameters in runs:
            with subtests.test(f"{operation.label} ({mode.value}{', real ids' if path_parameters else ''})"):
                try:
                    exercise(operation, mode, f"{server.url}/api/v1", headers, path_parameters)
                except Exception:
                    print("\n".join(server.log.read_text(errors="replace").splitlines()[-40:]))
                    raise
