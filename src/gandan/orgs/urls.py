from django.contrib.auth import views as auth_views
from django.urls import path

from gandan.orgs import forms, views

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("ban-lam-viec/", views.desk, name="desk"),
    path("to-chuc/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("to-chuc/<slug:slug>/nhat-ky/", views.audit_log, name="audit_log"),
]
