// The seed speech as an EPUB 3 with Media Overlays, judged by Debian's epubcheck and read back.
#include <gtest/gtest.h>
#include <zip.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::RunLangdu;
using testing::SourcePath;
using testing::TempDir;

constexpr const char* kEpubcheck = "/usr/share/java/epubcheck.jar";

// Every entry of a ZIP file, by name, in order.
std::vector<std::pair<std::string, std::string>> Unzip(const std::filesystem::path& path) {
  std::vector<std::pair<std::string, std::string>> entries;
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, i, 0, &stat);
    std::string data(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, i, 0);
    zip_fread(file, data.data(), data.size());
    zip_fclose(file);
    entries.emplace_back(stat.name, data);
  }
  zip_discard(archive);
  return entries;
}

int Count(const std::string& text, const std::string& what) {
  int count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

double Clock(const std::string& value) {
  int h = 0, m = 0;
  double s = 0;
  std::sscanf(value.c_str(), "%d:%d:%lf", &h, &m, &s);
  return h * 3600 + m * 60 + s;
}

class EpubSlow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = new TempDir;
    const auto result = RunLangdu("narrate -q --format epub --author 某区委 " +
                                  Quote(SourcePath("samples/district-party-building-speech.txt")) +
                                  " -o " + Quote(out_->path().string()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    manifest_ = new nlohmann::json(nlohmann::json::parse(ReadFile(*out_ / "manifest.json")));
  }
  static void TearDownTestSuite() {
    delete manifest_;
    delete out_;
  }
  static std::filesystem::path Book() { return *out_ / "在全区党建工作会上的讲话.epub"; }

  static TempDir* out_;
  static nlohmann::json* manifest_;
};

TempDir* EpubSlow::out_ = nullptr;
nlohmann::json* EpubSlow::manifest_ = nullptr;

TEST_F(EpubSlow, EpubcheckFindsNoErrorAndNoWarning) {
  if (!std::filesystem::exists(kEpubcheck)) GTEST_SKIP() << "epubcheck is not installed";
  const auto result =
      RunCommand(std::string("java -jar ") + kEpubcheck + " " + Quote(Book().string()));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("No errors or warnings detected."), std::string::npos)
      << result.out << result.err;
  EXPECT_EQ(result.err.find("WARNING"), std::string::npos) << result.err;
}

TEST_F(EpubSlow, HasAnOverlayPerChapterAParPerSentenceAndDurationsThatAddUp) {
  const auto entries = Unzip(Book());
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].first, "mimetype");
  std::map<std::string, std::string> files(entries.begin(), entries.end());
  const std::regex clip("clipBegin=\"([0-9.]+)s\" clipEnd=\"([0-9.]+)s\"");
  int overlays = 0;
  for (const auto& chapter : (*manifest_)["chapters"]) {
    const std::string number = std::to_string(chapter["number"].get<int>());
    const std::string& smil = files["OEBPS/smil/c" + number + ".smil"];
    ASSERT_FALSE(smil.empty()) << number;
    ++overlays;
    std::vector<std::pair<double, double>> clips;
    for (auto it = std::sregex_iterator(smil.begin(), smil.end(), clip);
         it != std::sregex_iterator(); ++it) {
      clips.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
    }
    std::size_t i = 0;
    for (const auto& paragraph : chapter["paragraphs"]) {
      for (const auto& sentence : paragraph["sentences"]) {
        ASSERT_LT(i, clips.size());
        EXPECT_NEAR(clips[i].first, sentence["start_s"].get<double>(), 0.0005);
        EXPECT_NEAR(clips[i].second, sentence["end_s"].get<double>(), 0.0005);
        ++i;
      }
    }
    EXPECT_EQ(i, clips.size());
    EXPECT_EQ(Count(smil, "<par "), static_cast<int>(clips.size()));
    // The chapter's audio is inside, byte for byte the MP3 written beside.
    EXPECT_EQ(files["OEBPS/audio/a" + number + ".mp3"],
              ReadFile(*out_ / chapter["file"].get<std::string>()));
  }
  EXPECT_EQ(overlays, 8);

  // Durations: each overlay's is its chapter's audio, and the total is their sum.
  const std::string& opf = files["OEBPS/package.opf"];
  const std::regex per_overlay("property=\"media:duration\" refines=\"#mo([0-9]+)\">([^<]+)<");
  double sum = 0;
  int count = 0;
  for (auto it = std::sregex_iterator(opf.begin(), opf.end(), per_overlay);
       it != std::sregex_iterator(); ++it) {
    const auto& chapter = (*manifest_)["chapters"][std::stoi((*it)[1]) - 1];
    EXPECT_NEAR(Clock((*it)[2]), chapter["audio_duration_s"].get<double>(), 0.0005);
    sum += Clock((*it)[2]);
    ++count;
  }
  EXPECT_EQ(count, 8);
  std::smatch total;
  ASSERT_TRUE(std::regex_search(opf, total, std::regex("property=\"media:duration\">([^<]+)<")));
  EXPECT_NEAR(Clock(total[1]), sum, 0.0005);
  EXPECT_NE(opf.find("<dc:creator id=\"creator\">某区委</dc:creator>"), std::string::npos);
}

TEST(EpubCliSlow, SameInputGivesTheSameBook) {
  const auto narrate = [](const TempDir& out) {
    return RunLangdu("narrate -q --no-player --format epub " +
                     Quote(SourcePath("samples/three-chapters.txt")) + " -o " +
                     Quote(out.path().string()));
  };
  TempDir one;
  TempDir two;
  ASSERT_EQ(narrate(one).exit_code, 0);
  ASSERT_EQ(narrate(two).exit_code, 0);
  std::string name;
  for (const auto& entry : std::filesystem::directory_iterator(one.path())) {
    if (entry.path().extension() == ".epub") name = entry.path().filename().string();
  }
  ASSERT_FALSE(name.empty());
  EXPECT_EQ(ReadFile(two / name), ReadFile(one / name));
}

}  // namespace
}  // namespace langdu
