"""Names and phrases of held-out bank 23, written for it: 40+ given and 30+ family names in each
of its 30 languages, with romanised forms for the nine written in a non-Latin script.

The nine product languages (en de fr es it pt tr nl pl) and 21 no earlier bank used: Twi (Akan),
Ewe, Bambara, Kikuyu, Kirundi, Tongan, Fijian, Guaraní, Aymara, Occitan, Northern Sami and
Ilocano in Latin letters; Ossetian, Chechen and Sakha in Cyrillic, Santali in Ol Chiki, Manipuri
in Meitei Mayek, Cherokee in its syllabary, Assyrian Neo-Aramaic in Syriac, Manding in N'Ko and
Fula in Adlam. For those the romanised lists (``ROMAN``) are the source, and the script forms
(``NAMES``) are written from them letter by letter (syllable by syllable for Cherokee, akshara
by akshara for Meitei Mayek) by the small writers below, which refuse a letter they do not know.

``PHRASES`` holds, for each language, a greeting, "my name is" (``{}`` for the name), thanks and
a sign-off; ``REGION`` the phone region of each language's speakers, ``BODY`` the product
language a support message of a speaker is written in around those phrases.
"""

from __future__ import annotations


def _split(s: str) -> tuple[str, ...]:
    return tuple(s.split())


