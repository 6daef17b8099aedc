"""Locale selection: the member's setting, else the language cookie, else Accept-Language, else French."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, has_request_context, request
from flask_login import current_user
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from community.core.extensions import babel

LANG_COOKIE = "lang"
LANG_PARAM = "lang"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    asked = request.args.get(LANG_PARAM)
    if asked in languages:  # the addresses hreflang links give each language
        return asked
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    return _best_match(
        request.headers.get("Accept-Language", ""), languages, current_app.config["BABEL_DEFAULT_LOCALE"]
    )


@lru_cache(maxsize=512)
def _best_match(header: str, languages: tuple, default: str) -> str:
    """Browsers send a handful of distinct headers: parse each once."""
    return parse_accept_header(header, LanguageAccept).best_match(languages) or default


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale, default_translation_directories=str(TRANSLATIONS))
