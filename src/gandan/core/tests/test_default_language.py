"""Vietnamese for every visitor, whatever the browser prefers; English only by choice."""

from django.test import Client


def test_an_english_browser_gets_the_vietnamese_site(db):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()


def test_choosing_english_shows_english(db):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en">' in response.content.decode()
