"""Names found by the structure they stand in, in any script or case: a table's name columns,
a form field or JSON key that names a person, the items under a label of people, a chat
log's speakers. Each rule is an inference: every one has a case here where it is wrong, both
ways, as docs/MASKING.md says."""

from __future__ import annotations

import pytest

from tests.helpers import found_names as names

# --- table columns ----------------------------------------------------------------------------


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_column_whose_header_names_people_is_masked_in_any_script(sep: str) -> None:
    rows = ["first,last,phone,order", "凱欣,吳,+852 5129 5438,ORD-1", "wai kit,tsang,0502307265,#2"]
    text = "the list:\n" + "\n".join(r.replace(",", sep) for r in rows) + "\n"
    assert names(text) == ["凱欣", "吳", "wai kit", "tsang"]


def test_a_markdown_table_column_named_who_is_masked() -> None:
    text = (
        "| who | phone | note |\n|---|---|---|\n"
        "| রুমানা ইসলাম | +880 2 7178632 | 15.02.2027 |\n| juha nieminen | +639051275666 | desk |"
    )
    assert names(text) == ["রুমানা ইসলাম", "juha nieminen"]


def test_a_table_without_header_by_its_known_names() -> None:
    text = "Imran,Butt,+92 21 23479179\nZainab,Khan,+32 754 73574\nlucia,vargová,+421 2 212 34\n"
    assert set(names(text)) >= {"Imran", "Zainab", "lucia"}


def test_the_column_rules_wrong_both_ways() -> None:
    # Too much: a column headed "name" that holds products has its words masked.
    text = "name,price,size\nBlue Lagoon,12.00,M\nRed Dawn,9.50,L"
    assert names(text) == ["Blue Lagoon", "Red Dawn"]
    # Too little: a header-less table whose names the lists lack, and a column headed by
    # a word the policy does not list, leave their names in clear.
    assert names("Wayta,Xiuhcoatl,+385 92 1207 943\nTlacael,Qhapaq,+51 912 311 171\n") == []
    # (names in a script without case would be found here as signature lines: "凱欣;+852 …")
    assert names("agente;tel\nwayta apaza;+852 5129 5438\nkusi qhapaq;+852 5121 5652") == []
    # Two fields split by a comma or semicolon are read as sentences, not a table ("Mi
    # presento, Ana.\nHi, …"): such a table's names stay in clear.
    assert names("name,phone\nwayta apaza,+852 5129 5438\nkusi qhapaq,+852 5121 5652") == []
    assert names("Mi presento, Ornella Barbagallo.\nBest,\nSales") == ["Ornella Barbagallo"]
    assert names("kena caj dua kali, ISBN 9787592955383\nahmad bin osman, +60323838250") == []
    # A header the policy lacks (a typo) is no row of the names under it, so a header-less
    # table's first line of short labels without digits is never masked.
    text = "| naame | phone |\n|---|---|\n| Zahra Rostami | +48 512 324 412 |\n| Isla Walker | 0 |"
    assert names(text) == ["Zahra Rostami", "Isla Walker"]


# --- fields -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ad Soyad: أحمد الحربي\nE-posta: ahmed1991@yahoo.com", "أحمد الحربي"),
        ("Name = 조현우\nEmail = cho.hyunwoo@naver.com", "조현우"),
        ('{"payment": {"holder": "박수빈", "pan": "3819 954531 7709"}}', "박수빈"),
        ("vip, Aurora-store, owner=李, PRD-RH9054-BLK", "李"),
        ('{"customer": {"firstName": "수빈", "email": "subin2000@daum.net"}}', "수빈"),
    ],
)
def test_a_field_that_names_a_person_is_masked_in_any_script(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_field_rule_wrong_both_ways() -> None:
    # Too much: a product in a JSON member called "name" is masked as a person, unless a
    # sibling member is a thing's ("price": docs/MASKING.md, "A JSON "name" of a thing").
    assert names('{"name": "ハッピーセット", "size": "M"}') == ["ハッピーセット"]
    assert names('{"name": "ハッピーセット", "price": 5}') == []
    assert names("name: unknown") == ["unknown"]  # a placeholder the word lists lack
    # Too little: a value of common words, a key the policy does not list, and a value of
    # five words are left alone.
    assert names("Customer: yes\nname: please") == []
    assert names('{"agente": "凱欣"}') == []
    assert names("holder: 吳 詠琪 陳 小明 凱欣\n") == []
    # (A given name first is still found by the cue rule of scripts without capitals:)
    assert names("holder: 凱欣 吳 詠琪 陳 小明\n") == ["凱欣"]
    # A value that runs into a sentence with an apostrophe is no field's value, but one word in
    # a script without capitals after a name key is read as a name by the cue rule of such
    # scripts, a product's name too (too much, as with "name" above).
    assert names("Nome: 凱欣 In fattura c'è KvK 41329143") == ["凱欣"]
    assert names("Nome: ハッピー In fattura c'è KvK 41329143") == ["ハッピー"]


# --- lists ------------------------------------------------------------------------------------


def test_the_items_under_a_label_of_people_are_masked_in_any_script() -> None:
    text = "Attendees:\nরাহুল আহমেদ\n- Avi Friedman\n• 정예린\n* mark castillo\n"
    assert names(text) == ["রাহুল আহমেদ", "Avi Friedman", "정예린", "mark castillo"]


def test_a_list_with_one_found_name_is_a_list_of_people() -> None:
    assert names("Lista:\n- Elena Todorova\n* สุดารัตน์ ทองดี\n") == [
        "Elena Todorova",
        "สุดารัตน์ ทองดี",
    ]


def test_the_items_after_a_label_on_its_line() -> None:
    assert names("From: a@b.co\nCc: عمر العتيبي, ana souza\nDate: 11/08/2024") == [
        "عمر العتيبي",
        "ana souza",
    ]


def test_the_list_rules_wrong_both_ways() -> None:
    # Too much: a list of things under a label of people is masked.
    assert names("Attendees:\n- Projector\n- Coffee Machine\n") == ["Projector", "Coffee Machine"]
    assert names("Todo:\n- Call Anna\n- Order Toner\n") == ["Call Anna", "Order Toner"]
    # Too little: a list under another label, none of its items a known name, stays.
    assert names("Lista:\n- 凱欣\n- 詠琪\n") == []
    # A shopping list is no list of people.
    assert names("Lista:\n- milk\n- bread\n") == []


# --- chat logs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "time", ["[10h07]", "[8.09 Uhr]", "[04:26:26 UTC]", "[1:29 pm]", "[16:32]", "10:42 -"]
)
def test_a_chat_log_speaker_after_any_time_form(time: str) -> None:
    text = f"the chat:\n{time} 한지호: need a copy\n{time} onni: let me check"
    assert names(text) == ["한지호", "onni"]