_LATIN: dict[str, tuple[str, str]] = {
    "en": (
        "Oliver Harry George Jack Thomas William James Charlotte Amelia Olivia Emily Grace Sophie "
        "Jessica Hannah Lucy Megan Rebecca Eleanor Alfie Archie Henry Edward Samuel Daniel "
        "Joseph Benjamin Matthew Rosie Holly Imogen Phoebe Harriet Alice Florence Freddie Callum "
        "Rhys Owen Bethany Niamh Fiona",
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
        "Walker White Roberts Green Hall Wood Jackson Clarke Patel Hughes Edwards Turner Cooper "
        "Harrison Ward Morris Whitfield Ashworth Pemberton Haworth Blackwood Featherstone",
    ),
    "de": (
        "Lukas Leon Finn Jonas Paul Elias Felix Maximilian Moritz Julian Tobias Matthias Jürgen "
        "Dieter Uwe Rüdiger Günther Wolfgang Hannah Lea Lena Marie Sophie Johanna Katharina "
        "Ulrike Birgit Gudrun Jutta Sabine Heike Anke Frauke Lieselotte Annegret Mareike Jörg "
        "Björn Sören Henrike Wiebke",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch "
        "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann "
        "Hartmann Lange Werner Krause Köhler Jäger Brandstätter Grünewald Oßwald Lindemann",
    ),
    "fr": (
        "Jean Pierre Michel André Philippe Louis Nicolas Julien Mathieu Sébastien Benoît Gaëtan "
        "Hervé Jérôme Loïc Raphaël Théo Hugo Clément Aurélien Marie Nathalie Isabelle Sylvie "
        "Catherine Françoise Hélène Élodie Céline Aurélie Mélanie Amélie Chloé Léa Manon Inès "
        "Agathe Solène Maëlle Noémie Brigitte",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre "
        "Mercier Dupont Lambert Bonnet François Martinez Chevallier Gauthier Rousseau Béranger",
    ),
    "es": (
        "Alejandro Pablo Javier Sergio Álvaro Adrián Diego Jorge Rubén Iván Andrés Íñigo Joaquín "
        "Ramón Nicolás Gonzalo Ignacio Fernando Emilio Rodrigo Lucía María Paula Carmen Marta "
        "Elena Laura Cristina Sofía Inés Begoña Montserrat Rocío Nuria Pilar Ainhoa Itziar Belén "
        "Almudena Concepción Remedios",
        "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez "
        "Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres "
        "Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Castaño Ibáñez Echeverría",
    ),
    "it": (
        "Francesco Alessandro Lorenzo Matteo Leonardo Andrea Gabriele Riccardo Tommaso Edoardo "
        "Niccolò Giacomo Salvatore Gennaro Vincenzo Carmine Pasquale Raffaele Ottavio Corrado "
        "Giulia Francesca Chiara Sara Martina Alessia Federica Elisa Valentina Ilaria Beatrice "
        "Ludovica Benedetta Annunziata Carmela Rosaria Assunta Concetta Graziella Ornella Nicolò",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
        "Conti Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani "
        "Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Cattaneo D'Amico Sorrentino",
    ),
    "pt": (
        "João Francisco Afonso Tomás Duarte Rodrigo Martim Santiago Gonçalo Vasco Diogo Rui Nuno "
        "Sérgio Fábio Simão Henrique Bernardo Lourenço Joaquim Maria Leonor Matilde Beatriz Inês "
        "Carolina Mariana Margarida Conceição Graça Fátima Lurdes Filipa Teresa Catarina Sofia "
        "Raquel Vitória Luísa Assunção",
        "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes "
        "Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira "
        "Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha Magalhães Guimarães Brandão",
    ),
    "tr": (
        "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan "
        "Halil Süleyman Abdullah Emre Burak Serkan Oğuz Çağlar Gökhan Barış Fatma Ayşe Emine "
        "Hatice Zeynep Elif Meryem Şerife Sultan Hülya Özlem Gülşen Songül Şükran Dilek Çiğdem "
        "Tuğba Büşra",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
        "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Özgür Erdoğan Güneş Aksoy Çakır "
        "Karakaya Bozkurt Akgül Uysal Gündoğdu Sarıkaya",
    ),
    "nl": (
        "Daan Sem Lucas Levi Finn Milan Bram Thijs Jesse Ruben Sander Joost Maarten Pieter Wouter "
        "Gijs Stijn Teun Floris Rutger Sanne Lotte Femke Fleur Anouk Lieke Marloes Ilse Eline "
        "Noor Tess Roos Jorien Maaike Ineke Annelies Wilhelmina Geertruida Hendrika Mirjam",
        "Jansen Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok "
        "Jacobs Vermeulen Willems Hoekstra Koster Prins Kuipers Verhoeven Huisman Postma "
        "Timmermans "
        "Groen Wuyts Schouten Veenstra Kramer Bosman Zwanenburg Oosterhuis",
    ),
    "pl": (
        "Jakub Kacper Szymon Filip Jan Antoni Wojciech Mikołaj Bartosz Mateusz Piotr Krzysztof "
        "Grzegorz Tomasz Łukasz Paweł Przemysław Zbigniew Jerzy Włodzimierz Zuzanna Julia Maja "
        "Zofia Hanna Aleksandra Agnieszka Małgorzata Katarzyna Jadwiga Grażyna Bożena Urszula "
        "Dorota Żaneta Wiesława Halina Krystyna Danuta Elżbieta",
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
        "Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski "
        "Nowakowski Pawłowski Michalski Zając Król Wieczorek Jabłoński Wróbel Majewski Olszewski "
        "Stępień Jaworski Małecki Ściborski Żurawski",
    ),
    "tw": (
        "Kwame Kofi Kwaku Kwabena Kwasi Kojo Kwadwo Yaw Kwesi Ato Fiifi Ebo Kobina Kweku Kwamena "
        "Ama Akua Abena Afia Esi Adwoa Akosua Yaa Afua Ekua Araba Efua Serwaa Agyeiwaa Boatemaa "
        "Pokuaa Oforiwaa Dufie Asantewaa Ohenewaa Akyaa Nhyira Aseda Afriyie Adom Kakra",
        "Mensah Asante Owusu Boateng Agyeman Osei Appiah Darko Amoako Ofori Antwi Asamoah Bonsu "
        "Gyamfi Frimpong Acheampong Sarpong Oppong Ansah Addo Amponsah Danquah Kuffour Adjei "
        "Opoku Badu Kyei Poku Yeboah Tuffour Nyarko Twumasi",
    ),
    "ee": (
        "Kodzo Komla Kwami Kossi Yawo Kɔmla Mawuli Edem Senyo Elikem Selorm Delali Etornam "
        "Xorlali Mawunyo Kafui Worlanyo Makafui Nukunu Yawovi Fafali Elorm Adzo Abla Aku Yawa Afi "
        "Kosiwa Dzifa Enyonam Sena Eyram Yayra Dela Kekeli Edinam Sedinam Akpene Dzidzor Esinam "
        "Ɖoɖo Mawuena",
        "Agbeko Amegah Gbeze Dzokoto Kpodo Agbenyega Adzoe Ametepe Tsikata Gbedemah Kudjawu "
        "Agbodeka Dogbe Akpalu Amedzro Hodzi Fiawoo Nyaho Atsu Amenyo Dotse Segbefia Kpeglo "
        "Awoonor Gbadago Akakpo Ahadzie Dzamesi Avornyo Attipoe Gbordzoe Amevor Ahiable",
    ),
    "bm": (
        "Musa Mamadu Seku Bakari Drisa Adama Sidiki Madu Bubakar Lasina Yusufu Ibrahima Sumaila "
        "Fuseni Sungalo Solomani Zanga Dramani Siriman Cɛmɔgɔ Karamɔgɔ Fanta Mariyamu Kadiatu "
        "Aminata Awa Umu Jeneba Sitan Asitan Bintu Rokiya Salimata Kanku Safiatu Hawa Tenin Ɲɛlɛ "
        "Kumba Fatumata Sanata Korotumu Ramata",
        "Tarawele Keyita Kulibali Jara Konate Sangare Dembele Dunbiya Kone Sisoko Jakite Fofana "
        "Kamara Sidibe Sako Sise Ture Balo Bagayogo Samake Kante Mariko Bɛrɛte Sanogo Togola "
        "Kanute Dawo Gindo Tangara Jabate Kuyate Sumare Ɲare Gwita",
    ),
    "ki": (
        "Kamau Njoroge Mwangi Kariuki Githinji Kimani Kinyua Macharia Muriuki Ndungu Gitau Kiarie "
        "Wainaina Mugo Maina Waweru Kuria Karanja Kibe Njuguna Gachanja Kahiga Muchiri Wanjiru "
        "Wambui Wanjiku Wairimu Nyambura Njeri Wangari Wangui Wanjugu Wamaitha Wacera Wahu "
        "Muthoni Nyokabi Njoki Gathoni Wangeci Mumbi Waithira Wanjĩkũ",
        "Kenyatta Muigai Gichuru Kibaki Mathenge Kamande Wachira Gathogo Kagwe Njenga Mbugua "
        "Kinuthia Gachie Kiragu Murage Ndegwa Gakuo Ngige Kimathi Muchoki Mureithi Nduati Thuku "
        "Gikonyo Wambugu Kirubi Gatheru Mwaura Munene Ndirangu Githae Kahara",
    ),
    "rn": (
        "Irakoze Iradukunda Ishimwe Kwizera Mugisha Gakiza Keza Ineza Akimana Arakaza Dusabe "
        "Inamahoro Iteka Kaneza Kaze Mutoni Ndayizeye Evariste Léonce Aimé Désiré Fidèle "
        "Espérance Immaculée Gervais Prosper Claver Libérate Domitien Melchior Sylvestre "
        "Pascaline Nadine Goreth Clémence Jeanine Bella Gloriose Nestor Egide Diane",
        "Ndayishimiye Nkurunziza Ndadaye Ntaryamira Micombero Niyonzima Hakizimana Nshimirimana "
        "Ndikumana Niyonkuru Nduwimana Bizimana Ntahomvukiye Nzeyimana Barankitse Kanyange "
        "Irambona Nibizi Nsengiyumva Manirakiza Havyarimana Ntakirutimana Nizigiyimana Ndabaneze "
        "Nahimana Sindayigaya Bigirimana Harerimana Niyongabo Ndimubandi Butoyi",
    ),
    "to": (
        "Sione Viliami Siosaia Tevita Sitani Semisi Paula Taniela Feleti Pita Mosese Siaosi Lose "
        "Mele Salote Losana Ana Sela ʻOfa Lupe Seini Kalolaine Heilala Vika Losaline Manu Kalo "
        "Tavite Uili Tomasi Lopeti Aisea Maka Sosefo Melenaite Halaevalu Luseane ʻAna Mateaki "
        "Sifa Kalisi Tēvita",
        "Tupou Fifita Vaipulu Havili Taufa Finau Moala Latu Hufanga Mahe Kaufusi Fonua Fusituʻa "
        "Vaea Tuipulotu Lolohea Vake Folau Kioa Fakatava Tukuʻaho Taumoepeau Tuita Veikune Palu "
        "Halafihi Ahio Tongilava Naufahu Piutau Funaki Fotu Maʻafu",
    ),
    "fj": (
        "Josaia Semi Sitiveni Epeli Jone Waisale Inoke Isikeli Apisai Iliesa Samisoni Peceli "
        "Ropate Viliame Osea Filipe Akuila Timoci Jiosefa Meli Mere Litia Unaisi Asinate "
        "Miliakere Vasiti Makereta Sereana Kelera Akanisi Titilia Torika Luisa Ilisapeci "
        "Wainikiti Salanieta Vilimaina Adriu Sakiusa Taraivini Lusiana",
        "Rabuka Bainimarama Qarase Ganilau Tabua Naivalu Radradra Nakarawa Volavola Tuisova "
        "Koroibete Nadolo Vatubua Ravouvou Nawaqa Rokoduguni Matawalu Waqa Tikoduadua Seruvakula "
        "Tuilevuka Cakobau Ratuvou Vunisa Lomani Naisoro Kuruvoli Tamanisau Vakaloloma Yavala "
        "Masirewa Nailatikau",
    ),
    "gn": (
        "Arami Jasy Yvoty Mainumby Panambi Kuarahy Ñasaindy Ysapy Araí Yerutí Kerana Arandu "
        "Tupãsy Porã Ñandutí Yvága Mbyja Ára Guyra Jaguarete Ramón Librada Ceferino Crispín "
        "Epifanio Isidora Zunilda Blas Eusebia Feliciano Cirilo Gumercindo Ña Eladia Ruperto "
        "Nicasio Hermelinda Teodolina Saturnino Aniceto Lidia",
        "Ayala Benítez Ortiz Villalba Aquino Cáceres Giménez Acosta Cabañas Britez Duarte "
        "Insfrán Ovelar Ocampos Samaniego Vera Zaracho Riquelme Benegas Candia Ybarra Yegros "
        "Arapy Guyrá Yvyrá Caballero Ñumbay Mereles Galeano Sanabria Cardozo Chamorro",
    ),
    "ay": (
        "Amaru Inti Wara Wayra Nina Kusi Sisa Killa Ayar Nayra Wila Suma Panqara Tika Chaska Illa "
        "Quri Qhantati Yupanki Rumi Mayta Sayri Kantuta Evo Felipe Justina Domitila Marcelina "
        "Teodora Eulogio Gualberto Rufino Saturnino Apolinar Fortunata Gregoria Simona Valentín "
        "Cipriano Nicanor Eustaquia",
        "Mamani Quispe Condori Choque Huanca Limachi Apaza Chambi Ticona Poma Colque Cusi Laura "
        "Callisaya Tarqui Quenta Copa Alanoca Huarachi Paco Sirpa Chura Villca Calle Machaca "
        "Patzi Choquehuanca Larico Aruquipa Cachi Mollo Cutipa",
    ),
    "oc": (
        "Joan Pèire Guilhèm Ramon Bernat Jòrdi Pau Miquèl Andrieu Estève Antòni Loís Gaston "
        "Matieu Sèrgi Marcèl Jaume Felip Francés Bertran Amanieu Maria Joana Magali Mirelha "
        "Marieta Clara Anna Agnès Beatritz Esclarmonda Fina Margarida Nicòla Rosa Teresa Catarina "
        "Isabèl Alienòr Alis Roseta Mirèio",
        "Mistral Bodon Lafont Manciet Gairal Castan Delpèch Fabre Roqueta Vidal Gasc Cabanas "
        "Chabrier Espinasse Fourès Laborda Lagarda Mercadier Peyrot Sabatier Teissier Vernhet "
        "Amiel Bousquet Calvet Daumas Escudier Gibert Jouve Maurel Pujol Salvat Vayssière Cassan",
    ),
    "se": (
        "Áilu Ánte Biret Elle Risten Máret Inger Sára Ánne Máhtte Niillas Ásllat Jovsset Isak "
        "Piera Heaika Ovllá Jovnna Nils Aslak Mikkel Issát Ánde Bierna Ingá Sunná Elen Ellá "
        "Berit Kirsten Marit Karen Inga Ánná Márjá Elsá Biehtár Hánsa Lásse Jáhkot Mátte Gáddja",
        "Gaup Eira Hætta Utsi Turi Somby Buljo Bongo Mienna Guttorm Keskitalo Balto Oskal Triumf "
        "Skum Logje Nango Anti Kemi Siri Valkeapää Aikio Labba Persen Boine Paltto Helander "
        "Länsman Vars Vuolab Juuso Magga Vuolab Sombán",
    ),
    "ilo": (
        "Rogelio Ernesto Florante Teodoro Leonila Erlinda Rosalinda Marites Arnel Rommel Jericho "
        "Gregoria Perla Lourdes Remedios Ligaya Marilou Analyn Jennylyn Maricel Rowena Rhodora "
        "Edgardo Rodolfo Virgilio Danilo Reynaldo Nestor Efren Isagani Bayani Dalisay Mutya "
        "Amihan Tala Malaya Carmelita Estrella Nenita Wilfredo Crisanto Honorata Agapito",
        "Agbayani Agcaoili Aglipay Abaya Ablan Bumanglag Cabacungan Dumlao Galdones Llanes "
        "Madamba Rabanal Tabios Ulep Pascua Pacis Dacanay Corpuz Daquioag Fontanilla Gacutan Ines "
        "Lagmay Pagaduan Quidangen Ragasa Sagisi Ubaldo Yadao Balmores Casem Tolentino",
    ),
}

