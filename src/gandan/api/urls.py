"""The JSON API, version 1, mounted at /api/v1/ (gandan/urls.py).

One router per app it mirrors: public intake and tracking of cases, staff case endpoints,
the public card of a school. The OpenAPI schema is at /api/v1/openapi.json. The interactive
docs page is off: ninja's page loads scripts this installation does not serve (CSP, no CDN).
"""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from gandan.api import authority, errors, orgs
from gandan.api.parsing import CheckedParser
from gandan.api.petitions import cases, public


class Utf8JSONRenderer(JSONRenderer):
    # Vietnamese stays readable in the body ("Đã tiếp nhận", not "\u0110\u00e3 ...").
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Gần Dân API",
    version="1",
    description=(
        "API của Gần Dân. Phần công khai (gửi đơn, tra cứu, thông tin trường) không cần tài "
        "khoản; phần của cán bộ dùng phiên đăng nhập (kèm CSRF khi ghi) hoặc mã truy cập "
        "(Authorization: Bearer …, tạo bằng lệnh `gandan api_token create`). Mọi lỗi trả về "
        '{"message": …, "errors": {trường: [thông báo, …]}} bằng tiếng Việt.'
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,
    renderer=Utf8JSONRenderer(),
    parser=CheckedParser(),
)
errors.install(api)
api.add_router("/public/", public.router)
api.add_router("/", cases.router)
api.add_router("/", orgs.router)
api.add_router("/", authority.router)
