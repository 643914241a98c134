#include "pronounce/polyphone_model.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>

#include "core/error.h"

namespace langdu::pronounce {
namespace {

// The shapes langdu's inference is written for (fixed sizes let the compiler unroll and
// vectorize the inner loops); a file with other shapes is rejected.
constexpr std::uint32_t kEmbedding = 64;
constexpr std::uint32_t kHidden = 32;
constexpr std::uint32_t kGates = 4 * kHidden;  // i, f, g, o
constexpr std::uint32_t kDense = 32;

constexpr char kMagic[8] = {'L', 'D', 'G', '2', 'P', 'M', '\0', '\1'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderSize = 64;
constexpr std::size_t kChecksumOffset = 48;
constexpr std::size_t kClassNameSize = 8;

struct Header {
  std::uint32_t version, vocabulary, embedding, hidden, dense, classes, unknown, bos, eos, pairs;
  std::uint64_t checksum;
};

template <typename T>
T Read(std::string_view bytes, std::size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof value);
  return value;
}

Header ReadHeader(std::string_view bytes) {
  Header h{};
  std::uint32_t* fields[] = {&h.version, &h.vocabulary, &h.embedding, &h.hidden, &h.dense,
                             &h.classes, &h.unknown,    &h.bos,       &h.eos,    &h.pairs};
  std::size_t offset = sizeof kMagic;
  for (std::uint32_t* field : fields) {
    *field = Read<std::uint32_t>(bytes, offset);
    offset += 4;
  }
  h.checksum = Read<std::uint64_t>(bytes, offset);
  return h;
}

std::uint64_t Fnv1a64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Size in bytes of the part after the header, from the shapes.
std::size_t PayloadSize(const Header& h) {
  const std::size_t direction = (kEmbedding + kHidden + 1) * kGates;
  const std::size_t floats = std::size_t{h.vocabulary} * kEmbedding + 2 * direction +
                             kDense * (2 * kHidden + 1) + std::size_t{h.classes} * (kDense + 1);
  return std::size_t{h.pairs} * 8 + std::size_t{h.classes} * kClassNameSize + floats * 4;
}

[[noreturn]] void Corrupt(std::string_view where, const std::string& what) {
  throw core::Error(core::ErrorKind::kData, std::string(where) + ": " + what);
}

void Check(const Header& h, std::string_view bytes, std::string_view where) {
  if (h.version != kVersion) {
    Corrupt(where, "unsupported polyphone model version " + std::to_string(h.version) +
                       " (expected " + std::to_string(kVersion) + ")");
  }
  if (h.embedding != kEmbedding || h.hidden != kHidden || h.dense != kDense) {
    Corrupt(where, "unsupported polyphone model shape");
  }
  if (h.vocabulary < 4 || h.classes < 2 || h.unknown >= h.vocabulary || h.bos >= h.vocabulary ||
      h.eos >= h.vocabulary || h.pairs > h.vocabulary || h.vocabulary > (1u << 20) ||
      h.classes > (1u << 16)) {
    Corrupt(where, "invalid polyphone model header");
  }
  const std::size_t expected = kHeaderSize + PayloadSize(h);
  if (bytes.size() != expected) {
    Corrupt(where, "polyphone model has " + std::to_string(bytes.size()) + " bytes, expected " +
                       std::to_string(expected));
  }
  // The checksum covers the whole file but its own 8 bytes (at kChecksumOffset).
  const std::uint64_t sum =
      Fnv1a64(bytes.substr(kChecksumOffset + 8), Fnv1a64(bytes.substr(0, kChecksumOffset)));
  if (sum != h.checksum) {
    Corrupt(where, "polyphone model checksum mismatch (the file is corrupt)");
  }
}

// exp(x) to about 2e-7 relative error, without a library call so that loops over it vectorize.
inline float FastExp(float x) {
  x = std::min(std::max(x, -87.0f), 87.0f);
  const float t = x * 1.44269504f;                  // x / ln 2
  const float n = (t + 12582912.0f) - 12582912.0f;  // round to nearest (1.5 * 2^23 trick)
  const float f = (t - n) * 0.693147181f;           // e^f with |f| <= ln2 / 2
  const float p =
      1.0f +
      f * (1.0f + f * (0.5f + f * (1.0f / 6 + f * (1.0f / 24 + f * (1.0f / 120 + f / 720)))));
  const std::int32_t exponent = (static_cast<std::int32_t>(n) + 127) << 23;
  return p * std::bit_cast<float>(exponent);
}

inline float Sigmoid(float x) { return 1.0f / (1.0f + FastExp(-x)); }

inline float Tanh(float x) { return 2.0f * Sigmoid(2.0f * x) - 1.0f; }

using Vector = std::array<float, kHidden>;

struct LstmState {
  Vector h{};
  Vector c{};
};

struct Direction {
  const float* input;   // [kEmbedding][kGates]
  const float* hidden;  // [kHidden][kGates]
  const float* bias;    // [kGates]
};

Direction DirectionAt(const float* weights) {
  return Direction{weights, weights + kEmbedding * kGates,
                   weights + (kEmbedding + kHidden) * kGates};
}

// W_ih x + b_ih + b_hh for one input: the part of a step that depends on the character only.
void Project(const Direction& d, const float* x, float* out) {
  std::copy_n(d.bias, kGates, out);
  for (std::uint32_t k = 0; k < kEmbedding; ++k) {
    const float xk = x[k];
    const float* w = d.input + k * kGates;
    for (std::uint32_t j = 0; j < kGates; ++j) out[j] += xk * w[j];
  }
}

// One LSTM step (PyTorch's gate order i, f, g, o) from the input's projection.
LstmState Step(const Direction& d, const float* projected, const LstmState& previous) {
  std::array<float, kGates> gates;
  std::copy_n(projected, kGates, gates.begin());
  for (std::uint32_t k = 0; k < kHidden; ++k) {
    const float hk = previous.h[k];
    const float* w = d.hidden + k * kGates;
    for (std::uint32_t j = 0; j < kGates; ++j) gates[j] += hk * w[j];
  }
  LstmState next;
  for (std::uint32_t j = 0; j < kHidden; ++j) {
    const float in = Sigmoid(gates[j]);
    const float forget = Sigmoid(gates[kHidden + j]);
    const float cell = Tanh(gates[2 * kHidden + j]);
    const float out = Sigmoid(gates[3 * kHidden + j]);
    next.c[j] = forget * previous.c[j] + in * cell;
    next.h[j] = out * Tanh(next.c[j]);
  }
  return next;
}

using DenseOutput = std::array<float, kDense>;

// The ReLU layer over the concatenated hidden states of both directions (`weights` then bias).
DenseOutput Dense(const float* weights, const Vector& forward_h, const Vector& backward_h) {
  const float* bias = weights + kDense * 2 * kHidden;
  DenseOutput dense;
  for (std::uint32_t j = 0; j < kDense; ++j) {
    const float* w = weights + j * 2 * kHidden;
    float sum = bias[j];
    for (std::uint32_t k = 0; k < kHidden; ++k) sum += w[k] * forward_h[k];
    for (std::uint32_t k = 0; k < kHidden; ++k) sum += w[kHidden + k] * backward_h[k];
    dense[j] = std::max(sum, 0.0f);
  }
  return dense;
}

struct FreeDeleter {
  void operator()(float* p) const { std::free(p); }
};

}  // namespace

// Two thirds of a step is the input projection, which depends on the character only: it is
// computed once per character and kept. The table is zero-filled memory from calloc, so only the
// rows of characters actually read take up memory.
// A character alone is always the same three steps (BOS, the character, EOS), so the states after
// BOS (forward) and after EOS (backward) are computed once, at load time.
struct PolyphoneModel::Cache {
  std::unique_ptr<float, FreeDeleter> rows;  // [vocabulary][forward, backward][kGates]
  std::unique_ptr<std::atomic<bool>[]> ready;
  std::mutex mutex;
  LstmState after_bos;
  LstmState after_eos;
  // Per character, 1 + its class alone; 0 until first asked. Two threads asking at once both
  // compute it and store the same value.
  std::unique_ptr<std::atomic<std::uint32_t>[]> alone;
};

PolyphoneModel::PolyphoneModel() = default;
PolyphoneModel::~PolyphoneModel() = default;
PolyphoneModel::PolyphoneModel(PolyphoneModel&&) noexcept = default;
PolyphoneModel& PolyphoneModel::operator=(PolyphoneModel&&) noexcept = default;

const float* PolyphoneModel::Projection(std::uint32_t index) const {
  Cache& p = *cache_;
  float* row = p.rows.get() + std::size_t{index} * 2 * kGates;
  if (!p.ready[index].load(std::memory_order_acquire)) {
    std::lock_guard lock(p.mutex);
    if (!p.ready[index].load(std::memory_order_relaxed)) {
      const float* x = embedding_ + std::size_t{index} * kEmbedding;
      Project(DirectionAt(forward_), x, row);
      Project(DirectionAt(backward_), x, row + kGates);
      p.ready[index].store(true, std::memory_order_release);
    }
  }
  return row;
}

PolyphoneModel PolyphoneModel::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    throw core::Error(core::ErrorKind::kData, path.string() + ": cannot read the polyphone model");
  }
  const std::streamsize size = in.tellg();
  in.seekg(0);
  std::string bytes(static_cast<std::size_t>(std::max<std::streamsize>(size, 0)), '\0');
  if (!in.read(bytes.data(), size)) {
    throw core::Error(core::ErrorKind::kData, path.string() + ": cannot read the polyphone model");
  }
  return FromBytes(bytes, path.string());
}

