"""Builders for the plans tests: the seed plan saved for a school, and small real files."""

import base64
import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from gandan.orgs.models import Organisation, User
from gandan.paperwork.signing import head_signer
from gandan.plans import services
from gandan.plans.demo import SEED
from gandan.plans.importer import ParsedPlan, parse_plan_file
from gandan.plans.models import Plan

SEED_NAME = SEED.name
ISSUED_ON = dt.date(2022, 8, 5)

# A real 1×1 PNG and a real one-page PDF: evidence files as a phone or a scanner makes them.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
# The start of a Windows executable: what a renamed .exe carries whatever its name says.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48


def seed_parsed() -> ParsedPlan:
    return parse_plan_file(SEED)


def import_seed(school: Organisation, user: User | None) -> Plan:
    """The seed plan saved as a draft of `school`, as the import preview would save it."""
    return services.save_imported_plan(
        organisation=school, parsed=seed_parsed(), user=user, source_name=SEED_NAME
    )


def issue_seed(school: Organisation, user: User, issued_on: dt.date = ISSUED_ON) -> Plan:
    """The seed plan imported and issued (01/KH-… if it is the year's first document)."""
    plan = import_seed(school, user)
    return services.issue_plan(
        plan=plan, actor=user, issued_on=issued_on, signer=head_signer(school)
    )


def png(name: str = "anh-minh-chung.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pdf(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")
