// End-to-end tests: the real langdu binary on samples/, read back with libsndfile and ffprobe.
#include <sndfile.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/output_check.h"
#include "input/reader.h"
#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::RunLangdu;
using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;

const std::string kSeed = "samples/district-party-building-speech.txt";
const std::string kStory = "samples/three-chapters.txt";

std::string Sample(const std::string& relative) { return Quote(SourcePath(relative).string()); }

double FfprobeDuration(const std::filesystem::path& path) {
  const auto result = RunCommand("ffprobe -v error -show_entries format=duration -of csv=p=0 " +
                                 Quote(path.string()));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return std::atof(result.out.c_str());
}

double PeakOf(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (file == nullptr) return -1;
  std::vector<short> samples(static_cast<std::size_t>(info.frames));
  sf_read_short(file, samples.data(), info.frames);
  sf_close(file);
  int peak = 0;
  for (short s : samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
  return peak;
}

TEST(Cli, OutlineOfTheSeedSpeechHasEightChapters) {
  const auto result = RunLangdu("outline --json " + Sample(kSeed));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto outline = nlohmann::json::parse(result.out);
  EXPECT_EQ(outline["title"], "在全区党建工作会上的讲话");
  ASSERT_EQ(outline["chapters"].size(), 8u) << result.out;
  EXPECT_EQ(outline["chapters"][0]["title"], "在全区党建工作会上的讲话");
  const char* openings[] = {"第一", "第二", "第三", "第四", "第五", "第六"};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(outline["chapters"][i + 1]["title"].get<std::string>().rfind(openings[i], 0), 0u)
        << outline["chapters"][i + 1]["title"];
  }
  EXPECT_EQ(outline["chapters"][7]["title"].get<std::string>().rfind("最后", 0), 0u);
}

