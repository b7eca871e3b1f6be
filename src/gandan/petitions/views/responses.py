"""Answers several petitions pages share."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def try_again(request: HttpRequest, *, status: int = 503) -> HttpResponse:
    """The calm page after a database error: nothing was saved, send again."""
    return render(request, "petitions/try_again.html", status=status)
