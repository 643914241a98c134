#pragma once

// FFmpeg (libavutil, libavcodec, libavformat), loaded at run time: only an M4B output needs it,
// and linking it would make every run map ~20 MB of libraries and their dependencies (x264, dav1d,
// vpx…) for nothing. The headers give the types; the functions are looked up with dlsym from the
// sonames of the FFmpeg that langdu was built against. Internal to the audio stage.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/opt.h>
}

namespace langdu::audio {

// X(library, function): every FFmpeg function the M4B encoder calls.
#define LANGDU_LIBAV_FUNCTIONS(X)             \
  X(avutil, av_calloc)                        \
  X(avutil, av_channel_layout_copy)           \
  X(avutil, av_channel_layout_default)        \
  X(avutil, av_dict_free)                     \
  X(avutil, av_dict_set)                      \
  X(avutil, av_frame_alloc)                   \
  X(avutil, av_frame_free)                    \
  X(avutil, av_frame_get_buffer)              \
  X(avutil, av_frame_make_writable)           \
  X(avutil, av_log_set_level)                 \
  X(avutil, av_mallocz)                       \
  X(avutil, av_opt_set)                       \
  X(avutil, av_strerror)                      \
  X(avcodec, av_new_packet)                   \
  X(avcodec, av_packet_alloc)                 \
  X(avcodec, av_packet_free)                  \
  X(avcodec, av_packet_rescale_ts)            \
  X(avcodec, avcodec_alloc_context3)          \
  X(avcodec, avcodec_find_decoder)            \
  X(avcodec, avcodec_find_encoder)            \
  X(avcodec, avcodec_free_context)            \
  X(avcodec, avcodec_open2)                   \
  X(avcodec, avcodec_parameters_from_context) \
  X(avcodec, avcodec_receive_frame)           \
  X(avcodec, avcodec_receive_packet)          \
  X(avcodec, avcodec_send_frame)              \
  X(avcodec, avcodec_send_packet)             \
  X(avformat, av_interleaved_write_frame)     \
  X(avformat, av_write_frame)                 \
  X(avformat, av_write_trailer)               \
  X(avformat, avformat_alloc_output_context2) \
  X(avformat, avformat_free_context)          \
  X(avformat, avformat_new_stream)            \
  X(avformat, avformat_write_header)          \
  X(avformat, avio_closep)                    \
  X(avformat, avio_open)

/// Pointers to the FFmpeg functions, named as in FFmpeg.
struct Libav {
#define LANGDU_LIBAV_POINTER(library, name) decltype(&::name) name = nullptr;
  LANGDU_LIBAV_FUNCTIONS(LANGDU_LIBAV_POINTER)
#undef LANGDU_LIBAV_POINTER
};

/// Loads FFmpeg's three libraries once per process (thread-safe) and returns their functions.
/// Throws core::Error (kOutput) "M4B needs FFmpeg: cannot load <library>: <dlerror>" when a
/// library or a function is missing; a later call tries again.
const Libav& LoadLibav();

}  // namespace langdu::audio