PolyphoneModel PolyphoneModel::FromBytes(std::string_view bytes, std::string_view where) {
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    Corrupt(where, "not a langdu polyphone model");
  }
  const Header h = ReadHeader(bytes);
  Check(h, bytes, where);

  PolyphoneModel model;
  model.storage_.resize((bytes.size() + sizeof(float) - 1) / sizeof(float));
  std::memcpy(model.storage_.data(), bytes.data(), bytes.size());
  const char* base = reinterpret_cast<const char*>(model.storage_.data());
  std::size_t offset = kHeaderSize;
  model.vocabulary_ = h.vocabulary;
  model.classes_ = h.classes;
  model.unknown_ = h.unknown;
  model.bos_ = h.bos;
  model.eos_ = h.eos;
  model.pair_count_ = h.pairs;
  model.pairs_ = reinterpret_cast<const std::uint32_t*>(base + offset);
  offset += std::size_t{h.pairs} * 8;
  model.class_names_ = base + offset;
  offset += std::size_t{h.classes} * kClassNameSize;
  const float* floats = reinterpret_cast<const float*>(base + offset);
  model.embedding_ = floats;
  floats += std::size_t{h.vocabulary} * kEmbedding;
  model.forward_ = floats;
  floats += (kEmbedding + kHidden + 1) * kGates;
  model.backward_ = floats;
  floats += (kEmbedding + kHidden + 1) * kGates;
  model.dense_ = floats;
  floats += kDense * (2 * kHidden + 1);
  model.output_ = floats;

  for (std::uint32_t i = 0; i < h.pairs; ++i) {
    if (model.pairs_[2 * i + 1] >= h.vocabulary ||
        (i > 0 && model.pairs_[2 * i] <= model.pairs_[2 * i - 2])) {
      Corrupt(where, "invalid polyphone model character table");
    }
  }
  for (std::uint32_t i = 0; i < h.classes; ++i) {
    const char* name = model.class_names_ + i * kClassNameSize;
    const std::string_view padded(name, kClassNameSize);
    model.class_index_.emplace_back(padded.substr(0, padded.find('\0')), static_cast<int>(i));
  }
  std::sort(model.class_index_.begin(), model.class_index_.end());
  model.cache_ = std::make_unique<Cache>();
  Cache& cache = *model.cache_;
  cache.rows.reset(
      static_cast<float*>(std::calloc(std::size_t{h.vocabulary} * 2 * kGates, sizeof(float))));
  if (!cache.rows) throw std::bad_alloc();
  cache.ready = std::make_unique<std::atomic<bool>[]>(h.vocabulary);
  cache.alone = std::make_unique<std::atomic<std::uint32_t>[]>(h.vocabulary);
  cache.after_bos = Step(DirectionAt(model.forward_), model.Projection(h.bos), LstmState{});
  cache.after_eos =
      Step(DirectionAt(model.backward_), model.Projection(h.eos) + kGates, LstmState{});
  return model;
}

