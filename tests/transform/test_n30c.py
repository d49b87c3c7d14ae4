"""Speech, chat and call records: a Zoom chat save's senders and direct recipients (its frame
words are never names), a meeting transcript's speaker legend, diarised speakers in brackets,
WebVTT voice tags and "Family, Given" speakers, minutes' apologies for absence, a social
network's notices, the "User-Agent:" header, and SIP/tel URIs whose user part is a telephone
number (a phone, no e-mail address). Each rule has a case where its inference is wrong or must
not apply (docs/MASKING.md, "Calls, chats and meetings")."""

from __future__ import annotations

import pytest

from tests.helpers import default_detectors, finder_names, found_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


def kinds(text: str) -> list[tuple[str, str]]:
    return sorted((sp.kind, text[sp.start : sp.end]) for sp in default_detectors().find(text))


# -- a Zoom chat save --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "09:14:03 From Wendelin Aschauer to Everyone:\n\tmorning\n"
            "09:15:40 From Quilla to Tasgall Mhic (Direct Message):\n\tcall me",
            ["Quilla", "Tasgall Mhic", "Wendelin Aschauer"],
        ),
        (
            "14:02 Von Jördis Quappe an Alle:\n\thallo\n"
            "14:03 Von Jördis Quappe an Ilvy (Direktnachricht):\n\tok",
            ["Ilvy", "Jördis Quappe"],
        ),
        ("11:00 De Gwenolé Karadec à Tout le monde :\n\tbonjour", ["Gwenolé Karadec"]),
        (
            "11:00 De Xiana Bouzamayor a Todos:\n\thola\n"
            "11:01 De Xiana Bouzamayor a Brais (mensaje directo):\n\tya",
            ["Brais", "Xiana Bouzamayor"],
        ),
        ("08:30:00 Da Ottavia Brusaferro a Tutti:\n\tciao", ["Ottavia Brusaferro"]),
        ("08:30 De Iolanda Quaresma para Todos:\n\tolá", ["Iolanda Quaresma"]),
        ("16:45 Van Sjoukje Twijnstra aan Iedereen:\n\thoi", ["Sjoukje Twijnstra"]),
        ("16:45 Od Bożydar Szczygłowski do Wszyscy:\n\tcześć", ["Bożydar Szczygłowski"]),
        ("16:45 Gönderen Tuğrul Karaağaç, alıcı Herkes:\n\tselam", ["Tuğrul Karaağaç"]),
        (
            "10:09 Von Oratile Tshekedi an ޒާހިރު (Direktnachricht):\n\tsee",
            ["Oratile Tshekedi", "ޒާހިރު"],
        ),
    ],
)
def test_zoom_chat_people(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_zoom_frame_words_are_never_names() -> None:
    text = (
        "10:07:40 From Mee to Everyone:\n\taudio drops\n"
        "10:08:00 De Sekar para Todos:\n\tok\n"
        "10:08:30 Od Ala do Wszyscy:\n\tok\n"
        "10:09:00 Da Rui a Tutti:\n\tok"
    )
    assert sorted(set(found_names(text))) == ["Ala", "Mee", "Rui", "Sekar"]


def test_zoom_rule_needs_the_chat_line() -> None:
    # no time opens the line: an ordinary sentence, not a chat save's header
    assert names("Open from Monday to Friday: 9-17.") == []
    assert names("From the lobby to everyone: welcome!") == []


def test_zoom_wrong_way_a_room_named_like_a_person() -> None:
    # Wrong way (documented): a meeting room's display name is masked as a sender.
    assert names("10:01 From Kestrel Boardroom to Everyone:\n\tjoined") == ["Kestrel Boardroom"]


# -- meeting transcripts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Speakers: S1 = Corwen Ashbury; S2 = Nolwenn Kerbrat; S3 = Ilvy\n[00:00:04] S1: Hi.",
            ["Corwen Ashbury", "Ilvy", "Nolwenn Kerbrat"],
        ),
        (
            "Legend: Speaker 1 = Haimo Strietzel, Speaker 2 = ཚེ་རིང དགེ་ལེགས",
            ["Haimo Strietzel", "ཚེ་རིང དགེ་ལེགས"],
        ),
        (
            "SPEAKER_1 (Tobiah Wrenfield): hello all\nSPEAKER_2 (Sione Tupou): hi",
            ["Sione Tupou", "Tobiah Wrenfield"],
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Tobiah Wrenfield>Hello</v>\n\n"
            "00:00:05.000 --> 00:00:07.000\n<v.loud Amnay Usalem>Hi",
            ["Amnay Usalem", "Tobiah Wrenfield"],
        ),
        (
            "[00:01:12] Quarrender, Tavish: shall we start?\n[00:01:20] Wrenfield, Tobiah: yes.",
            ["Quarrender", "Tavish", "Tobiah", "Wrenfield"],
        ),
    ],
)
def test_transcript_speakers(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_transcript_legend_wrong_way_a_bot() -> None:
    # Wrong way (documented): a legend naming a bot by words the lists lack masks it.
    assert names("Speakers: S1 = Tavish Quarrender; S2 = Kestrel Bot") == [
        "Kestrel Bot",
        "Tavish Quarrender",
    ]


def test_transcript_rules_leave_common_words() -> None:
    assert names("Speakers: S1 = unknown; S2 = Sales\n[00:00:04] S1: Let's start.") == []
    assert names("Speaker 1 (remote): can you hear me?") == []
    assert names("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Speaker 2>Hello</v>") == []
    assert names("[10:00] Sales, Marketing: weekly numbers") == []


def test_voice_tag_wrong_way_a_caption_role() -> None:
    # Wrong way (documented): a subtitle's voice that is no person is masked.
    assert names("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Crowd>Cheering</v>") == ["Crowd"]


def test_transcript_utterance_after_colon_is_no_legend() -> None:
    # "S1:" opens what the speaker says, only "S1 =" names a speaker
    assert names("[00:00:04] S1: Budget review is next.\n[00:00:09] S2: Agreed, thanks.") == []


# -- apologies for absence -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Let's start, Quilla sends apologies.", ["Quilla"]),
        ("Ilvy Quappe lässt sich entschuldigen.", ["Ilvy Quappe"]),
        ("Gwenolé s'excuse pour la réunion.", ["Gwenolé"]),
        ("Xiana se disculpa, está de viaje.", ["Xiana"]),
        ("Wietske Hoogterp heeft zich afgemeld.", ["Wietske Hoogterp"]),
        ("Let's start, ޙަސަން sends apologies.", ["ޙަސަން"]),
    ],
)
def test_apologies(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_apologies_of_a_team_stay() -> None:
    assert names("The team sends apologies for the outage.") == []


def test_apologies_wrong_way_a_company() -> None:
    # Wrong way (documented): a firm that apologises is masked as a person.
    assert names("Brackenfold Leasing sends apologies for the delay.") == ["Brackenfold Leasing"]


# -- a social network's notices ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("• Tavish Quarrender liked your photo. · 16:56", ["Tavish Quarrender"]),
        ("• Jördis Quappe gefällt dein Foto.", ["Jördis Quappe"]),
        ("• Solenn Karadec a aimé votre photo.", ["Solenn Karadec"]),
        ("• A Brais Outeiral le gusta tu foto.", ["Brais Outeiral"]),
        ("• A Ottavia Brusaferro piace la tua foto.", ["Ottavia Brusaferro"]),
        ("• Iolanda Quaresma gostou da sua foto.", ["Iolanda Quaresma"]),
        ("• Sjoukje Twijnstra heeft je uitgenodigd voor Kestrel.", ["Sjoukje Twijnstra"]),
        ("• Bożydar Szczygłowski wysłał(a) Ci zaproszenie do znajomych.", ["Bożydar Szczygłowski"]),
        ("• Tuğrul Karaağaç sana arkadaşlık isteği gönderdi.", ["Tuğrul Karaağaç"]),
        ("• Quilla invited you to join Kestrel. Accept: https://example.com/j", ["Quilla"]),
        ("• Quilla and 3 others commented on your post.", ["Quilla"]),
        ("• Ilvy und 5 weitere haben deinen Beitrag kommentiert.", ["Ilvy"]),
        ("• ᐲᑕ ve 3 kişi daha gönderine yorum yaptı.", ["ᐲᑕ"]),
    ],
)
def test_social_notices(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_social_notices_leave_things() -> None:
    assert names("Your photo got 12 likes and 3 comments.") == []
    assert names("Tuesday and 3 others are fully booked.") == []
    assert names("Sugar and 2 more items are in your cart.") == []


def test_social_notice_wrong_way_a_brand() -> None:
    # Wrong way (documented): a brand's page that "invited you" is masked as a person.
    assert names("Quillmere invited you to like their page.") == ["Quillmere"]


# -- the User-Agent header -----------------------------------------------------------------------


def test_user_agent_header_names_software() -> None:
    assert names("CSeq: 314159 INVITE\nUser-Agent: Kestrel Buds 2") == []
    assert names("Ticket 12\nAgent: Tavish Quarrender") == ["Tavish Quarrender"]


# -- SIP and tel URIs ----------------------------------------------------------------------------


def test_sip_uri_number_is_a_phone() -> None:
    text = (
        'From: "Tavish Quarrender" <sip:+4930123456@voip.carrier.net>;tag=1928\n'
        "P-Asserted-Identity: <tel:+41783479258>\nContact: <sips:+243991881698@pbx.example.com>"
    )
    got = kinds(text)
    assert ("PHONE", "+4930123456") in got
    assert ("PHONE", "+41783479258") in got
    assert ("PHONE", "+243991881698") in got
    assert not [v for k, v in got if k == "EMAIL"]


def test_sip_uri_of_a_name_is_still_an_address() -> None:
    assert ("EMAIL", "tavish.quarrender@example.com") in kinds(
        "From: <sip:tavish.quarrender@example.com>;tag=1"
    )


def test_digits_at_a_domain_without_a_sip_scheme_stay_an_address() -> None:
    assert kinds("write to 12345678@example.com") == [("EMAIL", "12345678@example.com")]


# -- role addresses: masked by default -----------------------------------------------------------


def test_one_person_business_role_address_is_masked() -> None:
    # a sole trader's info@ carries her name: a person's address
    assert kinds("Write to info@annalima.de for prints.") == [("EMAIL", "info@annalima.de")]


def test_role_address_of_a_company_is_masked_too() -> None:
    # Wrong way (documented): a company's billing line is masked though it reaches a team.
    assert ("EMAIL", "billing@pbx.kestrelwave.com") in kinds(
        "INVITE sip:billing@pbx.kestrelwave.com SIP/2.0"
    )
