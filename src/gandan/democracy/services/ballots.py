"""Use cases of votes and ballots: create, open, cast, close, cancel, check a receipt.

The tally exists only once a ballot is closed: `ballot_results` refuses before, and views never
receive it. While open, papers are sealed envelopes; at close they are opened, counted and
stored in random order. Why, and what each step defends against: models/ballots.py.
"""

import datetime as dt
import logging
import secrets
import uuid
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy import eligibility, events, notices, rules, sealing
from gandan.democracy.electorate import members_of, staff_of
from gandan.democracy.models import (
    Ballot,
    BallotMethod,
    BallotOption,
    BallotPaper,
    BallotPurpose,
    BallotStatus,
    Elector,
    ElectorateKind,
    EventKind,
    Motion,
    Participation,
    RulePreset,
    SealedPaper,
    Secrecy,
    ThresholdBase,
)
from gandan.orgs.models import INTERNAL_KINDS, Organisation, User

logger = logging.getLogger(__name__)

RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
RECEIPT_LENGTH = 12  # 60 random bits


def _rule_of(ballot: Ballot) -> rules.Rule:
    return rules.Rule(
        ballot.quorum_num,
        ballot.quorum_den,
        ballot.threshold_num,
        ballot.threshold_den,
        ballot.threshold_strict,
        ballot.threshold_base,
        ballot.rule_citation,
    )


