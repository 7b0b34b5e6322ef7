from django.urls import path

from . import views

app_name = "organising"
urlpatterns = [
    path("", views.model_list, name="list"),
    path("<slug:key>/", views.model_detail, name="detail"),
]