_ROMAN_SRC: dict[str, tuple[str, str]] = {
    "os": (
        "Alan Aslan Soslan Batradz Khetag Taimuraz Zaurbek Sozyryko Uruzmag Azamat Tamerlan "
        "Ruslan Kazbek Zaur Inal Kosta Akhsar Murat Aslanbek Tembolat Chermen Artur Elbrus Vadim "
        "Georgi Zarina Fatima Madina Dzerassa Satana Agunda Zalina Alina Diana Bella Zaira "
        "Indira Marina Fariza Asya Tamara Lana",
        "Khetagurov Gergiev Dzasokhov Mamsurov Bitarov Tedeev Gazzaev Kokoev Tibilov Chochiev "
        "Dzagoev Kaloev Tsagaraev Gabaraev Bagaev Gagloev Kochiev Tskhovrebov Dzhioev Khadartsev "
        "Tuaev Kesaev Dzutsev Valiev Bestaev Kulumbegov Pliev Gasiev Makiev Tsallagov Abaev "
        "Dzhanaev Sikoev",
    ),
    "ce": (
        "Ramzan Akhmad Dzhokhar Aslan Zelimkhan Shamil Movsar Ruslan Adam Magomed Islam Mansur "
        "Said Apti Umar Khamzat Lecha Vakha Salman Turpal Bislan Musa Salambek Khasan Khusein "
        "Arbi Sultan Aminat Zarema Malika Kheda Zalpa Madina Petimat Seda Milana Luiza Raisa "
        "Aishat Yakha Zulay Khava Zura Rukiyat",
        "Kadyrov Dudayev Maskhadov Basayev Zakayev Yandarbiyev Umarov Gelayev Israilov Sadulayev "
        "Delimkhanov Daudov Alkhanov Yamadayev Bisultanov Magomadov Musayev Arsanukayev Tsakayev "
        "Batalov Dzhabrailov Saidullayev Tutayev Mutsayev Abubakarov Eskiyev Khatuyev Gaziyev "
        "Akhmadov Vakhayev Elmurzayev Mezhidov Soltamuradov",
    ),
    "sah": (
        "Aiaal Aisen Aiaan Erel Tuiaara Sardaana Künnei Njurgun Michil Aital Aikhal Uolan "
        "Djulustan Sakhaaia Aitalina Njurguiaana Aiaana Saaiaana Ergis Duolan Ilin Tuigun Saiyyna "
        "Kerechene Djuluur Bert Ainur Kündül Sargylana Tuiaarys Algys Kyndyl Ersan Timir Aikuo "
        "Sandaara Nariiana Uiban Dolgun Khotun Ailaana",
        "Ivanov Vasilev Nikolaev Petrov Yegorov Borisov Argunov Nikiforov Okoneshnikov Sivtsev "
        "Sleptsov Ammosov Oiunskii Kulakovskii Neustroev Gogolev Tarabukin Zakharov Chemezov "
        "Khristoforov Vinokurov Alekseev Danilov Yefimov Fedorov Gavrilov Ignatev Kolodeznikov "
        "Mestnikov Nogovitsyn Struchkov Everstov Androsov",
    ),
    "sat": (
        "Baha Sido Kanhu Phulo Jhano Birsa Dulari Sagun Sona Somai Budhan Chandrai Lakhan Mangal "
        "Sukhram Jitu Raghunath Pandu Salkhan Sibu Dhani Sanjhali Malati Saluni Lukhi Hopon "
        "Sunaram Durga Budhni Mugli Parvati Talamai Sumi Chupru Babulal Gomke Lita Ramdas Dukhia "
        "Kolean Rupni",
        "Murmu Hansda Hansdak Soren Saren Tudu Kisku Hembrom Hembram Marandi Marndi Mardi Baskey "
        "Baske Besra Pauria Paudia Chore Core Bedia Bediya Majhi Manjhi Hasda Baski Tudi Murmoo "
        "Hembrum Kiskoo Hansdah Besara",
    ),
    "mni": (
        "Tomba Ibomcha Chaoba Sanatombi Thoibi Memcha Ibemhal Tombi Ibochou Ibeyaima Leima "
        "Nganthoi Thoithoi Sanajaoba Khamba Yaima Naoba Chinglen Premjit Ranjit Bidyarani Bembem "
        "Kunjarani Renedy Ibetombi Tamphasana Sanahal Pishak Surjit Ibungo Ibotombi Gunamani "
        "Nilamani Sanatomba Thoiba Sanaton Naobi Lanchenba Chingkhei Lemba Memtombi Thambal",
        "Ningthoujam Khumanthem Laishram Thokchom Wahengbam Yumnam Konsam Oinam Ngangom Huidrom "
        "Moirangthem Sorokhaibam Nongmaithem Haobam Khwairakpam Soibam Maibam Thounaojam Akoijam "
        "Elangbam Heisnam Irom Keisham Leishangthem Naorem Pukhrambam Salam Takhellambam "
        "Thangjam Waikhom Yengkhom Sagolsem Longjam Chingakham",
    ),
    "chr": (
        "Ayasta Tsali Sigwoya Ayoka Nanyehi Atagulukalu Agansdada Tsiyugunsini Tsunulahunsgi "
        "Kanati Selu Awinita Adsila Galilahi Tayanita Dusdu Salali Waya Yona Inali Degotoga Gola "
        "Kamama Usdi Tsula Utsidihi Atsila Agasga Ahuli Dayunisi Gadugi Sadayi Wesa Tsatsi "
        "Gvnege Wadulisi Anawagi Tsiwa Yansa Ulisi Uwohali Kawoni",
        "Ukuma Sanuki Watsatsa Tisatesgi Takweti Tsegelele Kalonahesgi Toinita Ganuhesgi Sawanugi "
        "Walini Tesesgi Gulisgi Dawodi Nigodi Gahisdi Tsisgwa Ukugu Wahuhu Dalonige Gitlugi "
        "Sagwali Anitsisgi Salonita Yonagusga Tsisdu Gugwe Detsi Nvyohi Kanegwati Tasgigi",
    ),
    "aii": (
        "Ashur Sargon Ninos Shamiram Nahrain Ramina Ninva Ishtar Sanharib Shlimon Yonan Youkhana "
        "Khoshaba Odisho Benyamin Dinkha Narsai Ephrem Gewargis Shmuel Yosip Awikam Nineb Atour "
        "Sharokin Ashurina Nahreen Ramsin Rabi Shamasha Elishwa Mariam Susan Layla Marganita "
        "Nanajan Shushan Helena Ramona Nisha Ninwe Sabrina",
        "Kaku Tamraz Baba Warda Shimmon Yacoub Isho Barkho Khamis Toma Eshaya Shabo "
        "Bitshmuel Lazar Yalda Kanoon Gevargizov Malik Zaia Elia Nissan Badal Urahama Hormiz "
        "Givargis Eshay Oshana Sargis Mirza Khangaldy Jajou Sawa",
    ),
    "nqo": (
        "Mamadu Seku Fanta Mariyamu Aminata Sunjata Sogolon Bala Fode Lansana Karamo Kanku "
        "Nankoma Jeneba Umu Bintu Kadiyatu Musa Bakari Seydu Sulemani Sulayimani Kaba Fakoli "
        "Tiramagan Nana Sira Mahawa Hawa Sayon Fatumata Jaka Namakoro Famori Sidi Jiba Kerfala "
        "Morifin Sanjin Nyuma Makan Solo",
        "Keyita Konate Kuyate Jabate Tarawele Kamara Konde Kante Sisoko Dunbiya Fofana Sise Ture "
        "Kone Sila Jakite Dembele Kuruma Sangare Banba Jara Kulibali Magasuba Jane Kamisoko Sako "
        "Susso Dunbuya Fati Kanteh Dukure",
    ),
    "ff": (
        "Amadu Bubakar Umar Mamadu Usman Alfa Cerno Aysatu Fatumata Mariyama Hawa Kadiyatu Jenabu "
        "Binta Jariyatu Rugiyatu Hadiya Saliu Abdulayi Ibrahima Oumarou Modibo Samba Demba Yero "
        "Hamadi Bokar Sira Kumba Penda Dikko Takko Aamadu Hammadi Ndeye Asta Dado Saajo Maimuna "
        "Nenne Kajatu Jeynaba",
        "Jallo Bah Soh Balde Jaawo Kah Sih Lih Tal Kan Wan Jah Cam Sal Bari Jallow Baldeh "
        "Kandeh Sidibe Sangare Kebbeh Baari Hamma Bello Buba Sanneh Tamboura Dem Ndongo Nyan",
    ),
}

ROMAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    lang: (_split(g), tuple(dict.fromkeys(_split(f)))) for lang, (g, f) in _ROMAN_SRC.items()
}


# --- writers: romanised letters to each script --------------------------------------------------

_CYR_COMMON = {
    "shch": "щ", "dzh": "дж", "zh": "ж", "kh": "х", "ch": "ч", "sh": "ш", "ts": "ц", "ya": "я",
    "yu": "ю", "yo": "ё", "ye": "е", "ia": "иа", "a": "а", "b": "б", "v": "в", "g": "г", "d": "д",
    "e": "е", "z": "з", "i": "и", "y": "ы", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
    "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "j": "й",
}  # fmt: skip
_CYR_LANG: dict[str, dict[str, str]] = {
    "os": {"æ": "ӕ", "dz": "дз", "ai": "ай"},
    "ce": {
        "iye": "ие",
        "iy": "ий",
        "ye": "е",
        "ay": "ай",
        "uy": "уй",
        "ey": "ей",
        "oy": "ой",
        "aye": "ае",
    },
    "sah": {
        "ü": "ү",
        "ö": "ө",
        "dj": "дь",
        "nj": "нь",
        "ii": "ий",
        "ai": "ай",
        "ui": "уй",
        "ei": "эй",
    },
}


