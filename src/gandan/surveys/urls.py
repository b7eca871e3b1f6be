from django.urls import path

from gandan.surveys.views import public, registers, staff

app_name = "surveys"
urlpatterns = [
    # Public, no account (staff surveys ask for a sign-in).
    path("truong/<slug:slug>/khao-sat/", public.school_surveys, name="school"),
    path("khao-sat/<str:public_id>/", public.answer, name="answer"),
    path("khao-sat/<str:public_id>/cam-on/", public.thanks, name="thanks"),
    # Staff.
    path("khao-sat-y-kien/", staff.survey_list, name="list"),
    path("khao-sat-y-kien/moi/", staff.survey_new, name="new"),
    path("khao-sat-y-kien/chi-so/", staff.satisfaction_index, name="index"),
    path("khao-sat-y-kien/<str:public_id>/", staff.survey_detail, name="detail"),
    path("khao-sat-y-kien/<str:public_id>/sua/", staff.survey_edit, name="edit"),
    path("khao-sat-y-kien/<str:public_id>/cau-hoi/", staff.question_add, name="question_add"),
    path(
        "khao-sat-y-kien/<str:public_id>/cau-hoi/<int:pk>/bo/",
        staff.question_remove,
        name="question_remove",
    ),
    path("khao-sat-y-kien/<str:public_id>/mo/", staff.survey_open, name="open"),
    path("khao-sat-y-kien/<str:public_id>/ket-thuc/", staff.survey_close, name="close"),
    path("khao-sat-y-kien/<str:public_id>/ket-qua/", staff.survey_results, name="results"),
    path("khao-sat-y-kien/<str:public_id>/phieu/", registers.answer_register, name="answers"),
    path(
        "khao-sat-y-kien/<str:public_id>/phieu-tra-loi.xlsx",
        registers.answer_register_xlsx,
        name="answers_xlsx",
    ),
    path("khao-sat-y-kien/<str:public_id>/xoa-tra-loi/", staff.response_erase, name="erase"),
    path("khao-sat-y-kien/<str:public_id>/ma-qr/", staff.survey_poster, name="poster"),
]
