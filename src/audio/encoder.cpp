#include "audio/encoder.h"

#include "audio/lame_encoder.h"
#include "audio/m4b_encoder.h"
#include "audio/opus_encoder.h"
#include "audio/sound_file.h"

namespace langdu::audio {

std::unique_ptr<Encoder> OpenEncoder(const std::filesystem::path& path,
                                     const EncoderSettings& settings, const Tags& tags,
                                     const std::optional<Picture>& cover) {
  switch (settings.format) {
    case Format::kMp3:
      return std::make_unique<LameEncoder>(path, settings, tags, cover);
    case Format::kOpus:
      return std::make_unique<OpusEncoder>(path, settings, tags, cover);
    case Format::kM4b:
      return std::make_unique<M4bEncoder>(path, settings, tags, cover);
    case Format::kWav:
    case Format::kFlac:
    case Format::kOgg:
      break;
  }
  return std::make_unique<SoundFileEncoder>(path, settings, tags, cover);
}

}  // namespace langdu::audio
