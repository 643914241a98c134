#include "pipeline/keys.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/data_dir.h"
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

// What the front end and the engine read besides a sentence: the options, the data files and the
// binary (as installed: path, size, modification time, so that a rebuilt or reinstalled langdu
// never reuses audio an older one made), the narrator's engine settings.
std::string RenderContext(const NarrateOptions& options, const synth::Voice& voice,
                          int engine_rate_hz) {
  std::ostringstream text;
  const auto stamp = [&](const std::filesystem::path& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return;
    text << path.string() << ' ' << status.st_size << ' ' << status.st_mtim.tv_sec << '.'
         << status.st_mtim.tv_nsec << '\n';
  };
  text << "langdu-unit 1\nlangdu " << LANGDU_VERSION << "\nespeak-ng " << synth::Engine::Version()
       << '\n';
  stamp("/proc/self/exe");
  stamp(std::filesystem::read_symlink("/proc/self/exe"));
  const std::filesystem::path data =
      options.pronounce.data_dir.empty() ? core::DataDir() : options.pronounce.data_dir;
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(data / "voices", error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) stamp(file);
  text << "normalize " << static_cast<int>(options.normalize.liang) << ' '
       << options.normalize.yao_for_one << ' ' << static_cast<int>(options.normalize.year_zero)
       << ' ' << static_cast<int>(options.normalize.url) << "\nlexicon "
       << FileSha256(options.pronounce.user_lexicon) << "\nengine " << voice.mandarin << ' '
       << voice.english << ' ' << voice.variant << ' ' << voice.rate_wpm << ' ' << voice.pitch
       << ' ' << voice.pitch_range << ' ' << voice.volume << ' ' << engine_rate_hz << '\n';
  return text.str();
}

// A sentence as rendering reads it: its text and every mark of the author.
void AppendSentence(const core::Sentence& sentence, std::string& text) {
  const core::AuthorMarks& marks = sentence.marks;
  text += sentence.text;
  text += "\x1f" + std::to_string(marks.rate);
  for (const core::ForcedReading& reading : marks.readings) {
    text += "\x1er" + std::to_string(reading.begin) + ',' + std::to_string(reading.end);
    for (const std::string& syllable : reading.syllables) text += ' ' + syllable;
  }
  for (const core::AuthorPause& pause : marks.pauses) {
    text += "\x1ep" + std::to_string(pause.offset) + ',' + std::to_string(pause.pause_ms);
  }
  for (const core::SayAsSpan& span : marks.say_as) {
    text += "\x1es" + std::to_string(span.begin) + ',' + std::to_string(span.end) + ',' +
            std::to_string(static_cast<int>(span.say_as));
  }
  for (const core::Substitution& substitution : marks.substitutions) {
    text += "\x1eu" + std::to_string(substitution.begin) + ',' + std::to_string(substitution.end) +
            ',' + substitution.alias;
  }
  text += '\x1d';
}

// The voice's pauses: how units are laid out into a file.
std::string LayoutText(const synth::Voice& voice) {
  std::ostringstream text;
  text << voice.paragraph_pause_ms << ' ' << voice.chapter_lead_ms << ' ' << voice.chapter_tail_ms;
  for (const auto& [pause, ms] : voice.pause_ms)
    text << ' ' << static_cast<int>(pause) << '=' << ms;
  return text.str();
}

std::string EncoderText(const ScheduleSettings& settings) {
  const audio::EncoderSettings& encoder = settings.encoder;
  std::ostringstream text;
  text << audio::Extension(encoder.format) << ' ' << encoder.sample_rate_hz << ' '
       << OptionalText(encoder.bitrate_kbps) << ' ' << OptionalText(encoder.quality) << ' '
       << OptionalText(encoder.mp3_speed) << ' ' << OptionalText(encoder.opus_complexity) << ' '
       << settings.engine_rate_hz;
  return text.str();
}

std::string CoverText(const std::optional<audio::Picture>& cover) {
  return cover ? cover->mime_type + ' ' + Sha256Hex(cover->data) : std::string("-");
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
      << ' ' << voice.volume << ' ' << LayoutText(voice) << "\nencoder " << EncoderText(settings)
      << ' ' << options.single << "\nbook " << options.player << ' ' << options.epub << "\ntags "
      << common.album << '\n'
      << common.artist << '\n'
      << common.genre << ' ' << common.language << '\n'
      << common.comment << "\ncover " << CoverText(settings.cover);
  return Sha256Hex(key.str());
}

std::vector<std::string> UnitKeys(const core::Document& document,
                                  const std::vector<WorkUnit>& units, const NarrateOptions& options,
                                  const synth::Voice& voice, int engine_rate_hz) {
  const std::string context = RenderContext(options, voice, engine_rate_hz);
  std::vector<std::string> keys;
  keys.reserve(units.size());
  std::string text;
  for (const WorkUnit& unit : units) {
    const core::Paragraph& paragraph = document.chapters[unit.chapter].paragraphs[unit.paragraph];
    text = context;
    for (std::size_t s = unit.first_sentence; s < unit.sentence_end; ++s) {
      AppendSentence(paragraph.sentences[s], text);
    }
    keys.push_back(Sha256Hex(text));
  }
  return keys;
}

std::string FileAudioKey(const core::Document& document, const Plan& plan, std::size_t file,
                         const std::vector<std::string>& unit_keys,
                         const ScheduleSettings& settings, const audio::Tags& tags) {
  const FilePlan& planned = plan.files[file];
  std::ostringstream key;
  key << "langdu-file 1\nlayout " << LayoutText(settings.voice) << "\nencoder "
      << EncoderText(settings) << ' ' << settings.single << "\ntags " << tags.title << '\n'
      << tags.album << '\n'
      << tags.artist << '\n'
      << tags.track << ' ' << tags.track_count << ' ' << tags.genre << ' ' << tags.language << '\n'
      << tags.comment << "\ncover " << CoverText(settings.cover) << '\n';
  // Pauses are laid out where chapters and paragraphs begin: a unit's paragraph index places it.
  std::size_t u = planned.first_unit;
  for (std::size_t c = planned.first_chapter; c < planned.chapter_end; ++c) {
    const core::Chapter& chapter = document.chapters[c];
    key << "\x1d" << chapter.title << ' ' << chapter.paragraphs.size() << '\n';
    for (; u < planned.unit_end && plan.units[u].chapter == c; ++u) {
      key << plan.units[u].paragraph << ' ' << unit_keys[u] << '\n';
    }
  }
  return Sha256Hex(key.str());
}

}  // namespace langdu::pipeline
