#include "pipeline/versions.h"

#include "audio/library_versions.h"
#include "synth/engine.h"
#include "text/icu_version.h"

namespace langdu::pipeline {

std::string VersionText() {
  return std::string("langdu ") + LANGDU_VERSION + "\neSpeak NG " + synth::Engine::Version() +
         "\nICU " + text::IcuVersion() + "\nlibsndfile " + audio::SndfileVersion() + "\nLAME " +
         audio::LameVersion();
}

}  // namespace langdu::pipeline
