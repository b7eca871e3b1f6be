"""`gandan build_province`: a synthetic province for measuring the authority tier at scale.

    gandan build_province [--schools 30] [--wards 2] [--cases 5000] [--staff-per-school 40]
                          [--months 24] [--seed 1] [--prefix hp] [--replace] [--no-refresh]

Hải Phòng's shape after the 2025 merger: one Sở GD&ĐT guiding every school, the wards managing
about 15 schools each (docs/PROVINCE.md). A province with the same prefix is refused unless
`--replace` (wipe and rebuild). The rows are synthetic and not audited one by one
(`gandan.reports.province`).
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gandan.reports.province import ProvinceExists, ProvinceInUse, ProvinceSpec, build_province


class Command(BaseCommand):
    help = _("Dựng một tỉnh mô phỏng (Sở GD&ĐT, các phường, trường, vụ việc…) để đo hiệu năng.")

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = ProvinceSpec()
        parser.add_argument("--schools", type=int, default=defaults.schools)
        parser.add_argument("--wards", type=int, default=defaults.wards)
        parser.add_argument("--cases", type=int, default=defaults.cases)
        parser.add_argument("--staff-per-school", type=int, default=defaults.staff_per_school)
        parser.add_argument("--months", type=int, default=defaults.months)
        parser.add_argument("--seed", type=int, default=defaults.seed)
        parser.add_argument("--prefix", default=defaults.prefix)
        parser.add_argument(
            "--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (tests)"
        )
        parser.add_argument(
            "--replace", action="store_true", help=_("Xóa tỉnh mô phỏng cùng tiền tố rồi dựng lại.")
        )
        parser.add_argument(
            "--no-refresh", action="store_true", help=_("Không tính lại bảng chỉ số sau khi dựng.")
        )

    def handle(self, *args, **options) -> None:
        spec = ProvinceSpec(
            prefix=options["prefix"],
            schools=options["schools"],
            wards=options["wards"],
            cases=options["cases"],
            staff_per_school=options["staff_per_school"],
            months=options["months"],
            seed=options["seed"],
            today=options["today"],
        )
        try:
            spec.check()
            result = build_province(
                spec=spec,
                replace=options["replace"],
                refresh=not options["no_refresh"],
                progress=self.stdout.write,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        except ProvinceExists as exc:
            raise CommandError(
                _("Tỉnh mô phỏng “%(prefix)s” đã có; dùng --replace để dựng lại.")
                % {"prefix": exc.args[0]}
            ) from exc
        except ProvinceInUse as exc:
            raise CommandError(
                _(
                    "Nhật ký kiểm toán có ghi hoạt động trong tỉnh mô phỏng “%(prefix)s”: không "
                    "xóa; hãy dựng ở một cơ sở dữ liệu mới hoặc dùng tiền tố khác."
                )
                % {"prefix": exc.args[0]}
            ) from exc
        for name, count in result.counts.items():
            self.stdout.write(f"{name}: {count:,}")
        self.stdout.write(
            _("Xong trong %(s).1f s. Sở: %(so)s (cán bộ %(officer)s); phường: %(wards)s.")
            % {
                "s": result.timings["total"],
                "so": result.department_slug,
                "officer": result.department_officer,
                "wards": ", ".join(result.ward_slugs[:3])
                + ("…" if len(result.ward_slugs) > 3 else ""),
            }
        )
