#!/usr/bin/env python3
"""Measures per-syllable pinyin accuracy on langdu's golden table (tests/data/pronounce/golden.tsv)
for eSpeak NG alone (Hanzi read by `espeak-ng -x -q -v cmn-latn-pinyin`) and for langdu
(`langdu pinyin --align`), and checks that eSpeak says back the syllables langdu chose.

    scripts/measure-pinyin-accuracy.py [build/src/cli/langdu]

eSpeak's phoneme output is mapped back to syllables with a table built by asking eSpeak to say
every syllable of the inventory in every tone. Tones are compared as spoken: 55 = 1, 35 = 2,
21/214 = 3, 51 = 4, anything else = neutral (5).
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VOICE = ['espeak-ng', '-x', '-q', '-v', 'cmn-latn-pinyin']
TONES = {'55': '1', '35': '2', '21': '3', '214': '3', '51': '4'}


def inventory():
    text = open(os.path.join(ROOT, 'src/pronounce/syllable.cpp'), encoding='utf-8').read()
    block = text.split('kInventory[] = {')[1].split('};')[0]
    return re.findall(r'"([a-z]+)"', block)


def espeak(text):
    out = subprocess.run(VOICE, input=text, capture_output=True, text=True, check=True).stdout
    return [t for t in re.split(r'\s+', out) if t]


def split_token(token):
    """'j'i35n_|' -> ('jin', '2')"""
    token = token.replace('_|', '').replace('_:', '').replace("'", '').replace(',', '').replace('A', 'a')
    digits = re.findall(r'\d+', token)
    tone = TONES.get(digits[-1], '5') if digits else '5'
    return re.sub(r'\d+', '', token), tone


def build_map(bases):
    """Says every base in tones 1-5 (one clause per base: eSpeak drops syllables from very long
    clauses; tone 3 is never next to tone 3, so eSpeak's own third-tone change does not apply).
    Returns the syllables, eSpeak's token for each (None when eSpeak did not say the clause as
    five syllables) and the map from a token's segments back to the base."""
    out = subprocess.run(VOICE, input='\n'.join(' '.join(b + t for t in '12345') + ','
                                                   for b in bases),
                         capture_output=True, text=True, check=True).stdout
    lines = [line.split() for line in out.split('\n') if line.strip()]
    assert len(lines) == len(bases), 'eSpeak merged or split clauses'
    syllables, tokens, segment_to_base = [], [], {}
    for base, line in zip(bases, lines):
        for tone in '12345':
            syllables.append(base + tone)
            tokens.append(line[int(tone) - 1] if len(line) == 5 else None)
        if len(line) == 5:
            for token in line:
                segment_to_base.setdefault(split_token(token)[0], base)
    return syllables, tokens, segment_to_base


def read_back(tokens, segment_to_base):
    result = []
    for token in tokens:
        if token is None:
            result.append('?')
            continue
        segment, tone = split_token(token)
        result.append(segment_to_base.get(segment, '?' + segment) + tone)
    return result


def main():
    langdu = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build/src/cli/langdu')
    bases = inventory()
    syllables, tokens, segment_to_base = build_map(bases)
    said = read_back(tokens, segment_to_base)
    inventory_ok = sum(a == b for a, b in zip(said, syllables))
    print('inventory round trip: %d/%d syllables said back as written' % (inventory_ok,
                                                                        len(syllables)))
    for a, b in zip(said, syllables):
        if a != b:
            print('  %s -> %s' % (b, a))

    rows = []
    for line in open(os.path.join(ROOT, 'tests/data/pronounce/golden.tsv'), encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        sentence, pinyin = line.rstrip('\n').split('\t')
        rows.append((sentence, pinyin.split()))
    total = sum(len(p) for _, p in rows)

    espeak_ok = langdu_ok = 0
    aligned = subprocess.run([langdu, 'pinyin', '--align', '-'],
                             input='\n'.join(s for s, _ in rows) + '\n', capture_output=True,
                             text=True, check=True).stdout.split('\n')
    trip_ok = trip_total = 0
    for (sentence, gold), align in zip(rows, aligned):
        han = [c for c in sentence if '\u4e00' <= c <= '\u9fff']
        # eSpeak alone, on the characters (punctuation dropped so clauses do not matter).
        heard = read_back(espeak(''.join(han)), segment_to_base)
        if len(heard) == len(gold):
            espeak_ok += sum(a == b for a, b in zip(heard, gold))
        else:  # eSpeak read a different number of syllables: score position by position anyway
            espeak_ok += sum(a == b for a, b in zip(heard, gold))
        ours = [t for t, c in zip(align.split(' '), sentence) if '\u4e00' <= c <= '\u9fff']
        langdu_ok += sum(a == b for a, b in zip(ours, gold))
        # Round trip: eSpeak reads langdu's syllables back. eSpeak applies the third-tone change
        # itself wherever two third tones meet, so a 3 before a 3 is heard as 2.
        back = read_back(espeak(' '.join(ours) + '.'), segment_to_base)
        expected = list(ours)
        for i in range(len(expected) - 1):
            if expected[i].endswith('3') and expected[i + 1].endswith('3'):
                expected[i] = expected[i][:-1] + '2'
        trip_total += len(expected)
        trip_ok += sum(a == b for a, b in zip(back, expected)) if len(back) == len(expected) else 0
    print('golden table: %d sentences, %d syllables' % (len(rows), total))
    print('eSpeak alone: %.1f %% of syllables right' % (100.0 * espeak_ok / total))
    print('langdu:       %.1f %% of syllables right' % (100.0 * langdu_ok / total))
    print('round trip:   %.1f %% of langdu syllables said back as chosen' %
          (100.0 * trip_ok / trip_total))


if __name__ == '__main__':
    main()
