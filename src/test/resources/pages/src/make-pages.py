#!/usr/bin/env python3
"""Builds the templated news-page fixtures of src/test/resources/pages/ from article texts.

Each page is a real article text (texts/*.txt: public-domain US government translations, BBC excerpts kept small
for evaluation, or khulasa's own fixture articles) inside the page structure of a kind of Arabic news site:
the markup patterns of a public theme or an outlet's published pages (header and menus, breadcrumbs, bylines,
datelines, share bars, figures with credits and screen-reader labels, in-article «اقرأ أيضاً» / «قصص مقترحة» lists,
tags, pagers, comment sections, most-read lists, footers, inline scripts, CSS-in-JS, JSON-LD). No page or page
fragment is copied from an extraction library's tests or benchmarks.

Writes, for every page, <name>.html and <name>.expected.txt (line 1: the headline; then the article's paragraphs,
sub-headings, one per line; picture captions and credits are not article text, in page order), and manifest.json (name, kind, template, text
source, licence). The expected texts are the article as a reader sees it, checked by hand against each page.

Run from this folder: python3 make-pages.py
"""
import html
import json
import os
import random

import furniture as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
ARTICLES = os.path.join(os.path.dirname(OUT), 'articles')

e = html.escape


def a(text):
    return html.escape(text, quote=True)


class Article:
    def __init__(self, title, items, source, licence, lead=None):
        self.title = title
        self.items = items  # [('p'|'h2', text)]
        self.source = source
        self.licence = licence
        self.lead = lead

    @property
    def paras(self):
        return [t for k, t in self.items if k == 'p']

    def text(self):
        return '\n'.join(t for _, t in self.items)


PD = ('Public domain: a work of the US Government (17 U.S.C. 105), Arabic translation published by the US '
      'Department of State')
BBC = ('BBC copyright; excerpt (first paragraphs) of an article from the ANT corpus '
       '(/work/shared/eval/ant-bbc-summaries), kept small, for evaluation only')
OWN = 'khulasa test fixture article (src/test/resources/articles), written for the project'
TAIF = ('© Taif Post; the reference article already in khulasa\'s fixtures '
        '(src/test/resources/articles/taif-post-karabakh.txt), quoted for testing')


def text_article(name, source, licence):
    lines = [l.rstrip('\n') for l in open(os.path.join(HERE, 'texts', name + '.txt'), encoding='utf-8') if l.strip()]
    items = [('h2', l[3:]) if l.startswith('## ') else ('p', l) for l in lines[1:]]
    return Article(lines[0], items, source, licence)


def own_article(file, title, lead=None):
    lines = [l.strip() for l in open(os.path.join(ARTICLES, file), encoding='utf-8') if l.strip()]
    return Article(title, [('p', l) for l in lines], 'src/test/resources/articles/' + file, OWN, lead)


def taif_article():
    lines = [l.strip() for l in open(os.path.join(ARTICLES, 'taif-post-karabakh.cleaned.txt'), encoding='utf-8')
             if l.strip()]
    title = 'محادثات روسية تركية جديدة بشأن سوريا وحديث عن حل للملف السوري على غرار ما جرى في “قره باغ”'
    return Article(title, [('p', l) for l in lines], 'src/test/resources/articles/taif-post-karabakh.txt', TAIF)


def water_article():
    lines = [l.strip() for l in open(os.path.join(ARTICLES, 'long-investigation-water.txt'), encoding='utf-8')
             if l.strip()]
    items = []
    for l in lines[1:]:
        # the investigation's short section titles are sub-headings
        items.append(('h2', l) if len(l.split()) <= 8 and not l.endswith('.') else ('p', l))
    return Article(lines[0], items, 'src/test/resources/articles/long-investigation-water.txt', OWN)


def pd(name, url):
    return text_article(name, url, PD)


def bbc(name, ident):
    return text_article(name, 'ANT corpus ' + ident + ' (BBC Arabic, 2018)', BBC)


# ---------------------------------------------------------------------------------------------------------------
# Templates. Each returns (html, expected lines after the headline).
# ---------------------------------------------------------------------------------------------------------------

def body_items(art, p='<p>{}</p>', h2='<h2>{}</h2>', inserts=None):
    """The article's items as markup; inserts maps an item index to markup placed before that item."""
    out = []
    for i, (k, t) in enumerate(art.items):
        if inserts and i in inserts:
            out.append(inserts[i])
        out.append((p if k == 'p' else h2).format(e(t)))
    for i in sorted(inserts or {}):
        if i >= len(art.items):
            out.append(inserts[i])  # after the last paragraph
    return '\n'.join(out)


