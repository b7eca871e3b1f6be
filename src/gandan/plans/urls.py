from django.urls import path

from gandan.plans import views

app_name = "plans"
urlpatterns = [
    path("ke-hoach/", views.plan_list, name="list"),
    path("ke-hoach/nhap/", views.plan_import, name="import"),
    path("ke-hoach/nhap/luu/", views.plan_import_save, name="import_save"),
    path("ke-hoach/<str:public_id>/", views.plan_detail, name="detail"),
    path("ke-hoach/<str:public_id>/sua/", views.plan_edit, name="edit"),
    path("ke-hoach/<str:public_id>/ban-hanh/", views.plan_issue, name="issue"),
    path("ke-hoach/<str:public_id>/thu-hoi/", views.plan_withdraw, name="withdraw"),
    path("ke-hoach/<str:public_id>/cap-tren/", views.plan_parents, name="parents"),
    path("ke-hoach/<str:public_id>/don-vi-thuc-hien/", views.plan_units, name="units"),
    path("ke-hoach/<str:public_id>/tai-ve.<str:fmt>", views.plan_export, name="export"),
    path("ke-hoach/<str:public_id>/bao-cao-ket-qua/", views.plan_report, name="report"),
    path("ke-hoach/<str:public_id>/nhiem-vu/<int:task_id>/giao/", views.task_assign, name="assign"),
    path("phan-cong/<int:pk>/bao-cao/", views.assignment_report, name="progress"),
    path("minh-chung/<str:public_id>/", views.evidence_download, name="evidence"),
]
