#include "audio/tags.h"

#include <taglib/attachedpictureframe.h>
#include <taglib/chapterframe.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/infotag.h>
#include <taglib/mp4file.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tableofcontentsframe.h>
#include <taglib/textidentificationframe.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>

#include "core/error.h"

// GCC 12 at -O3 reports a false -Wrestrict inside libstdc++ (char_traits.h, memcpy "may
// overlap") for `"literal" + std::string` here: GCC bug 105329. Silenced in this file only.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace langdu::audio {
namespace {

using TagLib::ByteVector;
using TagLib::String;

core::Error OutputError(const std::filesystem::path& path, const std::string& what) {
  return core::Error(core::ErrorKind::kOutput, path.string() + ": " + what);
}

String Utf8(const std::string& text) { return String(text, String::UTF8); }

ByteVector Bytes(const std::string& data) {
  return ByteVector(data.data(), static_cast<unsigned int>(data.size()));
}

// RIFF INFO holds 8-bit text with no declared encoding; players read it as UTF-8, TagLib's
// default handler writes Latin-1 (losing every Hanzi).
class Utf8InfoHandler : public TagLib::RIFF::Info::StringHandler {
 public:
  String parse(const ByteVector& data) const override { return String(data, String::UTF8); }
  ByteVector render(const String& text) const override { return text.data(String::UTF8); }
};

// "hh:mm:ss.mmm", the time form of Vorbis CHAPTERnnn comments.
std::string ClockTime(double seconds) {
  const long long ms = std::llround(seconds * 1000);
  char text[32];
  std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, ms % 1000);
  return text;
}

std::string TrackText(const Tags& tags) {
  if (tags.track == 0) return "";
  return std::to_string(tags.track) +
         (tags.track_count > 0 ? "/" + std::to_string(tags.track_count) : "");
}

unsigned int Ms(double seconds) { return static_cast<unsigned int>(std::llround(seconds * 1000)); }

TagLib::ID3v2::Frame* TextFrame(const char* id, const std::string& value) {
  auto* frame = new TagLib::ID3v2::TextIdentificationFrame(ByteVector(id), String::UTF8);
  frame->setText(Utf8(value));
  return frame;
}

void FillId3v2(TagLib::ID3v2::Tag& tag, const Tags& tags, const std::optional<Picture>& cover,
               std::span<const ChapterMark> chapters) {
  // ISO 639-2, as ID3v2 TLAN asks: "zh" is ISO 639-1.
  const std::string language = tags.language == "zh" ? "zho" : tags.language;
  const std::pair<const char*, std::string> texts[] = {
      {"TIT2", tags.title}, {"TALB", tags.album}, {"TPE1", tags.artist}, {"TRCK", TrackText(tags)},
      {"TCON", tags.genre}, {"TDRC", tags.date},  {"TLAN", language},    {"TSSE", tags.comment}};
  for (const auto& [id, value] : texts) {
    tag.removeFrames(ByteVector(id));
    if (!value.empty()) tag.addFrame(TextFrame(id, value));
  }
  if (cover) {
    auto* picture = new TagLib::ID3v2::AttachedPictureFrame;
    picture->setTextEncoding(String::UTF8);
    picture->setMimeType(cover->mime_type);
    picture->setType(TagLib::ID3v2::AttachedPictureFrame::FrontCover);
    picture->setPicture(Bytes(cover->data));
    tag.addFrame(picture);
  }
  if (chapters.empty()) return;
  TagLib::ByteVectorList children;
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    const ByteVector id(("chp" + std::to_string(i + 1)).c_str());
    children.append(id);
    TagLib::ID3v2::FrameList embedded;
    embedded.append(TextFrame("TIT2", chapters[i].title));
    // 0xFFFFFFFF: no byte offsets, the times alone place the chapter.
    tag.addFrame(new TagLib::ID3v2::ChapterFrame(id, Ms(chapters[i].start_s), Ms(chapters[i].end_s),
                                                 0xFFFFFFFF, 0xFFFFFFFF, embedded));
  }
  auto* toc = new TagLib::ID3v2::TableOfContentsFrame(ByteVector("toc"), children);
  toc->setIsTopLevel(true);
  toc->setIsOrdered(true);
  tag.addFrame(toc);
}

