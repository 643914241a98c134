#include "audio/m4b_encoder.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "audio/libav.h"
#include "core/error.h"

namespace langdu::audio {
namespace {

// FFmpeg's functions, loaded on first use (see libav.h).
const Libav& Av() { return LoadLibav(); }

// libav*'s status, translated in one place.
void Check(int status, const std::filesystem::path& path, const char* what) {
  if (status >= 0) return;
  char message[AV_ERROR_MAX_STRING_SIZE] = {};
  Av().av_strerror(status, message, sizeof message);
  throw core::Error(core::ErrorKind::kOutput,
                    path.string() + ": cannot write M4B (" + what + "): " + message);
}

struct FormatDeleter {
  void operator()(AVFormatContext* format) const {
    if (format->pb != nullptr) Av().avio_closep(&format->pb);
    Av().avformat_free_context(format);
  }
};
struct CodecDeleter {
  void operator()(AVCodecContext* codec) const { Av().avcodec_free_context(&codec); }
};
struct FrameDeleter {
  void operator()(AVFrame* frame) const { Av().av_frame_free(&frame); }
};
struct PacketDeleter {
  void operator()(AVPacket* packet) const { Av().av_packet_free(&packet); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecDeleter>;

// The size of a cover image, which the muxer needs: decoded once by libavcodec.
std::pair<int, int> PictureSize(const Picture& picture, AVCodecID id,
                                const std::filesystem::path& path) {
  const AVCodec* decoder = Av().avcodec_find_decoder(id);
  if (decoder == nullptr) Check(AVERROR_DECODER_NOT_FOUND, path, "cover");
  CodecPtr context(Av().avcodec_alloc_context3(decoder));
  Check(Av().avcodec_open2(context.get(), decoder, nullptr), path, "cover");
  PacketPtr packet(Av().av_packet_alloc());
  Check(Av().av_new_packet(packet.get(), static_cast<int>(picture.data.size())), path, "cover");
  std::copy(picture.data.begin(), picture.data.end(), packet->data);
  Check(Av().avcodec_send_packet(context.get(), packet.get()), path, "cover");
  Check(Av().avcodec_send_packet(context.get(), nullptr), path, "cover");
  FramePtr frame(Av().av_frame_alloc());
  Check(Av().avcodec_receive_frame(context.get(), frame.get()), path, "cover");
  return {frame->width, frame->height};
}

}  // namespace

struct M4bEncoder::State {
  std::filesystem::path path;
  std::unique_ptr<AVFormatContext, FormatDeleter> format;
  CodecPtr codec;
  AVStream* stream = nullptr;
  FramePtr frame;
  PacketPtr packet;
  std::int64_t samples_sent = 0;

  // Sends the frame (or, with nullptr, the end) and writes every packet the encoder has ready.
  void Encode(AVFrame* input) {
    Check(Av().avcodec_send_frame(codec.get(), input), path, "encode");
    while (true) {
      const int status = Av().avcodec_receive_packet(codec.get(), packet.get());
      if (status == AVERROR(EAGAIN) || status == AVERROR_EOF) return;
      Check(status, path, "encode");
      Av().av_packet_rescale_ts(packet.get(), codec->time_base, stream->time_base);
      packet->stream_index = stream->index;
      Check(Av().av_interleaved_write_frame(format.get(), packet.get()), path, "write");
    }
  }

  void SendFrame() {
    frame->pts = samples_sent;
    samples_sent += frame->nb_samples;
    Encode(frame.get());
    frame->nb_samples = 0;
  }
};

M4bEncoder::M4bEncoder(const std::filesystem::path& path, const EncoderSettings& settings,
                       const Tags& tags, const std::optional<Picture>& cover)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.path = path;
  try {
    LoadLibav();
  } catch (const core::Error& error) {
    throw core::Error(error.kind(), path.string() + ": " + error.what());
  }
  Av().av_log_set_level(AV_LOG_QUIET);  // errors are reported through core::Error
  AVFormatContext* format = nullptr;
  Check(Av().avformat_alloc_output_context2(&format, nullptr, "ipod", path.c_str()), path, "muxer");
  s.format.reset(format);
  format->flags |= AVFMT_FLAG_BITEXACT;

  const AVCodec* aac = Av().avcodec_find_encoder(AV_CODEC_ID_AAC);
  if (aac == nullptr) Check(AVERROR_ENCODER_NOT_FOUND, path, "aac");
  s.codec.reset(Av().avcodec_alloc_context3(aac));
  AVCodecContext* codec = s.codec.get();
  codec->sample_fmt = AV_SAMPLE_FMT_FLTP;
  codec->sample_rate = settings.sample_rate_hz;
  Av().av_channel_layout_default(&codec->ch_layout, 1);
  codec->bit_rate = static_cast<std::int64_t>(settings.bitrate_kbps.value_or(48)) * 1000;
  codec->time_base = {1, settings.sample_rate_hz};
  codec->flags |= AV_CODEC_FLAG_BITEXACT;
  if (format->oformat->flags & AVFMT_GLOBALHEADER) codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  Check(Av().avcodec_open2(codec, aac, nullptr), path, "aac");

  s.stream = Av().avformat_new_stream(format, nullptr);
  if (s.stream == nullptr) Check(AVERROR(ENOMEM), path, "stream");
  s.stream->time_base = {1, settings.sample_rate_hz};
  Check(Av().avcodec_parameters_from_context(s.stream->codecpar, codec), path, "stream");

