"""The Host header cannot poison what other visitors get: with SERVER_NAME set, other hosts are
refused; without it, cached pages are kept per host, so a forged host only ever reaches its sender."""

from __future__ import annotations

import factories as make
import pytest


def canonical(html: str) -> str:
    start = html.index('rel="canonical" href="') + len('rel="canonical" href="')
    return html[start:html.index('"', start)]


def test_a_host_other_than_the_configured_one_is_refused(app, client):
    question = make.question()
    url = f"/questions/{question.id}/{question.slug}"
    assert client.get(url, headers={"Host": "evil.example"}).status_code == 400
    page = client.get(url).get_data(as_text=True)
    assert canonical(page).startswith("http://localhost/questions/")
    assert "evil.example" not in page


class TestWithoutServerName:
    @pytest.fixture
    def app_config(self):
        return {"SERVER_NAME": None}

    def test_a_forged_host_is_cached_for_itself_only(self, app, client):
        question = make.question()
        url = f"/questions/{question.id}/{question.slug}"
        forged = client.get(url, headers={"Host": "evil.example"}).get_data(as_text=True)
        assert canonical(forged).startswith("http://evil.example/")
        for _ in range(2):  # the second answer comes from the page cache
            page = client.get(url, headers={"Host": "entraide.example"}).get_data(as_text=True)
            assert canonical(page).startswith("http://entraide.example/questions/")
            assert "evil.example" not in page
