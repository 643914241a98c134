// End to end: one sentence of chapter 5 edited, then `narrate --force` into the same folder.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "core/utf8.h"
#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourcePath;
using testing::TempDir;

std::string Narrate(const std::filesystem::path& text, const std::filesystem::path& out,
                    const std::string& options) {
  return "SOURCE_DATE_EPOCH=1700000000 " + Quote(LANGDU_BINARY) + " narrate " +
         Quote(text.string()) + " -o " + Quote(out.string()) + " " + options;
}

struct Seen {
  std::string bytes;
  std::filesystem::file_time_type modified;
};

std::map<std::string, Seen> Audio(const std::filesystem::path& dir) {
  std::map<std::string, Seen> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".mp3") continue;
    files[entry.path().filename().string()] = {ReadFile(entry.path()),
                                               std::filesystem::last_write_time(entry.path())};
  }
  return files;
}

TEST(IncrementalSlow, AnEditInChapterFiveSynthesizesItsParagraphAndEncodesOnlyChapterFive) {
  TempDir dir;
  const std::filesystem::path text = dir / "speech.txt";
  std::string seed = ReadFile(SourcePath("samples/district-party-building-speech.txt"));
  testing::WriteFile(text, seed);
  const std::string cache = "--cache " + Quote((dir / "cache").string());
  ASSERT_EQ(RunCommand(Narrate(text, dir / "out", cache + " -q")).exit_code, 0);
  const std::map<std::string, Seen> before = Audio(dir / "out");
  ASSERT_EQ(before.size(), 8u);

  // A paragraph of chapter 5 short enough to be one unit; its second sentence (the first is the
  // heading, which names the file).
  const auto manifest = nlohmann::json::parse(ReadFile(dir / "out" / "manifest.json"));
  const auto& chapter = manifest["chapters"][4];
  std::size_t offset = 0;
  for (std::size_t p = 0; p < chapter["paragraphs"].size() && offset == 0; ++p) {
    const auto& paragraph = chapter["paragraphs"][p];
    const auto& span = paragraph["span"];
    const std::string whole =
        seed.substr(span["byte_offset"].get<std::size_t>(), span["byte_length"].get<std::size_t>());
    if (paragraph["sentences"].size() > 1 && core::CodePointCount(whole) < 390) {
      offset = paragraph["sentences"][1]["span"]["byte_offset"].get<std::size_t>();
    }
  }
  ASSERT_NE(offset, 0u);
  seed.insert(offset, "确实，");
  testing::WriteFile(text, seed);

  const auto rerun = RunCommand(Narrate(text, dir / "out", cache + " --force"));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  std::smatch reuse;
  const std::string err = rerun.err;
  ASSERT_TRUE(std::regex_search(
      err, reuse,
      std::regex(": ([0-9]+) of ([0-9]+) units of speech from the cache; 7 of 8 audio files "
                 "unchanged, not encoded again\n")))
      << err;
  EXPECT_EQ(std::stoi(reuse[1]) + 1, std::stoi(reuse[2]));

  const std::map<std::string, Seen> after = Audio(dir / "out");
  ASSERT_EQ(after.size(), 8u);
  for (const auto& [name, seen] : after) {
    if (name.starts_with("05-")) {
      EXPECT_NE(seen.bytes, before.at(name).bytes);
      continue;
    }
    EXPECT_EQ(seen.bytes, before.at(name).bytes) << name;
    EXPECT_EQ(seen.modified, before.at(name).modified) << name << " was written again";
  }
  // What a first run of the edited text writes, file for file.
  ASSERT_EQ(RunCommand(Narrate(text, dir / "fresh", "--no-cache -q")).exit_code, 0);
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "fresh")) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(ReadFile(dir / "out" / name), ReadFile(entry.path())) << name;
    ++compared;
  }
  EXPECT_GT(compared, 8 * 4);
}

}  // namespace
}  // namespace langdu
