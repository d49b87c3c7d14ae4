"""The DAT load file, read the way a review platform's importer reads it.

No Python library is made for Concordance/Relativity DAT (nor for EDRM XML), so the check
uses Python's general delimited-text reader set to the DAT conventions (DC4 between fields,
``þ`` around them, BOM, CRLF), not the project's own reader: whatever a field holds, every
document is one physical line and every field comes back as written, except that a line
break is ``®`` and a ``þ`` inside a value is dropped (it would end the field).
"""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.ops.bundle import LOAD_FIELDS, dat_bytes
from tests.conftest import examples

NAMES = [n for n, _ in LOAD_FIELDS]

_pieces = st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\x00", max_codepoint=0x2FF
) | st.sampled_from(["\r\n", "\n", "\r", "\x14", "\u00fe", "\u00ae", '"', ",", "\\"])
_values = st.lists(_pieces, max_size=20).map("".join)
_rows = st.lists(st.fixed_dictionaries({n: _values for n in NAMES}), max_size=4)


def _as_loaded(value: str) -> str:
    one_line = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\u00ae")
    return one_line.replace("\u00fe", "")


@settings(max_examples=examples(50), deadline=None)
@given(_rows)
def test_every_field_reads_back_from_one_line_per_document(rows: list[dict[str, str]]) -> None:
    data = dat_bytes(rows)
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[-1] == "" and len(lines) == len(rows) + 2  # header, documents, final CRLF
    assert not any("\n" in line or "\r" in line for line in lines)
    parsed = list(csv.reader(io.StringIO(text, newline=""), delimiter="\x14", quotechar="\u00fe"))
    assert parsed[0] == NAMES
    assert parsed[1:] == [[_as_loaded(r[n]) for n in NAMES] for r in rows]
