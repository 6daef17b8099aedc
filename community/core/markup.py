"""User Markdown to safe HTML: the only place in Entraide where this happens.

Pipeline: Python-Markdown (raw HTML passes through) -> bleach Cleaner with an
allowlist (disallowed tags stripped, script-like elements dropped with their
content) -> bare URLs linkified -> final link/URL checks.

Images are embedded only from the site itself (a relative URL, or the host of
``SERVER_NAME``) and the hosts of ``MARKUP_IMAGE_HOSTS``: an image from anywhere
else would tell that host who reads the post, so it becomes a plain link.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser

import markdown
from bleach.html5lib_shim import BleachHTMLParser, Filter
from bleach.linkifier import LinkifyFilter
from bleach.sanitizer import Cleaner
from flask import current_app, has_app_context
from markdown.treeprocessors import Treeprocessor

__all__ = ["MARKUP_VERSION", "plain_text", "render_inline", "render_markdown"]

#: Stored beside every rendered HTML; bump whenever the output can change.
MARKUP_VERSION = 4  # 2: images from other hosts become links; 3: headings follow the page's outline; 4: @mentions

# --- policy -----------------------------------------------------------------

# Markdown headings continue the page's outline: the text's highest heading becomes
# ``top_heading`` (h3 in posts, under the page's h1 and h2; h2 in help articles) and
# deeper levels follow without skipping one (# then ### -> h3, h4), capped at h6.
# Raw <h1>/<h2> typed by users are stripped to their text.
BLOCK_TAGS = frozenset(
    {
        "p", "br", "hr", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "img",
        "strong", "em", "b", "i", "code", "a", "del", "ins", "sup", "sub", "kbd",
    }
)  # fmt: skip
INLINE_TAGS = frozenset({"strong", "em", "code", "a", "del"})

# tag -> allowed attribute names (further checked in _allow_attribute).
ATTRIBUTES = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "code": frozenset({"class"}),  # only "language-xxx" from fenced code
    "ol": frozenset({"start"}),  # "3. item" lists start at 3
}
LINK_PROTOCOLS = frozenset({"http", "https", "mailto"})
EXTERNAL_REL = "nofollow ugc noopener"

# Parsed as real elements so that they (and everything inside) can be dropped;
# any other disallowed tag is stripped and its content kept as inert text.
_DROP_WITH_CONTENT = frozenset(
    {
        "script", "style", "template", "iframe", "frame", "frameset", "object",
        "embed", "applet", "noscript", "noembed", "noframes", "svg", "math",
    }
)  # fmt: skip
_NO_LINKIFY = frozenset({"pre", "code", "a"})

#: A mention in text: "@handle" not preceded by a word character, "@" or "/" (so neither an e-mail
#: address nor a URL path is one). A handle: letters, digits, "_", "-" and inner dots, 3 to 30.
MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{1,28}[A-Za-z0-9_]))")
#: Where a mention links: the members' ``/u/<handle>`` address, which finds the profile.
MENTION_PATH = "/u/"

# Above this many "[" Markdown link syntax is disabled for the text: Python-
# Markdown's link parser is quadratic (10 KB of "[" takes ~13 s with it).
_MAX_LINK_BRACKETS = 500

_LINK_PATTERNS = (
    "reference", "link", "image_link", "image_reference",
    "short_reference", "short_image_ref",
)  # fmt: skip
_CODE_CLASS = re.compile(r"language-[A-Za-z0-9_+#.-]{1,40}")
_OL_START = re.compile(r"[0-9]{1,9}")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
_SCRIPT_URL = re.compile(r"(?:java|vb|live)script:")
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x21-\x7e]+")
_TAB_NEWLINE = dict.fromkeys(map(ord, "\t\n\r"))
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
# host[:port] of an absolute or protocol-relative http(s) URL; anything unusual
# in the authority (user info, backslash, percent, IPv6 literal) does not match.
_HTTP_AUTHORITY = re.compile(r"(?:https?:)?//([a-z0-9.-]+(?::[0-9]{1,5})?)(?=[/?#]|$)")
_BAD_INPUT_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _normalize(value: str) -> str:
    """Attribute value as a browser might read it: entities decoded, every
    whitespace, control and non-ASCII character removed, lower case."""
    return _NOT_PRINTABLE_ASCII.sub("", html.unescape(value)).lower()


def _is_external(href: str) -> bool:
    n = _normalize(href)
    return bool(_SCHEME.match(n)) or n.startswith(("//", "\\", "/\\"))


def _image_hosts() -> frozenset[str]:
    """host[:port] names images may come from besides relative URLs: ``SERVER_NAME`` and
    ``MARKUP_IMAGE_HOSTS`` of the current app (none without one; never the request's Host)."""
    if not has_app_context():
        return frozenset()
    config = current_app.config
    hosts = config.get("MARKUP_IMAGE_HOSTS") or ()
    if isinstance(hosts, str):
        hosts = hosts.replace(",", " ").split()
    names = (str(h).strip().lower() for h in (config.get("SERVER_NAME") or "", *hosts))
    return frozenset(name for name in names if name)


def _embeddable(src: str, hosts: frozenset[str]) -> bool:
    """Whether an (allowed) image URL loads from this site or an allowed host."""
    if not _is_external(src):
        return True  # relative: same site
    url = html.unescape(src).translate(_TAB_NEWLINE).strip(_C0_AND_SPACE)  # as a browser reads it
    if _NOT_PRINTABLE_ASCII.search(url):
        return False
    match = _HTTP_AUTHORITY.match(url.lower())
    return match is not None and match.group(1) in hosts


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    if name not in ATTRIBUTES.get(tag, ()):
        return False
    if tag == "img" and name == "src":
        src = _normalize(value)
        scheme = _SCHEME.match(src)
        return bool(src) and (scheme is None or scheme.group() in ("http:", "https:"))
    if name == "class":
        return bool(_CODE_CLASS.fullmatch(value))
    if name == "start":
        return bool(_OL_START.fullmatch(value))
    return True  # href: bleach then checks the protocol against LINK_PROTOCOLS


# --- html5lib filters -------------------------------------------------------


class _DropContent(Filter):
    """Before sanitising: drop script-like elements together with their content."""

    def __iter__(self):
        depth = 0
        for token in Filter.__iter__(self):
            kind = token["type"]
            if kind in ("StartTag", "EndTag", "EmptyTag") and (token["name"].lower() in _DROP_WITH_CONTENT):
                depth += {"StartTag": 1, "EndTag": -1}.get(kind, 0)
                continue
            if depth <= 0:
                yield token


class _Mentions(Filter):
    """After sanitising, before linkifying: ``@handle`` outside code and links becomes
    ``<a href="/u/handle" class="mention">@handle</a>`` (the handle need not exist: the page 404s)."""

    def __iter__(self):
        skip = 0  # depth of open pre, code or a
        for token in Filter.__iter__(self):
            kind = token["type"]
            if kind == "StartTag" and token["name"] in _NO_LINKIFY:
                skip += 1
            elif kind == "EndTag" and token["name"] in _NO_LINKIFY:
                skip = max(0, skip - 1)
            elif kind == "Characters" and not skip and "@" in token["data"]:
                yield from _mention_tokens(token["data"])
                continue
            yield token


def _mention_tokens(text: str):
    start = 0
    for match in MENTION.finditer(text):
        if match.start() > start:
            yield {"type": "Characters", "data": text[start : match.start()]}
        href = MENTION_PATH + match.group(1).lower()
        yield {"type": "StartTag", "namespace": None, "name": "a",
               "data": {(None, "href"): href, (None, "class"): "mention"}}  # fmt: skip
        yield {"type": "Characters", "data": match.group()}
        yield {"type": "EndTag", "namespace": None, "name": "a"}
        start = match.end()
    if start < len(text):
        yield {"type": "Characters", "data": text[start:]}


class _FinishLinks(Filter):
    """After sanitising and linkifying: last URL checks, rel on outside links, and
    images from other hosts turned into links."""

    def __iter__(self):
        hosts = getattr(_local, "image_hosts", frozenset())
        links = 0  # depth of open <a>: an image inside one becomes its text only
        for token in Filter.__iter__(self):
            kind = token["type"]
            if kind in ("StartTag", "EmptyTag"):
                attrs = token["data"]
                for key in [k for k, v in attrs.items() if _SCRIPT_URL.search(_normalize(v))]:
                    del attrs[key]
                name = token["name"]
                if name == "img":
                    src = attrs.get((None, "src"))
                    if src is None:
                        continue  # nothing to show
                    if not _embeddable(src, hosts):
                        yield from _image_as_link(attrs, inside_link=links > 0)
                        continue
                if name == "a":
                    if kind == "StartTag":
                        links += 1
                    href = attrs.get((None, "href"))
                    if href is not None and _is_external(href):
                        attrs[(None, "rel")] = EXTERNAL_REL
            elif kind == "EndTag" and token["name"] == "a":
                links = max(0, links - 1)
            yield token


def _image_as_link(attrs: dict, inside_link: bool):
    """Tokens of a link to an image (text: its alt, else its URL); only the text inside a link."""
    src = attrs[(None, "src")]
    text = {"type": "Characters", "data": html.unescape(attrs.get((None, "alt"), "")).strip() or html.unescape(src)}
    if inside_link:
        yield text
        return
    link = {(None, "href"): src, (None, "rel"): EXTERNAL_REL}
    if (None, "title") in attrs:
        link[(None, "title")] = attrs[(None, "title")]
    yield {"type": "StartTag", "namespace": None, "name": "a", "data": link}
    yield text
    yield {"type": "EndTag", "namespace": None, "name": "a"}


# --- per-thread machinery (Markdown and html5lib parsers are not thread-safe)


@dataclass(frozen=True)
class _Policy:
    name: str
    tags: frozenset[str]


_BLOCK = _Policy("block", BLOCK_TAGS)
_INLINE = _Policy("inline", INLINE_TAGS)
_ARTICLE = _Policy("article", BLOCK_TAGS | {"h2"})

_local = threading.local()


class _ShiftHeadings(Treeprocessor):
    top = 3  # set before each conversion

    def run(self, root):
        headings = [
            el for el in root.iter()
            if isinstance(el.tag, str) and len(el.tag) == 2 and el.tag[0] == "h" and el.tag[1] in "123456"
        ]  # fmt: skip
        levels = sorted({int(el.tag[1]) for el in headings})
        for el in headings:
            el.tag = f"h{min(6, self.top + levels.index(int(el.tag[1])))}"


_HEADINGS = "entraide_headings"


def _markdown(links: bool) -> markdown.Markdown:
    key = "md_links" if links else "md_nolinks"
    md = getattr(_local, key, None)
    if md is None:
        md = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists"], output_format="html")
        md.treeprocessors.register(_ShiftHeadings(md), _HEADINGS, 1)
        if not links:
            for name in _LINK_PATTERNS:
                md.inlinePatterns.deregister(name)
        setattr(_local, key, md)
    return md


def _cleaner(policy: _Policy) -> Cleaner:
    cleaners = _local.__dict__.setdefault("cleaners", {})
    cleaner = cleaners.get(policy.name)
    if cleaner is None:
        cleaner = Cleaner(
            tags=policy.tags,
            attributes=_allow_attribute,
            protocols=LINK_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[
                _Mentions,
                partial(LinkifyFilter, callbacks=[], skip_tags=_NO_LINKIFY, parse_email=False),
                _FinishLinks,
            ],
        )
        # bleach turns disallowed tags into text while tokenizing, so the
        # drop-with-content elements must reach the tree to be removed whole.
        # (Relies on bleach 6 Cleaner attributes; tests cover it.)
        cleaner.parser = BleachHTMLParser(
            tags=policy.tags | _DROP_WITH_CONTENT,
            strip=True,
            consume_entities=False,
            namespaceHTMLElements=False,
        )
        walk = cleaner.walker
        cleaner.walker = lambda tree: _DropContent(walk(tree))
        cleaners[policy.name] = cleaner
    return cleaner


# --- pipeline -----------------------------------------------------------------


def _clean_input(text: str) -> str:
    return _BAD_INPUT_CHARS.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else "", text)


