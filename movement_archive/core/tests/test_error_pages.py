"""When something goes wrong the reader is told so in their own language: a 400 names the parameter that cannot be
used and why, a 404 offers a way back into the archive, and a 500 page stands on its own, needing no database."""

from __future__ import annotations

import pytest
from django.template import loader
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


# 400: a query string the page cannot use ------------------------------------------------------------------------


def test_a_bad_page_number_is_refused_in_spanish_naming_the_parameter(client):
    response = client.get("/es/organisations/", {"page": "abc"})

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "El valor de «page» no se puede usar:" in html
    assert "page: &#x27;abc&#x27; no es un número de página" in html


def test_a_bad_page_number_is_refused_in_english_at_the_english_address(client):
    response = client.get("/organisations/", {"page": "abc"})

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "The value of “page” is not usable:" in html
    assert "page: &#x27;abc&#x27; is not a page number" in html


def test_an_unknown_search_type_is_refused_in_spanish_listing_the_types_there_are(client):
    response = client.get("/es/search/", {"q": "x", "type": "nonsense"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "El valor de «type» no se puede usar:" in html
    assert "type: &#x27;nonsense&#x27; no es ninguno de estos valores: organisation, person," in html


def test_an_unknown_country_is_refused_in_each_language_in_the_json_twin_too(client):
    spanish = client.get("/es/organisations/", {"country": "ZZ", "format": "json"})
    english = client.get("/organisations/", {"country": "ZZ", "format": "json"})

    assert (spanish.status_code, english.status_code) == (400, 400)
    assert spanish.json() == {"error": "country: ningún país tiene el código 'ZZ'", "parameter": "country"}
    assert english.json() == {"error": "country: no country has the code 'ZZ'", "parameter": "country"}


def test_decades_in_the_wrong_order_on_the_timeline_are_explained_in_spanish(client):
    response = client.get("/es/events/timeline/", {"from": "2000", "to": "1980", "format": "json"})

    assert response.status_code == 400
    assert response.json()["error"] == "to: los años 1980 son anteriores a los años 2000 indicados en «from»"


# 404: an address with nothing at it ----------------------------------------------------------------------------


def test_a_missing_page_under_es_is_a_spanish_404_with_the_way_home(client):
    response = client.get("/es/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "<h1>Página no encontrada</h1>" in html
    assert '<a href="/es/">Ir a la página de inicio</a>' in html
    assert '<a href="/es/search/">Buscar en el archivo</a>' in html
    assert "Saltar al contenido" in html  # the site's own header, not Django's bare page
    assert "Page not found" not in html
    # The language switcher still leads out of Spanish, to the same address without the prefix.
    assert '<a href="/no-such-page/" hreflang="en" lang="en">English</a>' in html


def test_a_missing_page_in_english_is_an_english_404_with_the_way_home(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Page not found</h1>" in html
    assert '<a href="/">Go to the home page</a>' in html
    assert '<a href="/search/">Search the archive</a>' in html
    assert '<span aria-current="true" lang="en">English</span>' in html
    assert '<a href="/es/no-such-page/" hreflang="es" lang="es">Español</a>' in html


def test_a_missing_record_under_es_is_a_spanish_404_too(client):
    response = client.get("/es/organisations/no-such-organisation/")

    assert response.status_code == 404
    assert "<h1>Página no encontrada</h1>" in response.content.decode()


# 500: something broke on our side --------------------------------------------------------------------------------


def test_the_500_page_needs_no_database_and_speaks_both_languages(django_assert_num_queries):
    request = RequestFactory().get("/es/organisations/")

    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Something went wrong</h1>" in html
    assert '<section lang="es">' in html
    assert "<h1>Algo ha fallado</h1>" in html


def test_the_500_page_stands_alone_without_the_site_template():
    source = loader.get_template("500.html").template.source

    assert "{% extends" not in source
    assert "{% load" not in source
    assert "{{" not in source
