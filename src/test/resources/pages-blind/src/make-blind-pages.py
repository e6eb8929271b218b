#!/usr/bin/env python3
"""Builds the BLIND page set of src/test/resources/pages-blind/ (issue 23): pages never used for tuning.

The set is scored, never tuned on: a change to the extraction rules reports its score on these pages (bench/extraction.sh
writes bench/results/extraction-blind.json) and may not edit this folder. The first scores, taken at the commit that
added the set and before any change to the rules, are in bench/results/extraction-blind.json.

Article texts: FLORES-200 devtest, Arabic (arb_Arab), NLLB Team et al. 2022, licence CC BY-SA 4.0; consecutive
sentences of the devtest come from one Wikinews/Wikibooks/Wikivoyage article. texts/<name>.txt records the devtest
lines each page uses; the headlines are written for this set. The page structures are new (none of the templates of
src/test/resources/pages): a MediaWiki news wiki, a Ghost blog, a site with hashed CSS-module class names, a Joomla
site, a printer-friendly page, an infinite-scroll page with the next story loaded under the first, an ASP.NET WebForms
page, a metered paywall page, a long-form magazine with a drop cap and notes, a news aggregator, a Hugo static site,
a sports page with a scoreboard and a breaking-news page with a ticker and a timeline. Menus, teasers and other
furniture are written for these pages; nothing is copied from a site or from an extraction library.

Writes <name>.html and <name>.expected.txt (line 1 the headline, then the article's paragraphs, one per line) and
manifest.json. Run from this folder: python3 make-blind-pages.py
"""
import html
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
e = html.escape
LICENCE = ('CC BY-SA 4.0: Arabic text from the FLORES-200 devtest (NLLB Team et al., 2022), '
           '/work/shared/eval/flores200-devtest; headline and page furniture written for this set')


def load(name):
    lines = [l.rstrip('\n') for l in open(os.path.join(HERE, 'texts', name + '.txt'), encoding='utf-8') if l.strip()]
    return lines[0][2:], lines[1], lines[2:]


TEASERS = ['افتتاح أكبر محطة للطاقة الشمسية في المنطقة بحضور وزراء الطاقة',
           'ارتفاع أسعار القمح عالميا بعد موجة جفاف في دول منتجة',
           'فريق طبي ينجح في إجراء جراحة نادرة لطفل حديث الولادة',
           'إطلاق تطبيق حكومي جديد لتسهيل تجديد الوثائق الرسمية',
           'مهرجان للسينما المستقلة يعلن قائمة أفلامه المشاركة هذا العام',
           'باحثون يطورون بطارية تشحن بالكامل في أقل من عشر دقائق',
           'انخفاض معدلات البطالة للمرة الأولى منذ ثلاث سنوات',
           'عودة الرحلات الجوية المباشرة بين العاصمتين بعد انقطاع طويل']
NAV = ['الرئيسية', 'العالم', 'اقتصاد', 'علوم', 'صحة', 'رياضة', 'ثقافة', 'منوعات']


def page(title, head_extra, body):
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{e(title)}</title>'
            f'{head_extra}</head>\n<body>\n{body}\n</body></html>\n')


def teasers(start, n, fmt):
    return ''.join(fmt.format(i=i, t=e(TEASERS[(start + i) % len(TEASERS)])) for i in range(n))


