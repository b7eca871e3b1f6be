"""WSGI entry point (granian serves it: `gandan serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gandan.settings")
application = get_wsgi_application()
