"""The WAL attack on an anonymous staff survey, run on a real SQLite file (not a test database).

Run as a script in a fresh data folder (tests/test_anonymous_staff.py does it): it migrates,
makes a school with a head and three teachers, lets each teacher sign in (a login row in the
audit log) and answer the anonymous staff survey with a free text of their own, closes the
survey, and then, with the server's connection still open (SQLite removes the -wal file when
the last connection closes), reads the database files the way an attacker with a copy would:

- frame order in the -wal file: each answer's text is attributed to the login row seen last
  before it (the finding: 3/3 linked);
- the keys the answers and the "has answered" markers had while the survey was open, anywhere
  in the database or WAL bytes (a row deleted at close but left in a freed page keeps its
  place in insertion order, and a marker its user id).

Prints one JSON object: {"linked": n, "answers": 3, "wal_bytes": …, "parents_wal_bytes": …,
"old_keys_found": …} (parents_wal_bytes: the -wal file after forty answers to a parents'
survey, before the staff survey).
"""

import json
import os
import struct
from pathlib import Path

TEXTS = [
    "Góp ý riêng KXA1 về giờ họp",
    "Góp ý riêng KXB2 về phân công",
    "Góp ý riêng KXC3 về lương",
]
NAMES = ["Phạm Thị Lan Anh", "Vũ Văn Bình", "Đỗ Thị Cúc"]


def wal_frames(path: Path) -> list[bytes]:
    """The page images of the -wal file, in frame order (header: 32 bytes, frame: 24 + page)."""
    data = path.read_bytes() if path.exists() else b""
    if len(data) < 32:
        return []
    page_size = struct.unpack(">I", data[8:12])[0]
    frames, offset = [], 32
    while offset + 24 + page_size <= len(data):
        frames.append(data[offset + 24 : offset + 24 + page_size])
        offset += 24 + page_size
    return frames


def first_frame(frames: list[bytes], needle: bytes) -> int | None:
    return next((i for i, page in enumerate(frames) if needle in page), None)


def link_by_frame_order(frames: list[bytes]) -> dict[str, str]:
    """Answer text → the name whose login row appeared last before the answer's first frame."""
    logins = {name: first_frame(frames, f"{name} đăng nhập".encode()) for name in NAMES}
    linked = {}
    for text in TEXTS:
        at = first_frame(frames, text.encode())
        if at is None:
            continue
        before = [(i, name) for name, i in logins.items() if i is not None and i < at]
        if before:
            linked[text] = max(before)[1]
    return linked


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gandan.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from gandan.orgs import services as org_services
    from gandan.orgs.models import OrgKind, Role
    from gandan.surveys import services
    from gandan.surveys.models import Audience, Mode, QuestionKind, Response

    ward = org_services.create_organisation(
        actor=None,
        parent=None,
        slug="ubnd-thu-nghiem",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Thử Nghiệm",
        symbol="UBND",
        place_name="Hải An",
    )
    school = org_services.create_organisation(
        actor=None,
        parent=ward,
        slug="th-wal",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Thử Nghiệm",
        symbol="THTN",
        place_name="Hải An",
    )

    def person(username: str, name: str, role: str):
        user = org_services.create_person(
            actor=None, username=username, full_name=name, password="mat-khau-thu-nghiem"
        )
        org_services.grant_role(
            actor=None, user=user, organisation=school, role=role, title="Giáo viên"
        )
        return user

    head = person("ht", "Nguyễn Thị Thu Hà", Role.HEAD)
    teachers = [person(f"gv{i}", name, Role.STAFF) for i, name in enumerate(NAMES)]
    # Another survey's answers share the tables, as they do in a school's database.
    parents = services.create_survey(
        organisation=school, actor=head, title="Khảo sát cha mẹ học sinh", mode=Mode.ANONYMOUS
    )
    level = services.add_question(
        survey=parents, actor=head, kind=QuestionKind.LIKERT, text="Mức độ hài lòng?"
    )
    parents = services.open_survey(survey=parents, actor=head)
    for _ in range(40):
        services.submit_response(survey=parents, answers={level.pk: 4})
    database = Path(settings.DATABASES["default"]["NAME"])
    wal = Path(f"{database}-wal")
    # Between answers, the -wal file holds no frame order to read (a rate-limit counter or a
    # login, then an answer).
    parents_wal_bytes = wal.stat().st_size if wal.exists() else 0
    survey = services.create_survey(
        organisation=school,
        actor=head,
        title="Khảo sát ẩn danh về môi trường làm việc",
        audience=Audience.STAFF,
        mode=Mode.ANONYMOUS,
    )
    likert = services.add_question(
        survey=survey, actor=head, kind=QuestionKind.LIKERT, text="Mức độ hài lòng?"
    )
    free = services.add_question(
        survey=survey, actor=head, kind=QuestionKind.TEXT, text="Ý kiến khác", required=False
    )
    survey = services.open_survey(survey=survey, actor=head)
    open_keys = []
    for teacher, text in zip(teachers, TEXTS, strict=True):
        Client().force_login(teacher)  # the login row, as the sign-in page writes it
        response = services.submit_response(
            survey=survey, answers={likert.pk: 3, free.pk: text}, account=teacher
        )
        open_keys.append(response.pk.hex)
    # The "has answered" markers, where the code keeps them (their keys name no one, but a
    # freed page still holding them would still hold the user ids beside them).
    from gandan.surveys import models

    markers = getattr(models, "Participation", None)
    if markers is not None:
        open_keys += [key.hex for key in markers.objects.values_list("id", flat=True)]
    services.close_survey(survey=survey, actor=head)
    assert Response.objects.filter(survey=survey).count() == 3

    frames = wal_frames(wal)
    linked = link_by_frame_order(frames)
    correct = sum(1 for text, name in linked.items() if NAMES[TEXTS.index(text)] == name)
    everything = database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    print(
        json.dumps(
            {
                "linked": correct,
                "answers": len(TEXTS),
                "wal_bytes": wal.stat().st_size if wal.exists() else 0,
                "parents_wal_bytes": parents_wal_bytes,
                "old_keys_found": sum(1 for key in open_keys if key.encode() in everything),
            }
        )
    )


if __name__ == "__main__":
    main()
