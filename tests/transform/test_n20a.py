"""Bank 17 tuning: cue words of more languages. Agents introducing themselves ("Goeiedag, jy
praat met …", "Halló, þetta er …", "… këtu"), letters' closings and thanks before a name
("Beste groete,", "Bestu kveðjur,", "Cordialment,", "Me nderime,", "Su pagarba,", "Срдачан
поздрав,", "Pẹ̀lú ọ̀wọ̀,", "শুভেচ্ছান্তে,"), and relatives after kinship words ("my oupa …",
"bróðir minn …", "el meu sogre …", "motra ime …", "ჩემი ძმა …", "ìyá mi …"). Each rule has a
decoy it must leave and a test where its inference is wrong (docs/MASKING.md, "wrong way")."""

from __future__ import annotations

import pytest

from archiver.transform.detectors import Detectors
from archiver.transform.names import _tail_word
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def names(text: str) -> list[str]:
    return [text[sp.start : sp.end] for sp in DETECTORS.find(text) if sp.kind == "NAME"]


# --- an agent or a customer introducing themself --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Goeiedag, u praat met Jannie. Hoe kan ek help?", "Jannie"),  # af
        ("Hallo, ek is Karlien.", "Karlien"),  # af
        ("Môre! My naam is Pieter Swanepoel en ek bel oor my rekening.", "Pieter Swanepoel"),
        ("Halló, þetta er Sólveig.", "Sólveig"),  # is
        ("Gott kvöld, ég heiti Einar Magnússon og mig vantar hjálp.", "Einar Magnússon"),
        ("Bona tarda, us atén Jordina.", "Jordina"),  # ca
        ("Hola, em dic Queralt Serra i tinc un problema.", "Queralt Serra"),
        ("Mirëmbrëma, unë jam Valbona.", "Valbona"),  # sq
        ("Tungjatjeta, emri im është Ardit Shehu, kam një pyetje.", "Ardit Shehu"),
        ("Besnik këtu. Fatura nuk ka ardhur.", "Besnik"),  # sq, name first
        ("Labas vakaras, čia Vaidas.", "Vaidas"),  # lt
        ("Добро јутро, овде Милош.", "Милош"),  # sr
        ("Dobro jutro, ovdje Zoran Babić, imam pitanje.", "Zoran Babić"),  # sr/hr Latin
        ("Dobrý večer, tu je Marek.", "Marek"),  # sk
        ("Helo, ini Nurul. Pesanan saya belum sampai.", "Nurul"),  # ms
        ("Ẹ kú ìrọ̀lẹ́, Adéọlá ni orúkọ mi.", "Adéọlá"),  # yo, name first
        ("您好，我是客服 Li Na。", "Li Na"),  # zh, a Latin name after the staff word
        ("Gamarjoba, me var Nino Beridze.", "Nino Beridze"),  # ka in Latin letters
    ],
)
def test_an_introduction_names_the_speaker(text: str, name: str) -> None:
    assert name in names(text)


# --- letters' closings and thanks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ons sal more terugbel. Vriendelike groete, Sarel van Wyk", "Sarel van Wyk"),  # af
        ("Baie dankie, Lindiwe! Ons het dit ontvang.", "Lindiwe"),
        ("Pöntunin er á leiðinni. Bestu kveðjur, Kristín Pálsdóttir", "Kristín Pálsdóttir"),
        ("Takk fyrir, Björn. Við höfum samband.", "Björn"),  # is
        ("Us responem aviat. Cordialment, Marta Soler", "Marta Soler"),  # ca
        ("Moltes gràcies, Ferran!", "Ferran"),
        ("Do t'ju kontaktojmë. Me nderime, Edona Gashi", "Edona Gashi"),  # sq
        ("Ju faleminderit, Blerta!", "Blerta"),
        ("Atsakysime rytoj. Su pagarba, Rasa Kazlauskienė", "Rasa Kazlauskienė"),  # lt
        ("Labai ačiū, Tomas!", "Tomas"),
        ("Одговорићемо сутра. Срдачан поздрав, Марко Илић", "Марко Илић"),  # sr
        ("Hvala vam, Ivana!", "Ivana"),
        ("Ďakujem pekne, Peter!", "Peter"),  # sk
        ("Kami akan hubungi. Sekian terima kasih, Aisyah Rahman", "Aisyah Rahman"),  # ms
        ("A ó pè yín. Pẹ̀lú ọ̀wọ̀, Olúwafẹ́mi Adéyẹmí", "Olúwafẹ́mi Adéyẹmí"),  # yo
        ("Ẹ ṣeun, Àdùnní!", "Àdùnní"),
        ("დიდი მადლობა, Nika!", "Nika"),  # ka, a Latin name
        ("আমরা যোগাযোগ করব। শুভেচ্ছান্তে, Tanvir Ahmed", "Tanvir Ahmed"),  # bn
        ("অনেক ধন্যবাদ, Farzana!", "Farzana"),
    ],
)
def test_a_closing_or_thanks_names_the_person(text: str, name: str) -> None:
    assert name in names(text)


