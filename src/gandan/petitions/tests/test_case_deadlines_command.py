"""`gandan case_deadlines`: every kind across Tết, swapped Saturdays, variants and 1/7/2026.

Every expected date is computed by hand from LAW.md's step tables and the official calendar
(seeded by worktime): Tết 2025 off Sat 25/01 – Sun 02/02; Sat 26/04/2025 worked, 30/4 – 04/5/2025
off; Giỗ Tổ 2025 Mon 07/04; Tết 2026 off Sat 14/02 – Sun 22/02; Giỗ Tổ 2026 Sun 26/04 made up
Mon 27/04; Sat 22/08/2026 worked, 29/08 – 02/09/2026 off. "n ngày": event + n, moved to the next
working day; "n ngày làm việc": the n-th working day after the event. Each expected date carries
its weekday, checked too, so a slip in the hand computation shows.
"""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

CAL = "calendar_day"
WD = "working_day"


def run(*args: str) -> list[dict]:
    out = StringIO()
    call_command("case_deadlines", *args, stdout=out)
    return json.loads(out.getvalue())


def dues(rows: list[dict]) -> dict[str, str | None]:
    return {row["step"]: row["due"] for row in rows}


def day(text: str | None) -> str | None:
    """'2025-02-03 Mon' → '2025-02-03', after checking the weekday written next to it."""
    if text is None:
        return None
    iso, weekday = text.split()
    assert dt.date.fromisoformat(iso).strftime("%a") == weekday, text
    return iso


KN_FIRST_NULLS = {
    "thoi_hieu": None,
    "gui_quyet_dinh": None,
    "khieu_nai_lan_hai": None,
    "hieu_luc": None,
}
# From 1/7/2026, and for the cases received before and not yet decided then (NĐ 155/2026
# Điều 22 k1, the transition clause): the suspension and resumption decisions are sent.
KN_2026_NULLS = {"gui_quyet_dinh_tam_dinh_chi": None, "gui_quyet_dinh_tiep_tuc": None}
TC_NULLS = {
    "gui_ket_luan": None,
    "xu_ly_ket_luan": None,
    "cong_khai_ket_luan": None,
    "gui_quyet_dinh_tam_dinh_chi": None,
}

