"""Given and family names for held-out bank 22, written for it (not taken from other banks).

Twenty-nine languages: the nine of the product (en, de, fr, es, it, pt, tr, nl, pl), twelve
written in Latin letters (Wolof, Lingala, Luganda, Chichewa, Setswana, Oromo, Javanese,
Cebuano, Samoan, Hmong, Turkmen, Romansh) and eight in their own script with a romanised
form of every name (Tibetan, Dhivehi in Thaana, Sindhi in Arabic script, Assamese, Bashkir and
Chuvash in Cyrillic, Inuktitut in syllabics, Tamazight in Tifinagh).

``NAMES[lang] = (given, family)`` in the language's own script; for the eight non-Latin
languages ``ROMAN[lang] = (given, family)`` holds the romanised forms, index for index.
Tibetan, Dhivehi and Inuktitut names rarely carry an inherited surname: their "family" list
holds the second names people are filed under. Bashkir and Chuvash are romanised letter by
letter, Inuktitut written in syllabics from its Latin spelling and Tamazight in Tifinagh from
its Latin (Kabyle-style) spelling, by the tables below. ``REGION`` is the country each
language's phones and addresses come from.
"""

from __future__ import annotations


def _w(s: str) -> tuple[str, ...]:
    return tuple(s.split())


def _pairs(s: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = [p.split("|") for p in s.split()]
    return tuple(r[0] for r in rows), tuple(r[1] for r in rows)


LATIN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        _w(
            "Oliver Harriet Graham Imogen Rupert Fiona Callum Bethany Declan Rosalind Tobias "
            "Philippa Hamish Eleanor Jasper Gwendolyn Barnaby Lorna Alistair Tamsin Ewan "
            "Cressida Nigel Maisie Rhys Juliet Crispin Martha Gideon Winifred Dominic Verity "
            "Ronan Abigail Edmund Clementine Stanley Beatrix Leonard Felicity Clive"
        ),
        _w(
            "Ashworth Pemberton Hargreaves Whitfield Blackwood Thornton Fairbanks Ellison "
            "Holloway Kingsley Marlowe Rutherford Sheridan Weatherby Cartwright Langley Osborne "
            "Penhaligon Radcliffe Stanhope Trevelyan Underwood Westbrook Yardley Brannigan "
            "Catterall Dunmore Grimshaw Hathaway Lockhart Merriweather"
        ),
    ),
    "de": (
        _w(
            "Jürgen Wiebke Torsten Ulrike Matthias Friederike Henning Gudrun Volker Anneliese "
            "Björn Sieglinde Dietmar Heike Lutz Mechthild Rüdiger Svenja Ortwin Käthe Gregor "
            "Hannelore Jörg Birgit Leonhard Roswitha Ansgar Dörte Marlene Wolfram Irmgard "
            "Falk Ottilie Hartmut Sabine Detlef Gesine Lennart Wilma Reinhild"
        ),
        _w(
            "Schröder Baumgärtner Hoffmeister Kessler Lindemann Oberländer Pfeiffer Quast "
            "Rößler Sauerbrey Tiedemann Unger Vogelsang Wendland Zimmermann Achterberg "
            "Brüggemann Dreßler Eichhorn Fröhlich Grotefend Hülsmann Jäckel Krüger Lüdtke "
            "Meißner Nöldeke Ostermann Prahl Riedl Steinbrück"
        ),
    ),
    "fr": (
        _w(
            "Benoît Clémence Gaëtan Hélène Josselin Maëlle Thibault Séverine Anatole Ghislaine "
            "Côme Solène Éloïse Baptiste Mathurin Aurélie Lucien Noémie Raphaël Bérénice "
            "Yannick Capucine Étienne Sidonie Gaspard Apolline Florent Ophélie Hervé Mireille "
            "Octave Anaïs Jérôme Léonie Quentin Romane Tristan Viviane Marius Armelle"
        ),
        _w(
            "Lefèvre Garnier Rousseau Mercier Fontaine Chevalier Bonnet Girard Lemaire Faure "
            "Gauthier Perrin Morel Blanchard Guérin Boucher Lacroix Marchand Brunet Roussel "
            "Duval Picard Leclerc Courtois Barthélemy Delacroix Vasseur Beaulieu Tessier "
            "Charpentier Joubert"
        ),
    ),
    "es": (
        _w(
            "Alejandro Begoña Íñigo Macarena Rodrigo Ainhoa Gonzalo Inmaculada Álvaro Remedios "
            "Joaquín Montserrat Ignacio Rocío Fermín Nerea Ramiro Itziar Teodoro Amparo Sergio "
            "Pilar Emilio Lucía Aurelio Consuelo Borja Maite Julián Almudena Esteban "
            "Covadonga Leandro Yolanda Vicente Araceli Cayetano Eulalia Tomás Soledad"
        ),
        _w(
            "Gutiérrez Fernández Olmedo Villanueva Echeverría Quintana Salazar Aranda Bermúdez "
            "Cifuentes Domínguez Escobar Figueroa Garrido Hidalgo Iglesias Jiménez Lozano "
            "Medina Núñez Ortega Pascual Rosales Sandoval Trujillo Urquiza Valdés Zamora "
            "Carrasco Peñalver Mendizábal"
        ),
    ),
    "it": (
        _w(
            "Giacomo Ludovica Tommaso Benedetta Ottavio Ginevra Lorenzo Costanza Filippo "
            "Eleonora Guido Margherita Raffaele Chiara Vittorio Ilaria Emanuele Serena Corrado "
            "Ornella Niccolò Rosalba Ettore Gaia Leonardo Carlotta Amedeo Federica Gianluca "
            "Annunziata Pasquale Viola Salvatore Noemi Dario Agnese Marcello Letizia Cosimo "
            "Bianca"
        ),
        _w(
            "Bianchi Esposito Colombo Ricci Marino Greco Gallo Conti Mancini Costa Giordano "
            "Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara "
            "Galli Martini Leone Longo Gentile Martinelli Vitale Pellegrini Serra Cattaneo"
        ),
    ),
    "pt": (
        _w(
            "João Inês Gonçalo Leonor Duarte Mafalda Tiago Beatriz Afonso Matilde Vasco "
            "Carolina Nuno Madalena Rui Teresa Henrique Filipa Sebastião Constança Bernardo "
            "Rita Martim Joana Simão Benedita Lourenço Margarida Tomé Conceição Diogo Graça "
            "Fábio Luísa Gustavo Fernanda Otávio Jussara Caetano Adriana Vitória"
        ),
        _w(
            "Gonçalves Magalhães Carvalho Pereira Rodrigues Albuquerque Sampaio Figueiredo "
            "Nogueira Teixeira Barbosa Cardoso Azevedo Correia Mendes Pinto Moreira Ribeiro "
            "Tavares Vieira Lacerda Meireles Queirós Brandão Guimarães Falcão Cunha Fonseca "
            "Loureiro Araújo Siqueira"
        ),
    ),
    "tr": (
        _w(
            "Mehmet Ayşe Mustafa Zeynep Emre Elif Burak Gülşen Oğuz Şükran Çağrı Özlem İsmail "
            "Derya Kerem Nilüfer Tuncay Sevgi Hakan Büşra Volkan Ebru Serkan Dilek Ufuk Melike "
            "Barış Ceren Erdem Gökçe Levent Hülya Okan Pınar Sinan Tülay Yiğit Ülkü Ferhat Aslı"
        ),
        _w(
            "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "
            "Kılıç Aslan Çetin Koç Özkan Şimşek Polat Korkmaz Karakaya Erdoğan Güneş Akın "
            "Bulut Tekin Uçar Ekinci Gündoğdu Karabulut"
        ),
    ),
    "nl": (
        _w(
            "Joris Marieke Sjoerd Annelies Bram Femke Wouter Ilse Gerrit Lieke Maarten Saskia "
            "Pieter Anouk Thijs Hanneke Rutger Jolien Koen Margriet Ruud Esther Wessel Floor "
            "Hendrik Mirjam Stijn Roos Jeroen Karlijn Bart Noor Teun Willemijn Daan Fenna Gijs "
            "Lotte Jelle Sanne"
        ),
        _w(
            "Bakker Visser Smit Meijer Mulder Peters Hendriks Dekker Brouwer Dijkstra Jacobs "
            "Vermeulen Schouten Willems Hoekstra Koster Prins Huisman Kuipers Veenstra Postma "
            "Wijnberg Blom Timmermans Groenewoud Hofstede Verhoeven Boersma Kramer Terpstra "
            "Zwartjes"
        ),
    ),
    "pl": (
        _w(
            "Krzysztof Agnieszka Grzegorz Małgorzata Wojciech Katarzyna Przemysław Jadwiga "
            "Bartłomiej Zofia Łukasz Dorota Tomasz Ewelina Jarosław Beata Mirosław Grażyna "
            "Sławomir Halina Zbigniew Bożena Mariusz Joanna Dariusz Urszula Piotr Wiesława "
            "Radosław Iwona Szymon Aleksandra Kacper Marzena Witold Janusz Elżbieta Mikołaj "
            "Bogumiła Jolanta"
        ),
        _w(
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
            "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk "
            "Piotrowski Grabowski Pawłowski Michalski Zając Wieczorek Jabłoński Wróbel "
            "Majewski Olszewski Stępień Malinowski Jaworski Górski Sobczak"
        ),
    ),
    # Wolof (Senegal, the Gambia)
    "wo": (
        _w(
            "Mamadou Cheikh Abdoulaye Ousmane Modou Ibrahima Babacar Malick Serigne Lamine "
            "Aliou Massamba Souleymane Alioune Amadou Samba Demba Saliou Ndiaga Moustapha "
            "Elhadji Fatou Aminata Khady Ndeye Coumba Astou Mariama Aissatou Binta Rokhaya "
            "Dieynaba Adama Yacine Sokhna Maimouna Ngoné Penda Seynabou Oumy Daba Absa"
        ),
        _w(
            "Ndiaye Diop Fall Sarr Gueye Mbaye Ndour Faye Thiam Seck Cissé Diouf Niang Kane "
            "Wade Samb Mboup Dieng Sall Touré Ndao Dione Gaye Kébé Sène Diagne Thiaw Mbengue "
            "Ndoye Mbodj Sylla Camara"
        ),
    ),
    # Lingala (DR Congo, Republic of the Congo)
    "ln": (
        _w(
            "Bolingo Elikia Esengo Motema Makiese Mayele Bomoko Nsimba Kiese Ngolo Bienvenu "
            "Dieudonné Fiston Merveille Glody Exaucé Christelle Nadège Trésor Héritier Gloire "
            "Patience Bijou Grâce Divine Benedicte Plamedi Jonathan Rachidi Ornella Chancelvie "
            "Falonne Dorcas Prisca Jemima Serge Blaise Fabrice Junior Olivier Landry Destin"
        ),
        _w(
            "Mbemba Ilunga Kabila Mputu Lukaku Mbokani Kasongo Mulumba Mayamba Makiadi Luambo "
            "Wemba Mpiana Ikolo Bolamba Nzuzi Ngandu Lumumba Bokungu Matondo Mabiala Malonga "
            "Nkounkou Makosso Moukala Bakala Ngoma Tshibanda Kalonji Mukendi Lokwa Bosenge"
        ),
    ),
    # Luganda (Uganda)
    "lg": (
        _w(
            "Kato Wasswa Nakato Babirye Kizza Petero Yakobo Yokaana Yowana Mariya Yozefu Pawulo "
            "Andereya Tomasi Matayo Stefano Daudi Samwiri Yoweri Nalwoga Nakimuli Nabukenya "
            "Nantongo Nankya Namusoke Nassali Nakawunde Nabukeera Nakiganda Nakku Namaganda "
            "Naluwooza Ssozi Kyeyune Nnaalinnya Nalubega Namatovu Kisakye Mirembe Nsiimire "
            "Kakooza"
        ),
        _w(
            "Mukasa Ssemakula Kiggundu Ssebunya Musoke Lubega Kasozi Ssentongo Kawooya Mulindwa "
            "Kalule Ssekandi Kayondo Nsubuga Lwanga Mutebi Kibirige Kisitu Walusimbi "
            "Ssewankambo Kaggwa Bbosa Kasule Mawanda Sserwadda Kyambadde Luyimbazi Mugerwa "
            "Kateregga Ssemwogerere Kabugo Kigozi"
        ),
    ),
    # Chichewa (Malawi, Zambia)
    "ny": (
        _w(
            "Chikondi Chimwemwe Kondwani Limbani Mphatso Tiwonge Thokozani Yamikani Madalitso "
            "Dalitso Pemphero Chisomo Kumbukani Tawonga Takondwa Tadala Tamanda Chifundo "
            "Mayeso Ulemu Wongani Alinafe Atupele Chikumbutso Lusungu Mwayi Chiyembekezo Khumbo "
            "Sungani Temwa Thandiwe Pilirani Tionge Zione Fatsani Tiyamike Chawezi Mercy "
            "Blessings Innocent Dyson"
        ),
        _w(
            "Banda Phiri Mwale Chirwa Mbewe Kamanga Nyirenda Gondwe Msiska Tembo Kalua "
            "Mkandawire Chakwera Mutharika Muluzi Chilima Nkhoma Kachingwe Chimwala Mlenga "
            "Kumwenda Ngwira Kaunda Chinsinga Kapalamula Munthali Chiumia Nyasulu Mhango Mvula "
            "Chitsulo"
        ),
    ),
    # Setswana (Botswana, South Africa)
    "tn": (
        _w(
            "Kagiso Tumelo Lesego Onalenna Boitumelo Kabelo Tshepo Thato Mpho Katlego Lorato "
            "Naledi Oratile Goitseone Refilwe Masego Onkarabile Tebogo Keitumetse Kefilwe "
            "Bontle Amogelang Gaone Itumeleng Kgosi Mothusi Olebogeng Phenyo Seabelo Tlotlo "
            "Keabetswe Bakang Lebogang Oarabile Resego Tsholofelo Wame Dineo Gorata Kopano"
        ),
        _w(
            "Khama Masire Mogae Masisi Molefe Mokgosi Seretse Sebego Motswagae Kgosimore Modise "
            "Moeng Mothibi Tsheko Gaolathe Mmusi Nkwe Kebonang Sekgoma Moatlhodi Mogotsi "
            "Kgari Seitshiro Letsholo Tshekedi Pilane Matlhare Moremi Gabaake Sebele Kgathi"
        ),
    ),
    # Oromo (Ethiopia, Kenya), Qubee spelling
    "om": (
        _w(
            "Gammachuu Galaanaa Tolaa Boonaa Caalaa Lammii Fayyisaa Jaarraa Dhaabaa Guddataa "
            "Hundee Kumsaa Lelisaa Obsaa Waaqoo Dinqinaa Gaaddisaa Tulluu Bilisummaa Hawwii "
            "Caaltuu Qananii Urjii Bontu Ayyaantuu Lalisee Kumtuu Soorettii Boontuu Gannoo "
            "Birtukaan Abdii Jawaar Lencoo Dirribaa Iddoosaa Haawwituu Magartuu Tokkummaa "
            "Yaadannoo Kulaniin"
        ),
        _w(
            "Bakalee Gudinaa Tufaa Bulchaa Dibaabaa Diinsaa Hordofaa Kabbadaa Ayyaanaa "
            "Gammadaa Guutamaa Jirataa Tolasaa Daadhii Rabbirraa Biraanuu Garomsaa Dabalee "
            "Fufaa Waaqjiraa Obbolaa Gurmeessaa Dhugaasaa Simee Birraa Tarreessaa Shuumii "
            "Haayiluu Galgaloo Beekumaa Raagaa"
        ),
    ),
    # Javanese (Indonesia)
    "jv": (
        _w(
            "Budi Bambang Joko Slamet Sugeng Wahyu Agus Heru Bayu Sigit Bagus Teguh Yudi "
            "Hendro Darmo Parjo Paijo Tukiman Paiman Mardi Sarwono Wulan Ayu Ratna Dewi Endang "
            "Sulastri Suparmi Sumarni Lestari Rini Kartika Retno Hartini Sukarni Tutik Ningsih "
            "Purwanti Sekar Galuh Laras Pratiwi Sasmito"
        ),
        _w(
            "Santoso Wibowo Prasetyo Susanto Hartono Nugroho Setiawan Purnomo Kusumo Wijaya "
            "Sutanto Pranoto Widodo Suryadi Raharjo Sudarsono Wicaksono Handoko Kuncoro Utomo "
            "Saputro Pamungkas Cahyono Suwarno Mulyono Haryanto Subagyo Sulistyo Wardoyo "
            "Kurniawan Hadiwijoyo"
        ),
    ),
    # Cebuano (the Philippines)
    "ceb": (
        _w(
            "Antonio Rodel Reynaldo Arnulfo Virgilio Teodoro Florencio Marlon Jerome Christian "
            "Kristine Maricel Rosalinda Lorna Gemma Analyn Rowena Jocelyn Lovely Charmaine "
            "Mylene Arlene Evangeline Leonora Perla Nenita Concepcion Remedios Felicidad "
            "Teresita Rosario Junrey Ariel Rommel Dindo Ramil Jessa Kimberly Angelica "
            "Rhealyn Jovelyn"
        ),
        _w(
            "Cabahug Alcantara Abellana Arcenas Bacalso Cabatingan Dagatan Dumdum Gullas "
            "Osmeña Paras Pacaña Remollo Tumulak Ybañez Cuizon Durano Espina Gabuya Lumapas "
            "Mancao Ouano Quijano Tabada Villamor Cañete Labra Alcoseba Bontuyan Dayondon "
            "Sanchez Bacus"
        ),
    ),
    # Samoan (Samoa, American Samoa, New Zealand)
    "sm": (
        _w(
            "Tavita Ioane Sione Paulo Pita Mikaele Iosefa Filipo Matagi Ropati Tanielu Falani "
            "Lagi Malu Sina Salote Mele Losana Fetu Lupe Manaia Talia Masina Ioana Malia Seini "
            "Teuila Melesete Tausi Siaosi Penitoa Aukusitino Tupe Sefo Lefaga Tasi Leota "
            "Fuamai Sieni Luaipou Fiapaipai"
        ),
        _w(
            "Tuilagi Faleolo Sapolu Afamasaga Tuiasosopo Fonoti Soliai Toleafoa Malietoa "
            "Tamasese Mataʻafa Aumua Tauiliili Fuimaono Seiuli Masoe Lemalu Salaveʻa Tupuola "
            "Afoa Savea Vaifale Sopoaga Ioelu Fepuleai Luamanu Tanuvasa Faamausili Leavasa "
            "Leiataua Pouono"
        ),
    ),
    # Hmong (Laos, Thailand, the United States): the spellings families use, and RPA
    "hmn": (
        _w(
            "Pao Tou Nou Xee Yer Chue Neng Kou Koua Fue Cher Ger Bee Mai Zoua Youa Kia Mee "
            "Houa Shoua Nhia Seng Pheng Xia Blia Bao Chong Dao Leng Sai Tong Yia Xai Boua "
            "Choua Kalia Lia Maiv Paj Ntxhi Txiab Nplooj Ntsuab"
        ),
        _w(
            "Vang Xiong Yang Thao Moua Lor Her Vue Hang Khang Chang Kue Cha Fang Kong Lee Pha "
            "Vaj Xyooj Yaj Lis Thoj Muas Lauj Hawj Vwj Khaab Tsab Kwm Tsheej Faaj Phab Koo"
        ),
    ),
    # Turkmen (Turkmenistan)
    "tk": (
        _w(
            "Merdan Serdar Annageldi Atamyrat Batyr Döwlet Eziz Gylyç Hojamyrat Kakajan Maksat "
            "Myrat Nury Orazgeldi Perhat Rahman Saparmyrat Täçmyrat Wepa Yhlas Ýusup Çary Aýna "
            "Bahar Gülälek Jemal Maral Mähri Näzik Ogulgerek Ogulbibi Sona Şirin Täzegül "
            "Aýgül Enejan Gözel Leýli Arslan Amangeldi Bägül"
        ),
        _w(
            "Berdimuhamedow Nyýazow Annaýew Orazow Gurbanow Atabaýew Hojaýew Muhammedow Saparow "
            "Durdyýew Myradow Ataýew Çaryýew Öwezow Garaýew Baýramow Amanow Rejepow Kakaýew "
            "Jumaýew Halmyradow Ahmedow Nurmyradow Ýazmuhammedow Mämmedow Tagandurdyýew "
            "Sähetmyradow Annamyradow Geldiýew Hallyýew Täşliýew Esenow"
        ),
    ),
    # Romansh (Grisons, Switzerland)
    "rm": (
        _w(
            "Gian Giusep Duri Flurin Curdin Peder Reto Ursin Linard Andri Corsin Gion Luregn "
            "Risch Tumasch Chasper Jachen Duosch Mengia Ursina Barla Cilgia Madlaina Chatrina "
            "Annina Seraina Flurina Bigna Uorschla Nesa Leta Ladina Plasch Baseli Gieri "
            "Giachen Fadri Cla Menga Nina Gianna"
        ),
        _w(
            "Caduff Cadonau Casanova Candinas Derungs Deplazes Tuor Cavelti Camenisch Capaul "
            "Caminada Bundi Bezzola Arquint Biert Sialm Lombriser Maissen Cathomen Carigiet "
            "Bearth Collenberg Janett Toutsch Netzer Defuns Schmed Vincenz Cantieni Sgier "
            "Cadruvi Darms"
        ),
    ),
}

