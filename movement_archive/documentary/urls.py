from django.urls import path

from . import views

app_name = "documentary"
urlpatterns = [
    path("", views.episode_list, name="list"),
    path("<int:number>/", views.episode_detail, name="detail"),
]
