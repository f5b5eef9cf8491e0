import type { Category } from '../server/modules/directory/directory.terms.ts';

/**
 * Word lists per language for the generated offers: words per category, general words, target groups and
 * documents. Index i of a list means roughly the same thing in every language, so one offer's ten translations
 * say the same thing, as real translations do.
 */
export type Vocabulary = {
  categories: Record<Category, string[]>;
  general: string[];
  targets: string[];
  documents: string[];
  placeKinds: string[];
};

const words = (text: string) => text.trim().split(/\s*\|\s*/);

export const VOCABULARY: Record<string, Vocabulary> = {
  de: {
    categories: {
      language_learning: words(
        'Deutschkurs | Sprachkurs | Integrationskurs | Alphabetisierungskurs | Sprachcafé | Konversationskurs | Deutsch lernen | Grammatik',
      ),
      counselling: words(
        'Migrationsberatung | Sozialberatung | Schuldnerberatung | Clearingstelle | Sprechstunde | Beratung',
      ),
      health: words(
        'Gesundheitsberatung | Schwangerenberatung | Impfsprechstunde | Psychosoziale Hilfe | Ambulanz | Hebamme',
      ),
      education: words(
        'Hausaufgabenhilfe | Nachhilfe | Schulanmeldung | Ausbildung | Lernförderung | Elternschule',
      ),
      work: words('Bewerbungstraining | Jobcoaching | Anerkennungsberatung | Berufsorientierung | Praktikum'),
      housing: words('Wohnungssuche | Mietberatung | Nebenkosten | Wohnberatung | Mietvertrag'),
      leisure_meeting: words(
        'Begegnungscafé | Frauencafé | Nähtreff | Fußballgruppe | Kochtreff | Musikgruppe',
      ),
      legal_residence: words(
        'Aufenthaltsrecht | Einbürgerung | Asylverfahrensberatung | Rechtsberatung | Familiennachzug',
      ),
      family: words('Familienberatung | Elterncafé | Spielgruppe | Kinderbetreuung | Babytreff'),
      anti_discrimination: words(
        'Antidiskriminierungsberatung | Meldestelle Rassismus | Gleichbehandlung | Empowerment',
      ),
    },
    general: words(
      'Angebot | kostenlos | Termin | Anmeldung | offen | Gruppe | wöchentlich | Stadtteil | Unterstützung | Information | neu | Zugewanderte | Menschen | Alltag | Fragen | Dolmetscherin | vor Ort | kleine Gruppen | erfahrene Fachkräfte | ohne Termin | vertraulich | mehrsprachig | Nachbarschaft | gemeinsam | Materialien | Pause | Tee | Kinderbetreuung möglich',
    ),
    targets: words(
      'Kinder | Eltern | Frauen | Neuzugewanderte | EU-Bürgerinnen | Geflüchtete | Jugendliche | Senioren',
    ),
    documents: words(
      'Personalausweis | Reisepass | Aufenthaltstitel | Meldebescheinigung | Krankenversicherungskarte | Bescheid | Zeugnisse | Geburtsurkunde',
    ),
    placeKinds: words(
      'Bürgerhaus | Familienzentrum | Stadtteilbüro | Gemeindezentrum | Bildungszentrum | Treffpunkt',
    ),
  },
  en: {
    categories: {
      language_learning: words(
        'German course | Language course | Integration course | Literacy course | Language café | Conversation class | Learn German | Grammar',
      ),
      counselling: words(
        'Migration advice | Social counselling | Debt counselling | Clearing office | Office hours | Advice',
      ),
      health: words(
        'Health advice | Pregnancy counselling | Vaccination hours | Psychosocial support | Clinic | Midwife',
      ),
      education: words(
        'Homework help | Tutoring | School registration | Apprenticeship | Learning support | Parents school',
      ),
      work: words('Application training | Job coaching | Recognition advice | Career guidance | Internship'),
      housing: words('Flat hunting | Tenancy advice | Utility costs | Housing advice | Rental contract'),
      leisure_meeting: words(
        'Meeting café | Women café | Sewing group | Football team | Cooking group | Music group',
      ),
      legal_residence: words(
        'Residence law | Naturalisation | Asylum procedure advice | Legal advice | Family reunification',
      ),
      family: words('Family counselling | Parents café | Playgroup | Childcare | Baby group'),
      anti_discrimination: words(
        'Anti-discrimination advice | Racism reporting | Equal treatment | Empowerment',
      ),
    },
    general: words(
      'Offer | free of charge | appointment | registration | open | group | weekly | neighbourhood | support | information | new | newcomers | people | everyday life | questions | interpreter | on site | small groups | experienced staff | no appointment | confidential | multilingual | community | together | materials | break | tea | childcare available',
    ),
    targets: words(
      'children | parents | women | newcomers | EU citizens | refugees | young people | seniors',
    ),
    documents: words(
      'identity card | passport | residence permit | registration certificate | health insurance card | notice | certificates | birth certificate',
    ),
    placeKinds: words(
      'Community hall | Family centre | District office | Parish centre | Education centre | Meeting point',
    ),
  },
  tr: {
    categories: {
      language_learning: words(
        'Almanca kursu | Dil kursu | Uyum kursu | Okuma yazma kursu | Dil kafesi | Sohbet kursu | Almanca öğrenmek | Dilbilgisi',
      ),
      counselling: words(
        'Göç danışmanlığı | Sosyal danışmanlık | Borç danışmanlığı | Yönlendirme ofisi | Görüşme saati | Danışmanlık',
      ),
      health: words(
        'Sağlık danışmanlığı | Gebelik danışmanlığı | Aşı saati | Psikososyal destek | Poliklinik | Ebe',
      ),
      education: words(
        'Ödev yardımı | Özel ders | Okul kaydı | Meslek eğitimi | Öğrenme desteği | Veli okulu',
      ),
      work: words('Başvuru eğitimi | İş koçluğu | Denklik danışmanlığı | Meslek yönlendirme | Staj'),
      housing: words('Ev arama | Kira danışmanlığı | Yan giderler | Konut danışmanlığı | Kira sözleşmesi'),
      leisure_meeting: words(
        'Buluşma kafesi | Kadın kafesi | Dikiş grubu | Futbol takımı | Yemek grubu | Müzik grubu',
      ),
      legal_residence: words(
        'Oturum hukuku | Vatandaşlığa geçiş | İltica danışmanlığı | Hukuki danışmanlık | Aile birleşimi',
      ),
      family: words('Aile danışmanlığı | Veli kafesi | Oyun grubu | Çocuk bakımı | Bebek grubu'),
      anti_discrimination: words('Ayrımcılık danışmanlığı | Irkçılık bildirimi | Eşit muamele | Güçlenme'),
    },
    general: words(
      'Hizmet | ücretsiz | randevu | kayıt | açık | grup | haftalık | mahalle | destek | bilgi | yeni | yeni gelenler | insanlar | günlük yaşam | sorular | tercüman | yerinde | küçük gruplar | deneyimli uzmanlar | randevusuz | gizli | çok dilli | komşuluk | birlikte | materyaller | mola | çay | çocuk bakımı var',
    ),
    targets: words(
      'çocuklar | ebeveynler | kadınlar | yeni gelenler | AB vatandaşları | mülteciler | gençler | yaşlılar',
    ),
    documents: words(
      'kimlik kartı | pasaport | oturum izni | ikamet belgesi | sağlık kartı | karar yazısı | diplomalar | doğum belgesi',
    ),
    placeKinds: words(
      'Halk evi | Aile merkezi | Semt bürosu | Cemaat merkezi | Eğitim merkezi | Buluşma noktası',
    ),
  },
  ar: {
    categories: {
      language_learning: words(
        'دورة اللغة الألمانية | دورة لغة | دورة الاندماج | دورة محو الأمية | مقهى اللغة | دورة محادثة | تعلم الألمانية | قواعد',
      ),
      counselling: words(
        'استشارة الهجرة | استشارة اجتماعية | استشارة الديون | مكتب التوجيه | ساعات الاستقبال | استشارة',
      ),
      health: words('استشارة صحية | استشارة الحمل | ساعات التطعيم | دعم نفسي اجتماعي | عيادة | قابلة'),
      education: words(
        'مساعدة في الواجبات | دروس خصوصية | تسجيل المدرسة | تدريب مهني | دعم التعلم | مدرسة الآباء',
      ),
      work: words('تدريب على التقديم | تدريب وظيفي | استشارة الاعتراف | توجيه مهني | تدريب عملي'),
      housing: words('البحث عن سكن | استشارة الإيجار | التكاليف الإضافية | استشارة السكن | عقد الإيجار'),
      leisure_meeting: words(
        'مقهى اللقاء | مقهى النساء | مجموعة الخياطة | فريق كرة القدم | مجموعة الطبخ | مجموعة الموسيقى',
      ),
      legal_residence: words('قانون الإقامة | التجنس | استشارة اللجوء | استشارة قانونية | لم شمل الأسرة'),
      family: words('استشارة عائلية | مقهى الآباء | مجموعة اللعب | رعاية الأطفال | مجموعة الرضع'),
      anti_discrimination: words('استشارة ضد التمييز | الإبلاغ عن العنصرية | المساواة في المعاملة | التمكين'),
    },
    general: words(
      'عرض | مجاني | موعد | تسجيل | مفتوح | مجموعة | أسبوعي | الحي | دعم | معلومات | جديد | القادمون الجدد | الناس | الحياة اليومية | أسئلة | مترجمة | في المكان | مجموعات صغيرة | مختصون ذوو خبرة | بدون موعد | سري | متعدد اللغات | الجيرة | معا | مواد | استراحة | شاي | رعاية الأطفال متاحة',
    ),
    targets: words(
      'الأطفال | الآباء | النساء | القادمون الجدد | مواطنو الاتحاد الأوروبي | اللاجئون | الشباب | كبار السن',
    ),
    documents: words(
      'بطاقة الهوية | جواز السفر | تصريح الإقامة | شهادة التسجيل | بطاقة التأمين الصحي | قرار | الشهادات | شهادة الميلاد',
    ),
    placeKinds: words('دار المواطنين | مركز الأسرة | مكتب الحي | مركز الجالية | مركز التعليم | نقطة لقاء'),
  },
  bg: {
    categories: {
      language_learning: words(
        'Курс по немски | Езиков курс | Интеграционен курс | Курс по ограмотяване | Езиково кафе | Разговорен курс | Учене на немски | Граматика',
      ),
      counselling: words(
        'Консултации за мигранти | Социални консултации | Консултации за дългове | Насочващ офис | Приемно време | Консултация',
      ),
      health: words(
        'Здравни консултации | Консултации за бременни | Часове за ваксинация | Психосоциална помощ | Амбулатория | Акушерка',
      ),
      education: words(
        'Помощ за домашни | Частни уроци | Записване в училище | Професионално обучение | Подкрепа в ученето | Училище за родители',
      ),
      work: words(
        'Обучение за кандидатстване | Коучинг за работа | Признаване на дипломи | Професионално ориентиране | Стаж',
      ),
      housing: words(
        'Търсене на жилище | Консултации за наем | Разходи за поддръжка | Жилищни консултации | Договор за наем',
      ),
      leisure_meeting: words(
        'Кафе за срещи | Женско кафе | Група за шиене | Футболен отбор | Група за готвене | Музикална група',
      ),
      legal_residence: words(
        'Право на пребиваване | Натурализация | Консултации за убежище | Правни консултации | Събиране на семейството',
      ),
      family: words(
        'Семейни консултации | Кафе за родители | Група за игра | Грижа за деца | Група за бебета',
      ),
      anti_discrimination: words(
        'Консултации срещу дискриминация | Сигнал за расизъм | Равно третиране | Овластяване',
      ),
    },
    general: words(
      'Предложение | безплатно | час | записване | отворено | група | седмично | квартал | подкрепа | информация | ново | новопристигнали | хора | ежедневие | въпроси | преводач | на място | малки групи | опитни специалисти | без час | поверително | многоезично | съседство | заедно | материали | почивка | чай | има грижа за деца',
    ),
    targets: words(
      'деца | родители | жени | новопристигнали | граждани на ЕС | бежанци | младежи | възрастни',
    ),
    documents: words(
      'лична карта | паспорт | разрешение за пребиваване | адресна регистрация | здравна карта | решение | дипломи | акт за раждане',
    ),
    placeKinds: words(
      'Граждански дом | Семеен център | Кварталнен офис | Общностен център | Образователен център | Място за срещи',
    ),
  },
  ro: {
    categories: {
      language_learning: words(
        'Curs de germană | Curs de limbă | Curs de integrare | Curs de alfabetizare | Cafenea lingvistică | Curs de conversație | Învățarea germanei | Gramatică',
      ),
      counselling: words(
        'Consiliere pentru migranți | Consiliere socială | Consiliere datorii | Birou de orientare | Program de consultații | Consiliere',
      ),
      health: words(
        'Consiliere medicală | Consiliere sarcină | Program de vaccinare | Sprijin psihosocial | Ambulatoriu | Moașă',
      ),
      education: words(
        'Ajutor la teme | Meditații | Înscriere la școală | Formare profesională | Sprijin la învățare | Școala părinților',
      ),
      work: words(
        'Pregătire pentru aplicații | Coaching profesional | Recunoașterea diplomelor | Orientare profesională | Stagiu',
      ),
      housing: words(
        'Căutare locuință | Consiliere chirie | Costuri de întreținere | Consiliere locuire | Contract de închiriere',
      ),
      leisure_meeting: words(
        'Cafenea de întâlnire | Cafeneaua femeilor | Grup de croitorie | Echipă de fotbal | Grup de gătit | Grup muzical',
      ),
      legal_residence: words(
        'Dreptul de ședere | Naturalizare | Consiliere azil | Consiliere juridică | Reîntregirea familiei',
      ),
      family: words(
        'Consiliere familială | Cafeneaua părinților | Grup de joacă | Îngrijirea copiilor | Grup pentru bebeluși',
      ),
      anti_discrimination: words(
        'Consiliere antidiscriminare | Raportare rasism | Tratament egal | Emancipare',
      ),
    },
    general: words(
      'Ofertă | gratuit | programare | înscriere | deschis | grup | săptămânal | cartier | sprijin | informații | nou | nou-veniți | oameni | viața de zi cu zi | întrebări | interpretă | la fața locului | grupuri mici | specialiști experimentați | fără programare | confidențial | multilingv | vecinătate | împreună | materiale | pauză | ceai | îngrijire copii disponibilă',
    ),
    targets: words('copii | părinți | femei | nou-veniți | cetățeni UE | refugiați | tineri | vârstnici'),
    documents: words(
      'carte de identitate | pașaport | permis de ședere | certificat de înregistrare | card de sănătate | decizie | diplome | certificat de naștere',
    ),
    placeKinds: words(
      'Casa cetățenilor | Centru familial | Birou de cartier | Centru comunitar | Centru educațional | Punct de întâlnire',
    ),
  },
  uk: {
    categories: {
      language_learning: words(
        'Курс німецької | Мовний курс | Інтеграційний курс | Курс грамотності | Мовне кафе | Розмовний курс | Вивчення німецької | Граматика',
      ),
      counselling: words(
        'Консультації для мігрантів | Соціальні консультації | Консультації щодо боргів | Офіс скерування | Години прийому | Консультація',
      ),
      health: words(
        'Консультації зі здоровя | Консультації для вагітних | Години вакцинації | Психосоціальна допомога | Амбулаторія | Акушерка',
      ),
      education: words(
        'Допомога з домашніми | Репетиторство | Запис до школи | Професійне навчання | Підтримка навчання | Школа батьків',
      ),
      work: words(
        'Тренінг з подання заяв | Коучинг з роботи | Визнання дипломів | Профорієнтація | Стажування',
      ),
      housing: words(
        'Пошук житла | Консультації з оренди | Комунальні витрати | Житлові консультації | Договір оренди',
      ),
      leisure_meeting: words(
        'Кафе зустрічей | Жіноче кафе | Група шиття | Футбольна команда | Кулінарна група | Музична група',
      ),
      legal_residence: words(
        'Право на перебування | Натуралізація | Консультації щодо притулку | Юридичні консультації | Возз’єднання сімї',
      ),
      family: words(
        'Сімейні консультації | Кафе для батьків | Ігрова група | Догляд за дітьми | Група для немовлят',
      ),
      anti_discrimination: words(
        'Консультації проти дискримінації | Повідомлення про расизм | Рівне ставлення | Розширення можливостей',
      ),
    },
    general: words(
      'Пропозиція | безкоштовно | запис | реєстрація | відкрито | група | щотижня | район | підтримка | інформація | нове | новоприбулі | люди | повсякдення | питання | перекладачка | на місці | малі групи | досвідчені фахівці | без запису | конфіденційно | багатомовно | сусідство | разом | матеріали | перерва | чай | є догляд за дітьми',
    ),
    targets: words('діти | батьки | жінки | новоприбулі | громадяни ЄС | біженці | молодь | літні люди'),
    documents: words(
      'посвідчення особи | паспорт | дозвіл на проживання | довідка про реєстрацію | медична картка | рішення | дипломи | свідоцтво про народження',
    ),
    placeKinds: words(
      'Громадський дім | Сімейний центр | Районний офіс | Громадський центр | Освітній центр | Місце зустрічей',
    ),
  },
  ru: {
    categories: {
      language_learning: words(
        'Курс немецкого | Языковой курс | Интеграционный курс | Курс грамотности | Языковое кафе | Разговорный курс | Изучение немецкого | Грамматика',
      ),
      counselling: words(
        'Консультации для мигрантов | Социальные консультации | Консультации по долгам | Офис направления | Часы приёма | Консультация',
      ),
      health: words(
        'Консультации по здоровью | Консультации для беременных | Часы вакцинации | Психосоциальная помощь | Амбулатория | Акушерка',
      ),
      education: words(
        'Помощь с домашними | Репетиторство | Запись в школу | Профессиональное обучение | Поддержка в учёбе | Школа родителей',
      ),
      work: words(
        'Тренинг по заявлениям | Коучинг по работе | Признание дипломов | Профориентация | Стажировка',
      ),
      housing: words(
        'Поиск жилья | Консультации по аренде | Коммунальные расходы | Жилищные консультации | Договор аренды',
      ),
      leisure_meeting: words(
        'Кафе встреч | Женское кафе | Группа шитья | Футбольная команда | Кулинарная группа | Музыкальная группа',
      ),
      legal_residence: words(
        'Право пребывания | Натурализация | Консультации по убежищу | Юридические консультации | Воссоединение семьи',
      ),
      family: words(
        'Семейные консультации | Кафе для родителей | Игровая группа | Присмотр за детьми | Группа для малышей',
      ),
      anti_discrimination: words(
        'Консультации против дискриминации | Сообщение о расизме | Равное обращение | Расширение прав',
      ),
    },
    general: words(
      'Предложение | бесплатно | запись | регистрация | открыто | группа | еженедельно | район | поддержка | информация | новое | новоприбывшие | люди | повседневность | вопросы | переводчица | на месте | малые группы | опытные специалисты | без записи | конфиденциально | многоязычно | соседство | вместе | материалы | перерыв | чай | есть присмотр за детьми',
    ),
    targets: words('дети | родители | женщины | новоприбывшие | граждане ЕС | беженцы | молодёжь | пожилые'),
    documents: words(
      'удостоверение личности | паспорт | вид на жительство | справка о регистрации | медицинская карта | решение | дипломы | свидетельство о рождении',
    ),
    placeKinds: words(
      'Гражданский дом | Семейный центр | Районный офис | Общинный центр | Образовательный центр | Место встреч',
    ),
  },
  pl: {
    categories: {
      language_learning: words(
        'Kurs niemieckiego | Kurs językowy | Kurs integracyjny | Kurs alfabetyzacji | Kawiarnia językowa | Kurs konwersacji | Nauka niemieckiego | Gramatyka',
      ),
      counselling: words(
        'Doradztwo dla migrantów | Doradztwo socjalne | Doradztwo dłużnicze | Biuro kierowania | Godziny przyjęć | Doradztwo',
      ),
      health: words(
        'Doradztwo zdrowotne | Doradztwo dla ciężarnych | Godziny szczepień | Wsparcie psychospołeczne | Przychodnia | Położna',
      ),
      education: words(
        'Pomoc w lekcjach | Korepetycje | Zapis do szkoły | Kształcenie zawodowe | Wsparcie w nauce | Szkoła rodziców',
      ),
      work: words(
        'Trening aplikacyjny | Coaching zawodowy | Uznawanie dyplomów | Orientacja zawodowa | Praktyka',
      ),
      housing: words(
        'Szukanie mieszkania | Doradztwo najmu | Koszty dodatkowe | Doradztwo mieszkaniowe | Umowa najmu',
      ),
      leisure_meeting: words(
        'Kawiarnia spotkań | Kawiarnia kobiet | Grupa szycia | Drużyna piłkarska | Grupa kulinarna | Grupa muzyczna',
      ),
      legal_residence: words(
        'Prawo pobytu | Naturalizacja | Doradztwo azylowe | Porady prawne | Łączenie rodzin',
      ),
      family: words(
        'Doradztwo rodzinne | Kawiarnia rodziców | Grupa zabaw | Opieka nad dziećmi | Grupa dla niemowląt',
      ),
      anti_discrimination: words(
        'Doradztwo antydyskryminacyjne | Zgłaszanie rasizmu | Równe traktowanie | Wzmocnienie',
      ),
    },
    general: words(
      'Oferta | bezpłatnie | termin | zapisy | otwarte | grupa | co tydzień | dzielnica | wsparcie | informacja | nowe | nowo przybyli | ludzie | codzienność | pytania | tłumaczka | na miejscu | małe grupy | doświadczeni specjaliści | bez terminu | poufnie | wielojęzycznie | sąsiedztwo | razem | materiały | przerwa | herbata | opieka nad dziećmi możliwa',
    ),
    targets: words(
      'dzieci | rodzice | kobiety | nowo przybyli | obywatele UE | uchodźcy | młodzież | seniorzy',
    ),
    documents: words(
      'dowód osobisty | paszport | zezwolenie na pobyt | zaświadczenie o meldunku | karta ubezpieczenia | decyzja | świadectwa | akt urodzenia',
    ),
    placeKinds: words(
      'Dom obywatelski | Centrum rodzinne | Biuro dzielnicy | Centrum wspólnoty | Centrum edukacji | Punkt spotkań',
    ),
  },
  fa: {
    categories: {
      language_learning: words(
        'دوره زبان آلمانی | دوره زبان | دوره ادغام | دوره سوادآموزی | کافه زبان | دوره مکالمه | یادگیری آلمانی | دستور زبان',
      ),
      counselling: words(
        'مشاوره مهاجرت | مشاوره اجتماعی | مشاوره بدهی | دفتر راهنمایی | ساعات پذیرش | مشاوره',
      ),
      health: words(
        'مشاوره سلامت | مشاوره بارداری | ساعات واکسیناسیون | حمایت روانی اجتماعی | درمانگاه | ماما',
      ),
      education: words(
        'کمک در تکالیف | کلاس خصوصی | ثبت نام مدرسه | آموزش حرفه ای | حمایت آموزشی | مدرسه والدین',
      ),
      work: words('آموزش درخواست کار | مربیگری شغلی | مشاوره شناسایی مدرک | راهنمایی شغلی | کارآموزی'),
      housing: words('جستجوی خانه | مشاوره اجاره | هزینه های جانبی | مشاوره مسکن | قرارداد اجاره'),
      leisure_meeting: words('کافه دیدار | کافه زنان | گروه خیاطی | تیم فوتبال | گروه آشپزی | گروه موسیقی'),
      legal_residence: words('حقوق اقامت | تابعیت | مشاوره پناهندگی | مشاوره حقوقی | پیوستن خانواده'),
      family: words('مشاوره خانواده | کافه والدین | گروه بازی | مراقبت از کودک | گروه نوزادان'),
      anti_discrimination: words('مشاوره ضد تبعیض | گزارش نژادپرستی | رفتار برابر | توانمندسازی'),
    },
    general: words(
      'پیشنهاد | رایگان | وقت | ثبت نام | باز | گروه | هفتگی | محله | حمایت | اطلاعات | جدید | تازه واردان | مردم | زندگی روزمره | پرسش ها | مترجم | در محل | گروه های کوچک | متخصصان با تجربه | بدون وقت | محرمانه | چندزبانه | همسایگی | با هم | مواد | استراحت | چای | مراقبت از کودک ممکن است',
    ),
    targets: words(
      'کودکان | والدین | زنان | تازه واردان | شهروندان اتحادیه اروپا | پناهندگان | جوانان | سالمندان',
    ),
    documents: words(
      'کارت شناسایی | گذرنامه | اجازه اقامت | گواهی ثبت نام | کارت بیمه درمانی | حکم | مدارک تحصیلی | شناسنامه',
    ),
    placeKinds: words('خانه شهروندان | مرکز خانواده | دفتر محله | مرکز اجتماعی | مرکز آموزشی | محل دیدار'),
  },
};

