#include "audio/encoder.h"

#include "audio/sound_file.h"

namespace langdu::audio {

std::unique_ptr<Encoder> OpenEncoder(const std::filesystem::path& path,
                                     const EncoderSettings& settings, const Tags& tags,
                                     const std::optional<Picture>& cover) {
  return std::make_unique<SoundFileEncoder>(path, settings, tags, cover);
}

}  // namespace langdu::audio
