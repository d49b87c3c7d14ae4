"""Names in structured text: tables whose addresses repeat a cell, rows with a separator
inside a value, passenger lists with details after a comma, signature blocks, calendar
invites, HTML, quoted mail attribution lines, key=value lines, a JSON form's label/value
objects and notes' action items. Each rule is an inference:
each has a case here where it is wrong, both ways, as docs/MASKING.md says."""

from __future__ import annotations

from archiver.transform.detectors import known_values
from tests.helpers import default_detectors
from tests.helpers import found_names as names

# --- tables -----------------------------------------------------------------------------------


def test_a_headerless_table_by_the_cells_its_addresses_repeat() -> None:
    text = (
        "Parisa,Moradi,parisa_moradi@chmail.ir,+98 (39) 1509-8490,Savannah\n"
        "Etian,Friedamn,efriedman@gmail.com,(+966) 51 269 6506,Augusta\n"
        "Yohannes,Kebede,keBedeY@ethionet.et,+1.961.627.6365,34394\n"
        "Somchai,Srisuk,somchais@hotmail.co.th,07-9013-4276,1010\n"
    )
    found = set(names(text))
    assert {"Etian", "Friedamn", "Yohannes", "Kebede", "Somchai", "Srisuk"} <= found


def test_a_row_with_a_separator_inside_a_value_stays_in_its_table() -> None:
    text = (
        "Vorname,Nachname,E-Mail,Telefon,Ort\n"
        "子涵,张,zihan_zhang@hq.telcoria.ae,+92-301-2326332,10115\n"
        "Đức Huy,Bùi,dbui@mañana-viajes.es,+77123471904, int. 815,Lourdes\n"
        "秀英,刘,xliu@cs.helsinki.fi,+45 345 11988,Nevsky Prospekt\n"
    )
    assert {"Đức Huy", "Bùi", "秀英", "刘"} <= set(names(text))


def test_the_address_and_neighbour_column_rules_wrong_both_ways() -> None:
    # Too much: a column of one-word cells next to a name column of a contact table is read as
    # the name's other part, even when it holds towns.
    text = (
        "Parisa,Vellberg,parisa_moradi@chmail.ir,+98 912 345 6789\n"
        "Somchai,Ortakent,somchais@hotmail.co.th,+66 81 234 5678\n"
        "Kebede,Qusqu,kebede@ethionet.et,+251 91 123 4567\n"
    )
    assert {"Vellberg", "Ortakent", "Qusqu"} <= set(names(text))
    # Too little: names the lists lack, in a table whose addresses repeat none of them, stay in
    # clear; so does the neighbour column of a table without an address or a number.
    text = "Wayta,Xiuhcoatl,wq@example.org\nTlacael,Qhapaq,kk@example.org\n"
    assert names(text) == []


def test_a_known_name_in_a_tab_separated_row_stays_a_name() -> None:
    known = known_values([("name", "Lovely Tolentino")], min_length=3, regions=("PH",))
    text = "Lovely\tTolentino\tlovely-tolentino@gmail.com\t+45 230 21021\n"
    spans = default_detectors().find(text, known)
    kinds = {text[sp.start : sp.end]: sp.kind for sp in spans}
    # not one span of kind EMAIL from "Lovely" to the address's end
    assert kinds["Lovely\tTolentino"] == "NAME"
    assert kinds["lovely-tolentino@gmail.com"] == "EMAIL"


# --- lists ------------------------------------------------------------------------------------


def test_passengers_with_their_seats_are_masked_in_any_script() -> None:
    text = (
        "Pasajeros:\n- 山本さくら, seat 23A\n- Ploy Boonmee, seat 40E\n- satō yui, seat 42K\n"
        "Flight TK 2118 on Q3 2025"
    )
    assert names(text) == ["山本さくら", "Ploy Boonmee", "satō yui"]


