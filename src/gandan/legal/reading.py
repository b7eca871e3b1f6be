"""Plain text of a .txt or .docx file, cleaned of conversion debris, for the reference parser."""

import re
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

# Word-to-text converters leave "[bookmark: bookmark13]" and the like in the text.
_DEBRIS = re.compile(r"\[(?:bookmark|anchor|image)\s*:[^\]]*\]", re.IGNORECASE)


class UnreadableFile(Exception):
    """The file cannot be read as text: missing, of another type, or damaged."""


def strip_debris(text: str) -> str:
    return _DEBRIS.sub("", text)


def read_text(path: str | Path) -> str:
    """The text of a .txt (UTF-8) or .docx file: one paragraph or table cell per line."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile(f"no such file: {path}")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"not UTF-8: {path}") from error
        return strip_debris(text.replace("\r\n", "\n").replace("\r", "\n"))
    if suffix == ".docx":
        try:
            document = docx.Document(str(path))
        except (PackageNotFoundError, KeyError, ValueError) as error:
            raise UnreadableFile(f"not a Word document: {path}") from error
        return strip_debris("\n".join(_docx_lines(document)))
    raise UnreadableFile(f"unsupported file type: {path.suffix or path.name}")


def _docx_lines(container) -> list[str]:
    """Paragraphs and table cells in document order; a merged cell is read once."""
    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            seen: set[int] = set()
            for row in block.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    lines.extend(_docx_lines(cell))
    return lines
