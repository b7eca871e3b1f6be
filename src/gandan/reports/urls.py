from django.urls import include, path

app_name = "reports"

urlpatterns = [
    path("", include("gandan.reports.urls_dashboard")),
    path("", include("gandan.reports.urls_requests")),
]
