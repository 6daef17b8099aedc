"""What a reader sees from community.core.markup: normal Markdown, and hostile input."""

from __future__ import annotations

import base64
import html
import json
import re
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bleach._vendor import html5lib  # bleach 6 vendors html5lib; a browser-conformant parser
from factories import TEST_DATA
from flask import Flask

from community.core.markup import MARKUP_VERSION, plain_text, render_inline, render_markdown

# The policy as specified, written out independently of the module so that a
# widened allowlist there fails here.
BLOCK_ALLOWED = {
    "p": set(), "br": set(), "hr": set(), "h3": set(), "h4": set(), "h5": set(),
    "h6": set(), "blockquote": set(), "pre": set(), "ul": set(), "ol": {"start"},
    "li": set(), "table": set(), "thead": set(), "tbody": set(), "tr": set(),
    "th": set(), "td": set(), "img": {"src", "alt", "title"}, "strong": set(),
    "em": set(), "b": set(), "i": set(), "code": {"class"},
    "a": {"href", "title", "rel"}, "del": set(), "ins": set(), "sup": set(),
    "sub": set(), "kbd": set(),
}  # fmt: skip
INLINE_ALLOWED = {
    "strong": set(), "em": set(), "code": {"class"}, "a": {"href", "title", "rel"},
    "del": set(),
}  # fmt: skip
LINK_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_REL = {"nofollow", "ugc", "noopener"}


def hostile_strings_dir() -> Path:
    return TEST_DATA / "hostile-strings"


def _data_file(relative: str) -> Path:
    path = hostile_strings_dir() / relative
    # A missing data set must fail the run, never skip it.
    assert path.is_file(), f"hostile-strings data missing: {path}"
    return path


def _blns() -> list[str]:
    return json.loads(_data_file("blns/blns.json").read_text(encoding="utf-8"))


def _blns_base64() -> list[str]:
    raw = json.loads(_data_file("blns/blns.base64.json").read_text(encoding="utf-8"))
    return [base64.b64decode(item).decode("utf-8", "replace") for item in raw]


def _h5sc() -> list[str]:
    lines = _data_file("h5sc/h5sc_vectors.jsonl").read_text(encoding="utf-8").split("\n")
    rows = [json.loads(line) for line in lines if line.strip()]
    return [v for row in rows for v in (row["data"], row["data_expanded"])]


def _payload_file(name: str) -> list[str]:
    text = _data_file(f"payloadsallthethings-xss/{name}").read_bytes().decode("utf-8")
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


PAYLOAD_FILES = [
    "0xcela_event_handlers.txt", "BRUTELOGIC-XSS-JS.txt", "BRUTELOGIC-XSS-STRINGS.txt",
    "IntrudersXSS.txt", "JHADDIX_XSS.txt", "MarioXSSVectors.txt", "RSNAKE_XSS.txt",
    "XSSDetection.txt", "XSS_Polyglots.txt",
    "port_swigger_xss_cheatsheet_event_handlers.txt", "xss_alert.txt",
    "xss_alert_identifiable.txt", "xss_payloads_quick.txt", "xss_swf_fuzz.txt",
]  # fmt: skip

SOURCES = {
    "blns.json": _blns,
    "blns.base64.json": _blns_base64,
    "h5sc_vectors.jsonl": _h5sc,
    **{name: (lambda name=name: _payload_file(name)) for name in PAYLOAD_FILES},
}


def test_payload_folder_is_complete():
    present = {p.name for p in (hostile_strings_dir() / "payloadsallthethings-xss").glob("*.txt")}
    assert present == set(PAYLOAD_FILES)


# --- checking rendered output as a browser would parse it -----------------------

