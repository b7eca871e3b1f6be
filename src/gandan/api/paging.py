"""Bounds of every list endpoint's paging, so that a page or offset beyond any real register
is a 422 in Vietnamese ("Giá trị không được quá …", api/errors.py) rather than an integer the
database driver cannot hold (a 503 for `?page=10^20`).

Lists page either by `limit`/`offset` (authority endpoints) or by `page`/`page_size` (cases);
both use these fields.
"""

from typing import Any

from ninja import Field

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
# Beyond any real register, and within every database's integer (PostgreSQL's bigint, SQLite's
# 64-bit integer) even after multiplying by a page size.
MAX_OFFSET = 1_000_000_000
MAX_PAGE_SIZE = 100
MAX_PAGE = MAX_OFFSET // MAX_PAGE_SIZE


def limit_field(default: int = DEFAULT_LIMIT, maximum: int = MAX_LIMIT) -> Any:
    return Field(default, ge=1, le=maximum, description=f"Số dòng tối đa trả về (1–{maximum}).")


def offset_field() -> Any:
    return Field(0, ge=0, le=MAX_OFFSET, description="Bỏ qua bấy nhiêu dòng đầu.")


def page_field() -> Any:
    return Field(1, ge=1, le=MAX_PAGE, description=f"Số trang (1–{MAX_PAGE}).")


def page_size_field(default: int = 50) -> Any:
    return Field(
        default, ge=1, le=MAX_PAGE_SIZE, description=f"Số dòng mỗi trang (1–{MAX_PAGE_SIZE})."
    )