CASES = [
    # -- khiếu nại, lần đầu: Tết 2025 --------------------------------------------------------
    pytest.param(
        "--kind khieu_nai --received 2025-01-16 --accepted 2025-02-03",
        {
            # Thu 16/01 + 10 = Sun 26/01, in the Tết break → Mon 03/02
            "thu_ly": "2025-02-03 Mon",
            # Mon 03/02 + 30 = Wed 05/03
            "giai_quyet": "2025-03-05 Wed",
            # Điều 33: 30 days after the resolution period ran out: Wed 05/03 + 30 = Fri 04/04
            "khieu_nai_lan_hai_khi_qua_han": "2025-04-04 Fri",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-tet-2025",
    ),
    pytest.param(
        "--kind khieu_nai --received 2025-01-16 --accepted 2025-02-03 --complex",
        {
            "thu_ly": "2025-02-03 Mon",
            # complex ≤ 45: Mon 03/02 + 45 = Thu 20/03
            "giai_quyet": "2025-03-20 Thu",
            # Thu 20/03 + 30 = Sat 19/04 → Mon 21/04
            "khieu_nai_lan_hai_khi_qua_han": "2025-04-21 Mon",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-tet-2025-complex",
    ),
    pytest.param(
        "--kind khieu_nai --received 2025-01-16 --accepted 2025-02-03 --remote",
        {
            "thu_ly": "2025-02-03 Mon",
            # remote 45: Thu 20/03
            "giai_quyet": "2025-03-20 Thu",
            # remote 45: Thu 20/03 + 45 = Sun 04/05, end of the 30/4 – 4/5 break → Mon 05/05
            "khieu_nai_lan_hai_khi_qua_han": "2025-05-05 Mon",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-tet-2025-remote",
    ),
    pytest.param(
        "--kind khieu_nai --received 2025-01-16 --accepted 2025-02-03 --remote --complex",
        {
            "thu_ly": "2025-02-03 Mon",
            # remote complex ≤ 60: Mon 03/02 + 60 = Fri 04/04
            "giai_quyet": "2025-04-04 Fri",
            # Fri 04/04 + 45 = Mon 19/05
            "khieu_nai_lan_hai_khi_qua_han": "2025-05-19 Mon",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-tet-2025-remote-complex",
    ),
    # -- khiếu nại: Tết 2026 and Giỗ Tổ 2026 ---------------------------------------------------
    pytest.param(
        "--kind khieu_nai --received 2026-02-09 --accepted 2026-03-27",
        {
            # Mon 09/02 + 10 = Thu 19/02, mùng 3 Tết → Mon 23/02
            "thu_ly": "2026-02-23 Mon",
            # Fri 27/03 + 30 = Sun 26/04 Giỗ Tổ, Mon 27/04 made up → Tue 28/04
            "giai_quyet": "2026-04-28 Tue",
            # Tue 28/04 + 30 = Thu 28/05
            "khieu_nai_lan_hai_khi_qua_han": "2026-05-28 Thu",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-tet-2026-gio-to",
    ),
    pytest.param(
        "--kind khieu_nai --received 2026-02-09 --accepted 2026-03-27 --complex",
        {
            "thu_ly": "2026-02-23 Mon",
            # Fri 27/03 + 45 = Mon 11/05
            "giai_quyet": "2026-05-11 Mon",
            # Mon 11/05 + 30 = Wed 10/06
            "khieu_nai_lan_hai_khi_qua_han": "2026-06-10 Wed",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-tet-2026-complex",
    ),
    # -- khiếu nại: the rule change of 1/7/2026 --------------------------------------------------
    pytest.param(
        "--kind khieu_nai --received 2026-06-30 --accepted 2026-07-10",
        {
            # Luật KN 2011 Điều 27: Tue 30/06 + 10 = Fri 10/07
            "thu_ly": "2026-07-10 Fri",
            # Fri 10/07 + 30 = Sun 09/08 → Mon 10/08
            "giai_quyet": "2026-08-10 Mon",
            # Mon 10/08 + 30 = Wed 09/09
            "khieu_nai_lan_hai_khi_qua_han": "2026-09-09 Wed",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-received-30-6-2026",
    ),
    pytest.param(
        "--kind khieu_nai --received 2026-07-01 --accepted 2026-07-10",
        {
            # 07 working days: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8, Thu 9, Fri 10/07
            "thu_ly": "2026-07-10 Fri",
            "giai_quyet": "2026-08-10 Mon",
            "khieu_nai_lan_hai_khi_qua_han": "2026-09-09 Wed",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-received-1-7-2026",
    ),
    pytest.param(
        "--kind khieu_nai --received 2026-08-13 --accepted 2026-08-22",
        {
            # 07 working days after Thu 13/08: Fri 14, Mon 17 … Fri 21, Sat 22 (worked)
            "thu_ly": "2026-08-22 Sat",
            # accepted on the worked Saturday: + 30 = Mon 21/09
            "giai_quyet": "2026-09-21 Mon",
            # Mon 21/09 + 30 = Wed 21/10
            "khieu_nai_lan_hai_khi_qua_han": "2026-10-21 Wed",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-swapped-saturday-2026",
    ),
    pytest.param(
        "--kind khieu_nai --received 2026-08-13 --accepted 2026-08-22 --remote --complex",
        {
            "thu_ly": "2026-08-22 Sat",
            # Sat 22/08 + 60 = Wed 21/10
            "giai_quyet": "2026-10-21 Wed",
            # Wed 21/10 + 45 = Sat 05/12 → Mon 07/12
            "khieu_nai_lan_hai_khi_qua_han": "2026-12-07 Mon",
            **KN_FIRST_NULLS,
            **KN_2026_NULLS,
        },
        id="khieu_nai-2026-remote-complex",
    ),
    # -- khiếu nại lần hai ----------------------------------------------------------------------
    pytest.param(
        "--kind khieu_nai --procedure lan_hai --received 2025-01-16 --accepted 2025-02-03",
        {
            "thu_ly": "2025-02-03 Mon",
            # Điều 37: 45 days: Mon 03/02 + 45 = Thu 20/03
            "giai_quyet": "2025-03-20 Thu",
            "gui_quyet_dinh": None,
            "cong_bo_quyet_dinh": None,
            "hieu_luc": None,
            **KN_2026_NULLS,
        },
        id="khieu_nai-lan-hai",
    ),
    pytest.param(
        "--kind khieu_nai --procedure lan_hai --received 2025-01-16 --accepted 2025-02-03 "
        "--remote --complex",
        {
            "thu_ly": "2025-02-03 Mon",
            # remote complex ≤ 70: Mon 03/02 + 70 = Mon 14/04
            "giai_quyet": "2025-04-14 Mon",
            "gui_quyet_dinh": None,
            "cong_bo_quyet_dinh": None,
            "hieu_luc": None,
            **KN_2026_NULLS,
        },
        id="khieu_nai-lan-hai-remote-complex",
    ),
    # -- tố cáo ---------------------------------------------------------------------------------
    pytest.param(
        "--kind to_cao --received 2025-01-20 --accepted 2025-02-05",
        {
            # 07 working days after Mon 20/01: Tue 21 … Fri 24, (Tết) Mon 3, Tue 4, Wed 5/02
            "xu_ly_ban_dau": "2025-02-05 Wed",
            # 05 working days: Tue 21 … Fri 24, Mon 03/02
            "chuyen_don": "2025-02-03 Mon",
            # 05 working days after Wed 05/02: Thu 6, Fri 7, Mon 10, Tue 11, Wed 12
            "thong_bao_thu_ly": "2025-02-12 Wed",
            # Wed 05/02 + 30 = Fri 07/03
            "giai_quyet": "2025-03-07 Fri",
            **TC_NULLS,
        },
        id="to_cao-tet-2025",
    ),
    pytest.param(
        "--kind to_cao --received 2025-04-22 --accepted 2025-04-26",
        {
            # Wed 23, Thu 24, Fri 25, Sat 26 (worked), Mon 28, Tue 29, (30/4 – 4/5) Mon 05/05
            "xu_ly_ban_dau": "2025-05-05 Mon",
            # Wed 23, Thu 24, Fri 25, Sat 26, Mon 28
            "chuyen_don": "2025-04-28 Mon",
            # after Sat 26/04: Mon 28, Tue 29, Mon 5, Tue 6, Wed 07/05
            "thong_bao_thu_ly": "2025-05-07 Wed",
            # Sat 26/04 + 30 = Mon 26/05
            "giai_quyet": "2025-05-26 Mon",
            **TC_NULLS,
        },
        id="to_cao-swapped-saturday-2025",
    ),
    # -- kiến nghị, phản ánh ---------------------------------------------------------------------
    pytest.param(
        "--kind kien_nghi --received 2026-02-13 --accepted 2026-03-06",
        {
            # 10 working days after Fri 13/02: (Tết) Mon 23 … Fri 27/02, Mon 2 … Fri 06/03
            "tra_loi": "2026-03-06 Fri",
            # school target 15 working days after Fri 06/03: 9–13, 16–20, 23–27/03
            "giai_quyet": "2026-03-27 Fri",
        },
        id="kien_nghi-tet-2026",
    ),
    pytest.param(
        "--kind kien_nghi --received 2026-02-13 --accepted 2026-03-06 --complex",
        {
            "tra_loi": "2026-03-06 Fri",
            # 30 working days: six full weeks from Mon 09/03 → Fri 17/04
            "giai_quyet": "2026-04-17 Fri",
        },
        id="kien_nghi-tet-2026-complex",
    ),
    pytest.param(
        "--kind phan_anh --received 2025-01-24",
        {
            # 10 working days after Fri 24/01: (Tết) Mon 3 … Fri 7, Mon 10 … Fri 14/02
            "tra_loi": "2025-02-14 Fri",
            "giai_quyet": None,
        },
        id="phan_anh-tet-2025",
    ),
    pytest.param(
        "--kind phan_anh --received 2026-08-20 --accepted 2026-09-07",
        {
            # after Thu 20/08: Fri 21, Sat 22 (worked), Mon 24 … Fri 28, (29/8 – 2/9) Thu 3,
            # Fri 4, Mon 07/09
            "tra_loi": "2026-09-07 Mon",
            # 15 working days after Mon 07/09: Tue 8 … Fri 11, 14–18, 21–25, Mon 28/09
            "giai_quyet": "2026-09-28 Mon",
        },
        id="phan_anh-quoc-khanh-2026",
    ),
    # -- yêu cầu cung cấp thông tin -------------------------------------------------------------
    pytest.param(
        "--kind yeu_cau_thong_tin --received 2025-04-25",
        {
            # electronic, simple: 03 working days: Sat 26 (worked), Mon 28, Tue 29/04
            "cung_cap": "2025-04-29 Tue",
        },
        id="yeu_cau_thong_tin-swapped-saturday-2025",
    ),
    pytest.param(
        "--kind yeu_cau_thong_tin --received 2025-04-25 --complex",
        {
            "thong_bao_thoi_han": "2025-04-29 Tue",
            # 15 working days: 26/04, 28, 29, (30/4 – 4/5), 5–9/5, 12–16/5, Mon 19, Tue 20/05
            "cung_cap": "2025-05-20 Tue",
        },
        id="yeu_cau_thong_tin-swapped-saturday-2025-complex",
    ),
    pytest.param(
        "--kind yeu_cau_thong_tin --procedure buu_chinh --received 2026-02-12",
        {
            # post: 05 working days after Thu 12/02: Fri 13, (Tết) Mon 23, Tue 24, Wed 25, Thu 26
            "cung_cap": "2026-02-26 Thu",
        },
        id="yeu_cau_thong_tin-post-tet-2026",
    ),
    pytest.param(
        "--kind yeu_cau_thong_tin --procedure buu_chinh --received 2026-02-12 --complex",
        {
            # Fri 13, Mon 23, Tue 24
            "thong_bao_thoi_han": "2026-02-24 Tue",
            # 15: Fri 13, 23–27/02, 2–6/03, Mon 9, Tue 10, Wed 11, Thu 12/03
            "cung_cap": "2026-03-12 Thu",
        },
        id="yeu_cau_thong_tin-post-tet-2026-complex",
    ),
    pytest.param(
        "--kind yeu_cau_thong_tin --procedure truc_tiep --received 2026-01-09",
        {
            # in person, available: "ngay", the same day
            "cung_cap": "2026-01-09 Fri",
        },
        id="yeu_cau_thong_tin-in-person",
    ),
    pytest.param(
        "--kind yeu_cau_thong_tin --procedure truc_tiep --received 2026-01-09 --complex",
        {
            # 10 working days: Sat 10/01 (worked), Mon 12 … Fri 16, Mon 19 … Thu 22/01
            "cung_cap": "2026-01-22 Thu",
        },
        id="yeu_cau_thong_tin-in-person-complex",
    ),
]


@pytest.mark.parametrize(("args", "expected"), CASES)
def test_prints_the_due_date_of_every_step(args, expected):
    # given the seeded rules and calendar
    # when
    rows = run(*args.split())
    # then
    assert dues(rows) == {step: day(text) for step, text in expected.items()}


@pytest.mark.parametrize(
    ("kind", "received", "accepted"),
    [
        ("to_cao", "2025-01-20", "2025-02-05"),
        ("kien_nghi", "2026-02-13", "2026-03-06"),
        ("phan_anh", "2026-08-20", "2026-09-07"),
        ("yeu_cau_thong_tin", "2025-04-25", "2025-04-25"),
    ],
)
def test_kinds_without_a_remote_variant_keep_their_limits(kind, received, accepted):
    # given: only Luật Khiếu nại sets longer limits for vùng sâu, vùng xa
    args = ["--kind", kind, "--received", received, "--accepted", accepted]
    # when
    plain, remote = run(*args), run(*args, "--remote")
    # then
    assert remote == plain


def test_the_rule_in_force_on_the_receipt_date_applies():
    # given: the same case received on the last day of the old rule and the first of the new
    before = {r["step"]: r for r in run("--kind", "khieu_nai", "--received", "2026-06-30")}
    after = {r["step"]: r for r in run("--kind", "khieu_nai", "--received", "2026-07-01")}
    # then: Luật KN 2011 Điều 27 vs the 2026 amendment (crawl, unverified)
    assert (before["thu_ly"]["limit"], before["thu_ly"]["unit"]) == (10, CAL)
    assert before["thu_ly"]["citation"] == "Luật Khiếu nại 2011, Điều 27"
    assert before["thu_ly"]["needs_verification"] is False
    assert (after["thu_ly"]["limit"], after["thu_ly"]["unit"]) == (7, WD)
    assert after["thu_ly"]["citation"].startswith("NĐ 155/2026/NĐ-CP, Điều 10")
    assert after["thu_ly"]["needs_verification"] is True
    assert before["giai_quyet"]["citation"].startswith("Luật Khiếu nại 2011, Điều 28; ")
    assert after["giai_quyet"]["needs_verification"] is True
    # the suspension notices from 1/7/2026, and for a case received before and not decided
    # by then through the transition clause (NĐ 155/2026 Điều 22 k1), with its limit kept
    assert "NĐ 155/2026/NĐ-CP, Điều 22 k1" in before["giai_quyet"]["citation"]
    assert before["giai_quyet"]["limit"] == after["giai_quyet"]["limit"] == 30
    assert "gui_quyet_dinh_tam_dinh_chi" in before
    assert "gui_quyet_dinh_tam_dinh_chi" in after


def test_prints_limit_unit_and_citation_of_each_step():
    # given / when
    rows = run("--kind", "to_cao", "--received", "2025-01-20")
    # then
    first = rows[0]
    assert first == {
        "step": "xu_ly_ban_dau",
        "due": "2025-02-05",
        "unit": WD,
        "limit": 7,
        "citation": "Luật Tố cáo 2018, Điều 24 k1",
        "step_label": "Vào sổ, phân loại, xử lý ban đầu, kiểm tra điều kiện thụ lý",
        "starts_from": "received",
        "projected_due": None,
        "needs_verification": False,
        "is_internal_policy": False,
    }
    giai_quyet = next(row for row in rows if row["step"] == "giai_quyet")
    assert (giai_quyet["limit"], giai_quyet["unit"]) == (30, CAL)
    assert giai_quyet["citation"] == "Luật Tố cáo 2018, Điều 30; NĐ 31/2019/NĐ-CP, Điều 3"


def test_without_acceptance_steps_from_thu_ly_are_null_with_a_projection():
    # given: received Thu 16/01/2025, not yet accepted
    # when
    rows = {r["step"]: r for r in run("--kind", "khieu_nai", "--received", "2025-01-16")}
    # then: the law counts from the actual thụ lý, so no due date yet …
    assert rows["giai_quyet"]["due"] is None
    # … but if thụ lý happens on its due date (Mon 03/02), resolution ends Wed 05/03
    assert rows["thu_ly"]["due"] == "2025-02-03"
    assert rows["giai_quyet"]["projected_due"] == "2025-03-05"
    assert rows["khieu_nai_lan_hai_khi_qua_han"]["projected_due"] == "2025-04-04"
    # decision sent 03 working days after the projected decision: Thu 6, Fri 7, Mon 10/03
    assert rows["gui_quyet_dinh"]["projected_due"] == "2025-03-10"
    # the complainant's own deadlines start from events no step produces
    assert rows["khieu_nai_lan_hai"]["projected_due"] is None


def test_internal_policy_is_labelled_as_such():
    # given / when
    rows = {r["step"]: r for r in run("--kind", "kien_nghi", "--received", "2026-02-13")}
    # then
    assert rows["tra_loi"]["is_internal_policy"] is False
    assert rows["tra_loi"]["citation"] == "Luật Tiếp công dân 2013, Điều 28 k1"
    assert rows["giai_quyet"]["is_internal_policy"] is True
    assert "không phải thời hạn luật định" in rows["giai_quyet"]["citation"]


def test_output_is_json_with_vietnamese_letters_unescaped():
    # given / when
    out = StringIO()
    call_command("case_deadlines", "--kind", "to_cao", "--received", "2025-01-20", stdout=out)
    # then
    assert "Luật Tố cáo 2018" in out.getvalue()
    assert "\\u" not in out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--received", "2025-01-20"], "Loại vụ việc"),
        (["--kind", "khieunai", "--received", "2025-01-20"], "không hợp lệ"),
        (["--kind", "to_cao"], "Thiếu ngày: --received"),
        (["--kind", "to_cao", "--received", "20/01/2025"], "không hợp lệ"),
        (["--kind", "to_cao", "--received", "2025-02-30"], "không hợp lệ"),
        (["--kind", "to_cao", "--received", "2025-01-20", "--accepted", "hôm nay"], "--accepted"),
        (
            ["--kind", "to_cao", "--received", "2025-01-20", "--accepted", "2025-01-19"],
            "Ngày thụ lý không được trước ngày nhận đơn",
        ),
        (
            ["--kind", "to_cao", "--received", "2025-01-20", "--procedure", "lan_hai"],
            "không thuộc loại to_cao",
        ),
        # Luật Tố cáo 2018 took effect on 01/01/2019; the 2011 law is not in the table.
        (["--kind", "to_cao", "--received", "2018-12-31"], "Không có quy tắc thời hạn"),
    ],
)
def test_refuses_bad_input_in_vietnamese(args, message):
    # given / when / then
    with pytest.raises(CommandError, match=message):
        run(*args)
