#include "pipeline/render.h"

#include <cstring>
#include <limits>

#include "core/error.h"

namespace langdu::pipeline {

RenderedSentence UnitRenderer::RenderSentence(const core::Sentence& sentence) const {
  const core::SpokenText spoken = normalizer_.Normalize(sentence.text, sentence.marks);
  const core::SpeechScript script = pronouncer_.Script(spoken);
  RenderedSentence rendered;
  rendered.spoken_text = spoken.spoken;
  rendered.engine_input = core::EngineInput(script);
  rendered.unread = script.unread;
  for (core::SpeechClause clause : script.clauses) {
    clause.rate = sentence.marks.rate;
    // A clause with nothing to say is an author's pause alone.
    rendered.clauses.push_back(
        {clause.display_text, core::EngineInput(clause), clause.pause_after,
         clause.runs.empty() ? std::vector<std::int16_t>() : synthesizer_.Synthesize(clause),
         clause.pause_ms});
  }
  return rendered;
}

RenderedUnit UnitRenderer::Render(const core::Document& document, const WorkUnit& unit) const {
  const core::Paragraph& paragraph = document.chapters[unit.chapter].paragraphs[unit.paragraph];
  RenderedUnit rendered;
  for (std::size_t s = unit.first_sentence; s < unit.sentence_end; ++s) {
    rendered.sentences.push_back(RenderSentence(paragraph.sentences[s]));
  }
  return rendered;
}

namespace {

// Little-endian, length-prefixed: the bytes never leave the machine that wrote them except
// through a cache, which also checks them.
class Writer {
 public:
  Writer(std::string& bytes, std::size_t capacity) : bytes_(bytes) {
    bytes_.clear();
    bytes_.reserve(capacity);
  }
  void U64(std::uint64_t value) { Raw(&value, sizeof value); }
  void String(std::string_view text) {
    U64(text.size());
    Raw(text.data(), text.size());
  }
  void Samples(const std::vector<std::int16_t>& samples) {
    U64(samples.size());
    Raw(samples.data(), samples.size() * sizeof(std::int16_t));
  }

 private:
  void Raw(const void* data, std::size_t size) {
    bytes_.append(static_cast<const char*>(data), size);
  }
  std::string& bytes_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t U64() {
    std::uint64_t value = 0;
    Raw(&value, sizeof value);
    return value;
  }
  std::string String() {
    const std::uint64_t size = Size(1);
    std::string text(bytes_.substr(offset_, size));
    offset_ += size;
    return text;
  }
  std::vector<std::int16_t> Samples() {
    std::vector<std::int16_t> samples(Size(sizeof(std::int16_t)));
    Raw(samples.data(), samples.size() * sizeof(std::int16_t));
    return samples;
  }
  // A count of items of `item_size` bytes, checked against what is left.
  std::uint64_t Size(std::size_t item_size) {
    const std::uint64_t count = U64();
    if (count > (bytes_.size() - offset_) / item_size) Fail();
    return count;
  }
  bool done() const { return offset_ == bytes_.size(); }

 private:
  [[noreturn]] static void Fail() {
    throw core::Error(core::ErrorKind::kInternal, "rendered unit: truncated or malformed bytes");
  }
  void Raw(void* data, std::size_t size) {
    if (size > bytes_.size() - offset_) Fail();
    if (size > 0) std::memcpy(data, bytes_.data() + offset_, size);
    offset_ += size;
  }
  std::string_view bytes_;
  std::size_t offset_ = 0;
};

}  // namespace

namespace {

// The bytes Serialize writes, so that the buffer is allocated once (a unit is megabytes).
std::size_t SerializedSize(const RenderedUnit& unit) {
  std::size_t size = 8;
  for (const RenderedSentence& sentence : unit.sentences) {
    size += 8 * 4 + sentence.spoken_text.size() + sentence.engine_input.size();
    for (const std::string& character : sentence.unread) size += 8 + character.size();
    for (const RenderedClause& clause : sentence.clauses) {
      size += 8 * 5 + clause.display_text.size() + clause.engine_input.size() +
              clause.samples.size() * sizeof(std::int16_t);
    }
  }
  return size;
}

}  // namespace

std::string Serialize(const RenderedUnit& unit) {
  std::string bytes;
  SerializeTo(unit, bytes);
  return bytes;
}

void SerializeTo(const RenderedUnit& unit, std::string& bytes) {
  Writer out(bytes, SerializedSize(unit));
  out.U64(unit.sentences.size());
  for (const RenderedSentence& sentence : unit.sentences) {
    out.String(sentence.spoken_text);
    out.String(sentence.engine_input);
    out.U64(sentence.unread.size());
    for (const std::string& character : sentence.unread) out.String(character);
    out.U64(sentence.clauses.size());
    for (const RenderedClause& clause : sentence.clauses) {
      out.String(clause.display_text);
      out.String(clause.engine_input);
      out.U64(static_cast<std::uint64_t>(clause.pause_after));
      out.U64(static_cast<std::uint64_t>(clause.pause_ms + 1));  // -1 (none) is 0
      out.Samples(clause.samples);
    }
  }
}

RenderedUnit Deserialize(std::string_view bytes) {
  Reader in(bytes);
  RenderedUnit unit;
  const std::uint64_t sentences = in.Size(1);
  for (std::uint64_t s = 0; s < sentences; ++s) {
    RenderedSentence sentence;
    sentence.spoken_text = in.String();
    sentence.engine_input = in.String();
    const std::uint64_t unread = in.Size(1);
    for (std::uint64_t u = 0; u < unread; ++u) sentence.unread.push_back(in.String());
    const std::uint64_t clauses = in.Size(1);
    for (std::uint64_t c = 0; c < clauses; ++c) {
      RenderedClause clause;
      clause.display_text = in.String();
      clause.engine_input = in.String();
      const std::uint64_t pause = in.U64();
      if (pause > static_cast<std::uint64_t>(core::Pause::kDash)) {
        throw core::Error(core::ErrorKind::kInternal, "rendered unit: malformed pause");
      }
      clause.pause_after = static_cast<core::Pause>(pause);
      const std::uint64_t pause_ms = in.U64();
      if (pause_ms > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) {
        throw core::Error(core::ErrorKind::kInternal, "rendered unit: malformed pause length");
      }
      clause.pause_ms = static_cast<int>(pause_ms) - 1;
      clause.samples = in.Samples();
      sentence.clauses.push_back(std::move(clause));
    }
    unit.sentences.push_back(std::move(sentence));
  }
  if (!in.done()) throw core::Error(core::ErrorKind::kInternal, "rendered unit: trailing bytes");
  return unit;
}

}  // namespace langdu::pipeline