def test_the_speaker_rule_wrong_both_ways() -> None:
    # Too much: a word before a colon after a time is taken for a speaker when the form repeats.
    text = "log:\n[10:42] Will: hi\n[10:43] Reminder: call back"
    assert names(text) == ["Will", "Reminder"]
    # Too little: a single line's common word ("[19h33] Will: …") is no speaker, and a line
    # without a time is no chat log's.
    assert names("notes:\n[19h33] Will: let me check") == []
    assert names("pasted:\n한지호: need a copy\nonni: let me check") == []


def test_a_list_of_mostly_known_names_under_any_label() -> None:
    text = "Lista:\nSuzuki Kenta\n* Syafiq bin Razak\n* đỗ thị lan\n"
    assert names(text) == ["Suzuki Kenta", "Syafiq bin Razak", "đỗ thị lan"]


def test_a_directory_of_teams_is_no_list_of_people() -> None:
    text = "numbers for the team:\n- Team Phoenix: +354 416 4829\nBilling: +51912391038"
    assert names(text) == []


def test_a_named_column_takes_capitalised_common_words() -> None:
    text = "first;last;phone\nAndrea;Costa;+39 2 1234567\nMark;Young;0912 329 822"
    assert names(text) == ["Andrea", "Costa", "Mark", "Young"]


# --- mentions, display names, repeats ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("@小明 - can you check this one?", "小明"),
        ("@Żaneta - can you check", "Żaneta"),
        ("@মাহমুদ: can you check this one?", "মাহমুদ"),
        ("@Thu Trang: can you check this one?", "Thu Trang"),
        ("thanks @Kai!", "Kai"),
    ],
)
def test_a_handle_that_reads_as_a_given_name_is_masked(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_handle_rule_wrong_both_ways() -> None:
    # Too much: a capitalised handle of a product opening a line is masked.
    assert names("@Zendesk can you sync this?") == ["Zendesk"]
    # Too little: a handle in lower case or capitals, a common word, and a capitalised handle
    # inside a sentence stay in clear unless the name lists hold it.
    assert names("@xochitl can you check") == []
    assert names("@QA check this") == []
    assert names("@Everyone please check") == []
    assert names("we asked @Xochitl about it") == []


@pytest.mark.parametrize(
    "text",
    [
        "From: 陈敏 <mchen@126.com>\nTo: support@example-shop.com",
        "> On 25/01/2025, 陈敏 <mchen@126.com> wrote:\n> hi",
        "> Il giorno 20/07/2026 陈敏 <mchen@126.com> ha scritto:",
    ],
)
def test_a_display_name_in_a_script_without_case(text: str) -> None:
    assert names(text) == ["陈敏"]


def test_the_uncased_display_name_rule_wrong_both_ways() -> None:
    # Too much: words of a script without case before an address are taken for its name.
    assert names("联系 <help@shop.cn>") == ["联系"]
    # Too little: a display name in lower-case Latin letters without quotes stays in clear.
    assert names("from: chen min <mchen@126.com>") == []


def test_a_name_without_case_found_by_structure_is_masked_again_in_the_text() -> None:
    text = '{"customer": {"firstName": "민준", "lastName": "조"}, "text": "Merci 민준!"}'
    assert names(text) == ["민준", "조", "민준"]
    # Too little: a name in capitals or small letters is left to the learned values.
    assert names('{"firstName": "ana", "text": "order for ana"}') == ["ana"]


# --- notes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("8. Dezember 2026: spoke w/ Martin (spouse), prefers mail", "Martin"),
        ("spoke w/ liam (spouse), prefers mail", "liam"),
    ],
)
def test_with_abbreviated_in_a_note_is_a_cue(text: str, name: str) -> None:
    assert names(text) == [name]


def test_the_abbreviated_cue_wrong_both_ways() -> None:
    # Too much: a capitalised thing after "spoke w/" is masked.
    assert names("spoke w/ Billingsley Brothers about it") == ["Billingsley Brothers"]
    # Too little: "w/" alone is no cue.
    assert names("came w/ Xochitl yesterday") == []