_NOT_URL_CHARS = re.compile(r"[\s\x00-\x1f\x7f]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# The one class a link may carry: a mention's, on a link to a member's /u/<handle> address.
_MENTION_HREF = re.compile(r"/u/[a-z0-9_.-]{3,30}")


def _squash(value: str) -> str:
    """Entities decoded (again), whitespace/control/format chars removed, lower case."""
    value = html.unescape(value)
    value = "".join(c for c in value if unicodedata.category(c) not in ("Cc", "Cf", "Zs"))
    return _NOT_URL_CHARS.sub("", value).lower()


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(_squash(url))
    return match.group(1) if match else None


def _is_external(url: str) -> bool:
    squashed = _squash(url)
    return _scheme(url) is not None or squashed.startswith(("//", "\\", "/\\"))


def problems(output: str, allowed: dict[str, set[str]]) -> list[str]:
    """Everything in rendered HTML that breaks the policy (empty list: fine)."""
    found = []
    fragment = html5lib.parseFragment(output, treebuilder="etree", namespaceHTMLElements=False)
    for el in fragment.iter():
        if el is fragment:
            continue
        tag = el.tag
        if not isinstance(tag, str):
            found.append(f"non-element node {tag!r}")
            continue
        if tag not in allowed:
            found.append(f"tag <{tag}>")
            continue
        for name, value in el.attrib.items():
            name_l = str(name).lower()
            if name_l.startswith("on"):
                found.append(f"event handler {name}= on <{tag}>")
            if name_l == "style":
                found.append(f"style= on <{tag}>")
            mention = tag == "a" and name_l == "class" and value == "mention"
            if mention and not _MENTION_HREF.fullmatch(el.get("href") or ""):
                found.append(f"mention class on a link to {el.get('href')!r}")
            if name_l not in allowed[tag] and not mention:
                found.append(f"attribute {name}= on <{tag}>")
            if "javascript:" in _squash(value):
                found.append(f"'javascript:' in {tag}[{name}]={value!r}")
        href = el.get("href")
        if href is not None:
            scheme = _scheme(href)
            if scheme is not None and scheme not in LINK_SCHEMES:
                found.append(f"href scheme {scheme!r}: {href!r}")
            if _is_external(href) and not EXTERNAL_REL <= set((el.get("rel") or "").split()):
                found.append(f"external link without rel: {href!r} rel={el.get('rel')!r}")
        if tag == "img":
            # Rendered without an app: only relative (same-site) images may load.
            src = el.get("src")
            if src is None or _is_external(src):
                found.append(f"img src {src!r}")
    return found


def _check_all(vectors: list[str], render, allowed) -> None:
    failures = []
    for vector in vectors:
        try:
            output = render(vector)
        except Exception as exc:  # noqa: BLE001 - report every failing vector
            failures.append(f"{vector!r}\n    raised {exc!r}")
            continue
        bad = problems(output, allowed)
        if bad:
            failures.append(f"{vector!r}\n    -> {output!r}\n    " + "; ".join(bad))
    assert not failures, f"{len(failures)} of {len(vectors)} vectors:\n" + "\n".join(failures[:30])


@pytest.mark.parametrize("source", list(SOURCES))
def test_hostile_vectors_render_markdown(source):
    vectors = SOURCES[source]()
    assert vectors, source
    _check_all(vectors, render_markdown, BLOCK_ALLOWED)


@pytest.mark.parametrize("source", list(SOURCES))
def test_hostile_vectors_render_inline(source):
    vectors = SOURCES[source]()
    _check_all(vectors, render_inline, INLINE_ALLOWED)


def test_blns_never_raises_and_plain_text_is_plain():
    for s in _blns() + _blns_base64():
        out = render_markdown(s)
        assert isinstance(out, str)
        assert isinstance(render_inline(s), str)
        text = plain_text(s, limit=50)
        assert len(text) <= 50
        assert text == " ".join(text.split())  # whitespace collapsed


def test_checker_catches_bad_html():
    """The checker itself must see the problems it is meant to find."""
    assert problems('<a href="jav&#x09;ascript:alert(1)">x</a>', BLOCK_ALLOWED)
    assert problems('<p onclick="x">x</p>', BLOCK_ALLOWED)
    assert problems('<p style="color:red">x</p>', BLOCK_ALLOWED)
    assert problems("<script>alert(1)</script>", BLOCK_ALLOWED)
    assert problems('<a href="https://x.com">x</a>', BLOCK_ALLOWED)  # no rel
    assert problems('<img src="data:image/png;base64,AA">', BLOCK_ALLOWED)
    assert problems('<img src="https://tracker.example/p.png">', BLOCK_ALLOWED)
    assert problems('<img src="//tracker.example/p.png">', BLOCK_ALLOWED)
    assert problems("<p>x</p>", INLINE_ALLOWED)
    assert problems('<svg><a href="#">x</a></svg>', BLOCK_ALLOWED)
    assert not problems('<p><a href="/faq">x</a> <code class="language-py">y</code></p>', BLOCK_ALLOWED)
    assert problems('<a href="https://evil.example/" class="mention" rel="nofollow ugc noopener">x</a>', BLOCK_ALLOWED)
    assert problems('<a href="/u/lea" class="other">x</a>', BLOCK_ALLOWED)
    assert not problems('<a href="/u/lea_martin" class="mention">@lea_martin</a>', INLINE_ALLOWED)


# --- normal Markdown ------------------------------------------------------------


def _parse(output: str):
    return html5lib.parseFragment(output, treebuilder="etree", namespaceHTMLElements=False)


def _text(el) -> str:
    return "".join(el.itertext())


def test_markup_version_is_an_int():
    assert isinstance(MARKUP_VERSION, int) and MARKUP_VERSION >= 1


def test_empty_input():
    assert render_markdown("") == ""
    assert render_markdown("  \n\n ") == ""
    assert render_inline("") == ""
    assert plain_text("") == ""


def test_emphasis_and_paragraphs():
    out = render_markdown("Hello *world* and **friends**, `x < y`.\n\nSecond para.")
    assert out == (
        "<p>Hello <em>world</em> and <strong>friends</strong>, <code>x &lt; y</code>.</p>\n<p>Second para.</p>"
    )


def test_lists():
    out = render_markdown("- one\n- two\n\n3. three\n4. four")
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in out
    assert '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>' in out


def test_headings_continue_the_page_outline_without_skipping_a_level():
    out = render_markdown("# Title\n\n## Section\n\n#### Deep\n\n###### Deepest")
    assert out == "<h3>Title</h3>\n<h4>Section</h4>\n<h5>Deep</h5>\n<h6>Deepest</h6>"
    assert render_markdown("## Étapes\n\n#### Détail") == "<h3>Étapes</h3>\n<h4>Détail</h4>"
    # a help article's body sits right under the page title
    assert render_markdown("## Étapes\n\n### Détail", top_heading=2) == "<h2>Étapes</h2>\n<h3>Détail</h3>"
    assert "<h2" not in render_markdown("<h2>Big</h2>")
    # raw h1 typed by the user: tag stripped, text kept
    assert "<h1" not in render_markdown("<h1>Big</h1>")
    assert "Big" in render_markdown("<h1>Big</h1>")


def test_fenced_code_keeps_language_class_and_is_not_linkified():
    out = render_markdown("```python\nprint('<b>') # https://example.com\n```")
    assert out == ("<pre><code class=\"language-python\">print('&lt;b&gt;') # https://example.com\n</code></pre>")
    # a class that is not a plain language name is dropped
    out = render_markdown('<code class="x onclick">c</code>')
    assert "class" not in out


def test_tables_without_style():
    out = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    table = _parse(out).find("table")
    assert [_text(th) for th in table.iter("th")] == ["a", "b"]
    assert [_text(td) for td in table.iter("td")] == ["1", "2"]
    assert "style" not in out and "align" not in out


def test_links_outside_get_rel_inside_do_not_need_it():
    out = render_markdown(
        "[ext](https://example.com/a?b=1&c=2) [rel](/faq) [anchor](#top) "
        "[proto](//cdn.example.com/x) [mail](mailto:help@example.com)"
    )
    links = {_text(a): a for a in _parse(out).iter("a")}
    assert links["ext"].get("href") == "https://example.com/a?b=1&c=2"
    assert links["ext"].get("rel") == "nofollow ugc noopener"
    assert links["proto"].get("rel") == "nofollow ugc noopener"
    assert links["rel"].get("href") == "/faq" and links["rel"].get("rel") is None
    assert links["anchor"].get("href") == "#top"
    assert links["mail"].get("href") == "mailto:help@example.com"
    assert not problems(out, BLOCK_ALLOWED)


def test_bare_urls_are_linkified():
    out = render_markdown("see https://example.com/x?y=1 or www.example.org, thanks")
    links = list(_parse(out).iter("a"))
    assert [a.get("href") for a in links] == ["https://example.com/x?y=1", "http://www.example.org"]
    assert all(a.get("rel") == "nofollow ugc noopener" for a in links)
    # already a link: not linkified twice
    assert render_markdown("[https://a.example.com](https://a.example.com)").count("<a ") == 1


def test_images_same_site_only_others_become_links():
    out = render_markdown(
        '![ok](https://img.example.com/a.png "t") ![plain](http://x.example.com/b.png) '
        "![js](javascript:alert(1)) ![data](data:image/png;base64,AAAA) ![rel](/static/c.png)"
    )
    imgs = list(_parse(out).iter("img"))
    assert [(i.get("alt"), i.get("src")) for i in imgs] == [("rel", "/static/c.png")]
    links = {_text(a): a for a in _parse(out).iter("a")}
    assert links.keys() == {"ok", "plain"}
    assert links["ok"].get("href") == "https://img.example.com/a.png" and links["ok"].get("title") == "t"
    assert links["plain"].get("href") == "http://x.example.com/b.png"
    assert all(a.get("rel") == "nofollow ugc noopener" for a in links.values())
    assert "js" not in out and "data" not in out


# --- images: same site and MARKUP_IMAGE_HOSTS only --------------------------------


@pytest.fixture
def site():
    """An app context: the site is ``localhost``; img.example.com and cdn.example.org are allowed."""
    app = Flask(__name__)
    app.config.update(SERVER_NAME="localhost", MARKUP_IMAGE_HOSTS=["img.example.com", "CDN.Example.org"])
    with app.app_context():
        yield app


def _images(out: str) -> list[str]:
    return [img.get("src") for img in _parse(out).iter("img")]


def _links(out: str) -> list[tuple[str, str, str]]:
    return [(a.get("href"), a.get("rel"), _text(a)) for a in _parse(out).iter("a")]


def test_image_from_another_host_is_a_link_showing_its_alt_or_url():
    out = render_markdown("![a](https://tracker.example/pixel.png) ![](https://tracker.example/p2.png)")
    assert _images(out) == []
    assert _links(out) == [
        ("https://tracker.example/pixel.png", "nofollow ugc noopener", "a"),
        ("https://tracker.example/p2.png", "nofollow ugc noopener", "https://tracker.example/p2.png"),
    ]
    assert not problems(out, BLOCK_ALLOWED)
    assert plain_text("![Le routeur](https://tracker.example/pixel.png)") == "Le routeur"


@pytest.mark.parametrize("src", ["/static/img/logo.png", "/kb/media/box.png", "img/box.png", "../box.png?v=2"])
def test_relative_image_stays_an_image(src):
    assert _images(render_markdown(f"![a]({src})")) == [src]


@pytest.mark.parametrize(
    "source",
    [
        "![a](//evil.example/x.png)",
        '<img src="//evil.example/x.png" alt="a">',
        '<img src="\\\\evil.example/x.png" alt="a">',
        '<img src="/\\evil.example/x.png" alt="a">',
        '<img src="\\/evil.example/x.png" alt="a">',
        '<img src=" \t//evil.example/x.png" alt="a">',
        '<img src="/&#x2F;evil.example/x.png" alt="a">',
        '<img src="https://tracker.example/p.png" alt="a">',
        '<IMG SRC="HTTPS://TRACKER.EXAMPLE/P.PNG" ALT="a">',
        "![a](HtTpS://tracker.example/x.png)",
    ],
)
def test_protocol_relative_raw_html_and_uppercase_images_from_elsewhere_are_links(source):
    for out in (render_markdown(source), _render_on_site(source)):
        assert _images(out) == [], out
        assert [(rel, text) for _, rel, text in _links(out)] == [("nofollow ugc noopener", "a")], out
        assert not problems(out, BLOCK_ALLOWED), out


def _render_on_site(source: str) -> str:
    app = Flask(__name__)
    app.config.update(SERVER_NAME="localhost", MARKUP_IMAGE_HOSTS=["img.example.com"])
    with app.app_context():
        return render_markdown(source)


@pytest.mark.parametrize(
    "src",
    [
        "https://localhost/x.png",
        "http://localhost/x.png",
        "HTTPS://LOCALHOST/x.png",
        "//localhost/x.png",
        "https://localhost",
        "https://localhost?x=1",
        "https://img.example.com/a.png",
        "https://IMG.example.com/a.png",
        "https://cdn.example.org/a.png",
    ],
)
def test_site_host_and_allowed_hosts_stay_images(site, src):
    assert _images(render_markdown(f"![a]({src})")) == [src]
    assert _images(render_markdown(f'<img src="{src}" alt="a">')) == [src]


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example@localhost/x.png",
        "https://localhost@evil.example/x.png",
        "https://localhost:@evil.example/x.png",
        "https://localhost&#64;evil.example/x.png",
        "https://localhost%40evil.example/x.png",
        "https://localhost\\@evil.example/x.png",
        "https://localhost\\.evil.example/x.png",
        "https://localhost.evil.example/x.png",
        "https://localhost./x.png",
        "https://evil.example/localhost/x.png",
        "https://evil.example/?https://localhost/x.png",
        "https://localhost:8080/x.png",
        "https://localhost:/x.png",
        "https://img.example.com.evil.example/a.png",
        "https://evil.example#https://img.example.com/a.png",
        "https://loc&#x3002;alhost/x.png",
        "https://loc\u3002alhost/x.png",
        "https://loc\u00adalhost/x.png",
        "https:localhost/x.png",
        "https:/localhost/x.png",
        "https:///localhost/x.png",
        "https://[::1]/x.png",
    ],
)
def test_tricky_addresses_are_not_taken_for_the_site(site, src):
    out = render_markdown(f'<img src="{src}" alt="a">')
    assert _images(out) == [], out
    [(href, rel, text)] = _links(out)
    assert rel == "nofollow ugc noopener" and text == "a", out
    assert _scheme(href) in ("http", "https"), out


