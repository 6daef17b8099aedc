"""Realistic generated threads (French and English) for scale tests.

``generated_thread`` assembles a question and its answers from combinatorial templates (device,
symptom, moment, city, plan…) and banks of sentences per topic, all read from
``data/generator/`` (``common.json``, ``topics.json``, ``titles.json``; see ``data/README.md``).
Deterministic for a given ``random.Random``.
"""

from __future__ import annotations

import random
import re

from community.demo.content import read

_SLOT = re.compile(r"\{(\w+)\}")

_WORDS = read("generator", "common")
_COMMON = {lang: _WORDS[lang] | {"plan": _WORDS["plans"]} for lang in ("fr", "en")}
_TOPICS: dict[str, dict] = read("generator", "topics")
_TOPIC_NAMES = list(_TOPICS)
_TITLES = read("generator", "titles")
_TITLE_CHOICES = {lang: (list(items), list(items.values())) for lang, items in _TITLES["templates"].items()}
_TITLE_SUFFIXES: dict[str, list[str]] = _TITLES["suffixes"]


def _amount(rng: random.Random) -> str:
    return f"{rng.randint(4, 189)},{rng.choice(('00', '50', '90', '99', '18', '47', '72'))} €"


_NUMERIC = {
    "n": lambda rng: str(rng.randint(2, 15)),
    "code": lambda rng: str(rng.randint(100, 999)),
    "hour": lambda rng: str(rng.randint(7, 23)),
    "evening": lambda rng: str(rng.randint(18, 23)),
    "pm": lambda rng: str(rng.randint(6, 11)),
    "adsl": lambda rng: rng.choice(("0,8", "1,5", "2", "3", "4,5", "6")),
    "min": lambda rng: f"{rng.randrange(0, 60, 5):02d}",
    "day": lambda rng: str(rng.randint(1, 28)),
    "years": lambda rng: str(rng.randint(2, 15)),
    "speed": lambda rng: rng.choice(_WORDS["speeds"]),
    "amount": _amount,
    "price": lambda rng: rng.choice(_WORDS["prices"]),
    "ref": lambda rng: f"INT-{rng.randint(1000000, 9999999)}",
    "city": lambda rng: rng.choice(_WORDS["cities"]),
    "age": lambda rng: str(rng.randint(2, 7)),
}
# Slots drawn once per thread, so that title, question and answers agree.
_STICKY = {"city", "plan", "issue", "symptom", "time", "since", "event", "howto", "subject"}
# Variants of a slot (same bank, drawn again and not remembered).
_ALIAS = {"issue2": "issue", "attempt2": "attempt", "step2": "step", "tip2": "tip"}

_TAG_COUNTS = ([0, 1, 2, 3, 4], [10, 25, 35, 20, 10])
_ANSWER_COUNTS = ([1, 2, 3, 4, 5], [20, 22, 22, 19, 17])
# Kinds of answer, by whether the question asks "how do I…" (no "same here" answers then).
_ANSWER_KINDS = {
    False: (["steps", "explanation", "tip", "metoo", "followup", "staff"], [36, 22, 18, 10, 7, 7]),
    True: (["steps", "explanation", "tip", "followup", "staff"], [50, 12, 22, 8, 8]),
}
_TOPIC_BY_SLUG: dict[str, str | None] = {}


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (« Wi-Fi », « NAT »)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class _Ctx:
    """State for one thread: language, banks (device group, topic, common) and drawn slots.

    A device given as ``[text, "e"]`` is feminine: it fills the ``{e}`` of agreements (« bloqué{e} »)."""

    __slots__ = ("banks", "howto", "rng", "sticky")

    def __init__(self, rng: random.Random, lang: str, topic: dict) -> None:
        self.rng = rng
        self.howto = False
        group = rng.choice(topic[lang]["groups"])
        self.banks = (group, topic[lang], _COMMON[lang])
        device = rng.choice(group["device"])
        text, e = device if isinstance(device, list) else (device, "")
        self.sticky = {"e": e}
        self.sticky["device"] = self.fill(text)

    def bank(self, key: str) -> list[str]:
        for banks in self.banks:
            found = banks.get(key)
            if found:
                return found
        raise KeyError(key)

    def fill(self, text: str) -> str:
        if "{" not in text:
            return text
        return _SLOT.sub(self._slot, text)

    def _slot(self, match: re.Match) -> str:
        name = match.group(1)
        key = name.lower()
        value = self.sticky.get(key)
        if value is None:
            gen = _NUMERIC.get(key)
            if gen is not None:
                value = gen(self.rng)
            else:
                base = _ALIAS.get(key, key)
                value = self.fill(self.rng.choice(self.bank(base)))
                if base != key and value == self.sticky.get(base):
                    value = self.fill(self.rng.choice(self.bank(base)))
            if key in _STICKY:
                self.sticky[key] = value
        return _capitalize(value) if name[0].isupper() else value

    def pick(self, key: str) -> str:
        return self.fill(self.rng.choice(self.bank(key)))

    def sample(self, key: str, k: int) -> list[str]:
        bank = self.bank(key)
        return [self.fill(s) for s in self.rng.sample(bank, min(k, len(bank)))]