def mid(art):
    return max(1, len(art.items) // 2)


def t_bbc(art, r, caption, big=False):
    """Simorgh-style service page: CSS-in-JS class names, visually hidden labels (author, credit, caption), each
    paragraph in its own wrapper, «قصص مقترحة» inside the story, «الموضوعات المتعلقة», «الأكثر قراءة»."""
    vh = 'bbc-%06x' % r.getrandbits(24)
    c = lambda: 'bbc-%06x' % r.getrandbits(24)
    related = ''.join(
        '<li class="%s"><div class="%s"><div class="%s"><h3 class="%s"><a href="%s" class="%s">%s</a></h3>'
        '<time class="%s" datetime="2024-05-1%d">1%d مايو/ أيار 2024</time></div></div></li>'
        % (c(), c(), c(), c(), F.slug(r), c(), e(h), c(), i, i) for i, h in enumerate(F.headlines(r, 3)))
    most = ''.join('<li class="%s"><span class="%s">%d</span><div><a href="%s" class="%s">%s</a></div></li>'
                   % (c(), c(), i + 1, F.slug(r), c(), e(h)) for i, h in enumerate(F.headlines(r, 10)))
    figure = ('<figure class="%s"><div class="%s"><div class="%s"><img src="/ws/x.jpg" alt="%s" width="976"></div>'
              '<p role="text" class="%s"><span class="%s">صدر الصورة، </span><span lang="en-GB">Getty Images</span></p>'
              '</div><figcaption class="%s"><span class="%s">التعليق على الصورة، </span>%s</figcaption></figure>'
              % (c(), c(), c(), a(caption), c(), vh, c(), vh, e(caption)))
    paras = body_items(art, p='<div dir="rtl" class="' + c() + '"><p class="' + c() + '">{}</p></div>',
                       h2='<div class="' + c() + '"><h2 class="' + c() + '">{}</h2></div>',
                       inserts={1: figure, mid(art): '<section aria-labelledby="related-content-heading" role="region" '
                                'class="%s"><div class="%s"><h2 id="related-content-heading" class="%s">قصص مقترحة</h2>'
                                '</div><ul class="%s">%s</ul></section>' % (c(), c(), c(), c(), related)})
    name = r.choice(F.NAMES)
    page = '''<!DOCTYPE html>
<html lang="ar" dir="rtl" class="no-js"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, minimum-scale=1">
<title>{title} - BBC News عربي</title>
<meta property="og:title" content="{atitle} - BBC News عربي"><meta property="og:site_name" content="BBC News عربي">
<meta name="description" content="{adesc}">
{ld}
<style>.{vh}{{clip-path:inset(100%);clip:rect(1px,1px,1px,1px);height:1px;overflow:hidden;position:absolute;width:1px;margin:0;}}</style>
{css}
</head><body><div id="root">
<header role="banner" class="{c1}"><div class="{c2}"><a href="/arabic" class="{c3}"><svg viewBox="0 0 84 24"><path d="M0 0h84v24H0z"/></svg><span class="{vh}">BBC News, عربي</span></a>
<a href="#content" class="{c4}">انتقل إلى المحتوى</a></div>
<nav role="navigation" class="{c5}"><ul role="list">{menu}</ul></nav></header>
<main role="main" class="{c6}">
<div class="{c7}"><h1 id="content" tabindex="-1" class="{c8}">{title}</h1></div>
<section aria-labelledby="article-byline" role="region" class="{c9}"><h2 class="{vh}" id="article-byline">معلومات عن الكاتب</h2>
<ul class="{c10}"><li class="{c11}"><span class="{vh}">Author, </span><span class="{c12}">{name}</span></li>
<li class="{c11}"><span class="{vh}">Role, </span><span class="{c12}">بي بي سي نيوز عربي</span></li></ul></section>
<div class="{c13}"><time datetime="2024-05-13" class="{c14}">13 مايو/ أيار 2024</time></div>
{paras}
<aside aria-labelledby="related-topics" role="complementary" class="{c15}"><h2 id="related-topics" class="{c16}">الموضوعات المتعلقة</h2>
<ul class="{c17}">{topics}</ul></aside>
<section aria-labelledby="Most-Read" role="region" class="{c18}"><h2 id="Most-Read" class="{c19}">الأكثر قراءة</h2>
<ol class="{c20}">{most}</ol></section>
</main>
<footer role="contentinfo" class="{c21}"><a href="/arabic" class="{c22}"><span class="{vh}">BBC News, عربي</span></a>
<ul class="{c23}"><li><a href="#">لماذا يمكنك الثقة في بي بي سي</a></li><li><a href="#">شروط الاستخدام</a></li>
<li><a href="#">عن بي بي سي</a></li><li><a href="#">سياسة الخصوصية</a></li><li><a href="#">ملفات تعريف الارتباط</a></li>
<li><a href="#">اتصل بي بي سي</a></li></ul>
<p class="{c24}"><span>© 2024 بي بي سي. بي بي سي ليست مسؤولة عن محتوى المواقع الخارجية.</span> <a href="#">سياسة الروابط الخارجية.</a></p></footer>
</div>{state}</body></html>'''.format(
        title=e(art.title), atitle=a(art.title), adesc=a(art.paras[0][:150]), vh=vh, name=e(name),
        ld=F.json_ld('NewsArticle', art.title, publisher='BBC News عربي'),
        css=F.bloat_style(r, 120 if big else 6, 'bbc'),
        menu=''.join('<li><a href="#">%s</a></li>' % m for m in F.MENU[:10]), paras=paras,
        topics=''.join('<li><a href="#">%s</a></li>' % t for t in ['الشرق الأوسط', 'حقوق الإنسان', 'السياسة']),
        most=most, state=F.bloat_script(r, 260 if big else 8, 'window.SIMORGH_DATA'),
        **{'c%d' % i: c() for i in range(1, 25)})
    expected = [t for _, t in art.items]
    pass  # picture captions are not article text
    return page, expected


def t_cnn(art, r, caption):
    """A legacy CNN-style layout: the logo is the page's only <h1> («CNN»), the headline is an <h2>; edition menu,
    «كتب …» byline, «آخر تحديث» dateline, a «اقرأ أيضاً» list in the text, a credit under the picture, Cable News
    Network copyright."""
    name = r.choice(F.NAMES)
    inserts = {mid(art): '<div class="cnn_strylftcntnt"><h4>اقرأ أيضاً:</h4>%s</div>'
               % F.ul_links(r, F.headlines(r, 3))}
    page = '''<html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>{title} - CNNArabic.com</title>
<meta property="og:title" content="{atitle}"/><meta property="og:site_name" content="CNN Arabic"/>
<link rel="stylesheet" href="/css/arabic.css" type="text/css"/>
<script type="text/javascript">var cnnCurrTime = new Date(1368424800000); var cnnOmniPageName = "arabic:story";</script>
</head><body>
<div id="cnnHeader"><div class="cnn_hdr"><h1 class="cnnLogo"><a href="/">CNN</a></h1>
<div class="cnnEditions">الطبعة: <a href="#">عربي</a> | <a href="#">English</a> | <a href="#">Español</a> | <a href="#">Türkçe</a></div>
<div class="cnnSearch"><form action="/search"><input type="text" name="q"><input type="submit" value="بحث"></form></div></div>
<div id="cnnNav">{menu}</div></div>
<div id="cnnContainer"><div class="cnn_storyarea">
<h2 class="cnnStoryHeadline">{title}</h2>
<div class="cnn_strybyline">كتب {name}</div>
<div class="cnn_strytmstmp">آخر تحديث: الإثنين، 13 مايو/أيار 2024، 06:00 GMT</div>
<div class="cnn_stryimg"><img src="/img/story.jpg" alt=""/><div class="cnn_strycaptiontxt">{caption}</div><div class="cnn_strycredit">Getty Images</div></div>
<div class="cnn_strycntntlft">
{paras}
</div>
<div class="cnn_strylctnbx"><b>الأكثر مشاهدة</b>{most}</div>
</div>
<div class="cnn_shareBox"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a> <a href="#">Print</a></div>
</div>
<div id="cnnFooter"><div class="cnnEditions">الطبعة: <a href="#">عربي</a> | <a href="#">English</a></div>
<div class="cnn_ftrcntnt">© 2013 Cable News Network. A Time Warner Company. All Rights Reserved.</div>
<div><a href="#">شروط الاستخدام</a> | <a href="#">سياسة الخصوصية</a> | <a href="#">أعلن معنا</a> | <a href="#">من نحن</a></div></div>
</body></html>'''.format(title=e(art.title), atitle=a(art.title), name=e(name), caption=e(caption),
                         menu=F.menu(r, 10), paras=body_items(art, inserts=inserts),
                         most=F.ul_links(r, F.headlines(r, 5)))
    return page, [t for _, t in art.items]


def t_youm7(art, r, caption, policy_class='commentsPolicy'):
    """An Egyptian daily's story page: breaking ticker, «الرئيسية أخبار عاجلة» breadcrumb, «كتب …», a dateline
    «الإثنين، 13 مايو 2024 06:00 ص», «اقرأ أيضاً» followed by linked headlines as paragraphs, tags, pager with the
    neighbouring stories, comment policy, most-read list."""
    name = r.choice(F.NAMES)
    h = F.headlines(r, 8)
    inserts = {mid(art): '<p><strong>اقرأ أيضاً</strong></p>\n<p><a href="%s">%s</a></p>\n<p><a href="%s">%s</a></p>'
               % (F.slug(r), e(h[0]), F.slug(r), e(h[1]))}
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} - اليوم السابع</title>
<meta property="og:title" content="{atitle} - اليوم السابع"><meta property="og:site_name" content="اليوم السابع">
{tr}
</head><body>
<div class="header"><div class="logo"><a href="/"><img src="/logo.png" alt="اليوم السابع"></a></div>{menu}</div>
<div class="breakingNews"><span class="title">عاجل</span>{ticker}</div>
<div class="container"><div class="breadcumb"><a href="/">الرئيسية</a> <a href="/Section/65">أخبار عاجلة</a></div>
<article id="newsStory">
<div class="articleHeader"><h1>{title}</h1>
<span class="writeBy">كتب {name}</span><br><span class="newsStoryDate">الإثنين، 13 مايو 2024 06:00 ص</span></div>
<div class="img-cont"><img src="/images/news.jpg" alt="{acap}"><p class="img-caption">{caption}</p></div>
<div id="articleBody" class="articleCont">
{paras}
</div>
<div class="tags"><span>الوسوم</span> <a href="#">{t1}</a> <a href="#">{t2}</a> <a href="#">{t3}</a></div>
<div class="newsNav"><a class="prev" href="{s1}">الخبر السابق<br>{h2}</a> <a class="next" href="{s2}">الخبر التالي<br>{h3}</a></div>
<div class="{policy}"><h3>شارك برأيك</h3><p>{cp}</p></div>
</article>
<div class="mostRead"><h2>الأكثر قراءة</h2>{most}</div></div>
<div class="footer">{flinks}<p>جميع الحقوق محفوظة لليوم السابع © 2024</p></div>
</body></html>'''.format(title=e(art.title), atitle=a(art.title), name=e(name), caption=e(caption), acap=a(caption),
                         tr=F.trackers(r), menu=F.menu(r, 12), ticker=F.ul_links(r, h[5:8]),
                         paras=body_items(art, inserts=inserts), t1='مصر', t2='الحكومة', t3='أخبار',
                         s1=F.slug(r), s2=F.slug(r), h2=e(h[2]), h3=e(h[3]), policy=policy_class,
                         cp=F.COMMENT_POLICY, most=F.ul_links(r, F.headlines(r, 6)),
                         flinks=F.ul_links(r, F.FOOTER_LINKS[:6]))
    return page, [t for _, t in art.items]


def t_aljazeera(art, r, caption, lead=None, with_body=True):
    """A features-site layout: article header with topic link, standfirst, a date for screen readers and sighted
    readers, featured figure, «wysiwyg» body with sub-headings and a «اقرأ أيضا» card list, «المصدر» line,
    «المزيد من …» cards after the story; JSON-LD articleBody."""
    cards = ''.join('<li><article class="card"><a href="%s"><span>%s</span></a></article></li>' % (F.slug(r), e(h))
                    for h in F.headlines(r, 3))
    inserts = {mid(art): '<div class="more-on"><h2 class="more-on__title">اقرأ أيضا</h2><ul>%s</ul></div>' % cards}
    more = ''.join('<article class="gc gc--type-post"><div class="gc__content"><h3 class="gc__title"><a href="%s">'
                   '<span>%s</span></a></h3><div class="gc__excerpt"><p>%s</p></div></div></article>'
                   % (F.slug(r), e(h), e(h + ' وسط تطورات متسارعة في المنطقة')) for h in F.headlines(r, 4))
    body = art.text() if with_body else None
    lead_html = '<p class="article__subhead"><em>%s</em></p>' % e(lead) if lead else ''
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | الجزيرة نت</title>
<meta property="og:title" content="{atitle}"><meta property="og:site_name" content="الجزيرة نت">
{ld}
</head><body><div class="container">
<header class="site-header"><div class="site-header__logo"><a href="/">الجزيرة نت</a></div>
<nav class="site-header__navigation" aria-label="primary">{menu}</nav>
<div class="site-header__live"><a href="/live">البث الحي</a></div></header>
<main id="main-content-area"><div class="article-header-wrap">
<header class="article-header"><div class="article-info-block"><div class="topics"><a href="/news/politics">سياسة</a></div></div>
<h1>{title}</h1>{lead}</header>
<div class="article-dates"><div class="date-simple"><span class="screen-reader-text">نشر في</span><span aria-hidden="true">13/5/2024</span></div></div>
<div class="article-author-share"><ul class="share-list"><li><a href="#">فيسبوك</a></li><li><a href="#">إكس</a></li><li><a href="#">واتساب</a></li></ul></div>
<figure class="article-featured-image"><div class="responsive-image"><img src="/wp-content/uploads/x.jpg" alt=""></div>
<figcaption>{caption}</figcaption></figure></div>
<div class="wysiwyg wysiwyg--all-content">
{paras}
</div>
<p class="article-source">المصدر : الجزيرة + وكالات</p>
<section class="more-from"><h2>المزيد من سياسة</h2>{more}</section>
</main>
<footer class="footer"><div class="footer__links">{flinks}</div><p class="footer__copyright">© 2024 شبكة الجزيرة الإعلامية</p></footer>
</div></body></html>'''.format(title=e(art.title), atitle=a(art.title), lead=lead_html, caption=e(caption),
                               ld=F.json_ld('NewsArticle', art.title, body, 'الجزيرة نت'), menu=F.menu(r, 11),
                               paras=body_items(art, inserts=inserts), more=more,
                               flinks=F.ul_links(r, F.FOOTER_LINKS))
    return page, ([lead] if lead else []) + [t for _, t in art.items]