TagLib::FLAC::Picture* FlacPicture(const Picture& cover) {
  auto* picture = new TagLib::FLAC::Picture;
  picture->setType(TagLib::FLAC::Picture::FrontCover);
  picture->setMimeType(cover.mime_type);
  picture->setData(Bytes(cover.data));
  return picture;
}

void FillXiph(TagLib::Ogg::XiphComment& comment, const Tags& tags,
              std::span<const ChapterMark> chapters) {
  for (const auto& [key, value] : VorbisFields(tags)) {
    comment.removeFields(key);
    if (!value.empty()) comment.addField(key, Utf8(value));
  }
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    char key[32];
    std::snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
    comment.addField(key, ClockTime(chapters[i].start_s));
    comment.addField(std::string(key) + "NAME", Utf8(chapters[i].title));
  }
}

// TagLib writes RIFF chunks but has no cue API: this adds the "cue " chunk and its "LIST"/"adtl"
// labels, the form players and editors read WAV markers from.
class WavFile : public TagLib::RIFF::WAV::File {
 public:
  using TagLib::RIFF::WAV::File::File;

  void AddCues(std::span<const ChapterMark> chapters, int sample_rate_hz) {
    ByteVector cues = ByteVector::fromUInt(static_cast<unsigned int>(chapters.size()), false);
    ByteVector labels("adtl");
    for (std::size_t i = 0; i < chapters.size(); ++i) {
      const auto id = static_cast<unsigned int>(i + 1);
      const auto sample =
          static_cast<unsigned int>(std::llround(chapters[i].start_s * sample_rate_hz));
      cues.append(ByteVector::fromUInt(id, false));
      cues.append(ByteVector::fromUInt(sample, false));
      cues.append(ByteVector("data"));
      cues.append(ByteVector::fromUInt(0, false));  // chunk start
      cues.append(ByteVector::fromUInt(0, false));  // block start
      cues.append(ByteVector::fromUInt(sample, false));
      ByteVector label = ByteVector::fromUInt(id, false);
      label.append(Utf8(chapters[i].title).data(String::UTF8));
      label.append('\0');
      labels.append(ByteVector("labl"));
      labels.append(ByteVector::fromUInt(label.size(), false));
      labels.append(label);
      if (label.size() % 2 != 0) labels.append('\0');
    }
    setChunkData(ByteVector("cue "), cues);
    setChunkData(ByteVector("LIST"), labels, true);
  }
};

void TagWav(const std::filesystem::path& path, const Tags& tags,
            const std::optional<Picture>& cover, std::span<const ChapterMark> chapters) {
  static Utf8InfoHandler handler;
  static std::once_flag once;
  std::call_once(once, [] { TagLib::RIFF::Info::Tag::setStringHandler(&handler); });
  WavFile file(path.c_str());
  if (!file.isValid()) throw OutputError(path, "cannot tag: not a readable WAV file");
  TagLib::RIFF::Info::Tag& info = *file.InfoTag();
  const std::pair<const char*, std::string> fields[] = {
      {"INAM", tags.title},      {"IPRD", tags.album},  {"IART", tags.artist},
      {"ITRK", TrackText(tags)}, {"IGNR", tags.genre},  {"ICRD", tags.date},
      {"ILNG", tags.language},   {"ICMT", tags.comment}};
  for (const auto& [id, value] : fields) {
    if (!value.empty()) info.setFieldText(ByteVector(id), Utf8(value));
  }
  FillId3v2(*file.ID3v2Tag(), tags, cover, {});
  if (!file.save(TagLib::RIFF::WAV::File::AllTags)) throw OutputError(path, "cannot save tags");
  if (!chapters.empty()) file.AddCues(chapters, file.audioProperties()->sampleRate());
}