def mediawiki(h, ps):
    paras = ''.join(f'<p>{e(p)}</p>\n' for p in ps)
    body = f'''<div id="mw-page-base"></div><div id="mw-head"><div id="p-personal"><ul><li><a href="/login">دخول</a></li><li><a href="/create">إنشاء حساب</a></li></ul></div>
<div id="p-views"><ul><li class="selected"><a href="#">اقرأ</a></li><li><a href="?action=edit">عدّل</a></li><li><a href="?action=history">تاريخ</a></li></ul></div></div>
<div id="content" class="mw-body" role="main"><h1 id="firstHeading" class="firstHeading">{e(h)}</h1>
<div id="bodyContent"><div id="siteSub">من ويكي الأخبار، مصدر الأخبار الحرة</div><div id="jump-to-nav"><a href="#mw-navigation">اذهب إلى التنقل</a>، <a href="#searchInput">ابحث</a></div>
<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<table class="infobox" style="float:left"><tr><th>شارك هذا الخبر</th></tr><tr><td><a href="#">فيسبوك</a> · <a href="#">تويتر</a> · <a href="#">البريد</a></td></tr></table>
<p><strong class="published">الخميس 7 ديسمبر 2006</strong></p>
{paras}<h2><span class="mw-headline" id="sources">المصادر</span></h2>
<ul class="sources"><li><span class="sourceTemplate"><a class="external text" href="#">«تقرير مجموعة دراسة العراق»</a> — <i>وكالة أنباء</i>، 6 ديسمبر 2006</span></li>
<li><span class="sourceTemplate"><a class="external text" href="#">«نص التوصيات الكاملة»</a> — <i>صحيفة يومية</i>، 6 ديسمبر 2006</span></li></ul>
<h2><span class="mw-headline" id="related">أخبار ذات علاقة</span></h2><ul>{teasers(0, 3, '<li><a href="/wiki/{i}">{t}</a></li>')}</ul>
</div></div>
<div id="catlinks" class="catlinks"><div id="mw-normal-catlinks"><a href="/wiki/cats">تصنيفات</a>: <ul><li><a href="#">العراق</a></li><li><a href="#">الولايات المتحدة</a></li><li><a href="#">سياسة</a></li></ul></div></div>
</div></div>
<div id="mw-navigation"><div id="p-navigation" class="portal"><h3>تصفح</h3><ul>{''.join(f'<li><a href="#">{e(n)}</a></li>' for n in NAV)}</ul></div>
<div id="p-search"><form><input id="searchInput" placeholder="ابحث في ويكي الأخبار"></form></div></div>
<div id="footer"><ul id="footer-info"><li>عُدّلت هذه الصفحة آخر مرة في 8 ديسمبر 2006.</li><li>النصوص متاحة وفق رخصة المشاع الإبداعي نسب المصنف، وقد تنطبق شروط إضافية.</li></ul>
<ul id="footer-places"><li><a href="#">سياسة الخصوصية</a></li><li><a href="#">حول ويكي الأخبار</a></li><li><a href="#">إخلاء مسؤولية</a></li></ul></div>'''
    return page(f'{h} - ويكي الأخبار', '', body)


def ghost(h, ps):
    paras = [f'<p>{e(p)}</p>' for p in ps]
    paras.insert(1, '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/bell.jpg" class="kg-image" alt="">'
                    '<figcaption>جرس باب ذكي مثبت عند مدخل منزل (صورة توضيحية)</figcaption></figure>')
    body = f'''<div class="site-wrapper"><header id="gh-head" class="gh-head"><div class="gh-head-inner"><a class="gh-head-logo" href="/">مدونة التقنية</a>
<nav class="gh-head-menu"><ul class="nav">{''.join(f'<li class="nav-{i}"><a href="#">{e(n)}</a></li>' for i, n in enumerate(NAV[:5]))}</ul></nav>
<div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup">اشترك</a></div></div></header>
<main id="site-main" class="site-main"><article class="article post tag-startups">
<header class="article-header gh-canvas"><section class="article-tag"><a href="/tag/startups/">شركات ناشئة</a></section>
<h1 class="article-title">{e(h)}</h1><p class="article-excerpt">قصة جهاز صغير عند الباب صار شركة كبيرة.</p>
<div class="article-byline"><div class="article-byline-meta"><h4 class="author-name"><a href="/author/nour/">نور الهدى</a></h4>
<div class="byline-meta-content"><time datetime="2018-02-27">27 فبراير 2018</time><span class="byline-reading-time"><span class="bull">•</span> 3 دقائق للقراءة</span></div></div></div></header>
<section class="gh-content gh-canvas">
{chr(10).join(paras)}
<div class="kg-card kg-callout-card kg-callout-card-blue"><div class="kg-callout-emoji">💡</div><div class="kg-callout-text">هل أعجبك المقال؟ اشترك مجانا ليصلك كل جديد على بريدك.</div></div>
</section>
<section class="article-comments gh-canvas"><div id="ghost-comments-root">سجّل الدخول لتشارك في النقاش.</div></section>
</article>
<aside class="read-more-wrap"><div class="read-more inner"><h3>اقرأ المزيد</h3>{teasers(2, 3, '<article class="post-card"><a class="post-card-image-link" href="/p{i}/"><img src="/i{i}.jpg" alt=""></a><div class="post-card-content"><h2 class="post-card-title">{t}</h2><div class="post-card-excerpt">تفاصيل القصة وآراء الخبراء في هذا الملف.</div></div></article>')}</div></aside>
</main>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/">مدونة التقنية</a> © 2018</section><nav class="site-footer-nav"><a href="#">الخصوصية</a><a href="#">اتصل بنا</a></nav><div class="gh-powered-by">يعمل بمنصة غوست</div></div></footer></div>'''
    return page(f'{h}', '<meta property="og:site_name" content="مدونة التقنية">', body)