def cyrillic(lang: str, roman: str) -> str:
    table = {**_CYR_COMMON, **_CYR_LANG.get(lang, {})}
    keys = sorted(table, key=len, reverse=True)
    out, i, low = [], 0, roman.lower()
    while i < len(low):
        for k in keys:
            if low.startswith(k, i):
                piece = table[k]
                if i == 0 and k == "e":
                    piece = "э"
                out.append(piece)
                i += len(k)
                break
        else:
            raise ValueError(f"{lang}: no Cyrillic for {roman[i:]!r} in {roman!r}")
    word = "".join(out)
    return word[:1].upper() + word[1:] if roman[:1].isupper() else word


_OL_CHIKI = {
    "ng": "ᱝ", "ny": "ᱧ", "ch": "ᱪ", "kh": "ᱠᱷ", "gh": "ᱜᱷ", "jh": "ᱡᱷ", "th": "ᱛᱷ",
    "dh": "ᱫᱷ", "ph": "ᱯᱷ", "bh": "ᱵᱷ", "a": "ᱟ", "o": "ᱳ", "t": "ᱛ", "g": "ᱜ", "l": "ᱞ",
    "k": "ᱠ", "j": "ᱡ", "m": "ᱢ", "w": "ᱣ", "i": "ᱤ", "s": "ᱥ", "h": "ᱦ", "r": "ᱨ", "u": "ᱩ",
    "c": "ᱪ", "d": "ᱫ", "y": "ᱭ", "e": "ᱮ", "p": "ᱯ", "n": "ᱱ", "b": "ᱵ", "v": "ᱶ",
}  # fmt: skip