def test_server_name_with_a_port_is_compared_with_its_port():
    app = Flask(__name__)
    app.config["SERVER_NAME"] = "entraide.example.com:8443"
    with app.app_context():
        assert _images(render_markdown("![a](https://entraide.example.com:8443/x.png)")) != []
        assert _images(render_markdown("![a](https://entraide.example.com/x.png)")) == []


def test_allowed_hosts_may_be_written_as_one_string():
    app = Flask(__name__)
    app.config["MARKUP_IMAGE_HOSTS"] = "img.example.com, cdn.example.org"
    with app.app_context():
        out = render_markdown("![a](https://img.example.com/a.png) ![b](https://cdn.example.org/b.png)")
    assert _images(out) == ["https://img.example.com/a.png", "https://cdn.example.org/b.png"]


def test_request_host_is_not_trusted_for_images():
    app = Flask(__name__)  # no SERVER_NAME: only relative images are the site's
    with app.test_request_context("/", base_url="https://evil.example/"):
        out = render_markdown("![a](https://evil.example/x.png) ![b](/static/b.png)")
    assert _images(out) == ["/static/b.png"]
    assert _links(out) == [("https://evil.example/x.png", "nofollow ugc noopener", "a")]


def test_images_outside_an_app_are_relative_only():
    assert _images(render_markdown("![a](https://localhost/x.png) ![b](/x.png)")) == ["/x.png"]


