"""Input and output shapes of the cases API. They parse and shape only: the rules (required
fields, lengths, choices, consent) are the public form's and `check_submission`'s."""

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, cast

from django import forms
from ninja import Field, Schema
from pydantic.config import JsonDict

from gandan.api import paging
from gandan.core.salutation import Salutation
from gandan.petitions.forms.public import PublicSubmissionForm
from gandan.petitions.models import CaseKind, CaseStatus, Delivery, InformationForm


def _max_length(name: str) -> JsonDict:
    # Documented in the schema, enforced by the form (so the message is the form's).
    field = cast(forms.CharField, PublicSubmissionForm.base_fields[name])
    return {"maxLength": field.max_length}


def _enum(values: Iterable[str]) -> JsonDict:
    return {"enum": list(values)}


class PublicCaseIn(Schema):
    """A case sent by a citizen, as the public form takes it (no attachments here)."""

    organisation: str = Field(
        description="Mã công khai của trường, ví dụ th-thanh-to.", examples=["th-thanh-to"]
    )
    kind: str = Field(description="Loại đơn.", json_schema_extra=_enum(CaseKind.values))
    title: str = Field(description="Tóm tắt một câu.", json_schema_extra=_max_length("title"))
    content: str = Field(description="Nội dung.", json_schema_extra=_max_length("content"))
    contact_name: str | None = Field("", json_schema_extra=_max_length("name"))
    salutation: str | None = Field(
        "",
        description="Cách nhà trường xưng hô trong thư trả lời; bỏ trống: thư ghi “Ông/Bà”.",
        json_schema_extra=_enum(["", *Salutation.values]),
    )
    contact_phone: str | None = Field("", json_schema_extra=_max_length("phone"))
    contact_email: str | None = Field("", json_schema_extra=_max_length("email"))
    contact_address: str | None = Field("", json_schema_extra=_max_length("address"))
    id_number: str | None = Field(
        "",
        description="Số CCCD/hộ chiếu: bắt buộc với yêu cầu cung cấp thông tin.",
        json_schema_extra=_max_length("id_number"),
    )
    anonymous: bool = Field(False, description="Gửi không ghi danh.")
    consent: bool = Field(
        False, description="Đồng ý xử lý dữ liệu cá nhân (bắt buộc khi ghi danh)."
    )
    denounced_person: str | None = Field(
        "", description="Bắt buộc với tố cáo.", json_schema_extra=_max_length("denounced_person")
    )
    information_form: str | None = Field("", json_schema_extra=_enum(["", *InformationForm.values]))
    delivery: str | None = Field("", json_schema_extra=_enum(["", *Delivery.values]))
    information_purpose: str | None = Field(
        "", json_schema_extra=_max_length("information_purpose")
    )
    client_token: str | None = Field(
        "",
        description=(
            "Mã ngẫu nhiên của lần gửi (hoặc tiêu đề Idempotency-Key): gửi lại cùng mã thì "
            "nhận lại đúng vụ việc đã lưu (200), không tạo vụ việc thứ hai."
        ),
        json_schema_extra=_max_length("token"),
    )
    website: str | None = Field("", description="Để trống.")


def _provisional() -> Any:
    """The provisional-calendar warning that goes with a computed due date (worktime.notices)."""
    return Field(
        "",
        description=(
            "Cảnh báo ngày tạm tính khi thời hạn tính qua một năm chưa nhập lịch nghỉ chính thức "
            "(Bộ luật Lao động 2019 Điều 112 k3); rỗng khi lịch đã chính thức."
        ),
    )


class ReceiptOut(Schema):
    tracking_code: str
    display_code: str
    status: str
    received_at: dt.datetime
    due: dt.date | None = Field(description="Hạn nhà trường phải trả lời, nếu có.")
    due_provisional: str = _provisional()


class MessageOut(Schema):
    message: str


class ErrorsOut(Schema):
    message: str
    errors: dict[str, list[str]]


class PublicEventOut(Schema):
    date: dt.date
    summary: str


class SplitCaseOut(Schema):
    tracking_code: str
    display_code: str
    kind_label: str


class LetterOut(Schema):
    number_symbol: str
    summary: str
    issued_on: dt.date
    pdf: str = Field(description="Đường dẫn tải bản PDF (cùng mã tra cứu, cùng giới hạn).")
    docx: str = Field(description="Đường dẫn tải bản Word.")


class OrganisationRef(Schema):
    slug: str
    name: str


class PublicCaseOut(Schema):
    """What anyone holding the tracking code may read: never contacts, content or identity."""

    tracking_code: str
    display_code: str
    organisation: OrganisationRef
    kind: str
    kind_label: str
    received_on: dt.date
    status: str
    status_label: str
    next_due: dt.date | None
    next_due_provisional: str = _provisional()
    next_step: str
    overdue: bool
    promised_on: dt.date | None
    public_answer: str
    events: list[PublicEventOut]
    letters: list[LetterOut] = Field(
        description="Văn bản nhà trường đã gửi người gửi đơn (không có với đơn không ghi danh)."
    )
    split_cases: list[SplitCaseOut]


class PersonOut(Schema):
    username: str
    full_name: str


class CaseRowOut(Schema):
    id: str = Field(description="Mã định danh của vụ việc (UUID).")
    display_code: str
    kind: str
    kind_label: str
    title: str
    status: str
    status_label: str
    received_on: dt.date
    next_due: dt.date | None
    next_due_provisional: str = _provisional()
    next_step: str
    overdue: bool
    handler: PersonOut | None


class CasePageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[CaseRowOut]


# Built from the choices so the schema lists them; mypy cannot read a Literal built at run time.
StatusFilter = Literal["open", *CaseStatus.values]  # type: ignore[valid-type]
KindFilter = Literal[*CaseKind.values]  # type: ignore[valid-type]


class CaseFilters(Schema):
    status: StatusFilter | None = Field(
        None, description="open (đang mở) hoặc một tình trạng; bỏ trống: tất cả."
    )
    kind: KindFilter | None = None
    page: int = paging.page_field()
    page_size: int = paging.page_size_field()


class ContactOut(Schema):
    name: str
    phone: str
    email: str
    address: str


class DeadlineOut(Schema):
    step: str
    step_label: str
    due: dt.date | None
    due_provisional: str = _provisional()
    projected_due: dt.date | None
    limit: int
    unit: str
    citation: str
    is_internal_policy: bool
    needs_verification: bool
    tracked: bool
    done_on: dt.date | None
    moot: bool


class EventOut(Schema):
    kind: str
    kind_label: str
    created_at: dt.datetime
    actor: str
    summary: str
    public: bool


class CaseOut(CaseRowOut):
    """A case as staff read it. A denouncer appears only by pseudonym (`sender`); the
    identity is served by the HTML page to the resolver alone, with an audit record. For the
    inspection board `sender` is a neutral label and `content`, `denounced_person`,
    `public_answer` are empty; its `events` name each act by kind and document number only."""

    organisation: OrganisationRef
    procedure: str
    procedure_label: str
    channel: str
    channel_label: str
    content: str
    needs_redaction: bool
    sender: str
    contact: ContactOut | None
    denounced_person: str
    received_at: dt.datetime
    accepted_on: dt.date | None
    closed_at: dt.datetime | None
    verifiers: list[PersonOut]
    public_answer: str
    deadlines: list[DeadlineOut]
    events: list[EventOut]
    permissions: list[str] = Field(description="Những việc người gọi được làm với vụ việc.")


class AssignIn(Schema):
    handler: str = Field(description="Tên đăng nhập của người giải quyết.")
    verifiers: list[str] = Field(default_factory=list, max_length=20)