# --- Tibetan (Tibet, India, Nepal): Wylie-based common spellings --------------------------------
_BO_GIVEN = _pairs(
    "བསྟན་འཛིན|Tenzin བཀྲ་ཤིས|Tashi ཚེ་རིང|Tsering སྒྲོལ་མ|Dolma པདྨ|Pema ཉི་མ|Nyima "
    "རྡོ་རྗེ|Dorje ལྷ་མོ|Lhamo བསོད་ནམས|Sonam ཀུན་བཟང|Kunsang དབང་ཕྱུག|Wangchuk "
    "ཆོས་སྒྲོན|Chodron ཡེ་ཤེས|Yeshe ཚེ་དབང|Tsewang ཀརྨ|Karma ལྷག་པ|Lhakpa ཕུར་བུ|Phurbu "
    "པ་སངས|Pasang མིག་དམར|Migmar སྤེན་པ|Penpa ཟླ་བ|Dawa བྱམས་པ|Jampa བློ་བཟང|Lobsang "
    "ཐུབ་བསྟན|Thupten ངག་དབང|Ngawang རིན་ཆེན|Rinchen བདེ་སྐྱིད|Dekyi དབྱངས་ཅན|Yangchen "
    "སྐལ་བཟང|Kelsang དཔལ་ལྡན|Palden ཤེས་རབ|Sherab བདེ་ཆེན|Dechen འཇིགས་མེད|Jigme "
    "སྒྲོལ་དཀར|Drolkar བསམ་གཏན|Samten ལྷུན་གྲུབ|Lhundup བློ་གསལ|Losel མེ་ཏོག|Metok "
    "ཀུན་དགའ|Kunga ཆོས་ཉིད|Choenyi ཡང་སྐྱིད|Yangkyi ཚེ་བརྟན|Tseten"
)
_BO_FAMILY = _pairs(
    "རྒྱ་མཚོ|Gyatso རྣམ་རྒྱལ|Namgyal ནོར་བུ|Norbu དབང་མོ|Wangmo དོན་གྲུབ|Dhondup "
    "མཚོ་མོ|Tsomo ཆོས་གྲགས|Choedak ཕུན་ཚོགས|Phuntsok རྒྱལ་མཚན|Gyaltsen སྟོབས་རྒྱལ|Topgyal "
    "བསམ་གྲུབ|Samdup མཐར་ཕྱིན|Tharchin དབང་འདུས|Wangdu དབྱངས་འཛོམས|Yangzom ལྷ་སྒྲོན|Lhadon "
    "སྐྱིད་འཛོམས|Kyizom ཆོས་འཕེལ|Choephel རབ་བརྟན|Rabten བཟང་པོ|Zangpo བརྩོན་འགྲུས|Tsondue "
    "དངོས་གྲུབ|Ngodup དཔལ་མོ|Palmo བསྟན་པ|Tenpa རིག་འཛིན|Rigzin དགེ་ལེགས|Gelek "
    "གྲགས་པ|Drakpa ལྷ་ཁྱབ|Lhakyab དབང་རྒྱལ|Wanggyal ཆོས་འཛོམས|Choezom ལེགས་བཤད|Lekshey "
    "ཐོགས་མེད|Thokmey ཀླུ་འབུམ|Lubum"
)