TEST(Cli, OutlineAsText) {
  const auto result = RunLangdu("outline " + Sample(kStory));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("title: 小城故事\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("chapters: 3\n"), std::string::npos) << result.out;
  // The title line alone is no chapter: it opens the first one.
  EXPECT_NE(result.out.find("1. 第一章 清晨 (4 paragraphs, 52 characters)\n"), std::string::npos) << result.out;
}

TEST(Cli, NarratesTheSeedIntoEightFilesWhoseDurationsMatchTheManifest) {
  TempDir out;
  const auto result = RunLangdu("narrate " + Sample(kSeed) + " -o " + Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  ASSERT_EQ(manifest["chapters"].size(), 8u);
  EXPECT_EQ(manifest["title"], "在全区党建工作会上的讲话");
  EXPECT_EQ(manifest["source"]["encoding"], "UTF-8");
  EXPECT_EQ(manifest["source"]["sha256"].get<std::string>().size(), 64u);
  double total = 0;
  for (const auto& chapter : manifest["chapters"]) {
    const auto path = out / chapter["file"].get<std::string>();
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    EXPECT_NE(result.out.find(path.string()), std::string::npos);
    const double duration = chapter["duration_s"].get<double>();
    EXPECT_NEAR(FfprobeDuration(path), duration, 0.010) << path;
    EXPECT_GT(duration, 20.0);
    EXPECT_GT(PeakOf(path), 3000) << path;
    total += duration;
    double last_end = 0;
    for (const auto& paragraph : chapter["paragraphs"]) {
      for (const auto& sentence : paragraph["sentences"]) {
        EXPECT_GE(sentence["start_s"].get<double>(), last_end);
        EXPECT_GT(sentence["end_s"].get<double>(), sentence["start_s"].get<double>());
        EXPECT_LE(sentence["end_s"].get<double>(), duration);
        last_end = sentence["end_s"].get<double>();
      }
    }
  }
  EXPECT_NEAR(manifest["duration_s"].get<double>(), total, 0.001);
  // The 13-minute speech, at the default rate.
  EXPECT_GT(total, 8 * 60.0);
  EXPECT_LT(total, 20 * 60.0);
  EXPECT_NE(result.err.find("langdu: 1 input, 8 chapters, "), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("not read"), std::string::npos) << "every character is read: " << result.err;
}

TEST(Cli, SameInputGivesTheSameBytes) {
  TempDir a;
  TempDir b;
  for (const auto* dir : {&a, &b}) {
    const auto result =
        RunLangdu("narrate -q --format flac " + Sample(kStory) + " -o " + Quote(dir->path().string()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  for (const auto& entry : std::filesystem::directory_iterator(a.path())) {
    const auto name = entry.path().filename();
    if (name == "manifest.json") continue;
    EXPECT_EQ(ReadFile(entry.path()), ReadFile(b / name.string())) << name;
  }
}

TEST(Cli, ReadsStandardInput) {
  TempDir out;
  const auto result = RunLangdu("narrate -q - -o " + Quote(out.path().string()), "你好，世界。\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  EXPECT_EQ(manifest["source"]["path"], "-");
  EXPECT_EQ(manifest["chapters"].size(), 1u);
  EXPECT_TRUE(result.err.empty()) << result.err;
}

TEST(Cli, WritesTheReadAlongPageUnlessToldNot) {
  TempDir with;
  ASSERT_EQ(RunLangdu("narrate -q - -o " + Quote(with.path().string()), "你好，世界。\n").exit_code, 0);
  const std::string page = ReadFile(with / "index.html");
  EXPECT_NE(page.find("<span class=\"s\" id=\"c1-s1\""), std::string::npos);
  TempDir without;
  const auto result =
      RunLangdu("narrate --no-player - -o " + Quote(without.path().string()), "你好，世界。\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(std::filesystem::exists(without / "index.html"));
  EXPECT_EQ(result.out.find("index.html"), std::string::npos);
}

TEST(Cli, SeveralInputsEachGetTheirOwnFolder) {
  TempDir out;
  TempDir in;
  WriteFile(in / "a.txt", "第一句话。");
  WriteFile(in / "b.txt", "第二句话。");
  const auto result = RunLangdu("narrate -q " + Quote((in / "a.txt").string()) + " " +
                                Quote((in / "b.txt").string()) + " -o " + Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(out / "a" / "manifest.json"));
  EXPECT_TRUE(std::filesystem::exists(out / "b" / "manifest.json"));
}

TEST(Cli, ListsVoices) {
  const auto result = RunLangdu("voices");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("female\tfemale\t"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("male\tmale\t"), std::string::npos) << result.out;
}

// Errors: one line, the exit code of the class, and no output left behind.
struct ErrorCase {
  std::string name;
  std::string arguments;  // {out} is replaced by the output folder, {in} by an input folder
  std::string input;      // written to {in}/input.txt when not empty
  int exit_code;
  std::string message;    // the whole stderr, with {out} and {in} replaced
};

std::string InputFormats() {
  std::string names;
  for (const std::string& name : input::FormatNames()) names += (names.empty() ? "" : ",") + name;
  return names;
}

class CliErrorTest : public ::testing::TestWithParam<ErrorCase> {};

std::string Fill(std::string text, const TempDir& out, const TempDir& in) {
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{out}", out.path().string()},
                                  {"{in}", in.path().string()}}) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key)) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

TEST_P(CliErrorTest, PrintsOneLineAndLeavesNoOutput) {
  const ErrorCase& c = GetParam();
  TempDir out;
  TempDir in;
  if (!c.input.empty()) WriteFile(in / "input.txt", c.input);
  WriteFile(in / "existing.wav", "");
  const auto result = RunLangdu(Fill(c.arguments, out, in));
  EXPECT_EQ(result.exit_code, c.exit_code) << result.err;
  EXPECT_EQ(result.err, Fill(c.message, out, in) + "\n");
  EXPECT_TRUE(std::filesystem::is_empty(out.path())) << "output left behind";
}

INSTANTIATE_TEST_SUITE_P(
    Errors, CliErrorTest,
    ::testing::Values(
        ErrorCase{"MissingInput", "narrate {in}/nope.txt -o {out}", "", 3,
                  "langdu: error: {in}/nope.txt: no such file"},
        ErrorCase{"FolderWithNothingToRead", "narrate {in} -o {out}", "", 3,
                  "langdu: error: {in}: holds no file that langdu reads (.txt .md .html .epub "
                  ".ssml …)"},
        ErrorCase{"EmptyInput", "narrate {in}/input.txt -o {out}", " \n\n \n", 5,
                  "langdu: error: {in}/input.txt: no text to narrate"},
        ErrorCase{"UnknownVoice", "narrate {in}/input.txt -o {out} --voice nobody", "你好。", 6,
                  "langdu: error: --voice: unknown voice \"nobody\" (known: brisk, female, male)"},
        ErrorCase{"RateOutOfRange", "narrate {in}/input.txt -o {out} --rate 9000", "你好。", 2,
                  "langdu: error: --rate: 9000 is not in 80..450"},
        ErrorCase{"Mp3SpeedOutOfRange", "narrate {in}/input.txt -o {out} --mp3-speed 10",
                  "你好。", 2, "langdu: error: --mp3-speed: 10 is not in 0..9"},
        ErrorCase{"OpusComplexityOutOfRange",
                  "narrate {in}/input.txt -o {out} --format opus --opus-complexity 11", "你好。", 2,
                  "langdu: error: --opus-complexity: 11 is not in 0..10"},
        ErrorCase{"OpusComplexityOfMp3", "narrate {in}/input.txt -o {out} --opus-complexity 5",
                  "你好。", 2, "langdu: error: --opus-complexity: applies to opus, not mp3"},
        ErrorCase{"UnknownFormat", "narrate {in}/input.txt -o {out} --format aiff", "你好。", 2,
                  "langdu: error: --format: aiff not in {wav,flac,mp3,ogg,opus,m4b,epub}"},
        ErrorCase{"OutputUnderAFile", "narrate {in}/input.txt -o {in}/input.txt/sub", "你好。", 7,
                  "langdu: error: {in}/input.txt/sub: cannot create folder: Not a directory"},
        ErrorCase{"UnknownInputFormat", "narrate {in}/input.txt -o {out} --input-format docx",
                  "你好。", 2, "langdu: error: --input-format: docx not in {" + InputFormats() + "}"},
        ErrorCase{"NoSubcommand", "", "", 2,
                  "langdu: error: A subcommand is required"}),
    [](const auto& info) { return info.param.name; });

TEST(Cli, ExistingOutputIsKeptWithoutForce) {
  TempDir out;
  TempDir in;
  WriteFile(in / "s.txt", "第一句。");
  ASSERT_EQ(RunLangdu("narrate -q " + Quote((in / "s.txt").string()) + " -o " + Quote(out.path().string())).exit_code, 0);
  const auto before = ReadFile(out / "manifest.json");
  WriteFile(in / "s.txt", "第二句。");
  const auto again = RunLangdu("narrate -q " + Quote((in / "s.txt").string()) + " -o " + Quote(out.path().string()));
  EXPECT_EQ(again.exit_code, 7);
  EXPECT_NE(again.err.find("already exists (use --force to overwrite)"), std::string::npos) << again.err;
  EXPECT_EQ(ReadFile(out / "manifest.json"), before);
  const auto forced = RunLangdu("narrate -q --force " + Quote((in / "s.txt").string()) + " -o " + Quote(out.path().string()));
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(ReadFile(out / "manifest.json"), before);
}

TEST(Cli, RefusesBinaryInput) {
  TempDir out;
  TempDir in;
  std::string bytes(2048, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 131 + 7) % 256);
  WriteFile(in / "photo.jpg", bytes);
  const std::string path = (in / "photo.jpg").string();
  const auto result = RunLangdu("narrate " + Quote(path) + " -o " + Quote(out.path().string()));
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.err, "langdu: error: " + path + ": looks like binary data, not text\n");
  EXPECT_TRUE(std::filesystem::is_empty(out.path()));
}

class InterruptSlow : public ::testing::TestWithParam<const char*> {};

// A run stopped by a signal while it writes leaves no temporary, and no final file but the
// chapters it finished, which the journal lists for the next run to keep.
TEST_P(InterruptSlow, SignalLeavesOnlyJournaledFiles) {
  TempDir out;
  const std::string command = Quote(LANGDU_BINARY) + " narrate -q --no-cache --format opus " +
                              Sample(kSeed) +
                              " -o " + Quote(out.path().string()) + " & pid=$!; " +
                              "for i in $(seq 600); do ls -A " + Quote(out.path().string()) +
                              " | grep -q tmp && break; sleep 0.05; done; kill -" + GetParam() +
                              " $pid; wait $pid";
  const auto result = RunCommand(command);
  EXPECT_EQ(result.exit_code, 130) << result.err;
  EXPECT_EQ(testing::LeftBehind(out.path()), "");
  EXPECT_FALSE(std::filesystem::exists(out / "manifest.json"));
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptSlow, ::testing::Values("TERM", "HUP"));

TEST(Cli, UndecodableInputNamesFileLineAndByte) {
  TempDir out;
  TempDir in;
  WriteFile(in / "bad.txt", "第一行\n第二\xff行\n");
  const auto result = RunLangdu("narrate --encoding UTF-8 " + Quote((in / "bad.txt").string()) +
                                " -o " + Quote(out.path().string()));
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.err, "langdu: error: " + (in / "bad.txt").string() + ":2: invalid UTF-8 at byte 16\n");
  EXPECT_TRUE(std::filesystem::is_empty(out.path()));
}

TEST(Cli, NormalizePrintsOneLinePerInputLine) {
  const auto result = RunLangdu("normalize", "2019年\n\n共3005元，涨了5%。\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "二〇一九年\n\n共三千零五元，涨了百分之五。\n");
}

TEST(Cli, EveryTextCommandTakesAnInputFormat) {
  for (const std::string command : {"outline", "normalize", "pinyin"}) {
    const auto result = RunLangdu(command + " --input-format text -", "第一章 出发\n走了3里。\n");
    EXPECT_EQ(result.exit_code, 0) << command << ": " << result.err;
  }
  const auto outline = RunLangdu("outline --input-format TEXT -", "第一章 出发\n走了3里。\n");
  EXPECT_NE(outline.out.find("format: text\n"), std::string::npos) << outline.out;
}

TEST(Cli, OutlineOfAScrapedNovelCountsWhatItSkipped) {
  const auto result = RunLangdu("outline " + Sample("tests/data/structure/lighthouse-scraped.txt"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "title: 灯塔守望人\n"
            "format: text\n"
            "encoding: UTF-8\n"
            "skipped: 9 lines (1 chapter-end, 1 plea, 1 site, 4 toc, 1 update-time, 1 word-count)\n"
            "chapters: 5\n"
            "1. 出版说明 (3 paragraphs, 64 characters)\n"
            "2. 第一回 海上来信 (4 paragraphs, 228 characters)\n"
            "3. 第二回 雾夜 (4 paragraphs, 194 characters)\n"
            "4. 第三回 归航 (4 paragraphs, 160 characters)\n"
            "5. 后记 (2 paragraphs, 52 characters)\n");
  const auto verbose =
      RunLangdu("outline --verbose " + Sample("tests/data/structure/lighthouse-scraped.txt"));
  EXPECT_NE(verbose.out.find("  line 26, plea: 求月票！各位书友的月票是我更新的动力！\n"),
            std::string::npos)
      << verbose.out;
  EXPECT_NE(verbose.out.find("  line 2, toc: 目录\n"), std::string::npos) << verbose.out;
}

TEST(Cli, OutlineOfTheMarkdownSample) {
  const auto result = RunLangdu("outline " + Sample("samples/tea-garden.md"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "title: 山间茶园访问记\n"
            "author: 林小满\n"
            "format: markdown\n"
            "encoding: UTF-8\n"
            "chapters: 4\n"
            "1. 山间茶园访问记 (2 paragraphs, 43 characters)\n"
            "2. 上山 (6 paragraphs, 70 characters)\n"
            "3. 采茶 (6 paragraphs, 90 characters)\n"
            "4. 制茶 (4 paragraphs, 80 characters)\n");
  // Read as plain text, the same file has no chapters but its title and speaks its markup.
  const auto as_text = RunLangdu("normalize --input-format text " + Sample("samples/tea-garden.md"));
  EXPECT_NE(as_text.out.find("photos点example点com"), std::string::npos) << as_text.out;
  const auto normalized = RunLangdu("normalize " + Sample("samples/tea-garden.md"));
  EXPECT_EQ(normalized.out.find("example"), std::string::npos) << normalized.out;
  EXPECT_EQ(normalized.out.find("```"), std::string::npos) << normalized.out;
}

TEST(Cli, NormalizeReadsAFileInItsOwnEncoding) {
  TempDir in;
  // "我们共3人参加了这次会议。" in GBK
  WriteFile(in / "gbk.txt",
            "\xce\xd2\xc3\xc7\xb9\xb2""3\xc8\xcb\xb2\xce\xbc\xd3\xc1\xcb\xd5\xe2\xb4\xce\xbb\xe1\xd2\xe9\xa1\xa3\n");
  const auto result = RunLangdu("normalize " + Quote((in / "gbk.txt").string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "我们共三人参加了这次会议。\n");
}

TEST(Cli, PinyinAlignGivesOneTokenPerCodePoint) {
  const auto result = RunLangdu("pinyin --align", "银行 行长，A\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "yin2 hang2 _ hang2 zhang3 ， A\n");
}

TEST(Cli, PinyinShowsWhatNarrateSays) {
  const auto result = RunLangdu("pinyin", "涨了20.27元\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "zhang3 le5 er4-shi2-dian3 er4-qi1 yuan2\n");
  const auto as_written = RunLangdu("pinyin --no-normalize", "涨了20.27元\n");
  EXPECT_EQ(as_written.out, "zhang3 le5 20.27 yuan2\n");
}

TEST(Cli, PinyinSaysWhereAUserLexiconIsWrong) {
  TempDir in;
  WriteFile(in / "my.tsv", "朗读\tlang3 du2\n银行\tyin2 hanx2\n");
  const auto result = RunLangdu("pinyin --lexicon " + Quote((in / "my.tsv").string()), "银行\n");
  EXPECT_EQ(result.exit_code, 9);
  EXPECT_EQ(result.err, "langdu: error: " + (in / "my.tsv").string() +
                            ":2: \"hanx2\" is not a pinyin syllable\n");
}

TEST(Cli, NarrateSpeaksAUserLexiconReading) {
  TempDir in;
  TempDir out;
  WriteFile(in / "my.tsv", "行长\txing2 zhang3\n");
  WriteFile(in / "s.txt", "行长来了。");
  const auto result = RunLangdu("narrate -q --lexicon " + Quote((in / "my.tsv").string()) + " " +
                                Quote((in / "s.txt").string()) + " -o " + Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  const auto& sentence = manifest["chapters"][0]["paragraphs"][0]["sentences"][0];
  EXPECT_EQ(sentence["engine_input"], "xing2 zhang3 lai2 le5.");
  EXPECT_EQ(sentence["source_text"], "行长来了。");
}

TEST(Cli, CharactersNobodyReadsAreSummarizedOnce) {
  TempDir in;
  TempDir out;
  WriteFile(in / "s.txt", "我爱你♥。\n第二行♥♥，还有★。\n");
  const auto result = RunLangdu("narrate " + Quote((in / "s.txt").string()) + " -o " +
                                Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("langdu: warning: " + (in / "s.txt").string() +
                            ": 4 characters not read: \"♥\" ×3 (line 1), \"★\" (line 2)\n"),
            std::string::npos)
      << result.err;
}

// Every input is read before any audio is made, so a bad later input is said at once; in a batch
// it fails alone and the others are narrated (exit 13 at the end).
TEST(Cli, ABadLaterInputIsSaidBeforeAnyAudioAndFailsAlone) {
  TempDir in;
  TempDir out;
  WriteFile(in / "a.txt", "第一句话。");
  WriteFile(in / "b.txt", "第二\xff句话。");
  const auto result = RunLangdu("narrate --encoding UTF-8 " + Quote((in / "a.txt").string()) +
                                " " + Quote((in / "b.txt").string()) + " -o " +
                                Quote(out.path().string()));
  EXPECT_EQ(result.exit_code, 13);
  const std::string error =
      "langdu: error: " + (in / "b.txt").string() + ":1: invalid UTF-8 at byte 6\n";
  EXPECT_TRUE(result.err.starts_with(error)) << result.err;
  EXPECT_TRUE(std::filesystem::exists(out / "a" / "manifest.json"));
  EXPECT_FALSE(std::filesystem::exists(out / "b"));
}

}  // namespace
}  // namespace langdu

namespace langdu {
namespace {

TEST(CliPolyphoneModel, AMissingModelFileIsExit9NamingIt) {
  testing::TempDir data;
  std::filesystem::create_directories(data / "voices");
  std::filesystem::create_directory_symlink(testing::SourcePath("voices/lexicon"),
                                            data / "voices" / "lexicon");
  const auto result =
      testing::RunCommand("LANGDU_DATA_DIR=" + testing::Quote(data.path().string()) + " " +
                              testing::Quote(LANGDU_BINARY) + " pinyin",
                          "行\n");
  EXPECT_EQ(result.exit_code, 9);
  EXPECT_EQ(result.err,
            "langdu: error: " + (data.path() / "voices" / "g2pm" / "g2pm.bin").string() +
                ": cannot read the polyphone model\n");
}

TEST(CliPolyphoneModel, ExplainShowsTheModelProbabilityAndRunnerUp) {
  const auto result = testing::RunLangdu("pinyin --explain", "我去过勃艮第。\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "wo3 qu4-guo4 bo2-gen4-di4 。\n"
            "  艮 gen4  model: 100%, runner-up gen3 0% (over word 勃艮第: gen3)\n");
}

}  // namespace
}  // namespace langdu

namespace langdu {
namespace {

// A cache folder that cannot be made is one warning; the run goes on and writes everything.
TEST(Cli, AnUnusableCacheIsAWarningAndTheRunGoesOn) {
  TempDir dir;
  testing::WriteFile(dir / "speech.txt", "第一句。第二句。\n");
  testing::WriteFile(dir / "file", "");
  const std::string cache = (dir / "file" / "cache").string();
  const auto result =
      testing::RunLangdu("narrate --format wav --cache " + Quote(cache) + " " +
                         Quote((dir / "speech.txt").string()) + " -o " + Quote((dir / "out").string()));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // Said first, before any chapter.
  EXPECT_EQ(result.err.rfind("langdu: warning: cache " + cache +
                                 ": cannot create it: Not a directory; going on without it\n",
                             0),
            0u)
      << result.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "manifest.json"));
}

// --cache and --no-cache contradict each other.
TEST(Cli, CacheAndNoCacheTogetherIsAUsageError) {
  const auto result = testing::RunLangdu("narrate --cache /tmp/x --no-cache -", "你好。");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "langdu: error: --cache excludes --no-cache\n");
}

}  // namespace
}  // namespace langdu
