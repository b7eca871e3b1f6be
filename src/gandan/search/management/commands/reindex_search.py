from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gandan.search import indexing
from gandan.search.sources import SOURCES


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm từ dữ liệu hiện có (chạy lại bao nhiêu lần cũng được)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind", action="append", choices=sorted(SOURCES), help="Chỉ dựng lại loại này."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = indexing.reindex(options["kind"])
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(f"Tổng cộng: {sum(counts.values())} mục.")
