#pragma once

#include <cstdint>

namespace langdu::synth {

/// The generator behind glibc's rand() and srand() (TYPE_3: additive feedback over 31 words,
/// seeded as srand seeds it), without glibc's lock: from the same seed, the same numbers.
class GlibcRandom {
 public:
  constexpr explicit GlibcRandom(unsigned seed = 1) { Seed(seed); }

  /// As srand(seed).
  constexpr void Seed(unsigned seed) {
    if (seed == 0) seed = 1;
    auto word = static_cast<std::int32_t>(seed);
    state_[0] = word;
    for (int i = 1; i < kDegree; ++i) {
      // 16807 * word % 2147483647 without overflowing 31 bits (Schrage's method, as glibc).
      const long hi = word / 127773;
      const long lo = word % 127773;
      word = static_cast<std::int32_t>(16807 * lo - 2836 * hi);
      if (word < 0) word += 2147483647;
      state_[i] = word;
    }
    front_ = kSeparation;
    rear_ = 0;
    for (int i = 0; i < 10 * kDegree; ++i) Next();
  }

  /// As rand(): 0 .. 2^31 - 1.
  constexpr int Next() {
    const std::uint32_t value =
        static_cast<std::uint32_t>(state_[front_]) + static_cast<std::uint32_t>(state_[rear_]);
    state_[front_] = static_cast<std::int32_t>(value);
    front_ = front_ + 1 == kDegree ? 0 : front_ + 1;
    rear_ = rear_ + 1 == kDegree ? 0 : rear_ + 1;
    return static_cast<int>(value >> 1);
  }

 private:
  static constexpr int kDegree = 31;
  static constexpr int kSeparation = 3;
  std::int32_t state_[kDegree] = {};
  int front_ = kSeparation;
  int rear_ = 0;
};

}  // namespace langdu::synth
