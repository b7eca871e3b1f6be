"""Property-based tests: generated and damaged references inside ordinary Vietnamese text."""

import datetime as dt
import itertools
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from gandan.legal.references import LAW_NAMES, find_references

# (type as normalised, its abbreviation in a symbol; công văn has none)
TYPES = [
    ("Nghị định", "NĐ"),
    ("Nghị quyết", "NQ"),
    ("Thông tư", "TT"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Kế hoạch", "KH"),
    ("Kế hoạch liên tịch", "KHLT"),
    ("Hướng dẫn", "HD"),
    ("Kết luận", "KL"),
    ("Chương trình phối hợp", "CTr"),
    ("Chương trình hành động", "CTr"),
    ("Quy chế", "QC"),
    ("Quy định", "QĐi"),
    ("Thông báo", "TB"),
    ("Công văn", None),
]
ISSUERS = [
    "UBND thành phố",
    "Ủy ban nhân dân xã Thành Tô",
    "Bộ Giáo dục và Đào tạo",
    "Bộ trưởng Bộ Giáo dục và Đào tạo",
    "Ban Thường vụ Thành ủy",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Sở GD&ĐT",
    "Ban Dân vận Thành ủy và Ban Cán sự đảng Ủy ban nhân dân thành phố",
]
PREFIXES = [
    "",
    "Căn cứ ",
    "· Tiếp tục thực hiện hiệu quả ",
    "Triển khai thực hiện quy chế dân chủ ở cơ sở theo quy định: ",
    "theo tinh thần ",
    "(",
]
SUFFIXES = [
    "",
    ";",
    ".",
    ")",
    " về việc tiếp tục thực hiện quy chế dân chủ ở cơ sở;",
    " ban hành Quy chế công tác dân vận.",
    ", đồng thời báo cáo kết quả.",
    "\nII. NHIỆM VỤ TRỌNG TÂM",
    " “Dân vận khéo”.",
]
LETTERS = "ABCDĐEGHKLMNPQRSTUVXY"

segments = st.text(alphabet=LETTERS, min_size=2, max_size=8)
issuer_groups = st.lists(
    st.one_of(segments, st.builds(lambda a, b: f"{a}&{b}", segments, segments)),
    min_size=1,
    max_size=3,
)


@dataclass(frozen=True)
class Cited:
    """A generated citation: what is written, and what the parser must report."""

    written: str
    type: str
    number: str | None
    year: int | None
    symbol: str
    date: dt.date | None
    issuer: str | None


def _write_date(day: dt.date, style: int) -> str:
    if style == 0:
        return f"ngày {day.day:02d}/{day.month:02d}/{day.year}"
    if style == 1:
        return f"ngày {day.day}/{day.month}/{day.year}"
    if style == 2:
        return f"ngày {day.day} tháng {day.month:02d} năm {day.year}"
    return f"ngày {day.day:02d}.{day.month:02d}.{day.year}"


def _damage_dashes(symbol: str, draw) -> str:
    """Each dash may gain a space after it or become an en dash: what Word and typists do."""
    out = []
    for char in symbol:
        if char == "-":
            out.append(draw(st.sampled_from(["-", "- ", "–", "—"])))
        else:
            out.append(char)
    return "".join(out)


@st.composite
def citations(draw, *, damaged: bool = True) -> Cited:
    type_, abbr = draw(st.sampled_from(TYPES))
    groups = draw(issuer_groups)
    party = abbr is not None and draw(st.booleans())
    if party:
        symbol = f"{abbr}/" + "-".join(groups)
        year = None
    else:
        symbol = "-".join([abbr, *groups] if abbr else groups)
        year = draw(st.none() | st.integers(1990, 2030))
    value = draw(st.integers(1, 9999))
    number = draw(st.sampled_from([str(value), f"{value:02d}", f"{value:03d}"]))
    missing_number = damaged and not party and draw(st.integers(0, 9)) == 0
    written_symbol = _damage_dashes(symbol, draw) if damaged else symbol
    if party:
        dash = draw(st.sampled_from(["-", "- ", "–"])) if damaged else "-"
        numbered = f"{number}{dash}{written_symbol}"
    else:
        head = "" if missing_number else number
        numbered = "/".join([head, *([str(year)] if year else []), written_symbol])
    with_so = missing_number or draw(st.booleans())
    type_word = type_
    if damaged and draw(st.booleans()):
        type_word = type_[0].lower() + type_[1:]
    written = f"{type_word} số {numbered}" if with_so else f"{type_word} {numbered}"
    if missing_number:
        written = f"{type_word} số{numbered}"
    day = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    if day:
        written += " " + _write_date(day, draw(st.integers(0, 3)))
    issuer = draw(st.none() | st.sampled_from(ISSUERS))
    if issuer:
        written += f" của {issuer}"
    return Cited(
        written,
        type_,
        None if missing_number else number,
        year,
        symbol,
        day,
        issuer,
    )


def _fields(ref):
    return (ref.type, ref.number, ref.year, ref.symbol, ref.date, ref.issuer)


def _expected(cited: Cited):
    return (cited.type, cited.number, cited.year, cited.symbol, cited.date, cited.issuer)


@given(citations(), st.sampled_from(PREFIXES), st.sampled_from(SUFFIXES))
def test_a_generated_citation_is_recovered_field_by_field(cited, prefix, suffix):
    # given
    text = prefix + cited.written + suffix

    # when
    found = find_references(text)

    # then
    assert [_fields(ref) for ref in found] == [_expected(cited)]
    assert found[0].text == cited.written
    assert found[0].start == len(prefix)


@given(st.data())
def test_damage_does_not_change_the_fields(data):
    # given: the same citation written cleanly and with damaged dashes
    cited = data.draw(citations(damaged=False))
    damaged = cited.written
    for clean, broken in (("-", "- "), ("-", "–")):
        if data.draw(st.booleans()):
            damaged = damaged.replace(clean, broken)

    # when
    clean_refs = find_references(cited.written)
    damaged_refs = find_references(damaged)

    # then
    assert [_fields(ref) for ref in damaged_refs] == [_fields(ref) for ref in clean_refs]
    assert [_fields(ref) for ref in clean_refs] == [_expected(cited)]


@given(st.lists(citations(), min_size=2, max_size=6), st.sampled_from(["; ", ", ", "; và ", "\n"]))
def test_a_list_of_citations_is_found_in_order(cited_list, separator):
    # given
    text = "Căn cứ " + separator.join(cited.written for cited in cited_list) + "."

    # when
    found = find_references(text)

    # then
    assert [_fields(ref) for ref in found] == [_expected(cited) for cited in cited_list]
    assert [ref.text for ref in found] == [cited.written for cited in cited_list]


@given(
    st.sampled_from([(law_type, name) for law_type, names in LAW_NAMES.items() for name in names]),
    st.booleans(),
    st.sampled_from(PREFIXES),
    st.sampled_from([";", ".", " nhằm bảo đảm quyền của công dân.", ", gắn với", ""]),
)
def test_a_law_cited_by_name_is_found(law, lower, prefix, suffix):
    # given
    law_type, name = law
    written_name = name[0].lower() + name[1:] if lower else name
    text = f"{prefix}{law_type} {written_name}{suffix}"

    # when
    found = find_references(text)

    # then
    assert [(ref.type, ref.name, ref.number, ref.symbol) for ref in found] == [
        (law_type, name, None, None)
    ]
    assert found[0].text == f"{law_type} {written_name}"


# Type words appear only inside fixed phrases, never right before a number: "kế hoạch 12/2020"
# would be a citation.
ORDINARY_WORDS = (
    "tổ chức",
    "thực hiện tốt",
    "công tác dân vận",
    "của chính quyền",
    "cán bộ, công chức, viên chức",
    "người lao động",
    "năm",
    "giai đoạn",
    "ngày",
    "tháng",
    "phong trào thi đua",
    "Dân vận khéo",
    "pháp luật của Nhà nước",
    "quy chế dân chủ ở cơ sở",
    "kế hoạch tổ chức",
    "chương trình tổng thể",
    "thông tin",
    "Sở Giáo dục và Đào tạo",
    "UBND",
    "COVID-19",
    "ISO",
    "TCVN",
)
ordinary_tokens = st.one_of(
    st.sampled_from(ORDINARY_WORDS),
    st.integers(0, 9999).map(str),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(lambda d: f"{d:%d/%m/%Y}"),
    st.sampled_from([",", ";", ".", "-", "–", "/", "“", "”", "(", ")"]),
)


@given(st.lists(ordinary_tokens, max_size=40))
def test_ordinary_text_with_numbers_and_dates_cites_nothing(tokens):
    # given
    text = " ".join(tokens)

    # when / then
    assert find_references(text) == []


@given(st.text(max_size=300))
def test_any_text_gives_exact_ordered_non_overlapping_spans(text):
    # when
    found = find_references(text)

    # then
    for ref in found:
        assert ref.text == ref.text.strip()
        assert ref.start < ref.end
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@given(st.lists(st.one_of(citations().map(lambda c: c.written), st.sampled_from(PREFIXES))))
def test_spans_index_the_text(parts):
    # given
    text = " ".join(parts)

    # when
    found = find_references(text)

    # then
    assert all(text[ref.start : ref.end] == ref.text for ref in found)
