from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core import sealing
from gandan.core.http import AuthenticatedRequest
from gandan.notify import delivery, services
from gandan.notify.forms import PreferencesForm
from gandan.notify.models import Notification, OutboxMessage

PAGE_SIZE = 30


@login_required
def centre(request: AuthenticatedRequest) -> HttpResponse:
    notices = Notification.objects.filter(recipient=request.user)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "notify/centre.html", {"page": page})


@login_required
def open_notice(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.mark_read(request.user, [notice.pk])
    if not url_has_allowed_host_and_scheme(notice.url, allowed_hosts=None):
        return redirect("notify:centre")
    return redirect(notice.url)


@login_required
@require_POST
def mark_all_read(request: AuthenticatedRequest) -> HttpResponse:
    count = services.mark_read(request.user)
    if count:
        messages.success(
            request, _("Đã đánh dấu %(count)d thông báo là đã đọc.") % {"count": count}
        )
    return redirect("notify:centre")


@login_required
def preferences(request: AuthenticatedRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(request.user, form.choices())
        messages.success(request, _("Đã lưu cách nhận thư của anh/chị."))
        return redirect("notify:preferences")
    return render(request, "notify/preferences.html", {"form": form})


def stop(request: HttpRequest, token: str) -> HttpResponse:
    """The link at the end of a citizen's message: a page that asks, then stops (GET changes
    nothing, since mail scanners open links)."""
    try:
        public_id = signing.loads(token, salt=delivery.STOP_SALT)
        message = OutboxMessage.objects.get(public_id=public_id)
    except (signing.BadSignature, OutboxMessage.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    done = False
    if request.method == "POST":
        services.stop_address(sealing.unseal(message.address_token))
        done = True
    return render(request, "notify/stop.html", {"done": done})
