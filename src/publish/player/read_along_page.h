#pragma once

#include <string>

#include "publish/talking_book.h"

namespace langdu::publish::player {

/// The read-along page, index.html: one self-contained HTML file (inline CSS, script and data; no
/// network, so it works opened from file://) that plays the audio files beside it and highlights
/// the sentence being read. A <nav> links every chapter; every sentence is an element with an id
/// "c<chapter>-s<n>" and data-begin/data-end in seconds of its chapter's file. Keys: space
/// play/pause, ←/→ sentence, [/] chapter, +/− speed. The layout is in docs/formats.md.
std::string ReadAlongPage(const TalkingBook& book);

}  // namespace langdu::publish::player
