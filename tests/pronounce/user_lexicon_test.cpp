#include "pronounce/user_lexicon.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace langdu::pronounce {
namespace {

std::string ErrorOf(std::string_view text) {
  try {
    UserLexicon::Parse(text, "my.tsv");
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    return e.what();
  }
  return "";
}

TEST(UserLexicon, ReadsTsv) {
  const UserLexicon lexicon =
      UserLexicon::Parse("# names\n银行\tyin2 hang2\n\n朗读\tlǎng dú\n", "my.tsv");
  ASSERT_EQ(lexicon.words.size(), 2u);
  EXPECT_EQ(lexicon.words.at("银行"), (std::vector<std::string>{"yin2", "hang2"}));
  EXPECT_EQ(lexicon.words.at("朗读"), (std::vector<std::string>{"lang3", "du2"}));
}

TEST(UserLexicon, NamesFileAndLineOfABadLine) {
  EXPECT_EQ(ErrorOf("银行\tyin2 hang2\n行长 hang2 zhang3\n"), "my.tsv:2: expected word<TAB>pinyin");
  EXPECT_EQ(ErrorOf("\n银行\tyin2 hanx2\n"), "my.tsv:2: \"hanx2\" is not a pinyin syllable");
  EXPECT_EQ(ErrorOf("银行\tyin2\n"), "my.tsv:1: \"银行\" has 2 characters but 1 syllables");
}

TEST(UserLexicon, ReadsPls) {
  const UserLexicon lexicon = UserLexicon::Parse(R"(<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
    alphabet="x-pinyin" xml:lang="zh-CN">
  <!-- a comment -->
  <lexeme>
    <grapheme>重庆</grapheme>
    <phoneme>chong2 qing4</phoneme>
  </lexeme>
  <lexeme><grapheme>行长</grapheme><grapheme>行長</grapheme><phoneme>hang2 zhang3</phoneme></lexeme>
</lexicon>
)",
                                                 "names.pls");
  EXPECT_EQ(lexicon.words.at("重庆"), (std::vector<std::string>{"chong2", "qing4"}));
  EXPECT_EQ(lexicon.words.at("行長"), (std::vector<std::string>{"hang2", "zhang3"}));
}

TEST(UserLexicon, RejectsPlsWithAnotherAlphabet) {
  try {
    UserLexicon::Parse("<lexicon version=\"1.0\"\n alphabet=\"ipa\">\n</lexicon>", "x.pls");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_STREQ(e.what(), "x.pls:1: alphabet \"ipa\" is not \"x-pinyin\"");
  }
}

TEST(UserLexicon, NamesTheLineOfABadPlsLexeme) {
  try {
    UserLexicon::Parse(
        "<lexicon alphabet=\"x-pinyin\">\n<lexeme>\n<grapheme>银行</grapheme>\n"
        "<phoneme>yin2 hang9</phoneme>\n</lexeme>\n</lexicon>",
        "x.pls");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_STREQ(e.what(), "x.pls:2: \"hang9\" is not a pinyin syllable");
  }
}

}  // namespace
}  // namespace langdu::pronounce
