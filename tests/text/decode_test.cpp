#include "text/decode.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "core/error.h"

namespace langdu::text {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Seed() {
  return ReadFile(fs::path(LANGDU_SOURCE_DIR) / "samples" / "district-party-building-speech.txt");
}

// Encodes UTF-8 text in `encoding` with ICU; fails the test when a character has no mapping.
std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(encoding, &status),
                                                               ucnv_close);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding;
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string bytes(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
  const int32_t length =
      ucnv_fromUChars(converter.get(), bytes.data(), static_cast<int32_t>(bytes.size()),
                      text.getBuffer(), text.length(), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding << ": " << u_errorName(status);
  bytes.resize(static_cast<std::size_t>(std::max(length, 0)));
  return bytes;
}

std::string ToTraditional(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transform(
      icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  transform->transliterate(text);
  std::string traditional;
  text.toUTF8String(traditional);
  return traditional;
}

// Writes bytes to a temporary file and reads them back, as the CLI reads its input.
std::string ThroughFile(const std::string& bytes, const std::string& name) {
  const fs::path path =
      fs::temp_directory_path() / ("langdu_decode_test_" + std::to_string(::getpid()) + "_" + name);
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string read = ReadFile(path);
  fs::remove(path);
  return read;
}

std::string DecodeError(std::string_view bytes, std::string_view encoding = {},
                        core::ErrorKind kind = core::ErrorKind::kInputDecode) {
  try {
    Decode(bytes, "speech.txt", encoding);
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), kind);
    return error.what();
  }
  return "no error";
}

constexpr const char* kShortSimplified = "你好，世界！这是一个测试。";
constexpr const char* kShortTraditional = "這是一個測試，我們的國家很大。";

TEST(Decode, ReadsUtf8WithoutBom) {
  const DecodedText text = Decode("中文，abc。", "x.txt");
  EXPECT_EQ(text.utf8, "中文，abc。");
  EXPECT_EQ(text.encoding, "UTF-8");
}

TEST(Decode, ReadsAsciiAsUtf8) { EXPECT_EQ(Decode("plain text\n", "x.txt").encoding, "UTF-8"); }

TEST(Decode, ReadsEmptyInput) {
  const DecodedText text = Decode("", "x.txt");
  EXPECT_EQ(text.utf8, "");
  EXPECT_EQ(text.encoding, "UTF-8");
}

TEST(Decode, StripsUtf8Bom) {
  const DecodedText text = Decode("\xEF\xBB\xBF你好", "x.txt");
  EXPECT_EQ(text.utf8, "你好");
  EXPECT_EQ(text.encoding, "UTF-8");
}

TEST(Decode, DetectsUtf16LeByBom) {
  const std::string bytes = ThroughFile(Encode("\xEF\xBB\xBF"
                                               "你好\n世界",
                                               "UTF-16LE"),
                                        "le.txt");
  ASSERT_TRUE(bytes.starts_with("\xFF\xFE"));
  const DecodedText text = Decode(bytes, "x.txt");
  EXPECT_EQ(text.utf8, "你好\n世界");
  EXPECT_EQ(text.encoding, "UTF-16LE");
}

TEST(Decode, DetectsUtf16BeByBom) {
  const std::string bytes = ThroughFile(Encode("\xEF\xBB\xBF"
                                               "你好\n世界",
                                               "UTF-16BE"),
                                        "be.txt");
  ASSERT_TRUE(bytes.starts_with("\xFE\xFF"));
  const DecodedText text = Decode(bytes, "x.txt");
  EXPECT_EQ(text.utf8, "你好\n世界");
  EXPECT_EQ(text.encoding, "UTF-16BE");
}

TEST(Decode, DetectsUtf32ByBom) {
  const DecodedText text = Decode(Encode("\xEF\xBB\xBF"
                                         "你好",
                                         "UTF-32LE"),
                                  "x.txt");
  EXPECT_EQ(text.utf8, "你好");
  EXPECT_EQ(text.encoding, "UTF-32LE");
}

TEST(Decode, DetectsSeedInUtf16Le) {
  const std::string seed = Seed();
  const DecodedText text = Decode(Encode("\xEF\xBB\xBF" + seed, "UTF-16LE"), "x.txt");
  EXPECT_EQ(text.encoding, "UTF-16LE");
  EXPECT_EQ(text.utf8, seed);
}

TEST(Decode, DetectsShortGb18030) {
  const std::string bytes = ThroughFile(Encode(kShortSimplified, "GB18030"), "gb.txt");
  const DecodedText text = Decode(bytes, "x.txt");
  EXPECT_EQ(text.encoding, "GB18030");
  EXPECT_EQ(text.utf8, kShortSimplified);
}

