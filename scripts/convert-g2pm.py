#!/usr/bin/env python3
"""Converts the g2pM polyphone model (kakaobrain/g2pM, Apache-2.0) into langdu's model file,
voices/g2pm/g2pm.bin. Python 3 standard library only.

Run once by a developer, not at build time:

    scripts/convert-g2pm.py ../shared/data/g2pm voices/g2pm/g2pm.bin

The input folder holds g2pm.safetensors (float32 weights), char2idx.tsv (character -> input
index; a key is everything before the last tab, and four keys are spaces, so lines are never
trimmed) and class2idx.tsv (pinyin -> output index).

Output, all little-endian (the layout src/pronounce/polyphone_model.cpp reads):

    header, 64 bytes:
      char[8] magic "LDG2PM\\0\\1"
      u32 version (1)
      u32 vocabulary size V, embedding size E, hidden size H (each direction), dense size D,
          classes C
      u32 index of <UNK>, BOS, EOS
      u32 number of character pairs P (V minus <PAD> and <UNK>)
      u64 FNV-1a 64 of the file with these 8 bytes left out (the header before them, the zero
          padding and everything after the header)
      zero padding to 64 bytes
    u32 pairs[P][2]      (code point, input index), sorted by code point
    char classes[C][8]   tone-numbered pinyin, NUL-padded, u-umlaut written 'v' (lv4, nve4)
    f32 embedding[V][E]
    for the forward, then the backward direction:
      f32 input_weights[E][4H]   W_ih transposed; gate order i, f, g, o (PyTorch)
      f32 hidden_weights[H][4H]  W_hh transposed
      f32 bias[4H]               b_ih + b_hh
    f32 dense_weights[D][2H], dense_bias[D]     (then ReLU)
    f32 output_weights[C][D], output_bias[C]

Values are the source's float32 weights, unchanged except that the two LSTM biases are summed.
"""
import array
import json
import os
import struct
import sys

MAGIC = b'LDG2PM\x00\x01'
VERSION = 1
HEADER_SIZE = 64


def read_safetensors(path):
    data = open(path, 'rb').read()
    (header_size,) = struct.unpack_from('<Q', data, 0)
    header = json.loads(data[8:8 + header_size].decode('utf-8'))
    base = 8 + header_size
    tensors = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        if info['dtype'] != 'F32':
            sys.exit('%s: %s is %s, expected F32' % (path, name, info['dtype']))
        begin, end = info['data_offsets']
        values = array.array('f')
        values.frombytes(data[base + begin:base + end])
        if sys.byteorder != 'little':
            values.byteswap()
        count = 1
        for n in info['shape']:
            count *= n
        if len(values) != count:
            sys.exit('%s: %s has %d values for shape %s' % (path, name, len(values), info['shape']))
        tensors[name] = (info['shape'], values)
    return tensors


def read_index(path):
    """key -> index; the key is everything before the last tab (never stripped)."""
    table = {}
    with open(path, encoding='utf-8', newline='') as lines:
        for number, line in enumerate(lines, 1):
            if line.endswith('\n'):
                line = line[:-1]
            if not line:
                continue
            key, _, value = line.rpartition('\t')
            if not _:
                sys.exit('%s:%d: expected key<TAB>index' % (path, number))
            table[key] = int(value)
    return table


def transpose(values, rows, cols):
    out = array.array('f', bytes(4 * rows * cols))
    for r in range(rows):
        row = values[r * cols:(r + 1) * cols]
        for c in range(cols):
            out[c * rows + r] = row[c]
    return out


def fnv1a64(data, h=0xcbf29ce484222325):
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & 0xffffffffffffffff
    return h


def pinyin_ours(name):
    """g2pM writes u-umlaut as 'u:' (nu:3, nu:e4); langdu's lexicon writes 'v'."""
    return name.replace('u:', 'v')


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: convert-g2pm.py SOURCE_DIR OUTPUT')
    source, output = sys.argv[1], sys.argv[2]
    tensors = read_safetensors(os.path.join(source, 'g2pm.safetensors'))
    char2idx = read_index(os.path.join(source, 'char2idx.tsv'))
    class2idx = read_index(os.path.join(source, 'class2idx.tsv'))

    (vocab, embed), embedding = tensors['embedding.weight']
    gates, hidden = tensors['lstm.weight_hh_l0'][0]
    dense = tensors['logit_layer.0.weight'][0][0]
    classes = tensors['logit_layer.2.weight'][0][0]
    assert gates == 4 * hidden and tensors['lstm.weight_ih_l0'][0] == [gates, embed]
    assert tensors['logit_layer.0.weight'][0] == [dense, 2 * hidden]
    assert tensors['logit_layer.2.weight'][0] == [classes, dense]
    assert sorted(char2idx.values()) == list(range(vocab)), 'char2idx does not cover 0..V-1'
    assert sorted(class2idx.values()) == list(range(classes)), 'class2idx does not cover 0..C-1'

    pairs = []
    for key, index in char2idx.items():
        if key in ('<PAD>', '<UNK>'):
            continue
        if len(key) != 1:
            sys.exit('char2idx: key %r is not one character' % key)
        pairs.append((ord(key), index))
    pairs.sort()

    names = [None] * classes
    for name, index in class2idx.items():
        name = pinyin_ours(name).encode('ascii')
        if len(name) > 7:
            sys.exit('class2idx: %r is longer than 7 bytes' % name)
        names[index] = name

    payload = bytearray()
    for code_point, index in pairs:
        payload += struct.pack('<II', code_point, index)
    for name in names:
        payload += name.ljust(8, b'\0')
    payload += embedding.tobytes()
    for suffix in ('', '_reverse'):
        w_ih = tensors['lstm.weight_ih_l0' + suffix][1]
        w_hh = tensors['lstm.weight_hh_l0' + suffix][1]
        b_ih = tensors['lstm.bias_ih_l0' + suffix][1]
        b_hh = tensors['lstm.bias_hh_l0' + suffix][1]
        payload += transpose(w_ih, gates, embed).tobytes()
        payload += transpose(w_hh, gates, hidden).tobytes()
        payload += array.array('f', [a + b for a, b in zip(b_ih, b_hh)]).tobytes()
    for name in ('logit_layer.0.weight', 'logit_layer.0.bias', 'logit_layer.2.weight',
                 'logit_layer.2.bias'):
        payload += tensors[name][1].tobytes()

    header = MAGIC + struct.pack('<9I', VERSION, vocab, embed, hidden, dense, classes,
                                 char2idx['<UNK>'], char2idx['시'], char2idx['끝'])
    header += struct.pack('<I', len(pairs))
    checksum = fnv1a64(payload, fnv1a64(b'\0' * (HEADER_SIZE - len(header) - 8), fnv1a64(header)))
    header += struct.pack('<Q', checksum)
    header = header.ljust(HEADER_SIZE, b'\0')
    with open(output, 'wb') as out:
        out.write(header)
        out.write(payload)
    print('%s: %d bytes, %d characters, %d classes' % (output, len(header) + len(payload),
                                                       len(pairs), classes))


if __name__ == '__main__':
    main()
