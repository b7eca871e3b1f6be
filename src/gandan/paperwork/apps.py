from django.apps import AppConfig


class PaperworkConfig(AppConfig):
    name = "gandan.paperwork"
    verbose_name = "Văn bản hành chính"
