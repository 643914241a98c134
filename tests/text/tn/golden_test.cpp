// Golden cases: tests/data/tn/<category>.tsv, one `written => spoken` per line, # comments.
// Every case runs through the default Normalizer.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "text/tn/normalizer.h"

namespace langdu::text::tn {
namespace {

struct GoldenCase {
  std::string category;
  int line = 0;
  std::string written;
  std::string spoken;
};

// gtest prints a parameter of a failing or listed test with this.
void PrintTo(const GoldenCase& golden, std::ostream* out) { *out << golden.written; }

std::string Trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

std::filesystem::path DataDir() {
  return std::filesystem::path(LANGDU_SOURCE_DIR) / "tests" / "data" / "tn";
}

std::vector<GoldenCase> LoadCases() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(DataDir())) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<GoldenCase> cases;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (Trim(line).empty() || Trim(line)[0] == '#') continue;
      const auto arrow = line.find(" => ");
      if (arrow == std::string::npos) {
        ADD_FAILURE() << file.filename().string() << ":" << number << ": no \" => \"";
        continue;
      }
      cases.push_back({file.stem().string(), number, Trim(line.substr(0, arrow)),
                       Trim(line.substr(arrow + 4))});
    }
  }
  return cases;
}

class TnGolden : public testing::TestWithParam<GoldenCase> {};

TEST_P(TnGolden, SpeaksAsWritten) {
  static const Normalizer normalizer;
  const GoldenCase& c = GetParam();
  EXPECT_EQ(normalizer.Normalize(c.written).spoken, c.spoken)
      << c.category << ".tsv:" << c.line << ": " << c.written;
}

INSTANTIATE_TEST_SUITE_P(Tn, TnGolden, testing::ValuesIn(LoadCases()),
                         [](const testing::TestParamInfo<GoldenCase>& info) {
                           return info.param.category + "_line" + std::to_string(info.param.line);
                         });

TEST(Golden, EveryCategoryHasThirtyCasesAndAllHaveFiveHundred) {
  std::map<std::string, int> counts;
  for (const GoldenCase& c : LoadCases()) ++counts[c.category];
  int total = 0;
  for (const auto& [category, count] : counts) {
    EXPECT_GE(count, 30) << category;
    total += count;
  }
  EXPECT_GE(counts.size(), 12u);
  EXPECT_GE(total, 500);
}

}  // namespace
}  // namespace langdu::text::tn
