#include "audio/library_versions.h"

#include <lame/lame.h>
#include <sndfile.h>

#include <string_view>

namespace langdu::audio {

std::string SndfileVersion() {
  std::string_view version = sf_version_string();
  constexpr std::string_view kPrefix = "libsndfile-";
  if (version.starts_with(kPrefix)) version.remove_prefix(kPrefix.size());
  return std::string(version);
}

std::string LameVersion() { return get_lame_version(); }

}  // namespace langdu::audio