template <typename OggFile>
void TagOgg(const std::filesystem::path& path, const Tags& tags,
            const std::optional<Picture>& cover, std::span<const ChapterMark> chapters) {
  OggFile file(path.c_str(), false);
  if (!file.isValid()) throw OutputError(path, "cannot tag: not a readable Ogg file");
  FillXiph(*file.tag(), tags, chapters);
  if (cover) file.tag()->addPicture(FlacPicture(*cover));
  if (!file.save()) throw OutputError(path, "cannot save tags");
}

}  // namespace

std::vector<VorbisField> VorbisFields(const Tags& tags) {
  return {{"TITLE", tags.title},
          {"ALBUM", tags.album},
          {"ARTIST", tags.artist},
          {"TRACKNUMBER", tags.track > 0 ? std::to_string(tags.track) : ""},
          {"TRACKTOTAL", tags.track_count > 0 ? std::to_string(tags.track_count) : ""},
          {"GENRE", tags.genre},
          {"DATE", tags.date},
          {"LANGUAGE", tags.language},
          {"COMMENT", tags.comment}};
}

Picture ReadPicture(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw core::Error(core::ErrorKind::kInputMissing,
                      "--cover: " + path.string() + ": cannot read");
  }
  Picture picture;
  picture.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (picture.data.rfind("\xFF\xD8\xFF", 0) == 0) {
    picture.mime_type = "image/jpeg";
  } else if (picture.data.rfind("\x89PNG\r\n\x1A\n", 0) == 0) {
    picture.mime_type = "image/png";
  } else {
    throw core::Error(core::ErrorKind::kUsage,
                      "--cover: " + path.string() + ": not a JPEG or PNG image");
  }
  return picture;
}

void WriteTags(const std::filesystem::path& path, Format format, const Tags& tags,
               const std::optional<Picture>& cover, std::span<const ChapterMark> chapters) {
  switch (format) {
    case Format::kWav:
      TagWav(path, tags, cover, chapters);
      return;
    case Format::kFlac: {
      TagLib::FLAC::File file(path.c_str(), false);
      if (!file.isValid()) throw OutputError(path, "cannot tag: not a readable FLAC file");
      FillXiph(*file.xiphComment(true), tags, chapters);
      if (cover) file.addPicture(FlacPicture(*cover));
      if (!file.save()) throw OutputError(path, "cannot save tags");
      return;
    }
    case Format::kMp3: {
      TagLib::MPEG::File file(path.c_str(), false);
      if (!file.isValid()) throw OutputError(path, "cannot tag: not a readable MP3 file");
      FillId3v2(*file.ID3v2Tag(true), tags, cover, chapters);
      if (!file.save(TagLib::MPEG::File::ID3v2, TagLib::File::StripOthers, TagLib::ID3v2::v4,
                     TagLib::File::DoNotDuplicate)) {
        throw OutputError(path, "cannot save tags");
      }
      return;
    }
    case Format::kOgg:
      TagOgg<TagLib::Ogg::Vorbis::File>(path, tags, cover, chapters);
      return;
    case Format::kOpus:
      TagOgg<TagLib::Ogg::Opus::File>(path, tags, cover, chapters);
      return;
    case Format::kM4b:  // M4bEncoder writes them while muxing
      return;
  }
}

double ContainerDuration(const std::filesystem::path& path, Format format) {
  std::unique_ptr<TagLib::File> file;
  switch (format) {
    case Format::kWav:
      file = std::make_unique<TagLib::RIFF::WAV::File>(path.c_str());
      break;
    case Format::kFlac:
      file = std::make_unique<TagLib::FLAC::File>(path.c_str());
      break;
    case Format::kMp3:
      file = std::make_unique<TagLib::MPEG::File>(path.c_str());
      break;
    case Format::kOgg:
      file = std::make_unique<TagLib::Ogg::Vorbis::File>(path.c_str());
      break;
    case Format::kOpus:
      file = std::make_unique<TagLib::Ogg::Opus::File>(path.c_str());
      break;
    case Format::kM4b:
      file = std::make_unique<TagLib::MP4::File>(path.c_str());
      break;
  }
  if (!file->isValid() || file->audioProperties() == nullptr) {
    throw OutputError(path, "cannot read back");
  }
  return file->audioProperties()->lengthInMilliseconds() / 1000.0;
}

}  // namespace langdu::audio
