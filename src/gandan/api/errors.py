"""Every answer that is not a success, in one shape and in the user's language (Vietnamese
by default): `{"message": "...", "errors": {"field": ["...", ...]}}` (`errors` only when
fields are at fault).

pydantic's and ninja's own English messages never reach a client: parse errors are mapped
to short Vietnamese messages here, and the rules of a field (required, length, choices) are
the petitions forms' and services' own messages, so the API and the web form say the same.
"""

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

logger = logging.getLogger(__name__)

NON_FIELD = "__all__"


class Messages:
    INVALID = gettext_lazy("Dữ liệu chưa hợp lệ.")
    REQUIRED = gettext_lazy("Trường này là bắt buộc.")
    BAD_VALUE = gettext_lazy("Giá trị không hợp lệ.")
    NOT_JSON = gettext_lazy("Nội dung gửi lên không phải JSON hợp lệ.")
    NOT_OBJECT = gettext_lazy("Dữ liệu gửi lên phải là một đối tượng JSON.")
    NOT_FOUND = gettext_lazy("Không tìm thấy.")
    NOT_STAFF = gettext_lazy("Không có cán bộ nào của trường với tên đăng nhập này.")
    SIGN_IN = gettext_lazy("Cần đăng nhập, hoặc gửi kèm mã truy cập API (Authorization: Bearer …).")
    BAD_TOKEN = gettext_lazy("Mã truy cập API không đúng, đã bị thu hồi hoặc tài khoản đã khóa.")
    CSRF = gettext_lazy(
        "Yêu cầu bị từ chối: thiếu mã chống giả mạo (CSRF). Khi dùng phiên đăng nhập, hãy gửi "
        "kèm tiêu đề X-CSRFToken; chương trình tự động nên dùng mã truy cập API."
    )
    TOO_MANY = gettext_lazy(
        "Ông (bà) đã gửi nhiều lần trong thời gian ngắn. Xin chờ khoảng 10 phút rồi thử lại."
    )
    BUSY = gettext_lazy("Hệ thống đang bận, xin thử lại sau ít phút. Chưa có gì được lưu.")


class ApiError(HttpError):
    """An answer whose message (Vietnamese, translatable) is already meant for the client."""

    def __init__(
        self,
        status_code: int,
        message: "StrOrPromise",
        *,
        errors: Mapping[str, list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status_code, str(message))
        self.errors = dict(errors) if errors else None
        self.headers = dict(headers or {})


def field_errors(errors: Mapping[str, Iterable[object]], names: Mapping[str, str]) -> ApiError:
    """422 with messages by field; `names` renames the form's fields to the API's."""
    by_field: dict[str, list[str]] = {}
    for field, messages in errors.items():
        by_field.setdefault(names.get(field, field), []).extend(str(m) for m in messages)
    return ApiError(422, Messages.INVALID, errors=by_field)


def from_django(error: DjangoValidationError, names: Mapping[str, str]) -> ApiError:
    """A service's refusal: 422 by field, or 409 when the case's state does not allow it."""
    if hasattr(error, "error_dict"):
        return field_errors(error.message_dict, names)
    return ApiError(409, " ".join(error.messages))


# pydantic error types → Vietnamese. Bounds come from the error's context.
_PYDANTIC = {
    "missing": Messages.REQUIRED,
    "greater_than_equal": gettext_lazy("Giá trị phải từ %(ge)s trở lên."),
    "greater_than": gettext_lazy("Giá trị phải lớn hơn %(gt)s."),
    "less_than_equal": gettext_lazy("Giá trị không được quá %(le)s."),
    "less_than": gettext_lazy("Giá trị phải nhỏ hơn %(lt)s."),
    "string_too_long": gettext_lazy("Dài quá %(max_length)s ký tự."),
    "too_long": gettext_lazy("Nhiều quá %(max_length)s phần tử."),
    "uuid_parsing": gettext_lazy("Mã không đúng định dạng."),
    "date_from_datetime_parsing": gettext_lazy("Ngày phải có dạng YYYY-MM-DD."),
    "date_parsing": gettext_lazy("Ngày phải có dạng YYYY-MM-DD."),
}


def _field_of(loc: tuple) -> str:
    # ("body", "payload", "title", ...) / ("query", "page") / ("path", "case_id")
    rest = list(loc[2:] if loc and loc[0] == "body" else loc[1:])
    return next((str(part) for part in rest if isinstance(part, str)), NON_FIELD)


def _message(error: dict, field: str) -> str:
    kind = error.get("type", "")
    if field == NON_FIELD and kind in {"missing", "model_attributes_type", "dict_type"}:
        return str(Messages.NOT_OBJECT)
    template = _PYDANTIC.get(kind)
    if template is None:
        return str(Messages.BAD_VALUE)
    try:
        return str(template) % error.get("ctx", {})
    except (KeyError, TypeError, ValueError):
        return str(Messages.BAD_VALUE)


def _respond(api: NinjaAPI, request: HttpRequest, error: ApiError) -> HttpResponse:
    body: dict = {"message": error.message}
    if error.errors is not None:
        body["errors"] = error.errors
    response = api.create_response(request, body, status=error.status_code)
    for name, value in error.headers.items():
        response[name] = value
    return response


def install(api: NinjaAPI) -> None:
    """Replace ninja's English default handlers with these."""
    # Registered through ninja's decorator: its add_exception_handler is typed for handlers
    # that also take the exception class.

    @api.exception_handler(ApiError)
    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return _respond(api, request, exc)

    @api.exception_handler(NinjaValidationError)
    def on_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            field = _field_of(tuple(error.get("loc", ())))
            message = _message(error, field)
            if message not in errors.setdefault(field, []):
                errors[field].append(message)
        return _respond(api, request, ApiError(422, Messages.INVALID, errors=errors))

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # ninja's own: an unreadable body (400), a failed CSRF check (403: the only 403
        # here, since refusals of access are 404), a throttle (429).
        if isinstance(exc.__cause__, ApiError):
            # The parser's own refusal (api/parsing.py), which ninja wraps as a 400.
            return _respond(api, request, exc.__cause__)
        message = {400: Messages.NOT_JSON, 403: Messages.CSRF, 429: Messages.TOO_MANY}.get(
            exc.status_code, Messages.INVALID
        )
        return _respond(api, request, ApiError(exc.status_code, message))

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        headers = {"WWW-Authenticate": "Bearer"}
        return _respond(api, request, ApiError(401, Messages.SIGN_IN, headers=headers))

    @api.exception_handler(Throttled)
    def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return _respond(api, request, ApiError(429, Messages.TOO_MANY))

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        # Refusals of access are 404 too (access_* functions): nothing reveals existence.
        return _respond(api, request, ApiError(404, Messages.NOT_FOUND))

    @api.exception_handler(DatabaseError)
    def on_database_error(request: HttpRequest, exc: DatabaseError) -> HttpResponse:
        # The use case ran in one transaction, rolled back: nothing is half-saved.
        logger.exception("API %s %s: database error", request.method, request.path)
        return _respond(api, request, ApiError(503, Messages.BUSY, headers={"Retry-After": "60"}))
