from django.urls import path, re_path

from . import views

app_name = "places"
urlpatterns = [
    path("", views.place_list, name="list"),
    path("map/", views.world_map, name="map"),
    path("map.svg", views.world_map_svg, name="map_svg"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
    # Either case is accepted so /places/NL/ can redirect to /places/nl/, the one address of the page.
    re_path(r"^(?P<code>[A-Za-z]{2})/$", views.country_detail, name="country"),
]