# --- Dhivehi (the Maldives), Thaana ------------------------------------------------------------
_DV_GIVEN = _pairs(
    "މުޙައްމަދު|Mohamed އަޙްމަދު|Ahmed އިބްރާހީމް|Ibrahim ޢަލީ|Ali ޙަސަން|Hassan "
    "ޙުސައިން|Hussain އިސްމާޢީލް|Ismail މޫސާ|Moosa އާދަމް|Adam ޔޫސުފް|Yoosuf ޢީސާ|Easa "
    "އިލްޔާސް|Ilyas ޝިހާމް|Shiham ޒާހިރު|Zahir ނަސީމް|Naseem ޝަރީފް|Shareef ޖަމީލް|Jameel "
    "ފައިޞަލް|Faisal އަމީން|Ameen ރިޔާޒް|Riyaz ސަޢީދު|Saeed ނިޒާރު|Nizar ޢަޒީމް|Azim "
    "ޢުމަރު|Umar ޢާއިޝަތު|Aishath ފާޠިމަތު|Fathimath މަރިޔަމް|Mariyam އާމިނަތު|Aminath "
    "ޙައްވާ|Hawwa ޚަދީޖާ|Khadeeja ޒުލައިޚާ|Zulaikha ޝިފާ|Shifa ނަސްރީނާ|Nasreena "
    "ރަޙީމާ|Raheema ހުދާ|Hudha ސަނާ|Sana މައުސޫމާ|Mausooma ޒީނާ|Zeena ޝަހީދާ|Shaheedha "
    "އާސިޔާ|Asiya ލައިލާ|Laila ޝަމީމާ|Shameema ނާޒިމާ|Nazima"
)
_DV_FAMILY = _pairs(
    "މަނިކު|Manik ދީދީ|Didi ކަލޭފާނު|Kaleyfaanu ތަކުރުފާނު|Thakurufaanu ޞާލިޙް|Solih "
    "ޤައްޔޫމް|Gayoom ޔާމީން|Yameen ނަޝީދު|Nasheed ވަޙީދު|Waheed ރަޝީދު|Rasheed "
    "ޝަކޫރު|Shakoor ޙަލީމް|Haleem ނަޞީރު|Naseer ޖަލީލް|Jaleel ކަރީމް|Kareem މަޖީދު|Majeed "
    "ރަޢޫފް|Rauf ޠާރިޤް|Thoriq ޙަމީދު|Hameed ޒުހައިރު|Zuhair މާހިރު|Mahir ހިލްމީ|Hilmy "
    "ފަހުމީ|Fahmy ލުޠުފީ|Luthfee ލަޠީފް|Latheef ރިޟާ|Riza ޝާކިރު|Shakir ޢަފީފް|Afeef "
    "ޙަނީފް|Haneef މުނީރު|Muneer ސަލީމް|Saleem"
)

