from django.urls import path

from . import views

app_name = "interviews"
urlpatterns = [
    path("", views.interview_list, name="list"),
    path("<slug:key>/", views.interview_detail, name="detail"),
    path("<slug:key>/recording", views.recording, name="recording"),
    path("<slug:key>/captions/<str:language>.vtt", views.captions, name="captions"),
    path("<slug:key>/export.<str:kind>", views.export, name="export"),
]