def test_image_from_elsewhere_inside_a_link_leaves_only_its_text():
    out = render_markdown("[![build passing](https://ci.example/badge.svg)](https://ci.example/job)")
    assert _images(out) == []
    assert _links(out) == [("https://ci.example/job", "nofollow ugc noopener", "build passing")]
    out = render_markdown("[![logo](/static/logo.png)](/faq)")
    assert _images(out) == ["/static/logo.png"]


def test_image_turned_link_keeps_text_inert():
    out = render_markdown(
        '![<script>alert(1)</script> & "q"](https://evil.example/x.png "t") '
        '<img src="https://evil.example/y.png" alt="javascript:alert(1)" title="javascript:alert(2)">'
        '<img src="https://evil.example/z.png?a=1&amp;b=<2>" onerror="alert(3)">'
    )
    assert not problems(out, BLOCK_ALLOWED), out
    assert "<script" not in out and "onerror" not in out and "alert(2)" not in out and "alert(3)" not in out
    links = _links(out)
    assert [href for href, _, _ in links] == [
        "https://evil.example/x.png",
        "https://evil.example/y.png",
        "https://evil.example/z.png?a=1&b=<2>",
    ]
    assert links[1][2] == "https://evil.example/y.png"  # alt with a script URL dropped: the URL shows
    assert links[2][2] == "https://evil.example/z.png?a=1&b=<2>"


