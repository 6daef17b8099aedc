"""Make the English catalogue complete: English is the source language, so every msgstr is its msgid.

Run by ``make catalog`` after ``pybabel update``; the French catalogue is translated by hand.
"""
from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

CATALOG = Path(__file__).resolve().parent / "en" / "LC_MESSAGES" / "messages.po"


def main() -> None:
    with CATALOG.open("rb") as f:
        catalog = read_po(f, locale="en")
    for message in catalog:
        if not message.id:
            continue
        message.string = tuple(message.id) if message.pluralizable else message.id
        message.flags.discard("fuzzy")
        message.previous_id = []
    with CATALOG.open("wb") as f:
        write_po(f, catalog, width=76, no_location=True, ignore_obsolete=True)


if __name__ == "__main__":
    main()
