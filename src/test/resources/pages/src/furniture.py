"""Page furniture shared by the templates: menus, headline pools, footers, comment policies, bloat.

Every string here is written for these fixtures (headlines of stories that the pages link to, menu labels, legal
lines); none is taken from a published page. The structures around them follow public news themes and outlets'
published markup patterns (see make-pages.py).
"""
import json
import random

MENU = ['الرئيسية', 'أخبار', 'سياسة', 'اقتصاد', 'رياضة', 'فن وثقافة', 'تكنولوجيا', 'صحة', 'منوعات', 'فيديو',
        'رأي', 'تحقيقات', 'العالم', 'عربي', 'محليات', 'حوادث', 'مال وأعمال', 'سيارات', 'المرأة', 'بودكاست']

HEADLINES = [
    'ارتفاع أسعار الذهب في التعاملات المبكرة وسط ترقب لقرار الفائدة',
    'وزير الخارجية يستقبل نظيره الأردني لبحث التطورات الإقليمية',
    'منتخب المغرب يتأهل إلى نصف النهائي بعد فوز مثير',
    'الأرصاد تحذر من موجة حارة تضرب عدة محافظات نهاية الأسبوع',
    'البنك المركزي يبقي أسعار الفائدة دون تغيير للمرة الثالثة',
    'افتتاح معرض الكتاب بمشاركة أكثر من ألف دار نشر',
    'انقطاع الكهرباء عن أحياء في العاصمة بسبب عطل فني',
    'دراسة: النوم المتقطع يزيد خطر الإصابة بأمراض القلب',
    'إطلاق أول قمر صناعي عربي لرصد المناخ',
    'مجلس الأمن يعقد جلسة طارئة بشأن الأوضاع الإنسانية',
    'تراجع معدل التضخم إلى أدنى مستوى في عامين',
    'الآلاف يشاركون في ماراثون المدينة السنوي',
    'شركة طيران إقليمية تعلن عن خطوط جديدة إلى أوروبا',
    'نجم كرة القدم يعلن اعتزاله اللعب الدولي',
    'الحكومة تقر خطة لدعم المشروعات الصغيرة والمتوسطة',
    'مهرجان السينما يكرم رواد الفن العربي في دورته الجديدة',
    'سقوط أمطار غزيرة على المناطق الساحلية وتحذيرات للصيادين',
    'توقيع اتفاقية لإنشاء محطة جديدة لتحلية المياه',
    'وفاة فنان قدير عن عمر ناهز الثمانين عاما',
    'ارتفاع عدد السياح الوافدين بنسبة عشرين في المئة',
    'جامعة عربية تدخل قائمة أفضل مئتي جامعة في العالم',
    'القبض على شبكة لتهريب الآثار في الجنوب',
    'أسعار النفط تتراجع مع زيادة المخزونات الأمريكية',
    'انطلاق امتحانات الثانوية العامة وسط إجراءات مشددة',
    'البرلمان يناقش مشروع قانون جديد للإيجارات القديمة',
    'اكتشاف أثري جديد يعود إلى العصر البرونزي',
    'تطبيق جديد لحجز مواعيد المستشفيات الحكومية',
    'الفريق الأول يستعد لمواجهة حاسمة في دوري الأبطال',
    'خبراء: الذكاء الاصطناعي سيغير سوق العمل خلال عقد',
    'حريق يلتهم مستودعا تجاريا دون وقوع إصابات',
    'تمديد فترة التسجيل في برنامج الإسكان الاجتماعي',
    'مؤتمر دولي للطاقة المتجددة يختتم أعماله بتوصيات',
]

CITIES = ['القاهرة', 'بيروت', 'عمّان', 'الرباط', 'تونس', 'دبي', 'الدوحة', 'بغداد', 'الخرطوم', 'صنعاء']
NAMES = ['أحمد سمير', 'منى عبد الرحمن', 'خالد الشامي', 'سارة العلي', 'محمد نصار', 'ليلى حداد', 'عمر الفاروق',
         'هبة يوسف', 'يوسف المرزوقي', 'رنا خليل']

COMMENT_POLICY = ('التعليقات المنشورة لا تعبر عن رأي الموقع وإنما تعبر عن رأي أصحابها، ويحق للموقع حذف أي تعليق '
                  'يتضمن إساءة أو خروجا عن آداب الحوار.')