def t_skynews(art, r, caption):
    """A single-page-app news site: custom elements, «أبوظبي - سكاي نيوز عربية» source line, «نشر في: 13-05-2024 |
    06:00» dateline, an embedded «اقرأ أيضا» teaser inside the body, topic tags, latest-news list."""
    teaser = ('<div class="embedded-article"><span class="label">اقرأ أيضا</span><a href="%s"><img src="/t.jpg" '
              'alt="">%s</a></div>' % (F.slug(r), e(F.headlines(r, 1)[0])))
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | سكاي نيوز عربية</title>
<meta property="og:title" content="{atitle} | سكاي نيوز عربية"><meta property="og:site_name" content="سكاي نيوز عربية">
<script src="/runtime.js" defer></script><script src="/main.js" defer></script>
</head><body><app-root><app-header><div class="header"><a class="logo" href="/">سكاي نيوز عربية</a>{menu}</div></app-header>
<div class="page"><div class="article-page"><div class="article-head"><div class="article-section"><a href="#">الشرق الأوسط</a></div>
<h1 class="article-title">{title}</h1>
<div class="article-info"><span class="article-source">أبوظبي - سكاي نيوز عربية</span>
<span class="article-publish">نشر في: 13-05-2024 | 06:00</span></div></div>
<div class="article-image"><figure><img src="/img.jpg" alt=""><figcaption>{caption}</figcaption></figure></div>
<div class="article-body">
{paras}
</div>
<div class="article-tags"><span>مواضيع ذات صلة</span><a href="#">الخليج</a><a href="#">اقتصاد</a><a href="#">طاقة</a></div>
<div class="share-bar"><button>شارك</button><a href="#">فيسبوك</a><a href="#">تويتر</a></div></div>
<section class="latest-news"><h2>آخر الأخبار</h2>{latest}</section></div>
<app-footer><div class="footer">{flinks}<div class="copy">جميع الحقوق محفوظة © سكاي نيوز عربية 2024</div></div></app-footer>
</app-root></body></html>'''.format(title=e(art.title), atitle=a(art.title), caption=e(caption), menu=F.menu(r, 9),
                                    paras=body_items(art, inserts={mid(art): teaser}),
                                    latest=F.ul_links(r, F.headlines(r, 6)), flinks=F.ul_links(r, F.FOOTER_LINKS[:5]))
    return page, [t for _, t in art.items]


def t_wp_jannah(art, r, caption):
    """A WordPress news theme (single post): category badge, post meta (author, «منذ ساعتين»), entry content with
    a wp-block-image figure, share buttons, related posts, comments with prose, prev/next post navigation, sidebar
    widgets, copyright footer."""
    name = r.choice(F.NAMES)
    related = ''.join('<div class="related-item"><a href="%s" class="post-thumb"><img src="/r.jpg" alt=""></a>'
                      '<h3 class="post-title"><a href="%s">%s</a></h3><div class="post-meta"><span class="date">'
                      '%d مايو 2024</span></div></div>' % (F.slug(r), F.slug(r), e(h), i + 10)
                      for i, h in enumerate(F.headlines(r, 4)))
    h = F.headlines(r, 2)
    figure = ('<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2024/05/p.jpg" alt="">'
              '<figcaption class="wp-element-caption">%s</figcaption></figure>' % e(caption))
    page = '''<!DOCTYPE html><html dir="rtl" lang="ar"><head><meta charset="UTF-8">
<title>{title} - نبض المدينة</title>
<meta property="og:title" content="{atitle} - نبض المدينة"><meta property="og:site_name" content="نبض المدينة">
<link rel='stylesheet' id='tie-css-base-css' href='/wp-content/themes/jannah/assets/css/base.min.css' type='text/css' media='all' />
<script type='text/javascript' id='tie-scripts-js-extra'>var tie = {{"is_rtl":"1","ajaxurl":"\\/wp-admin\\/admin-ajax.php"}};</script>
</head><body class="rtl post-template-default single single-post">
<div class="background-overlay"><div id="tie-container" class="site tie-container"><div id="tie-wrapper">
<header id="theme-header" class="theme-header header-layout-3 main-nav-dark"><div class="container">
<div class="logo-row"><div id="logo" class="image-logo"><a title="نبض المدينة" href="/">نبض المدينة</a></div></div>
<nav id="main-nav" class="main-nav">{menu}</nav></div></header>
<div id="content" class="site-content container"><div class="tie-row main-content-row">
<div class="main-content tie-col-md-8 tie-col-xs-12" role="main">
<article id="the-post" class="container-wrapper post-content tie-standard">
<header class="entry-header-outer"><nav id="breadcrumb"><a href="/">الرئيسية</a><em class="delimiter">/</em><a href="#">أخبار</a><em class="delimiter">/</em><span class="current">{title}</span></nav>
<div class="entry-header"><span class="post-cat-wrap"><a class="post-cat tie-cat-2" href="#">أخبار</a></span>
<h1 class="post-title entry-title">{title}</h1>
<div id="single-post-meta" class="post-meta clearfix"><span class="author-meta single-author no-avatars"><span class="meta-item meta-author-wrapper"><span class="meta-author"><a href="#" class="author-name tie-icon" title="{name}">{name}</a></span></span></span>
<span class="date meta-item tie-icon">منذ ساعتين</span><div class="tie-alignright"><span class="meta-views meta-item">1,204 </span><span class="meta-reading-time meta-item">دقيقتين</span></div></div></div></header>
<div class="entry-content entry clearfix">
{paras}
</div>
<div id="share-buttons-bottom" class="share-buttons share-buttons-bottom"><div class="share-links"><a href="#" class="facebook-share-btn"><span class="share-btn-icon tie-icon-facebook"></span><span class="social-text">فيسبوك</span></a><a href="#" class="twitter-share-btn"><span class="social-text">تويتر</span></a><a href="#" class="whatsapp-share-btn"><span class="social-text">واتساب</span></a></div></div>
</article>
<div class="post-components"><div id="related-posts" class="container-wrapper"><div class="mag-box-title the-global-title"><h3>مقالات ذات صلة</h3></div><div class="related-posts-list">{related}</div></div>
<div class="prev-next-post-nav container-wrapper media-overlay"><div class="tie-col-xs-6 prev-post"><a href="#" class="post-thumb"><img src="/p.jpg" alt=""></a><a href="#" class="post-title">{h1}</a></div>
<div class="tie-col-xs-6 next-post"><a href="#" class="post-title">{h2}</a></div></div>
<div id="comments" class="comments-area"><div id="add-comment-block" class="container-wrapper"><h3 id="reply-title" class="comment-reply-title the-global-title">اترك تعليقاً</h3>
<p class="comment-notes">لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p></div>
<ol class="comment-list"><li class="comment"><div class="comment-body"><p>متابعة مهمة لهذا الملف، ونأمل أن تتحسن الأوضاع قريبا في كل المناطق المتضررة.</p></div></li></ol></div></div>
</div>
<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-side" aria-label="القائمة الجانبية الرئيسية">
<div id="posts-list-widget-2" class="container-wrapper widget posts-list"><div class="widget-title the-global-title"><div class="the-subtitle">الأكثر قراءة</div></div>{most}</div>
<div id="text-3" class="container-wrapper widget widget_text"><div class="textwidget"><p>{news}</p></div></div></aside>
</div></div>
<footer id="footer" class="site-footer dark-skin dark-widgetized-area"><div id="site-info" class="site-info"><div class="container"><div class="copyright-text copyright-text-first">© حقوق النشر 2024، جميع الحقوق محفوظة &nbsp;|&nbsp; نبض المدينة</div>
<div class="footer-menu">{flinks}</div></div></div></footer>
</div></div></div></body></html>'''.format(title=e(art.title), atitle=a(art.title), name=e(name), menu=F.menu(r, 10),
                                          paras=body_items(art, inserts={1: figure}), related=related,
                                          h1=e(h[0]), h2=e(h[1]), most=F.ul_links(r, F.headlines(r, 5)),
                                          news=F.NEWSLETTER, flinks=F.ul_links(r, F.FOOTER_LINKS[:6]))
    expected = [t for _, t in art.items]
    pass  # picture captions are not article text
    return page, expected


def t_wp_newspaper(art, r, caption, big=False):
    """tagDiv «Newspaper»-style markup: td-post-header, author and date, td-post-content with a wp-caption,
    «مقالات ذات صلة» block, «المقال السابق» / «المقال التالي», author box with a bio paragraph."""
    name = r.choice(F.NAMES)
    h = F.headlines(r, 5)
    rel = ''.join('<div class="td_module_related_posts"><div class="td-module-thumb"><a href="%s"><img src="/t.jpg" '
                  'alt=""></a></div><div class="item-details"><h3 class="entry-title td-module-title"><a href="%s">'
                  '%s</a></h3></div></div>' % (F.slug(r), F.slug(r), e(x)) for x in h[:3])
    figure = ('<div id="attachment_81" class="wp-caption aligncenter"><img src="/wp-content/uploads/a.jpg" alt="">'
              '<p class="wp-caption-text">%s</p></div>' % e(caption))
    page = '''<!doctype html><html dir="rtl" lang="ar"><head><meta charset="UTF-8">