# --- Sindhi (Pakistan, India), Perso-Arabic script ---------------------------------------------
_SD_GIVEN = _pairs(
    "علي|Ali احمد|Ahmed ذوالفقار|Zulfiqar اسلم|Aslam بشير|Bashir عمران|Imran نديم|Nadeem "
    "سجاد|Sajjad وقار|Waqar آصف|Asif فيصل|Faisal جنيد|Junaid ڪامران|Kamran مراد|Murad "
    "نويد|Naveed رشيد|Rashid سهيل|Sohail طارق|Tariq ياسر|Yasir شاهد|Shahid ممتاز|Mumtaz "
    "رحيم|Raheem اياز|Ayaz دلاور|Dilawar حيدر|Hyder سڪندر|Sikandar بينظير|Benazir "
    "سسئي|Sassui ماروي|Marvi شبنم|Shabnam زبيده|Zubeda نسرين|Nasreen رخسانه|Rukhsana "
    "سعديه|Sadia فوزيه|Fozia نائله|Naila عائشه|Ayesha فرزانه|Farzana شازيه|Shazia "
    "روبينه|Rubina حنا|Hina مهوش|Mehwish صنم|Sanam آمنه|Amna"
)
_SD_FAMILY = _pairs(
    "ڀٽو|Bhutto سومرو|Soomro ميمڻ|Memon جتوئي|Jatoi شيخ|Shaikh ابڙو|Abro مهر|Mahar "
    "چنو|Channa قريشي|Qureshi لغاري|Laghari ٽالپر|Talpur جوڻيجو|Junejo چانڊيو|Chandio "
    "ڪلهوڙو|Kalhoro پنهور|Panhwar مگسي|Magsi بلوچ|Baloch کوسو|Khoso ڀٽي|Bhatti "
    "لاشاري|Lashari رند|Rind قاضي|Kazi بروهي|Brohi سهتو|Sahito انڙ|Unar پٺاڻ|Pathan "
    "ميراڻي|Mirani ڏاهري|Dahri سيال|Sial وساڻ|Wassan کهڙو|Khuhro شاهاڻي|Shahani"
)