def hashed(h, ps):
    paras = ''.join(f'<div class="Paragraph_root__q8Xk2"><span class="Text_text__7Hh1a">{e(p)}</span></div>\n' for p in ps)
    cards = teasers(4, 4, '<a class="Card_card__Zb9xQ" href="/s/{i}"><div class="Card_img__k1"><img src="/c{i}.webp" alt=""></div><div class="Card_title__Lp0aa">{t}</div></a>')
    body = f'''<div id="__nuxt"><div class="Layout_root__2dKf9"><div class="Header_bar__W9s0e"><a class="Header_logo__1Aa2" href="/">فضاء</a>
<div class="Header_links__Q7f">{''.join(f'<a class="Header_link__x1" href="#">{e(n)}</a>' for n in NAV)}</div><button class="Header_menu__b2">القائمة</button></div>
<div class="Layout_main__c0H1s"><div class="Story_wrap__Jk20x"><div class="Story_crumbs__8aa"><a href="/">الرئيسية</a> › <a href="/space">علوم الفضاء</a></div>
<h1 class="Story_title__p5Yv1">{e(h)}</h1><div class="Story_meta__g7Tz"><span class="Meta_author__H3">محرر العلوم</span><span class="Meta_time__Lq">11 فبراير 2009، 09:14</span></div>
<div class="Story_hero__3mNn"><img src="/hero.webp" alt=""><div class="Story_credit__Aa1">الصورة: أرشيف</div></div>
<div class="Story_body__9fHqL">
{paras}<div class="Ad_slot__e2R">إعلان</div></div>
<div class="Story_tags__Vx2"><span class="Tag_tag__1">أقمار صناعية</span><span class="Tag_tag__1">الفضاء</span><span class="Tag_tag__1">حطام</span></div>
<div class="Share_row__Tt4"><button class="Share_btn__k">مشاركة</button><button class="Share_btn__k">نسخ الرابط</button></div></div>
<div class="Rail_rail__Mm3"><div class="Rail_head__U1">الأكثر مشاهدة</div>{cards}</div></div>
<div class="Footer_root__4Rr"><div class="Footer_cols__p">{''.join(f'<a href="#">{e(n)}</a>' for n in NAV)}</div><div class="Footer_copy__y">© 2009 فضاء. كل الحقوق محفوظة.</div></div></div></div>
<script>window.__NUXT__={{"state":{{"story":{{"id":88231,"slug":"sat-collision"}}}}}}</script>'''
    return page(f'{h} | فضاء', '', body)


