#pragma once

#include <string>

namespace langdu::pipeline {

/// What `langdu --version` prints: langdu's version, then those of the libraries it runs with
/// (eSpeak NG, ICU, libsndfile, LAME), one per line, without a final newline.
std::string VersionText();

}  // namespace langdu::pipeline
