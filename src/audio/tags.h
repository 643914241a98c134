#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audio/format.h"

namespace langdu::audio {

/// The tags of one audio file. Every format gets all of them (see docs/formats.md for the
/// fields each container uses).
struct Tags {
  std::string title;   ///< chapter title (document title for a single file)
  std::string album;   ///< document title
  std::string artist;  ///< author, or the narrator
  int track = 0;       ///< 1-based; 0: no track number
  int track_count = 0;
  std::string genre = "Speech";
  std::string date;  ///< YYYY-MM-DD
  std::string language = "zh";
  std::string comment;
};

/// An embedded picture (cover art).
struct Picture {
  std::string mime_type;  ///< image/jpeg or image/png
  std::string data;
};

/// A chapter inside one file, in seconds of that file.
struct ChapterMark {
  std::string title;
  double start_s = 0;
  double end_s = 0;
};

/// One Vorbis comment (FLAC, Ogg Vorbis, Opus): a field name and its value; empty values are left
/// out by the writers.
struct VorbisField {
  const char* name;
  std::string value;
};

/// The Vorbis comment fields of `tags`, in one order for every Xiph container (chapters apart).
std::vector<VorbisField> VorbisFields(const Tags& tags);

/// Reads a JPEG or PNG image for --cover. Throws core::Error(kInputMissing) when it cannot be
/// read and core::Error(kUsage) when it is neither JPEG nor PNG.
Picture ReadPicture(const std::filesystem::path& path);

/// Writes `tags`, `cover` (when given) and `chapters` (when not empty) into a finished file of
/// `format` with TagLib: ID3v2.4 for MP3 (CHAP/CTOC chapters), Vorbis comments for FLAC, Ogg
/// Vorbis and Opus (CHAPTERnnn/CHAPTERnnnNAME), RIFF INFO and ID3v2 for WAV (cue points with
/// labels). Throws core::Error(kOutput) naming the path when the file cannot be tagged.
void WriteTags(const std::filesystem::path& path, Format format, const Tags& tags,
               const std::optional<Picture>& cover, std::span<const ChapterMark> chapters);

/// The duration of a finished file as its container states it, which is what players show:
/// for MP3 it includes the encoder's delay and padding. Seconds, to the millisecond.
/// Throws core::Error(kOutput) when the file cannot be read.
double ContainerDuration(const std::filesystem::path& path, Format format);

}  // namespace langdu::audio
