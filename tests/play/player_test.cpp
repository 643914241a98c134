// The navigation model and the player loop, with a fake clock: no device, no engine, no terminal.
#include "play/player.h"

#include <gtest/gtest.h>

#include <cmath>
#include <csignal>
#include <deque>
#include <functional>

#include "core/error.h"
#include "play/navigation.h"

namespace langdu::play {
namespace {

// Three chapters: 1 = [a b] [c], 2 = [d e], 3 = [f].
Outline ThreeChapters() {
  Outline outline;
  outline.BeginChapter(1);
  outline.Add("a", true);
  outline.Add("b", false);
  outline.Add("c", true);
  outline.BeginChapter(2);
  outline.Add("d", true);
  outline.Add("e", false);
  outline.BeginChapter(3);
  outline.Add("f", true);
  return outline;
}

class FakeClock : public Clock {
 public:
  double now_s() override { return now_s_; }
  void SleepUntil(double time_s) override { now_s_ = std::max(now_s_, time_s); }

 private:
  double now_s_ = 0;
};

// Keys pressed at given times; what happens at a time (a key, or a callback) comes once the clock
// has reached it. Waiting for a key moves the clock on.
class ScriptedKeys : public KeySource {
 public:
  struct Event {
    double time_s;
    char key;  // 0: run `then` instead
    std::function<void()> then = {};
  };
  ScriptedKeys(FakeClock& clock, std::deque<Event> events)
      : clock_(clock), events_(std::move(events)) {}

  std::optional<char> Next(double timeout_s) override {
    const double deadline = clock_.now_s() + timeout_s;
    if (!events_.empty() && events_.front().time_s > clock_.now_s()) {
      clock_.SleepUntil(std::min(deadline, events_.front().time_s));
    } else if (events_.empty()) {
      clock_.SleepUntil(deadline);
    }
    if (events_.empty() || events_.front().time_s > clock_.now_s() + 1e-9) return std::nullopt;
    Event event = events_.front();
    events_.pop_front();
    if (event.key == 0) {
      event.then();
      return std::nullopt;
    }
    return event.key;
  }

 private:
  FakeClock& clock_;
  std::deque<Event> events_;
};

// One second of audio per sentence at speed 1, at 1000 Hz; remembers when each was asked for.
class FakeSource : public SpeechSource {
 public:
  explicit FakeSource(FakeClock& clock) : clock_(clock) {}
  int sample_rate_hz() const override { return 1000; }
  std::vector<std::int16_t> Audio(int index) override {
    asked.push_back({index, clock_.now_s()});
    return std::vector<std::int16_t>(static_cast<std::size_t>(std::lround(1000 / speed)), 1);
  }
  void SetSpeed(double value) override { speed = value; }

  std::vector<std::pair<int, double>> asked;
  double speed = 1;