def test_a_closing_in_a_script_without_capitals_takes_a_name_in_it() -> None:
    assert names("আমরা যোগাযোগ করব। শুভেচ্ছা, তানভীর") == ["তানভীর"]
    assert names("გმადლობთ, ნიკა, მოთხოვნა მიღებულია.") == ["ნიკა"]


# --- relatives after kinship words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My oupa Gert Nel kan nie self bel nie.", "Gert Nel"),  # af
        ("My skoonsuster Annelie Botes sal dit afhaal.", "Annelie Botes"),
        ("Bróðir minn Ólafur Gunnarsson sækir pakkann.", "Ólafur Gunnarsson"),  # is
        ("Amma mín Ragnheiður Björnsdóttir á reikninginn.", "Ragnheiður Björnsdóttir"),
        ("El meu sogre Josep Pujol vindrà demà.", "Josep Pujol"),  # ca
        ("Motra ime Elira Dushku do ta marrë paketën.", "Elira Dushku"),  # sq
        ("Mano močiutė Birutė Petrauskienė paskambins.", "Birutė Petrauskienė"),  # lt
        ("Moja majka Dragana Jović će doći.", "Dragana Jović"),  # sr Latin
        ("Мој отац Петар Павловић ће доћи.", "Петар Павловић"),  # sr Cyrillic
        ("Môj otec Jozef Horváth príde zajtra.", "Jozef Horváth"),  # sk
        ("Ìyá mi Fúnmiláyọ̀ Ògúnlànà yóò wá.", "Fúnmiláyọ̀ Ògúnlànà"),  # yo
        ("Isteri saya Siti Aminah akan ambil.", "Siti Aminah"),  # ms
        ("ჩემი ძმა Giorgi Tsiklauri მოვა.", "Giorgi Tsiklauri"),  # ka, a Latin name
    ],
)
def test_a_kinship_word_names_the_relative(text: str, name: str) -> None:
    assert name in names(text)


def test_a_kinship_word_in_georgian_takes_the_georgian_name() -> None:
    assert names("ჩემი ძმა ნიკა მოვა ხვალ.") == ["ნიკა"]


# --- decoys: the same words before what is no person --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Goeiemiddag, jy praat met die kliniek.",  # af: lower case after the cue
        "Þetta er rangt, takk fyrir.",  # is: "this is wrong"
        "Bon dia, us atén el servei d'atenció.",  # ca
        "Përshëndetje, unë jam i kënaqur.",  # sq: "I am pleased"
        "Laba diena, čia mano užsakymas.",  # lt: "here is my order"
        "Mano sūnus studijuoja pas jus.",  # lt: no name after the kinship word
        "Ẹ ṣeun púpọ̀ fún ìrànlọ́wọ́.",  # yo: thanks for help
        "Hai, ini pesanan saya.",  # ms: "this is my order"
    ],
)
def test_a_cue_before_ordinary_words_names_no_one(text: str) -> None:
    assert names(text) == []


# --- a cue word that ends in a combining mark ---------------------------------------------------


def test_a_word_ending_in_a_mark_is_read_whole() -> None:
    assert _tail_word("Tìfẹ́tìfẹ́,") == "Tìfẹ́tìfẹ́"  # a tone mark ends the word
    assert _tail_word("(শুভেচ্ছা") == "শুভেচ্ছা"  # a vowel sign ends the word
    assert _tail_word("Regards,") == ""  # no mark: the plain path reads it


# --- wrong way --------------------------------------------------------------------------------


def test_wrong_way_a_place_after_here_is_masked() -> None:
    # "čia" ("here") before a capitalised place that ends the sentence reads as an
    # introduction: the place is masked
    assert names("Mes gyvename čia, Vilniuje.") == ["Vilniuje"]


def test_wrong_way_a_place_before_ketu_is_masked() -> None:
    # "këtu" ("here") after a capitalised place reads as "X here": the place is masked
    assert names("Jetoj në Tiranë, Durrës këtu afër.") == ["Durrës"]