def joomla(h, ps):
    paras = ''.join(f'<p style="text-align: justify;">{e(p)}</p>\n' for p in ps)
    body = f'''<div class="body"><div class="container"><header class="header" role="banner"><div class="header-inner clearfix"><a class="brand pull-right" href="/"><span class="site-title">صحة اليوم</span></a>
<div class="header-search pull-left"><div class="search"><form><input name="searchword" class="inputbox search-query" placeholder="بحث ..."></form></div></div></div></header>
<nav class="navigation" role="navigation"><ul class="nav menu nav-pills mod-list">{''.join(f'<li class="item-{101 + i}"><a href="#">{e(n)}</a></li>' for i, n in enumerate(NAV))}</ul></nav>
<div class="moduletable"><ul class="breadcrumb"><li><a href="/" class="pathway">الرئيسية</a><span class="divider">/</span></li><li><a href="/health" class="pathway">صحة</a><span class="divider">/</span></li><li class="active"><span>{e(h)}</span></li></ul></div>
<div class="row-fluid"><main id="content" role="main" class="span9"><div id="system-message-container"></div>
<div class="item-page" itemscope itemtype="https://schema.org/Article"><meta itemprop="inLanguage" content="ar-AA">
<div class="page-header"><h2 itemprop="headline">{e(h)}</h2></div>
<div class="icons"><div class="btn-group pull-left"><a class="btn dropdown-toggle" href="#">أدوات</a><ul class="dropdown-menu"><li class="print-icon"><a href="#">طباعة</a></li><li class="email-icon"><a href="#">البريد الإلكتروني</a></li></ul></div></div>
<dl class="article-info muted"><dt class="article-info-term">التفاصيل</dt><dd class="createdby" itemprop="author">كتب بواسطة: <span itemprop="name">هيئة التحرير</span></dd>
<dd class="category-name">التصنيف: <a href="/health" itemprop="genre">صحة</a></dd><dd class="published"><time datetime="2006-09-01" itemprop="datePublished">نشر بتاريخ: 01 أيلول/سبتمبر 2006</time></dd>
<dd class="hits"><meta itemprop="interactionCount" content="UserPageVisits:2814">الزيارات: 2814</dd></dl>
<div itemprop="articleBody">
{paras}</div>
<ul class="pager pagenav"><li class="previous"><a href="#" rel="prev">&lt; السابق</a></li><li class="next"><a href="#" rel="next">التالي &gt;</a></li></ul>
</div></main>
<div id="aside" class="span3"><div class="well "><h3 class="page-header">مواضيع ذات صلة</h3><ul class="relateditems mod-list">{teasers(1, 4, '<li><a href="/r{i}">{t}</a></li>')}</ul></div>
<div class="well "><h3 class="page-header">استطلاع رأي</h3><p>هل تلقيت اللقاح الموسمي هذا العام؟</p><label><input type="radio"> نعم</label><label><input type="radio"> لا</label><button>تصويت</button></div></div></div>
</div></div><footer class="footer" role="contentinfo"><div class="container"><p class="pull-left"><a href="#top" id="back-top">العودة للأعلى</a></p><p>© 2006 صحة اليوم</p></div></footer>'''
    return page(f'{h} - صحة اليوم', '<meta name="generator" content="Joomla! - Open Source Content Management">', body)


def printview(h, ps):
    paras = '<br><br>\n'.join(e(p) for p in ps)
    body = f'''<table width="650" border="0" cellpadding="4" align="center"><tr><td><img src="/print-logo.gif" alt="الجريدة"></td><td align="left"><a href="javascript:window.print()">اطبع هذه الصفحة</a> | <a href="javascript:window.close()">أغلق النافذة</a></td></tr>
<tr><td colspan="2"><hr></td></tr>
<tr><td colspan="2"><font size="2" color="#666666">قسم: حوادث — تاريخ النشر: 03/09/2005</font></td></tr>
<tr><td colspan="2"><font size="5"><b>{e(h)}</b></font></td></tr>
<tr><td colspan="2"><font size="3">{paras}</font></td></tr>
<tr><td colspan="2"><hr><font size="1">رابط المقال: https://www.example-daily.net/news/accidents/2005/09/03/124711.html<br>جميع الحقوق محفوظة لمؤسسة الجريدة للصحافة والنشر ©</font></td></tr></table>'''
    return page(f'نسخة للطباعة - {h}', '<meta name="robots" content="noindex">', body)


