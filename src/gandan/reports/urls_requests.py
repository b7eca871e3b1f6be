from django.urls import path

from gandan.reports.views import registers
from gandan.reports.views import requests as views

urlpatterns = [
    path("bao-cao/yeu-cau/", views.request_list, name="requests"),
    path("bao-cao/yeu-cau/moi/", views.request_new, name="request_new"),
    path("bao-cao/yeu-cau/<str:public_id>/", views.request_detail, name="request"),
    path("bao-cao/yeu-cau/<str:public_id>/nhac/", views.request_remind, name="request_remind"),
    path("bao-cao/yeu-cau/<str:public_id>/ket-thuc/", views.request_close, name="request_close"),
    path("bao-cao/da-nhan/<str:public_id>/", views.received_report, name="received"),
    path("bao-cao/da-nhan/<str:public_id>/tra-lai/", views.received_return, name="received_return"),
    path(
        "bao-cao/da-nhan/<str:public_id>/van-ban.<str:fmt>",
        views.received_download,
        name="received_download",
    ),
    path("bao-cao/van-ban-den/", registers.incoming_register, name="incoming"),
    path(
        "bao-cao/van-ban-den/so-van-ban-den.xlsx",
        registers.incoming_register_xlsx,
        name="incoming_xlsx",
    ),
    path("bao-cao/cua-truong/", views.school_reports, name="school_reports"),
    path("bao-cao/cua-truong/<str:public_id>/", views.report_editor, name="report"),
    path(
        "bao-cao/cua-truong/<str:public_id>/lap-du-thao/", views.report_draft, name="report_draft"
    ),
    path("bao-cao/cua-truong/<str:public_id>/ban-hanh/", views.report_issue, name="report_issue"),
    path("bao-cao/cua-truong/<str:public_id>/gui/", views.report_submit, name="report_submit"),
    path(
        "bao-cao/cua-truong/<str:public_id>/du-thao.docx",
        views.report_draft_docx,
        name="report_draft_docx",
    ),
    path(
        "bao-cao/cua-truong/<str:public_id>/van-ban.<str:fmt>",
        views.report_document,
        name="report_document",
    ),
]
