#include "pipeline/resume_key.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "synth/engine.h"

namespace langdu::pipeline {
namespace {

std::string FileSha256(const std::filesystem::path& path) {
  if (path.empty()) return {};
  std::ifstream in(path, std::ios::binary);
  return Sha256Hex(std::string(std::istreambuf_iterator<char>(in), {}));
}

// The document as read: its chapters, paragraphs and sentences. Reading options that the key does
// not name one by one (--heading-levels, --code, a reader's own choices) count through it.
std::string DocumentDigest(const core::Document& document) {
  std::string text = document.title;
  for (const core::Chapter& chapter : document.chapters) {
    text += "\x1d" + std::to_string(chapter.number) + ' ' + chapter.title;
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      text += '\x1e';
      for (const core::Sentence& sentence : paragraph.sentences) text += sentence.text + '\x1f';
    }
  }
  return Sha256Hex(text);
}

std::string OptionalText(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "-";
}

}  // namespace

std::string ResumeKey(const PreparedInput& input, const NarrateOptions& options,
                      const ScheduleSettings& settings, const audio::Tags& common) {
  std::ostringstream key;
  key << "langdu " << LANGDU_VERSION << "\nespeak-ng " << synth::Engine::Version() << "\ninput "
      << input.sha256 << ' ' << static_cast<int>(input.format) << ' ' << input.encoding << ' '
      << options.encoding << "\ndocument " << DocumentDigest(input.document) << "\nstructure "
      << options.structure.detect_chapters << ' ' << options.structure.chapter_pattern
      << "\nnormalize " << static_cast<int>(options.normalize.liang) << ' '
      << options.normalize.yao_for_one << ' ' << static_cast<int>(options.normalize.year_zero)
      << ' ' << static_cast<int>(options.normalize.url) << "\npronounce "
      << options.pronounce.data_dir.string() << ' ' << FileSha256(options.pronounce.user_lexicon);
  const synth::Voice& voice = settings.voice;
  key << "\nvoice " << voice.name << ' ' << voice.mandarin << ' ' << voice.english << ' '
      << voice.variant << ' ' << voice.rate_wpm << ' ' << voice.pitch << ' ' << voice.pitch_range
      << ' ' << voice.volume << ' ' << voice.paragraph_pause_ms << ' ' << voice.chapter_lead_ms
      << ' ' << voice.chapter_tail_ms;
  for (const auto& [pause, ms] : voice.pause_ms) key << ' ' << static_cast<int>(pause) << '=' << ms;
  const audio::EncoderSettings& encoder = settings.encoder;
  key << "\nencoder " << audio::Extension(encoder.format) << ' ' << encoder.sample_rate_hz << ' '
      << OptionalText(encoder.bitrate_kbps) << ' ' << OptionalText(encoder.quality) << ' '
      << OptionalText(encoder.mp3_speed) << ' ' << OptionalText(encoder.opus_complexity) << ' '
      << settings.engine_rate_hz << ' ' << options.single << "\nbook " << options.player << ' '
      << options.epub << "\ntags " << common.album << '\n'
      << common.artist << '\n'
      << common.genre << ' ' << common.language << '\n'
      << common.comment << "\ncover "
      << (settings.cover ? settings.cover->mime_type + ' ' + Sha256Hex(settings.cover->data)
                         : std::string("-"));
  return Sha256Hex(key.str());
}

}  // namespace langdu::pipeline
