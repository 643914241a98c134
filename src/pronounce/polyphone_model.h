#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::pronounce {

/// One polyphone of a sentence for the model to decide.
struct PolyphoneQuery {
  std::size_t position = 0;  ///< index of the character in the sentence, in code points
  /// The readings allowed ("hang2"), e.g. the character's readings in the lexicon; those the
  /// model does not know are ignored.
  std::vector<std::string> candidates;
};

/// The model's choice for one query: a softmax over the candidates it knows.
struct ModelChoice {
  std::string reading;  ///< the most probable candidate; empty when the model knows fewer than two
  double probability = 0.0;
  std::string runner_up;  ///< the second most probable candidate
  double runner_up_probability = 0.0;
};

/// The g2pM polyphone model (Park and Lee, "g2pM: A Neural Grapheme-to-Phoneme Conversion Package
/// for Mandarin Chinese", Interspeech 2020; Apache-2.0): character embeddings, a one-layer
/// bidirectional LSTM over the sentence between BOS and EOS marks, then a ReLU layer and one
/// logit per reading. The file is voices/g2pm/g2pm.bin, written by scripts/convert-g2pm.py (its
/// layout is documented there), read in one go and checked (magic, version, shapes, size,
/// checksum). Immutable after loading; Choose is thread-safe.
class PolyphoneModel {
 public:
  /// Reads and checks a model file. Throws core::Error(kData), naming the file, when it is
  /// missing, unreadable or corrupt.
  static PolyphoneModel Load(const std::filesystem::path& path);

  /// A model from the bytes of a model file; `where` names it in error messages.
  static PolyphoneModel FromBytes(std::string_view bytes, std::string_view where);

  PolyphoneModel(PolyphoneModel&&) noexcept;
  PolyphoneModel& operator=(PolyphoneModel&&) noexcept;
  ~PolyphoneModel();
  PolyphoneModel(const PolyphoneModel&) = delete;  ///< the views below point into storage_
  PolyphoneModel& operator=(const PolyphoneModel&) = delete;

  /// For each query, the most probable of its candidates given the whole sentence (code points,
  /// simplified characters; any character the model lacks is read as unknown). Runs the LSTM
  /// only as far as the queries need.
  std::vector<ModelChoice> Choose(std::u32string_view sentence,
                                  const std::vector<PolyphoneQuery>& queries) const;

  /// True when the model has an output class for `reading` ("hang2", 'v' for u-umlaut).
  bool KnowsReading(std::string_view reading) const { return ClassOf(reading) >= 0; }

  /// The model's most probable reading of all its classes for `character` (a code point,
  /// simplified) standing alone between BOS and EOS: for a character it learned, one of its
  /// readings; for one it was never trained on, anything (绿 reads guan4), which tells the caller
  /// not to trust the model's choices for it. A character the model lacks reads as the unknown
  /// character does. Computed once per character, on first use (about 30 µs; for the whole
  /// vocabulary at load time it would take some 100 ms). Thread-safe.
  std::string_view ReadingAlone(char32_t character) const;

 private:
  PolyphoneModel();
  int ClassOf(std::string_view reading) const;
  std::uint32_t InputIndex(char32_t character) const;

  std::vector<float> storage_;  ///< the file's bytes (float-aligned); the pointers below view it
  std::uint32_t vocabulary_ = 0;
  std::uint32_t classes_ = 0;
  std::uint32_t unknown_ = 0;
  std::uint32_t bos_ = 0;
  std::uint32_t eos_ = 0;
  const std::uint32_t* pairs_ = nullptr;  ///< (code point, index), sorted by code point
  std::uint32_t pair_count_ = 0;
  const char* class_names_ = nullptr;  ///< classes_ × 8 bytes, NUL-padded
  const float* embedding_ = nullptr;
  const float* forward_ = nullptr;   ///< input weights, hidden weights, bias
  const float* backward_ = nullptr;  ///< the same for the backward direction
  const float* dense_ = nullptr;     ///< weights then bias
  const float* output_ = nullptr;    ///< weights then bias
  std::vector<std::pair<std::string_view, int>> class_index_;  ///< sorted by name
  struct Cache;  // per character: its input projection and its class alone, on first use
  std::unique_ptr<Cache> cache_;
  const float* Projection(std::uint32_t index) const;
  std::uint32_t ClassAlone(std::uint32_t index) const;
};

}  // namespace langdu::pronounce
