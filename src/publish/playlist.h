#pragma once

#include <span>
#include <string>

namespace langdu::publish {

/// One entry of a playlist or cue sheet.
struct PlaylistEntry {
  std::string file;  ///< relative to the playlist
  std::string title;
  double start_s = 0;  ///< in `file` (cue sheets)
  double duration_s = 0;
};

/// playlist.m3u8: #EXTM3U, then #EXTINF:<whole seconds>,<title> and the relative path per entry.
std::string M3u8(std::span<const PlaylistEntry> entries);

/// A cue sheet for one audio file holding every entry as a track: FILE, then per entry TRACK nn
/// AUDIO, TITLE, PERFORMER and INDEX 01 mm:ss:ff (75 frames a second). `file_type` is one of
/// the sheet's types: MP3 for MP3, WAVE for every other audio file.
std::string CueSheet(const std::string& file, const std::string& file_type,
                     const std::string& title, const std::string& performer,
                     std::span<const PlaylistEntry> entries);

}  // namespace langdu::publish
