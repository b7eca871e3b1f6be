"""URLs of bench/intake_bench.py: the project's, plus /bench/bare/, the baseline.

The baseline is the least a Django view can do for a JSON POST through the same server and
middleware: parse the body and INSERT one row, in autocommit. Its table, bench_bare_insert,
exists only in the benchmark's throw-away database (created by `intake_bench.py --prepare`),
so the baseline touches no table of the project.
"""

import json

from django.db import connection
from django.http import HttpRequest, JsonResponse
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


urlpatterns = [path("bench/bare/", bare_insert), *project_urlpatterns]
