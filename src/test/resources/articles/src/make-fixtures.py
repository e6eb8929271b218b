#!/usr/bin/env python3
"""Derives the dirty test fixtures from the hand-written clean articles in this folder.

Each dirty fixture is a clean article plus junk of a known kind, so its expected output is the clean text
itself (saved as <name>.cleaned.txt). Run from this folder: python3 make-fixtures.py
"""
import unicodedata

def read(n):
    return open(n, encoding='utf-8').read().strip('\n')

def write(n, s):
    open('../' + n, 'w', encoding='utf-8').write(s)

# 1. gaza-aid: pasted text, duplicated title, byline, split words, decorative tatweel, invisible characters,
#    related links (same line and bare marker + headline), follow prompt, separator, advertisement, source line.
title = 'الأمم المتحدة: دخول 130 شاحنة مساعدات إلى غزة عبر رفح'
clean = read('gaza-aid.clean.txt')
lines = clean.split('\n')
dirty = [title, title, 'سكاي نيوز عربية - خاص']
d = list(lines)
d[0] = d[0].replace('مساعدات', 'مساعــدات').replace('قافلة', 'قا\u200Bفلة').replace('الثلاثاء،', 'الثلاثاء،\u00A0')
d[1] = '\u200F' + d[1].replace('الإنسانية', 'الإنسـانية') + '  '
d[4] = d[4].replace('إطلاق النار', 'إطـ.ـلاق النـ.ـار').replace('لإنقاذ', 'لإنـ،ـقاذ').replace('المدنيين', 'المـ.ــدنيين')
d[5] = d[5].replace('الحكومة', 'الحكـ*ـومة')
dirty += d[:2]
dirty += ['اقرأ أيضاً: ارتفاع حصيلة الضحايا في القطاع إلى أكثر من 11 ألفاً']
dirty += d[2:4]
dirty += ['مادة إعلانية', '', 'إقرأ أيضا', 'منظمة الصحة العالمية تحذر من انتشار الأوبئة في غزة', '']
dirty += d[4:]
dirty += ['ـــــــــــــــ', 'تابعونا على تلغرام لمتابعة آخر الأخبار', 'المصدر: وكالات']
write('gaza-aid.txt', '\r\n'.join(dirty) + '\r\n')
write('gaza-aid.cleaned.txt', clean)

# 2. oil-prices: a scraped HTML page (nav, header, share bar, author box, aside, script, footer, og:title).
clean = read('oil-prices.clean.txt')
lines = clean.split('\n')
h1 = 'النفط يرتفع بعد تمديد أوبك+ خفض الإنتاج'
paras = '\n'.join('      <p>' + l.replace('بعد أن', 'بعد\n        أن') + '</p>' for l in lines[:4])
paras2 = '\n'.join('      <p>' + l + '</p>' for l in lines[4:])
html = f'''<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>{h1} - الاقتصادي</title>
  <meta property="og:title" content="{h1} | الاقتصادي">
  <style>.share {{ display: flex; }}</style>
  <script>window.dataLayer = window.dataLayer || []; gtag('js', new Date());</script>
</head>
<body class="single-post">
  <header class="site-header">
    <a class="logo" href="/">الاقتصادي</a>
    <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/markets">أسواق</a></li><li><a href="/energy">طاقة</a></li></ul></nav>
  </header>
  <div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/energy">طاقة</a></div>
  <main>
    <article>
      <h1>{h1}</h1>
      <div class="author-box"><span>بقلم: سارة الخطيب</span> <time>2023-11-29</time></div>
      <div class="share-buttons"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a></div>
{paras}
      <div class="ad-slot" id="div-gpt-ad-1">إعلان</div>
      <script>googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-1'); }});</script>
{paras2}
      <div class="related-posts"><h3>اقرأ أيضاً</h3><ul><li><a href="/1">الذهب يتراجع مع صعود الدولار</a></li><li><a href="/2">السعودية ترفع أسعار الخام لآسيا</a></li></ul></div>
      <div class="tags"><a>نفط</a><a>أوبك</a></div>
    </article>
    <aside><h3>الأكثر قراءة</h3><p>بورصة دبي تغلق على ارتفاع</p></aside>
  </main>
  <form class="newsletter"><p>اشترك في النشرة البريدية</p><input type="email"></form>
  <footer>جميع الحقوق محفوظة © 2023 الاقتصادي</footer>
</body>
</html>
'''
write('oil-prices.html', html)
write('oil-prices.cleaned.txt', clean)

