#include "synth/voice.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "test_util.h"

namespace langdu::synth {
namespace {

using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;

TEST(Voice, ShippedNarratorsLoadWithTheirPauses) {
  const std::vector<Voice> voices = ListVoices(SourcePath("voices"));
  ASSERT_GE(voices.size(), 2u);
  bool male = false;
  bool female = false;
  for (const Voice& voice : voices) {
    male |= voice.gender == "male";
    female |= voice.gender == "female";
    EXPECT_EQ(voice.mandarin, "cmn-latn-pinyin") << voice.name;
    EXPECT_GT(voice.PauseMs(core::Pause::kPeriod), voice.PauseMs(core::Pause::kComma)) << voice.name;
    EXPECT_GT(voice.PauseMs(core::Pause::kComma), voice.PauseMs(core::Pause::kEnumeration)) << voice.name;
    EXPECT_EQ(voice.PauseMs(core::Pause::kNone), 0) << voice.name;
  }
  EXPECT_TRUE(male);
  EXPECT_TRUE(female);
}

TEST(Voice, UnknownNameListsTheKnownOnes) {
  try {
    FindVoice(SourcePath("voices"), "nobody");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kVoice);
    EXPECT_EQ(std::string(e.what()),
              "--voice: unknown voice \"nobody\" (known: brisk, female, male)");
  }
}

TEST(Voice, OutOfRangeValueNamesFileAndKey) {
  TempDir dir;
  WriteFile(dir / "loud.json", R"({"volume": 500})");
  try {
    LoadVoiceFile(dir / "loud.json");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_EQ(std::string(e.what()), (dir / "loud.json").string() + ": \"volume\" is 500, not in 0..200");
  }
}

TEST(Voice, NumberBeyondIntIsOutOfRangeNotWrapped) {
  // 2^32 + 100 would wrap to 100, a valid volume, if read as int.
  try {
    ParseVoice(R"({"volume": 4294967396})", "voices/wrap.json");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_EQ(std::string(e.what()), "voices/wrap.json: \"volume\" is 4294967396, not in 0..200");
  }
}

TEST(Voice, NumberBeyondADoubleIsADataError) {
  // Found by fuzz/voice_fuzzer: nlohmann::json throws out_of_range, not parse_error, for it.
  try {
    ParseVoice(R"({"volume": 1e400})", "voices/huge.json");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_EQ(std::string(e.what()),
              "voices/huge.json: invalid JSON: [json.exception.out_of_range.406] number overflow "
              "parsing '1e400'");
  }
}

TEST(Voice, UnknownPauseIsAnError) {
  TempDir dir;
  WriteFile(dir / "v.json", R"({"pauses_ms": {"kommа": 100}})");
  EXPECT_THROW(LoadVoiceFile(dir / "v.json"), core::Error);
}

TEST(Voice, MalformedJsonIsADataError) {
  TempDir dir;
  WriteFile(dir / "v.json", "{ rate_wpm: ");
  try {
    LoadVoiceFile(dir / "v.json");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_NE(std::string(e.what()).find("v.json: invalid JSON"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace langdu::synth