TEST(Decode, DetectsShortBig5) {
  const std::string bytes = ThroughFile(Encode(kShortTraditional, "Big5"), "big5.txt");
  const DecodedText text = Decode(bytes, "x.txt");
  EXPECT_EQ(text.encoding, "Big5");
  EXPECT_EQ(text.utf8, kShortTraditional);
}

TEST(Decode, DetectsVeryShortGbAndBig5) {
  EXPECT_EQ(Decode(Encode("中国人民", "GB18030"), "x.txt").utf8, "中国人民");
  EXPECT_EQ(Decode(Encode("中國人民", "Big5"), "x.txt").utf8, "中國人民");
}

TEST(Decode, DetectsSeedInGb18030) {
  const std::string seed = Seed();
  const std::string bytes = ThroughFile(Encode(seed, "GB18030"), "seed-gb.txt");
  const DecodedText text = Decode(bytes, "x.txt");
  EXPECT_EQ(text.encoding, "GB18030");
  EXPECT_EQ(text.utf8, seed);
}

TEST(Decode, DetectsSeedInBig5) {
  const std::string traditional = ToTraditional(Seed());
  const std::string bytes = ThroughFile(Encode(traditional, "Big5"), "seed-big5.txt");
  const DecodedText text = Decode(bytes, "x.txt");
  EXPECT_EQ(text.encoding, "Big5");
  EXPECT_EQ(text.utf8, traditional);
}

TEST(Decode, DecodesGb18030BeyondTheJudgedPrefix) {
  std::string book;
  for (int i = 0; i < 20; ++i) book += Seed();
  const std::string bytes = Encode(book, "GB18030");
  ASSERT_GT(bytes.size(), 1u << 16);
  EXPECT_EQ(Decode(bytes, "x.txt").utf8, book);
  // A bad byte past the prefix the detector judges is still found, with its line.
  const std::string broken = bytes + "\n\x81\x20";
  EXPECT_EQ(DecodeError(broken),
            "speech.txt:342: invalid GB18030 at byte " + std::to_string(bytes.size() + 1));
}

TEST(Decode, ReadsGb18030FourByteSequences) {
  const std::string text = "生僻字𠀀和表情😀。";
  EXPECT_EQ(Decode(Encode(text, "GB18030"), "x.txt", "gb18030").utf8, text);
}

TEST(Decode, ReportsInvalidUtf8WithLineAndByte) {
  EXPECT_EQ(DecodeError("第一行\n第二行\xFF\n"), "speech.txt:2: invalid UTF-8 at byte 19");
}

TEST(Decode, ReportsInvalidUtf8InMostlyUtf8Text) {
  // Enough valid UTF-8 around one bad byte: never guessed as GB18030 or Big5.
  const std::string bytes = "你好，世界。\n我们\xE4\xB8在这里。\n";
  EXPECT_EQ(DecodeError(bytes), "speech.txt:2: invalid UTF-8 at byte 25");
}

TEST(Decode, ReportsTruncatedUtf8AtEnd) {
  EXPECT_EQ(DecodeError("你好，世界。再见\xE4\xB8"), "speech.txt:1: invalid UTF-8 at byte 24");
}

TEST(Decode, CountsLinesAfterCrLfAndCr) {
  EXPECT_EQ(DecodeError("一\r\n二\r三\r\n\xFF", "utf-8"), "speech.txt:4: invalid UTF-8 at byte 14");
}

TEST(Decode, ReportsInvalidGb18030WithOverride) {
  const std::string bytes = Encode("第一行\n第二行", "GB18030") + "\x81\x20";
  EXPECT_EQ(DecodeError(bytes, "GB18030"), "speech.txt:2: invalid GB18030 at byte 13");
}

TEST(Decode, ReportsInvalidUtf16WithLineCountedInText) {
  // U+4E0A 上 is 0A 4E in UTF-16LE: its 0x0A byte is not a line break.
  std::string bytes = Encode(
      "\xEF\xBB\xBF"
      "上\n上",
      "UTF-16LE");
  bytes += std::string("\x00\xDC", 2);  // an unpaired trail surrogate
  EXPECT_EQ(DecodeError(bytes), "speech.txt:2: invalid UTF-16LE at byte 8");
}

