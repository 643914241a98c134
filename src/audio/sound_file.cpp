#include "audio/sound_file.h"

#include <sndfile.h>

#include <cstring>

#include "core/error.h"

namespace langdu::audio {
namespace {

// The one place where libsndfile's status becomes a langdu error.
core::Error OutputError(const std::filesystem::path& path, SNDFILE* file, const std::string& what) {
  std::string reason = sf_strerror(file);
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return core::Error(core::ErrorKind::kOutput, path.string() + ": " + what + ": " + reason);
}

int SndfileFormat(Format format) {
  switch (format) {
    case Format::kWav:
      return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case Format::kFlac:
      return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
  }
  return 0;
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "wav") return Format::kWav;
  if (name == "flac") return Format::kFlac;
  return std::nullopt;
}

std::string_view Extension(Format format) {
  switch (format) {
    case Format::kWav:
      return "wav";
    case Format::kFlac:
      return "flac";
  }
  return "";
}

SoundFileWriter::SoundFileWriter(const std::filesystem::path& path, Format format,
                                 int sample_rate_hz, const Tags& tags)
    : path_(path) {
  SF_INFO info{};
  info.samplerate = sample_rate_hz;
  info.channels = 1;
  info.format = SndfileFormat(format);
  file_ = sf_open(path.c_str(), SFM_WRITE, &info);
  if (file_ == nullptr) throw OutputError(path, nullptr, "cannot create");
  const std::pair<int, const std::string*> strings[] = {
      {SF_STR_TITLE, &tags.title},     {SF_STR_ALBUM, &tags.album},
      {SF_STR_ARTIST, &tags.artist},   {SF_STR_TRACKNUMBER, &tags.track},
      {SF_STR_GENRE, &tags.genre},     {SF_STR_COMMENT, &tags.comment},
      {SF_STR_SOFTWARE, &tags.software}};
  for (const auto& [id, value] : strings) {
    if (!value->empty()) sf_set_string(file_, id, value->c_str());
  }
}

SoundFileWriter::~SoundFileWriter() {
  if (file_ != nullptr) sf_close(file_);
}

void SoundFileWriter::Write(std::span<const std::int16_t> samples) {
  const auto count = static_cast<sf_count_t>(samples.size());
  if (sf_write_short(file_, samples.data(), count) != count) throw OutputError(path_, file_, "cannot write");
}

void SoundFileWriter::Close() {
  if (file_ == nullptr) return;
  sf_write_sync(file_);
  const int status = sf_close(file_);
  file_ = nullptr;
  if (status != 0) {
    throw core::Error(core::ErrorKind::kOutput,
                      path_.string() + ": cannot finish: " + sf_error_number(status));
  }
}

}  // namespace langdu::audio