 private:
  FakeClock& clock_;
};

// Collects what the player printed.
class Captured {
 public:
  Captured() : file_(open_memstream(&buffer_, &size_)) {}
  ~Captured() {
    std::fclose(file_);
    std::free(buffer_);
  }
  std::FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

struct Played {
  PlayResult result;
  std::string out;
  std::string messages;
  std::vector<std::pair<int, double>> asked;
  double end_s = 0;
};

Played PlayScript(std::deque<ScriptedKeys::Event> events, int start = 0,
                  volatile std::sig_atomic_t* flag = nullptr) {
  static volatile std::sig_atomic_t never = 0;
  FakeClock clock;
  ScriptedKeys keys(clock, std::move(events));
  FakeSource source(clock);
  ClockOutput output(clock, source.sample_rate_hz());
  Captured out;
  Captured messages;
  const Outline outline = ThreeChapters();
  Played run;
  run.result = Play(outline, start, source, output, keys, out.file(), messages.file(),
                    flag != nullptr ? *flag : never);
  run.out = out.text();
  run.messages = messages.text();
  run.asked = source.asked;
  run.end_s = clock.now_s();
  return run;
}

TEST(Navigation, OutlineNumbersSentencesWithinTheirChapter) {
  const Outline outline = ThreeChapters();
  EXPECT_EQ(Label(outline, 0), "1.1");
  EXPECT_EQ(Label(outline, 2), "1.3");
  EXPECT_EQ(Label(outline, 3), "2.1");
  EXPECT_EQ(Label(outline, 5), "3.1");
  EXPECT_EQ(outline.paragraph_first, (std::vector<int>{0, 2, 3, 5}));
}

TEST(Navigation, OutlineOfADocumentSkipsEmptyParagraphsAndPutsEachSentenceOnOneLine) {
  core::Document document;
  document.chapters.push_back({1, "一", {{{{"第一句。", "第一\n句。", {}}}, {}}, {{}, {}}}});
  document.chapters.push_back({2, "二", {{{{"甲。", "甲。", {}}, {"乙。", "乙。", {}}}, {}}}});
  const Outline outline = OutlineOf(document);
  ASSERT_EQ(outline.size(), 3);
  EXPECT_EQ(outline.sentences[0].text, "第一 句。");
  EXPECT_EQ(Label(outline, 2), "2.2");
  EXPECT_EQ(outline.paragraph_first, (std::vector<int>{0, 1}));
}

TEST(Navigation, SentenceMoves) {
  const Outline outline = ThreeChapters();
  EXPECT_EQ(Navigate(outline, 0, Move::kNextSentence), 1);
  EXPECT_EQ(Navigate(outline, 5, Move::kNextSentence), std::nullopt);
  EXPECT_EQ(Navigate(outline, 3, Move::kPreviousSentence), 2);
  EXPECT_EQ(Navigate(outline, 0, Move::kPreviousSentence), 0);
  EXPECT_EQ(Navigate(outline, 4, Move::kRepeat), 4);
}

TEST(Navigation, ParagraphMovesGoToTheStartOfTheParagraphFirst) {
  const Outline outline = ThreeChapters();
  EXPECT_EQ(Navigate(outline, 0, Move::kNextParagraph), 2);
  EXPECT_EQ(Navigate(outline, 1, Move::kNextParagraph), 2);
  EXPECT_EQ(Navigate(outline, 2, Move::kNextParagraph), 3);
  EXPECT_EQ(Navigate(outline, 5, Move::kNextParagraph), std::nullopt);
  EXPECT_EQ(Navigate(outline, 4, Move::kPreviousParagraph), 3);
  EXPECT_EQ(Navigate(outline, 3, Move::kPreviousParagraph), 2);
  EXPECT_EQ(Navigate(outline, 1, Move::kPreviousParagraph), 0);
  EXPECT_EQ(Navigate(outline, 0, Move::kPreviousParagraph), 0);
}

TEST(Navigation, ChapterMovesGoToTheStartOfTheChapterFirst) {
  const Outline outline = ThreeChapters();
  EXPECT_EQ(Navigate(outline, 1, Move::kNextChapter), 3);
  EXPECT_EQ(Navigate(outline, 3, Move::kNextChapter), 5);
  EXPECT_EQ(Navigate(outline, 5, Move::kNextChapter), std::nullopt);
  EXPECT_EQ(Navigate(outline, 4, Move::kPreviousChapter), 3);
  EXPECT_EQ(Navigate(outline, 3, Move::kPreviousChapter), 0);
  EXPECT_EQ(Navigate(outline, 2, Move::kPreviousChapter), 0);
}

TEST(Navigation, FindsChapterAndSentenceByLabel) {
  const Outline outline = ThreeChapters();
  EXPECT_EQ(ParseLabel(outline, "2", "--from"), 3);
  EXPECT_EQ(ParseLabel(outline, "2.2", "--from"), 4);
  EXPECT_EQ(ParseLabel(outline, "1.3", "--from"), 2);
}

TEST(Navigation, RejectsLabelsOutsideTheBook) {
  const Outline outline = ThreeChapters();
  const auto message = [&](const std::string& text) {
    try {
      ParseLabel(outline, text, "--from");
    } catch (const core::Error& error) {
      EXPECT_EQ(error.kind(), core::ErrorKind::kUsage);
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("4"), "--from: there is no chapter 4 (1..3)");
  EXPECT_EQ(message("2.3"), "--from: chapter 2 has no sentence 3 (1..2)");
  EXPECT_EQ(message("2.0"), "--from: chapter 2 has no sentence 0 (1..2)");
  EXPECT_EQ(message("x.1"), "--from: \"x.1\" is not CHAPTER or CHAPTER.SENTENCE");
  EXPECT_EQ(message("1."), "--from: \"1.\" is not CHAPTER or CHAPTER.SENTENCE");
}

TEST(Player, PrintsEachSentenceAsItStartsAtThePaceOfSpeech) {
  const Played run = PlayScript({});
  EXPECT_EQ(run.result.ending, Ending::kFinished);
  EXPECT_EQ(run.result.sentence, 5);
  EXPECT_EQ(run.out, "1.1 a\n1.2 b\n1.3 c\n2.1 d\n2.2 e\n3.1 f\n");
  ASSERT_EQ(run.asked.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(run.asked[i].first, i);
    EXPECT_NEAR(run.asked[i].second, i, 1e-9);
  }
  EXPECT_NEAR(run.end_s, 6, 1e-9);
}

TEST(Player, ChapterKeysMoveAtOnceAndQuitStops) {
  const Played run = PlayScript({{0.2, ']'}, {0.4, ']'}, {0.6, 'q'}});
  EXPECT_EQ(run.out, "1.1 a\n2.1 d\n3.1 f\n");
  EXPECT_EQ(run.result.ending, Ending::kQuit);
  EXPECT_EQ(run.result.sentence, 5);
  ASSERT_EQ(run.asked.size(), 3u);
  EXPECT_NEAR(run.asked[1].second, 0.2, 1e-9);
  EXPECT_NEAR(run.asked[2].second, 0.4, 1e-9);
  EXPECT_NEAR(run.end_s, 0.6, 1e-9);
}

TEST(Player, NextChapterInTheLastChapterIsIgnored) {
  const Played run = PlayScript({{0.2, ']'}}, 5);
  EXPECT_EQ(run.out, "3.1 f\n");
  EXPECT_EQ(run.result.ending, Ending::kFinished);
  EXPECT_NEAR(run.end_s, 1, 1e-9);
}

TEST(Player, PauseHoldsTheSentenceUntilResumed) {
  const Played run = PlayScript({{0.5, ' '}, {3.0, ' '}, {3.6, 'q'}});
  EXPECT_EQ(run.out, "1.1 a\n1.2 b\n");
  EXPECT_EQ(run.messages, "paused at 1.1\nplaying\n");
  ASSERT_EQ(run.asked.size(), 2u);
  EXPECT_NEAR(run.asked[1].second, 3.5, 1e-9);
  EXPECT_EQ(run.result.ending, Ending::kQuit);
  EXPECT_EQ(run.result.sentence, 1);
}

TEST(Player, MovingWhilePausedPlaysFromThere) {
  const Played run = PlayScript({{0.5, ' '}, {2.0, 'n'}, {2.5, 'q'}});
  EXPECT_EQ(run.out, "1.1 a\n1.2 b\n");
  EXPECT_NEAR(run.asked[1].second, 2.0, 1e-9);
}

TEST(Player, RepeatAndPreviousParagraphStartTheSentenceAgain) {
  const Played run = PlayScript({{0.5, 'r'}, {1.8, '{'}});
  EXPECT_EQ(run.out, "1.1 a\n1.1 a\n1.2 b\n1.1 a\n1.2 b\n1.3 c\n2.1 d\n2.2 e\n3.1 f\n");
  EXPECT_NEAR(run.asked[1].second, 0.5, 1e-9);
  EXPECT_NEAR(run.asked[2].second, 1.5, 1e-9);
  EXPECT_NEAR(run.asked[3].second, 1.8, 1e-9);
}

TEST(Player, SpeedKeysStepByATenthWithinLimitsAndSayTheSpeed) {
  std::deque<ScriptedKeys::Event> events = {{0.1, '+'}, {0.2, '+'}};
  for (int i = 0; i < 30; ++i) events.push_back({0.3, '-'});
  events.push_back({0.4, 'q'});
  const Played run = PlayScript(events);
  EXPECT_EQ(run.messages.substr(0, 20), "speed 1.1\nspeed 1.2\n");
  EXPECT_EQ(run.messages.substr(run.messages.size() - 20), "speed 0.5\nspeed 0.5\n");
}

TEST(Player, SpeedAppliesFromTheNextSentence) {
  const Played run = PlayScript({{0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {0.1, '+'},
                                 {2.0, 'q'}});
  ASSERT_EQ(run.asked.size(), 3u);
  EXPECT_NEAR(run.asked[1].second, 1.0, 1e-9);
  EXPECT_NEAR(run.asked[2].second, 1.5, 1e-9);
}

TEST(Player, ASignalStopsItWhereItWas) {
  volatile std::sig_atomic_t flag = 0;
  const Played run = PlayScript({{1.5, 0, [&] { flag = 1; }}}, 0, &flag);
  EXPECT_EQ(run.result.ending, Ending::kInterrupted);
  EXPECT_EQ(run.result.sentence, 1);
  EXPECT_NEAR(run.end_s, 1.5, 1e-9);
}

TEST(Player, QuietPrintsNothing) {
  static volatile std::sig_atomic_t never = 0;
  FakeClock clock;
  ScriptedKeys keys(clock, {{0.5, ' '}, {0.6, '+'}, {0.7, 'q'}});
  FakeSource source(clock);
  ClockOutput output(clock, source.sample_rate_hz());
  Captured out;
  Captured messages;
  PlayerOptions options;
  options.quiet = true;
  Play(ThreeChapters(), 0, source, output, keys, out.file(), messages.file(), never, options);
  EXPECT_EQ(out.text(), "");
  EXPECT_EQ(messages.text(), "");
}

TEST(ClockOutput, WritesReturnWhenTheSamplesWouldHaveBeenHeard) {
  FakeClock clock;
  ClockOutput output(clock, 1000);
  const std::vector<std::int16_t> samples(250, 0);
  output.Write(samples);
  output.Write(samples);
  EXPECT_NEAR(clock.now_s(), 0.5, 1e-9);
  clock.SleepUntil(2.0);  // a gap: counting starts again from now
  output.Write(samples);
  EXPECT_NEAR(clock.now_s(), 2.25, 1e-9);
}

}  // namespace
}  // namespace langdu::play
