"""Receiving a case on any channel: the public form, or staff on the citizen's behalf.

What a case says and who sends it travels as one `Submission`, whatever the channel (the web
form, staff entry, the API, the demo). `submit_case` validates, stores the case with its
attachments, seals a denouncer's identity, computes and stores its due dates and writes the
first timeline event, in one transaction.
A repeated submission (double click, retry) carries the same `idempotency_key` — a random token
put in the form when it was rendered — and returns the case already stored, not a second one.
`receive_walk_in` is staff entry: the case, and for a citizen who came in person the line of
the sổ tiếp công dân, in the same transaction.
"""

import datetime as dt
import mimetypes
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import EmailValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.core import compiled
from gandan.core.language import in_vietnamese
from gandan.core.salutation import Salutation
from gandan.core.uploads import check_upload
from gandan.orgs.models import Organisation, OrgKind, User
from gandan.petitions import events, secrecy
from gandan.petitions.models import (
    DEFAULT_PROCEDURE,
    IDENTIFYING_FILE_NAME,
    PROCEDURES_OF_KIND,
    Attachment,
    Case,
    CaseDeadline,
    CaseEventKind,
    CaseKind,
    Channel,
    Delivery,
    DenouncerIdentity,
    InformationForm,
    Procedure,
)
from gandan.petitions.services.reception import record_reception
from gandan.petitions.services.timing import insert_deadlines, new_case_deadlines

TRACKING_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud on the phone
TRACKING_LENGTH = 10  # 32**10 ≈ 10**15 codes: not guessable, short enough to write down
TRACKING_ATTEMPTS = 3  # draws of a code before a clash is an error (never seen: 10**15 codes)
MAX_ATTACHMENTS = 5
# All the files of one submission together (each at most core.uploads.MAX_UPLOAD_BYTES): what a
# phone's photos of a few pages weigh, well below what would hold a worker for long.
MAX_SUBMISSION_BYTES = 25 * 1024 * 1024
MAX_TITLE = 200
MAX_CONTENT = 10000
# Letters and digits, not counting spaces or punctuation: "a" / "b" or "....." says nothing a
# school could act on; the shortest real ones ("Mái lớp 2A dột", "Cổng trường ùn tắc lúc tan
# học") are well above.
MIN_TITLE = 4
MIN_CONTENT = 10

CONSENT_VERSION = "2026-01"
# Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15): consent names the data, the purpose and the
# controller; it is given for this purpose only and is never pre-ticked.
CONSENT_TEXT = gettext_lazy(
    "Tôi đồng ý để nhà trường xử lý các thông tin cá nhân tôi cung cấp (họ tên, địa chỉ, số "
    "điện thoại, thư điện tử, số giấy tờ tùy thân, nội dung và tệp đính kèm) chỉ để tiếp nhận, "
    "giải quyết và trả lời vụ việc này, theo Luật Bảo vệ dữ liệu cá nhân năm 2025. Thông tin "
    "không dùng vào việc khác; tôi có quyền xem, sửa, rút lại sự đồng ý."
)

# Luật Tiếp cận thông tin 2016, Điều 29–31: the time limits depend on how the request came.
INFORMATION_PROCEDURE: dict[str, str] = {
    Channel.WEB: Procedure.ELECTRONIC,
    Channel.EMAIL: Procedure.ELECTRONIC,
    Channel.PHONE: Procedure.IN_PERSON,
    Channel.WALK_IN: Procedure.IN_PERSON,
    Channel.MAIL: Procedure.POST_OR_FAX,
}


@dataclass(frozen=True)
class Sender:
    """Who sent the case, as typed; for a denunciation this is sealed, never stored plain."""

    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    id_number: str = ""
    salutation: str = ""  # Salutation value, "" when not chosen

    def cleaned(self) -> "Sender":
        return Sender(*(" ".join(value.split()) for value in self.__dict__.values()))

    @property
    def is_empty(self) -> bool:
        return not any(self.__dict__.values())


