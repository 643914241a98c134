#!/usr/bin/env python3
"""Lists readings that langdu's lexicon lacks for characters the polyphone model knows, from the
npm package `pinyin` (hotoo/pinyin, MIT license; its character table comes from mozillazg's
pinyin-data, MIT). Writes voices/lexicon/zh-extra-readings.tsv. Python 3 standard library only.

Run once by a developer, not at build time:

    cd /tmp && npm pack pinyin@4.0.0 && tar xzf pinyin-4.0.0.tgz
    scripts/convert-extra-readings.py /tmp/package voices/lexicon/zh.lex voices/g2pm/g2pm.bin \\
        > voices/lexicon/zh-extra-readings.tsv

A reading is kept when the character has an entry in zh.lex that does not list it, the model
has both the character and the reading, and the model treats the character as a polyphone it was
trained on: alone in a sentence, its most probable class out of all 876 is one of the character's
readings (for 她, never a polyphone in the model's training data, the model's output means
nothing: it would pick the archaic jie3). These readings only widen the model's choice (媛 yuan2
as well as yuan4); they never become a default. Output: comment lines, then `character<TAB>readings`
(tone-numbered, u-umlaut as 'v', separated by '|'), sorted by UTF-8 bytes.
"""
import math
import os
import re
import struct
import sys
import unicodedata

# Readings the package lacks, as 现代汉语词典 gives them: 锔 jú, the element curium. (Not 茜 xī
# of transliterated Western names: the model then reads Chinese names such as 王茜 xī too.)
ADDED = {'锔': ['ju2']}

TONE_MARKS = {'\u0304': '1', '\u0301': '2', '\u030c': '3', '\u0300': '4'}


def numbered(marked):
    """'yuán' -> 'yuan2', 'nǚ' -> 'nv3', 'de' -> 'de5'."""
    tone = '5'
    letters = ''
    for ch in unicodedata.normalize('NFD', marked):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        elif ch == '\u0308':
            letters += ':'
        else:
            letters += ch
    return letters.replace('u:', 'v') + tone


def package_readings(package):
    table = {}
    source = os.path.join(package, 'lib', 'cjs', 'pinyin.js')
    with open(source, encoding='utf-8', errors='replace') as lines:
        for line in lines:
            m = re.match(r'dict\[0x([0-9a-f]+)\] = "([^"]*)";', line)
            if m:
                table[chr(int(m.group(1), 16))] = [numbered(p) for p in m.group(2).split(',') if p]
    return table


def lexicon_readings(path):
    readings = {}
    with open(path, encoding='utf-8') as lines:
        for line in lines:
            if line.startswith('#'):
                continue
            word, _, pinyin = line.rstrip('\n').split('\t')
            if len(word) == 1:
                readings[word] = pinyin.split('|')
    return readings


def read_model(path):
    """Everything in langdu's model file (layout in convert-g2pm.py)."""
    data = open(path, 'rb').read()
    version, vocab, embed, hidden, dense, classes, unk, bos, eos = struct.unpack_from('<9I', data, 8)
    pairs = struct.unpack_from('<I', data, 44)[0]
    offset = 64
    index = {}
    for i in range(pairs):
        code_point, idx = struct.unpack_from('<II', data, offset + 8 * i)
        index[chr(code_point)] = idx
    offset += 8 * pairs
    names = [data[offset + 8 * i:offset + 8 * i + 8].rstrip(b'\0').decode('ascii')
             for i in range(classes)]
    offset += 8 * classes

    def floats(count):
        nonlocal offset
        values = struct.unpack_from('<%df' % count, data, offset)
        offset += 4 * count
        return values
    gates = 4 * hidden
    model = {'index': index, 'names': names, 'bos': bos, 'eos': eos, 'unk': unk, 'E': embed,
             'H': hidden, 'D': dense, 'C': classes, 'embedding': floats(vocab * embed)}
    for direction in ('forward', 'backward'):
        model[direction] = (floats(embed * gates), floats(hidden * gates), floats(gates))
    model['dense'] = (floats(dense * 2 * hidden), floats(dense))
    model['output'] = (floats(classes * dense), floats(classes))
    return model


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, x))))


def lstm(model, direction, inputs):
    w_in, w_hidden, bias = model[direction]
    E, H = model['E'], model['H']
    G = 4 * H
    h, c, out = [0.0] * H, [0.0] * H, []
    for x in inputs:
        g = list(bias)
        for k in range(E):
            if x[k]:
                row = w_in[k * G:(k + 1) * G]
                g = [a + x[k] * b for a, b in zip(g, row)]
        for k in range(H):
            row = w_hidden[k * G:(k + 1) * G]
            g = [a + h[k] * b for a, b in zip(g, row)]
        c = [sigmoid(g[H + j]) * c[j] + sigmoid(g[j]) * math.tanh(g[2 * H + j]) for j in range(H)]
        h = [sigmoid(g[3 * H + j]) * math.tanh(c[j]) for j in range(H)]
        out.append(h)
    return out


def best_class(model, sentence, position):
    """The model's most probable class, out of all of them, for sentence[position]."""
    E = model['E']
    ids = [model['bos']] + [model['index'].get(ch, model['unk']) for ch in sentence] + [model['eos']]
    inputs = [model['embedding'][i * E:(i + 1) * E] for i in ids]
    forward = lstm(model, 'forward', inputs)
    backward = lstm(model, 'backward', inputs[::-1])[::-1]
    state = forward[position + 1] + backward[position + 1]
    (w1, b1), (w2, b2) = model['dense'], model['output']
    D, n = model['D'], len(state)
    dense = [max(0.0, b1[j] + sum(w1[j * n + k] * state[k] for k in range(n))) for j in range(D)]
    logits = [b2[c] + sum(w2[c * D + j] * dense[j] for j in range(D)) for c in range(model['C'])]
    return model['names'][max(range(len(logits)), key=logits.__getitem__)]


def model_tables(path):
    """The model's characters and classes, from langdu's model file (layout in convert-g2pm.py)."""
    data = open(path, 'rb').read()
    fields = struct.unpack_from('<9I', data, 8)
    classes, pairs = fields[5], struct.unpack_from('<I', data, 44)[0]
    offset = 64
    characters = set()
    for i in range(pairs):
        code_point, _ = struct.unpack_from('<II', data, offset + 8 * i)
        characters.add(chr(code_point))
    offset += 8 * pairs
    names = set()
    for i in range(classes):
        names.add(data[offset + 8 * i:offset + 8 * i + 8].rstrip(b'\0').decode('ascii'))
    return characters, names


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: convert-extra-readings.py PINYIN_PACKAGE ZH_LEX G2PM_BIN')
    table = package_readings(sys.argv[1])
    for ch, readings in ADDED.items():
        table[ch] = table.get(ch, []) + readings
    lexicon = lexicon_readings(sys.argv[2])
    characters, classes = model_tables(sys.argv[3])
    model = read_model(sys.argv[3])
    print('# Readings zh.lex lacks, for the polyphone model\'s candidates only (see README.md).')
    print('# Source: npm package pinyin 4.0.0 (MIT), made by scripts/convert-extra-readings.py.')
    for ch in sorted(table, key=lambda c: c.encode('utf-8')):
        if ch not in lexicon or ch not in characters:
            continue
        extra = [r for r in table[ch] if r in classes and r not in lexicon[ch]]
        extra = list(dict.fromkeys(extra))
        if extra and best_class(model, ch, 0) not in lexicon[ch] + extra:
            continue
        if extra:
            print('%s\t%s' % (ch, '|'.join(extra)))


if __name__ == '__main__':
    main()
