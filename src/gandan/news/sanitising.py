"""The one sanitiser of a post's body, applied on every save whoever writes (head included).

What a writer types: basic HTML (p, br, strong, em, u, s, h2, h3, ul, ol, li, blockquote, a,
img, figure, figcaption, tables), or plain text, where a blank line starts a new paragraph
and a single line break stays a line break. Everything else is removed: scripts and styles
with their content, event attributes (onerror=…), iframes, SVG, `javascript:` and `data:`
URLs. Links keep http, https and mailto only and open with rel="noopener noreferrer"; images
keep a source only when it is one of this site's news images (/truong/<slug>/tin-tuc/anh/<id>/).
Sanitising sanitised text changes nothing.
"""

import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "u",
    "s",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
# Dropped with everything inside them, not only their tags.
CLEAN_CONTENT_TAGS = {"script", "style", "iframe", "svg", "math", "object", "embed", "template"}
LINK_SCHEMES = ("http://", "https://", "mailto:")
NEWS_IMAGE_URL = re.compile(r"^/truong/[-a-zA-Z0-9_]+/tin-tuc/anh/[0-9a-f]{8}-[0-9a-f-]{27}/$")
_BLOCK = re.compile(r"<(p|h2|h3|ul|ol|blockquote|figure|table)[\s>]")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(LINK_SCHEMES) else None
    if tag == "img" and attribute == "src":
        return value if NEWS_IMAGE_URL.match(value.strip()) else None
    return value


def _clean(text: str) -> str:
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def sanitise(text: str) -> str:
    """The body as stored: safe HTML. Text with no paragraphs of its own (plain text, or
    only inline tags) is cut into paragraphs at blank lines, single line breaks kept."""
    cleaned = _clean((text or "").replace("\r\n", "\n").strip())
    if cleaned and not _BLOCK.search(cleaned):
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", cleaned) if part.strip()]
        cleaned = _clean("".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in paragraphs))
    return cleaned


_BLOCK_END = re.compile(r"(</(?:p|h2|h3|ul|ol|li|blockquote|figure|table|thead|tbody|tr)>)(?!\n)")


def editable(body: str) -> str:
    """A stored body as the editor shows it: one block a line, not one long line of HTML."""
    return _BLOCK_END.sub("\\1\n", body).strip()


def image_sources(body: str) -> set[str]:
    """The news image URLs a sanitised body shows."""
    return set(re.findall(r'<img[^>]*\ssrc="([^"]+)"', body))