AUTHOR_BIO = 'صحفي متخصص في الشؤون السياسية والاقتصادية، عمل مراسلا في عدد من العواصم العربية منذ عام 2010.'
NEWSLETTER = 'اشترك في النشرة البريدية لتصلك أهم الأخبار يوميا'
APP_PROMO = 'حمّل تطبيق الموقع على هاتفك لمتابعة الأخبار العاجلة أولا بأول'
FOOTER_LINKS = ['من نحن', 'اتصل بنا', 'سياسة الخصوصية', 'شروط الاستخدام', 'أعلن معنا', 'خريطة الموقع', 'الأرشيف',
                'فريق العمل', 'الأسئلة الشائعة', 'سياسة ملفات تعريف الارتباط']
SHARE = ['فيسبوك', 'تويتر', 'واتساب', 'تلغرام', 'لينكدإن', 'نسخ الرابط']


def rng(seed):
    return random.Random(seed)


def headlines(r, n):
    return r.sample(HEADLINES, n)


def slug(r):
    return '/news/' + str(r.randint(100000, 999999))


def ul_links(r, items, cls='', li_cls='', extra=None):
    out = ['<ul%s>' % (' class="%s"' % cls if cls else '')]
    for h in items:
        inner = '<a href="%s">%s</a>' % (slug(r), h)
        if extra:
            inner = extra(inner)
        out.append('<li%s>%s</li>' % (' class="%s"' % li_cls if li_cls else '', inner))
    out.append('</ul>')
    return '\n'.join(out)


def menu(r, n=12, cls='menu'):
    items = MENU[:n]
    return ul_links(r, items, cls)


def bloat_script(r, kb, name='window.__APP_STATE__'):
    """A realistic inline state script of about kb kilobytes (JSON of teaser cards, ids, image URLs)."""
    cards = []
    size = 0
    i = 0
    while size < kb * 1024:
        card = {'id': r.randint(10 ** 6, 10 ** 7), 'slug': 'story-%d' % i, 'title': r.choice(HEADLINES),
                'image': {'src': 'https://cdn.example.net/images/%032x.jpg' % r.getrandbits(128), 'w': 1200, 'h': 675},
                'section': r.choice(MENU), 'published': '2024-05-%02dT%02d:%02d:00Z' % (r.randint(1, 28),
                                                                                       r.randint(0, 23),
                                                                                       r.randint(0, 59)),
                'tracking': {'ga': 'UA-%d-1' % r.randint(10 ** 6, 10 ** 7), 'ab': r.choice(['a', 'b', 'c'])}}
        s = json.dumps(card, ensure_ascii=False)
        cards.append(s)
        size += len(s.encode('utf-8'))
        i += 1
    return '<script>%s = {"cards":[%s]};</script>' % (name, ','.join(cards))


def bloat_style(r, kb, prefix='c'):
    """Minified CSS of about kb kilobytes, hashed class names as CSS-in-JS emits them."""
    rules = []
    size = 0
    while size < kb * 1024:
        cls = '%s-%08x' % (prefix, r.getrandbits(32))
        rule = '.%s{display:flex;margin:%dpx %dpx;padding:%dpx;color:#%06x;font-size:%.2frem;line-height:1.%d}' % (
            cls, r.randint(0, 24), r.randint(0, 24), r.randint(0, 16), r.getrandbits(24), r.uniform(0.8, 2.0),
            r.randint(2, 8))
        rules.append(rule)
        size += len(rule)
    return '<style>%s</style>' % ''.join(rules)


def svg_sprite(r, icons=40):
    paths = []
    for i in range(icons):
        d = 'M%d %d' % (r.randint(0, 24), r.randint(0, 24)) + ''.join(
            'L%d %d' % (r.randint(0, 24), r.randint(0, 24)) for _ in range(30))
        paths.append('<symbol id="icon-%d" viewBox="0 0 24 24"><path d="%sZ"/></symbol>' % (i, d))
    return '<svg style="display:none" xmlns="http://www.w3.org/2000/svg">%s</svg>' % ''.join(paths)


def trackers(r):
    return ('<script async src="https://www.googletagmanager.com/gtag/js?id=G-%08X"></script>\n'
            '<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}'
            'gtag("js",new Date());gtag("config","G-%08X");</script>\n'
            '<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>'
            % (r.getrandbits(32), r.getrandbits(32)))


def json_ld(kind, headline, body=None, publisher=None, extra=None):
    d = {'@context': 'https://schema.org', '@type': kind, 'headline': headline,
         'datePublished': '2024-05-13T06:00:00+03:00', 'inLanguage': 'ar'}
    if body is not None:
        d['articleBody'] = body
    if publisher:
        d['publisher'] = {'@type': 'Organization', 'name': publisher,
                          'logo': {'@type': 'ImageObject', 'url': 'https://example.net/logo.png'}}
    if extra:
        d.update(extra)
    return '<script type="application/ld+json">%s</script>' % json.dumps(d, ensure_ascii=False)
