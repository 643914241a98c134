#pragma once

#include <string>

namespace langdu::audio {

/// The version of libsndfile langdu runs with, e.g. "1.2.0".
std::string SndfileVersion();

/// The version of LAME (libmp3lame) langdu runs with, e.g. "3.100".
std::string LameVersion();

}  // namespace langdu::audio
