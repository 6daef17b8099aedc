"""Content changes reach the index through the durable queue: fresh, complete, and safe."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import factories as make
import pytest

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery import searching
from community.questions import operations as qa
from search import Filters

ROOT = Path(__file__).resolve().parents[2]


def found(text, **filters) -> list[int]:
    return [h.id for h in searching.run(None, text, Filters(**filters)).hits if h.type == "question"]


def test_ask_edit_accept_hide_are_reflected_at_once(app):
    """Each committed change is searchable as soon as the queue is drained (right after the request)."""
    asker = make.user()
    question = make.question(asker, title="La fibre coupe tous les soirs", body="Coupure vers 21h chaque soir.")
    searching.drain()
    assert question.id in found("fibre coupe")
    qa.edit_question(asker, question, "Le décodeur perd le signal", "Écran noir sur la télévision.")
    db.session.commit()
    searching.drain()
    assert question.id in found("décodeur signal") and question.id not in found("fibre coupe")
    answer = make.answer(question, body="Changez le câble HDMI du décodeur.")
    qa.accept_answer(asker, answer)
    db.session.commit()
    searching.drain()
    assert question.id in found("décodeur", solved=True)
    question.hidden_at = utcnow()
    db.session.commit()
    searching.drain()
    assert question.id not in found("décodeur")
    assert searching.check() == {"missing": [], "extra": []}


def test_check_reports_and_fixes_a_stale_index(app, runner):
    question = make.question(title="Portabilité du numéro avec le RIO")
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1 and f"question:{question.id}" in result.output
    result = runner.invoke(args=["search", "check", "--fix"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert question.id in found("portabilité numéro")


def test_a_deleted_index_falls_back_to_the_database_and_reindex_repairs_it(app, runner, caplog):
    question = make.question(title="Colis marqué livré mais jamais reçu")
    searching.drain()
    shutil.rmtree(os.path.join(app.instance_path, "search_index"))
    assert question.id in found("colis")
    assert "falling back to the database" in caplog.text
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0 and "Indexed" in result.output
    assert searching.check() == {"missing": [], "extra": []}


WRITER = """
import sys
from wsgi import create_app
from community.discovery import searching
from community.core.extensions import db
from community.members import operations as members
from community.questions import operations as qa

app = create_app({"SEARCH_POLL_SECONDS": 0, "SECRET_KEY": "x"})
number, count = int(sys.argv[1]), int(sys.argv[2])
with app.app_context():
    author = members.find_by_email(f"writer{number}@example.com")
    for i in range(count):
        qa.ask_question(author, f"Question {i} du processus {number}",
                        f"Un corps assez long pour la question {i} du processus {number}.", "box-internet", [])
        db.session.commit()
        searching.drain()
        print(i, flush=True)
"""


def test_four_processes_writing_at_once_lose_nothing_even_when_one_is_killed(app):
    """4 writer processes, one SIGKILLed mid-way: every committed question ends up in the index."""
    make.category()
    for number in range(4):
        make.user(email=f"writer{number}@example.com")
    env = dict(
        os.environ,
        ENTRAIDE_INSTANCE_PATH=app.instance_path,
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        PYTHONPATH=str(ROOT),
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(n), "12"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    victim = procs[3]
    deadline = time.monotonic() + 60
    printed = 0
    while printed < 4 and time.monotonic() < deadline:
        if victim.stdout.readline():
            printed += 1
    victim.send_signal(signal.SIGKILL)
    for proc in procs[:3]:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        assert "lock" not in err.lower(), err[-2000:]
    victim.communicate(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    db.session.expire_all()
    searching.drain()
    assert searching.check() == {"missing": [], "extra": []}
    from community.questions.models import Question

    committed = db.session.scalar(db.select(db.func.count(Question.id)))
    assert committed >= 36 + 4
    assert len(searching.check()["missing"]) == 0
    assert searching.run(None, "processus", Filters()).total == committed


def test_the_postgres_backend_serves_the_app_too(app, postgres_url):
    """With SEARCH_BACKEND=postgres, changes reach PostgreSQL full-text search through the same queue."""
    if not postgres_url:
        pytest.skip("runs in the PostgreSQL pass of make test")
    app.config["SEARCH_BACKEND"] = "postgres"
    app.extensions["search"]["backend"] = None
    searching.rebuild()
    question = make.question(title="Résiliation de la box avant la fin d'engagement")
    searching.drain()
    assert question.id in found("résiliation engagement")
    question.hidden_at = utcnow()
    db.session.commit()
    searching.drain()
    assert question.id not in found("résiliation engagement")
    assert searching.check() == {"missing": [], "extra": []}