# --- Assamese (Assam, India), Assamese-Bengali script -------------------------------------------
_AS_GIVEN = _pairs(
    "অনুপ|Anup বিকাশ|Bikash দীপক|Dipak গৌতম|Gautam হেমন্ত|Hemanta কমল|Kamal মানৱ|Manab "
    "নয়ন|Nayan পল্লৱ|Pallab ৰূপম|Rupam সঞ্জীৱ|Sanjib তৰুণ|Tarun উৎপল|Utpal জুবিন|Zubeen "
    "ভাস্কৰ|Bhaskar দেৱজিৎ|Debajit মৃদুল|Mridul পৰাগ|Parag ভূপেন|Bhupen হিৰেন|Hiren "
    "প্ৰাঞ্জল|Pranjal ধ্ৰুৱ|Dhruba বিষ্ণু|Bishnu জ্যোতি|Jyoti অঞ্জলি|Anjali বৰ্ণালী|Bornali "
    "দীপালী|Dipali জুৰি|Juri কবিতা|Kabita মামণি|Mamoni নন্দিতা|Nandita পাপৰি|Papori "
    "ৰশ্মি|Rashmi স্মিতা|Smita তৃষ্ণা|Trishna ঊৰ্মিলা|Urmila বন্দনা|Bandana চয়নিকা|Chayanika "
    "জোনালী|Jonali মৰমী|Moromi প্ৰিয়ংকা|Priyanka শেৱালি|Sewali জুনমণি|Junmoni"
)
_AS_FAMILY = _pairs(
    "বৰা|Bora বৰুৱা|Baruah গগৈ|Gogoi শইকীয়া|Saikia হাজৰিকা|Hazarika ফুকন|Phukan "
    "কলিতা|Kalita ডেকা|Deka শৰ্মা|Sarma বৰঠাকুৰ|Borthakur ভূঞা|Bhuyan চৌধুৰী|Choudhury "
    "মহন্ত|Mahanta গোস্বামী|Goswami ৰাজখোৱা|Rajkhowa দত্ত|Dutta মেধি|Medhi "
    "তালুকদাৰ|Talukdar কোঁৱৰ|Konwar বুঢ়াগোহাঁই|Buragohain দোৱেৰা|Dowerah চেতিয়া|Chetia "
    "বৰ্মন|Barman চোনোৱাল|Sonowal নেওগ|Neog তামুলী|Tamuly বৰদলৈ|Bordoloi কাকতি|Kakoti "
    "পাঠক|Pathak বৈশ্য|Baishya ভট্টাচাৰ্য|Bhattacharya"
)

