"""The demo community of Néolia: ``flask demo load`` (``cli``) creates the hand-written members,
questions and answers (``loader``, texts in ``data/``) and, for scale tests, generated threads
(``threads`` composes them from the word banks in ``data/generator/``)."""

from __future__ import annotations

from flask import Flask

from community.demo.cli import demo


def init_app(app: Flask) -> None:
    app.cli.add_command(demo)
