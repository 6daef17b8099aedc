"""The baseline for bench/page.py: the smallest Flask app, served the same way."""

from __future__ import annotations

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"