# --- Bashkir and Chuvash (Russia), Cyrillic; romanised letter by letter ------------------------
_BA = (
    _w(
        "Айдар Азат Алсу Айгөл Булат Рөстәм Салауат Ильдар Зөһрә Гөлнара Ләйсән Ринат Таһир "
        "Фәрит Хәмит Ирек Урал Айһылыу Нурия Әлфиә Дамир Тимур Рәйлә Гүзәл Айбулат Ильгиз "
        "Марат Әхмәт Зилә Ғәзиз Ләлә Миләүшә Динара Әминә Самат Илшат Ләйлә Юлай Шәүрә "
        "Рәсүл Ҡаһым"
    ),
    _w(
        "Ғайсин Хәсәнов Ишмөхәмәтов Байрамғолов Юлдашев Сөләймәнов Ғәлиев Әминев Ҡаһарманов "
        "Рәхимов Вәлиев Ғарипов Шәрипов Хәкимов Ибраһимов Ҡунаҡбаев Әбдрәхимов Солтанов "
        "Мостафин Кейекбаев Бикбаев Ғафуров Исхаҡов Нуриев Йәнбирҙин Мәжитов Байбулатов "
        "Ямалетдинов Абдуллин Зарипов Ҡасимов Туйгунов"
    ),
)
_CV = (
    _w(
        "Атнер Илем Нарспи Улӑп Пинерпи Сарпике Сетнер Ӗлкен Мерчен Тухтар Эльмен Тимӗр "
        "Ҫеҫпӗл Микул Кӗтерне Укахви Праски Марье Аньюк Павӑл Петӗр Ваҫли Йӑван Ахтупай "
        "Ильпек Кӗлпике Ҫтаппан Ермул Якку Тимахви Хӗлип Ятман Урпике Ухтеркке Элекҫей Иххан "
        "Тӑхтаман Пике Энтрей Селиме"
    ),
    _w(
        "Яковлев Хусанкай Митта Ашмарин Никифоров Андреев Николаев Ефимов Егоров Васильев "
        "Семенов Кузьмин Федоров Григорьев Дмитриев Алексеев Тимофеев Афанасьев Павлов "
        "Максимов Степанов Ильин Моисеев Арсентьев Айги Туркай Эзенкин Агаков Юхма Ухсай "
        "Сеспель Элкер"
    ),
)
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Bashkir
    "ә": "ä", "ө": "ö", "ү": "ü", "ғ": "gh", "ҡ": "q", "ң": "ng", "ҙ": "dh", "ҫ": "th",
    "һ": "h",
    # Chuvash
    "ӑ": "ă", "ӗ": "ĕ", "ӳ": "ü", "ç": "ş",
}  # fmt: skip


