// The read-along page of the seed speech, loaded from file:// in headless Chromium: what a reader
// sees and what seeking and the keys do.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "publish/player/headless_chromium.h"
#include "test_util.h"

namespace langdu {
namespace {

using testing::HeadlessChromium;
using testing::Quote;
using testing::ReadFile;
using testing::RunLangdu;
using testing::SourcePath;
using testing::TempDir;

class ReadAlongPageSlow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!HeadlessChromium::Available()) return;
    out_ = new TempDir;
    const auto result =
        // WAV: the quickest to write, and the page plays any format the browser does.
        RunLangdu("narrate -q --format wav " +
                  Quote(SourcePath("samples/district-party-building-speech.txt")) + " -o " +
                  Quote(out_->path().string()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    manifest_ = new nlohmann::json(nlohmann::json::parse(ReadFile(*out_ / "manifest.json")));
  }
  static void TearDownTestSuite() {
    delete manifest_;
    delete out_;
  }
  void SetUp() override {
    if (!HeadlessChromium::Available()) GTEST_SKIP() << "chromium is not installed";
    page_ = std::make_unique<HeadlessChromium>("file://" + (*out_ / "index.html").string());
  }

  std::string Current() {
    return page_->Evaluate("(document.querySelector('.s[aria-current]') || {id: ''}).id");
  }

  static TempDir* out_;
  static nlohmann::json* manifest_;
  std::unique_ptr<HeadlessChromium> page_;
};

TempDir* ReadAlongPageSlow::out_ = nullptr;
nlohmann::json* ReadAlongPageSlow::manifest_ = nullptr;

TEST_F(ReadAlongPageSlow, ShowsEightChapterLinksAndTimesEverySentence) {
  EXPECT_EQ(page_->Evaluate("document.querySelectorAll('nav a').length"), 8);
  const nlohmann::json shown = page_->Evaluate(
      "[...document.querySelectorAll('main .s[data-begin]')].map("
      "e => [e.closest('section').id, e.textContent, Number(e.dataset.begin), "
      "Number(e.dataset.end)])");
  std::size_t i = 0;
  for (const auto& chapter : (*manifest_)["chapters"]) {
    for (const auto& paragraph : chapter["paragraphs"]) {
      for (const auto& sentence : paragraph["sentences"]) {
        ASSERT_LT(i, shown.size());
        EXPECT_EQ(shown[i][0], "c" + std::to_string(chapter["number"].get<int>()));
        EXPECT_EQ(shown[i][1], sentence["source_text"]);
        EXPECT_NEAR(shown[i][2].get<double>(), sentence["start_s"].get<double>(), 0.0005);
        EXPECT_NEAR(shown[i][3].get<double>(), sentence["end_s"].get<double>(), 0.0005);
        ++i;
      }
    }
  }
  EXPECT_EQ(i, shown.size());
  // Opened fresh, the page stands at the first sentence.
  EXPECT_EQ(Current(), "c1-s1");
}

TEST_F(ReadAlongPageSlow, SeekingTheAudioHighlightsTheSentenceHeard) {
  const auto& chapter = (*manifest_)["chapters"][2];
  // The fourth sentence of chapter 3 (ids count sentences through the chapter from 1).
  const auto& sentence = chapter["paragraphs"][0]["sentences"][3];
  const int number = 4;
  const double middle = (sentence["start_s"].get<double>() + sentence["end_s"].get<double>()) / 2;

  page_->Evaluate("document.querySelectorAll('nav a')[2].click()");
  EXPECT_EQ(Current(), "c3-s1");
  EXPECT_EQ(page_->Evaluate("document.getElementById('status').textContent"), chapter["title"]);
  EXPECT_EQ(page_->Evaluate("decodeURIComponent(document.getElementById('audio').src)"),
            "file://" + (*out_ / chapter["file"].get<std::string>()).string());

  const std::string seeked = page_->Evaluate(
      "new Promise(done => { const audio = document.getElementById('audio');"
      "  setTimeout(() => done('timeout'), 10000);"
      "  audio.addEventListener('seeked', () => done('seeked'), {once: true});"
      "  audio.currentTime = " +
      std::to_string(middle) + "; })");
  ASSERT_EQ(seeked, "seeked");
  EXPECT_EQ(Current(), "c3-s" + std::to_string(number));
  EXPECT_EQ(page_->Evaluate("document.querySelectorAll('[aria-current=\"true\"]').length"), 1);
}

TEST_F(ReadAlongPageSlow, KeysMoveBySentenceAndChapterAndChangeTheSpeed) {
  page_->PressKey("ArrowRight", "ArrowRight", 39);
  page_->PressKey("ArrowRight", "ArrowRight", 39);
  EXPECT_EQ(Current(), "c1-s3");
  page_->PressKey("ArrowLeft", "ArrowLeft", 37);
  EXPECT_EQ(Current(), "c1-s2");
  page_->PressKey("]", "BracketRight", 221);
  page_->PressKey("]", "BracketRight", 221);
  EXPECT_EQ(Current(), "c3-s1");
  EXPECT_EQ(page_->Evaluate("document.querySelector('nav a[aria-current]').textContent"),
            (*manifest_)["chapters"][2]["title"]);
  page_->PressKey("[", "BracketLeft", 219);
  EXPECT_EQ(Current(), "c2-s1");
  page_->PressKey("+", "Equal", 187);
  EXPECT_EQ(page_->Evaluate("document.getElementById('audio').playbackRate"), 1.25);
  page_->PressKey("-", "Minus", 189);
  page_->PressKey("-", "Minus", 189);
  EXPECT_EQ(page_->Evaluate("document.getElementById('audio').playbackRate"), 0.75);
}

TEST_F(ReadAlongPageSlow, RemembersThePositionAcrossVisits) {
  page_->PressKey("]", "BracketRight", 221);
  page_->PressKey("ArrowRight", "ArrowRight", 39);
  EXPECT_EQ(Current(), "c2-s2");
  // Chromium hands localStorage writes to its browser process in batches: let them land.
  usleep(2000000);
  page_->Evaluate("location.reload()");
  usleep(500000);
  for (int i = 0; i < 100 && page_->Evaluate("document.readyState") != "complete"; ++i) {
    usleep(50000);
  }
  EXPECT_EQ(Current(), "c2-s2");
}

TEST_F(ReadAlongPageSlow, ALinkToASentenceStartsThere) {
  HeadlessChromium linked("file://" + (*out_ / "index.html").string() + "#c5-s4");
  EXPECT_EQ(linked.Evaluate("document.querySelector('.s[aria-current]').id"), "c5-s4");
  EXPECT_EQ(linked.Evaluate("document.getElementById('status').textContent"),
            (*manifest_)["chapters"][4]["title"]);
}

TEST_F(ReadAlongPageSlow, ClickingASentenceSeeksToIt) {
  page_->Evaluate("document.getElementById('c4-s3').click()");
  EXPECT_EQ(Current(), "c4-s3");
  const double begin = page_->Evaluate("Number(document.getElementById('c4-s3').dataset.begin)");
  EXPECT_NEAR(page_->Evaluate("document.getElementById('audio').currentTime").get<double>(), begin,
              0.01);
}

}  // namespace
}  // namespace langdu