<title>{title} | الخبر الآن</title>
<meta property="og:title" content="{atitle}"><meta property="og:site_name" content="الخبر الآن">
{ld}{css}{tr}
</head><body class="rtl post-template-default single single-post td-standard-pack">
<div class="td-scroll-up"></div><div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-wrap td-header-style-1"><div class="td-header-top-menu-full"><div class="td-header-top-menu"><div class="td_data_time">الإثنين، مايو 13، 2024</div>{top}</div></div>
<div class="td-banner-wrap-full td-logo-wrap-full"><div class="td-header-sp-logo"><a class="td-main-logo" href="/">الخبر الآن</a></div>
<div class="td-header-sp-recs"><div class="td-header-rec-wrap"><div class="td-a-rec td-a-rec-id-header"><span class="td-adspot-title">- إعلان -</span></div></div></div></div>
<div class="td-header-menu-wrap-full"><div id="td-header-menu">{menu}</div></div></div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default"><div class="td-crumb-container"><div class="entry-crumbs"><span><a title="" class="entry-crumb" href="/">الرئيسية</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a class="entry-crumb" href="#">أخبار عربية</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-8812" class="post-8812 post type-post status-publish format-standard has-post-thumbnail">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="#">أخبار عربية</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{title}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">بقلم</div> <a href="#">{name}</a><div class="td-author-line"> - </div></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="2024-05-13T06:00:00+00:00">13 مايو، 2024</time></span>
<div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-8812">312</span></div></div></header></div>
<div class="td-post-sharing-top"><div class="td-default-sharing"><a class="td-social-sharing-buttons td-social-facebook" href="#"><div class="td-social-but-text">شارك على فيسبوك</div></a><a class="td-social-sharing-buttons td-social-twitter" href="#"><div class="td-social-but-text">غرد على تويتر</div></a></div></div>
<div class="td-post-content tagdiv-type">
{paras}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>الوسوم</span></li><li><a href="#">سوريا</a></li><li><a href="#">تركيا</a></li><li><a href="#">روسيا</a></li></ul></div>
<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>المقال السابق</span><a href="#">{h4}</a></div></div>
<div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content"><span>المقال التالي</span><a href="#">{h5}</a></div></div></div>
<div class="td-author-name vcard author"><a href="#">{name}</a></div><div class="desc">{bio}</div></footer>
</article>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title"><a href="#" class="td-related-left td-cur-simple-item">مقالات ذات صلة</a><a href="#" class="td-related-right">المزيد من الكاتب</a></h4><div class="td_block_inner">{rel}</div></div>
</div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar"><div class="td_block_wrap td_block_7"><h4 class="block-title"><span>الأكثر شعبية</span></h4>{most}</div></div></div>
</div></div></div>
<div class="td-footer-wrapper"><div class="td-footer-info"><div class="footer-text-wrap">{about}</div></div></div>
<div class="td-sub-footer-container"><div class="td-sub-footer-copy">© جميع الحقوق محفوظة - الخبر الآن 2024</div><div class="td-sub-footer-menu">{flinks}</div></div>
</div>{state}</body></html>'''.format(
        title=e(art.title), atitle=a(art.title), name=e(name), ld=F.json_ld('Article', art.title, publisher='الخبر الآن'),
        css=F.bloat_style(r, 90 if big else 4, 'td'), tr=F.trackers(r), top=F.ul_links(r, F.FOOTER_LINKS[:4]),
        menu=F.menu(r, 12), paras=body_items(art, inserts={2: figure}), h4=e(h[3]), h5=e(h[4]), bio=F.AUTHOR_BIO,
        rel=rel, most=F.ul_links(r, F.headlines(r, 5)),
        about='الخبر الآن موقع إخباري مستقل يغطي أخبار المنطقة العربية والعالم على مدار الساعة.',
        flinks=F.ul_links(r, F.FOOTER_LINKS[:5]), state=F.svg_sprite(r, 60 if big else 5)
        + F.bloat_script(r, 300 if big else 3, 'window.tdBlocksArray'))
    expected = [t for _, t in art.items]
    pass  # picture captions are not article text
    return page, expected


def t_state(art, r, bureau, date, kind_label):
    """A US government site (USWDS banner, site header, translation article): publisher line, headline, bureau and
    date lines, body, related tags, footer promos."""
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="UTF-8">
<title>{title} - United States Department of State</title>
<meta property="og:title" content="{atitle} - United States Department of State">
<meta property="og:site_name" content="United States Department of State">
</head><body class="translations-template-default single single-translations">
<section class="usa-banner" aria-label="Official government website"><div class="usa-accordion"><header class="usa-banner__header"><div class="usa-banner__inner"><div class="grid-col-auto"><img class="usa-banner__header-flag" src="/us_flag_small.png" alt=""></div>
<div class="grid-col-fill"><p class="usa-banner__header-text">An official website of the United States Government</p><p class="usa-banner__header-action" aria-hidden="true">Here's how you know</p></div>
<button class="usa-accordion__button usa-banner__button" aria-expanded="false"><span class="usa-banner__button-text">Here's how you know</span></button></div></header>
<div class="usa-banner__content usa-accordion__content" id="gov-banner" hidden><p><strong>Official websites use .gov</strong><br>A <strong>.gov</strong> website belongs to an official government organization in the United States.</p></div></div></section>
<header class="site-header"><div class="site-header__logo"><a href="/">U.S. Department of State</a></div><nav class="site-header__nav" aria-label="Main Menu"><ul><li><a href="#">Travel</a></li><li><a href="#">Careers</a></li><li><a href="#">Countries &amp; Areas</a></li><li><a href="#">Bureaus &amp; Offices</a></li><li><a href="#">About</a></li></ul></nav></header>
<main id="main" class="site-main"><article class="translations type-translations status-publish">
<div class="featured-content__copy"><p class="article-meta__publisher">وزارة الخارجية الأمريكية</p>
<h1 class="featured-content__headline">{title}</h1>
<p class="article-meta__author-bureau">{bureau}</p><p class="article-meta__publish-date">{date}</p></div>
<div class="entry-content">
<p class="doctype">{kind}</p>
{paras}
</div>
<div class="related-tags"><p class="related-tags__title">Related Articles</p><ul><li><a href="#">Office of the Spokesperson</a></li><li><a href="#">Arabic Translations</a></li></ul></div>
</article></main>
<footer class="site-footer"><div class="site-footer__promo"><p>U.S. Department of State</p><p><a href="#">The Lessons of 1989: Freedom and Our Future</a></p></div>
<nav class="site-footer__nav"><ul><li><a href="#">Privacy Policy</a></li><li><a href="#">Accessibility Statement</a></li><li><a href="#">Copyright Information</a></li><li><a href="#">FOIA</a></li><li><a href="#">No FEAR Act</a></li></ul></nav></footer>
</body></html>'''.format(title=e(art.title), atitle=a(art.title), bureau=e(bureau), date=e(date), kind=e(kind_label),
                         paras=body_items(art))
    return page, [kind_label] + [t for _, t in art.items]


def t_un(art, r, caption, credit):
    """A Drupal news site: main menu block, topic link above the headline, date field, figure with caption and
    credit fields, body field, tags block, «قصص ذات صلة»."""
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | أخبار المنظمة</title><meta property="og:site_name" content="أخبار المنظمة">
<meta property="og:title" content="{atitle}">
<script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/","currentLanguage":"ar"}},"ajaxPageState":{{"theme":"un_news"}}}}</script>
</head><body class="path-node page-node-type-news-story">
<a href="#main-content" class="visually-hidden focusable skip-link">التجاوز إلى المحتوى الرئيسي</a>
<div class="dialog-off-canvas-main-canvas"><header class="header" role="banner"><div class="region region-header"><div id="block-un-news-branding"><a href="/ar" rel="home">أخبار المنظمة</a></div>
<nav role="navigation" aria-labelledby="block-un-news-main-menu-menu" id="block-un-news-main-menu"><h2 class="visually-hidden" id="block-un-news-main-menu-menu">Main navigation</h2>{menu}</nav></div></header>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content"><div class="region region-content">
<article role="article" class="node node--type-news-story node--view-mode-full">
<div class="field field--name-field-news-story-category"><a href="#" hreflang="ar">السلم والأمن</a></div>
<h1 class="page-title"><span class="field field--name-title">{title}</span></h1>
<div class="field field--name-field-news-date"><time datetime="2024-05-13T12:00:00Z">13 أيار/مايو 2024</time></div>
<div class="field field--name-field-image"><figure class="image-with-caption"><img src="/sites/default/files/x.jpg" alt="">
<figcaption><div class="field field--name-field-caption">{caption}</div><div class="field field--name-field-credit">{credit}</div></figcaption></figure></div>
<div class="clearfix text-formatted field field--name-body">
{paras}
</div>
<div class="field field--name-field-tags"><div class="field__label">الموضوعات</div><div class="field__items"><a href="#">الشؤون الإنسانية</a> <a href="#">المساعدات</a> <a href="#">أفريقيا</a></div></div>
<div class="social-share"><span>مشاركة:</span><a href="#">فيسبوك</a><a href="#">تويتر</a><a href="#">البريد الإلكتروني</a></div>
</article>
<div class="views-element-container related-stories"><h2>قصص ذات صلة</h2>{related}</div>
</div></div></main>
<footer role="contentinfo"><div class="region region-footer">{flinks}<p>© الأمم المتحدة</p></div></footer></div>
</body></html>'''.format(title=e(art.title), atitle=a(art.title), caption=e(caption), credit=e(credit),
                         menu=F.menu(r, 8), paras=body_items(art), related=F.ul_links(r, F.headlines(r, 4)),
                         flinks=F.ul_links(r, F.FOOTER_LINKS[:5]))
    return page, [t for _, t in art.items]


def t_hespress(art, r, caption):
    """A Maghreb news site: «هسبريس - …» author link, Maghreb month names in the date («الثلاثاء 14 ماي 2024»),
    featured figure, tag box, visitors' comments (prose!) with a comment policy, «أخبار ذات صلة» cards."""
    name = r.choice(F.NAMES)
    comments = ''.join('<li class="comment"><div class="comment-author">%s</div><div class="comment-text"><p>%s</p>'
                       '</div></li>' % (n, t) for n, t in [
                           ('مواطن', 'موضوع مهم جدا ويجب على المسؤولين التحرك بسرعة قبل فوات الأوان.'),
                           ('متابع', 'نتمنى أن تكون هذه الخطوة بداية لإصلاح حقيقي يشعر به المواطن البسيط في حياته اليومية.')])
    related = ''.join('<div class="card"><a href="%s"><img src="/c.jpg" alt=""><h3 class="card-title">%s</h3></a>'
                      '<small class="date-card">%d ماي 2024</small></div>' % (F.slug(r), e(h), i + 10)
                      for i, h in enumerate(F.headlines(r, 4)))
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="UTF-8">
<title>{title} | هسبريس</title><meta property="og:title" content="{atitle}"><meta property="og:site_name" content="Hespress">
</head><body><header class="header"><div class="logo"><a href="/">هسبريس</a></div><nav class="main-menu">{menu}</nav></header>
<div class="container"><div class="row"><div class="col-md-8">
<div class="article-header"><h1 class="post-title">{title}</h1>
<div class="author"><a href="#">هسبريس - {name}</a></div><span class="date-post">الثلاثاء 14 ماي 2024 - 10:00</span></div>
<div class="article-content"><figure class="post-thumbnail"><img src="/wp-content/uploads/x.jpg" alt=""><figcaption>{caption}</figcaption></figure>
{paras}
</div>
<div class="box-tags"><a href="#">المغرب</a><a href="#">حكومة</a><a href="#">أخبار</a></div>
<div class="comments-area"><h3 class="comments-title">تعليقات الزوار</h3><p class="comment-policy">{cp}</p><ol class="comment-list">{comments}</ol></div>
<div class="related-posts"><h2>أخبار ذات صلة</h2>{related}</div></div>
<aside class="col-md-4 sidebar"><div class="widget"><h3>الأكثر تعليقا</h3>{most}</div></aside></div></div>
<footer class="footer"><p>جميع الحقوق محفوظة © هسبريس 2024</p>{flinks}</footer></body></html>'''.format(
        title=e(art.title), atitle=a(art.title), name=e(name), caption=e(caption), menu=F.menu(r, 10),
        paras=body_items(art), cp=F.COMMENT_POLICY, comments=comments, related=related,
        most=F.ul_links(r, F.headlines(r, 5)), flinks=F.ul_links(r, F.FOOTER_LINKS[:4]))
    return page, [t for _, t in art.items]


