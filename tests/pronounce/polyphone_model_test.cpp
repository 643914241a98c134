#include "pronounce/polyphone_model.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/utf8.h"
#include "pronounce/pronouncer.h"
#include "test_util.h"

namespace langdu::pronounce {
namespace {

std::filesystem::path ModelPath() { return ResolveDataDir({}) / "voices" / "g2pm" / "g2pm.bin"; }

const PolyphoneModel& Shared() {
  static const PolyphoneModel model = PolyphoneModel::Load(ModelPath());
  return model;
}

std::string ModelBytes() { return testing::ReadFile(ModelPath()); }

std::u32string U32(std::string_view utf8) {
  std::u32string out;
  for (std::size_t pos = 0; pos < utf8.size();) out += core::NextCodePoint(utf8, pos);
  return out;
}

// The message of the core::Error(kData) that loading `bytes` throws.
std::string LoadError(const std::string& bytes) {
  try {
    PolyphoneModel::FromBytes(bytes, "m.bin");
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    return e.what();
  }
  return "no error";
}

TEST(PolyphoneModel, LoadsTheShippedModelQuickly) {
  const auto start = std::chrono::steady_clock::now();
  const PolyphoneModel model = PolyphoneModel::Load(ModelPath());
  const double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("load_ms", std::to_string(load_ms));
  std::cerr << "polyphone model load: " << load_ms << " ms\n";
  EXPECT_TRUE(model.KnowsReading("hang2"));
  EXPECT_TRUE(model.KnowsReading("lv4"));  // written lu:4 by g2pM
  EXPECT_FALSE(model.KnowsReading("lu:4"));
  EXPECT_FALSE(model.KnowsReading("zzz1"));
}

// Probabilities from an independent pure-Python forward pass over the published safetensors
// weights (the maths of g2pM.py), to 1e-4.
TEST(PolyphoneModel, MatchesTheReferenceInference) {
  const std::vector<ModelChoice> choices = Shared().Choose(
      U32("他在银行工作。他得了第一名。"),
      {PolyphoneQuery{3, {"xing2", "hang2"}}, PolyphoneQuery{8, {"de2", "de5", "dei3"}}});
  ASSERT_EQ(choices.size(), 2u);
  EXPECT_EQ(choices[0].reading, "hang2");
  EXPECT_EQ(choices[0].runner_up, "xing2");
  EXPECT_EQ(choices[1].reading, "de2");
  EXPECT_EQ(choices[1].runner_up, "de5");

  const std::vector<ModelChoice> alone =
      Shared().Choose(U32("他在银行工作。"), {PolyphoneQuery{3, {"xing2", "hang2"}}});
  EXPECT_NEAR(alone[0].probability, 0.73916, 1e-4);
  EXPECT_NEAR(alone[0].runner_up_probability, 0.26084, 1e-4);
  const std::vector<ModelChoice> star =
      Shared().Choose(U32("这颗小行星的绝对星等为346."), {PolyphoneQuery{3, {"hang2", "xing2"}}});
  EXPECT_EQ(star[0].reading, "xing2");
  EXPECT_NEAR(star[0].probability, 0.99984, 1e-4);
  const std::vector<ModelChoice> prize =
      Shared().Choose(U32("他得了第一名。"), {PolyphoneQuery{1, {"de2", "de5", "dei3"}}});
  EXPECT_NEAR(prize[0].probability, 0.99878, 1e-4);
  EXPECT_NEAR(prize[0].runner_up_probability, 0.00122, 1e-4);
}

// Each character alone, its best class of all 876. The expected classes come from the pure-Python
// forward pass of scripts/convert-extra-readings.py over the same weights.
TEST(PolyphoneModel, ReadsACharacterAloneAsItWasTrained) {
  // Polyphones g2pM was trained on: one of their readings.
  EXPECT_EQ(Shared().ReadingAlone(U'行'), "xing2");
  EXPECT_EQ(Shared().ReadingAlone(U'得'), "de2");
  EXPECT_EQ(Shared().ReadingAlone(U'长'), "zhang3");
  EXPECT_EQ(Shared().ReadingAlone(U'乐'), "le4");
  // Characters it never saw as polyphones: a class that is no reading of theirs.
  EXPECT_EQ(Shared().ReadingAlone(U'绿'), "guan4");
  EXPECT_EQ(Shared().ReadingAlone(U'壳'), "ben1");
  EXPECT_EQ(Shared().ReadingAlone(U'嚼'), "luo4");
  EXPECT_EQ(Shared().ReadingAlone(U'妈'), "gou1");
  // A character the model lacks reads as its unknown character.
  EXPECT_EQ(Shared().ReadingAlone(U'吭'), "pan1");
  EXPECT_EQ(Shared().ReadingAlone(U'吭'), Shared().ReadingAlone(U'\U0002A6A5'));
}

TEST(PolyphoneModel, IgnoresReadingsItDoesNotKnow) {
  const std::vector<ModelChoice> choices =
      Shared().Choose(U32("他在银行工作。"), {PolyphoneQuery{3, {"hang2", "zzz1"}}});
  EXPECT_EQ(choices[0].reading, "");  // one known candidate: nothing to choose
}

TEST(PolyphoneModel, MissingFileIsADataErrorNamingTheFile) {
  try {
    PolyphoneModel::Load("/nonexistent/g2pm.bin");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_STREQ(e.what(), "/nonexistent/g2pm.bin: cannot read the polyphone model");
  }
}

TEST(PolyphoneModel, RejectsCorruptFiles) {
  const std::string good = ModelBytes();
  EXPECT_EQ(LoadError("hello"), "m.bin: not a langdu polyphone model");
  std::string magic = good;
  magic[0] = 'X';
  EXPECT_EQ(LoadError(magic), "m.bin: not a langdu polyphone model");
  std::string version = good;
  version[8] = 7;
  EXPECT_EQ(LoadError(version), "m.bin: unsupported polyphone model version 7 (expected 1)");
  EXPECT_EQ(LoadError(good.substr(0, good.size() - 4)),
            "m.bin: polyphone model has " + std::to_string(good.size() - 4) + " bytes, expected " +
                std::to_string(good.size()));
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x10;
  EXPECT_EQ(LoadError(flipped), "m.bin: polyphone model checksum mismatch (the file is corrupt)");
  std::string header = good;
  header[60] ^= 0x01;  // the header's padding is covered too
  EXPECT_EQ(LoadError(header), "m.bin: polyphone model checksum mismatch (the file is corrupt)");
}

TEST(PolyphoneModel, PronouncerWithoutTheModelFileStopsNamingIt) {
  testing::TempDir data;
  std::filesystem::create_directories(data / "voices");
  std::filesystem::create_directory_symlink(ResolveDataDir({}) / "voices" / "lexicon",
                                            data / "voices" / "lexicon");
  try {
    Pronouncer pronouncer(PronounceOptions{data.path(), {}});
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_EQ(std::string(e.what()), (data.path() / "voices" / "g2pm" / "g2pm.bin").string() +
                                         ": cannot read the polyphone model");
  }
}

}  // namespace
}  // namespace langdu::pronounce
