"""`gandan deadline`: the due date for operators checking the calendar."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("args", "printed"),
    [
        (["--from", "2026-02-13", "--days", "5"], "2026-02-23\n"),  # ends mùng 2 Tết
        (["--from", "2026-02-13", "--working-days", "5"], "2026-02-27\n"),
        (["--from", "2025-04-25", "--working-days", "1"], "2025-04-26\n"),  # working Saturday
        (["--from", "2026-08-27", "--days", "5"], "2026-09-03\n"),  # ends on Quốc khánh
        (["--from", "2025-12-31", "--days", "1"], "2026-01-05\n"),
        (["--from", "2026-03-02", "--days", "15"], "2026-03-17\n"),
    ],
)
def test_prints_the_due_date_only(args, printed):
    # given the seeded calendar
    # when
    found = run(*args)
    # then
    assert found == printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-13"], "Cần đúng một trong hai"),
        (["--from", "2026-02-13", "--days", "5", "--working-days", "5"], "Cần đúng một trong hai"),
        (["--days", "5"], "Thiếu ngày sự kiện"),
        (["--from", "13/02/2026", "--days", "5"], "không hợp lệ"),
        (["--from", "2026-02-30", "--days", "5"], "không hợp lệ"),
        (["--from", "20260213", "--days", "5"], "không hợp lệ"),
        (["--from", "2026-02-13", "--days", "0"], "số nguyên dương"),
        (["--from", "2026-02-13", "--days", "-1"], "số nguyên dương"),
        (["--from", "2026-02-13", "--working-days", "năm"], "số nguyên dương"),
        (["--from", "2026-02-13", "--days", "99999"], "tối đa"),
    ],
)
def test_refuses_bad_input_in_vietnamese(args, message):
    # given / when / then
    with pytest.raises(CommandError, match=message):
        run(*args)