def _greedy(table: dict[str, str], roman: str, what: str) -> str:
    keys = sorted(table, key=len, reverse=True)
    out, i, low = [], 0, roman.lower()
    while i < len(low):
        if low[i] == " ":
            out.append(" ")
            i += 1
            continue
        k = next((k for k in keys if low.startswith(k, i)), None)
        if k is None:
            raise ValueError(f"{what}: nothing for {roman[i:]!r} in {roman!r}")
        out.append(table[k])
        i += len(k)
    return "".join(out)


def ol_chiki(roman: str) -> str:
    return _greedy(_OL_CHIKI, roman, "Ol Chiki")


_MEITEI_C = {
    "kh": "ꯈ", "ng": "ꯉ", "th": "ꯊ", "ph": "ꯐ", "ch": "ꯆ", "jh": "ꯓ", "gh": "ꯘ", "dh": "ꯙ",
    "bh": "ꯚ", "sh": "ꯁ", "k": "ꯀ", "s": "ꯁ", "l": "ꯂ", "m": "ꯃ", "p": "ꯄ", "n": "ꯅ", "t": "ꯇ",
    "w": "ꯋ", "y": "ꯌ", "h": "ꯍ", "g": "ꯒ", "r": "ꯔ", "b": "ꯕ", "j": "ꯖ", "d": "ꯗ",
}  # fmt: skip
_MEITEI_SIGN = {
    "ai": "ꯥꯏ",
    "ao": "ꯥꯎ",
    "a": "",
    "aa": "ꯥ",
    "i": "ꯤ",
    "u": "ꯨ",
    "e": "ꯦ",
    "o": "ꯣ",
    "ou": "ꯧ",
    "ei": "ꯩ",
}
_MEITEI_INDEP = {"a": "ꯑ", "i": "ꯏ", "u": "ꯎ", "e": "ꯑꯦ", "o": "ꯑꯣ", "ou": "ꯑꯧ", "ei": "ꯑꯩ"}
_MEITEI_INDEP |= {"aa": "ꯑꯥ", "ai": "ꯑꯥꯏ", "ao": "ꯑꯥꯎ"}
_MEITEI_FINAL = {"k": "ꯛ", "l": "ꯜ", "m": "ꯝ", "p": "ꯞ", "n": "ꯟ", "t": "ꯠ", "ng": "ꯡ"}


def meitei(roman: str) -> str:
    low, toks, i = roman.lower(), [], 0
    vowels = sorted(_MEITEI_SIGN, key=len, reverse=True)
    cons = sorted(_MEITEI_C, key=len, reverse=True)
    while i < len(low):
        if low[i] == " ":
            toks.append(("sp", " "))
            i += 1
            continue
        v = next((v for v in vowels if low.startswith(v, i)), None)
        if v:
            toks.append(("v", v))
            i += len(v)
            continue
        c = next((c for c in cons if low.startswith(c, i)), None)
        if c is None:
            raise ValueError(f"Meitei Mayek: nothing for {roman[i:]!r} in {roman!r}")
        toks.append(("c", c))
        i += len(c)
    out = []
    for j, (kind, tok) in enumerate(toks):
        prev = toks[j - 1][0] if j else "sp"
        nxt = toks[j + 1][0] if j + 1 < len(toks) else "sp"
        if kind == "sp":
            out.append(" ")
        elif kind == "v":
            out.append(_MEITEI_SIGN[tok] if prev == "c" else _MEITEI_INDEP[tok])
        elif nxt == "v":
            out.append(_MEITEI_C[tok])
        else:
            out.append(_MEITEI_FINAL.get(tok, _MEITEI_C[tok] + "\uabed"))
    return "".join(out)


