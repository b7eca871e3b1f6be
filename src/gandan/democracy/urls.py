from django.urls import path

from gandan.democracy.views import (
    ballots,
    board,
    conferences,
    consultations,
    disclosures,
    public,
    registers,
)

app_name = "democracy"
urlpatterns = [
    path("dan-chu/cong-khai/", disclosures.register, name="register"),
    path("dan-chu/so-cong-khai/", registers.disclosure_register, name="register_book"),
    path(
        "dan-chu/so-cong-khai/so-theo-doi-cong-khai.xlsx",
        registers.disclosure_register_xlsx,
        name="register_book_xlsx",
    ),
    path("dan-chu/cong-khai/moi/", disclosures.item_new, name="item_new"),
    path("dan-chu/cong-khai/<str:public_id>/", disclosures.item_detail, name="item"),
    path("dan-chu/cong-khai/<str:public_id>/cong-bo/", disclosures.item_publish, name="publish"),
    path(
        "dan-chu/cong-khai/<str:public_id>/go-xuong/", disclosures.item_take_down, name="take_down"
    ),
    path("dan-chu/cong-khai/<str:public_id>/thu-hoi/", disclosures.item_withdraw, name="withdraw"),
    path(
        "dan-chu/cong-khai/<str:public_id>/da-doc/",
        disclosures.item_acknowledge,
        name="acknowledge",
    ),
    path(
        "dan-chu/cong-khai/<str:public_id>/chua-doc/",
        disclosures.item_unacknowledged,
        name="unacknowledged",
    ),
    path("dan-chu/cong-khai/<str:public_id>/van-ban/", disclosures.item_document, name="document"),
    path("dan-chu/cong-khai/<str:public_id>/anh-niem-yet/", disclosures.item_proof, name="proof"),
    path("dan-chu/yeu-cau-thong-tin/", disclosures.request_list, name="requests"),
    path("dan-chu/yeu-cau-thong-tin/<str:public_id>/", disclosures.request_detail, name="request"),
    path("dan-chu/bieu-quyet/", ballots.ballot_list, name="ballots"),
    path("dan-chu/bieu-quyet/moi/", ballots.ballot_new, name="ballot_new"),
    path("dan-chu/bieu-quyet/<str:public_id>/", ballots.ballot_detail, name="ballot"),
    path("dan-chu/bieu-quyet/<str:public_id>/mo/", ballots.ballot_open, name="ballot_open"),
    path("dan-chu/bieu-quyet/<str:public_id>/bo-phieu/", ballots.ballot_vote, name="ballot_vote"),
    path("dan-chu/bieu-quyet/<str:public_id>/ket-thuc/", ballots.ballot_close, name="ballot_close"),
    path("dan-chu/bieu-quyet/<str:public_id>/huy/", ballots.ballot_cancel, name="ballot_cancel"),
    path(
        "dan-chu/bieu-quyet/<str:public_id>/kiem-tra-phieu/",
        ballots.receipt_check,
        name="receipt_check",
    ),
    path("dan-chu/lay-y-kien/", consultations.consultation_list, name="consultations"),
    path("dan-chu/lay-y-kien/moi/", consultations.consultation_new, name="consultation_new"),
    path(
        "dan-chu/lay-y-kien/<str:public_id>/",
        consultations.consultation_detail,
        name="consultation",
    ),
    path(
        "dan-chu/lay-y-kien/<str:public_id>/gop-y/",
        consultations.comment_add,
        name="comment_add",
    ),
    path(
        "dan-chu/lay-y-kien/<str:public_id>/chinh-sua/",
        consultations.consultation_revise,
        name="consultation_revise",
    ),
    path(
        "dan-chu/lay-y-kien/<str:public_id>/ket-thuc/",
        consultations.consultation_close,
        name="consultation_close",
    ),
    path(
        "dan-chu/lay-y-kien/<str:public_id>/cong-bo/",
        consultations.consultation_publish,
        name="consultation_publish",
    ),
    path(
        "dan-chu/lay-y-kien/<str:public_id>/tong-hop.docx",
        consultations.consultation_summary,
        name="consultation_summary",
    ),
    path(
        "dan-chu/y-kien/<str:public_id>/tiep-thu/",
        consultations.comment_answer,
        name="comment_answer",
    ),
    path("dan-chu/hoi-nghi/", conferences.conference_list, name="conferences"),
    path("dan-chu/hoi-nghi/moi/", conferences.conference_new, name="conference_new"),
    path("dan-chu/hoi-nghi/<str:public_id>/", conferences.conference_detail, name="conference"),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/diem-danh/",
        conferences.conference_attendance,
        name="conference_attendance",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/khai-mac/",
        conferences.conference_open,
        name="conference_open",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/noi-dung/<int:item_id>/",
        conferences.agenda_record,
        name="agenda_record",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/noi-dung/<int:item_id>/tai-lieu/",
        conferences.agenda_attach,
        name="agenda_attach",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/noi-dung/<int:item_id>/bieu-quyet/",
        conferences.conference_vote,
        name="conference_vote",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/nghi-quyet/",
        conferences.conference_resolution,
        name="conference_resolution",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/be-mac/",
        conferences.conference_close,
        name="conference_close",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/van-ban/<str:kind>.docx",
        conferences.conference_document,
        name="conference_document",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/kiem-tra/<int:check_id>/",
        conferences.resolution_check,
        name="resolution_check",
    ),
    path(
        "dan-chu/tai-lieu-hoi-nghi/<str:public_id>/",
        conferences.agenda_document,
        name="agenda_document",
    ),
    path("dan-chu/ban-thanh-tra/", board.board_home, name="board"),
    path("dan-chu/ban-thanh-tra/giam-sat/", board.board_oversight, name="board_oversight"),
    path(
        "dan-chu/ban-thanh-tra/ghi-nhan/<str:public_id>/",
        board.board_constitute,
        name="board_constitute",
    ),
    path(
        "dan-chu/ban-thanh-tra/nhiem-ky/<str:public_id>/cong-nhan/",
        board.board_recognise,
        name="board_recognise",
    ),
    path(
        "dan-chu/ban-thanh-tra/nhiem-ky/<str:public_id>/chuong-trinh/",
        board.programme_add,
        name="programme_add",
    ),
    path(
        "dan-chu/ban-thanh-tra/nhiem-ky/<str:public_id>/kiem-tra/",
        board.inspection_new,
        name="inspection_new",
    ),
    path(
        "dan-chu/ban-thanh-tra/nhiem-ky/<str:public_id>/bao-cao.docx",
        board.board_report,
        name="board_report",
    ),
    path(
        "dan-chu/ban-thanh-tra/kiem-tra/<str:public_id>/",
        board.inspection_detail,
        name="inspection",
    ),
    path(
        "dan-chu/ban-thanh-tra/kiem-tra/<str:public_id>/ket-luan/",
        board.inspection_conclude,
        name="inspection_conclude",
    ),
    path(
        "dan-chu/ban-thanh-tra/kien-nghi/<str:public_id>/tra-loi/",
        board.recommendation_answer,
        name="recommendation_answer",
    ),
    path(
        "dan-chu/ban-thanh-tra/kien-nghi/<str:public_id>/theo-doi/",
        board.recommendation_follow_up,
        name="recommendation_follow_up",
    ),
    path(
        "dan-chu/hoi-nghi/<str:public_id>/bao-cao-ban-thanh-tra/",
        board.board_report_attach,
        name="board_report_attach",
    ),
    path("truong/<slug:slug>/cong-khai/", public.public_disclosures, name="public"),
    path("truong/<slug:slug>/cong-khai/<str:public_id>/", public.public_item, name="public_item"),
    path(
        "truong/<slug:slug>/cong-khai/<str:public_id>/van-ban/",
        public.public_document,
        name="public_document",
    ),
]
