from django.urls import path

from gandan.search import views

app_name = "search"
urlpatterns = [
    path("tim-kiem/", views.staff_search, name="staff"),
    path("tim-kiem-cong-khai/", views.public_search, name="public"),
]
