"""The daily digest: one e-mail a day with what concerns each person (the default for staff).

Notices waiting for the digest (`MailState.DIGEST`) are gathered per person into one message,
keyed by the person and the last notice it carries, so running the job again sends nothing twice
and notices that arrive later wait for the next digest.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import official_date
from gandan.notify.models import MailState, Notification, Topic
from gandan.notify.services import queue_message, site_url


@in_vietnamese
def send_digests() -> int:
    """Queue today's digests; returns how many."""
    waiting = (
        Notification.objects.filter(mail_state=MailState.DIGEST, message__isnull=True)
        .select_related("recipient")
        .order_by("recipient_id", "topic", "created_at", "pk")
    )
    by_person: dict[int, list[Notification]] = defaultdict(list)
    for notice in waiting:
        by_person[notice.recipient_id].append(notice)
    today = timezone.localdate()
    sent = 0
    for notices in by_person.values():
        person = notices[0].recipient
        if not person.email or not person.is_active:
            Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
                mail_state=MailState.NONE
            )
            continue
        lines = [
            _("Kính gửi %(name)s,") % {"name": person.full_name or person.username},
            "",
            ngettext(
                "Trong ngày qua có %(count)d việc liên quan đến anh/chị trên Gần Dân:",
                "Trong ngày qua có %(count)d việc liên quan đến anh/chị trên Gần Dân:",
                len(notices),
            )
            % {"count": len(notices)},
        ]
        topic = None
        for notice in notices:
            if notice.topic != topic:
                topic = notice.topic
                lines += ["", str(Topic(topic).label).upper()]
            lines.append(f"- {notice.title}")
            lines.append(f"  {site_url(notice.url)}")
        lines += [
            "",
            _("Xem tất cả thông báo: %(url)s") % {"url": site_url("/thong-bao/")},
            _("Đổi cách nhận thư (gửi ngay, gộp mỗi ngày, không gửi): %(url)s")
            % {"url": site_url("/thong-bao/cai-dat/")},
        ]
        with transaction.atomic():
            message = queue_message(
                key=f"digest:{person.pk}:{notices[-1].pk}",
                topic=notices[0].topic,
                recipient=person,
                address=person.email,
                subject=_("Gần Dân: %(count)d việc cần biết, %(day)s")
                % {"count": len(notices), "day": official_date(today)},
                body="\n".join(lines),
            )
            Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
                message=message, mail_state=MailState.QUEUED
            )
        sent += 1
    return sent
