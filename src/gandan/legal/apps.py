from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "gandan.legal"
    verbose_name = "Văn bản pháp luật"
