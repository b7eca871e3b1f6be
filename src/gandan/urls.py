from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from gandan.api.urls import api
from gandan.core import views as core_views
from gandan.orgs.twofactor import SecondFactorAdminSite

# The admin opens only to a verified second factor, and logs in through the site's own login
# (lockout, second factor): django-otp's documented way of swapping the default site.
admin.site.__class__ = SecondFactorAdminSite
admin.site.site_header = _("Quản trị Gần Dân")
admin.site.site_title = _("Quản trị Gần Dân")
admin.site.index_title = _("Dữ liệu nền")

urlpatterns = [
    # First: the API's one prefix is matched before the apps' many patterns (the public
    # intake resolves in one step).
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("", include("gandan.orgs.urls")),
    path("", include("gandan.paperwork.urls")),
    path("", include("gandan.plans.urls")),
    path("", include("gandan.petitions.urls")),
    path("", include("gandan.democracy.urls")),
    path("", include("gandan.surveys.urls")),
    path("", include("gandan.evaluation.urls")),
    path("", include("gandan.emulation.urls")),
    path("", include("gandan.news.urls")),
    path("", include("gandan.notify.urls")),
    path("", include("gandan.search.urls")),
    path("", include("gandan.reports.urls")),
    path("", include("gandan.portal.urls")),
]

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