def infinite(h, ps):
    _, h2, ps2 = load('tonga-tsunami')

    def story(i, hh, pp, extra=''):
        return (f'<article class="story" data-story="{i}"><div class="story-kicker">عاجل</div><h1 class="story-headline">{e(hh)}</h1>'
                f'<div class="story-meta">المراسلون <span>منذ {3 + 2 * i} ساعات</span></div><div class="story-body">'
                + ''.join(f'<p>{e(p)}</p>' for p in pp) + f'</div>{extra}<div class="story-share"><a href="#">فيسبوك</a><a href="#">إكس</a><a href="#">واتساب</a></div></article>')
    tags = '<ul class="story-tags"><li><a href="#">سجون</a></li><li><a href="#">الولايات المتحدة</a></li></ul>'
    body = f'''<header class="masthead"><a class="masthead-logo" href="/">الخبر الآن</a><nav>{''.join(f'<a href="#">{e(n)}</a>' for n in NAV)}</nav></header>
<main class="feed" data-infinite="true">
{story(0, h, ps, tags)}
<div class="next-story-divider">الخبر التالي</div>
{story(1, h2, ps2)}
<div class="feed-loader" aria-live="polite">جار تحميل المزيد من الأخبار...</div></main>
<footer class="site-foot"><p>الخبر الآن © 2007</p><a href="#">شروط الاستخدام</a> <a href="#">الخصوصية</a></footer>'''
    return page(f'{h} - الخبر الآن', '', body)


def aspnet(h, ps):
    paras = '<br /><br />'.join(e(p) for p in ps)
    body = f'''<form method="post" action="./News.aspx?id=18842" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkWq2mPL8xYzFhNjQ3ZGQ0ZTc2NTk3YTBhOGU4ZWQzYmE5N2M1NmQ3NmQ=" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAPnZ3JvdXAxMjM0NTY3ODkwYWJjZGVm" /></div>
<table id="ctl00_tblMain" class="main" cellspacing="0"><tr><td id="ctl00_tdHeader" colspan="2"><a id="ctl00_hlLogo" href="Default.aspx">وكالة الأنباء المحلية</a>
<span id="ctl00_lblDate">الجمعة 8 أبريل 2005</span></td></tr>
<tr><td id="ctl00_tdMenu" class="menu">{''.join(f'<a id="ctl00_rptMenu_ctl0{i}_hlItem" href="Section.aspx?id={i}">{e(n)}</a><br />' for i, n in enumerate(NAV))}</td>
<td id="ctl00_tdContent"><span id="ctl00_ContentPlaceHolder1_lblSection" class="section">أخبار العالم</span><br />
<span id="ctl00_ContentPlaceHolder1_lblTitle" class="newsTitle">{e(h)}</span><br />
<span id="ctl00_ContentPlaceHolder1_lblDate" class="newsDate">08/04/2005 11:42 ص</span><br /><br />
<span id="ctl00_ContentPlaceHolder1_lblBody" class="newsBody">{paras}</span><br /><br />
<a id="ctl00_ContentPlaceHolder1_hlPrint" href="Print.aspx?id=18842">طباعة الخبر</a> | <a id="ctl00_ContentPlaceHolder1_hlSend" href="Send.aspx?id=18842">أرسل لصديق</a><br /><br />
<span class="relTitle">أخبار أخرى</span><br />{teasers(3, 4, '<a id="ctl00_ContentPlaceHolder1_rptOther_ctl0{i}_hl" href="News.aspx?id=1884{i}">{t}</a><br />')}
</td></tr><tr><td colspan="2" id="ctl00_tdFooter">جميع الحقوق محفوظة © 2005 وكالة الأنباء المحلية | تصميم وتطوير قسم تقنية المعلومات</td></tr></table></form>'''
    return page(f'وكالة الأنباء المحلية :: {h}', '', body)


def paywall(h, ps):
    paras = ''.join(f'<p class="article__p">{e(p)}</p>' for p in ps)
    body = f'''<div class="meter-banner" role="status">تبقّى لك مقالان مجانيان هذا الشهر. <a href="/subscribe">اشترك الآن</a></div>
<header class="top"><a class="top__logo" href="/">الصحيفة الطبية</a><a class="top__login" href="/login">تسجيل الدخول</a><a class="top__sub" href="/subscribe">اشترك بـ 1 دولار للشهر الأول</a></header>
<main><article class="article" data-access="metered"><p class="article__section">أوبئة</p><h1 class="article__title">{e(h)}</h1>
<p class="article__byline">بقلم مراسلة الصحة في جوهانسبرغ · 4 سبتمبر 2006</p>
<div class="article__content">{paras}</div>
<div class="paywall-offer" data-paywall="soft"><h2 class="paywall-offer__title">واصل القراءة دون حدود</h2><p>انضم إلى أكثر من مئة ألف مشترك يحصلون على تغطيتنا الكاملة للصحة والعلوم.</p>
<ul><li>وصول غير محدود إلى كل المقالات</li><li>النشرة الأسبوعية للمشتركين</li><li>أرشيف عشرين عاما</li></ul><a class="btn" href="/subscribe">ابدأ اشتراكك</a><p class="paywall-offer__small">يمكنك الإلغاء في أي وقت.</p></div>
</article>
<section class="recirc"><h2>قد يهمك أيضا</h2>{teasers(5, 3, '<div class="recirc__item"><a href="/r{i}">{t}</a><p>قراءة في الأرقام والأسباب.</p></div>')}</section></main>
<footer class="bottom"><p>© 2006 الصحيفة الطبية</p><a href="#">إدارة الاشتراك</a><a href="#">الأسئلة الشائعة</a></footer>'''
    return page(f'{h} | الصحيفة الطبية', '', body)


