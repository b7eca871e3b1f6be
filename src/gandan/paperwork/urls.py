from django.urls import path

from gandan.paperwork import views

app_name = "paperwork"

urlpatterns = [
    path("so-van-ban-di/", views.register_home, name="register_home"),
    path("so-van-ban-di/<slug:slug>/", views.register_page, name="register"),
    path("so-van-ban-di/<slug:slug>/so-van-ban-di.xlsx", views.register_xlsx, name="register_xlsx"),
    path(
        "so-van-ban-di/<slug:slug>/<int:year>/<int:number>.<str:fmt>",
        views.register_document,
        name="document",
    ),
]
