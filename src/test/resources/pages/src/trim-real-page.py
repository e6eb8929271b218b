#!/usr/bin/env python3
"""Trims a real news page whose licence does not allow keeping it whole, for evaluation only.

Removes what a reader never sees and what carries no page metadata: <script> (JSON-LD kept), <style>, <noscript>,
inline <svg>, <link> other than rel=canonical, <meta> other than charset / description / author / og: / article: /
twitter:, attributes holding data: URIs, and HTML comments. Visible text and the markup around it are kept byte for
byte.

Usage: python3 trim-real-page.py <in.html> <out.html>
"""
import re
import sys

DROP_BLOCKS = [
    re.compile(r'<!--.*?-->', re.S),
    re.compile(r'<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script\s*>', re.S | re.I),
    re.compile(r'<style\b[^>]*>.*?</style\s*>', re.S | re.I),
    re.compile(r'<noscript\b[^>]*>.*?</noscript\s*>', re.S | re.I),
    re.compile(r'<svg\b[^>]*>.*?</svg\s*>', re.S | re.I),
]
LINK = re.compile(r'<link\b[^>]*>', re.I)
META = re.compile(r'<meta\b[^>]*>', re.I)
KEEP_META = re.compile(r'''(charset=|(name|property)=["']?(description|author|og:|article:|twitter:))''', re.I)
DATA_ATTR = re.compile(r'''\s[\w:-]+=(["'])data:[^"']*\1''', re.I)


def trim(page):
    for rx in DROP_BLOCKS:
        page = rx.sub('', page)
    page = LINK.sub(lambda m: m.group(0) if re.search(r'''rel=["']?canonical''', m.group(0), re.I) else '', page)
    page = META.sub(lambda m: m.group(0) if KEEP_META.search(m.group(0)) else '', page)
    page = DATA_ATTR.sub('', page)
    page = re.sub(r'\n[ \t]*(?=\n)', '', page)  # blank lines left behind
    return page


if __name__ == '__main__':
    src = open(sys.argv[1], encoding='utf-8').read()
    out = trim(src)
    open(sys.argv[2], 'w', encoding='utf-8').write(out)
    print(f'{len(src.encode())} -> {len(out.encode())} bytes')