def _markdown_to_html(text: str, top_heading: int = 3) -> str:
    links = text.count("[") <= _MAX_LINK_BRACKETS
    try:
        md = _markdown(links).reset()
        md.treeprocessors[_HEADINGS].top = top_heading
        return md.convert(text)
    except RecursionError:
        # Deeply nested lists/quotes overflow Python-Markdown: show the text as is.
        _local.__dict__.pop("md_links" if links else "md_nolinks", None)
        paragraphs = re.split(r"\n\s*\n", text)
        return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _render(text: str, policy: _Policy, top_heading: int = 3) -> str:
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    text = _clean_input(text)
    if not text.strip():
        return ""
    _local.image_hosts = _image_hosts()
    return _cleaner(policy).clean(_markdown_to_html(text, top_heading)).strip()


def render_markdown(text: str, top_heading: int = 3) -> str:
    """Markdown typed by a user -> HTML safe to insert into a page.

    ``top_heading`` is the level the text's highest heading takes: 3 for posts, 2 for a help
    article's body, which sits right under the page title.
    """
    if top_heading == 2:
        return _render(text, _ARTICLE, 2)
    return _render(text, _BLOCK, 3)


def render_inline(text: str) -> str:
    """Short text (comments): only strong, em, code, a and del; no <p> around it."""
    return _render(text, _INLINE)


# --- plain text -----------------------------------------------------------------

_TEXT_BREAK_TAGS = frozenset(
    {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li",
     "table", "tr", "th", "td"}
)  # fmt: skip


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _TEXT_BREAK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.handle_starttag(tag, ())

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html_or_md: str, limit: int | None = None) -> str:
    """Plain text of a post (Markdown or HTML rendered by this module) for
    snippets: whitespace collapsed, cut at a word boundary with "…" so the
    result is at most ``limit`` characters. The result is NOT HTML-escaped."""
    extractor = _TextExtractor()
    extractor.feed(render_markdown(html_or_md))
    extractor.close()
    text = " ".join("".join(extractor.parts).split())
    if limit is None or len(text) <= limit:
        return text
    if limit <= 1:
        return "…"[: max(limit, 0)]
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():
        head, sep, _ = cut.rpartition(" ")
        if sep and len(head) >= limit // 2:
            cut = head
    return cut.rstrip(" ,;:.-–—") + "…"


_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def html_to_text(rendered: str) -> str:
    """Plain text of HTML this module rendered (fast: for indexing, not for display)."""
    return _SPACES.sub(" ", html.unescape(_TAGS.sub(" ", rendered or ""))).strip()
