#include "publish/playlist.h"

#include <cmath>
#include <cstdio>

namespace langdu::publish {
namespace {

// Cue sheets are line based and quote with ": a quote inside a title would end it early.
std::string CueText(std::string text) {
  for (char& c : text) {
    if (c == '"' || c == '\n' || c == '\r') c = '\'';
  }
  return "\"" + text + "\"";
}

std::string CueIndex(double seconds) {
  const long long frames = std::llround(seconds * 75);
  char text[32];
  std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld", frames / 75 / 60, frames / 75 % 60,
                frames % 75);
  return text;
}

}  // namespace

std::string M3u8(std::span<const PlaylistEntry> entries) {
  std::string text = "#EXTM3U\n";
  for (const PlaylistEntry& entry : entries) {
    text += "#EXTINF:" + std::to_string(std::llround(entry.duration_s)) + "," + entry.title + "\n" +
            entry.file + "\n";
  }
  return text;
}

std::string CueSheet(const std::string& file, const std::string& file_type,
                     const std::string& title, const std::string& performer,
                     std::span<const PlaylistEntry> entries) {
  std::string text = "PERFORMER " + CueText(performer) + "\nTITLE " + CueText(title) + "\nFILE " +
                     CueText(file) + " " + file_type + "\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    char number[24];
    std::snprintf(number, sizeof number, "%02zu", i + 1);
    text += std::string("  TRACK ") + number + " AUDIO\n    TITLE " + CueText(entries[i].title) +
            "\n    PERFORMER " + CueText(performer) + "\n    INDEX 01 " +
            CueIndex(entries[i].start_s) + "\n";
  }
  return text;
}

}  // namespace langdu::publish