def t_enab(art, r, caption, big=False):
    """A WordPress outlet with JSON-LD articleBody: post meta, figure with credit span in the caption, inline
    «اقرأ أيضًا:» paragraphs, an author box with a bio, a newsletter form, footer."""
    name = r.choice(F.NAMES)
    h = F.headlines(r, 3)
    inserts = {mid(art): '<p>اقرأ أيضًا: <a href="%s">%s</a></p>' % (F.slug(r), e(h[0])),
               min(len(art.items) - 1, mid(art) + 3): '<p><strong>اقرأ أيضًا:</strong> <a href="%s">%s</a></p>'
                                                       % (F.slug(r), e(h[1]))}
    figure = ('<figure class="wp-block-image"><img src="/u.jpg" alt=""><figcaption>%s <span class="photo-credit">'
              '(تصوير: %s)</span></figcaption></figure>' % (e(caption), e(r.choice(F.NAMES))))
    inserts[1] = figure
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="UTF-8">
<title>{title} – صحيفة المدار</title><meta property="og:title" content="{atitle}">
<meta property="og:site_name" content="صحيفة المدار">
{ld}{css}
</head><body class="single">
<div id="page"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">صحيفة المدار</a></p><p class="site-description">صحيفة مستقلة</p></div>
<nav id="site-navigation" class="main-navigation">{menu}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish">
<header class="post-header"><div class="post-category"><a href="#">تحقيقات</a></div><h1 class="entry-title">{title}</h1>
<div class="post-meta"><span class="byline"><a class="author-name" href="#">{name}</a></span><span class="posted-on"><time class="entry-date published">13 أيار 2024</time></span></div></header>
<div class="entry-content">
{paras}
</div>
<div class="author-box"><img src="/a.jpg" alt=""><div class="author-info"><h4 class="author-title">{name}</h4><p class="author-description">{bio}</p></div></div>
</article>
<div class="newsletter-box"><h3>{nl}</h3><form><input type="email" placeholder="بريدك الإلكتروني"><button>اشتراك</button></form></div>
<nav class="navigation post-navigation" aria-label="المقالات"><div class="nav-links"><div class="nav-previous"><a href="#" rel="prev"><span class="meta-nav">السابق</span> {h3}</a></div></div></nav>
</main></div></div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2024 صحيفة المدار. جميع الحقوق محفوظة</div>{flinks}</footer></div>
{state}</body></html>'''.format(title=e(art.title), atitle=a(art.title), name=e(name),
                                ld=F.json_ld('NewsArticle', art.title, art.text(), 'صحيفة المدار'),
                                css=F.bloat_style(r, 140 if big else 5, 'wp'), menu=F.menu(r, 9),
                                paras=body_items(art, inserts=inserts), bio=F.AUTHOR_BIO, nl=F.NEWSLETTER,
                                h3=e(h[2]), flinks=F.ul_links(r, F.FOOTER_LINKS[:6]),
                                state=F.bloat_script(r, 260 if big else 2, 'window.wpData'))
    expected = [t for _, t in art.items]
    pass  # picture captions are not article text
    return page, expected


def t_amp(art, r, caption):
    """An AMP page: amp-boilerplate styles in noscript, amp-sidebar menu, amp-img, amp-social-share, an
    «اقرأ أيضا» list after the text."""
    name = r.choice(F.NAMES)
    page = '''<!doctype html><html amp lang="ar" dir="rtl"><head><meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<title>{title} | أخبار الخليج اليوم</title><link rel="canonical" href="https://example.net/news/1">
