"""gandan api_token create USERNAME --name NAME | list [USERNAME] | revoke PREFIX"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gandan.api.models import ApiToken
from gandan.api.services import create_api_token, revoke_api_token
from gandan.orgs.models import User


class Command(BaseCommand):
    help = _("Quản lý mã truy cập API của cán bộ: tạo (in ra một lần), liệt kê, thu hồi.")

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help=_("Tạo mã mới cho một tài khoản."))
        create.add_argument("username")
        create.add_argument("--name", required=True, help=_("Tên gợi nhớ, ví dụ: báo cáo sở."))
        listing = actions.add_parser("list", help=_("Liệt kê các mã (không in mã)."))
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help=_("Thu hồi một mã theo đầu mã."))
        revoke.add_argument("prefix")

    def handle(self, *args, action: str, **options) -> None:
        if action == "create":
            self._create(options["username"], options["name"])
        elif action == "list":
            self._list(options.get("username"))
        else:
            self._revoke(options["prefix"])

    def _create(self, username: str, name: str) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("Không có tài khoản %(username)s.") % {"username": username})
        try:
            token, raw = create_api_token(user=user, name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(raw)
        self.stderr.write(
            _(
                "Mã truy cập “%(name)s” của %(username)s: chỉ in ra một lần này, hãy lưu lại. "
                "Gửi kèm mỗi yêu cầu: Authorization: Bearer <mã>."
            )
            % {"name": token.name, "username": username}
        )

    def _list(self, username: str | None) -> None:
        tokens = ApiToken.objects.select_related("user")
        if username:
            tokens = tokens.filter(user__username=username)
        for token in tokens:
            state = (
                _("đã thu hồi %(at)s") % {"at": f"{token.revoked_at:%d/%m/%Y %H:%M}"}
                if token.is_revoked
                else _("đang dùng")
            )
            used = f"{token.last_used_at:%d/%m/%Y %H:%M}" if token.last_used_at else "—"
            self.stdout.write(
                f"{token.prefix}…  {token.user.username:<15} {token.name:<30} "
                f"{_('dùng lần cuối')}: {used}  {state}"
            )

    def _revoke(self, prefix: str) -> None:
        matches = list(ApiToken.objects.filter(prefix__startswith=prefix[:12])[:2])
        if len(prefix) < 8 or len(matches) != 1:
            raise CommandError(_("Hãy ghi đủ đầu mã (ít nhất 8 ký tự) của đúng một mã."))
        token = revoke_api_token(token=matches[0])
        self.stdout.write(_("Đã thu hồi mã %(token)s.") % {"token": token})
