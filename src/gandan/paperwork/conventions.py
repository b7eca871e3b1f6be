"""The writing conventions of Nghị định 30/2020 that every document follows, whoever built it.

`arrange` puts a spec in order before it is rendered (`rendering.render_docx` calls it), so a
builder in any app benefits without repeating the rules; `format_problems` lists what a
spec still does wrong, for the tests that run it over every kind of document.

The rules, each with its source:
- "Căn cứ" lines: each ends with ";"; the last with "." before the operative line of a
  decision or resolution ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"; Phụ lục III, Mẫu 1.1-1.3) and with ","
  where the next paragraph continues the sentence ("Căn cứ …, Trường … ban hành …").
- A decision's or resolution's authority line ("HIỆU TRƯỞNG TRƯỜNG …", "THẨM QUYỀN BAN HÀNH"
  in Mẫu 1.1-1.3) stands before its "Căn cứ" lines.
- The content ends with "./." (every form of Phụ lục III, Mục II).
- A list whose items end with ";" ends its last item with "." (Phụ lục I, II.9a, the same
  convention as "Kính gửi" and "Nơi nhận").
- Minutes keep "Lưu: VT, Hồ sơ." (Mẫu 1.9).
- One date style in the text of a document: where "05/8/2022" and "ngày 05 tháng 8 năm 2022"
  (the date line's form, Phụ lục I, II.4b) meet, the numeric ones are written out.
- No English dashes ("—", "–"): an em dash between words becomes ","; an en dash, as in a
  range or a compound, the hyphen with spaces of the Tiêu ngữ ("2022 - 2023", "văn hóa - xã
  hội").
- No parentheses inside parentheses: the inner pair becomes a comma.
- No product name in official text: the document is the school's, not the software's.
"""

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.vietnamese import official_date
from gandan.paperwork.document import (
    Article,
    BasisLine,
    Block,
    Bullet,
    CentredLine,
    DocType,
    DocumentSpec,
    Heading,
    Paragraph,
    Table,
)

END_MARK = "./."
MINUTES_ARCHIVE = "Lưu: VT, Hồ sơ"
PRODUCT_NAME = "Gần Dân"
OPERATIVE_LINES = ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")
DECISION_TYPES = (DocType.DECISION, DocType.RESOLUTION)