@in_vietnamese
@transaction.atomic
def create_ballot(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    method: str,
    secrecy: str,
    electorate_kind: str,
    rule: str,
    description: str = "",
    purpose: str = BallotPurpose.GENERAL,
    electorate_unit: Organisation | None = None,
    listed: Sequence[User] = (),
    options: Sequence[str] = (),
    candidates: Sequence[User] = (),
    seats: int | None = None,
    closes_at: dt.datetime | None = None,
    is_written: bool = False,
    custom: rules.Rule | None = None,
) -> Ballot:
    """A draft ballot with its options, electorate and rule (preset numbers copied in)."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Cần nhập nội dung biểu quyết.")})
    if method not in BallotMethod.values or secrecy not in Secrecy.values:
        raise ValidationError(_("Cách biểu quyết không hợp lệ."))
    if electorate_kind not in ElectorateKind.values or rule not in RulePreset.values:
        raise ValidationError(_("Người biểu quyết hoặc điều kiện thông qua không hợp lệ."))
    if closes_at is not None and closes_at <= timezone.now():
        raise ValidationError({"closes_at": _("Thời điểm kết thúc phải ở tương lai.")})
    # Luật 10/2022/QH15, Điều 50: when the conference cannot meet, all staff vote in writing.
    if is_written and (electorate_kind != ElectorateKind.ALL_STAFF or rule != RulePreset.WRITTEN):
        raise ValidationError(
            _("Lấy phiếu bằng văn bản (Điều 50) là lấy ý kiến toàn thể cán bộ, theo Điều 50.")
        )
    if electorate_kind == ElectorateKind.UNIT:
        if (
            electorate_unit is None
            or electorate_unit.parent_id != organisation.pk
            or (electorate_unit.kind not in INTERNAL_KINDS)
        ):
            raise ValidationError({"electorate_unit": _("Hãy chọn một tổ chức, ban của trường.")})
    else:
        electorate_unit = None
    staff_ids = set(staff_of(organisation).values_list("pk", flat=True))
    if electorate_kind == ElectorateKind.LISTED:
        if not listed:
            raise ValidationError({"listed": _("Hãy chọn người được triệu tập.")})
        if any(user.pk not in staff_ids for user in listed):
            raise ValidationError({"listed": _("Chỉ triệu tập được cán bộ của trường.")})

    labels = [label.strip() for label in options if label.strip()]
    labels += [user.full_name for user in candidates]
    if purpose == BallotPurpose.INSPECTION_BOARD:
        _check_board_election(organisation, method, seats, candidates, staff_ids)
        labels = [user.full_name for user in candidates]
    if method == BallotMethod.MOTION:
        labels, seats = [], None
    elif method == BallotMethod.ELECTION:
        if not labels:
            raise ValidationError({"options": _("Cần có ít nhất một ứng cử viên.")})
        if not seats or seats < 1:
            raise ValidationError({"seats": _("Cần nhập số người được bầu.")})
    else:
        seats = None
        if len(labels) < 2:
            raise ValidationError({"options": _("Cần có ít nhất hai phương án.")})
    if len(set(labels)) != len(labels):
        raise ValidationError({"options": _("Các phương án, ứng cử viên không được trùng nhau.")})

    if rule == RulePreset.CUSTOM:
        if custom is None:
            raise ValidationError(_("Hãy nhập điều kiện hợp lệ và tỷ lệ thông qua."))
        chosen = custom
        if chosen.quorum_den < 1 or chosen.threshold_den < 1:
            raise ValidationError(_("Mẫu số phải lớn hơn 0."))
        if chosen.quorum_num > chosen.quorum_den or chosen.threshold_num > chosen.threshold_den:
            raise ValidationError(_("Tỷ lệ không được lớn hơn 1."))
        if chosen.base not in ThresholdBase.values:
            raise ValidationError(_("Cách tính tỷ lệ không hợp lệ."))
        citation = _("Điều kiện do người tổ chức đặt")
    else:
        chosen = rules.PRESETS[rule]
        citation = chosen.citation

    ballot = Ballot.objects.create(
        organisation=organisation,
        title=title[:300],
        description=description.strip(),
        method=method,
        purpose=purpose,
        secrecy=secrecy,
        electorate_kind=electorate_kind,
        electorate_unit=electorate_unit,
        is_written=is_written,
        rule=rule,
        quorum_num=chosen.quorum_num,
        quorum_den=chosen.quorum_den,
        threshold_num=chosen.threshold_num,
        threshold_den=chosen.threshold_den,
        threshold_strict=chosen.strict,
        threshold_base=chosen.base,
        rule_citation=citation[:300],
        seats=seats,
        closes_at=closes_at,
        created_by=actor,
    )
    by_name = {user.full_name: user for user in candidates}
    BallotOption.objects.bulk_create(
        BallotOption(ballot=ballot, order=index, label=label[:300], candidate=by_name.get(label))
        for index, label in enumerate(labels)
    )
    if electorate_kind == ElectorateKind.LISTED:
        # The list is kept on the draft and frozen (re-read) at opening.
        Elector.objects.bulk_create(Elector(ballot=ballot, user=user) for user in set(listed))
    events.record(
        organisation,
        EventKind.BALLOT_CREATED,
        _("Tạo cuộc biểu quyết “%(title)s”") % {"title": ballot.title},
        actor,
        ballot=ballot,
    )
    return ballot


def _check_board_election(
    organisation: Organisation, method: str, seats: int | None, candidates, staff_ids: set[int]
) -> None:
    if method != BallotMethod.ELECTION:
        raise ValidationError(_("Bầu Ban Thanh tra nhân dân là bầu chọn ứng cử viên."))
    # Luật 10/2022/QH15, Điều 60: the seats, the staff needed and who may stand are in
    # `rules.BOARD_COMPOSITION`, asked through `eligibility`.
    if not eligibility.seats_allowed(organisation, seats):
        raise ValidationError({"seats": eligibility.seats_text(organisation)})
    if len(staff_ids) < rules.BOARD_COMPOSITION.min_staff:
        raise ValidationError(
            _("Đơn vị có từ 7 cán bộ trở xuống thì không thành lập Ban Thanh tra nhân dân.")
        )
    if not candidates:
        raise ValidationError({"candidates": _("Hãy chọn ứng cử viên trong cán bộ của trường.")})
    refused = eligibility.ineligible(organisation, candidates)
    for user in candidates:
        if user.pk not in staff_ids:
            raise ValidationError({"candidates": _("Ứng cử viên phải là cán bộ của trường.")})
        if user.pk in refused:
            raise ValidationError(
                {
                    "candidates": _("%(name)s %(why)s, không được bầu vào Ban.")
                    % {"name": user.full_name, "why": refused[user.pk]}
                }
            )


def _electorate(ballot: Ballot) -> list[int]:
    if ballot.electorate_kind == ElectorateKind.ALL_STAFF:
        return list(staff_of(ballot.organisation).values_list("pk", flat=True))
    if ballot.electorate_kind == ElectorateKind.UNIT and ballot.electorate_unit is not None:
        return list(members_of(ballot.electorate_unit).values_list("pk", flat=True))
    staff = set(staff_of(ballot.organisation).values_list("pk", flat=True))
    return [pk for pk in ballot.electors.values_list("user_id", flat=True) if pk in staff]


@in_vietnamese
@transaction.atomic
def open_ballot(*, ballot: Ballot, actor: User, summoned: int | None = None) -> Ballot:
    """Freeze the electorate and start the vote.

    `summoned` is given for a vote at the staff conference: those present vote, but the
    quorum is counted on everyone summoned (Luật 10/2022/QH15, Điều 51 k2c), so the ballot's
    "được triệu tập" is the conference's number, stored once here, and the electors are
    named "có mặt" rather than "triệu tập"."""
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.status != BallotStatus.DRAFT:
        raise ValidationError(_("Chỉ mở được cuộc biểu quyết đang chuẩn bị."))
    if ballot.closes_at is not None and ballot.closes_at <= timezone.now():
        raise ValidationError(_("Thời điểm kết thúc dự kiến đã qua."))
    electorate = _electorate(ballot)
    if not electorate:
        raise ValidationError(_("Danh sách người biểu quyết đang trống."))
    ballot.electors.all().delete()
    Elector.objects.bulk_create(Elector(ballot=ballot, user_id=pk) for pk in electorate)
    ballot.status = BallotStatus.OPEN
    ballot.opened_at = timezone.now()
    ballot.electorate_size = len(electorate) if summoned is None else summoned
    ballot.save(update_fields=["status", "opened_at", "electorate_size", "updated_at"])
    if summoned is None:
        summary = _("Mở bỏ phiếu “%(title)s” (%(n)d người được triệu tập)") % {
            "title": ballot.title,
            "n": len(electorate),
        }
    else:
        summary = _(
            "Mở biểu quyết “%(title)s” tại hội nghị (%(n)d người có mặt bỏ phiếu; "
            "%(s)d người được triệu tập)"
        ) % {"title": ballot.title, "n": len(electorate), "s": summoned}
    events.record(ballot.organisation, EventKind.BALLOT_OPENED, summary, actor, ballot=ballot)
    notices.ballot_opened(ballot, actor)
    return ballot


def _clean_choices(ballot: Ballot, choices: Sequence[str]) -> list:
    if ballot.method == BallotMethod.MOTION:
        if len(choices) != 1 or choices[0] not in Motion.values:
            raise ValidationError(_("Hãy chọn một trong ba ý kiến."))
        return [choices[0]]
    option_ids = set(ballot.options.values_list("pk", flat=True))
    try:
        picked = sorted({int(choice) for choice in choices})
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("Lựa chọn không hợp lệ.")) from exc
    if not set(picked) <= option_ids:
        raise ValidationError(_("Lựa chọn không hợp lệ."))
    if ballot.method == BallotMethod.ELECTION and len(picked) > (ballot.seats or 0):
        raise ValidationError(
            _("Chỉ được chọn tối đa %(n)d người; phiếu chọn quá số lượng không hợp lệ.")
            % {"n": ballot.seats}
        )
    return picked


def _new_receipt() -> str:
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(code[index : index + 4] for index in range(0, RECEIPT_LENGTH, 4))


def _widest_paper(ballot: Ballot) -> list:
    """The longest paper the ballot allows: every envelope is padded to it."""
    if ballot.method == BallotMethod.MOTION:
        return [max(Motion.values, key=len)]
    return sorted(ballot.options.values_list("pk", flat=True))


def has_voted(ballot: Ballot, user: User) -> bool:
    return Participation.objects.filter(ballot=ballot, voter=user).exists()


@in_vietnamese
@transaction.atomic
def cast_ballot(*, ballot: Ballot, voter: User, choices: Sequence[str]) -> str:
    """Put the voter's sealed paper in the box and return their receipt code, to be shown
    once and kept nowhere.

    One person, one ballot: a second submission is refused, and two submitted at the same
    moment meet the unique constraint on Participation, so exactly one paper is written. The
    participation and the envelope commit together, so an acknowledged vote is durable; no
    audit or timeline row is written per vote (models/ballots.py says why; the audit row at
    close gives the count).
    """
    # Locks the ballot against a concurrent close (and serialises votes on PostgreSQL).
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.status != BallotStatus.OPEN:
        raise ValidationError(_("Cuộc biểu quyết không còn nhận phiếu."))
    if ballot.closes_at is not None and timezone.now() >= ballot.closes_at:
        raise ValidationError(_("Đã hết thời gian bỏ phiếu."))
    if not Elector.objects.filter(ballot=ballot, user=voter).exists():
        raise ValidationError(_("Bạn không có tên trong danh sách biểu quyết."))
    picked = _clean_choices(ballot, choices)
    if has_voted(ballot, voter):
        raise ValidationError(_("Bạn đã bỏ phiếu trong cuộc biểu quyết này."))
    code = _new_receipt()
    envelope = sealing.seal(
        public_id=ballot.public_id,
        choices=picked,
        receipt_hash=sealing.paper_receipt_hashes(ballot.public_id, code)[0],
        widest=_widest_paper(ballot),
    )
    try:
        with transaction.atomic():
            Participation.objects.create(
                ballot=ballot,
                voter=voter,
                open_choices=picked if ballot.secrecy == Secrecy.OPEN else [],
            )
            SealedPaper.objects.create(
                ballot=ballot,
                envelope=envelope,
                receipt_tag=sealing.envelope_receipt_tags(ballot.public_id, code)[0],
            )
    except IntegrityError as exc:
        raise ValidationError(_("Bạn đã bỏ phiếu trong cuộc biểu quyết này.")) from exc
    return code


def _open_the_box(ballot: Ballot) -> list[tuple[list, str]]:
    """Every paper of the ballot as (choices, receipt hash): the envelopes opened, and any
    paper already counted in the clear (written before papers were sealed)."""
    papers = list(ballot.papers.values_list("choices", "receipt_hash"))
    for envelope in ballot.sealed_papers.values_list("envelope", flat=True):
        try:
            papers.append(sealing.unseal(public_id=ballot.public_id, envelope=envelope))
        except sealing.EnvelopeUnreadable as exc:
            raise ValidationError(
                _(
                    "Không mở được hòm phiếu: khóa bí mật của máy chủ (SECRET_KEY) đã bị thay "
                    "mà không giữ khóa cũ. Hãy đặt khóa cũ vào SECRET_KEY_FALLBACKS rồi kết "
                    "thúc lại."
                )
            ) from exc
    return [(list(choices), str(receipt_hash)) for choices, receipt_hash in papers]


def _destroy_envelopes(ballot: Ballot) -> None:
    using = router.db_for_write(SealedPaper)
    connection = connections[using]
    if connection.vendor == "sqlite":
        # Deleted rows are overwritten with zeros rather than left in freed space. (Debian
        # builds SQLite with this on; it is not the upstream default.)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")
    deleted, _counts = ballot.sealed_papers.all().delete()
    if deleted:
        transaction.on_commit(lambda: scrub_freed_storage(using), using=using, robust=True)


def _store_counted_papers(ballot: Ballot, papers: list[tuple[list, str]]) -> None:
    """Write the counted papers in one transaction: fresh random keys, inserted in key order.

    Insert order (SQLite rowid, PostgreSQL ctid) and the writing transaction (PostgreSQL xmin)
    then follow nothing but keys drawn now, whatever order people voted in.
    """
    ballot.papers.all().delete()
    fresh = sorted(
        (BallotPaper(id=uuid.uuid4(), ballot=ballot, choices=c, receipt_hash=h) for c, h in papers),
        key=lambda paper: paper.id,
    )
    BallotPaper.objects.bulk_create(fresh)
    _destroy_envelopes(ballot)


def scrub_freed_storage(using: str = "default") -> None:
    """After envelopes are deleted: SQLite checkpoints its WAL into the database and truncates
    it (the log held every vote's commit); PostgreSQL rewrites the envelope table, so the dead
    rows do not stay in its pages. Runs after the commit; inside a transaction it cannot."""
    connection = connections[using]
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy, _log, _done = cursor.fetchone()
            if busy:
                # A reader held an old snapshot: the next close, or SQLite's own checkpoints
                # once the log is reset, finish the job.
                logger.warning("ballot closed; the WAL could not be truncated (a reader)")
        elif connection.vendor == "postgresql":
            cursor.execute(f"VACUUM FULL {connection.ops.quote_name(SealedPaper._meta.db_table)}")


@in_vietnamese
@transaction.atomic
def close_ballot(*, ballot: Ballot, actor: User, attendance: int | None = None) -> Ballot:
    """End the vote: open the envelopes, count them under the ballot's rule, store the papers
    in random order and the result."""
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.status != BallotStatus.OPEN:
        raise ValidationError(_("Chỉ kết thúc được cuộc biểu quyết đang bỏ phiếu."))
    voted = ballot.participations.count()
    electorate = ballot.electorate_size or 0
    if attendance is None and ballot.agenda_item_id is not None:
        # Luật 10/2022/QH15, Điều 51 k2c: at the conference a motion carries with more than
        # half of those attending, whether or not they all voted.
        attendance = ballot.electors.count()
    if attendance is not None and not voted <= attendance <= electorate:
        raise ValidationError(
            {
                "attendance": _("Số người có mặt phải từ %(low)d (số phiếu đã bỏ) đến %(high)d.")
                % {"low": voted, "high": electorate}
            }
        )
    papers = _open_the_box(ballot)
    if len(papers) != voted:
        raise ValidationError(
            _("Số phiếu trong hòm (%(papers)d) khác số người đã bỏ phiếu (%(voted)d).")
            % {"papers": len(papers), "voted": voted}
        )
    options = [rules.Option(option.pk, option.label) for option in ballot.options.all()]
    result = rules.tally(
        method=ballot.method,
        rule=_rule_of(ballot),
        papers=[choices for choices, _receipt in papers],
        electorate=electorate,
        present=attendance if attendance is not None else voted,
        options=options,
        seats=ballot.seats,
    )
    _store_counted_papers(ballot, papers)
    ballot.status = BallotStatus.CLOSED
    ballot.closed_at = timezone.now()
    ballot.attendance = attendance
    ballot.result = result
    ballot.save(update_fields=["status", "closed_at", "attendance", "result", "updated_at"])
    events.record(
        ballot.organisation,
        EventKind.BALLOT_CLOSED,
        _("Kết thúc bỏ phiếu “%(title)s”: %(voted)d/%(n)d người đã bỏ phiếu")
        % {"title": ballot.title, "voted": voted, "n": electorate},
        actor,
        ballot=ballot,
    )
    notices.ballot_closed(ballot, actor)
    return ballot


@in_vietnamese
@transaction.atomic
def cancel_ballot(*, ballot: Ballot, actor: User, reason: str) -> Ballot:
    """Stop a ballot without counting it; the reason is kept."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do hủy.")})
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.status not in {BallotStatus.DRAFT, BallotStatus.OPEN}:
        raise ValidationError(_("Cuộc biểu quyết đã kết thúc hoặc đã hủy."))
    voted = ballot.participations.count()
    # Papers of a cancelled ballot are never counted: destroyed unopened, none kept.
    ballot.papers.all().delete()
    _destroy_envelopes(ballot)
    ballot.status = BallotStatus.CANCELLED
    ballot.cancel_reason = reason
    ballot.closed_at = timezone.now()
    ballot.save(update_fields=["status", "cancel_reason", "closed_at", "updated_at"])
    events.record(
        ballot.organisation,
        EventKind.BALLOT_CANCELLED,
        _("Hủy cuộc biểu quyết “%(title)s”: %(reason)s (hủy %(voted)d phiếu, không kiểm)")
        % {"title": ballot.title, "reason": reason, "voted": voted},
        actor,
        ballot=ballot,
    )
    return ballot


def ballot_results(ballot: Ballot) -> dict:
    """The tally of a closed ballot. Refused while it is open: nobody, head included, sees it."""
    if ballot.status != BallotStatus.CLOSED:
        raise ValidationError(_("Kết quả chỉ được công bố khi cuộc biểu quyết kết thúc."))
    return ballot.result


def verify_receipt(*, ballot: Ballot, code: str) -> bool:
    """Whether a paper with this receipt is in the box: sealed while open, counted once closed.
    Says nothing of what the paper chose."""
    if not code.strip():
        return False
    if ballot.papers.filter(
        receipt_hash__in=sealing.paper_receipt_hashes(ballot.public_id, code)
    ).exists():
        return True
    return ballot.sealed_papers.filter(
        receipt_tag__in=sealing.envelope_receipt_tags(ballot.public_id, code)
    ).exists()


def named_votes(ballot: Ballot) -> list[Participation]:
    """Who chose what in an open (named) vote, once closed. Never for a secret ballot."""
    if ballot.is_secret or ballot.status != BallotStatus.CLOSED:
        return []
    return list(ballot.participations.select_related("voter").order_by("voter__sort_key"))
