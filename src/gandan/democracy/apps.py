import datetime as dt

from django.apps import AppConfig


class DemocracyConfig(AppConfig):
    name = "gandan.democracy"
    verbose_name = "Dân chủ ở cơ sở"

    def ready(self) -> None:
        # Framework wiring: the desk panel (unread disclosures, ballots waiting for my vote).
        from gandan.democracy.desk import democracy_panel
        from gandan.orgs import desk

        desk.register(
            desk.Panel("democracy", "democracy/desk_panel.html", democracy_panel, order=30)
        )
        # The inspection board's panel: recommendations awaiting the head's answer, with due dates.
        from gandan.democracy.board_desk import board_panel

        desk.register(desk.Panel("board", "democracy/board_desk_panel.html", board_panel, order=31))
        # The union chair's panel: conferences to prepare, votes under way, boards to recognise.
        from gandan.democracy.union_desk import union_panel

        desk.register(desk.Panel("union", "democracy/union_desk_panel.html", union_panel, order=32))
        # The worker's schedule: each morning, consultations and ballots about to end are
        # reminded to whoever has not taken part yet (`gandan democracy_reminders`).
        from gandan.notify import schedule

        schedule.register(
            "democracy.reminders", "gandan.democracy.notices.reminders", daily_at=dt.time(6, 0)
        )