std::uint32_t PolyphoneModel::ClassAlone(std::uint32_t index) const {
  Cache& cache = *cache_;
  if (const std::uint32_t known = cache.alone[index].load(std::memory_order_relaxed)) {
    return known - 1;
  }
  const float* projected = Projection(index);
  const Vector forward_h = Step(DirectionAt(forward_), projected, cache.after_bos).h;
  const Vector backward_h = Step(DirectionAt(backward_), projected + kGates, cache.after_eos).h;
  const DenseOutput dense = Dense(dense_, forward_h, backward_h);
  const float* output_bias = output_ + std::size_t{classes_} * kDense;
  std::uint32_t best = 0;
  float best_logit = 0.0f;
  for (std::uint32_t c = 0; c < classes_; ++c) {
    const float* w = output_ + std::size_t{c} * kDense;
    float logit = output_bias[c];
    for (std::uint32_t j = 0; j < kDense; ++j) logit += w[j] * dense[j];
    if (c == 0 || logit > best_logit) {
      best = c;
      best_logit = logit;
    }
  }
  cache.alone[index].store(best + 1, std::memory_order_relaxed);
  return best;
}

std::string_view PolyphoneModel::ReadingAlone(char32_t character) const {
  const std::string_view padded(
      class_names_ + std::size_t{ClassAlone(InputIndex(character))} * kClassNameSize,
      kClassNameSize);
  return padded.substr(0, padded.find('\0'));
}

