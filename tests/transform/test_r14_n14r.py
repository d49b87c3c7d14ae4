"""Names in SQL rows, beside an initial, in boarding data and inflected: each rule reads a
structure or a known name, and each has a decoy here it must keep (docs/MASKING.md says where
the rules are wrong)."""

from __future__ import annotations

from tests.helpers import found_names as names

# --- SQL rows ---------------------------------------------------------------------------------


def test_the_name_columns_of_an_sql_insert_are_masked_in_every_row() -> None:
    sql = (
        "INSERT INTO customers (id, first_name, last_name, email, phone) VALUES "
        "(86891, 'Rosa', 'Ortega', 'billing@immo-nord.dk', '010-2016-3306'),\n"
        "(45411, 'Reidun', 'Sæther', NULL, NULL),\n(19870, 'İzzət', 'Pənahov', NULL, NULL);"
    )
    assert names(sql) == ["Rosa", "Ortega", "Reidun", "Sæther", "İzzət", "Pənahov"]


def test_sql_values_in_other_scripts_and_quoted_column_names_are_masked() -> None:
    sql = "INSERT INTO `users` (`id`, `full_name`, `city`) VALUES (1, 'نازنين ضرغامی', 'Dublin');"
    assert names(sql) == ["نازنين ضرغامی"]


def test_sql_values_of_other_columns_and_a_table_of_things_stay() -> None:
    assert names("INSERT INTO products (id, name, price) VALUES (1, 'Rose Bush', 3.99);") == []
    sql = "INSERT INTO orders (id, status, city) VALUES (1, 'Will Call', 'Victoria');"
    assert names(sql) == []


# --- a legal letter's close and address -------------------------------------------------------


def test_the_signer_under_a_formal_close_is_masked_in_any_script() -> None:
    letter = "Yours faithfully\nسارا کرمانی\nRechtsanwältin, Mercedes-Benz"
    assert names(letter) == ["سارا کرمانی"]
    assert names("Yours sincerely,\nສົມພອນ ວົງສາ\nSolicitor") == ["ສົມພອນ ວົງສາ"]


def test_a_team_under_a_formal_close_stays() -> None:
    assert names("Yours sincerely\nThe Billing Team") == []


def test_the_neutral_title_in_an_address_cues_a_name_but_not_elsewhere() -> None:
    assert names("Dear Mx 後藤,") == ["後藤"]
    assert names("Dear Mx Olaizola,") == ["Olaizola"]
    assert names("the MX Master mouse and the MX record") == []


# --- a family name beside an initial ----------------------------------------------------------


def test_a_family_name_after_an_initial_and_a_cue_is_masked_in_any_script() -> None:
    assert names("Approved by D. Paegle on 2027-10-08") == ["Paegle"]
    assert names("Approved by ج. آل عايض on 2025-08-15") == ["آل عايض"]
    assert names("Approved by Н. Лазов on 2024-09-07") == ["Лазов"]
    assert names("Approved by 文. 石 on 2026-09-06") == ["石"]


def test_a_known_surname_after_an_initial_is_masked_without_a_cue() -> None:
    assert names("minutes: J. Smith and K. Jones attended") == ["Smith", "Jones"]


def test_sections_and_enumerations_after_a_letter_stay() -> None:
    assert names("See section B. Methods and Appendix C. Results") == []
    assert names("I. Introduction\nII. Scope") == []
    assert names("Approved by A. Team on Monday") == []
    assert names("Approved by X. Assistant on Monday") == []


# --- boarding data --------------------------------------------------------------------------


def test_a_boarding_pass_name_and_a_titled_ticket_name_are_masked() -> None:
    line = "M1 FERNANDES/STELLA   X6YKFF FRAMUC KL 6240 seq 245 — scanned at Gate B47"
    assert names(line) == ["FERNANDES/STELLA"]  # one mask over the slash too
    assert names("PAX KIM/MIN JI MS X6YKFF") == ["KIM/MIN JI"]
    assert names("GARCIA LOPEZ/ANA MARIA MRS") == ["GARCIA LOPEZ/ANA MARIA"]


def test_capitals_around_a_slash_without_a_sign_of_a_ticket_stay() -> None:
    assert names("use TCP/IP and AC/DC, I/O, N/A, CEO/CFO, HTTP/HTTPS") == []
    assert names("route FRA/MUC, then GOLD/ROSE trim and EUR/CHF rates") == []


# --- inflected forms ------------------------------------------------------------------------


def test_a_names_ending_after_an_apostrophe_is_masked_with_it() -> None:
    assert names("thanks to Anna’s help") == ["Anna’s"]
    assert names("Karabaş'in dosyası eksik, kimlik fotokopisi lazım.") == ["Karabaş'in"]
    assert names("Linus' Impfpass liegt bei uns im Sekretariat.") == ["Linus'"]


def test_a_quote_closing_a_quoted_name_is_no_ending() -> None:
    sql = "INSERT INTO customers (id, first_name) VALUES (1, 'Rosa'), (2, 'Linus');"
    assert names(sql) == ["Rosa", "Linus"]


def test_another_scripts_word_with_an_english_possessive_is_a_name() -> None:
    assert names("مهدیس's boarding pass was not in the app.") == ["مهدیس's"]
    assert names("कल्पना's boarding pass was not in the app.") == ["कल्पना's"]
    assert names("Лариса's boarding pass") == ["Лариса's"]


def test_a_latin_possessive_without_a_name_stays() -> None:
    assert names("Today's order and the company's reply, plus 5's and 's") == []


def test_a_finnish_case_ending_of_a_known_first_name_is_read() -> None:
    assert names("Lähetin vahvistuksen Markuslle eilen.") == ["Markuslle"]
    assert names("Tilasin Vanilla Costa -jäätelön Helsingissä.") == []


# --- a name's other name in brackets --------------------------------------------------------


def test_the_other_name_in_brackets_after_a_name_is_masked() -> None:
    text = 'the form says "Ekene Chukwu" (not شفيع), IP 22f4:53b2::e301'
    assert names(text) == ["Ekene Chukwu", "شفيع"]
    assert names("my colleague Anna Kowalska (née Nowak) called") == ["Anna Kowalska", "Nowak"]


def test_brackets_after_a_name_that_hold_no_name_stay() -> None:
    assert names("my colleague Anna Kowalska (not today) called") == ["Anna Kowalska"]
    assert names('the form says "Ekene Chukwu" (not the billing address)') == ["Ekene Chukwu"]
    assert names("the Model Y (not Corsa) arrived") == []


def test_the_client_a_letter_acts_for_is_masked_a_bare_mention_stays() -> None:
    assert names("acting for our client Gaby Stumpf we demand payment") == ["Gaby Stumpf"]
    assert names("acting for our client ບຸນມີ ພົມມະວົງ we demand") == ["ບຸນມີ ພົມມະວົງ"]
    assert names("acting for our client, the company, we demand") == []
