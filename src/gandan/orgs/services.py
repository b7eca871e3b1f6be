"""Use cases for the organisation tree and roles. Each writes its audit event."""

from django.db import transaction
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.orgs.models import Membership, Organisation, User


@in_vietnamese
@transaction.atomic
def create_organisation(
    *, actor: User | None, parent: Organisation | None, **fields
) -> Organisation:
    """Add an organisation under parent (None for a root authority)."""
    org = Organisation(parent=parent, **fields)
    org.full_clean()
    org.save()
    record_event(
        action=Action.CREATE,
        summary=_("Tạo tổ chức “%(name)s”") % {"name": org.name},
        actor=actor,
        actor_label="" if actor else _("hệ thống"),
        organisation=org,
        target=org,
    )
    return org


@in_vietnamese
@transaction.atomic
def create_person(
    *,
    actor: User | None,
    username: str,
    full_name: str,
    password: str | None,
    email: str = "",
    phone: str = "",
) -> User:
    """Create an account; without a password it cannot log in until one is set."""
    user = User(username=username, full_name=full_name, email=email, phone=phone)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    record_event(
        action=Action.CREATE,
        summary=_("Tạo tài khoản %(username)s (%(name)s)")
        % {"username": username, "name": full_name},
        actor=actor,
        actor_label="" if actor else _("hệ thống"),
        target=user,
    )
    return user


@in_vietnamese
@transaction.atomic
def grant_role(
    *, actor: User | None, user: User, organisation: Organisation, role: str, title: str = ""
) -> Membership:
    """Give user a role in organisation (idempotent: an existing role only updates its title)."""
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role, defaults={"title": title}
    )
    if not created and membership.title != title:
        membership.title = title
        membership.save(update_fields=["title", "updated_at"])
    if created:
        record_event(
            action=Action.CREATE,
            summary=_("Giao vai trò “%(role)s” tại %(org)s cho %(name)s")
            % {
                "role": title or membership.get_role_display(),
                "org": organisation.display_name,
                "name": user.full_name,
            },
            actor=actor,
            actor_label="" if actor else _("hệ thống"),
            organisation=organisation,
            target=membership,
        )
    return membership