  AVStream* picture = nullptr;
  if (cover) {
    const AVCodecID id = cover->mime_type == "image/png" ? AV_CODEC_ID_PNG : AV_CODEC_ID_MJPEG;
    const auto [width, height] = PictureSize(*cover, id, path);
    picture = Av().avformat_new_stream(format, nullptr);
    if (picture == nullptr) Check(AVERROR(ENOMEM), path, "cover");
    picture->disposition = AV_DISPOSITION_ATTACHED_PIC;
    picture->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
    picture->codecpar->codec_id = id;
    picture->codecpar->width = width;
    picture->codecpar->height = height;
  }

  const std::pair<const char*, const std::string*> fields[] = {
      {"title", &tags.title}, {"artist", &tags.artist}, {"album", &tags.album},
      {"genre", &tags.genre}, {"date", &tags.date},     {"comment", &tags.comment}};
  for (const auto& [key, value] : fields) {
    if (!value->empty()) Av().av_dict_set(&format->metadata, key, value->c_str(), 0);
  }
  if (tags.track > 0) {
    const std::string track =
        std::to_string(tags.track) +
        (tags.track_count > 0 ? "/" + std::to_string(tags.track_count) : std::string());
    Av().av_dict_set(&format->metadata, "track", track.c_str(), 0);
  }

  Check(Av().avio_open(&format->pb, path.c_str(), AVIO_FLAG_WRITE), path, "create");
  AVDictionary* options = nullptr;
  Av().av_dict_set(&options, "movflags", "+faststart", 0);
  const int status = Av().avformat_write_header(format, &options);
  Av().av_dict_free(&options);
  Check(status, path, "header");

  if (picture != nullptr) {
    PacketPtr packet(Av().av_packet_alloc());
    Check(Av().av_new_packet(packet.get(), static_cast<int>(cover->data.size())), path, "cover");
    std::copy(cover->data.begin(), cover->data.end(), packet->data);
    packet->stream_index = picture->index;
    packet->flags |= AV_PKT_FLAG_KEY;
    packet->pts = packet->dts = 0;
    Check(Av().av_write_frame(format, packet.get()), path, "cover");
  }

  s.frame.reset(Av().av_frame_alloc());
  s.frame->format = codec->sample_fmt;
  s.frame->sample_rate = codec->sample_rate;
  Check(Av().av_channel_layout_copy(&s.frame->ch_layout, &codec->ch_layout), path, "frame");
  s.frame->nb_samples = codec->frame_size;
  Check(Av().av_frame_get_buffer(s.frame.get(), 0), path, "frame");
  s.frame->nb_samples = 0;
  s.packet.reset(Av().av_packet_alloc());
}

M4bEncoder::~M4bEncoder() = default;

void M4bEncoder::Write(std::span<const std::int16_t> samples) {
  State& s = *state_;
  const int frame_size = s.codec->frame_size;
  while (!samples.empty()) {
    Check(Av().av_frame_make_writable(s.frame.get()), s.path, "frame");
    auto* data = reinterpret_cast<float*>(s.frame->data[0]);
    const auto take = std::min<std::size_t>(samples.size(), frame_size - s.frame->nb_samples);
    for (std::size_t i = 0; i < take; ++i) {
      data[s.frame->nb_samples + i] = static_cast<float>(samples[i]) / 32768.0f;
    }
    s.frame->nb_samples += static_cast<int>(take);
    samples = samples.subspan(take);
    if (s.frame->nb_samples == frame_size) s.SendFrame();
  }
}

void M4bEncoder::Finish(std::span<const ChapterMark> chapters) {
  State& s = *state_;
  if (s.frame->nb_samples > 0) s.SendFrame();  // AAC takes a short last frame
  s.Encode(nullptr);

  // Chapters are known only now; the muxer writes a chapter track and chpl for chapters added
  // before the trailer.
  AVFormatContext* format = s.format.get();
  if (chapters.size() > kNeroChapterLimit) {
    // A Nero list cut at 255 would make its last chapter run to the end of the book: past the
    // limit, only the QuickTime chapter track is written.
    Check(Av().av_opt_set(format->priv_data, "movflags", "+disable_chpl", 0), s.path, "chapters");
  }
  if (!chapters.empty()) {
    format->chapters =
        static_cast<AVChapter**>(Av().av_calloc(chapters.size(), sizeof(AVChapter*)));
    if (format->chapters == nullptr) Check(AVERROR(ENOMEM), s.path, "chapters");
    for (const ChapterMark& mark : chapters) {
      auto* chapter = static_cast<AVChapter*>(Av().av_mallocz(sizeof(AVChapter)));
      if (chapter == nullptr) Check(AVERROR(ENOMEM), s.path, "chapters");
      format->chapters[format->nb_chapters] = chapter;
      chapter->id = format->nb_chapters++;
      chapter->time_base = {1, 1000};
      chapter->start = std::llround(mark.start_s * 1000);
      chapter->end = std::llround(mark.end_s * 1000);
      Av().av_dict_set(&chapter->metadata, "title", mark.title.c_str(), 0);
    }
  }
  Check(Av().av_write_trailer(format), s.path, "trailer");
  Check(Av().avio_closep(&format->pb), s.path, "close");
}

}  // namespace langdu::audio