def magazine(h, ps):
    first = ps[0]
    out = [f'<p class="has-dropcap"><span class="dropcap">{e(first[0])}</span>{e(first[1:])}<sup><a href="#fn1" id="r1">1</a></sup></p>']
    out += [f'<p>{e(p)}</p>' for p in ps[1:]]
    out.insert(2, f'<blockquote class="pullquote"><p>«{e(ps[1].split("،")[0])}»</p></blockquote>')
    body = f'''<nav class="mag-nav"><a class="mag-nav__logo" href="/">مجلة الهواة</a><a href="/issues">الأعداد</a><a href="/subscribe">اشترك في النسخة الورقية</a></nav>
<article class="longform"><header class="longform__head"><p class="longform__issue">العدد 42 · ملف الطوابع</p><h1>{e(h)}</h1>
<p class="longform__dek">رحلة نقاش من بولندا إلى السويد.</p><p class="longform__by">نص: فريق المجلة · تصوير: الأرشيف</p></header>
<div class="longform__body">{chr(10).join(out)}
<hr class="section-break"></div>
<section class="notes"><h2>هوامش</h2><ol><li id="fn1">الأرقام بحسب سجلات البريد السويدي. <a href="#r1">↩</a></li></ol></section>
<section class="about-issue"><h3>في هذا العدد</h3><ul>{teasers(6, 3, '<li><a href="/a{i}">{t}</a></li>')}</ul></section></article>
<footer class="mag-foot">مجلة الهواة — تصدر كل شهرين. © 2000</footer>'''
    return page(f'{h} — مجلة الهواة', '', body)


def aggregator(h, ps):
    paras = ''.join(f'<p>{e(p)}</p>' for p in ps)
    others = teasers(0, 3, '<div class="cluster-item"><span class="src-name">مصدر {i}</span><a href="/n/{i}">{t}</a><p class="cluster-excerpt">تغطية أخرى للحدث نفسه مع تفاصيل إضافية من مراسلينا.</p></div>')
    body = f'''<div class="app-shell"><div class="app-top"><a class="app-logo" href="/">نبض الأخبار</a><a class="get-app" href="#">حمّل التطبيق</a></div>
<div class="topics">{''.join(f'<a class="topic" href="#">{e(n)}</a>' for n in NAV)}</div>
<div class="news-view"><div class="source-box"><img class="src-logo" src="/src/12.png" alt=""><span class="src-title">المصدر: وكالة أنباء الشرق</span><span class="src-time">قبل 12 دقيقة</span><a class="follow-src" href="#">متابعة المصدر</a></div>
<h1 class="news-title">{e(h)}</h1>
<div class="news-text">{paras}</div>
<a class="read-at-source" href="#">اقرأ الخبر من المصدر</a>
<div class="reactions"><button>👍 120</button><button>😮 45</button><button>😢 30</button></div>
<div class="cluster"><h3>تغطيات أخرى لهذا الخبر</h3>{others}</div></div>
<div class="app-foot">نبض الأخبار يجمع الأخبار من مصادرها ولا يتحمل مسؤولية محتواها.</div></div>'''
    return page(f'{h} - نبض الأخبار', '', body)


