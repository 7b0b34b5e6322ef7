from django.urls import path

from . import views

app_name = "two_factor"

urlpatterns = [
    path("", views.verify, name="verify"),
    path("enrol/", views.enrol, name="enrol"),
]
