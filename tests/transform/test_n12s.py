"""Names in structured and quoted text: an HTML table's rows on lines of their own, a name
run cut before an address in capitals, a quoted or forwarded mail's sender line, a
header-less list of contacts whose values hold the separator, the items of a labelled line
of people parted by "and" and followed by more text, contact persons' labels; and the cost
of a pasted table, linear in its rows. Each rule is an inference: each has a case here where
it must not take a decoy, or is wrong as docs/MASKING.md says."""

from __future__ import annotations

import random

from archiver.transform import names as names_module
from tests.helpers import default_detectors
from tests.helpers import found_names as names


def kinds(text: str) -> dict[str, str]:
    return {text[sp.start : sp.end]: sp.kind for sp in default_detectors().find(text)}


# --- HTML tables ----------------------------------------------------------------------------

HTML = (
    "Liste:\n<table><tr><th>Name</th><th>E-mail</th><th>Tel</th></tr>\n"
    "<tr><td>சுரேஷ் ராஜேந்திரன்</td><td>suresh1984@example.co.uk</td><td>x</td></tr>\n"
    "<tr><td>WILMER QUISPE</td><td>wquispe@example.net</td><td>y</td></tr>\n"
    "</table>"
)


def test_an_html_table_whose_rows_stand_on_lines_of_their_own() -> None:
    # Each "</tr>" before the source's own line break used to add a blank line between the
    # rows, and the table ended at its header.
    assert {"சுரேஷ் ராஜேந்திரன்", "WILMER QUISPE"} <= set(names(HTML))


def test_an_html_column_headed_by_no_name_column_stays() -> None:
    text = HTML.replace("<th>Name</th>", "<th>City</th>").replace("WILMER QUISPE", "NAIROBI")
    assert "NAIROBI" not in names(text)
    assert "சுரேஷ் ராஜேந்திரன்" not in names(text)


# --- a name running into an address -------------------------------------------------------------


def test_a_name_ends_before_an_address_in_capitals() -> None:
    for text in (
        "<td>Wanjiru Kiprop</td><td>KIPROP.WANJIRU@ACME-LOGISTICS.COM</td>",
        "Wanjiru Kiprop KIPROP.WANJIRU@ACME-LOGISTICS.COM",
    ):
        found = kinds(text)
        assert found["Wanjiru Kiprop"] == "NAME"
        assert found["KIPROP.WANJIRU@ACME-LOGISTICS.COM"] == "EMAIL"


def test_an_address_alone_gives_no_name_from_its_local_part() -> None:
    assert kinds("write to KIPROP.WANJIRU@ACME-LOGISTICS.COM today") == {
        "KIPROP.WANJIRU@ACME-LOGISTICS.COM": "EMAIL"
    }


# --- quoted and forwarded mail ----------------------------------------------------------------


def test_the_sender_of_a_quoted_mail() -> None:
    for sender in ("JEROME VILLANUEVA", "杨建华", "Tamar Kapanadze", "Summer", "kofi appiah"):
        text = f"ok see below\n\n> From: {sender}\n> Hi there, call me at +35796129636\n"
        assert sender in names(text), sender


def test_the_sender_of_a_forwarded_header_block() -> None:
    text = "-----Original Message-----\nVon: kofi appiah\nGesendet: Montag, 3. März 2025\n"
    assert "kofi appiah" in names(text)


def test_a_from_line_that_is_no_mail_header_or_no_person() -> None:
    # an itinerary's line: no quote marker, no sent, date or subject line beside it
    assert names("From: Berlin Tegel\nDeparture: 10:40\n") == []
    # common words and teams are no sender's name
    assert names("> From: Customer Service\n> Hello, your ticket") == []
    assert names("> From: Billing Team\n> Hello") == []


def test_a_company_as_a_quoted_sender_is_masked() -> None:
    # Wrong way, as documented: a company's name on a quoted sender line is taken.
    assert "Acme Payables" in names("> From: Acme Payables\n> Invoice attached")


# --- header-less lists of contacts --------------------------------------------------------------


def test_a_headerless_contact_list_whose_values_hold_commas() -> None:
    text = (
        "Attendees export\n"
        '"லக்ஷ்மி",ராஜேந்திரன்,lakshmi1981@aol.com,+40 712034754,R$ 2.762,50\n'
        '"عمر",بن عبدالله,omar.abdullah@aol.com,+886 2 2123 5696,4.492 TL\n'
        "Jocelyn,Macapagal,macapagal.jocelyn@aol.com,(06 1) 234 6467,₦691,683.00\n"
    )
    assert {"லக்ஷ்மி", "ராஜேந்திரன்", "عمر", "بن عبدالله", "Macapagal"} <= set(names(text))


def test_a_headerless_contact_row_whose_address_repeats_a_common_word() -> None:
    text = (
        "Hossein,Rezaei,hossein.rezaei@gmail.com,+971 50 123 5142,20230403\n"
        "Solveig,Strand,solveig.strand@online.no,+357 96128216,CID62145\n"
    )
    assert {"Solveig", "Strand"} <= set(names(text))


def test_a_headerless_list_of_towns_and_companies_stays() -> None:
    text = (
        "Tromsø,Acme Holding,info@acme-holding.no,+47 55 12 34 56,2 564,50\n"
        "Aarhus,Globex Trading,contact@globex.dk,+45 86 12 34 56,1 200\n"
    )
    assert names(text) == []


