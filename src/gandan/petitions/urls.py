from django.urls import path

from gandan.petitions.views import actions, cases, letters, public, reception, registers

app_name = "petitions"
urlpatterns = [
    # Public, no account.
    path("gui-y-kien/<slug:slug>/", public.intake, name="intake"),
    path("lich-tiep-dan/<slug:slug>/", public.public_schedule, name="public_schedule"),
    path("tra-cuu/", public.track, name="track"),
    path("tra-cuu/<str:code>/", public.tracked, name="tracked"),
    path("tra-cuu/<str:code>/bien-nhan/", public.receipt, name="receipt"),
    path("tra-cuu/<str:code>/danh-gia/", public.rate, name="rate"),
    path("tra-cuu/<str:code>/khong-dong-y/", public.contest, name="contest"),
    path("tra-cuu/<str:code>/van-ban/<int:pk>/", letters.letter_download, name="letter"),
    # Staff.
    path("don-thu/", cases.case_list, name="list"),
    path("don-thu/tong-hop/", reception.overview, name="dashboard"),
    path("don-thu/tiep-nhan/", cases.walk_in, name="walk_in"),
    path("don-thu/so-tiep-cong-dan/", reception.register, name="register"),
    path("don-thu/so-tiep-cong-dan/so/", registers.reception_register, name="reception_book"),
    path(
        "don-thu/so-tiep-cong-dan/so-tiep-cong-dan.xlsx",
        registers.reception_register_xlsx,
        name="reception_xlsx",
    ),
    path("don-thu/so-theo-doi/", registers.case_register, name="case_register"),
    path(
        "don-thu/so-theo-doi/so-theo-doi-don-thu.xlsx",
        registers.case_register_xlsx,
        name="case_register_xlsx",
    ),
    path("don-thu/lich-tiep-dan/", reception.schedule, name="schedule"),
    path("don-thu/lich-tiep-dan/<int:pk>/hoan/", reception.postpone, name="postpone"),
    path("don-thu/<str:public_id>/", cases.case_detail, name="detail"),
    path("don-thu/<str:public_id>/nguoi-to-cao/", cases.identity, name="identity"),
    path("don-thu/<str:public_id>/tep/<str:file_id>/", cases.attachment_download, name="file"),
    path("don-thu/<str:public_id>/van-ban/<int:pk>/", cases.document_download, name="document"),
    path("don-thu/<str:public_id>/<slug:slug>/", actions.case_action, name="action"),
]
