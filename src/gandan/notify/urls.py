from django.urls import path

from gandan.notify import views

app_name = "notify"
urlpatterns = [
    path("thong-bao/", views.centre, name="centre"),
    path("thong-bao/<int:pk>/mo/", views.open_notice, name="open"),
    path("thong-bao/da-doc/", views.mark_all_read, name="mark_all_read"),
    path("thong-bao/cai-dat/", views.preferences, name="preferences"),
    path("thong-bao/ngung/<str:token>/", views.stop, name="stop"),
]
