// Integration test: eSpeak NG (the installed `espeak-ng` binary) says back exactly the syllables
// langdu chose. eSpeak's phonemes (-x) are mapped back to syllables with a table built by asking
// it to say every syllable of the inventory in every tone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "pronounce/pronouncer.h"
#include "pronounce/syllable.h"

namespace langdu::pronounce {
namespace {

// eSpeak's phoneme lines for `text`, one line per clause, tokens split at white space.
std::vector<std::vector<std::string>> Espeak(const std::string& text) {
  // One file per process and call: ctest runs tests in parallel processes.
  static int calls = 0;
  const std::filesystem::path input =
      std::filesystem::temp_directory_path() /
      ("langdu_espeak_" + std::to_string(getpid()) + "_" + std::to_string(++calls) + ".txt");
  std::ofstream(input) << text;
  const std::string command = "espeak-ng -x -q -v cmn-latn-pinyin -f '" + input.string() + "'";
  std::vector<std::vector<std::string>> lines;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return lines;
  std::string out;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  pclose(pipe);
  std::filesystem::remove(input);
  std::istringstream stream(out);
  std::string line;
  while (std::getline(stream, line)) {
    std::istringstream words(line);
    std::vector<std::string> tokens;
    for (std::string token; words >> token;) tokens.push_back(token);
    if (!tokens.empty()) lines.push_back(std::move(tokens));
  }
  return lines;
}

// "j'i35n_|" -> segments "jin", tone 2 (55 = 1, 35 = 2, 21/214 = 3, 51 = 4, else neutral).
std::pair<std::string, int> SplitToken(std::string token) {
  std::string segments;
  std::string digits;
  std::string last_digits;
  for (char c : token) {
    if (c >= '0' && c <= '9') {
      digits += c;
      continue;
    }
    if (!digits.empty()) last_digits = std::move(digits), digits.clear();
    if (c == '\'' || c == ',' || c == '_' || c == '|' || c == ':') continue;
    segments += c == 'A' ? 'a' : c;
  }
  if (!digits.empty()) last_digits = digits;
  static const std::map<std::string, int> kTones = {
      {"55", 1}, {"35", 2}, {"21", 3}, {"214", 3}, {"51", 4}};
  const auto it = kTones.find(last_digits);
  return {segments, it == kTones.end() ? 5 : it->second};
}

bool EspeakAvailable() { return std::system("espeak-ng --version >/dev/null 2>&1") == 0; }

class EspeakRoundTrip : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!EspeakAvailable()) return;
    std::string text;
    for (std::string_view base : SyllableInventory()) {
      for (int tone = 1; tone <= 5; ++tone) text += std::string(base) + std::to_string(tone) + ' ';
      text += ",\n";
    }
    clauses_ = Espeak(text);
    for (std::size_t i = 0; i < clauses_.size() && i < SyllableInventory().size(); ++i) {
      if (clauses_[i].size() != 5) continue;
      for (const std::string& token : clauses_[i]) {
        base_of_.emplace(SplitToken(token).first, std::string(SyllableInventory()[i]));
      }
    }
  }

  // scripts/install-deps.sh installs espeak-ng: its absence is a broken set-up, not a skip.
  void SetUp() override { ASSERT_TRUE(EspeakAvailable()) << "espeak-ng is not installed"; }

  static std::string ReadBack(const std::string& token) {
    const auto [segments, tone] = SplitToken(token);
    const auto it = base_of_.find(segments);
    return (it == base_of_.end() ? "?" + segments : it->second) + std::to_string(tone);
  }

  static inline std::vector<std::vector<std::string>> clauses_;
  static inline std::map<std::string, std::string> base_of_;
};

TEST_F(EspeakRoundTrip, SaysEverySyllableOfTheInventoryBackAsWritten) {
  const auto inventory = SyllableInventory();
  ASSERT_EQ(clauses_.size(), inventory.size());
  for (std::size_t i = 0; i < inventory.size(); ++i) {
    const std::string base(inventory[i]);
    // The syllabic nasals are interjections: eSpeak says them without a tone.
    if (base == "m" || base == "n" || base == "hm") continue;
    ASSERT_EQ(clauses_[i].size(), 5u) << base;
    for (int tone = 1; tone <= 5; ++tone) {
      EXPECT_EQ(ReadBack(clauses_[i][tone - 1]), base + std::to_string(tone));
    }
  }
}

TEST_F(EspeakRoundTrip, SaysLangduScriptsBackAsChosen) {
  const Pronouncer pronouncer;
  const char* kSentences[] = {
      "银行行长重新部署了工作，广大党员干部认真地学习。",
      "一个不是一样，不忘初心，牢记使命！",
      "他得了第一名，我得走了，跑得很快。",
      "这个展览馆很大，我们还要继续努力。",
  };
  for (const char* sentence : kSentences) {
    const core::SpeechScript script = pronouncer.Script(core::SpokenText::Verbatim(sentence));
    std::vector<std::string> chosen;
    for (const core::SpeechClause& clause : script.clauses) {
      for (const core::SpeechRun& run : clause.runs) {
        std::istringstream words(run.text);
        for (std::string syllable; words >> syllable;) chosen.push_back(syllable);
      }
    }
    // eSpeak applies the third-tone change itself where two third tones meet.
    std::vector<std::string> expected = chosen;
    for (std::size_t i = 0; i + 1 < expected.size(); ++i) {
      if (ToneOf(expected[i]) == 3 && ToneOf(expected[i + 1]) == 3) {
        expected[i] = WithTone(expected[i], 2);
      }
    }
    std::vector<std::string> said;
    for (const auto& clause : Espeak(core::EngineInput(script))) {
      for (const std::string& token : clause) said.push_back(ReadBack(token));
    }
    EXPECT_EQ(said, expected) << sentence;
  }
}

}  // namespace
}  // namespace langdu::pronounce