<meta property="og:title" content="{atitle}"><meta property="og:site_name" content="أخبار الخليج اليوم">
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>.amp-header{{background:#003}} .amp-content p{{font-size:18px}}</style>
</head><body>
<amp-sidebar id="sidebar" layout="nodisplay" side="right">{menu}</amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">☰</button><a href="/">أخبار الخليج اليوم</a></header>
<article class="amp-article"><h1 class="amp-title">{title}</h1>
<div class="amp-meta"><span class="amp-author">بقلم: {name}</span> <time datetime="2024-05-13">13 مايو 2024</time></div>
<figure class="amp-figure"><amp-img src="/x.jpg" width="800" height="450" layout="responsive" alt=""></amp-img><figcaption>{caption}</figcaption></figure>
<div class="amp-content">
{paras}
</div>
<div class="amp-share"><amp-social-share type="facebook"></amp-social-share><amp-social-share type="twitter"></amp-social-share><amp-social-share type="whatsapp"></amp-social-share></div>
<div class="amp-related"><h2>اقرأ أيضا</h2>{related}</div>
</article>
<footer class="amp-footer"><p>© 2024 أخبار الخليج اليوم</p><a href="/news/1">عرض النسخة الكاملة</a></footer>
</body></html>'''.format(title=e(art.title), atitle=a(art.title), name=e(name), caption=e(caption),
                         menu=F.menu(r, 8), paras=body_items(art), related=F.ul_links(r, F.headlines(r, 4)))
    return page, [t for _, t in art.items]


def t_table(art, r, site):
    """An old table layout: the headline only in a <font> and in «<title>الموقع - العنوان</title>» (site prefix),
    paragraphs separated by <br><br> in one cell, a side cell of links, print/send links, copyright row."""
    name = r.choice(F.NAMES)
    body = '<br><br>\n'.join(e(t) for _, t in art.items)
    side = ''.join('<tr><td class="sideLink"><a href="%s">%s</a></td></tr>' % (F.slug(r), e(h))
                   for h in F.headlines(r, 8))
    page = '''<html dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{site} - {title}</title><link href="/style.css" rel="stylesheet" type="text/css"></head>
<body bgcolor="#FFFFFF" topmargin="0"><table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="2" class="top"><a href="/"><img src="/logo.gif" border="0" alt="{site}"></a> {menu}</td></tr>
<tr><td width="180" valign="top" class="right"><table width="100%">{side}</table></td>
<td valign="top" class="main"><font class="title" size="4"><b>{title}</b></font><br>
<font class="date" color="#999999">الأحد, 12-مايو-2024</font><br>
<span class="writer">{city} / {name}:</span><br><br>
<div class="content">{body}</div><br><hr>
<a href="#">طباعة</a> | <a href="#">أرسل لصديق</a> | <a href="#">أضف تعليقاً</a>
</td></tr><tr><td colspan="2" align="center" class="copy">جميع الحقوق محفوظة {site} © 2003-2024</td></tr></table></body></html>'''.format(
        site=e(site), title=e(art.title), menu=' | '.join('<a href="#">%s</a>' % m for m in F.MENU[:8]), side=side,
        city=e(r.choice(F.CITIES)), name=e(name), body=body)
    return page, [t for _, t in art.items]


def t_next(art, r, caption, big=False):
    """A React/Next.js page: hashed class names only, no semantic tags except h1/time, visually hidden labels via
    the page's own CSS, a kicker link, byline as a link, inline «اقرأ أيضاً:» paragraph, suggested stories, a large
    __NEXT_DATA__ script holding the story again; JSON-LD with articleBody."""
    c = lambda: 'css-%06x' % r.getrandbits(24)
    vh = c()
    name = r.choice(F.NAMES)
    h = F.headlines(r, 5)
    p_cls = c()
    inserts = {mid(art): '<div class="%s"><p class="%s"><strong>اقرأ أيضاً:</strong> <a href="%s">%s</a></p></div>'
               % (c(), p_cls, F.slug(r), e(h[0])),
               1: '<figure class="%s"><div class="%s"><img src="/i.jpg" alt=""></div><figcaption class="%s">%s'
                  '<span class="%s"> © رويترز</span></figcaption></figure>' % (c(), c(), c(), e(caption), c())}
    cards = ''.join('<div class="%s"><a href="%s" class="%s"><div class="%s"><img src="/c.jpg" alt=""></div>'
                    '<div class="%s">%s</div></a></div>' % (c(), F.slug(r), c(), c(), c(), e(x)) for x in h[1:5])
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>
<title>{title} | المنصة</title><meta property="og:title" content="{atitle} | المنصة"/>
<meta name="twitter:title" content="{atitle}"/>
{ld}
<style data-emotion="css {vh}">.{vh}{{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;margin:-1px;overflow:hidden;border:0}}</style>
{css}
</head><body><div id="__next"><div class="{c1}"><div class="{c2}"><a href="/" class="{c3}"><span class="{vh}">المنصة - الصفحة الرئيسية</span><svg viewBox="0 0 10 10"><path d="M0 0h10v10H0z"/></svg></a>
<div class="{c4}">{menu}</div></div>
<div class="{c5}"><div class="{c6}"><a class="{c7}" href="/politics">سياسة</a>
<h1 class="{c8}">{title}</h1>
<div class="{c9}"><span class="{vh}">الكاتب:</span><a href="/author/1" class="{c10}">{name}</a></div>
<div class="{c11}"><time dateTime="2024-05-13T06:00:00Z">13 مايو 2024</time></div>
<div class="{c12}">{paras}</div>
<div class="{c13}"><h3 class="{c14}">قصص مقترحة</h3>{cards}</div></div>
<div class="{c15}"><div class="{c16}">جميع الحقوق محفوظة © المنصة 2024</div><div class="{c17}">{flinks}</div></div>
</div></div></div>
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{"story":{{"title":{jtitle},"body":{jbody}}}}}}},"page":"/story/[id]"}}</script>
{state}</body></html>'''.format(
        title=e(art.title), atitle=a(art.title), vh=vh, name=e(name), ld=F.json_ld('NewsArticle', art.title,
                                                                                     art.text(), 'المنصة'),
        css=F.bloat_style(r, 160 if big else 6), menu=''.join('<a href="#" class="%s">%s</a>' % (c(), m)
                                                               for m in F.MENU[:9]),
        paras=body_items(art, p='<p class="' + p_cls + '">{}</p>', h2='<h2 class="' + c() + '">{}</h2>',
                         inserts=inserts),
        cards=cards, flinks=''.join('<a href="#" class="%s">%s</a>' % (c(), x) for x in F.FOOTER_LINKS[:5]),
        jtitle=json.dumps(art.title, ensure_ascii=False), jbody=json.dumps(art.text(), ensure_ascii=False),
        state=F.bloat_script(r, 330 if big else 5, 'self.__next_f'), **{'c%d' % i: c() for i in range(1, 18)})
    expected = [t for _, t in art.items]
    pass  # picture captions are not article text
    return page, expected


def t_blogger(art, r):
    """A Blogger blog post: the blog's name is the <h1>, the post title an <h3>; <br>-separated text; post footer
    with author, time and labels; «رسالة أحدث / رسالة أقدم» pager; archive sidebar."""
    body = '<br />\n<br />\n'.join(e(t) for _, t in art.items)
    archive = ''.join('<li><a href="#">%s</a> (%d)</li>' % (m, r.randint(10, 90))
                      for m in ['مايو', 'أبريل', 'مارس', 'فبراير', 'يناير'])
    page = '''<!DOCTYPE html><html dir="rtl" lang="ar"><head><meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<title>نافذة الأخبار: {title}</title><meta content='نافذة الأخبار' property='og:site_name'/>
<meta content='{atitle}' property='og:title'/></head><body>
<div class="outer-wrapper"><div class="header-outer"><div class="Header" id="Header1"><h1 class="title"><a href="/">نافذة الأخبار</a></h1><p class="description">أخبار ومقالات مختارة</p></div></div>
<div class="main-outer"><div class="main section" id="main"><div class="date-outer"><h2 class="date-header"><span>الاثنين، 13 مايو 2024</span></h2>
<div class="post hentry"><h3 class="post-title entry-title">{title}</h3><div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-1">{body}</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">Posted by <span class="fn">محرر الموقع</span></span> <span class="post-timestamp">at <a class="timestamp-link" href="#"><abbr class="published">10:00 AM</abbr></a></span></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">Labels: <a href="#">أخبار</a>, <a href="#">سياسة</a></span></div></div></div></div>
<div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="#">رسالة أحدث</a></span> <span id="blog-pager-older-link"><a class="blog-pager-older-link" href="#">رسالة أقدم</a></span> <a class="home-link" href="/">الصفحة الرئيسية</a></div>
<div class="post-feeds"><div class="feed-links">الاشتراك في: <a class="feed-link" href="#">تعليقات الرسالة (Atom)</a></div></div></div></div>
<div class="sidebar section" id="sidebar"><div class="widget BlogArchive"><h2>أرشيف المدونة</h2><ul>{archive}</ul></div>
<div class="widget PopularPosts"><h2>المشاركات الشائعة</h2>{popular}</div></div>
<div class="footer-outer"><div class="widget Attribution">يتم التشغيل بواسطة <a href="#">Blogger</a>.</div></div></div>
</body></html>'''.format(title=e(art.title), atitle=a(art.title), body=body, archive=archive,
                         popular=F.ul_links(r, F.headlines(r, 4)))
    return page, [t for _, t in art.items]


def t_masrawy(art, r, caption):
    """An Egyptian portal: «كتب - … :» byline with a dash and colon, an embedded video iframe, an «إعلان» label,
    «مواضيع ذات صلة» after the text, «شارك برأيك» comment box, a «الأكثر قراءة» list in the same column."""
    name = r.choice(F.NAMES)
    inserts = {mid(art): '<div class="adBox"><span class="adLabel">إعلان</span><div id="div-gpt-ad-1"></div></div>',
               len(art.items) - 1: '<p><iframe src="https://www.youtube.com/embed/x" width="560" height="315"></iframe></p>'}
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | مصراوي الإخباري</title><meta property="og:title" content="{atitle}">
<meta name="application-name" content="البوابة المصرية">{tr}</head><body>
<div id="header">{menu}<div class="dateToday">الإثنين 13 مايو 2024</div></div>
<div id="mainContent"><div class="details">
<div class="sectionTitle"><a href="#">أخبار مصر</a></div>
<h1 class="articleTitle">{title}</h1>
<div class="byLine"><span>كتب - {name}:</span></div>
<div class="publishDate">02:00 م الإثنين 13 مايو 2024</div>
<div class="articleImage"><img src="/i.jpg" alt=""><span class="imageCaption">{caption}</span></div>
<div class="articleDetails">
{paras}
</div>
<div class="relatedTopics"><h3>مواضيع ذات صلة</h3>{related}</div>
<div class="commentBox"><h3>شارك برأيك</h3><textarea></textarea><p>{cp}</p></div>
<div class="mostRead"><h3>الأكثر قراءة</h3>{most}</div>
</div></div>
<div id="footer">{flinks}<p>جميع الحقوق محفوظة © 2024</p></div></body></html>'''.format(
        title=e(art.title), atitle=a(art.title), name=e(name), caption=e(caption), tr=F.trackers(r),
        menu=F.menu(r, 11), paras=body_items(art, inserts=inserts), related=F.ul_links(r, F.headlines(r, 3)),
        cp=F.COMMENT_POLICY, most=F.ul_links(r, F.headlines(r, 5)), flinks=F.ul_links(r, F.FOOTER_LINKS[:6]))
    return page, [t for _, t in art.items]


def t_alarabiya(art, r, caption):
    """A pan-Arab channel's site: «العربية.نت - …» source line, «نشر في: … آخر تحديث: …» dateline, an inline
    related <aside> inside the body, «المزيد من …» section, app promotion."""
    name = r.choice(F.NAMES)
    inline = ('<aside class="inline-article"><span class="inline-article__label">اقرأ أيضاً</span><a href="%s">%s</a>'
              '</aside>' % (F.slug(r), e(F.headlines(r, 1)[0])))
    page = '''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title><meta property="og:title" content="{atitle}"><meta property="og:site_name" content="العربية">
{ld}</head><body>
<header class="main-header"><a class="logo" href="/">العربية</a>{menu}<div class="live-tv"><a href="#">البث المباشر</a></div></header>
<main class="main-content"><div class="article">
<div class="article-hero"><h1 class="headingInfo_title">{title}</h1></div>
<div class="article-meta"><div class="source">العربية.نت - {name}</div>
<div class="timeDate_element">نشر في: 13 مايو ,2024: 06:00 ص GST آخر تحديث: 13 مايو ,2024: 09:12 ص GST</div></div>
<figure class="article-image"><img src="/i.jpg" alt=""><figcaption class="caption">{caption}</figcaption></figure>
<div class="body-contents">
{paras}
</div>
<div class="app-promo"><p>{app}</p></div>
<section class="more-news"><h2>المزيد من اقتصاد</h2>{more}</section></div></main>
<footer class="main-footer">{flinks}<p>حقوق النشر © 2024 العربية</p></footer></body></html>'''.format(
        title=e(art.title), atitle=a(art.title), name=e(name), caption=e(caption),
        ld=F.json_ld('NewsArticle', art.title, publisher='العربية'), menu=F.menu(r, 10),
        paras=body_items(art, inserts={mid(art): inline}), app=F.APP_PROMO, more=F.ul_links(r, F.headlines(r, 4)),
        flinks=F.ul_links(r, F.FOOTER_LINKS[:6]))
    return page, [t for _, t in art.items]


def t_drupal_daily(art, r, caption):
    """A Drupal daily (pan-Arab paper): node body in field-items, an author panel with photo and bio, related
    teasers WITH excerpts (prose that is not the article), a most-read block, print/email links."""
    name = r.choice(F.NAMES)
    teasers = ''.join('<div class="views-row"><div class="views-field-title"><a href="%s">%s</a></div>'
                      '<div class="views-field-body"><p>%s</p></div></div>'
                      % (F.slug(r), e(h), e('تفاصيل جديدة حول ' + h + '، بحسب ما أفادت به مصادر مطلعة اليوم.'))
                      for h in F.headlines(r, 3))
    page = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | الشرق اليوم</title><meta property="og:title" content="{atitle}"><meta property="og:site_name" content="الشرق اليوم">
</head><body class="node-type-article"><div id="page-wrapper"><div id="header"><div class="logo"><a href="/">الشرق اليوم</a></div><div id="main-menu">{menu}</div></div>
<div id="main"><div class="region-content"><div class="node node-article">
<div class="node-header"><div class="field-name-field-section"><a href="#">العالم العربي</a></div>
<h1 class="node-title">{title}</h1><div class="field-name-field-subtitle"><p>{lead}</p></div>
<div class="node-info"><span class="field-name-field-city">{city}:</span> <span class="field-name-field-author">{name}</span> <span class="field-name-post-date">الاثنين - 5 ذو القعدة 1445 هـ - 13 مايو 2024 مـ</span></div></div>
<div class="field-name-field-image"><img src="/i.jpg" alt=""><div class="field-name-field-image-caption">{caption}</div></div>
<div class="field field-name-body"><div class="field-items"><div class="field-item even">{paras}</div></div></div>
<div class="node-links"><a href="#">طباعة</a> <a href="#">إرسال إلى صديق</a> <a href="#">تكبير الخط</a></div>
<div class="author-panel"><img src="/a.jpg" alt=""><h3>{name}</h3><p>{bio}</p><a href="#">مقالات الكاتب</a></div></div>
<div class="block-views-related"><h2 class="block-title">مقالات ذات صلة</h2><div class="view-content">{teasers}</div></div>
<div class="block-most-read"><h2 class="block-title">الأكثر قراءة</h2>{most}</div>
</div></div><div id="footer">{flinks}<p>© جميع الحقوق محفوظة لجريدة الشرق اليوم</p></div></div></body></html>""".format(
        title=e(art.title), atitle=a(art.title), lead=e(art.lead or ''), city=e(r.choice(F.CITIES)), name=e(name),
        caption=e(caption), menu=F.menu(r, 10), paras=body_items(art), bio=F.AUTHOR_BIO, teasers=teasers,
        most=F.ul_links(r, F.headlines(r, 5)), flinks=F.ul_links(r, F.FOOTER_LINKS[:6]))
    return page, ([art.lead] if art.lead else []) + [t for _, t in art.items]


def t_elementor(art, r, caption):
    """A WordPress site built with a page builder: every block wrapped in four levels of section/column/widget divs,
    the post content one widget among share, author, navigation and related-posts widgets."""
    w = lambda kind, inner: ('<div class="elementor-element elementor-widget elementor-widget-%s"><div '
                             'class="elementor-widget-container">%s</div></div>' % (kind, inner))
    col = lambda inner: ('<section class="elementor-section"><div class="elementor-container"><div class="elementor-column">'
                         '<div class="elementor-widget-wrap">%s</div></div></div></section>' % inner)
    h = F.headlines(r, 5)
    name = r.choice(F.NAMES)
    content = w('theme-post-content', body_items(art, inserts={1: '<figure class="wp-block-image"><img src="/x.jpg" '
                                                                 'alt=""><figcaption>%s</figcaption></figure>' % e(caption)}))
    page = """<!DOCTYPE html><html dir="rtl" lang="ar"><head><meta charset="UTF-8"><title>{title} &#8211; القدس اليوم</title>
<meta property="og:title" content="{atitle}"><meta property="og:site_name" content="القدس اليوم">{css}</head>
<body class="single elementor-default"><div data-elementor-type="header" class="elementor elementor-location-header">{header}</div>
<div data-elementor-type="single-post" class="elementor elementor-location-single">
{c1}{c2}{c3}{c4}{c5}{c6}
</div><div data-elementor-type="footer" class="elementor elementor-location-footer">{footer}</div></body></html>""".format(
        title=e(art.title), atitle=a(art.title), css=F.bloat_style(r, 8, 'e'),
        header=col(w('theme-site-logo', '<a href="/">القدس اليوم</a>') + w('nav-menu', F.menu(r, 10))),
        c1=col(w('post-info', '<ul><li><a href="#">أخبار فلسطين</a></li><li>%s</li><li>13 مايو 2024</li></ul>'
                 % e(name))),
        c2=col(w('theme-post-title', '<h1 class="elementor-heading-title">%s</h1>' % e(art.title))),
        c3=col(content),
        c4=col(w('share-buttons', '<div class="elementor-grid"><a href="#">فيسبوك</a><a href="#">تويتر</a><a href="#">واتساب</a></div>')),
        c5=col(w('post-navigation', '<div class="elementor-post-navigation"><div class="elementor-post-navigation__prev"><a href="#"><span class="post-navigation__prev--label">السابق</span><span class="post-navigation__prev--title">%s</span></a></div><div class="elementor-post-navigation__next"><a href="#"><span>التالي</span><span>%s</span></a></div></div>' % (e(h[0]), e(h[1])))),
        c6=col(w('heading', '<h2 class="elementor-heading-title">أخبار ذات صلة</h2>') + w('posts', ''.join(
            '<article class="elementor-post"><div class="elementor-post__text"><h3 class="elementor-post__title"><a href="%s">%s</a></h3><div class="elementor-post__excerpt"><p>%s</p></div></div></article>'
            % (F.slug(r), e(x), e('قالت مصادر إن ' + x + ' في خطوة لافتة.')) for x in h[2:5]))),
        footer=col(w('text-editor', '<p>جميع الحقوق محفوظة © القدس اليوم 2024</p>') + w('nav-menu', F.ul_links(r, F.FOOTER_LINKS[:5]))))
    expected = [t for _, t in art.items]
    pass  # picture captions are not article text
    return page, expected


def t_rt(art, r):
    """A state broadcaster's site: short paragraphs, an in-text «اقرأ المزيد» link card, «المصدر: وكالات» at the end,
    follow prompts for Telegram, a tag list, a live TV promo."""
    h = F.headlines(r, 5)
    card = ('<div class="read-more"><div class="read-more__title">اقرأ المزيد</div><a class="read-more__link" href="%s">'
            '<img src="/r.jpg" alt=""><span>%s</span></a></div>' % (F.slug(r), e(h[0])))
    page = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} - RT Arabic</title>
<meta property="og:title" content="{atitle}"><meta property="og:site_name" content="RT Arabic"></head><body>
<header class="layout__header"><a class="logo" href="/">RT</a>{menu}<a class="live-link" href="#">البث المباشر</a></header>
<div class="layout__content"><div class="article"><div class="article__heading"><h1 class="article__heading-title">{title}</h1></div>
<div class="article__date-autor-shortcode"><div class="date">13.05.2024 | 06:00 GMT</div></div>
<div class="article__text text">{paras}<p><strong>المصدر: وكالات</strong></p></div>
<div class="article__tags"><span>تابعوا RT على</span> <a href="#">تلغرام</a> <a href="#">فيسبوك</a></div>
<div class="tags-trends"><a href="#">سوريا</a> <a href="#">الأمم المتحدة</a> <a href="#">حلب</a></div></div>
<div class="news-feed"><h3>الأخبار العاجلة</h3>{feed}</div></div>
<footer class="layout__footer">{flinks}<p>© 2005–2024 ANO «TV-Novosti»</p></footer></body></html>""".format(
        title=e(art.title), atitle=a(art.title), menu=F.menu(r, 10), paras=body_items(art, inserts={mid(art): card}),
        feed=F.ul_links(r, h[1:5]), flinks=F.ul_links(r, F.FOOTER_LINKS[:4]))
    return page, [t for _, t in art.items]


def t_spans(art, r, caption):
    """A CMS that wraps each sentence in spans and links names inside paragraphs: paragraphs made only of spans and
    links, a gallery of captioned figures, and an ad slot between paragraphs with a label."""
    def para(t):
        words = t.split(' ')
        k = max(2, len(words) // 3)
        return '<p><span>%s</span> <a href="/tag/x">%s</a> <span>%s</span></p>' % (
            e(' '.join(words[:k])), e(' '.join(words[k:k + 2])), e(' '.join(words[k + 2:])))
    items = []
    for i, (k, t) in enumerate(art.items):
        if i == mid(art):
            items.append('<div class="ad-container"><div class="ad-label">إعلان</div><div class="ad-slot"></div></div>')
        items.append(para(t) if k == 'p' else '<h2>%s</h2>' % e(t))
    gallery = ''.join('<figure class="gallery-item"><img src="/g%d.jpg" alt=""><figcaption>%s</figcaption></figure>'
                      % (i, e(c)) for i, c in enumerate([caption]))
    page = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | النهار الجديد</title>
<meta name="twitter:title" content="{atitle}"></head><body><div class="site"><div class="topbar">{menu}</div>
<div class="story"><div class="story-kicker"><a href="#">تقارير</a></div><h1>{title}</h1>
<div class="story-meta"><span>النهار الجديد</span> <span>منذ 3 ساعات</span></div>
<div class="story-gallery">{gallery}</div>
<div class="story-text">{items}</div>
<div class="story-share"><span>شارك</span><a href="#">فيسبوك</a><a href="#">واتساب</a></div></div>
<div class="more"><h3>اخترنا لك</h3>{more}</div><div class="footer">© النهار الجديد 2024 — جميع الحقوق محفوظة</div></div></body></html>""".format(
        title=e(art.title), atitle=a(art.title), menu=F.menu(r, 9), gallery=gallery, items='\n'.join(items),
        more=F.ul_links(r, F.headlines(r, 4)))
    return page, [t for _, t in art.items]


# ---------------------------------------------------------------------------------------------------------------
# The pages.
# ---------------------------------------------------------------------------------------------------------------

def pages():
    A = {
        'gaza': own_article('src/gaza-aid.clean.txt', 'الأمم المتحدة: دخول 130 شاحنة مساعدات إلى غزة عبر رفح'),
        'oil': own_article('src/oil-prices.clean.txt', 'النفط يرتفع بعد تمديد أوبك+ خفض الإنتاج'),
        'syria': own_article('src/syria-elections.clean.txt',
                             'اللجنة القضائية العليا تعلن النتائج الأولية لانتخابات مجلس الشعب في سوريا'),
        'tech': own_article('src/tech-ai.clean.txt', 'شركة سعودية تطلق نموذجاً لغوياً عربياً جديداً'),
        'taif': taif_article(), 'water': water_article(),
        'gaza_lead': own_article('src/gaza-aid.clean.txt', 'الأمم المتحدة: دخول 130 شاحنة مساعدات إلى غزة عبر رفح',
                                 lead='قافلة جديدة تضم أدوية ومواد غذائية ووقودا للمستشفيات'),
    }
    state = 'https://www.state.gov/translations/arabic/'
    P = {
        'heritage': pd('pd-heritage-month', state + '(National Arab American Heritage Month statement, 1 April 2023)'),
        'abbas': pd('pd-abbas-call', state + '(Secretary Blinken\'s call with President Abbas, 12 May 2021)'),
        'jerusalem': pd('pd-jerusalem', state + '(Violence in Jerusalem, 15 April 2022)'),
        'shoukry': pd('pd-shoukry-call', 'https://eg.usembassy.gov/ar/secretary-blinkens-call-with-egyptian-foreign-minister-shoukry-2/'),
        'yemen09': pd('pd-yemen-2021-09', state + '(US humanitarian assistance for Yemen, 22 September 2021)'),
        'cranes': pd('pd-yemen-cranes', 'https://ye.usembassy.gov/ar/u-s-funded-cranes-offloading-goods-in-yemen-ar/'),
        'yemen03': pd('pd-yemen-2021-03', state + '(US humanitarian assistance for Yemen, 1 March 2021)'),
        'sudan': pd('pd-sudan-2020', 'https://translations.state.gov/2020/10/25/ (Sudan humanitarian assistance)'),
        'sahel': pd('pd-sahel', state + '(Sahel humanitarian assistance, 19 March 2021)'),
        'factsheet': pd('pd-yemen-factsheet', 'https://ye.usembassy.gov/ar/fact-sheet-additional-u-s-assistance-yemen-ar/'),
        'tehran': pd('pd-tehran-embassy', 'US Department of State press statement, 4 November 2023 (Arabic translation)'),
        'schenker': pd('pd-schenker-briefing', 'https://translations.state.gov/2020/01/13/ (special briefing)'),
        'yemen22': pd('pd-yemen-2022', 'US Department of State statement, 16 March 2022 (Arabic translation)'),
    }
    B = {
        'tunisia': bbc('bbc-tunisia-floods', 'BB-middleEast-1033-20180924'),
        'iraq': bbc('bbc-iraq-disappearances', 'BB-middleEast-1021-20180927'),
        'fahd': bbc('bbc-ismail-fahd', 'BB-middleEast-1023-20180926'),
        'sudanpeace': bbc('bbc-south-sudan-peace', 'BB-middleEast-1003-20180913'),
        'tripoli': bbc('bbc-tripoli-airport', 'BB-middleEast-1000-20180912'),
        'yemenun': bbc('bbc-yemen-un', 'BB-middleEast-1007-20181001'),
    }
    r = random.Random
    return [
        ('bbc-tunisia-floods', 'simorgh-style service page', B['tunisia'],
         lambda x: t_bbc(x, r(1), 'فرق الإنقاذ تجلي السكان من المناطق التي غمرتها السيول في ولاية نابل')),
        ('bbc-iraq-disappearances', 'simorgh-style service page, realistic size', B['iraq'],
         lambda x: t_bbc(x, r(2), 'عائلات المختفين تطالب بالكشف عن مصير ذويها', big=True)),
        ('cnn-abbas-call', 'legacy CNN-style story (logo h1)', P['abbas'],
         lambda x: t_cnn(x, r(3), 'وزير الخارجية الأمريكي خلال مؤتمر صحفي في واشنطن')),
        ('cnn-ismail-fahd', 'legacy CNN-style story (logo h1)', B['fahd'],
         lambda x: t_cnn(x, r(4), 'الروائي الكويتي إسماعيل فهد إسماعيل في صورة من الأرشيف')),
        ('youm7-gaza-aid', 'Egyptian daily story page', A['gaza'],
         lambda x: t_youm7(x, r(5), 'شاحنات المساعدات عند معبر رفح')),
        ('youm7-yemen-aid', 'Egyptian daily story page, unlabelled comment policy', P['yemen09'],
         lambda x: t_youm7(x, r(6), 'توزيع مساعدات غذائية في مدينة الحديدة', policy_class='box-note')),
        ('features-syria-elections', 'features site with JSON-LD articleBody and standfirst', A['syria'],
         lambda x: t_aljazeera(x, r(7), 'ناخبون أمام أحد مراكز الاقتراع في دمشق (الجزيرة)',
                               lead='نسبة المشاركة بلغت 38% وسط مقاطعة في مناطق خارج سيطرة الحكومة')),
        ('features-south-sudan', 'features site, no articleBody', B['sudanpeace'],
         lambda x: t_aljazeera(x, r(8), 'توقيع اتفاق السلام في العاصمة الإثيوبية أديس أبابا', with_body=False)),
        ('features-yemen-2022', 'features site with JSON-LD articleBody', P['yemen22'],
         lambda x: t_aljazeera(x, r(9), 'أطفال ينتظرون الحصول على وجبات في مخيم للنازحين')),
        ('spa-oil-prices', 'single-page-app channel site', A['oil'],
         lambda x: t_skynews(x, r(10), 'منصة نفطية في مياه الخليج')),
        ('spa-sudan-aid', 'single-page-app channel site', P['sudan'],
         lambda x: t_skynews(x, r(11), 'نازحون سودانيون في مخيم قرب الحدود')),
        ('wp-news-theme-tech-ai', 'WordPress news theme (single post)', A['tech'],
         lambda x: t_wp_jannah(x, r(12), 'جانب من إطلاق النموذج اللغوي الجديد في الرياض')),
        ('wp-news-theme-cranes', 'WordPress news theme (single post)', P['cranes'],
         lambda x: t_wp_jannah(x, r(13), 'رافعات جديدة في ميناء الحديدة')),
        ('wp-magazine-karabakh', 'WordPress magazine theme, realistic size', A['taif'],
         lambda x: t_wp_newspaper(x, r(14), 'وزير الدفاع التركي خلال اجتماع سابق', big=True)),
        ('wp-magazine-tehran', 'WordPress magazine theme', P['tehran'],
         lambda x: t_wp_newspaper(x, r(15), 'مبنى السفارة الأمريكية السابقة في طهران')),
        ('gov-heritage-month', 'government site (USWDS)', P['heritage'],
         lambda x: t_state(x, r(16), 'بيان لوزير الخارجية أنتوني ج. بلينكن', '1 نيسان/أبريل 2023', 'بيان')),
        ('gov-jerusalem', 'government site (USWDS)', P['jerusalem'],
         lambda x: t_state(x, r(17), 'مكتب المتحدّث الرسمي', '15 نيسان/أبريل 2022', 'بيان صحفي')),
        ('gov-schenker', 'government site (USWDS)', P['schenker'],
         lambda x: t_state(x, r(18), 'مساعد وزير الخارجية لمكتب شؤون الشرق الأدنى', '13 كانون الثاني/يناير 2020',
                           'إحاطة خاصة')),
        ('drupal-sahel', 'Drupal news site', P['sahel'],
         lambda x: t_un(x, r(19), 'نساء يجلبن المياه في قرية بالنيجر', '© WFP/Mariama Ali')),
        ('drupal-yemen-factsheet', 'Drupal news site', P['factsheet'],
         lambda x: t_un(x, r(20), 'طفل يتلقى العلاج من سوء التغذية في صنعاء', 'صورة: اليونيسف')),
        ('maghreb-tripoli-airport', 'Maghreb news site with visitors\' comments', B['tripoli'],
         lambda x: t_hespress(x, r(21), 'مطار معيتيقة الدولي في طرابلس')),
        ('wp-outlet-water-investigation', 'WordPress outlet with articleBody, realistic size', A['water'],
         lambda x: t_enab(x, r(22), 'قناة ري جافة في ريف دير الزور الشرقي', big=True)),
        ('wp-outlet-shoukry', 'WordPress outlet with articleBody', P['shoukry'],
         lambda x: t_enab(x, r(23), 'وزير الخارجية المصري خلال مؤتمر صحفي في القاهرة')),
        ('amp-yemen-aid', 'AMP page', P['yemen03'],
         lambda x: t_amp(x, r(24), 'مستودع لتخزين المساعدات الإنسانية في عدن')),
        ('table-yemen-un', 'old table layout, headline only in <font> and <title> prefix', B['yemenun'],
         lambda x: t_table(x, r(25), 'المؤتمر اليوم')),
        ('next-karabakh', 'React/Next.js page with CSS-in-JS, realistic size', A['taif'],
         lambda x: t_next(x, r(26), 'الرئيسان التركي والروسي في لقاء سابق', big=True)),
        ('next-abbas', 'React/Next.js page with CSS-in-JS', P['abbas'],
         lambda x: t_next(x, r(27), 'الرئيس الفلسطيني محمود عباس في رام الله')),
        ('blogger-syria-elections', 'Blogger post', A['syria'], lambda x: t_blogger(x, r(28))),
        ('portal-tech-ai', 'Egyptian portal with ad label and embedded video', A['tech'],
         lambda x: t_masrawy(x, r(29), 'مقر الشركة الناشئة في الرياض')),
        ('channel-oil-prices', 'pan-Arab channel site', A['oil'],
         lambda x: t_alarabiya(x, r(30), 'ناقلة نفط في ميناء رأس تنورة')),
        ('daily-drupal-gaza-aid', 'Drupal daily with author panel and related excerpts', A['gaza_lead'],
         lambda x: t_drupal_daily(x, r(31), 'فلسطينيون ينتظرون توزيع المساعدات في رفح')),
        ('pagebuilder-jerusalem', 'WordPress page builder (Elementor-style nesting)', P['jerusalem'],
         lambda x: t_elementor(x, r(32), 'باحات المسجد الأقصى في القدس')),
        ('broadcaster-south-sudan', 'state broadcaster site, in-text read-more card', B['sudanpeace'],
         lambda x: t_rt(x, r(33))),
        ('spans-tunisia-floods', 'sentence spans and linked names, gallery, ad label', B['tunisia'],
         lambda x: t_spans(x, r(34), 'سيول تغمر شوارع مدينة نابل')),
    ]


def main():
    manifest = []
    for name, template, art, build in pages():
        page, expected = build(art)
        with open(os.path.join(OUT, name + '.html'), 'w', encoding='utf-8') as f:
            f.write(page)
        with open(os.path.join(OUT, name + '.expected.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join([art.title] + expected) + '\n')
        manifest.append({'name': name, 'kind': 'templated', 'template': template, 'text': art.source,
                         'licence': art.licence, 'bytes': len(page.encode('utf-8'))})
        print('%-34s %8d bytes  %s' % (name, len(page.encode('utf-8')), template))
    with open(os.path.join(OUT, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'about': 'Arabic news pages with hand-checked article text (<name>.expected.txt: headline, '
                            'then one paragraph per line). kind: real (a page as published) or templated (a real '
                            'article text inside a page structure modelled on published news sites; built by '
                            'src/make-pages.py).',
                   'pages': manifest}, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