def _romanise_cyrillic(word: str, lang: str) -> str:
    table = dict(_CYR)
    if lang == "cv":
        table["ҫ"] = "ş"
    out = "".join(table.get(ch.lower(), ch.lower()) for ch in word)
    return out[:1].upper() + out[1:]


# --- Inuktitut (Nunavut, Nunavik), syllabics from the Latin spelling --------------------------
_IU_GIVEN_LATN = _w(
    "Kinuajuaq Siila Aputi Nuka Qilak Putulik Tagak Malaija Ilisapi Lukasi Jaaji Iqaluk "
    "Nuvua Aani Naja Piita Miali Maatiusi Siimi Jaani Paulusi Tuumasi Aqiatusuk Panniluk "
    "Ulaajuk Ataguttaaluk Quluaq Arnaq Ujarak Sulu Kiviuq Akalak Amaruq Ukaliq Tulugaq "
    "Pauta Taqialuk Saima Sakiasi Susi Inuuja Uvinik Mikijuk Nivviaq"
)
_IU_FAMILY_LATN = _w(
    "Kunuk Arnatsiaq Qulaut Inuksuk Ittinuar Nutaraq Kakkik Aglukkaq Tagalik Qaqqaq Ukalik "
    "Ivaluarjuk Kusugak Tuutuu Nakasuk Kanajuk Aluki Angnakak Ipilli Kalluk Uluujuk Qiatsuk "
    "Niviaqsi Taqtu Ugjuk Asivak Pitsiulak Alurut Akavak Patsauq Irqittuq Atagutsiak"
)
# rows: consonant, then i ii u uu a aa, then the final (no vowel) sign
_SYLLABICS = """
- ᐃ ᐄ ᐅ ᐆ ᐊ ᐋ -
p ᐱ ᐲ ᐳ ᐴ ᐸ ᐹ ᑉ
t ᑎ ᑏ ᑐ ᑑ ᑕ ᑖ ᑦ
k ᑭ ᑮ ᑯ ᑰ ᑲ ᑳ ᒃ
g ᒋ ᒌ ᒍ ᒎ ᒐ ᒑ ᒡ
m ᒥ ᒦ ᒧ ᒨ ᒪ ᒫ ᒻ
n ᓂ ᓃ ᓄ ᓅ ᓇ ᓈ ᓐ
s ᓯ ᓰ ᓱ ᓲ ᓴ ᓵ ᔅ
l ᓕ ᓖ ᓗ ᓘ ᓚ ᓛ ᓪ
j ᔨ ᔩ ᔪ ᔫ ᔭ ᔮ ᔾ
v ᕕ ᕖ ᕗ ᕘ ᕙ ᕚ ᕝ
r ᕆ ᕇ ᕈ ᕉ ᕋ ᕌ ᕐ
q ᕿ ᖀ ᖁ ᖂ ᖃ ᖄ ᖅ
ng ᖏ ᖐ ᖑ ᖒ ᖓ ᖔ ᖕ
"""
_SYL: dict[tuple[str, str], str] = {}
for _row in _SYLLABICS.split("\n"):
    if _row.strip():
        _c, *_signs = _row.split()
        for _v, _s in zip(("i", "ii", "u", "uu", "a", "aa", ""), _signs, strict=True):
            _SYL[("" if _c == "-" else _c, _v)] = _s