def _topic_for(slug: str, rng: random.Random) -> dict:
    name = _TOPIC_BY_SLUG.get(slug, "")
    if name == "":
        folded = slug.lower()
        name = next((n for n, t in _TOPICS.items() if any(k in folded for k in t["keywords"])), None)
        _TOPIC_BY_SLUG[slug] = name
    return _TOPICS[name or rng.choice(_TOPIC_NAMES)]


def _title(ctx: _Ctx, lang: str) -> str:
    rng = ctx.rng
    templates, weights = _TITLE_CHOICES[lang]
    template = rng.choices(templates, weights)[0]
    if rng.random() < 0.6:
        suffixes = [s for s in _TITLE_SUFFIXES[lang] if not any(k in template for k in _SLOT.findall(s))]
        if suffixes:
            template += rng.choice(suffixes)
    ctx.howto = "{howto}" in template
    return _capitalize(ctx.fill(template))


def _question_body(ctx: _Ctx) -> str:
    rng = ctx.rng
    howto = ctx.howto
    paragraphs = []
    if rng.random() < 0.6:
        paragraphs.append(ctx.pick("opener"))
    first = []
    if rng.random() < 0.65:
        first.append(ctx.pick("context"))
    if howto:
        first.append(ctx.pick("howto_sentence"))
        if rng.random() < 0.5:
            first.append(ctx.pick("howto_detail"))
        paragraphs.append(" ".join(first))
    else:
        first.append(ctx.pick("symptom_sentence"))
        first.extend(ctx.sample("detail", rng.choice((0, 1, 1, 2))))
        paragraphs.append(" ".join(first))
        roll = rng.random()
        if roll < 0.3:
            items = ctx.sample("attempt", rng.randint(2, 4))
            paragraphs.append(ctx.pick("tried_list") + "\n\n" + "\n".join(f"- {a}" for a in items))
        elif roll < 0.75:
            paragraphs.append(ctx.pick("tried_sentence"))
    last = []
    if not howto and rng.random() < 0.35:
        last.append(ctx.pick("impact"))
    if not howto and rng.random() < 0.25:
        last.append(ctx.pick("emphasis"))
    last.append(ctx.pick("howto_end" if howto else "question_end"))
    if rng.random() < (0.25 if howto else 0.45):
        last.append(ctx.pick("closer"))
    paragraphs.append(" ".join(last))
    return "\n\n".join(paragraphs)


def _answer_body(ctx: _Ctx, position: int) -> str:
    rng = ctx.rng
    kind = rng.choices(*_ANSWER_KINDS[ctx.howto])[0]
    if kind == "followup" and position == 0:
        kind = "staff"
    if kind == "steps":
        steps = ctx.sample("step", rng.randint(2, 5))
        intro = ctx.pick("howto_intro" if ctx.howto else "intro")
        text = intro + "\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1))
        if rng.random() < 0.7:
            text += "\n\n" + ctx.pick("conclusion")
        return text
    if kind == "explanation":
        parts = ctx.sample("explanation", rng.choice((1, 1, 2)))
        if rng.random() < 0.5:
            parts.append(ctx.pick("tip"))
        return " ".join(parts)
    if kind == "tip":
        prefix = ctx.pick("short_prefix")
        tip = ctx.pick("tip")
        return prefix + _lower_first(tip) if prefix else tip
    return ctx.pick(kind)


def generated_thread(rng: random.Random, categories: list[str]) -> dict:
    """One question with answers.

    Returns ``{"title", "body", "category", "tags", "answers": [{"body"}...], "language"}``;
    ``category`` is one of ``categories`` (slugs), ``language`` is "fr" or "en".
    """
    category = rng.choice(categories)
    topic = _topic_for(category, rng)
    lang = "en" if rng.random() < 0.2 else "fr"
    ctx = _Ctx(rng, lang, topic)
    title = _title(ctx, lang)
    body = _question_body(ctx)
    tags = rng.sample(topic["tags"], rng.choices(*_TAG_COUNTS)[0])
    roll = rng.random()
    if roll < 0.01:
        count = 20
    elif roll < 0.11:
        count = 0
    else:
        count = rng.choices(*_ANSWER_COUNTS)[0]
    answers = [{"body": _answer_body(ctx, i)} for i in range(count)]
    return {
        "title": title,
        "body": body,
        "category": category,
        "tags": tags,
        "answers": answers,
        "language": lang,
    }