# 3. syria-elections: the whole article is UTF-8 that was decoded as Windows-1256.
clean = read('syria-elections.clean.txt')
write('syria-elections-mojibake.txt', clean.encode('utf-8').decode('cp1256', errors='strict'))
write('syria-elections-mojibake.cleaned.txt', clean)

# 4. tech-ai: copied from a PDF: presentation forms, bidi marks, Persian kaf/yeh, NBSP, soft hyphen.
RIGHT_JOINING = set('اأإآدذرزوؤةى')
def form(ch, prev_joins, next_joins):
    name = unicodedata.name(ch)
    can_next = ch not in RIGHT_JOINING
    if prev_joins and next_joins and can_next: f = 'MEDIAL'
    elif prev_joins: f = 'FINAL'
    elif next_joins and can_next: f = 'INITIAL'
    else: f = 'ISOLATED'
    try:
        return unicodedata.lookup(name + ' ' + f + ' FORM')
    except KeyError:
        return ch
def shape(word):
    out = []
    for i, ch in enumerate(word):
        prev_joins = i > 0 and word[i-1] not in RIGHT_JOINING
        next_joins = i + 1 < len(word)
        out.append(form(ch, prev_joins, next_joins))
    return ''.join(out)
clean = read('tech-ai.clean.txt')
lines = clean.split('\n')
d = list(lines)
d[0] = d[0].replace('نموذجاً لغوياً جديداً', ' '.join(shape(w) for w in 'نموذجاً لغوياً جديداً'.split(' ')).replace('\u064B', '\u064B'))
d[0] = d[0].replace('سعودية', shape('سعودية'))
d[1] = '\u202B' + d[1].replace('المدير', 'الم\u00ADدير') + '\u202C'
d[2] = d[2].replace('الملك', 'الملک').replace('أداء', '\u200Eأداء\u200E')
d[3] = d[3].replace('على نماذج', 'علی نماذج').replace('بحجم مماثل', 'بحجم\u00A0مماثل')
d[4] = d[4].replace('السياق', 'السیاق')
write('tech-ai-pdf.txt', '\ufeff' + '\n'.join(d) + '\n')
write('tech-ai-pdf.cleaned.txt', clean)

# 5. tech-ai WordPress page: no <h1>, title only in og:title (with site suffix), inline «اقرأ أيضاً» paragraph,
#    follow prompt paragraph, share bar, comments, &nbsp; entities, tatweel and a split word inside <p>.
clean = read('tech-ai.clean.txt')
lines = clean.split('\n')
d = list(lines)
d[0] = d[0].replace('لغوياً', 'لغـــوياً').replace(' في خطوة', '&nbsp;في خطوة')
d[2] = d[2].replace('الترجمة', 'التـ.ـرجمة')
body = '\n'.join(f'<p>{l}</p>' for l in d[:3])
body += '\n<p><strong>اقرأ أيضاً:</strong> <a href="/x">شركة صينية تطلق نموذجاً ينافس أشهر النماذج الأمريكية</a></p>\n'
body += '\n'.join(f'<p>{l}</p>' for l in d[3:])
body += '\n<p>تابعونا على منصة إكس وتلغرام لمعرفة آخر أخبار التقنية</p>'
html = f'''<html><head>
<meta property="og:title" content="شركة سعودية تطلق نموذجاً لغوياً عربياً جديداً | تِك عربي">
<title>شركة سعودية تطلق نموذجاً لغوياً عربياً جديداً | تِك عربي</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "شركة سعودية"}}</script>
</head><body>
<div id="page"><div class="td-header-menu"><ul><li>الرئيسية</li><li>تقنية</li></ul></div>
<div class="entry-content">
<h2 class="entry-subtitle">النموذج مفتوح المصدر للباحثين</h2>
{body}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">شارك هذا:</h3><ul><li>فيسبوك</li><li>إكس</li></ul></div>
</div>
<div id="comments" class="comments-area"><h2>تعليق واحد</h2><p>مقال رائع، شكراً لكم على هذه المعلومات المفيدة</p></div>
</div></body></html>
'''
write('tech-ai-wordpress.html', html)
write('tech-ai-wordpress.cleaned.txt', 'النموذج مفتوح المصدر للباحثين\n' + clean)