def syllabics(latin: str) -> str:
    """Inuktitut in syllabics from its Latin spelling (ng, long vowels as doubled letters)."""
    s, out, i = latin.lower(), [], 0
    while i < len(s):
        cons = "ng" if s.startswith("ng", i) else ("" if s[i] in "aiu" else s[i])
        i += len(cons)
        vowel = ""
        if i < len(s) and s[i] in "aiu":
            vowel = s[i] * 2 if s.startswith(s[i] * 2, i) else s[i]
            i += len(vowel)
        out.append(_SYL[(cons, vowel)])
    return "".join(out)


# --- Tamazight (Morocco, Algeria), Neo-Tifinagh from the Latin spelling ------------------------
_ZGH_GIVEN_LATN = _w(
    "Aksil Yuba Idir Amnay Anir Ayur Amayas Aɣilas Yugurten Massin Usem Mazigh Ameqran "
    "Mezyan Arezki Muqran Lunis Sliman Sifaw Ziri Tiziri Dihya Tanirt Illi Tilelli Tafat "
    "Menna Numidya Tinhinan Lunja Tamenzut Tasekkurt Tudert Tayri Tafsut Kenza Tanina Tala "
    "Nuba Dassin Tiliwa Yidir Gaya"
)
_ZGH_FAMILY_LATN = _w(
    "Amruc Mammeri Feraun Matub Azem Uali Belaid Amezyan Aitali Uyahya Ulhadj Kaci Yefsah "
    "Igerbuchen Iferhunen Amellal Asellah Ibazizen Izri Yalla Meddur Azwaw Agraw Aytahmed "
    "Bennai Mansuri Idjer Usalem Amzal Akli Ayttudert"
)
_TIFINAGH = {
    "a": "ⴰ", "b": "ⴱ", "g": "ⴳ", "d": "ⴷ", "ḍ": "ⴹ", "e": "ⴻ", "f": "ⴼ", "k": "ⴽ",
    "h": "ⵀ", "ḥ": "ⵃ", "ɛ": "ⵄ", "x": "ⵅ", "q": "ⵇ", "i": "ⵉ", "j": "ⵊ", "l": "ⵍ",
    "m": "ⵎ", "n": "ⵏ", "u": "ⵓ", "r": "ⵔ", "ɣ": "ⵖ", "s": "ⵙ", "ṣ": "ⵚ", "c": "ⵛ",
    "t": "ⵜ", "ṭ": "ⵟ", "w": "ⵡ", "y": "ⵢ", "z": "ⵣ", "ẓ": "ⵥ",
}  # fmt: skip


def tifinagh(latin: str) -> str:
    """Tamazight in Neo-Tifinagh from its Latin spelling (gh is ɣ, dj is j, ch is c)."""
    s = latin.lower().replace("gh", "ɣ").replace("dj", "j").replace("ch", "c")
    return "".join(_TIFINAGH[ch] for ch in s)


def _cyr(lang: str, given: tuple[str, ...], family: tuple[str, ...]):
    return (given, family), (
        tuple(_romanise_cyrillic(w, lang) for w in given),
        tuple(_romanise_cyrillic(w, lang) for w in family),
    )


_BA_NAMES, _BA_ROMAN = _cyr("ba", *_BA)
_CV_NAMES, _CV_ROMAN = _cyr("cv", *_CV)

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    **LATIN,
    "bo": (_BO_GIVEN[0], _BO_FAMILY[0]),
    "dv": (_DV_GIVEN[0], _DV_FAMILY[0]),
    "sd": (_SD_GIVEN[0], _SD_FAMILY[0]),
    "as": (_AS_GIVEN[0], _AS_FAMILY[0]),
    "ba": _BA_NAMES,
    "cv": _CV_NAMES,
    "iu": (
        tuple(syllabics(w) for w in _IU_GIVEN_LATN),
        tuple(syllabics(w) for w in _IU_FAMILY_LATN),
    ),
    "zgh": (
        tuple(tifinagh(w) for w in _ZGH_GIVEN_LATN),
        tuple(tifinagh(w) for w in _ZGH_FAMILY_LATN),
    ),
}

ROMAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "bo": (_BO_GIVEN[1], _BO_FAMILY[1]),
    "dv": (_DV_GIVEN[1], _DV_FAMILY[1]),
    "sd": (_SD_GIVEN[1], _SD_FAMILY[1]),
    "as": (_AS_GIVEN[1], _AS_FAMILY[1]),
    "ba": _BA_ROMAN,
    "cv": _CV_ROMAN,
    "iu": (_IU_GIVEN_LATN, _IU_FAMILY_LATN),
    "zgh": (_ZGH_GIVEN_LATN, _ZGH_FAMILY_LATN),
}

REGION: dict[str, str] = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL",
    "wo": "SN", "ln": "CD", "lg": "UG", "ny": "MW", "tn": "BW", "om": "ET", "jv": "ID",
    "ceb": "PH", "sm": "WS", "hmn": "US", "tk": "TM", "rm": "CH",
    "bo": "IN", "dv": "MV", "sd": "PK", "as": "IN", "ba": "RU", "cv": "RU", "iu": "CA",
    "zgh": "MA",
}  # fmt: skip

CORE = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")
NEW = tuple(lang for lang in NAMES if lang not in CORE)
