<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
    alphabet="x-pinyin" xml:lang="zh-CN">
  <!-- place names -->
  <lexeme>
    <grapheme>重庆</grapheme>
    <phoneme>chong2 qing4</phoneme>
  </lexeme>
  <lexeme><grapheme>行长</grapheme><grapheme>行長</grapheme><phoneme>hang2 zhang3</phoneme></lexeme>
  <lexeme><grapheme>绿林</grapheme><alias>lu4 lin2</alias><phoneme>lu4 lin2</phoneme></lexeme>
</lexicon>
