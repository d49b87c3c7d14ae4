"""Lao, Tigrinya and Odia names: given and family names in their scripts and in Latin letters,
the cues of one's name, family, thanks and greetings, listed names standing alone in Lao and
Ethiopic script, inverted listed pairs after a comma, Lao cues that take only listed names,
and a closing's words before a reference code. Each rule has a case where its inference is
wrong or must not apply (docs/MASKING.md, "Lao, Tigrinya and Odia names")."""

from __future__ import annotations

import pytest

from tests.helpers import finder_names


def names(text: str) -> list[str]:
    return sorted(set(finder_names(text)))


# -- the lists: names in their scripts standing alone among other letters ---------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Lease holder: ຄຳແພງ ພົມມະວົງສາ (since May)", ["ຄຳແພງ ພົມມະວົງສາ"]),
        ("Driver ສົມພອນ ອິນທະວົງ signed the form.", ["ສົມພອນ ອິນທະວົງ"]),
        ("Guarantor: ተስፋይ ገብረየሱስ, paid in full", ["ተስፋይ ገብረየሱስ"]),
        ("Nurse ሰምሃር was on shift.", ["ሰምሃር"]),
        ("Tenant: ଦେବାଶିଷ ବେହେରା", ["ଦେବାଶିଷ ବେହେରା"]),
        ("Passenger ସସ୍ମିତା ମହାନ୍ତି boarded late.", ["ସସ୍ମିତା ମହାନ୍ତି"]),
    ],
)
def test_listed_script_names(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_listed_script_names_leave_words() -> None:
    # "hello", "thank you", "Ethiopia" and "customer service": words, not names
    assert names("Greeting: ສະບາຍດີ (hello) and ຂອບໃຈ (thanks)") == []
    assert names("Label: ሰላም printed on the mug") == []
    assert names("Translated: ଗ୍ରାହକ ସେବା means customer service") == []


# -- the lists: names in Latin letters ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Signed by Khamphone Souvannavong on arrival.", ["Khamphone Souvannavong"]),
        ("Meeting moved; Yonas Gebreyesus will chair it.", ["Yonas Gebreyesus"]),
        ("Please call Debasish Mohanty back tomorrow.", ["Debasish Mohanty"]),
    ],
)
def test_latin_names(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_latin_names_leave_words() -> None:
    # "Dalai" (a title), "Noy" ("small") and "Selam" ("hello") are not listed
    assert names("The Dalai Lama spoke; a Rout followed and Noy Selam left.") == []


# -- inverted listed pairs after a comma ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Renter: ພົມມະຈັນ, ຄຳພອນ\nVehicle: returned", ["ຄຳພອນ", "ພົມມະຈັນ"]),
        ("Pt: ሃብተማርያም, ሰምሃር. Seen by video.", ["ሃብተማርያም", "ሰምሃር"]),
        ("Account holder: ବେହେରା, ସସ୍ମିତା", ["ବେହେରା", "ସସ୍ମିତା"]),
    ],
)
def test_inverted_pair(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_inverted_pair_not_inside_a_sentence_of_its_script() -> None:
    # two listed words inside a Lao sentence's list, not standing alone
    assert names("ຂ້ອຍໄປກັບ ສີສຸວັນ, ແສງເດືອນ ແລະ ຄົນອື່ນ") == []


def test_inverted_pair_needs_both_listed() -> None:
    # "Label: customer, service" in Odia: neither word a name
    assert names("Label: ଗ୍ରାହକ, ସେବା") == []


# -- Lao cues ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ສະບາຍດີ, ຂ້ອຍ ຄຳແພງ ຈາກທີມງານ, ຍິນດີຊ່ວຍເຫຼືອ.", ["ຄຳແພງ"]),
        ("ບັນຊີນີ້ ແມ່ຂອງຂ້ອຍ ສົມພອນ ເປີດໃຫ້.", ["ສົມພອນ"]),
        ("ຂອບໃຈຫຼາຍໆ\nຄຳແພງ", ["ຄຳແພງ"]),
        ("ຂອບໃຈຫຼາຍໆ\nKhamphone", ["Khamphone"]),
        ("ສະບາຍດີ, ຂ້ອຍ Khamphone ຈາກທີມງານ.", ["Khamphone"]),
        ("ຂ້ອຍຊື່ ຕຸ້ຍ, ຢາກສອບຖາມ", ["ຕຸ້ຍ"]),  # "my name is": a name the lists lack
    ],
)
def test_lao_cues(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_lao_cue_glued_takes_no_clause() -> None:
    # "my ATM card got locked": "I" glued inside "ຂອງຂ້ອຍ" before a verb
    assert names("ບັດ ATM ຂອງຂ້ອຍຖືກລັອກ.") == []
    # "thanks, your request number is AB-1": "Mr/you" glued inside "ຂອງທ່ານແມ່ນ"
    assert names("ຂອບໃຈ, ເລກຄຳຮ້ອງຂອງທ່ານແມ່ນ AB-802799 .") == []
    # "my mother is not well": a relative before a word the lists lack
    assert names("ແມ່ຂອງຂ້ອຍ ບໍ່ສະບາຍ ມື້ນີ້") == []


def test_lao_clause_after_a_name() -> None:
    # the run after the name opens with "from": no family name
    assert names("ສະບາຍດີ, ຂ້ອຍ ສົມພອນ ຈາກພະແນກບໍລິການລູກຄ້າ, ກຳລັງກວດ.") == ["ສົມພອນ"]


# -- Tigrinya cues ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ሰላም፣ ኣነ ሰምሃር ካብ ጉጅለ ሓገዝ እየ።", ["ሰምሃር"]),
        ("ሰላም፣ ኣነ Yonas Gebreyesus እየ። ኢንተርነት የለን።", ["Yonas Gebreyesus"]),
        ("እቲ ሕሳብ ብስም ሓፍተይ ሉላ ገብረሂወት እዩ።", ["ሉላ ገብረሂወት"]),
        ("ስመይ ሃብቶም እዩ።", ["ሃብቶም"]),
        ("የቐንየለይ\nሃብቶም", ["ሃብቶም"]),
    ],
)
def test_tigrinya_cues(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_tigrinya_i_is_no_name() -> None:
    # "hello, I …": "I" after a greeting was taken for a name
    assert "ኣነ" not in names("ሰላም፣ ኣነ Yonas Gebreyesus እየ።")
    # "I am fine": "I" takes a name of the lists only
    assert names("ሰላም፣ ኣነ ጽቡቕ እየ።") == []
    # "my brother is at home": a word that is no name after a relative
    assert names("ሓወይ ኣብ ገዛ እዩ።") == []


def test_closing_before_a_reference_code() -> None:
    # "thanks, your request number MV-1 is registered"
    assert names("የቐንየልና፣ ሕቶኹም ብቑጽሪ MV-197695 ተመዝጊቡ።") == []
    # a listed name before a code still signs
    assert names("የቐንየለይ፣ ሃብቶም AB-12 ክርእዮ እየ።") == ["ሃብቶም"]


# -- Odia cues --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ନମସ୍କାର, ମୁଁ ଦେବାଶିଷ, ଗ୍ରାହକ ସେବାରୁ ।", ["ଦେବାଶିଷ"]),
        ("ନମସ୍କାର, ମୁଁ Debasish Mohanty । ମୋ ବିଲ୍ ଭୁଲ ଆସିଛି ।", ["Debasish Mohanty"]),
        ("ସଂଯୋଗ ମୋ ମା ସସ୍ମିତା ବେହେରା ଙ୍କ ନାମରେ ଅଛି ।", ["ସସ୍ମିତା ବେହେରା"]),
        ("ଧନ୍ୟବାଦ\nସସ୍ମିତା", ["ସସ୍ମିତା"]),
    ],
)
def test_odia_cues(text: str, found: list[str]) -> None:
    assert names(text) == found


def test_odia_i_takes_listed_names_only() -> None:
    # "hello, I am at home today": "I" before words that are no names
    assert names("ନମସ୍କାର, ମୁଁ ଆଜି ଘରେ ଅଛି ।") == []
