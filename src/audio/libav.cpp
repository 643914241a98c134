#include "audio/libav.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "core/error.h"

namespace langdu::audio {
namespace {

#define LANGDU_STRINGIFY_(x) #x
#define LANGDU_STRINGIFY(x) LANGDU_STRINGIFY_(x)

// The sonames of the FFmpeg that langdu was compiled against: a different major version has a
// different ABI for the structures the encoder fills in.
constexpr const char* kAvutil = "libavutil.so." LANGDU_STRINGIFY(LIBAVUTIL_VERSION_MAJOR);
constexpr const char* kAvcodec = "libavcodec.so." LANGDU_STRINGIFY(LIBAVCODEC_VERSION_MAJOR);
constexpr const char* kAvformat = "libavformat.so." LANGDU_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR);

[[noreturn]] void Fail(const std::string& what) {
  throw core::Error(core::ErrorKind::kOutput, "M4B needs FFmpeg: cannot load " + what);
}

void* Open(const char* soname) {
  // The handles stay open for the life of the process, like a linked library.
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* reason = dlerror();
    Fail(std::string(soname) + (reason != nullptr ? std::string(": ") + reason : ""));
  }
  return handle;
}

template <typename Function>
void Find(void* handle, const char* soname, const char* name, Function& function) {
  function = reinterpret_cast<Function>(dlsym(handle, name));
  if (function == nullptr) Fail(std::string(soname) + ": no function " + name);
}

Libav Load() {
  void* avutil = Open(kAvutil);
  void* avcodec = Open(kAvcodec);
  void* avformat = Open(kAvformat);
  const char* avutil_name = kAvutil;
  const char* avcodec_name = kAvcodec;
  const char* avformat_name = kAvformat;
  Libav libav;
#define LANGDU_LIBAV_FIND(library, name) Find(library, library##_name, #name, libav.name);
  LANGDU_LIBAV_FUNCTIONS(LANGDU_LIBAV_FIND)
#undef LANGDU_LIBAV_FIND
  return libav;
}

}  // namespace

const Libav& LoadLibav() {
  static std::mutex mutex;
  static Libav libav;
  static bool loaded = false;
  const std::lock_guard<std::mutex> lock(mutex);
  if (!loaded) {
    libav = Load();
    loaded = true;
  }
  return libav;
}

}  // namespace langdu::audio