@dataclass(frozen=True)
class Submission:
    """What a case says and who sends it, as received on any channel; checked by
    `check_submission`. `received_at` None means now."""

    kind: str
    title: str
    content: str
    sender: Sender = Sender()
    channel: str = Channel.WEB
    anonymous: bool = False
    consent: bool = False
    attachments: Sequence[UploadedFile] = ()
    information_form: str = ""
    delivery: str = ""
    information_purpose: str = ""
    denounced_person: str = ""
    received_at: dt.datetime | None = None
    is_remote: bool = False

    @property
    def is_information_request(self) -> bool:
        return self.kind == CaseKind.INFORMATION_REQUEST

    def with_clean_sender(self) -> "Submission":
        """An anonymous submission carries no sender; a named one, its words tidied."""
        return replace(self, sender=Sender() if self.anonymous else self.sender.cleaned())

    def normalised(self) -> "Submission":
        """As stored: spaces tidied, lengths capped, the information fields only where they
        belong, consent only from a named sender."""
        information = self.is_information_request
        return replace(
            self.with_clean_sender(),
            title=" ".join(self.title.split()),
            content=self.content.strip(),
            consent=self.consent and not self.anonymous,
            information_form=self.information_form if information else "",
            delivery=self.delivery if information else "",
            information_purpose=self.information_purpose.strip()[:500],
            denounced_person=" ".join(self.denounced_person.split())[:255],
        )


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


def normalise_tracking_code(text: str) -> str:
    """'gd-7k3mq 9xpab' → '7K3MQ9XPAB'; '' if it cannot be a code."""
    compact = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(compact) == TRACKING_LENGTH + 2 and compact.startswith("GD"):
        compact = compact[2:]
    if len(compact) != TRACKING_LENGTH or any(ch not in TRACKING_ALPHABET for ch in compact):
        return ""
    return compact