_NUMERIC_DATE = re.compile(r"(?<![\d/])([Nn]gày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_MONTH_YEAR = re.compile(r"\b([Tt])háng\s+(\d{1,2})/(\d{4})(?![\d/])")
_DASH_BETWEEN_NUMBERS = re.compile(r"(\d)\s*[–—]\s*(\d)")
_EN_DASH = re.compile(r"\s*–\s*")
# "Kế hoạch cấp trên: —." — a dash standing for a missing value after a colon.
_DASH_VALUE = re.compile(r"(:\s*)[–—](?=\s*(?:[.;,)]|$))")
_EM_DASH = re.compile(r"\s*—\s*")


def official_moment(moment: dt.datetime) -> str:
    """'14 giờ 00 phút, ngày 12 tháng 10 năm 2026' in Vietnam's time (Mẫu 1.9's start and end)."""
    local = timezone.localtime(moment)
    return f"{local:%H} giờ {local:%M} phút, {official_date(local.date())}"


def _written_date(match: re.Match) -> str:
    day, month, year = int(match.group(2)), int(match.group(3)), int(match.group(4))
    try:
        written = official_date(dt.date(year, month, day))
    except ValueError:
        return match.group(0)
    # "Ngày 05/8/2022, …" at the start of a sentence keeps its capital.
    return written.capitalize() if (match.group(1) or "").startswith("N") else written


def _month_year(match: re.Match) -> str:
    month = int(match.group(2))
    written = f"{month:02d}" if month <= 2 else str(month)
    return f"{match.group(1)}háng {written} năm {match.group(3)}"


def flatten_parentheses(text: str) -> str:
    """'(lý do: ốm (có giấy))' → '(lý do: ốm, có giấy)': one level of parentheses only."""
    out: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
            if depth > 1:
                while out and out[-1] == " ":
                    out.pop()
                out.append(", ")
                continue
        elif char == ")" and depth > 0:
            depth -= 1
            if depth >= 1:
                continue
        out.append(char)
    return "".join(out)


_WRITTEN_DATE = re.compile(r"\b(ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)


def tidy_text(text: str, *, dates: bool = True) -> str:
    """One line of official text with the conventions applied (dashes, parentheses, and with
    `dates` the numeric dates written out as the date line writes them)."""
    text = _DASH_BETWEEN_NUMBERS.sub(r"\1 - \2", text)
    if dates:
        text = _NUMERIC_DATE.sub(_written_date, text)
        text = _MONTH_YEAR.sub(_month_year, text)
    text = _DASH_VALUE.sub(r"\1không có", text)
    if text.strip()[:1] in "–—" or text.strip()[-1:] in "–—":
        # A dash standing for "none" in a cell, or hanging at either end, goes.
        text = text.strip().strip("–—").strip()
    # "Văn hóa – xã hội": the compound's hyphen with spaces; "A — B": a comma.
    text = _EN_DASH.sub(" - ", text)
    text = _EM_DASH.sub(", ", text)
    return flatten_parentheses(text)


def _block_texts(block: Block) -> list[str]:
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row]
    if isinstance(block, Heading):
        return [block.title]
    return [block.text]


def mixes_date_styles(texts: list[str]) -> bool:
    """Both "05/8/2022" and "ngày 05 tháng 8 năm 2022" in the text of one document."""
    numeric = any(_NUMERIC_DATE.search(t) or _MONTH_YEAR.search(t) for t in texts)
    return numeric and any(_WRITTEN_DATE.search(t) for t in texts)


def _tidy_block(block: Block, *, dates: bool) -> Block:
    if isinstance(block, Table):
        rows = tuple(tuple(tidy_text(cell, dates=dates) for cell in row) for row in block.rows)
        return dataclasses.replace(block, rows=rows)
    if isinstance(block, Heading):
        return dataclasses.replace(block, title=tidy_text(block.title, dates=dates))
    return dataclasses.replace(block, text=tidy_text(block.text, dates=dates))


def _with_end(text: str, end: str) -> str:
    """The text with its closing punctuation replaced by `end`."""
    return text.rstrip().rstrip(";,.:").rstrip() + end


def is_authority_line(block: Block) -> bool:
    return isinstance(block, CentredLine) and block.text.strip() not in OPERATIVE_LINES


def _authority_first(spec: DocumentSpec, body: list[Block]) -> list[Block]:
    """Mẫu 1.1-1.3: the authority line before the "Căn cứ" lines of a decision or resolution."""
    if spec.doc_type not in DECISION_TYPES:
        return body
    operative = next(
        (i for i, b in enumerate(body) if isinstance(b, CentredLine) and not is_authority_line(b)),
        len(body),
    )
    authority = next((i for i in range(operative) if is_authority_line(body[i])), None)
    if authority is None or authority == 0:
        return body
    line = body.pop(authority)
    return [line, *body]


def _punctuate_bases(body: list[Block]) -> list[Block]:
    """Each "Căn cứ" ends with ";"; the last with "," or "." (`_basis_end`)."""
    result = list(body)
    for index, block in enumerate(result):
        if not isinstance(block, BasisLine):
            continue
        following = result[index + 1] if index + 1 < len(result) else None
        result[index] = dataclasses.replace(
            block, text=_with_end(block.text, _basis_end(following))
        )
    return result


def _basis_end(following: Block | None) -> str:
    """';' between "Căn cứ" lines; ',' when the sentence goes on ("Trường … như sau:"); '.'."""
    if isinstance(following, BasisLine):
        return ";"
    if isinstance(following, Paragraph) and following.text.rstrip().endswith(":"):
        return ","
    return "."


def _close_lists(body: list[Block]) -> list[Block]:
    """A list of items ending with ";" ends its last item with "."."""
    result = list(body)
    for index, block in enumerate(result):
        following = result[index + 1] if index + 1 < len(result) else None
        if (
            isinstance(block, Bullet)
            and block.text.rstrip().endswith(";")
            and not isinstance(following, Bullet)
        ):
            result[index] = dataclasses.replace(block, text=_with_end(block.text, "."))
    return result


def _end_mark(body: list[Block]) -> list[Block]:
    """The last line of the content ends with "./."."""
    for index in range(len(body) - 1, -1, -1):
        block = body[index]
        if isinstance(block, Table):
            return body
        if isinstance(block, Paragraph | Bullet | Article):
            if not block.text.rstrip().endswith(END_MARK):
                body = list(body)
                body[index] = dataclasses.replace(block, text=_with_end(block.text, END_MARK))
            return body
    return body


def _recipients(spec: DocumentSpec) -> tuple[str, ...]:
    if spec.doc_type != DocType.MINUTES:
        return spec.recipients
    kept = [item for item in spec.recipients if not item.strip(" -;.").startswith("Lưu")]
    return (*kept, MINUTES_ARCHIVE)


def arrange(spec: DocumentSpec) -> DocumentSpec:
    """The spec with the conventions of this module applied; arranging twice changes nothing."""
    # One date style in the text: where a builder mixed "05/8/2022" with the written form (a
    # "Căn cứ Luật … ngày 11 tháng 11 năm 2011" above "Ngày 16/3/2026, …"), the written form of
    # the date line wins; a text that keeps to dd/mm/yyyy throughout is left as it is.
    texts = [spec.summary, *(text for block in spec.body for text in _block_texts(block))]
    dates = mixes_date_styles(texts)
    body = [_tidy_block(block, dates=dates) for block in spec.body]
    body = _authority_first(spec, body)
    body = _punctuate_bases(body)
    body = _close_lists(body)
    body = _end_mark(body)
    return dataclasses.replace(
        spec,
        summary=tidy_text(spec.summary, dates=dates),
        body=tuple(body),
        recipients=_recipients(spec),
        kinh_gui=tuple(tidy_text(item, dates=dates) for item in spec.kinh_gui),
    )


# The checks.


def spec_texts(spec: DocumentSpec) -> Iterator[str]:
    """Every text of the spec that prints."""
    yield spec.managing_body
    yield spec.issuing_body
    yield spec.summary
    yield from spec.kinh_gui
    yield from spec.recipients
    for signer in (spec.signer, spec.co_signer):
        if signer is not None:
            yield signer.name
            yield from signer.title_lines()
    for block in spec.body:
        if isinstance(block, Table):
            yield from (cell for row in block.rows for cell in row)
        elif isinstance(block, Heading):
            yield block.label()
        else:
            yield block.text


def _nested_parentheses(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
            if depth > 1:
                return True
        elif char == ")":
            depth = max(depth - 1, 0)
    return False


def format_problems(spec: DocumentSpec) -> list[str]:
    """What the spec does against the conventions above, in Vietnamese; empty when none."""
    problems: list[str] = []
    body = list(spec.body)
    texts = list(spec_texts(spec))
    for text in texts:
        # Case matters: "gần dân" (close to the people) is the movement's own word.
        if PRODUCT_NAME in text:
            problems.append(_("Văn bản ghi tên phần mềm: %(text)s") % {"text": text})
        if "—" in text or "–" in text:
            problems.append(_("Văn bản dùng dấu gạch dài làm dấu câu: %(text)s") % {"text": text})
        if _nested_parentheses(text):
            problems.append(_("Ngoặc đơn lồng trong ngoặc đơn: %(text)s") % {"text": text})
    if mixes_date_styles([spec.summary, *(t for block in body for t in _block_texts(block))]):
        problems.append(_("Văn bản viết ngày tháng theo hai kiểu khác nhau."))
    for index, block in enumerate(body):
        if not isinstance(block, BasisLine):
            continue
        following = body[index + 1] if index + 1 < len(body) else None
        text = block.text.rstrip()
        if not text.endswith(_basis_end(following)):
            problems.append(_("Căn cứ kết thúc sai dấu: %(text)s") % {"text": text})
    if spec.doc_type in DECISION_TYPES:
        first_basis = next((i for i, b in enumerate(body) if isinstance(b, BasisLine)), None)
        authority = next((i for i, b in enumerate(body) if is_authority_line(b)), None)
        if authority is None:
            problems.append(_("Quyết định, nghị quyết thiếu dòng thẩm quyền ban hành."))
        elif first_basis is not None and authority > first_basis:
            problems.append(_("Dòng thẩm quyền ban hành phải đứng trước các căn cứ."))
    for index, block in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if (
            isinstance(block, Bullet)
            and block.text.rstrip().endswith(";")
            and not isinstance(following, Bullet)
        ):
            problems.append(
                _("Mục cuối của danh sách phải kết thúc bằng dấu chấm: %(text)s")
                % {"text": block.text}
            )
    last = next(
        (b for b in reversed(body) if isinstance(b, Paragraph | Bullet | Article | Table)), None
    )
    if (
        last is not None
        and not isinstance(last, Table)
        and not last.text.rstrip().endswith(END_MARK)
    ):
        problems.append(_("Nội dung văn bản phải kết thúc bằng “./.”."))
    if spec.doc_type == DocType.MINUTES:
        if spec.recipient_lines()[-1] != f"- {MINUTES_ARCHIVE}.":
            problems.append(_("Biên bản phải lưu “Lưu: VT, Hồ sơ.”."))
        joined = "\n".join(b.text for b in body if isinstance(b, Paragraph | Bullet))
        for needed in ("Thời gian bắt đầu:", "kết thúc vào", "Chủ trì", "Thư ký"):
            if needed not in joined:
                problems.append(_("Biên bản thiếu “%(part)s” (Mẫu 1.9).") % {"part": needed})
    return problems
