from django import template

from gandan.emulation.documents import points

register = template.Library()


@register.filter
def diem(value) -> str:
    """{{ score|diem }} → '87,75'; '88' for a whole number; '—' when there is none."""
    return points(value)
