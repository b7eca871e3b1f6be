from django.urls import path

from gandan.reports.views import dashboard

urlpatterns = [
    path("bao-cao/", dashboard.dashboard, name="dashboard"),
    path("bao-cao/chi-so.xlsx", dashboard.dashboard_xlsx, name="dashboard_xlsx"),
    path("bao-cao/chi-so/", dashboard.method, name="method"),
    path("bao-cao/don-vi/<slug:slug>/", dashboard.unit, name="unit"),
]
