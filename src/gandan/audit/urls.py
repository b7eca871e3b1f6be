from django.urls import path

from gandan.audit import views

app_name = "audit"
urlpatterns = [
    path("to-chuc/<slug:slug>/nhat-ky/", views.audit_log, name="log"),
]