def hugo(h, ps):
    paras = ''.join(f'<p>{e(p)}</p>\n' for p in ps)
    ld = json.dumps({'@context': 'https://schema.org', '@type': 'BreadcrumbList', 'itemListElement': [
        {'@type': 'ListItem', 'position': 1, 'name': 'الرئيسية'}, {'@type': 'ListItem', 'position': 2, 'name': 'جرائم'}]},
        ensure_ascii=False)
    body = f'''<header class="site"><a href="/" class="brand">النشرة المفتوحة</a><ul class="menu">{''.join(f'<li><a href="#">{e(n)}</a></li>' for n in NAV[:6])}</ul></header>
<main><article class="post"><h1 class="post-title">{e(h)}</h1><div class="post-meta"><time>2008-06-18</time> · <span>دقيقتان للقراءة</span> · <a href="/tags/crime">جرائم</a></div>
<div class="post-content">
{paras}</div>
<nav class="paginav"><a class="prev" href="/p/1">« السابق<br><span>{e(TEASERS[1])}</span></a><a class="next" href="/p/3">التالي »<br><span>{e(TEASERS[2])}</span></a></nav></article>
<aside class="terms"><h2>في هذا الخبر</h2><ul><li><a href="#">أوهايو</a></li><li><a href="#">بيتسبرغ</a></li><li><a href="#">محاكم</a></li></ul></aside></main>
<footer class="site-footer"><span>© 2008 النشرة المفتوحة</span> · <span>صنع بـ Hugo</span> · <a href="/index.xml">RSS</a></footer>'''
    return page(f'{h} | النشرة المفتوحة', f'<script type="application/ld+json">{ld}</script>', body)


def sports(h, ps):
    paras = ''.join(f'<p>{e(p)}</p>' for p in ps)
    rows = ''.join(f'<tr><td>{i + 1}</td><td>فريق {n}</td><td>{10 - i}</td><td>{20 - 2 * i}</td></tr>' for i, n in enumerate(['الهند', 'أستراليا', 'إنجلترا', 'باكستان', 'سريلانكا']))
    body = f'''<header class="sp-header"><a class="sp-logo" href="/">ملاعب</a><nav class="sp-nav"><a href="#">كرة القدم</a><a href="#">كريكيت</a><a href="#">تنس</a><a href="#">سلة</a><a href="#">نتائج مباشرة</a></nav></header>
<div class="scoreboard"><div class="sb-team"><span class="sb-name">الهند</span><span class="sb-score">224/10</span></div><div class="sb-status">انتهت — 50 أوفر</div><div class="sb-team"><span class="sb-name">أستراليا</span><span class="sb-score">0/0</span></div><a class="sb-link" href="#">البطاقة الكاملة</a></div>
<div class="sp-wrap"><article class="sp-article"><h1>{e(h)}</h1><div class="sp-info"><span class="sp-author">القسم الرياضي</span><span class="sp-date">2007/09/28</span></div>
<div class="sp-body">{paras}</div><div class="sp-tags">الوسوم: <a href="#">الهند</a> <a href="#">كريكيت</a></div></article>
<aside class="sp-side"><h3>جدول الترتيب</h3><table class="standings"><tr><th>#</th><th>الفريق</th><th>لعب</th><th>نقاط</th></tr>{rows}</table>
<h3>آخر النتائج</h3><ul>{''.join(f'<li>مباراة {i}: فوز بفارق {i + 2} نقاط</li>' for i in range(1, 4))}</ul></aside></div>
<footer class="sp-foot">ملاعب © 2007 — جميع الحقوق محفوظة</footer>'''
    return page(f'{h} | ملاعب', '', body)


