#include "play/recording.h"

#include <sonic.h>

#include <cmath>
#include <fstream>
#include <iterator>

#include "core/error.h"
#include "publish/manifest_records.h"

namespace langdu::play {
namespace {

// One chapter's sentences: each runs to the start of the next, the last to the chapter's end
// (with --single, where the chapter ends inside the book's file; else the end of its own file).
void AddChapter(Recording& recording, const publish::ChapterRecord& chapter, bool single,
                const std::filesystem::path& folder) {
  const std::filesystem::path audio = folder / chapter.file;
  if (recording.files.empty() || recording.files.back() != audio) recording.files.push_back(audio);
  const std::size_t file_index = recording.files.size() - 1;
  bool begun = false;
  for (const publish::ParagraphRecord& paragraph : chapter.paragraphs) {
    bool first = true;
    for (const publish::SentenceRecord& sentence : paragraph.sentences) {
      if (!begun) recording.outline.BeginChapter(chapter.number);
      if (begun) recording.sentences.back().end_s = sentence.start_s;
      begun = true;
      recording.outline.Add(sentence.source_text, first);
      recording.sentences.push_back({file_index, sentence.start_s, -1});
      first = false;
    }
  }
  if (begun) recording.sentences.back().end_s = single ? chapter.end_s : -1;
}

struct SonicStream {
  explicit SonicStream(int sample_rate_hz) : stream(sonicCreateStream(sample_rate_hz, 1)) {
    if (stream == nullptr) throw core::Error(core::ErrorKind::kInternal, "sonic: out of memory");
  }
  ~SonicStream() { sonicDestroyStream(stream); }
  SonicStream(const SonicStream&) = delete;
  SonicStream& operator=(const SonicStream&) = delete;
  sonicStream stream;
};

}  // namespace

bool IsRecording(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error) || path.filename() == "manifest.json";
}

Recording LoadRecording(const std::filesystem::path& path) {
  Recording recording;
  std::error_code error;
  recording.manifest = std::filesystem::is_directory(path, error) ? path / "manifest.json" : path;
  std::ifstream in(recording.manifest, std::ios::binary);
  if (!in) {
    throw core::Error(core::ErrorKind::kInputMissing,
                      recording.manifest.string() +
                          ": no such file (play takes a text, or a folder written by narrate)");
  }
  recording.manifest_bytes.assign(std::istreambuf_iterator<char>(in), {});
  const publish::Manifest manifest =
      publish::ParseManifest(recording.manifest_bytes, recording.manifest.string());
  for (const publish::ChapterRecord& chapter : manifest.chapters) {
    AddChapter(recording, chapter, manifest.header.options.single,
               recording.manifest.parent_path());
  }
  if (recording.sentences.empty()) {
    throw core::Error(core::ErrorKind::kInputEmpty,
                      recording.manifest.string() + ": no sentence to play");
  }
  return recording;
}

RecordingSpeech::RecordingSpeech(const Recording& recording) : recording_(recording) {
  sample_rate_hz_ = Open(0).sample_rate_hz();
}

RecordingSpeech::~RecordingSpeech() = default;

audio::SoundFileReader& RecordingSpeech::Open(std::size_t file) {
  if (reader_ == nullptr || open_file_ != file) {
    reader_ = std::make_unique<audio::SoundFileReader>(recording_.files[file]);
    open_file_ = file;
  }
  return *reader_;
}

std::vector<std::int16_t> RecordingSpeech::Audio(int index) {
  const RecordedSentence& sentence = recording_.sentences[static_cast<std::size_t>(index)];
  audio::SoundFileReader& reader = Open(sentence.file);
  const int rate = reader.sample_rate_hz();
  const auto first = static_cast<std::int64_t>(std::llround(sentence.start_s * rate));
  const std::int64_t end = sentence.end_s < 0
                               ? reader.frames()
                               : static_cast<std::int64_t>(std::llround(sentence.end_s * rate));
  std::vector<std::int16_t> samples = reader.Read(first, end - first);
  if (speed_ == 1) return samples;
  return TimeStretch(samples, rate, speed_);
}

std::vector<std::int16_t> TimeStretch(const std::vector<std::int16_t>& samples, int sample_rate_hz,
                                      double speed) {
  SonicStream sonic(sample_rate_hz);
  sonicSetSpeed(sonic.stream, static_cast<float>(speed));
  std::vector<short> input(samples.begin(), samples.end());
  if (!input.empty() &&
      !sonicWriteShortToStream(sonic.stream, input.data(), static_cast<int>(input.size()))) {
    throw core::Error(core::ErrorKind::kInternal, "sonic: out of memory");
  }
  sonicFlushStream(sonic.stream);
  std::vector<std::int16_t> out(static_cast<std::size_t>(sonicSamplesAvailable(sonic.stream)));
  if (!out.empty()) {
    sonicReadShortFromStream(sonic.stream, out.data(), static_cast<int>(out.size()));
  }
  return out;
}

}  // namespace langdu::play
