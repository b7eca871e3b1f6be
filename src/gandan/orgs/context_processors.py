from django.http import HttpRequest

from gandan.orgs.access import grants, primary_organisation
from gandan.orgs.models import OrgKind, Role


def current_organisation(request: HttpRequest) -> dict:
    """The organisation whose name heads every staff page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    user_grants = grants(user)
    organisation = primary_organisation(user)
    return {
        "current_organisation": organisation,
        # The menu a person sees: the school's modules for its members, the roll-ups,
        # reports and plans for a ward's or a Sở's officers (both for someone who is both).
        "menu": {
            "school": any(grant.role != Role.AUTHORITY_OFFICER for grant in user_grants),
            "authority": any(grant.role == Role.AUTHORITY_OFFICER for grant in user_grants),
            # A ward's officers decide and notify the evaluation of the heads of the schools
            # it manages (evaluation: NĐ 233/2026 Điều 13 k3a) and handle the complaints
            # against its own decisions in its register (petitions); the Sở only guides them.
            "ward": organisation is not None
            and organisation.kind == OrgKind.COMMUNE_COMMITTEE
            and any(
                grant.role == Role.AUTHORITY_OFFICER and grant.organisation_id == organisation.pk
                for grant in user_grants
            ),
            # The outgoing-document register of the organisation in the header: for staff
            # of a school or an authority (a seat on the parents' board gives no standing).
            "register": organisation is not None
            and (organisation.kind == OrgKind.SCHOOL or organisation.is_authority)
            and any(grant.school_path == organisation.path for grant in user_grants),
        },
    }
