#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/utf8.h"

namespace langdu::fuzz {

/// The fuzzer's bytes as a string view.
inline std::string_view Bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// True when `text` is valid UTF-8: what every stage after decode may assume.
inline bool IsValidUtf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = core::ValidSequenceLength(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

/// Runs `parse`; a core::Error is a correct answer to bad input (it becomes one line and an exit
/// code), and anything else that escapes is a bug the fuzzer reports as a crash.
template <typename Parse>
void ExpectOnlyLangduErrors(Parse parse) {
  try {
    parse();
  } catch (const core::Error& error) {
    if (error.kind() == core::ErrorKind::kInternal) throw;
  }
}

}  // namespace langdu::fuzz
