"""The QR code of a survey's public link, as inline SVG for the printable notice.

`segno` (pure Python, no dependencies) draws it. Without it the poster shows the link in large
type instead, and says so (see the poster template).
"""

from django.utils.safestring import SafeString, mark_safe


def qr_svg(url: str, *, title: str = "") -> SafeString | None:
    """An <svg> of url's QR code (error correction M: survives a torn or dirty corner), or None
    when segno is not installed. segno escapes the title itself."""
    try:
        import segno
    except ImportError:
        return None
    code = segno.make(url, error="m", micro=False)
    # segno's own output; the only text in it is the title, which segno escapes.
    return mark_safe(
        code.svg_inline(scale=8, border=4, title=title or url, svgclass="qr-code", omitsize=True)
    )
