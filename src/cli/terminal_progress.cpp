#include "cli/terminal_progress.h"

#include <unistd.h>

#include <cmath>

namespace langdu::cli {

TerminalProgress::TerminalProgress(std::FILE* stream)
    : stream_(stream), terminal_(isatty(fileno(stream)) != 0) {}

TerminalProgress::~TerminalProgress() { ClearLine(); }

void TerminalProgress::ClearLine() {
  if (terminal_ && dirty_) {
    std::fputs("\r\033[K", stream_);
    dirty_ = false;
  }
}

void TerminalProgress::OnChapter(const std::string& input, int number, int count,
                                 const std::string& title) {
  line_ =
      input + ": chapter " + std::to_string(number) + "/" + std::to_string(count) + ": " + title;
  if (terminal_) {
    last_percent_ = -1;
  } else {
    std::fprintf(stream_, "langdu: %s\n", line_.c_str());
  }
}

void TerminalProgress::OnAdvance(std::size_t done, std::size_t total) {
  if (!terminal_ || total == 0) return;
  const int percent = static_cast<int>(done * 100 / total);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  std::fprintf(stream_, "\r\033[K%3d%%  %s", percent, line_.c_str());
  std::fflush(stream_);
  dirty_ = true;
}

void TerminalProgress::OnWarning(const std::string& message) {
  ClearLine();
  std::fprintf(stream_, "langdu: warning: %s\n", message.c_str());
}

void TerminalProgress::FinishBatch(int done, int skipped, int failed, const std::string& shard,
                                   int other_shards_inputs) {
  ClearLine();
  std::string line = "langdu: batch: " + std::to_string(done) + " done, ";
  if (skipped > 0) line += std::to_string(skipped) + " skipped, ";
  line += std::to_string(failed) + " failed";
  if (!shard.empty()) {
    line += " (shard " + shard + "; " + std::to_string(other_shards_inputs) + " input" +
            (other_shards_inputs == 1 ? "" : "s") + " left to the other shards)";
  }
  std::fprintf(stream_, "%s\n", line.c_str());
}

void TerminalProgress::OnError(const std::string& message) {
  ClearLine();
  std::fprintf(stream_, "langdu: error: %s\n", message.c_str());
}

void TerminalProgress::OnFileWritten(const std::string&) {}

void TerminalProgress::OnReuse(const std::string& input, std::size_t cached, std::size_t units,
                               int kept, int files) {
  ClearLine();
  std::fprintf(stream_,
               "langdu: %s: %zu of %zu units of speech from the cache; %d of %d audio files "
               "unchanged, not encoded again\n",
               input.c_str(), cached, units, kept, files);
}

void TerminalProgress::OnSkip(const std::string& input, const std::string& output_dir) {
  ClearLine();
  std::fprintf(stream_,
               "langdu: %s: already narrated into %s with the same input and options: skipped "
               "(--force narrates it again)\n",
               input.c_str(), output_dir.c_str());
}

void TerminalProgress::OnResume(const std::string& input, int kept, int total) {
  ClearLine();
  std::fprintf(stream_, "langdu: %s: resuming: %d of %d files finished before are kept\n",
               input.c_str(), kept, total);
}

void TerminalProgress::Finish(const pipeline::Summary& summary) {
  ClearLine();
  const double factor = summary.audio_s > 0 ? summary.wall_s / summary.audio_s : 0;
  std::fprintf(stream_,
               "langdu: %d input%s, %d chapter%s, %s of audio in %.1f s (real-time factor %.3f)\n",
               summary.inputs, summary.inputs == 1 ? "" : "s", summary.chapters,
               summary.chapters == 1 ? "" : "s", FormatDuration(summary.audio_s).c_str(),
               summary.wall_s, factor);
}

std::string FormatDuration(double seconds) {
  const long total = std::lround(seconds);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  }
  return text;
}

}  // namespace langdu::cli