def test_the_comma_item_rule_wrong_both_ways() -> None:
    # Too much: under a label of people, what stands before the comma is a name even when it
    # is a role.
    assert names("Passengers:\n- Infant, seat 23A\n- Ana Souza, seat 4C") == [
        "Infant",
        "Ana Souza",
    ]
    # Too little: a surname written first with one word after the comma is no item the rule
    # cuts, so such a list under a label is left to the other rules.
    assert names("Passengers:\n- Wayta, Tlacael\n- Xiuhcoatl, Itzcoatl") == []


# --- signatures -------------------------------------------------------------------------------


def test_a_signature_block_name_over_title_and_company_lines() -> None:
    text = (
        "Thanks for your help.\n\nविक्रम गुप्ता\nSenior Account Manager\nSiemens Healthineers\n"
        "Mob. 090 1261 3289\nMail: vikram-gupta@mail.ox.ac.uk"
    )
    assert "विक्रम गुप्ता" in names(text)
    text = 'Thanks for your help.\n\nWang Haoran\nM: 8123 2878\nE: "x"@qq.com'
    assert "Wang Haoran" in names(text)


def test_a_signature_line_in_a_script_without_case() -> None:
    assert names("Bitte um Rückruf.\n山本健二 | +92 (301) 2344972") == ["山本健二"]
    assert names("Called 佐藤めい (0081 90 1234 1329) re Fall-2024-119372.") == ["佐藤めい"]
    assert names("Still waiting.\nسабير, 01812-343148") == []  # mixed scripts: no such line


def test_the_signature_block_rule_wrong_both_ways() -> None:
    # Too much: a team's name of words the languages lack opens a block as a person would.
    # (A team word such as "Crew" or "Desk" in it keeps it: the teams list.)
    text = "Thanks.\n\nQuokka Orbit\nTel: +44 20 7946 0018"
    assert names(text) == ["Quokka Orbit"]
    # Too little: a block whose first line holds a sentence's end is a message body, not a
    # signature; the name under it is left to the line-above rule only.
    text = "Thanks.\n\nWe will call you back soon.\nSupport desk\nTel: +44 20 7946 0018"
    assert names(text) == []
    # A closing the lists lack over a found name is no name: "Hilsen" stays in clear.
    text = "Any update?\n\nHilsen\nEspen Hansen\nM: +47.4060.1111"
    assert names(text) == ["Espen Hansen"]
    known = known_values([("phone", "+47 40 60 11 11")], min_length=3, regions=("NO",))
    spans = default_detectors().find(text, known)  # the person's own phone anchors it too
    assert [text[sp.start : sp.end] for sp in spans if sp.kind == "NAME"] == ["Espen Hansen"]


# --- calendar, HTML, quoted mail --------------------------------------------------------------


def test_a_calendar_invite_common_name() -> None:
    text = (
        "BEGIN:VEVENT\nORGANIZER;CN=مريم صالح:mailto:info@ristorante-lago.it\n"
        "ATTENDEE;CN=hannah becker:mailto:hb@example.de\nLOCATION:Raum 4.14\nEND:VEVENT"
    )
    assert names(text) == ["مريم صالح", "hannah becker"]


def test_the_common_name_rule_wrong_both_ways() -> None:
    # Too much: a directory entry's common name of a machine is masked as a name.
    assert names("CN=Qarnet Prod,OU=Ops,DC=example") == ["Qarnet Prod"]
    # Too little: a value that reads as a URI scheme ("contact": "mailto:…") is no name.
    assert names('{"contact": "mailto:ana@example.org"}') == []
    text = "Mi nombre: Baltasar Mondragón. open https://mon.example/confirm?token=Wt48 please"
    assert names(text) == ["Baltasar Mondragón"]  # the field's value stops before the link


