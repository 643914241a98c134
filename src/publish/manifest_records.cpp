#include "publish/manifest_records.h"

#include <cmath>

#include "core/error.h"

namespace langdu::publish {

using Json = nlohmann::ordered_json;

double SamplesToSeconds(std::int64_t samples, int sample_rate_hz) {
  return std::round(static_cast<double>(samples) * 1e6 / sample_rate_hz) / 1e6;
}

double RoundSeconds(double seconds) { return std::round(seconds * 1e6) / 1e6; }

Json SpanJson(const core::SourceSpan& span) {
  return {{"line", span.line},
          {"column", span.column},
          {"byte_offset", span.byte_offset},
          {"byte_length", span.byte_length}};
}

void to_json(Json& json, const ManifestHeader& header) {
  const VoiceRecord& voice = header.voice;
  const OptionsRecord& options = header.options;
  Json encoder = {{"format", options.format}, {"sample_rate_hz", options.sample_rate_hz}};
  if (options.bitrate_kbps) encoder["bitrate_kbps"] = *options.bitrate_kbps;
  if (options.quality) encoder["quality"] = *options.quality;
  if (options.mp3_speed) encoder["mp3_speed"] = *options.mp3_speed;
  if (options.opus_complexity) encoder["opus_complexity"] = *options.opus_complexity;
  encoder["single"] = options.single;
  encoder["chapters"] = options.chapters;
  encoder["chapter_pattern"] = options.chapter_pattern;
  json = {{"format", "langdu-manifest"},
          {"version", 1},
          {"title", header.title},
          {"author", header.author},
          {"source",
           {{"path", header.source.path},
            {"sha256", header.source.sha256},
            {"encoding", header.source.encoding}}},
          {"voice",
           {{"name", voice.name},
            {"mandarin", voice.mandarin},
            {"english", voice.english},
            {"variant", voice.variant},
            {"rate_wpm", voice.rate_wpm},
            {"pitch", voice.pitch},
            {"pitch_range", voice.pitch_range},
            {"volume", voice.volume}}},
          {"options", std::move(encoder)},
          {"langdu_version", header.langdu_version},
          {"espeak_ng_version", header.espeak_ng_version},
          {"run_key", header.run_key}};
}

void to_json(Json& json, const ClauseRecord& clause) {
  json = {{"text", clause.text},
          {"engine_input", clause.engine_input},
          {"pause", clause.pause},
          {"start_s", clause.start_s},
          {"end_s", clause.end_s}};
}

void to_json(Json& json, const SentenceRecord& sentence) {
  json = {{"source_text", sentence.source_text}, {"span", SpanJson(sentence.span)},
          {"spoken_text", sentence.spoken_text}, {"engine_input", sentence.engine_input},
          {"start_s", sentence.start_s},         {"end_s", sentence.end_s},
          {"clauses", sentence.clauses}};
}

void to_json(Json& json, const ParagraphRecord& paragraph) {
  json = {{"span", SpanJson(paragraph.span)},
          {"start_s", paragraph.start_s},
          {"end_s", paragraph.end_s},
          {"sentences", paragraph.sentences}};
}

void to_json(Json& json, const FileRecord& file) {
  json = {{"file", file.file},
          {"format", file.format},
          {"sample_rate_hz", file.sample_rate_hz},
          {"samples", file.samples},
          {"audio_duration_s", file.audio_duration_s},
          {"duration_s", file.duration_s},
          {"bitrate_kbps", std::round(file.bitrate_kbps * 10) / 10},
          {"bytes", file.bytes}};
  if (!file.audio_key.empty()) json["audio_key"] = file.audio_key;
}

void to_json(Json& json, const ChapterEnd& end) {
  if (end.file_record) {
    json = *end.file_record;
    json["book_start_s"] = end.book_start_s;
    return;
  }
  json = {{"file", end.file},
          {"start_s", end.start_s.value_or(0)},
          {"end_s", end.end_s.value_or(0)},
          {"book_start_s", end.book_start_s},
          {"duration_s", end.duration_s}};
}

namespace {

core::SourceSpan SpanFrom(const Json& json) {
  core::SourceSpan span;
  span.line = json.at("line").get<int>();
  span.column = json.at("column").get<int>();
  span.byte_offset = json.at("byte_offset").get<std::size_t>();
  span.byte_length = json.at("byte_length").get<std::size_t>();
  return span;
}

}  // namespace

FileRecord FileFromJson(const Json& json) {
  FileRecord file;
  file.file = json.at("file").get<std::string>();
  file.format = json.at("format").get<std::string>();
  file.sample_rate_hz = json.at("sample_rate_hz").get<int>();
  file.samples = json.at("samples").get<std::int64_t>();
  file.audio_duration_s = json.at("audio_duration_s").get<double>();
  file.duration_s = json.at("duration_s").get<double>();
  file.bitrate_kbps = json.at("bitrate_kbps").get<double>();
  file.bytes = json.at("bytes").get<std::uintmax_t>();
  // Manifests written before the field existed have none: their files are made again.
  if (json.contains("audio_key")) file.audio_key = json.at("audio_key").get<std::string>();
  return file;
}

namespace {

ManifestHeader HeaderFrom(const Json& json) {
  ManifestHeader header;
  header.title = json.at("title").get<std::string>();
  // Manifests written before the field existed have no author.
  header.author = json.value("author", "");
  const Json& source = json.at("source");
  header.source = {source.at("path").get<std::string>(), source.at("sha256").get<std::string>(),
                   source.at("encoding").get<std::string>()};
  const Json& voice = json.at("voice");
  header.voice = {voice.at("name").get<std::string>(),    voice.at("mandarin").get<std::string>(),
                  voice.at("english").get<std::string>(), voice.at("variant").get<std::string>(),
                  voice.at("rate_wpm").get<int>(),        voice.at("pitch").get<int>(),
                  voice.at("pitch_range").get<int>(),     voice.at("volume").get<int>()};
  const Json& options = json.at("options");
  header.options.format = options.at("format").get<std::string>();
  header.options.sample_rate_hz = options.at("sample_rate_hz").get<int>();
  if (options.contains("bitrate_kbps")) header.options.bitrate_kbps = options["bitrate_kbps"];
  if (options.contains("quality")) header.options.quality = options["quality"];
  if (options.contains("mp3_speed")) header.options.mp3_speed = options["mp3_speed"];
  if (options.contains("opus_complexity")) {
    header.options.opus_complexity = options["opus_complexity"];
  }
  header.options.single = options.at("single").get<bool>();
  header.options.chapters = options.at("chapters").get<std::string>();
  header.options.chapter_pattern = options.at("chapter_pattern").get<std::string>();
  header.langdu_version = json.at("langdu_version").get<std::string>();
  header.espeak_ng_version = json.at("espeak_ng_version").get<std::string>();
  header.run_key = json.value("run_key", std::string());
  return header;
}

}  // namespace

ParagraphRecord ParagraphFromJson(const Json& json) {
  ParagraphRecord paragraph;
  paragraph.span = SpanFrom(json.at("span"));
  paragraph.start_s = json.at("start_s").get<double>();
  paragraph.end_s = json.at("end_s").get<double>();
  for (const Json& s : json.at("sentences")) {
    SentenceRecord sentence;
    sentence.source_text = s.at("source_text").get<std::string>();
    sentence.span = SpanFrom(s.at("span"));
    sentence.spoken_text = s.at("spoken_text").get<std::string>();
    sentence.engine_input = s.at("engine_input").get<std::string>();
    sentence.start_s = s.at("start_s").get<double>();
    sentence.end_s = s.at("end_s").get<double>();
    for (const Json& c : s.at("clauses")) {
      sentence.clauses.push_back({c.at("text").get<std::string>(),
                                  c.at("engine_input").get<std::string>(),
                                  c.at("pause").get<std::string>(), c.at("start_s").get<double>(),
                                  c.at("end_s").get<double>()});
    }
    paragraph.sentences.push_back(std::move(sentence));
  }
  return paragraph;
}

namespace {

ChapterRecord ChapterFrom(const Json& json) {
  ChapterRecord chapter;
  chapter.number = json.at("number").get<int>();
  chapter.title = json.at("title").get<std::string>();
  for (const Json& p : json.at("paragraphs")) chapter.paragraphs.push_back(ParagraphFromJson(p));
  chapter.file = json.at("file").get<std::string>();
  chapter.start_s = json.value("start_s", 0.0);
  chapter.duration_s = json.at("duration_s").get<double>();
  chapter.end_s = json.value("end_s", chapter.start_s + chapter.duration_s);
  chapter.book_start_s = json.at("book_start_s").get<double>();
  return chapter;
}

}  // namespace

Manifest ParseManifest(const std::string& text, const std::string& name) {
  const Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || json.value("format", "") != "langdu-manifest") {
    throw core::Error(core::ErrorKind::kInputDecode, name + ": not a langdu manifest");
  }
  if (json.value("version", 0) != 1) {
    throw core::Error(core::ErrorKind::kInputDecode,
                      name + ": manifest version " + json.at("version").dump() +
                          " is not supported (this langdu reads version 1)");
  }
  try {
    Manifest manifest;
    manifest.header = HeaderFrom(json);
    for (const Json& chapter : json.at("chapters"))
      manifest.chapters.push_back(ChapterFrom(chapter));
    for (const Json& file : json.at("files")) manifest.files.push_back(FileFromJson(file));
    manifest.duration_s = json.at("duration_s").get<double>();
    return manifest;
  } catch (const nlohmann::json::exception& e) {
    throw core::Error(core::ErrorKind::kInputDecode, name + ": invalid manifest: " + e.what());
  }
}

}  // namespace langdu::publish
