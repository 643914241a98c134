#include "play/player.h"

#include <algorithm>
#include <array>
#include <thread>

namespace langdu::play {
namespace {

constexpr std::array kBindings = {
    KeyBinding{' ', Command::kPause, Move::kRepeat, "pause or resume"},
    KeyBinding{'n', Command::kMove, Move::kNextSentence, "next sentence"},
    KeyBinding{'p', Command::kMove, Move::kPreviousSentence, "previous sentence"},
    KeyBinding{'}', Command::kMove, Move::kNextParagraph, "next paragraph"},
    KeyBinding{'{', Command::kMove, Move::kPreviousParagraph,
               "start of the paragraph, or the previous one"},
    KeyBinding{']', Command::kMove, Move::kNextChapter, "next chapter"},
    KeyBinding{'[', Command::kMove, Move::kPreviousChapter,
               "start of the chapter, or the previous one"},
    KeyBinding{'+', Command::kFaster, Move::kRepeat, "faster"},
    KeyBinding{'-', Command::kSlower, Move::kRepeat, "slower"},
    KeyBinding{'r', Command::kMove, Move::kRepeat, "repeat the sentence"},
    KeyBinding{'q', Command::kQuit, Move::kRepeat, "quit"},
};

const KeyBinding* Binding(char key) {
  const auto it = std::find_if(kBindings.begin(), kBindings.end(),
                               [key](const KeyBinding& binding) { return binding.key == key; });
  return it == kBindings.end() ? nullptr : &*it;
}

// What a key asks of the loop.
struct Action {
  enum class Kind { kNone, kGoTo, kTogglePause, kQuit } kind = Kind::kNone;
  int target = 0;
};

// One play: the state the keys change, and the lines it prints.
class Session {
 public:
  Session(const Outline& outline, SpeechSource& source, std::FILE* out, std::FILE* messages,
          const PlayerOptions& options)
      : outline_(outline), source_(source), out_(out), messages_(messages), options_(options) {}

  Action Handle(char key, int current) {
    const KeyBinding* binding = Binding(key);
    if (binding == nullptr) return {};
    switch (binding->command) {
      case Command::kPause:
        return {Action::Kind::kTogglePause};
      case Command::kQuit:
        return {Action::Kind::kQuit};
      case Command::kFaster:
      case Command::kSlower:
        ChangeSpeed(binding->command == Command::kFaster ? 1 : -1);
        return {};
      case Command::kMove:
        if (const auto target = Navigate(outline_, current, binding->move)) {
          return {Action::Kind::kGoTo, *target};
        }
        return {};
    }
    return {};
  }

  void PrintSentence(int index) {
    if (options_.quiet) return;
    const std::string line =
        Label(outline_, index) + " " + outline_.sentences[static_cast<std::size_t>(index)].text;
    std::fprintf(out_, "%s\n", line.c_str());
    std::fflush(out_);
  }

  void Say(const std::string& message) {
    if (options_.quiet) return;
    std::fprintf(messages_, "%s\n", message.c_str());
    std::fflush(messages_);
  }

 private:
  void ChangeSpeed(int step) {
    speed_tenths_ = std::clamp(speed_tenths_ + step, kMinSpeedTenths, kMaxSpeedTenths);
    source_.SetSpeed(speed_tenths_ / 10.0);
    Say("speed " + std::to_string(speed_tenths_ / 10) + "." + std::to_string(speed_tenths_ % 10));
  }

  const Outline& outline_;
  SpeechSource& source_;
  std::FILE* out_;
  std::FILE* messages_;
  const PlayerOptions& options_;
  int speed_tenths_ = 10;
};

}  // namespace

double SteadyClock::now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void SteadyClock::SleepUntil(double time_s) {
  std::this_thread::sleep_until(std::chrono::steady_clock::time_point(
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(time_s))));
}

// Counts from when the last write was due, not from when it returned, so sleeping late does not
// add up; after a gap (a pause, a slow sentence) it counts from now.
void ClockOutput::Write(std::span<const std::int16_t> samples) {
  due_s_ = std::max(due_s_, clock_.now_s()) + static_cast<double>(samples.size()) / sample_rate_hz_;
  clock_.SleepUntil(due_s_);
}

std::int64_t ClockOutput::Stop() {
  due_s_ = 0;
  return 0;
}

std::span<const KeyBinding> KeyBindings() { return kBindings; }

PlayResult Play(const Outline& outline, int start, SpeechSource& source, AudioOutput& output,
                KeySource& keys, std::FILE* out, std::FILE* messages,
                const volatile std::sig_atomic_t& interrupted, const PlayerOptions& options) {
  Session session(outline, source, out, messages, options);
  const std::size_t chunk =
      std::max<std::size_t>(1, static_cast<std::size_t>(options.chunk_s * source.sample_rate_hz()));
  int current = start;
  while (true) {
    if (interrupted) return {Ending::kInterrupted, current};
    session.PrintSentence(current);
    const std::vector<std::int16_t> audio = source.Audio(current);
    std::size_t cursor = 0;
    Action action;
    while (action.kind == Action::Kind::kNone) {
      if (const auto key = keys.Next(0)) action = session.Handle(*key, current);
      if (interrupted) {
        output.Stop();
        return {Ending::kInterrupted, current};
      }
      if (action.kind == Action::Kind::kTogglePause) {
        const std::int64_t unheard = output.Stop();
        cursor -= std::min<std::size_t>(cursor, static_cast<std::size_t>(unheard));
        session.Say("paused at " + Label(outline, current));
        action = {};
        while (action.kind == Action::Kind::kNone && !interrupted) {
          if (const auto key = keys.Next(0.1)) action = session.Handle(*key, current);
        }
        if (interrupted) return {Ending::kInterrupted, current};
        if (action.kind == Action::Kind::kTogglePause) action = {};
        if (action.kind != Action::Kind::kQuit) session.Say("playing");
      }
      if (action.kind != Action::Kind::kNone || cursor >= audio.size()) break;
      const std::size_t count = std::min(chunk, audio.size() - cursor);
      output.Write(std::span(audio).subspan(cursor, count));
      cursor += count;
    }
    if (action.kind == Action::Kind::kQuit) {
      output.Stop();
      return {Ending::kQuit, current};
    }
    if (action.kind == Action::Kind::kGoTo) {
      output.Stop();
      current = action.target;
      continue;
    }
    const auto next = Navigate(outline, current, Move::kNextSentence);
    if (!next) {
      output.Drain();
      return {Ending::kFinished, current};
    }
    current = *next;
  }
}

}  // namespace langdu::play