TEST(Decode, OverrideNamesAreCaseInsensitiveAliases) {
  const std::string gb = Encode(kShortSimplified, "GB18030");
  EXPECT_EQ(Decode(gb, "x.txt", "gbk").utf8, kShortSimplified);
  EXPECT_EQ(Decode(gb, "x.txt", "GB2312").encoding, "GB18030");
  EXPECT_EQ(Decode(gb, "x.txt", "Cp936").encoding, "GB18030");
  const DecodedText big5 = Decode(Encode(kShortTraditional, "Big5"), "x.txt", "BIG5");
  EXPECT_EQ(big5.utf8, kShortTraditional);
  EXPECT_EQ(big5.encoding, "Big5");
  const DecodedText utf16 = Decode(Encode("你好", "UTF-16LE"), "x.txt", "utf-16le");
  EXPECT_EQ(utf16.utf8, "你好");
  EXPECT_EQ(utf16.encoding, "UTF-16LE");
}

TEST(Decode, OverrideWinsOverDetection) {
  // Valid UTF-8 bytes read as Latin-1 on request.
  const DecodedText text = Decode("caf\xC3\xA9", "x.txt", "latin1");
  EXPECT_EQ(text.utf8, "caf\xC3\x83\xC2\xA9");
  EXPECT_EQ(text.encoding, "ISO-8859-1");
}

TEST(Decode, OverrideStripsBom) {
  EXPECT_EQ(Decode("\xEF\xBB\xBF你好", "x.txt", "utf-8").utf8, "你好");
  EXPECT_EQ(Decode(Encode("\xEF\xBB\xBF你好", "UTF-16BE"), "x.txt", "UTF-16BE").utf8, "你好");
}

TEST(Decode, RejectsUnknownEncoding) {
  EXPECT_EQ(DecodeError("abc", "xyz", core::ErrorKind::kUsage), "unknown encoding \"xyz\"");
}

TEST(Decode, RejectsBytesThatNoCandidateDecodes) {
  // 0x81 0x20 is invalid in GB18030 and in Big5, and not UTF-8.
  const std::string message = DecodeError("\x81\x20\x81\x20\x81\x20");
  EXPECT_TRUE(message == "speech.txt:1: invalid GB18030 at byte 0" ||
              message == "speech.txt:1: invalid Big5 at byte 0")
      << message;
}

std::string RandomBytes(std::size_t count, unsigned seed) {
  std::mt19937 generator(seed);
  std::string bytes(count, '\0');
  for (char& byte : bytes) byte = static_cast<char>(generator() & 0xFF);
  return bytes;
}

TEST(Decode, RefusesRandomBytesAsBinary) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    EXPECT_EQ(DecodeError(RandomBytes(4096, seed)), "speech.txt: looks like binary data, not text")
        << "seed " << seed;
  }
}

TEST(Decode, RefusesTextWithNulBytesAsBinary) {
  // A tar archive of text files: valid UTF-8, but with NUL padding.
  const std::string bytes = std::string("notes.txt\0\0\0\0", 13) + "你好，世界。\n";
  EXPECT_EQ(DecodeError(bytes), "speech.txt: looks like binary data, not text");
}

TEST(Decode, RefusesBytesFullOfControlCharactersAsBinary) {
  EXPECT_EQ(DecodeError("\x01\x02\x03\x04\x05\x06你好"),
            "speech.txt: looks like binary data, not text");
}

TEST(Decode, RefusesBinaryEvenWithANamedSingleByteEncoding) {
  EXPECT_EQ(DecodeError(RandomBytes(4096, 7), "latin1"),
            "speech.txt: looks like binary data, not text");
}

TEST(Decode, ReadsTextWithFormFeedsAndTerminalColours) {
  const std::string text = "第一页。\f第二页。\x1B[1m粗体\x1B[0m\r\n";
  EXPECT_EQ(Decode(text, "x.txt").utf8, text);
}

TEST(Decode, ReadsBomLessUtf16SeedAsTextDespiteItsNulBytes) {
  const std::string seed = Seed();
  for (const char* encoding : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bytes = Encode(seed, encoding);
    ASSERT_NE(bytes.find('\0'), std::string::npos);
    const DecodedText text = Decode(bytes, "x.txt");
    EXPECT_EQ(text.encoding, encoding);
    EXPECT_EQ(text.utf8, seed);
  }
}

TEST(Decode, ReadsShortBomLessUtf16WithNamedEncoding) {
  // "一" is U+4E00: a NUL byte in either byte order.
  EXPECT_EQ(Decode(Encode("一二", "UTF-16BE"), "x.txt", "UTF-16BE").utf8, "一二");
}

}  // namespace
}  // namespace langdu::text
