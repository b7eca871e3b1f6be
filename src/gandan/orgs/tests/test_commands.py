"""The `--school` option every recompute command shares (orgs/commands.py)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("command", ["recompute_case_deadlines", "recompute_board_deadlines"])
def test_an_unknown_school_stops_the_command_in_vietnamese(command):
    with pytest.raises(CommandError, match="Không có đơn vị “khong-co”"):
        call_command(command, school="khong-co")


@pytest.mark.parametrize("command", ["recompute_case_deadlines", "recompute_board_deadlines"])
def test_a_known_school_or_none_runs(command, school, capsys):
    call_command(command, school=school.slug)
    call_command(command)
    assert capsys.readouterr().out.count("Đã tính lại") == 2
