from django.urls import path

from . import views

app_name = "harvesting"
urlpatterns = [
    path("", views.oai, name="oai"),
]
