#pragma once

#include <string>

#include "audio/tags.h"
#include "pipeline/input.h"
#include "pipeline/narrate.h"
#include "pipeline/schedule.h"

namespace langdu::pipeline {

/// The key of a run's journal (publish/journal.h) and of its manifest (`run_key`): a SHA-256, in
/// hex, of everything the bytes of the files depend on: the input's bytes, format and encoding,
/// the document as read (so every reading option counts), the structure, normalization and
/// pronunciation options (the user lexicon's bytes), the narrator as resolved, the encoder
/// settings, --single, the read-along page and the EPUB, the tags and the cover, and the langdu
/// and eSpeak NG versions. A journal written under another key is not resumed, and a finished
/// folder under another key is not skipped. The date
/// tag and -j are left out: -j never changes the bytes, and a run resumed another day keeps the
/// files it finished as they are.
std::string ResumeKey(const PreparedInput& input, const NarrateOptions& options,
                      const ScheduleSettings& settings, const audio::Tags& common);

}  // namespace langdu::pipeline