def check_submission(submission: Submission) -> dict[str, list[str]]:
    """Every problem of a submission, by field, in plain Vietnamese; empty when it is valid."""
    errors: dict[str, list[str]] = {}
    kind, channel, sender = submission.kind, submission.channel, submission.sender
    title, content, anonymous = submission.title, submission.content, submission.anonymous
    attachments = submission.attachments

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if kind not in CaseKind.values:
        add("kind", _("Hãy chọn loại đơn."))
    if channel not in Channel.values:
        add("channel", _("Kênh tiếp nhận không hợp lệ."))
    if not title.strip():
        add("title", _("Hãy ghi tóm tắt ngắn gọn việc cần gửi."))
    elif len(title.strip()) > MAX_TITLE:
        add("title", _("Tóm tắt dài quá %(n)s ký tự.") % {"n": MAX_TITLE})
    elif _letters(title) < MIN_TITLE:
        add(
            "title",
            _(
                "Tóm tắt quá ngắn. Hãy ghi một câu nói rõ việc gì, ví dụ: Mái tôn lớp 2A bị dột "
                "khi mưa."
            ),
        )
    if not content.strip():
        add("content", _("Hãy ghi nội dung cụ thể."))
    elif len(content) > MAX_CONTENT:
        add("content", _("Nội dung dài quá %(n)s ký tự.") % {"n": MAX_CONTENT})
    elif _letters(content) < MIN_CONTENT:
        add(
            "content",
            _(
                "Nội dung quá ngắn để nhà trường xem xét. Hãy ghi rõ sự việc ở đâu, khi nào, ai "
                "liên quan và ông (bà) đề nghị gì."
            ),
        )
    if sender.salutation and sender.salutation not in Salutation.values:
        add("salutation", _("Cách xưng hô không hợp lệ."))
    if kind == CaseKind.INFORMATION_REQUEST and anonymous:
        # Luật Tiếp cận thông tin 2016, Điều 24 k2: the request names its author.
        add("anonymous", _("Yêu cầu cung cấp thông tin phải ghi rõ họ tên, địa chỉ, giấy tờ."))
    complaint = kind == CaseKind.COMPLAINT
    if complaint and anonymous:
        # Luật Khiếu nại 2011, Điều 8: the application states the complainant's name and
        # address; unsigned content is not a khiếu nại, it can be received as a phản ánh.
        add("anonymous", str(ANONYMOUS_COMPLAINT))
    if complaint and not anonymous and not sender.address:
        add("address", _("Khiếu nại cần ghi địa chỉ của người khiếu nại (Luật Khiếu nại, Điều 8)."))
    if not anonymous:
        if not sender.name and complaint:
            add("name", _("Khiếu nại cần ghi họ và tên người khiếu nại (Luật Khiếu nại, Điều 8)."))
        elif not sender.name:
            add("name", _("Hãy ghi họ và tên (hoặc chọn gửi không ghi danh)."))
        if not (sender.phone or sender.email or sender.address):
            add(
                "phone",
                _("Hãy ghi ít nhất một cách liên lạc: điện thoại, thư điện tử hoặc địa chỉ."),
            )
        if sender.phone and not _looks_like_phone(sender.phone):
            add("phone", _("Số điện thoại chỉ gồm chữ số (9–11 số), ví dụ 0912 345 678."))
        if sender.email:
            try:
                EmailValidator()(sender.email)
            except ValidationError:
                add("email", _("Địa chỉ thư điện tử không hợp lệ, ví dụ ten@gmail.com."))
        if not submission.consent:
            add(
                "consent", _("Cần đồng ý cho nhà trường xử lý thông tin cá nhân để giải quyết đơn.")
            )
    if kind == CaseKind.DENUNCIATION and not submission.denounced_person.strip():
        # Luật Tố cáo 2018, Điều 23 k1: the application names the person denounced.
        add("denounced_person", _("Hãy ghi người hoặc cơ quan bị tố cáo."))
    if kind == CaseKind.INFORMATION_REQUEST:
        # Luật Tiếp cận thông tin 2016, Điều 24 k2: ID number, the information, its form, purpose.
        if not sender.address:
            add("address", _("Yêu cầu cung cấp thông tin cần ghi nơi cư trú."))
        if not sender.id_number:
            add("id_number", _("Yêu cầu cung cấp thông tin cần ghi số CCCD hoặc hộ chiếu."))
        if submission.information_form not in InformationForm.values:
            add("information_form", _("Hãy chọn hình thức nhận thông tin."))
        if submission.delivery not in Delivery.values:
            add("delivery", _("Hãy chọn cách nhận thông tin."))
        elif submission.delivery == Delivery.EMAIL and not sender.email:
            add("email", _("Muốn nhận qua thư điện tử thì cần ghi địa chỉ thư điện tử."))
        if not submission.information_purpose.strip():
            add("information_purpose", _("Hãy ghi lý do, mục đích yêu cầu cung cấp thông tin."))
    if len(attachments) > MAX_ATTACHMENTS:
        add("attachments", _("Đính kèm tối đa %(n)d tệp.") % {"n": MAX_ATTACHMENTS})
    elif sum(upload.size or 0 for upload in attachments) > MAX_SUBMISSION_BYTES:
        add(
            "attachments",
            _("Các tệp đính kèm cộng lại quá %(n)s MB; hãy bớt tệp hoặc chụp ảnh nhỏ hơn.")
            % {"n": MAX_SUBMISSION_BYTES // (1024 * 1024)},
        )
    else:
        for upload in attachments:
            try:
                check_upload(upload)
            except ValidationError as error:
                for message in error.messages:
                    add("attachments", message)
    return errors


# Luật Khiếu nại 2011, Điều 8: also shown where the form offers to send as a phản ánh.
ANONYMOUS_COMPLAINT = gettext_lazy(
    "Khiếu nại phải ghi rõ họ tên và địa chỉ của người khiếu nại (Luật Khiếu nại, Điều 8). Nếu "
    "không muốn ghi danh, ông (bà) có thể gửi nội dung này dưới dạng phản ánh: nhà trường vẫn "
    "xem xét, nhưng không trả lời riêng."
)
# The fields whose error the complaint rule above gives: where the form offers the phản ánh.
COMPLAINT_IDENTITY_FIELDS = ("anonymous", "name", "address")


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def receipt_notice(case: Case) -> str:
    """What the sender must be told on receipt beyond "received", "" when nothing.

    Luật Tố cáo 2018, Điều 25: a denunciation without a name is not processed as a tố cáo: no
    thụ lý, no time limits, no answer; the school uses it as information to check."""
    if case.is_anonymous_information:
        return _(
            "Tố cáo không ghi họ tên được nhà trường ghi nhận là thông tin (Luật Tố cáo, Điều "
            "25), không thụ lý và giải quyết như một đơn tố cáo nên không có thời hạn giải quyết "
            "và không có văn bản trả lời. Nếu nội dung rõ người vi phạm và có căn cứ, nhà trường "
            "sẽ kiểm tra theo thẩm quyền."
        )
    return ""


def _looks_like_phone(text: str) -> bool:
    digits = text.replace(" ", "").replace(".", "").replace("-", "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    return digits.isdigit() and 9 <= len(digits) <= 11


# Who holds cases: a school, and the ward (UBND xã/phường) that manages schools for the complaints
# against its own decisions, which it resolves first (Luật Khiếu nại 2011, Điều 7 k1, Điều 17):
# a head's evaluation result (NĐ 233/2026, Điều 13 k3a). The public form stays the school's.
CASE_HOLDERS = {OrgKind.SCHOOL, OrgKind.COMMUNE_COMMITTEE}


@in_vietnamese
def submit_case(
    *,
    organisation: Organisation,
    submission: Submission,
    idempotency_key: str = "",
    actor: User | None = None,
) -> Case:
    """Store a new case (or return the one this submission already created).

    Preconditions: the organisation is one of CASE_HOLDERS; the submission passes `check_submission`
    (ValidationError with the messages by field otherwise). `actor` is the staff member who
    entered it for the citizen, None for the public form.
    """
    if organisation.kind not in CASE_HOLDERS:
        raise ValidationError(_("Chỉ trường học tiếp nhận đơn qua hệ thống này."))
    submission = submission.with_clean_sender()
    errors = check_submission(submission)
    if errors:
        raise ValidationError(errors)
    key = idempotency_key.strip()[:64]
    kind = submission.kind
    # Everything is computed before the transaction (sealing, due dates), which holds the
    # write lock only for the INSERTs. A replay is found by the unique (organisation, key) of
    # the case's own INSERT, the first write, so a refused copy leaves nothing.
    new = _new_case(
        organisation=organisation,
        submission=submission.normalised(),
        procedure=INFORMATION_PROCEDURE[submission.channel]
        if kind == CaseKind.INFORMATION_REQUEST
        else DEFAULT_PROCEDURE[kind],
        idempotency_key=key,
        actor=actor,
    )
    for attempt in range(TRACKING_ATTEMPTS):
        try:
            with transaction.atomic():
                return _store_case(new)
        except IntegrityError:
            # The same submission stored before (a replay, or two copies racing), or, once in
            # about 10**15, a tracking code already given: a new code is drawn.
            if key:
                existing = Case.objects.filter(
                    organisation=organisation, idempotency_key=key
                ).first()
                if existing is not None:
                    return existing
            if attempt == TRACKING_ATTEMPTS - 1:
                raise
            new.redraw_tracking_code()
    raise AssertionError("unreachable")


def walk_in_time(received_on: dt.date) -> dt.datetime:
    """Now for a case received today; entered later from a paper register, the start of
    office hours that day."""
    if received_on == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(received_on, dt.time(8)))


@in_vietnamese
@transaction.atomic
def receive_walk_in(
    *,
    organisation: Organisation,
    actor: User,
    submission: Submission,
    received_on: dt.date,
    register: bool = True,
    people_count: int = 1,
    idempotency_key: str = "",
) -> Case:
    """A case staff enter for a citizen who came, phoned or wrote, received on `received_on`;
    a named citizen who came in person is also written in the sổ tiếp công dân (Luật Tiếp công
    dân 2013, Điều 25 k2) when `register`. Idempotent like `submit_case`: a repeated entry
    returns the case stored then and writes no second line.

    Preconditions: as `submit_case`; `received_on` is not in the future; as `record_reception`.
    """
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Ngày tiếp nhận không được ở tương lai.")})
    case = submit_case(
        organisation=organisation,
        submission=replace(submission, received_at=walk_in_time(received_on)),
        idempotency_key=idempotency_key,
        actor=actor,
    )
    in_person = submission.channel == Channel.WALK_IN and not submission.anonymous
    if register and in_person and not case.reception_entries.exists():
        record_reception(
            organisation=organisation,
            actor=actor,
            received_on=received_on,
            name=submission.sender.name,
            address=submission.sender.address,
            id_number=submission.sender.id_number,
            content_summary=case.title,
            kind=case.kind,
            people_count=people_count,
            handled_by=organisation.name,
            case=case,
        )
    return case


@dataclass
class NewCase:
    """A case built in memory, with everything that is written with it: prepared before the
    transaction, so that the write lock is held only for the INSERTs (`_store_case`)."""

    case: Case
    deadlines: list[CaseDeadline]
    identity: DenouncerIdentity | None
    attachments: Sequence[UploadedFile]
    protected: bool
    actor: User | None

    def redraw_tracking_code(self) -> None:
        """After a failed INSERT: a new code, and the case unsaved again."""
        self.case.pk = None
        self.case._state.adding = True
        self.case.tracking_code = new_tracking_code()


def _new_case(
    *,
    organisation: Organisation,
    submission: Submission,
    procedure: str,
    idempotency_key: str,
    actor: User | None,
    parent_case: Case | None = None,
    sealed_identity: DenouncerIdentity | None = None,
) -> NewCase:
    """Build the case, its sealed identity and its due dates, writing nothing."""
    kind, sender, anonymous = submission.kind, submission.sender, submission.anonymous
    content, channel = submission.content, submission.channel
    received_at = submission.received_at or timezone.now()
    if procedure not in PROCEDURES_OF_KIND[kind]:
        procedure = DEFAULT_PROCEDURE[kind]
    protected = kind == CaseKind.DENUNCIATION and not anonymous
    case = Case(
        organisation=organisation,
        # Unique (32**10 codes): a clash fails the INSERT and submit_case tries a new code.
        tracking_code=new_tracking_code(),
        kind=kind,
        procedure=procedure,
        is_anonymous=anonymous,
        channel=channel,
        title=submission.title[:MAX_TITLE],
        # Luật Tố cáo 2018, Điều 56: the application itself may identify the denouncer; it is
        # sealed with the identity until the resolver writes a version without it.
        content="" if protected else content,
        needs_redaction=protected,
        received_at=received_at,
        received_on=timezone.localdate(received_at),
        is_remote=submission.is_remote,
        information_form=submission.information_form,
        delivery=submission.delivery,
        information_purpose=submission.information_purpose,
        denounced_person=submission.denounced_person,
        consent_given=submission.consent,
        consent_at=timezone.now() if submission.consent else None,
        consent_version=CONSENT_VERSION if submission.consent else "",
        idempotency_key=idempotency_key,
        parent_case=parent_case,
        created_by=actor,
    )
    identity = None
    if sealed_identity is not None:
        identity = sealed_identity
        identity.pk = None
        if protected:
            identity.original_content_token = secrecy.seal(content)
    elif protected:
        identity = DenouncerIdentity(
            name_token=secrecy.seal(sender.name),
            address_token=secrecy.seal(sender.address),
            phone_token=secrecy.seal(sender.phone),
            email_token=secrecy.seal(sender.email),
            id_number_token=secrecy.seal(sender.id_number),
            original_content_token=secrecy.seal(content),
        )
    else:
        case.contact_name = sender.name[:150]
        case.contact_phone = sender.phone[:32]
        case.contact_email = sender.email[:254]
        case.contact_address = sender.address[:255]
        case.salutation = sender.salutation
        case.id_number_token = secrecy.seal(sender.id_number)
    # The due dates in memory: the next one goes into the case's own INSERT.
    deadlines = new_case_deadlines(case)
    return NewCase(case, deadlines, identity, submission.attachments, protected, actor)


def _store_case(new: NewCase) -> Case:
    """Insert the case and everything that belongs to it; the caller holds the transaction."""
    # save(force_insert=True), compiled once (core/compiled.py): the intake's hot path.
    case = compiled.insert(new.case)
    if new.identity is not None:
        new.identity.case = case
        compiled.insert(new.identity)
    for upload in new.attachments:
        store_attachment(case, upload, identifying=new.protected)
    insert_deadlines(case, new.deadlines)
    channel_label = Channel(case.channel).label
    events.record(
        case,
        CaseEventKind.RECEIVED,
        _("Tiếp nhận %(kind)s %(channel)s từ %(sender)s")
        % {
            "kind": case.kind_label.lower(),
            "channel": channel_label.lower(),
            "sender": case.sender_label,
        },
        actor=new.actor,
        public_summary=_("Nhà trường đã nhận đơn (%(channel)s).")
        % {"channel": channel_label.lower()},
    )
    return case


def create_case(
    *,
    organisation: Organisation,
    submission: Submission,
    procedure: str,
    idempotency_key: str,
    actor: User | None,
    parent_case: Case | None = None,
    sealed_identity: DenouncerIdentity | None = None,
) -> Case:
    """Build and insert a case, as `_new_case` builds it; the caller holds the transaction
    (a split, workflow.split_case: the parts of one application stored as cases)."""
    return _store_case(
        _new_case(
            organisation=organisation,
            submission=submission,
            procedure=procedure,
            idempotency_key=idempotency_key,
            actor=actor,
            parent_case=parent_case,
            sealed_identity=sealed_identity,
        )
    )


def neutral_file_name(content_type: str) -> str:
    """The name an identifying file is known by outside its seal: 'tep-dinh-kem.pdf'."""
    return IDENTIFYING_FILE_NAME + (mimetypes.guess_extension(content_type) or "")


def store_attachment(case: Case, upload: UploadedFile, *, identifying: bool) -> Attachment:
    """Keep one checked file; an identifying scan is stored sealed, its name too."""
    info = check_upload(upload)
    upload.seek(0)
    data = upload.read()
    name = (upload.name or "tep")[:255]
    attachment = Attachment(
        case=case,
        original_name=neutral_file_name(info.content_type) if identifying else name,
        name_token=secrecy.seal(name) if identifying else "",
        content_type=info.content_type,
        size=info.size,
        sha256=info.sha256,
        is_identifying=identifying,
    )
    stored = secrecy.seal_bytes(data) if identifying else data
    attachment.file.save("tep", ContentFile(stored), save=False)
    attachment.save()
    return attachment
