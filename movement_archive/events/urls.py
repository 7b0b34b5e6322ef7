from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("timeline/", views.timeline, name="timeline"),
    path("<slug:key>/", views.detail, name="detail"),
]