def test_wrong_way_a_kinship_word_before_a_capitalised_word_masks_it() -> None:
    # "my ma" (Afrikaans "my mother") also opens English text: a capitalised word after it
    # is read as the relative's name, a brand too
    assert names("I told my ma Marmite was sold out.") == ["Marmite"]


# --- Thai: the speaker's pronoun and "at your service" ------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("สวัสดีค่ะ ดิฉัน พรทิพย์ ยินดีให้บริการค่ะ", "พรทิพย์"),
        ("สวัสดีครับ กระผม ธนากร ยินดีให้บริการครับ", "ธนากร"),
        ("มานพ ยินดีให้บริการครับ", "มานพ"),  # the name opens the message
        ("Sawatdee khrap, phom Kittisak Saelim, order mai ma.", "Kittisak Saelim"),  # Latin
    ],
)
def test_a_thai_speaker_before_at_your_service_is_named(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "สวัสดีครับ ผม ต้องการสอบถาม",  # "I want to ask": no title after the word
        "ขอบคุณครับ เรา ยินดีให้บริการครับ",  # "we are at your service": a not_names word
        "ทีมงานของเรา ยินดีให้บริการค่ะ",  # "our team …": a not_names word
    ],
)
def test_a_thai_pronoun_alone_names_no_one(text: str) -> None:
    assert names(text) == []


def test_wrong_way_a_team_opening_the_message_before_at_your_service_is_masked() -> None:
    # "our sales team is at your service": words the not_names list lacks, opening the
    # message, read as a name
    assert names("ทีมงานขายของเรา ยินดีให้บริการค่ะ") == ["ทีมงานขายของเรา"]


def test_a_bengali_greeting_before_i_am_takes_the_name_only() -> None:
    # "নমস্কার" ("hello") is no closing cue: "আমি" ("I") after it stays in clear
    assert names("নমস্কার, আমি তানিয়া।") == ["তানিয়া"]


# --- Catalan surnames joined by "i"; thanks, hand-ins and answering the phone --------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Atentament, Núria Vidal i Puig", "Núria Vidal i Puig"),  # ca: two surnames and "i"
        ("Bon dia, em dic Jaume Roca i Serra i vull una cita.", "Jaume Roca i Serra"),
        ("Herzlichen Dank, Hauke! Wir melden uns.", "Hauke"),  # de
        ("Buonasera, sono Ludovica del reparto vendite.", "Ludovica"),  # it
        ("Boa tarde, fala Gonçalo, em que posso ajudar?", "Gonçalo"),  # pt
        ("Piszę w imieniu babci, Krystyna Zając, która nie ma internetu.", "Krystyna Zając"),  # pl
    ],
)
def test_more_thanks_and_phone_answers_name_the_person(text: str, name: str) -> None:
    assert name in names(text)


def test_a_lower_case_word_after_i_ends_the_name() -> None:
    # "i vull" ("and I want"): "i" joins capitalised words only
    assert names("Bon dia, em dic Arnau Pons i vull renovar.") == ["Arnau Pons"]


def test_wrong_way_two_people_joined_by_i_are_one_span() -> None:
    # "Jan i Ana" (Polish, Croatian, Catalan "and"): both masked, as one value
    assert names("Pozdrav, Jan i Ana") == ["Jan i Ana"]


def test_wrong_way_a_capitalised_nationality_after_sono_is_masked() -> None:
    # Italian writes nationalities in lower case; capitalised after "Buongiorno, sono" it reads
    # as the speaker's name
    assert names("Buongiorno, sono Italiana e vivo a Roma.") == ["Italiana"]


# --- Bengali family names Faker's list lacks ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("আমার স্বামী তানভীর আহমেদ কাল আসবেন।", "তানভীর আহমেদ"),
        ("আমার মা শাহানা ভট্টাচার্য ফোন করবেন।", "শাহানা ভট্টাচার্য"),
        ("আমার ভাই রাকিব মুখোপাধ্যায় আসবে।", "রাকিব মুখোপাধ্যায়"),
    ],
)
def test_a_bengali_family_name_after_the_given_name_is_taken(text: str, name: str) -> None:
    assert names(text) == [name]


def test_a_bengali_word_after_the_given_name_stays() -> None:
    assert names("আমার বোন রিমা কাল আসবে।") == ["রিমা"]  # "কাল" ("tomorrow"): no family name


def test_wrong_way_a_word_spelt_like_a_family_name_is_taken() -> None:
    # "কবির" is the family name Kabir and "the poet's": after a given name it is taken as
    # the family name
    assert names("আমার বোন রিমা কবির কবিতা পড়ে।") == ["রিমা কবির"]
