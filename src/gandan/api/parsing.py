"""The API's request parser: ninja's, plus the one text check of core/text.py on every
string a request carries (JSON body at any depth, query string, form fields), so no endpoint
can take a control character or a lone surrogate ("\\ud800" in JSON) that a document or the
database would choke on. The refusal is a 422 naming the field, in Vietnamese.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser
from ninja.types import DictStrAny

from gandan.api.errors import NON_FIELD, ApiError, Messages
from gandan.core.text import first_forbidden, message_for


def _first_bad(value: Any, field: str) -> tuple[str, str] | None:
    """(field, character) of the first forbidden character anywhere in a parsed value."""
    if isinstance(value, str):
        char = first_forbidden(value)
        return (field, char) if char is not None else None
    if isinstance(value, dict):
        for key, item in value.items():
            # A key is text too; a nested key names the field as the error handler does.
            name = key if field == NON_FIELD else field
            found = _first_bad(key, name) or _first_bad(item, name)
            if found:
                return found
    if isinstance(value, list):
        for item in value:
            found = _first_bad(item, field)
            if found:
                return found
    return None


def check_strings(data: Any) -> None:
    """ApiError 422 at the first string holding a forbidden character."""
    found = _first_bad(data, NON_FIELD)
    if found is not None:
        field, char = found
        raise ApiError(422, Messages.INVALID, errors={field: [message_for(char)]})


class CheckedParser(Parser):
    def parse_body(self, request: HttpRequest) -> DictStrAny:
        # ninja turns any exception here into a 400; errors.install answers the ApiError
        # it carries instead (its __cause__).
        data = super().parse_body(request)
        check_strings(data)
        return data

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> DictStrAny:
        result = super().parse_querydict(data, list_fields, request)
        check_strings(result)
        return result