/** The ten languages every generated offer has, German first. */
export const TEXT_LANGUAGES = Object.keys(VOCABULARY);

/** Street names for generated addresses. */
export const STREETS = words(
  'Weseler Straße | Kaiser-Friedrich-Straße | Duisburger Straße | Hochfelder Straße | Wanheimer Straße | Friedrich-Ebert-Straße | Bahnhofstraße | Königstraße | Mülheimer Straße | Düsseldorfer Straße | Kaiser-Wilhelm-Straße | Krefelder Straße | Moerser Straße | Aldenrader Straße | Dr.-Wilhelm-Roelen-Straße | Emscherstraße | Schulstraße | Kirchstraße | Gartenstraße | Lindenstraße | Am Park | Rheinstraße | Ruhrorter Straße | Werthauser Straße | Sittardsberger Allee | Angerhauser Straße | Neudorfer Straße | Lotharstraße | Mercatorstraße | Kremerstraße',
);

/** Parts of generated organisation names. */
export const ORGANISATION_PARTS = {
  kinds: words(
    'Bildungswerk | Kulturverein | Elternverein | Frauennetzwerk | Sozialdienst | Jugendhilfe | Beratungszentrum | Sprachschule | Nachbarschaftsverein | Migrantenselbstorganisation | Familienhilfe | Sportverein',
  ),
  names: words(
    'Brücke | Miteinander | Zukunft | Horizont | Regenbogen | Lichtblick | Begegnung | Aufbruch | Vielfalt | Zusammen | Anker | Kompass | Sonnenblume | Hafen | Perspektive | Wegweiser | Heimat | Nachbarn | Dialog | Morgenrot',
  ),
};