def test_images_disallowed_in_inline_text():
    out = render_inline("see ![a](https://tracker.example/p.png) and ![b](/static/b.png)")
    assert "<img" not in out and not problems(out, INLINE_ALLOWED)


def test_image_policy_follows_each_thread_app():
    def render(server_name):
        app = Flask(__name__)
        app.config["SERVER_NAME"] = server_name
        with app.app_context():
            return _images(render_markdown(f"![a](https://{server_name}/x.png)"))

    names = [f"site{i}.example" for i in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(render, names)) == [[f"https://{n}/x.png"] for n in names]


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;vascript&colon;alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="jav\tascript:alert(1)">x</a>',
        '<a href="&#14;  javascript:alert(1)">x</a>',
        '<a href="java\u200bscript:alert(1)">x</a>',
        "<a href='javascript&#0000058alert(1)'>x</a>",
        '<a href="https://ok.example.com/?q=javascript:alert(1)">x</a>',
        '[x](https://ok.example.com "javascript:alert(1)")',
    ],
)
def test_obfuscated_script_urls_lose_their_href(source):
    out = render_markdown(source)
    assert not problems(out, BLOCK_ALLOWED), out
    for a in _parse(out).iter("a"):
        assert a.get("href") is None or _scheme(a.get("href")) in {"http", "https"}
    assert "x" in plain_text(source)


