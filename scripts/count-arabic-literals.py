#!/usr/bin/env python3
"""Counts Arabic words inside Java string and char literals (comments do not count) under a source folder.

Issue 23: no Java file in io.khulasa.cleaning holds an Arabic phrase list; the vocabulary is data in
src/main/resources/cleaning/*.yaml. CleaningVocabularyTest holds the same count to at most 40.
Usage: scripts/count-arabic-literals.py [folder]   (default src/main/java/io/khulasa/cleaning); prints per file and total.
"""
import os
import re
import sys
import unicodedata

ARABIC_WORD = re.compile(r'[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+')


def literals(src):
    """The text of every string, text-block and char literal, skipping // and /* */ comments."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith('//', i):
            i = src.find('\n', i)
            i = n if i < 0 else i
        elif src.startswith('/*', i):
            i = src.find('*/', i + 2)
            i = n if i < 0 else i + 2
        elif src.startswith('"""', i):
            j = src.find('"""', i + 3)
            out.append(src[i + 3:j])
            i = j + 3
        elif src[i] in '"\'':
            q, j = src[i], i + 1
            while j < n and src[j] != q:
                j += 2 if src[j] == '\\' else 1
            out.append(src[i + 1:j])
            i = j + 1
        else:
            i += 1
    return out


def count(path):
    with open(path, encoding='utf-8') as f:
        # a word is a run of Arabic-block characters holding a letter («،» or «؟» alone is punctuation)
        return sum(1 for lit in literals(f.read()) for run in ARABIC_WORD.findall(lit)
                   if any(unicodedata.category(ch).startswith('L') for ch in run))


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else 'src/main/java/io/khulasa/cleaning'
    total = 0
    for name in sorted(os.listdir(folder)):
        if name.endswith('.java'):
            c = count(os.path.join(folder, name))
            total += c
            if c:
                print(f'{c:5d}  {name}')
    print(f'{total:5d}  total')


if __name__ == '__main__':
    main()
