#!/usr/bin/env python3
"""Measures how often langdu reads a labelled polyphone right, on a CPP-style set: one sentence a
line with the labelled character between two ▁ marks, and its tone-numbered pinyin on the same
line of the label file (g2pM's development split: ../shared/data/g2pm/dev.sent and dev.lb; the
data stays there, it is never copied into the repository).

    scripts/measure-polyphone-accuracy.py [--langdu build/src/cli/langdu]
        [--data ../shared/data/g2pm] [--split dev] [--top 20] [--errors 0] [--by-char 0]

Runs `langdu pinyin --no-normalize --align --explain --tones citation` once over all sentences
(marks removed) and compares the syllable of each labelled character (citation tones: the labels
carry no tone sandhi; u-umlaut as 'v'). The text is read as written: normalization would rewrite
digits and symbols and move the labelled character away from its position. Prints the accuracy,
the accuracy by deciding source (the first words of the --explain reason: word, model, rule,
default reading...), and the confusion of the most frequent characters; --errors N lists N wrong
sentences; --by-char N lists the N characters with the most errors (errors, labelled total, and
each label->said pair with its count).
"""
import argparse
import collections
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = '\u2581'


def load(data, split):
    sentences = open(os.path.join(data, split + '.sent'), encoding='utf-8').read().split('\n')
    labels = open(os.path.join(data, split + '.lb'), encoding='utf-8').read().split('\n')
    items = []
    for sentence, label in zip(sentences, labels):
        if not sentence:
            continue
        begin = sentence.index(MARK)
        end = sentence.index(MARK, begin + 1)
        assert end == begin + 2, sentence
        text = sentence[:begin] + sentence[begin + 1] + sentence[end + 1:]
        # One sentence a line for langdu: line breaks inside would shift the lines.
        text = text.replace('\r', ' ').replace('\n', ' ')
        items.append((text, begin, label.strip().replace('u:', 'v')))
    return items


def default_data():
    for up in ('..', os.path.join('..', '..')):
        folder = os.path.normpath(os.path.join(ROOT, up, 'shared', 'data', 'g2pm'))
        if os.path.isdir(folder):
            return folder
    return os.path.join(ROOT, '..', 'shared', 'data', 'g2pm')


def is_han(ch):
    return '\u3400' <= ch <= '\u9fff' or '\uf900' <= ch <= '\ufaff' or '\U00020000' <= ch


def source_of(reason):
    """The deciding source named at the start of an --explain reason."""
    for prefix in ('user lexicon', 'langdu fix', 'word', 'model', 'rule', 'default reading',
                   'unknown character'):
        if reason.startswith(prefix):
            return prefix
    return reason.split(':')[0] if reason else 'single reading'


def run_langdu(langdu, items):
    text = ''.join(t + '\n' for t, _, _ in items)
    out = subprocess.run([langdu, 'pinyin', '--no-normalize', '--align', '--explain', '--tones',
                          'citation', '-'],
                         input=text, capture_output=True, text=True, check=True).stdout
    results = []
    lines = out.split('\n')
    i = 0
    for sentence, position, _ in items:
        tokens = lines[i].split(' ')
        i += 1
        explain = []
        while i < len(lines) and lines[i].startswith('  '):
            explain.append(lines[i][2:])
            i += 1
        # Explanations come in the order of the Han characters that have one.
        reasons = [''] * len(sentence)
        e = 0
        for k, ch in enumerate(sentence):
            if e < len(explain) and is_han(ch) and explain[e].startswith(ch + ' '):
                reasons[k] = explain[e].split('  ', 1)[1] if '  ' in explain[e] else ''
                e += 1
        token = tokens[position] if len(tokens) == len(sentence) else '?'
        results.append((token, reasons[position]))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--langdu', default=os.path.join(ROOT, 'build/src/cli/langdu'))
    parser.add_argument('--data', default=default_data(),
                        help='folder with SPLIT.sent and SPLIT.lb (default: ../shared/data/g2pm '
                        'beside the checkout or its work-tree folder)')
    parser.add_argument('--split', default='dev')
    parser.add_argument('--top', type=int, default=20)
    parser.add_argument('--errors', type=int, default=0)
    parser.add_argument('--by-char', type=int, default=0, metavar='N',
                        help='list the N characters with the most errors')
    args = parser.parse_args()

    items = load(args.data, args.split)
    results = run_langdu(args.langdu, items)
    right = 0
    by_source = collections.defaultdict(lambda: [0, 0])
    by_char = collections.defaultdict(collections.Counter)
    errors = []
    for (sentence, position, label), (token, reason) in zip(items, results):
        ok = token == label
        right += ok
        source = source_of(reason)
        by_source[source][0] += ok
        by_source[source][1] += 1
        by_char[sentence[position]][(label, token)] += 1
        if not ok:
            errors.append((sentence, position, label, token, reason))
    total = len(items)
    print('%s: %d labelled polyphones, %d right: %.2f %%' % (args.split, total, right,
                                                             100.0 * right / total))
    print('by deciding source:')
    for source, (ok, n) in sorted(by_source.items(), key=lambda kv: -kv[1][1]):
        print('  %-18s %5d  %6.2f %%' % (source, n, 100.0 * ok / n))
    # The most frequent characters (ties: most errors first).
    def errors_of(ch):
        return sum(n for (label, said), n in by_char[ch].items() if label != said)
    top = sorted(by_char, key=lambda ch: (-sum(by_char[ch].values()), -errors_of(ch), ch))
    print('confusion of the %d most frequent characters (label -> said: count):' % args.top)
    for ch in top[:args.top]:
        n = sum(by_char[ch].values())
        cells = ', '.join('%s->%s:%d' % (label, said, count) if label != said else
                          '%s:%d' % (label, count)
                          for (label, said), count in sorted(by_char[ch].items(),
                                                             key=lambda kv: -kv[1]))
        print('  %s %3d  %5.1f %%  %s' % (ch, n, 100.0 * (n - errors_of(ch)) / n, cells))
    if args.by_char:
        worst = sorted((ch for ch in by_char if errors_of(ch)),
                       key=lambda ch: (-errors_of(ch), -sum(by_char[ch].values()), ch))
        print('characters with the most errors (errors/total, label -> said: count):')
        for ch in worst[:args.by_char]:
            n = sum(by_char[ch].values())
            cells = ', '.join('%s->%s:%d' % (label, said, count)
                              for (label, said), count in sorted(by_char[ch].items(),
                                                                 key=lambda kv: -kv[1])
                              if label != said)
            print('  %s %3d/%-4d %s' % (ch, errors_of(ch), n, cells))
    for sentence, position, label, token, reason in errors[:args.errors]:
        marked = sentence[:position] + '[' + sentence[position] + ']' + sentence[position + 1:]
        print('  %s  %s -> %s  (%s)' % (marked, label, token, reason))


if __name__ == '__main__':
    sys.exit(main())
