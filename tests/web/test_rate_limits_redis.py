"""Several web nodes share their rate limits through Redis (``RATELIMIT_STORAGE_URI=redis://…``).

Two app instances in two processes, one real ``redis-server`` (Debian's package, started here on
127.0.0.1 and a free port, stopped after) and one database: a member's answer posted through the
first instance uses up the limit, and the second instance answers 429.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import factories as make
import pytest
import redis
from liveserver import RedisServer

from community.core.extensions import db
from community.members import operations as members

ROOT = Path(__file__).resolve().parent.parent
LIMITS = {"NEW_ACCOUNT_DAYS": 7, "NEW_ACCOUNT_ANSWER_RATE_LIMIT": "1 per minute"}

# The second instance: its own process and instance folder, the same database and Redis.
SECOND_NODE = """
import json, sys
from wsgi import create_app
config, path, token, body = json.loads(sys.argv[1])
app = create_app(config)
response = app.test_client().post(path, json=body, headers={"Authorization": "Bearer " + token})
print(json.dumps({"status": response.status_code, "body": response.get_json()}))
"""


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture
def app_config(redis_server):
    return {**LIMITS, "RATELIMIT_STORAGE_URI": redis_server.url}


def _second_node(app, tmp_path, path: str, token: str, body: dict) -> dict:
    config = {
        key: app.config[key]
        for key in ("TESTING", "SECRET_KEY", "SERVER_NAME", "SQLALCHEMY_DATABASE_URI", "RATELIMIT_STORAGE_URI",
                    "NEW_ACCOUNT_DAYS", "NEW_ACCOUNT_ANSWER_RATE_LIMIT", "SEARCH_POLL_SECONDS", "MAIL_POLL_SECONDS")
    }
    config["INSTANCE_PATH"] = str(tmp_path / "second-node")
    done = subprocess.run(
        [sys.executable, "-c", SECOND_NODE, json.dumps([config, path, token, body])],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_two_instances_share_a_members_limit_through_redis(app, client, tmp_path, redis_server):
    """The first instance takes a new member's answer (its limit is one a minute) and the counter
    is in Redis; the second instance then refuses the member's next answer with 429 rate_limited."""
    redis.Redis.from_url(redis_server.url).flushdb()
    question, helper = make.question(), make.user()
    other = make.question(title="Le décodeur redémarre tout seul la nuit")
    _token, token = members.create_token(helper, helper, "tests")
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}

    first = client.post(f"/api/v1/questions/{question.id}/answers", headers=headers, csrf=False,
                        json={"body": "Débranchez la box trente secondes."})
    assert first.status_code == 201, first.get_data(as_text=True)
    assert redis.Redis.from_url(redis_server.url).keys("LIMITS*"), "the counter is not in Redis"

    second = _second_node(app, tmp_path, f"/api/v1/questions/{other.id}/answers", token,
                          {"body": "Changez la prise du décodeur."})
    assert second["status"] == 429, second
    assert second["body"]["error"]["code"] == "rate_limited"


def test_a_fresh_redis_lets_the_second_instance_through(app, client, tmp_path, redis_server):
    """Control: with nothing counted yet in Redis, the second instance takes the answer (so the 429
    above comes from the shared counter, not from the second instance itself)."""
    redis.Redis.from_url(redis_server.url).flushdb()
    question, helper = make.question(), make.user()
    _token, token = members.create_token(helper, helper, "tests")
    db.session.commit()
    answered = _second_node(app, tmp_path, f"/api/v1/questions/{question.id}/answers", token,
                            {"body": "Débranchez la box trente secondes."})
    assert answered["status"] == 201, answered
