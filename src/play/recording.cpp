#include "play/recording.h"

#include <sonic.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace langdu::play {
namespace {

using Json = nlohmann::json;

core::Error NotAManifest(const std::filesystem::path& path, const std::string& why) {
  return core::Error(core::ErrorKind::kInputDecode,
                     path.string() + ": not a langdu manifest: " + why);
}

const Json& Field(const Json& object, const char* name, const std::filesystem::path& path) {
  if (!object.is_object() || !object.contains(name)) {
    throw NotAManifest(path, std::string("no \"") + name + "\"");
  }
  return object[name];
}

double Number(const Json& object, const char* name, const std::filesystem::path& path) {
  const Json& value = Field(object, name, path);
  if (!value.is_number()) throw NotAManifest(path, std::string("\"") + name + "\" is no number");
  return value.get<double>();
}

// One chapter's sentences: each runs to the start of the next, the last to the chapter's end.
void AddChapter(Recording& recording, const Json& chapter, const std::filesystem::path& path) {
  const Json& file = Field(chapter, "file", path);
  if (!file.is_string()) throw NotAManifest(path, "\"file\" is no string");
  const std::filesystem::path audio = path.parent_path() / file.get<std::string>();
  if (recording.files.empty() || recording.files.back() != audio) recording.files.push_back(audio);
  const std::size_t file_index = recording.files.size() - 1;
  // With --single the chapter is a stretch of the book's file; otherwise the file is the chapter.
  const double chapter_end = chapter.contains("end_s") ? Number(chapter, "end_s", path) : -1;
  const Json& number = Field(chapter, "number", path);
  if (!number.is_number_integer()) throw NotAManifest(path, "\"number\" is no integer");
  bool begun = false;
  for (const Json& paragraph : Field(chapter, "paragraphs", path)) {
    bool first = true;
    for (const Json& sentence : Field(paragraph, "sentences", path)) {
      if (!begun) recording.outline.BeginChapter(number.get<int>());
      begun = true;
      const Json& text = Field(sentence, "source_text", path);
      if (!text.is_string()) throw NotAManifest(path, "\"source_text\" is no string");
      const double start_s = Number(sentence, "start_s", path);
      if (!recording.sentences.empty() && recording.sentences.back().file == file_index &&
          recording.sentences.back().end_s < 0) {
        recording.sentences.back().end_s = start_s;
      }
      recording.outline.Add(text.get<std::string>(), first);
      recording.sentences.push_back({file_index, start_s, -1});
      first = false;
    }
  }
  if (begun) recording.sentences.back().end_s = chapter_end;
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
  const Json json = Json::parse(recording.manifest_bytes, nullptr, false);
  if (json.is_discarded()) throw NotAManifest(recording.manifest, "invalid JSON");
  if (!json.is_object() || json.value("format", "") != "langdu-manifest") {
    throw NotAManifest(recording.manifest, "\"format\" is not \"langdu-manifest\"");
  }
  for (const Json& chapter : Field(json, "chapters", recording.manifest)) {
    AddChapter(recording, chapter, recording.manifest);
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
