"""What management commands share about organisations: the `--school SLUG` option."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from gandan.orgs.models import Organisation


def organisation_option(slug: str | None) -> Organisation | None:
    """The organisation a command's `--school` names, or None (every organisation) when the
    option is not given; an unknown slug stops the command with a Vietnamese message."""
    if not slug:
        return None
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise CommandError(_("Không có đơn vị “%(slug)s”.") % {"slug": slug})
    return organisation