# --- labelled lines and lists of people ---------------------------------------------------------


def test_the_items_of_a_labelled_line_parted_by_and() -> None:
    text = "Attendees: Bùi Minh Bảo and عمر حداد KD-123350"
    assert {"Bùi Minh Bảo", "عمر حداد"} <= set(names(text))
    text = "Attendees: मेहेदी इस्लाम, Hope Baker and สมชาย แก้วมณี\nRef.: Growth Team"
    assert {"मेहेदी इस्लाम", "Hope Baker", "สมชาย แก้วมณี"} <= set(names(text))


def test_the_last_item_ends_where_its_words_stop_reading_as_a_name() -> None:
    text = "Attendees: Kamau Mwangi and NEEMA CHEBET ref Senior Account Manager"
    found = names(text)
    assert "NEEMA CHEBET" in found
    assert not any("ref" in f or "Senior" in f for f in found)
    found = names("Attendees: Heike Koch and hope taylor ref FB214802557NL")
    assert "hope taylor" in found
    assert not any("ref" in f for f in found)


def test_the_last_item_keeps_a_lower_case_word_before_a_capitalised_one() -> None:
    text = "Cc: Jomar dela Cruz <jomar96 (at) yahoo.com (dot) ph>\nSubject: x"
    assert "Jomar dela Cruz" in names(text)
    # but not a verb before a capitalised common word: "Zoë went Home" names Zoë only
    assert names("Attendees: Heike Koch and Zoë went Home") == ["Heike Koch", "Zoë"]


def test_a_labelled_line_of_teams_stays() -> None:
    assert names("Attendees: Billing Ops and Growth Team ref 4471") == []


def test_contact_persons_are_a_list_of_people() -> None:
    text = "Contacts:\n- 王雨欣 (Tier 2 Support)\n- תמר אברהם (Payments Squad)\n\nRef.: CID75242"
    assert {"王雨欣", "תמר אברהם"} <= set(names(text))
    text = "Ansprechpartner:\n- নুসরাত হোসেন (Growth Team)\n- علی احمدی (Team Falcon)\n"
    assert {"নুসরাত হোসেন", "علی احمدی"} <= set(names(text))


def test_contacts_that_are_teams_or_numbers_stay() -> None:
    text = "Contacts:\n- Billing Ops (EMEA)\n- Returns Desk (24/7)\n- +44 20 7946 0958\n"
    assert names(text) == []


# --- cost of a pasted table -----------------------------------------------------------------------


def _quadratic_reference(
    out: list[tuple[int, int, str]], signed: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """What ``_find`` did before: each signature compared with every name found."""
    for found in signed:
        over = [f for f in out if not (found[1] <= f[0] or f[1] <= found[0])]
        if all(found[0] <= s and e <= found[1] for s, e, _ in over):
            out = [f for f in out if f not in over]
            out.append(found)
    return out


def test_signature_names_replace_the_names_inside_them_as_before() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, 900)
            spans.append((a, a + rng.randint(1, 300), "x"))
        signed = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, 900)
            signed.append((a, a + rng.randint(1, 400), "s"))
        assert names_module._prefer_signatures(list(spans), signed) == _quadratic_reference(
            list(spans), signed
        )


def test_a_table_header_is_found_alike_with_and_without_the_walked_rows_kept() -> None:
    rows = ["name,email,city"] + [f"Ana {i},a{i}@example.com,Lisboa" for i in range(40)]
    text = "intro line\n" + "\n".join(rows) + "\n\nbye, then\n"
    tops: dict[tuple[int, str], int] = {}
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for ls in starts:
        assert names_module._header(text, ls, tops) == names_module._header(text, ls)
    for ls in reversed(starts):
        assert names_module._header(text, ls, {}) == names_module._header(text, ls)


# --- a display name in brackets after an address; whom an invoice is made out to ---------------


def test_the_display_name_in_brackets_after_an_address() -> None:
    text = "From: hyunwoo.kang@naver.com (Kang Hyun-woo)\nTo: service@shop.example\n"
    assert "Kang Hyun-woo" in names(text)
    assert "中村由美子" in names("From: yumiko.nakamura@yahoo.co.jp (中村由美子)\n")


def test_brackets_after_an_address_holding_no_name_stay() -> None:
    assert names("write to help@shop.example (Customer Service) or sales@shop.example (24/7)") == []
    assert names("sales@acme.example (Sales Team)") == []


def test_whom_an_invoice_is_made_out_to() -> None:
    text = "Invoice FV/413/05/2026\nBill to: 王静\nVAT FR12642748443\nTotal due: KES 53,476"
    assert names(text) == ["王静"]
    assert "Võ Thu Linh" in names("Invoice F-1\nBill to: Võ Thu Linh\nTotal due: €3.660,86")


def test_an_invoice_made_out_to_a_department_or_a_company() -> None:
    assert names("Invoice F-1\nBill to: Customer Service\nTotal due: 12 €") == []
    # Wrong way, as documented: a company there is masked.
    assert "Acme Brothers" in names("Invoice F-1\nBill to: Acme Brothers\nVAT DE1")