_CHEROKEE_ORDER = _split(
    "a e i o u v ga ka ge gi go gu gv ha he hi ho hu hv la le li lo lu lv ma me mi mo mu na hna "
    "nah ne ni no nu nv qua que qui quo quu quv sa s se si so su sv da ta de te di ti do du dv "
    "dla tla tle tli tlo tlu tlv tsa tse tsi tso tsu tsv wa we wi wo wu wv ya ye yi yo yu yv"
)
_CHEROKEE = {syl: chr(0x13A0 + i) for i, syl in enumerate(_CHEROKEE_ORDER)}
_CHEROKEE |= {"ke": "Ꭸ", "ki": "Ꭹ", "ko": "Ꭺ", "ku": "Ꭻ", "kv": "Ꭼ", "kwa": "Ꮖ", "kwe": "Ꮗ"}
_CHEROKEE |= {"gwa": "Ꮖ", "gwe": "Ꮗ", "gwi": "Ꮘ", "gwo": "Ꮙ", "gwu": "Ꮚ", "gwv": "Ꮛ"}
_CHEROKEE |= {"kwi": "Ꮘ", "kwo": "Ꮙ", "kwu": "Ꮚ", "kwv": "Ꮛ", "to": "Ꮩ", "tu": "Ꮪ", "tv": "Ꮫ"}
_CHEROKEE |= {"dsa": "Ꮳ", "dse": "Ꮴ", "dsi": "Ꮵ", "dso": "Ꮶ", "dsu": "Ꮷ", "dsv": "Ꮸ"}
_CHEROKEE |= {"hya": "Ꭽ", "n": "Ꮐ"}


def cherokee(roman: str) -> str:
    return _greedy(_CHEROKEE, roman, "Cherokee")


_SYRIAC = {
    "kh": "ܟ݂", "sh": "ܫ", "th": "ܬ", "b": "ܒ", "g": "ܓ", "d": "ܕ", "h": "ܗ", "w": "ܘ",
    "v": "ܘ", "z": "ܙ", "t": "ܬ", "y": "ܝ", "k": "ܟ", "l": "ܠ", "m": "ܡ", "n": "ܢ", "s": "ܣ",
    "p": "ܦ", "f": "ܦ", "q": "ܩ", "r": "ܪ", "j": "ܓ̰", "c": "ܟ",
}  # fmt: skip


def syriac(roman: str) -> str:
    low, out, i = roman.lower(), [], 0
    keys = sorted(_SYRIAC, key=len, reverse=True)
    while i < len(low):
        ch = low[i]
        if ch == " ":
            out.append(" ")
            i += 1
            continue
        start = i == 0 or low[i - 1] == " "
        end = i + 1 == len(low) or low[i + 1] == " "
        if ch in "aeiou":
            pair = low[i : i + 2]
            if pair in ("ou", "oo"):
                out.append("ܐܘ" if start else "ܘ")
                i += 2
                continue
            if start:
                out.append("ܐ" + ("ܝ" if ch in "ie" else "ܘ" if ch in "ou" else ""))
            elif ch in "iu o":
                out.append("ܝ" if ch == "i" else "ܘ")
            elif end:
                out.append("ܐ")
            i += 1
            continue
        k = next((k for k in keys if low.startswith(k, i)), None)
        if k is None:
            raise ValueError(f"Syriac: nothing for {roman[i:]!r} in {roman!r}")
        out.append(_SYRIAC[k])
        i += len(k)
    return "".join(out)


_NKO = {
    "ny": "ߢ", "gb": "ߜ", "ch": "ߗ", "dj": "ߖ", "ou": "ߎ", "a": "ߊ", "e": "ߋ", "i": "ߌ",
    "ɛ": "ߍ", "u": "ߎ", "o": "ߏ", "ɔ": "ߐ", "b": "ߓ", "p": "ߔ", "t": "ߕ", "j": "ߖ", "c": "ߗ",
    "d": "ߘ", "r": "ߙ", "s": "ߛ", "g": "ߜ", "f": "ߝ", "k": "ߞ", "l": "ߟ", "m": "ߡ", "n": "ߣ",
    "h": "ߤ", "w": "ߥ", "y": "ߦ", "z": "ߖ", "ɲ": "ߢ",
}  # fmt: skip


def nko(roman: str) -> str:
    return _greedy(_NKO, roman, "N'Ko")


_ADLAM_ORDER = _split("a d l m b s p ɓ r e f i o ɗ ƴ w n k y u j c h q g ñ t ŋ v x gb z kp sh")
_ADLAM = {ch: chr(0x1E922 + i) for i, ch in enumerate(_ADLAM_ORDER)}
_ADLAM |= {"ny": _ADLAM["ñ"], "ng": _ADLAM["ŋ"], "ch": _ADLAM["c"], "ɲ": _ADLAM["ñ"]}


def adlam(roman: str) -> str:
    word = _greedy(_ADLAM, roman, "Adlam")
    parts = word.split(" ")
    if roman[:1].isupper():  # Adlam has capitals: the name's first letter is one
        parts[0] = chr(ord(parts[0][0]) - 0x22) + parts[0][1:]
    return " ".join(parts)


_WRITE = {
    "os": lambda s: cyrillic("os", s),
    "ce": lambda s: cyrillic("ce", s),
    "sah": lambda s: cyrillic("sah", s),
    "sat": ol_chiki,
    "mni": meitei,
    "chr": cherokee,
    "aii": syriac,
    "nqo": nko,
    "ff": adlam,
}


def write(lang: str, roman: str) -> str:
    """A romanised word or phrase of a script language in its script."""
    return _WRITE[lang](roman)


NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    lang: (_split(g), tuple(dict.fromkeys(_split(f)))) for lang, (g, f) in _LATIN.items()
}
for _lang, (_g, _f) in ROMAN.items():
    NAMES[_lang] = (tuple(write(_lang, n) for n in _g), tuple(write(_lang, n) for n in _f))

CORE = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")
NEW_LATIN = ("tw", "ee", "bm", "ki", "rn", "to", "fj", "gn", "ay", "oc", "se", "ilo")
SCRIPTED = tuple(ROMAN)

