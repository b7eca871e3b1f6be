from django.urls import path

from gandan.news import views

app_name = "news"
urlpatterns = [
    path("tin-tuc/", views.staff_list, name="staff_list"),
    path("tin-tuc/viet-bai/", views.create, name="create"),
    path("tin-tuc/nguoi-viet/", views.delegation, name="delegation"),
    path("tin-tuc/nguoi-viet/<int:pk>/thoi-giao/", views.revoke, name="revoke"),
    path(
        "tin-tuc/dang-tin/cong-nhan/<str:public_id>/",
        views.announce_recognition,
        name="announce_recognition",
    ),
    path(
        "tin-tuc/dang-tin/cong-khai/<str:public_id>/",
        views.announce_disclosure,
        name="announce_disclosure",
    ),
    path("tin-tuc/bai/<str:public_id>/", views.post_detail, name="post"),
    path("tin-tuc/bai/<str:public_id>/sua/", views.edit, name="edit"),
    path("tin-tuc/bai/<str:public_id>/dang/", views.publish, name="publish"),
    path("tin-tuc/bai/<str:public_id>/go-xuong/", views.withdraw, name="withdraw"),
    path("truong/<slug:slug>/tin-tuc/", views.public_list, name="public_list"),
    path("truong/<slug:slug>/tin-tuc/atom.xml", views.feed, name="feed"),
    path("truong/<slug:slug>/tin-tuc/anh/<str:public_id>/", views.image, name="image"),
    path("truong/<slug:slug>/tin-tuc/<str:public_id>/", views.public_post, name="public_post"),
]
