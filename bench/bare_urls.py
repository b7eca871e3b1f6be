"""URLs of the benchmarks: the project's, plus /bench/bare/ (intake_bench's baseline) and
/bench/blank/ (page_bench's: the least page a browser can paint, through the same server).

The baseline is the least a Django view can do for a JSON POST through the same server and
middleware: parse the body and INSERT one row, in autocommit. Its table, bench_bare_insert,
exists only in the benchmark's throw-away database (created by `intake_bench.py --prepare`),
so the baseline touches no table of the project.
"""

import json

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from gandan.urls import handler400, handler403, handler404, handler500  # noqa: F401
from gandan.urls import urlpatterns as project_urlpatterns

BARE_TABLE = "bench_bare_insert"
CREATE_BARE_TABLE = (
    f"CREATE TABLE {BARE_TABLE} (title varchar(200) NOT NULL, body text NOT NULL, "
    "created_at varchar(40) NOT NULL)"
)


@csrf_exempt
@require_POST
def bare_insert(request: HttpRequest) -> JsonResponse:
    data = json.loads(request.body)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BARE_TABLE} (title, body, created_at) VALUES (%s, %s, %s)",
            [str(data.get("title", ""))[:200], request.body.decode(), timezone.now().isoformat()],
        )
    return JsonResponse({"ok": True}, status=201)


def blank_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Trang trống</title></head><body><h1>Gần Dân</h1>"
        "<p>Trang trống để so sánh.</p></body></html>"
    )


urlpatterns = [
    path("bench/bare/", bare_insert),
    path("bench/blank/", blank_page),
    *project_urlpatterns,
]