def test_raw_html_is_inert():
    out = render_markdown(
        "Hi <script>alert('x')</script><style>body{display:none}</style>"
        '<b onmouseover="alert(1)">bold</b> <kbd>Ctrl</kbd>+<kbd>C</kbd> '
        '<iframe src="https://evil.example.com">frame text</iframe>'
        '<div style="color:red" onclick="alert(1)">div text</div>'
        '<form action="/x"><input value="v"><button>btn</button></form>'
        "<svg><text>svg text</text></svg><math><mi>m</mi></math>"
        "<!-- comment --> <del>old</del> <ins>new</ins> x<sup>2</sup> H<sub>2</sub>O"
    )
    assert not problems(out, BLOCK_ALLOWED), out
    assert "alert" not in out and "display:none" not in out
    assert "frame text" not in out and "svg text" not in out and "comment" not in out
    assert "<b>bold</b>" in out and "<kbd>Ctrl</kbd>+<kbd>C</kbd>" in out
    assert "div text" in out and "btn" in out
    assert "<del>old</del> <ins>new</ins> x<sup>2</sup> H<sub>2</sub>O" in out


def test_html_looking_text_in_code_is_shown_escaped():
    out = render_markdown("Use `<script>` tags:\n\n    <img src=x onerror=alert(1)>")
    assert "<code>&lt;script&gt;</code>" in out
    assert "<pre><code>&lt;img src=x onerror=alert(1)&gt;\n</code></pre>" in out


def test_render_inline():
    out = render_inline("**bold** _it_ `c` [l](https://example.com) <del>d</del>")
    assert out == (
        "<strong>bold</strong> <em>it</em> <code>c</code> "
        '<a href="https://example.com" rel="nofollow ugc noopener">l</a> <del>d</del>'
    )
    out = render_inline("# Title\n\n- item\n\n![i](https://example.com/i.png)\n\n> q")
    assert not problems(out, INLINE_ALLOWED), out
    assert "Title" in out and "item" in out and "q" in out
    assert not out.startswith("<p>")


