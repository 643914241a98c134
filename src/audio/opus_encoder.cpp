#include "audio/opus_encoder.h"

#include <opus/opusenc.h>

#include <memory>
#include <string>

#include "audio/tags.h"
#include "core/error.h"

namespace langdu::audio {
namespace {

// libopusenc takes at most this many samples per call (its own buffer is about a second).
constexpr std::size_t kChunkSamples = 8192;
// The picture type of a front cover (ID3v2 APIC and FLAC use the same numbers).
constexpr int kFrontCover = 3;

// The one place where libopusenc's status becomes a langdu error.
void Check(int status, const std::filesystem::path& path, const std::string& what) {
  if (status != OPE_OK) {
    throw core::Error(core::ErrorKind::kOutput,
                      path.string() + ": " + what + ": " + ope_strerror(status));
  }
}

using Comments = std::unique_ptr<OggOpusComments, void (*)(OggOpusComments*)>;

// The Vorbis comments of docs/formats.md, and the cover; chapters come later (TagLib).
Comments MakeComments(const Tags& tags, const std::optional<Picture>& cover,
                      const std::filesystem::path& path) {
  Comments comments(ope_comments_create(), ope_comments_destroy);
  if (!comments) Check(OPE_ALLOC_FAIL, path, "cannot tag");
  for (const auto& [key, value] : VorbisFields(tags)) {
    if (!value.empty())
      Check(ope_comments_add(comments.get(), key, value.c_str()), path, "cannot tag");
  }
  if (cover) {
    Check(ope_comments_add_picture_from_memory(comments.get(), cover->data.data(),
                                               cover->data.size(), kFrontCover, nullptr),
          path, "cannot embed the cover");
  }
  return comments;
}

// A serial number from the tags: libopusenc would draw one from rand(), and the same input must
// give the same bytes. FNV-1a over the title, album and track.
int SerialNumber(const Tags& tags) {
  std::uint32_t hash = 2166136261u;
  for (const std::string& part : {tags.title, tags.album, std::to_string(tags.track)}) {
    for (const char c : part) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    }
  }
  return static_cast<int>(hash & 0x7FFFFFFF);
}

// Keeps the codec within what the rate holds, so no bits go to an empty band.
int MaxBandwidth(int sample_rate_hz) {
  if (sample_rate_hz <= 8000) return OPUS_BANDWIDTH_NARROWBAND;
  if (sample_rate_hz <= 12000) return OPUS_BANDWIDTH_MEDIUMBAND;
  if (sample_rate_hz <= 16000) return OPUS_BANDWIDTH_WIDEBAND;
  if (sample_rate_hz <= 24000) return OPUS_BANDWIDTH_SUPERWIDEBAND;
  return OPUS_BANDWIDTH_FULLBAND;
}

}  // namespace

OpusEncoder::OpusEncoder(const std::filesystem::path& path, const EncoderSettings& settings,
                         Tags tags, const std::optional<Picture>& cover)
    : path_(path), tags_(std::move(tags)), cover_(cover) {
  const Comments comments = MakeComments(tags_, cover_, path);
  int error = OPE_OK;
  // Family 0: mono or stereo, no mapping table.
  encoder_ =
      ope_encoder_create_file(path.c_str(), comments.get(), settings.sample_rate_hz, 1, 0, &error);
  if (encoder_ == nullptr) {
    Check(error == OPE_OK ? OPE_CANNOT_OPEN : error, path, "cannot create");
  }
  Check(ope_encoder_ctl(encoder_, OPE_SET_SERIALNO(SerialNumber(tags_))), path,
        "cannot set the serial number");
  Check(ope_encoder_ctl(encoder_, OPUS_SET_BITRATE(*settings.bitrate_kbps * 1000)), path,
        "encoder refuses the bitrate");
  Check(ope_encoder_ctl(encoder_, OPUS_SET_COMPLEXITY(settings.opus_complexity.value_or(
                                      Info(Format::kOpus).default_speed))),
        path, "encoder refuses the complexity");
  Check(ope_encoder_ctl(encoder_, OPUS_SET_MAX_BANDWIDTH(MaxBandwidth(settings.sample_rate_hz))),
        path, "encoder refuses the bandwidth");
}

OpusEncoder::~OpusEncoder() {
  if (encoder_ != nullptr) ope_encoder_destroy(encoder_);
}

void OpusEncoder::Write(std::span<const std::int16_t> samples) {
  while (!samples.empty()) {
    const std::size_t count = std::min(samples.size(), kChunkSamples);
    Check(ope_encoder_write(encoder_, samples.data(), static_cast<int>(count)), path_,
          "cannot write");
    samples = samples.subspan(count);
  }
}

void OpusEncoder::Finish(std::span<const ChapterMark> chapters) {
  Check(ope_encoder_drain(encoder_), path_, "cannot finish");
  ope_encoder_destroy(encoder_);
  encoder_ = nullptr;
  // libopusenc writes the comment header before the first sample; chapter times are known only
  // now, so TagLib rewrites that header (and renumbers the pages after it).
  // The cover is in the file already: TagLib keeps it.
  if (!chapters.empty()) WriteTags(path_, Format::kOpus, tags_, std::nullopt, chapters);
}

}  // namespace langdu::audio
