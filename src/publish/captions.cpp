#include "publish/captions.h"

#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "core/punctuation.h"
#include "core/utf8.h"

namespace langdu::publish {
namespace {

constexpr std::size_t kMaxCueCodePoints = kMaxLineCodePoints * kMaxCueLines;

std::vector<std::string> CodePoints(std::string_view text) {
  std::vector<std::string> points;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    core::NextCodePoint(text, pos);
    points.emplace_back(text.substr(start, pos - start));
  }
  return points;
}

bool IsBreakAfter(const std::string& point) {
  std::size_t pos = 0;
  const char32_t cp = core::NextCodePoint(point, pos);
  return core::FindPunctuation(cp) != nullptr || core::IsCloser(cp) || cp == U' ';
}

std::string Join(const std::vector<std::string>& points, std::size_t begin, std::size_t end) {
  std::string text;
  for (std::size_t i = begin; i < end; ++i) text += points[i];
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Two lines at most: break after the last punctuation mark that leaves both lines short enough,
// else where the first line is full.
std::vector<std::string> Wrap(const std::vector<std::string>& points) {
  if (points.size() <= kMaxLineCodePoints) return {Join(points, 0, points.size())};
  std::size_t cut = kMaxLineCodePoints;
  for (std::size_t at = kMaxLineCodePoints; at > 0; --at) {
    if (points.size() - at > kMaxLineCodePoints) break;
    if (IsBreakAfter(points[at - 1])) {
      cut = at;
      break;
    }
  }
  return {Join(points, 0, cut), Join(points, cut, points.size())};
}

std::string LrcTime(double seconds) {
  const long long cs = std::llround(seconds * 100);
  char text[32];
  std::snprintf(text, sizeof text, "[%02lld:%02lld.%02lld]", cs / 6000, cs / 100 % 60, cs % 100);
  return text;
}

}  // namespace

std::string CaptionTime(double seconds, char separator) {
  const long long ms = std::llround(seconds * 1000);
  char text[32];
  std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, separator, ms % 1000);
  return text;
}

std::vector<Cue> SentenceCues(std::span<const TimedClause> clauses) {
  std::vector<Cue> cues;
  std::vector<std::string> pending;
  double start_s = 0;
  double end_s = 0;
  const auto flush = [&] {
    if (pending.empty()) return;
    cues.push_back({start_s, end_s, Wrap(pending)});
    if (cues.back().lines.front().empty() && cues.back().lines.size() == 1) cues.pop_back();
    pending.clear();
  };
  for (const TimedClause& clause : clauses) {
    const std::vector<std::string> points = CodePoints(clause.text);
    if (points.empty()) continue;
    if (!pending.empty() && pending.size() + points.size() <= kMaxCueCodePoints) {
      pending.insert(pending.end(), points.begin(), points.end());
      end_s = clause.end_s;
      continue;
    }
    flush();
    if (points.size() <= kMaxCueCodePoints) {
      pending = points;
      start_s = clause.start_s;
      end_s = clause.end_s;
      continue;
    }
    const double per_point = (clause.end_s - clause.start_s) / static_cast<double>(points.size());
    for (std::size_t at = 0; at < points.size(); at += kMaxCueCodePoints) {
      const std::size_t end = std::min(points.size(), at + kMaxCueCodePoints);
      pending.assign(points.begin() + static_cast<std::ptrdiff_t>(at),
                     points.begin() + static_cast<std::ptrdiff_t>(end));
      start_s = clause.start_s + per_point * static_cast<double>(at);
      end_s = end == points.size() ? clause.end_s
                                   : clause.start_s + per_point * static_cast<double>(end);
      flush();
    }
  }
  flush();
  return cues;
}

CaptionWriter::CaptionWriter(const std::filesystem::path& srt, const std::filesystem::path& vtt,
                             const std::filesystem::path& lrc, const std::string& title,
                             const std::string& album, const std::string& artist)
    : srt_path_(srt),
      srt_(srt, std::ios::binary | std::ios::trunc),
      vtt_(vtt, std::ios::binary | std::ios::trunc),
      lrc_(lrc, std::ios::binary | std::ios::trunc) {
  if (!srt_ || !vtt_ || !lrc_) {
    throw core::Error(core::ErrorKind::kOutput,
                      srt.parent_path().string() + ": cannot create captions");
  }
  vtt_ << "WEBVTT\n";
  lrc_ << "[ti:" << title << "]\n[al:" << album << "]\n[ar:" << artist << "]\n";
}

void CaptionWriter::AddSentence(std::span<const TimedClause> clauses) {
  for (const Cue& cue : SentenceCues(clauses)) {
    ++count_;
    srt_ << count_ << '\n'
         << CaptionTime(cue.start_s, ',') << " --> " << CaptionTime(cue.end_s, ',') << '\n';
    vtt_ << '\n' << CaptionTime(cue.start_s, '.') << " --> " << CaptionTime(cue.end_s, '.') << '\n';
    std::string joined;
    for (const std::string& line : cue.lines) {
      srt_ << line << '\n';
      vtt_ << line << '\n';
      joined += line;
    }
    srt_ << '\n';
    lrc_ << LrcTime(cue.start_s) << joined << '\n';
  }
}

void CaptionWriter::Finish() {
  srt_.close();
  vtt_.close();
  lrc_.close();
  if (!srt_ || !vtt_ || !lrc_) {
    throw core::Error(core::ErrorKind::kOutput, srt_path_.string() + ": cannot write captions");
  }
}

std::string ChaptersVtt(std::span<const TimedChapter> chapters) {
  std::string text = "WEBVTT\n";
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    text += "\nchapter-" + std::to_string(i + 1) + "\n" + CaptionTime(chapters[i].start_s, '.') +
            " --> " + CaptionTime(chapters[i].end_s, '.') + "\n" + chapters[i].title + "\n";
  }
  return text;
}

}  // namespace langdu::publish