def test_plain_text_from_markdown_and_html():
    md = "# Title\n\nSome **bold** text &amp; a [link](https://example.com).\n\n- a\n- b"
    assert plain_text(md) == "Title Some bold text & a link. a b"
    rendered = render_markdown(md)
    assert plain_text(rendered) == "Title Some bold text & a link. a b"
    assert plain_text("<p>x &lt;script&gt;</p><script>alert(1)</script>") == "x <script>"
    assert plain_text("| a | b |\n|---|---|\n| 1 | 2 |") == "a b 1 2"
    assert plain_text("line one<br>line two") == "line one line two"


def test_plain_text_truncates_at_word_boundary():
    text = "Le service client répond en moins de vingt-quatre heures ouvrées."
    assert plain_text(text, limit=200) == text
    assert plain_text(text, limit=len(text)) == text
    assert plain_text(text, limit=30) == "Le service client répond en…"
    assert plain_text(text, limit=26) == "Le service client répond…"
    for limit in range(1, len(text)):
        cut = plain_text(text, limit=limit)
        assert len(cut) <= limit and cut.endswith("…")
        assert text.startswith(cut[:-1])
    assert plain_text("x" * 100, limit=10) == "x" * 9 + "…"  # one long word: hard cut
    assert plain_text("abc", limit=0) == ""


# --- robustness and speed -------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "- " * 2000 + "deep list",
        "1. " * 2000 + "deep list",
        "> " * 3000 + "deep quote",
        "<div>" * 5000 + "deep div",
        "[" * 20000,
        "![" * 10000,
        "\x00\x01\x02wzxhzdk:0\x03\ud800\udfff text",
        "word " * 40000,
    ],
    ids=["list", "olist", "quote", "div", "brackets", "images", "controls", "long"],
)
def test_pathological_input_is_fast_and_safe(source):
    start = time.perf_counter()
    out = render_markdown(source)
    inline = render_inline(source)
    assert time.perf_counter() - start < 5
    assert not problems(out, BLOCK_ALLOWED)
    assert not problems(inline, INLINE_ALLOWED)
    assert "\x00" not in out and "\ud800" not in out


def test_links_still_work_below_the_bracket_limit():
    out = render_markdown("[a](https://example.com) " + "[x] " * 100)
    assert '<a href="https://example.com" rel="nofollow ugc noopener">a</a>' in out


def test_threads_get_the_same_output():
    sources = [f"**{i}** [l{i}](https://example.com/{i})\n\n- a\n- b" for i in range(200)]
    expected = [render_markdown(s) for s in sources]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(render_markdown, sources)) == expected


def test_rejects_non_text():
    with pytest.raises(TypeError):
        render_markdown(b"bytes")  # type: ignore[arg-type]


# --- mentions -------------------------------------------------------------------


@pytest.mark.parametrize("render", [render_markdown, render_inline], ids=["block", "inline"])
def test_a_mention_links_to_the_members_address(render):
    out = render("Merci @Lea_Martin, et bonjour @marc.dubreuil.")
    assert '<a href="/u/lea_martin" class="mention">@Lea_Martin</a>,' in out
    assert '<a href="/u/marc.dubreuil" class="mention">@marc.dubreuil</a>.' in out
    assert not problems(out, BLOCK_ALLOWED if render is render_markdown else INLINE_ALLOWED)


@pytest.mark.parametrize(
    "source",
    [
        "Écrivez à lea@example.com",
        "`@lea_martin` dans le code",
        "```\n@lea_martin\n```",
        "[voir @lea_martin](https://example.com/page)",
        "https://example.com/@lea_martin",
        "trop court : @ab",
        "double @@lea_martin",
    ],
    ids=["email", "code", "fenced", "inside-link", "url-path", "too-short", "double-at"],
)
def test_what_is_not_a_mention_is_left_alone(source):
    assert 'class="mention"' not in render_markdown(source)


def test_a_typed_mention_link_cannot_smuggle_the_class_or_a_script():
    out = render_markdown('<a class="mention" href="javascript:alert(1)">@x</a> @<script>alert(1)</script>lea_martin')
    assert not problems(out, BLOCK_ALLOWED), out
    assert "javascript" not in out and "<script" not in out
