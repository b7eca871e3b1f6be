from django.urls import path

from gandan.evaluation.views import management, personal, registers

app_name = "evaluation"
urlpatterns = [
    path("danh-gia/", personal.my_evaluations, name="mine"),
    path("danh-gia/so-lieu/", management.counts, name="counts"),
    path("danh-gia/co-quan-quan-ly/", management.managed, name="managed"),
    path("danh-gia/ky/mo/", management.cycle_open, name="cycle_open"),
    path("danh-gia/ky/<str:public_id>/", management.cycle_detail, name="cycle"),
    path("danh-gia/ky/<str:public_id>/ket-qua/", management.published_results, name="results"),
    path("danh-gia/ky/<str:public_id>/so/", registers.results_register, name="results_book"),
    path(
        "danh-gia/ky/<str:public_id>/ket-qua-xep-loai.xlsx",
        registers.results_register_xlsx,
        name="results_xlsx",
    ),
    path("danh-gia/ky/<str:public_id>/muc-don-vi/", management.unit_level, name="unit_level"),
    path("danh-gia/ky/<str:public_id>/tong-hop-nam/", management.compute_year, name="compute_year"),
    path("danh-gia/ky/<str:public_id>/chot/", management.finalise, name="finalise"),
    path("danh-gia/ky/<str:public_id>/thong-bao/", management.notify, name="notify"),
    path("danh-gia/ky/<str:public_id>/cong-khai/", management.publish, name="publish"),
    path("danh-gia/<str:public_id>/", personal.evaluation_detail, name="detail"),
    path("danh-gia/<str:public_id>/y-kien/", management.group_opinion, name="group"),
    path("danh-gia/<str:public_id>/quyet-dinh/", management.decide, name="decide"),
    path("danh-gia/<str:public_id>/thong-bao.docx", personal.notice_download, name="notice"),
    path(
        "danh-gia/<str:public_id>/thong-bao-cua-co-quan-quan-ly/",
        management.notify_managed,
        name="notify_managed",
    ),
    path("danh-gia/<str:public_id>/khieu-nai/", personal.appeal, name="appeal"),
]