def test_html_table_cells_and_a_bold_greeting() -> None:
    text = (
        "<table><tr><th>Customer</th><th>Email</th></tr><tr><td>ሰላም ዓለሙ</td>"
        "<td>selam443@ethionet.et</td></tr><tr><td>phạm quốc bảo</td><td>pq@example.vn</td>"
        "</tr></table>"
    )
    assert names(text) == ["ሰላም ዓለሙ", "phạm quốc bảo"]
    assert names("<p>Dear <b>Rahul</b>,</p><p>your appointment is on Monday.</p>") == ["Rahul"]


def test_the_html_rule_wrong_both_ways() -> None:
    # Too much: a header naming no person over cells of words the languages lack is still a
    # column of names when the rows' addresses repeat them.
    text = (
        "<table><tr><th>Plan</th><th>Email</th></tr><tr><td>Qaru</td><td>qaru@x.org</td></tr>"
        "<tr><td>Zenba</td><td>zenba@x.org</td></tr></table>"
    )
    assert names(text) == ["Qaru", "Zenba"]
    # Too little: a tag the list of HTML tags lacks is not blanked, and the name inside it
    # is read as plain text would be.
    assert names("<p>Dear <blink>Rahul</blink>,</p>") == []


def test_a_quoted_mail_attribution_line_in_any_script() -> None:
    assert names("ok\n\nOn 03/14/2025, 김수빈 wrote:\n> Your order") == ["김수빈"]
    assert names("ok\n\nAm 14. März 2025, jana šimko schrieb:\n> Ihre") == ["jana šimko"]


def test_the_attribution_rule_wrong_both_ways() -> None:
    # Too much: words after the last comma before "wrote:" are a name even when they are not.
    assert names("ok\n\nAs the manual says, Kefalo wrote:\n> x") == ["Kefalo"]
    # Too little: an attribution line without a comma names nobody the rule reads.
    # (A name in a script without capitals before "wrote" is still found, by the cue rule.)
    assert names("ok\n\njana šimko wrote:\n> Your order") == []


# --- key=value, JSON forms, notes ------------------------------------------------


def test_key_value_lines_name_fields() -> None:
    text = "first_name=Siu Ming last_name=葉 email=siuming-yip@netvigator.com ip=10.0.0.1"
    assert names(text) == ["Siu Ming", "葉"]


def test_the_key_value_rule_wrong_both_ways() -> None:
    # Too much: a key the policy lists holds a name even when its value is a product's.
    assert names("name=Blue Lagoon size=M price=12") == ["Blue Lagoon"]
    # Too little: a key the policy lacks ("fn") names no field of a person.
    assert names("fn=Wayta Xiuhcoatl ln=Qhapaq email=x") == []


def test_a_json_form_label_and_value() -> None:
    text = (
        '{"elements": [{"label": "Name", "value": "عمران صدیقی"}, '
        '{"label": "Phone", "value": "0301"}]}'
    )
    assert names(text) == ["عمران صدیقی"]


def test_the_json_form_rule_wrong_both_ways() -> None:
    # Too much: a field labelled as a name holds a name even when it is a team's.
    assert names('[{"label": "Name", "value": "Qaru Orbit"}]') == ["Qaru Orbit"]
    # Too little: a label the policy lacks ("Kontakt") names no person.
    assert names('[{"label": "Kontakt", "value": "عمران صدیقی"}]') == []


def test_action_items_under_a_line_of_people() -> None:
    text = (
        "Notes\nAttendees: Jung Min-jun, Yoon Do-yoon, Returns Desk\n"
        "- Do-yoon: send contract by Friday\n- 민준 to confirm IBAN\n"
    )
    assert {"민준", "Do-yoon"} <= set(names(text))


def test_the_action_item_rule_wrong_both_ways() -> None:
    # Too much: an item's first words before a colon are a person under a line of people.
    text = "Notes\nAttendees: Ana Souza, Jan Kowalski\n- Qarnet: migrate by Friday\n"
    assert "Qarnet" in names(text)
    # Too little: without a line of people the items' owners are left to the other rules.
    assert names("Notes\n- 민준 to confirm IBAN\n") == []