REGION = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "tw": "GH", "ee": "TG", "bm": "ML", "ki": "KE", "rn": "BI",
    "to": "TO", "fj": "FJ", "gn": "PY", "ay": "BO", "oc": "FR", "se": "NO", "ilo": "PH",
    "os": "RU", "ce": "RU", "sah": "RU", "sat": "IN", "mni": "IN", "chr": "US", "aii": "IQ",
    "nqo": "GN", "ff": "SN",
}  # fmt: skip

# the product language a speaker's support messages are written in, around their own phrases
BODY = {lang: lang for lang in CORE} | {
    "tw": "en", "ee": "fr", "bm": "fr", "ki": "en", "rn": "fr", "to": "en", "fj": "en",
    "gn": "es", "ay": "es", "oc": "fr", "se": "en", "ilo": "en", "os": "en", "ce": "de",
    "sah": "en", "sat": "en", "mni": "en", "chr": "en", "aii": "nl", "nqo": "fr", "ff": "fr",
}  # fmt: skip

# greeting, "my name is {}", thanks, sign-off; script languages as romanised phrases, written
# in their script by ``phrases``
_PHRASES: dict[str, tuple[str, str, str, str]] = {
    "en": ("Hello", "my name is {}", "Thanks a lot", "Best wishes"),
    "de": ("Guten Tag", "mein Name ist {}", "Vielen Dank", "Viele Grüße"),
    "fr": ("Bonjour", "je m'appelle {}", "Merci beaucoup", "Bien à vous"),
    "es": ("Hola", "me llamo {}", "Muchas gracias", "Un saludo"),
    "it": ("Buongiorno", "mi chiamo {}", "Grazie mille", "Cordiali saluti"),
    "pt": ("Olá", "o meu nome é {}", "Muito obrigada", "Com os melhores cumprimentos"),
    "tr": ("Merhaba", "adım {}", "Çok teşekkürler", "Saygılarımla"),
    "nl": ("Goedemiddag", "mijn naam is {}", "Hartelijk dank", "Met vriendelijke groet"),
    "pl": ("Dzień dobry", "nazywam się {}", "Bardzo dziękuję", "Pozdrawiam serdecznie"),
    "tw": ("Maakye", "me din de {}", "Medaase paa", "Nante yie"),
    "ee": ("Ŋdi na wo", "ŋkɔnye nye {}", "Akpe kakaka", "Ðe nyuie"),
    "bm": ("I ni ce", "n tɔgɔ ye {} ye", "I ni ce kosɛbɛ", "K'an bɛn"),
    "ki": ("Wĩ mwega", "rĩĩtwa rĩakwa nĩ {}", "Nĩ wega mũno", "Tigwo na wega"),
    "rn": ("Amahoro", "nitwa {}", "Murakoze cane", "Mugire amahoro"),
    "to": ("Mālō e lelei", "ko hoku hingoa ko {}", "Mālō ʻaupito", "ʻOfa atu"),
    "fj": ("Ni sa bula vinaka", "na yacaqu o {}", "Vinaka vakalevu", "Moce mada"),
    "gn": ("Mba'éichapa", "che réra {}", "Aguyje ndéve", "Jajotopata"),
    "ay": ("Kamisaki", "nayan sutijax {} satawa", "Yuspajarpan", "Jikisiñkama"),
    "oc": ("Bonjorn", "me sonam {}", "Mercés plan", "Adieu-siatz"),
    "se": ("Buorre beaivi", "mu namma lea {}", "Ollu giitu", "Dearvvuođat"),
    "ilo": ("Naimbag nga aldaw", "ti naganko ket {}", "Agyamanak unay", "Agpakadaakon"),
    "os": ("Дӕ бон хорз", "мӕ ном у {}", "Бузныг", "Хӕрзбон"),
    "ce": ("Маршалла ду хьоьга", "сан цӀе {} ю", "Баркалла", "Ӏодика йойла"),
    "sah": ("Дорообо", "мин аатым {}", "Махтал", "Көрсүөххэ диэри"),
    "sat": ("johar", "inyag nyutum {} kana", "sarhao", "johar"),
    "mni": ("khurumjari", "eigi ming {} ni", "thagatchari", "chatlage"),
    "chr": ("osiyo", "{} daquadoa", "wado", "donadagohvi"),
    "aii": ("shlama lokhon", "shimmi {}", "tawdi raba", "bshena"),
    "nqo": ("i ni sɔgɔma", "n tɔgɔ ye {} ye", "i ni ce", "k'an bɛn"),
    "ff": ("jam waali", "innde am ko {}", "a jaraama", "jam tan"),
}

_WRITTEN_PHRASES = {"sat", "mni", "chr", "aii", "nqo", "ff"}


def _keep_spaces(lang: str, phrase: str) -> str:
    if lang not in _WRITTEN_PHRASES:
        return phrase
    before, _, after = phrase.replace("'", "").partition("{}")
    out = write(lang, before.strip()) if before.strip() else ""
    if "{}" in phrase:
        out += (" " if before.strip() else "") + "{}"
        out += (" " + write(lang, after.strip())) if after.strip() else ""
    return out


PHRASES: dict[str, tuple[str, str, str, str]] = {
    lang: tuple(_keep_spaces(lang, p) for p in ps)  # type: ignore[misc]
    for lang, ps in _PHRASES.items()
}
# romanised speakers of the script languages write the phrases in Latin letters
PHRASES_LATN: dict[str, tuple[str, str, str, str]] = {
    "os": ("Dæ bon xorz", "mæ nom u {}", "Buznyg", "Xærzbon"),
    "ce": ("Marshalla du hwoga", "san tsie {} yu", "Barkalla", "Odika yoyla"),
    "sah": ("Doroobo", "min aatym {}", "Makhtal", "Körsüökhkhe dieri"),
} | {lang: _PHRASES[lang] for lang in _WRITTEN_PHRASES}
