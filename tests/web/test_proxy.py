"""Behind a TLS-terminating proxy: trusted X-Forwarded-* headers (PROXY_FIX_*) make the site act on
HTTPS (HSTS, Secure cookies, https links) and see the client's address; untrusted, they are ignored."""

from __future__ import annotations

import factories as make
import pytest

from wsgi import create_app

# A browser's HTTPS form post carries its page as Referer (Flask-WTF checks it over HTTPS).
HTTPS = {"X-Forwarded-Proto": "https", "Referer": "https://localhost/login"}


@pytest.fixture
def app_config():
    return {"PROXY_FIX_X_FOR": 1, "PROXY_FIX_X_PROTO": 1, "LOGIN_RATE_LIMIT": "2 per minute"}


def cookies(response) -> dict[str, str]:
    return {value.split("=", 1)[0]: value for value in response.headers.getlist("Set-Cookie")}


def sign_in(client, user, **headers):
    return client.post(
        "/login", data={"email": user.email, "password": make.PASSWORD, "remember": "y"}, headers=headers
    )


def test_https_at_the_proxy_gives_hsts_and_secure_cookies(app, client):
    user = make.user()
    page = client.get("/login", headers=HTTPS)
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    response = sign_in(client, user, **HTTPS)
    assert response.status_code == 302
    set = cookies(response)
    assert {"session", "remember_token"} <= set.keys()
    assert all("; Secure" in value for value in set.values()), set
    assert response.headers["Strict-Transport-Security"]


def test_links_use_the_scheme_the_customer_used(app, client):
    question = make.question()
    html = client.get(f"/questions/{question.id}", headers=HTTPS, follow_redirects=True).get_data(as_text=True)
    assert 'rel="canonical" href="https://localhost/questions/' in html


def test_plain_http_through_the_same_proxy_stays_plain_and_settings_are_untouched(app, client):
    """An HTTPS request does not flip the app's settings: the next plain request's cookie is not Secure."""
    user = make.user()
    sign_in(client, user, **HTTPS)
    client.post("/logout", headers=HTTPS)
    response = sign_in(client, user, **{"X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in response.headers
    assert not any("Secure" in value for value in cookies(response).values())
    assert not app.config.get("SESSION_COOKIE_SECURE") and not app.config.get("REMEMBER_COOKIE_SECURE")


def test_the_sign_in_limit_counts_each_client_behind_the_proxy(app, client):
    """With X-Forwarded-For trusted, two customers behind the proxy have a budget each."""
    user = make.user()
    for _ in range(2):
        assert client.post("/login", data={"email": user.email, "password": "wrong password!"},
                           headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 401
    assert client.post("/login", data={"email": user.email, "password": "wrong password!"},
                       headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 429
    assert sign_in(client, user, **{"X-Forwarded-For": "198.51.100.20"}).status_code == 302


class TestWithoutTrustedProxies:
    @pytest.fixture
    def app_config(self):
        return {"LOGIN_RATE_LIMIT": "2 per minute"}

    def test_forwarded_headers_are_ignored(self, app, client):
        user = make.user()
        response = sign_in(client, user, **HTTPS)
        assert response.status_code == 302
        assert "Strict-Transport-Security" not in response.headers
        assert not any("Secure" in value for value in cookies(response).values())
        question = make.question()
        html = client.get(f"/questions/{question.id}", headers=HTTPS, follow_redirects=True).get_data(as_text=True)
        assert 'rel="canonical" href="http://localhost/questions/' in html

    def test_a_forged_client_address_does_not_escape_the_limit(self, app, client):
        user = make.user()
        for n in range(2):
            client.post("/login", data={"email": user.email, "password": "wrong password!"},
                        headers={"X-Forwarded-For": f"203.0.113.{n}"})
        response = client.post("/login", data={"email": user.email, "password": "wrong password!"},
                               headers={"X-Forwarded-For": "203.0.113.99"})
        assert response.status_code == 429


@pytest.mark.parametrize("value", ["yes", "-1", "1.5"])
def test_a_bad_setting_stops_the_start_with_its_name(tmp_path, value):
    with pytest.raises(RuntimeError, match="PROXY_FIX_X_PROTO"):
        create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x", "PROXY_FIX_X_PROTO": value})
