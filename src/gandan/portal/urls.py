from django.urls import path

from gandan.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("truong/<slug:slug>/", views.school, name="school"),
]
