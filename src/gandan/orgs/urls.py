from django.contrib.auth import views as auth_views
from django.urls import path

from gandan.orgs import account_views, forms, views

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("dang-nhap/xac-thuc/", account_views.second_factor_verify, name="second_factor_verify"),
    path("tai-khoan/", account_views.account_security, name="account"),
    path(
        "tai-khoan/xac-thuc-hai-lop/",
        account_views.second_factor_enrol,
        name="second_factor_enrol",
    ),
    path(
        "tai-khoan/xac-thuc-hai-lop/tat/",
        account_views.second_factor_turn_off,
        name="second_factor_turn_off",
    ),
    path("tai-khoan/ma-du-phong/", account_views.recovery_codes_renew, name="recovery_codes"),
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
    path("to-chuc/<slug:slug>/khoa-dang-nhap/", account_views.lockout_list, name="lockouts"),
    path(
        "to-chuc/<slug:slug>/khoa-dang-nhap/mo-khoa/",
        account_views.unlock_account,
        name="unlock_account",
    ),
]