int PolyphoneModel::ClassOf(std::string_view reading) const {
  const auto it = std::lower_bound(class_index_.begin(), class_index_.end(),
                                   std::pair<std::string_view, int>(reading, -1));
  return it != class_index_.end() && it->first == reading ? it->second : -1;
}

std::uint32_t PolyphoneModel::InputIndex(char32_t character) const {
  std::uint32_t low = 0;
  std::uint32_t high = pair_count_;
  while (low < high) {
    const std::uint32_t mid = (low + high) / 2;
    if (pairs_[2 * mid] < character) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low < pair_count_ && pairs_[2 * low] == character ? pairs_[2 * low + 1] : unknown_;
}

std::vector<ModelChoice> PolyphoneModel::Choose(std::u32string_view sentence,
                                                const std::vector<PolyphoneQuery>& queries) const {
  std::vector<ModelChoice> choices(queries.size());
  if (queries.empty()) return choices;
  // Steps: BOS, the sentence, EOS. A character at position p is step p + 1.
  const std::size_t steps = sentence.size() + 2;
  std::vector<std::uint32_t> input(steps);
  input.front() = bos_;
  input.back() = eos_;
  for (std::size_t i = 0; i < sentence.size(); ++i) input[i + 1] = InputIndex(sentence[i]);
  std::size_t first = steps;
  std::size_t last = 0;
  for (const PolyphoneQuery& query : queries) {
    first = std::min(first, query.position + 1);
    last = std::max(last, query.position + 1);
  }
  // Hidden states of both directions, each as far as the queries need.
  std::vector<Vector> forward_h(last + 1);
  std::vector<Vector> backward_h(steps);
  const Direction forward = DirectionAt(forward_);
  const Direction backward = DirectionAt(backward_);
  LstmState state;
  for (std::size_t t = 0; t <= last; ++t) {
    state = Step(forward, Projection(input[t]), state);
    forward_h[t] = state.h;
  }
  state = LstmState{};
  for (std::size_t t = steps; t-- > first;) {
    state = Step(backward, Projection(input[t]) + kGates, state);
    backward_h[t] = state.h;
  }

  const float* output_bias = output_ + std::size_t{classes_} * kDense;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    const std::size_t t = queries[q].position + 1;
    const DenseOutput dense = Dense(dense_, forward_h[t], backward_h[t]);
    // Logits of the candidates the model knows, then a softmax over them.
    std::vector<std::pair<double, const std::string*>> scored;
    for (const std::string& candidate : queries[q].candidates) {
      const int c = ClassOf(candidate);
      if (c < 0) continue;
      const float* w = output_ + std::size_t(c) * kDense;
      float logit = output_bias[c];
      for (std::uint32_t j = 0; j < kDense; ++j) logit += w[j] * dense[j];
      scored.emplace_back(logit, &candidate);
    }
    if (scored.size() < 2) continue;
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    double total = 0.0;
    for (const auto& [logit, _] : scored) total += std::exp(logit - scored[0].first);
    ModelChoice& choice = choices[q];
    choice.reading = *scored[0].second;
    choice.probability = 1.0 / total;
    choice.runner_up = *scored[1].second;
    choice.runner_up_probability = std::exp(scored[1].first - scored[0].first) / total;
  }
  return choices;
}

}  // namespace langdu::pronounce