def breaking(h, ps):
    paras = ''.join(f'<p>{e(p)}</p>' for p in ps)
    body = f'''<div class="ticker" role="marquee"><span class="ticker-label">عاجل</span><ul class="ticker-items">{teasers(2, 4, '<li>{t}</li>')}</ul></div>
<header class="hdr"><a href="/" class="hdr-logo">المرصد</a><nav class="hdr-nav">{''.join(f'<a href="#">{e(n)}</a>' for n in NAV)}</nav></header>
<main class="main"><div class="breaking-story"><span class="label-urgent">خبر عاجل</span><h1 class="breaking-title">{e(h)}</h1><div class="upd">آخر تحديث: 09:40 بتوقيت غرينتش</div>
<div class="breaking-body">{paras}</div>
<div class="timeline"><h2>تسلسل الأحداث</h2><ul><li><b>07:10</b> دوي انفجار قرب مبنى حكومي وسط المدينة</li><li><b>07:35</b> سيارات الإسعاف تصل إلى المكان</li><li><b>08:20</b> إغلاق الطرق المحيطة بالمنطقة</li></ul></div>
<p class="story-developing">هذا الخبر قيد التحديث.</p></div>
<div class="latest"><h3>آخر الأخبار</h3><ul>{teasers(5, 5, '<li><a href="/l{i}">{t}</a></li>')}</ul></div></main>
<footer class="ftr">© المرصد 2016</footer>'''
    return page(f'{h} - المرصد', '', body)


PAGES = [
    ('blind-mediawiki-iraq-study-group', 'iraq-study-group', mediawiki, 'MediaWiki news wiki (Wikinews-like): infobox, sources list, related list, categories, licence footer'),
    ('blind-ghost-ring-doorbell', 'ring-doorbell', ghost, 'Ghost blog: kg image card with caption, callout card, read-more post cards, comments root'),
    ('blind-hashed-satellite-collision', 'satellite-collision', hashed, 'Nuxt site with hashed CSS-module class names: paragraphs as <div><span>, ad slot label, rail of cards'),
    ('blind-joomla-encephalitis-india', 'encephalitis-india', joomla, 'Joomla 3 item page: articleBody, article-info with hits, pagenav, related items, poll module'),
    ('blind-print-truck-accident', 'truck-accident', printview, 'printer-friendly page: table layout, <font> headline, text cut by <br><br>, article URL footer'),
    ('blind-infinite-prison-yard-fire', 'prison-yard-fire', infinite, 'infinite-scroll feed: the next story (headline and text) loaded under the first'),
    ('blind-aspnet-rome-funeral', 'rome-funeral', aspnet, 'ASP.NET WebForms page: __VIEWSTATE, ctl00_ ids, story in a <span> cut by <br /><br />, other-news links'),
    ('blind-paywall-xdr-tuberculosis', 'xdr-tuberculosis', paywall, 'metered paywall page: meter banner, soft paywall offer with a list under the text, recirculation'),
    ('blind-magazine-slania-stamps', 'slania-stamps', magazine, 'long-form magazine: drop cap span, footnote marker, pull quote, notes, in-this-issue list'),
    ('blind-aggregator-nuclear-plant-smoke', 'nuclear-plant-smoke', aggregator, 'news aggregator app page: source box, read-at-source link, reactions, cluster of other outlets with excerpts'),
    ('blind-hugo-pittsburgh-doctor', 'pittsburgh-doctor', hugo, 'Hugo static site: reading time, previous/next navigation with titles, terms aside'),
    ('blind-sports-cricket-innings', 'cricket-innings', sports, 'sports page: live scoreboard above the story, standings table and results aside'),
    ('blind-breaking-gaziantep-bomb', 'gaziantep-bomb', breaking, 'breaking-news page: ticker, urgent label, last-update line, events timeline, developing-story line'),
]


def main():
    manifest = {'about': ('BLIND pages (issue 23): never used for tuning. Scored, not tuned on: changes to the extraction '
                          'rules report their score on these pages and never edit them. Built by src/make-blind-pages.py; '
                          'first scores in bench/results/extraction-blind.json.'),
                'pages': []}
    for name, text, fn, template in PAGES:
        src, h, ps = load(text)
        doc = fn(h, ps)
        with open(os.path.join(OUT, name + '.html'), 'w', encoding='utf-8') as f:
            f.write(doc)
        with open(os.path.join(OUT, name + '.expected.txt'), 'w', encoding='utf-8') as f:
            f.write(h + '\n' + '\n'.join(ps) + '\n')
        manifest['pages'].append({'name': name, 'kind': 'blind', 'template': template,
                                  'text': src.replace('(CC BY-SA 4.0); headline written for this set', '').strip()
                                  + '; headline written for this set',
                                  'licence': LICENCE, 'bytes': len(doc.encode('utf-8'))})
    with open(os.path.join(OUT, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
