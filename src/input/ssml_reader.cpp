#include "input/ssml_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "input/blocks.h"
#include "input/xml_node.h"
#include "pronounce/syllable.h"
#include "text/cleanup.h"
#include "text/inline_marks.h"
#include "text/structure.h"

namespace langdu::input {
namespace {

using core::Error;
using core::ErrorKind;

constexpr std::string_view kSsmlNamespace = "http://www.w3.org/2001/10/synthesis";

enum class Element {
  kSpeak,
  kParagraph,
  kSentence,
  kBreak,
  kPhoneme,
  kSayAs,
  kSub,
  kProsody,
  kMark,
  kMeta,
  kUnknown,
};

struct ElementName {
  std::string_view name;
  Element element;
};

constexpr std::array kElements = {
    ElementName{"speak", Element::kSpeak},
    ElementName{"p", Element::kParagraph},
    ElementName{"paragraph", Element::kParagraph},
    ElementName{"s", Element::kSentence},
    ElementName{"sentence", Element::kSentence},
    ElementName{"break", Element::kBreak},
    ElementName{"phoneme", Element::kPhoneme},
    ElementName{"say-as", Element::kSayAs},
    ElementName{"sub", Element::kSub},
    ElementName{"prosody", Element::kProsody},
    ElementName{"mark", Element::kMark},
    ElementName{"meta", Element::kMeta},
};

// <break strength>, in ms; a <break/> with neither time nor strength is medium.
struct Strength {
  std::string_view name;
  int pause_ms;
};
constexpr std::array kStrengths = {Strength{"none", 0},     Strength{"x-weak", 100},
                                   Strength{"weak", 200},   Strength{"medium", 400},
                                   Strength{"strong", 700}, Strength{"x-strong", 1000}};
constexpr int kMediumBreakMs = 400;

// <prosody rate> words, as factors of the narrator's rate.
struct RateWord {
  std::string_view name;
  double factor;
};
constexpr std::array kRateWords = {RateWord{"x-slow", 0.5}, RateWord{"slow", 0.75},
                                   RateWord{"medium", 1.0}, RateWord{"default", 1.0},
                                   RateWord{"fast", 1.25},  RateWord{"x-fast", 1.5}};
constexpr double kMinRate = 0.25;
constexpr double kMaxRate = 4.0;

struct SayAsName {
  std::string_view name;
  core::SayAs say_as;
};
constexpr std::array kSayAsNames = {
    SayAsName{"digits", core::SayAs::kDigits},
    SayAsName{"cardinal", core::SayAs::kCardinal},
    SayAsName{"number", core::SayAs::kCardinal},
    SayAsName{"ordinal", core::SayAs::kOrdinal},
    SayAsName{"date", core::SayAs::kDate},
    SayAsName{"time", core::SayAs::kTime},
    SayAsName{"telephone", core::SayAs::kTelephone},
    SayAsName{"characters", core::SayAs::kCharacters},
    SayAsName{"spell-out", core::SayAs::kCharacters},
};

struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimXmlSpace(std::string_view text) {
  while (!text.empty() && IsXmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsXmlSpace(text.back())) text.remove_suffix(1);
  return text;
}

char32_t LastCodePoint(std::string_view text) {
  std::size_t pos = text.size() - 1;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return core::NextCodePoint(text, pos);
}

char32_t FirstCodePoint(std::string_view text) {
  std::size_t pos = 0;
  return core::NextCodePoint(text, pos);
}

// A number such as 80, 1.5 or 0.75, whole: nullopt for anything else.
std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// libxml2 counts columns in bytes; langdu's columns count code points (of UTF-8 input).
int CodePointColumn(std::string_view bytes, int line, int byte_column) {
  std::size_t start = 0;
  for (int i = 1; i < line && start != std::string_view::npos; ++i) {
    start = bytes.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || byte_column <= 1) return 1;
  const std::string_view before = bytes.substr(
      start,
      std::min<std::size_t>(static_cast<std::size_t>(byte_column - 1), bytes.size() - start));
  // Lenient: every byte that does not continue a UTF-8 sequence starts a code point.
  return 1 + static_cast<int>(std::count_if(before.begin(), before.end(), [](char c) {
           return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
         }));
}

// The first error libxml2 reports (it may report more after a fatal one).
struct FirstError {
  bool set = false;
  int line = 0;
  int column = 0;
  std::string message;
};

void KeepFirstError(void* data, xmlErrorPtr error) {
  auto* context = static_cast<xmlParserCtxt*>(data);
  auto* first = static_cast<FirstError*>(context->_private);
  if (first == nullptr || first->set || error == nullptr || error->level < XML_ERR_ERROR) return;
  first->set = true;
  first->line = error->line;
  first->column = error->int2;
  first->message = std::string(TrimXmlSpace(error->message == nullptr ? "" : error->message));
  if (!first->message.empty()) {
    first->message[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(first->message[0])));
  }
}

// A sentence being collected: a run of text with one rate, ended by <s>, <p> or a rate change.
struct Segment {
  std::size_t begin = 0;
  double rate = 1.0;
};

// A paragraph being collected: its text (cleaned), the author's marks with offsets into it, the
// segments that must not share a sentence, and the source line of each piece of text.
struct Draft {
  std::string text;
  core::AuthorMarks marks;
  std::vector<Segment> segments;
  std::vector<std::pair<std::size_t, int>> lines;  // (offset, source line)
};

class SsmlWalker {
 public:
  SsmlWalker(std::string_view where, std::string_view source, const ReadOptions& options)
      : where_(where), options_(options) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n') line_starts_.push_back(i + 1);
    }
    source_size_ = source.size();
    chapters_.emplace_back();
    StartDraft();
  }

  void Walk(xmlNode* root) {
    if (ElementOf(root) != Element::kSpeak) {
      throw Error(ErrorKind::kInputDecode,
                  At(root) + ": the root element is <" + DisplayName(root) + ">, not <speak>");
    }
    VisitChildren(root);
    FlushParagraph();
  }

  core::Document TakeDocument() {
    core::Document document;
    document.title = metadata_.title;
    for (core::Chapter& chapter : chapters_) {
      if (chapter.paragraphs.empty()) continue;
      if (chapter.title.empty()) {
        chapter.title = text::ChapterTitle(chapter.paragraphs.front().sentences.front().text);
      }
      chapter.number = static_cast<int>(document.chapters.size()) + 1;
      document.chapters.push_back(std::move(chapter));
    }
    if (document.chapters.empty()) {
      throw Error(ErrorKind::kInputEmpty, std::string(where_) + ": no text to narrate");
    }
    return document;
  }

  Metadata TakeMetadata() { return std::move(metadata_); }
  std::vector<std::string> TakeWarnings() { return std::move(warnings_); }

 private:
  static Element ElementOf(const xmlNode* node) {
    if (node->ns != nullptr && AsView(node->ns->href) != kSsmlNamespace) return Element::kUnknown;
    const std::string_view name = AsView(node->name);
    for (const ElementName& row : kElements) {
      if (row.name == name) return row.element;
    }
    return Element::kUnknown;
  }

  static std::string DisplayName(const xmlNode* node) {
    std::string name;
    if (node->ns != nullptr && node->ns->prefix != nullptr) {
      name = std::string(AsView(node->ns->prefix)) + ":";
    }
    return name + std::string(AsView(node->name));
  }

  static int LineOf(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    return line > 0 ? static_cast<int>(std::min<long>(line, INT_MAX)) : 1;
  }

  std::string At(const xmlNode* node) const {
    return std::string(where_) + ":" + std::to_string(LineOf(node));
  }

  void Warn(const std::string& key, const std::string& message) {
    if (warned_.insert(key).second) warnings_.push_back(message);
  }

  void VisitChildren(xmlNode* node) {
    for (xmlNode* child = node->children; child != nullptr; child = child->next) Visit(child);
  }

  void Visit(xmlNode* node) {
    // Deeper than any real document: a guard for the stack, not a limit anybody meets.
    if (depth_ > kMaxDepth) return;
    ++depth_;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      Append(AsView(node->content), LineOf(node));
    } else if (node->type == XML_ELEMENT_NODE) {
      VisitElement(node);
    }
    --depth_;
  }

  void VisitElement(xmlNode* node) {
    switch (ElementOf(node)) {
      case Element::kSpeak:
        VisitChildren(node);
        return;
      case Element::kParagraph:
        FlushParagraph();
        VisitChildren(node);
        FlushParagraph();
        return;
      case Element::kSentence:
        StartSegment();
        VisitChildren(node);
        StartSegment();
        return;
      case Element::kBreak:
        AddPause(BreakMs(node));
        return;
      case Element::kPhoneme:
        Phoneme(node);
        return;
      case Element::kSayAs:
        SayAs(node);
        return;
      case Element::kSub:
        Sub(node);
        return;
      case Element::kProsody:
        Prosody(node);
        return;
      case Element::kMark:
        Mark(node);
        return;
      case Element::kMeta:
        Meta(node);
        return;
      case Element::kUnknown:
        Warn("<" + DisplayName(node) + ">",
             At(node) + ": unknown SSML element <" + DisplayName(node) + ">, read as text");
        VisitChildren(node);
        return;
    }
  }

  int BreakMs(const xmlNode* node) const {
    if (const std::optional<std::string> time = FindAttribute(node, "time")) {
      if (const std::optional<int> ms = text::ParsePauseMs(TrimXmlSpace(*time))) return *ms;
      throw Error(ErrorKind::kInputDecode,
                  At(node) + ": <break time=\"" + *time +
                      "\">: not a length such as 500ms or 1.5s (at most 60s)");
    }
    if (const std::optional<std::string> strength = FindAttribute(node, "strength")) {
      const std::string name = Lower(TrimXmlSpace(*strength));
      for (const Strength& row : kStrengths) {
        if (row.name == name) return row.pause_ms;
      }
      throw Error(ErrorKind::kInputDecode,
                  At(node) + ": <break strength=\"" + *strength +
                      "\">: not one of none, x-weak, weak, medium, strong, x-strong");
    }
    return kMediumBreakMs;
  }

  void Phoneme(xmlNode* node) {
    const std::string alphabet = Lower(TrimXmlSpace(FindAttribute(node, "alphabet").value_or("")));
    if (alphabet != "pinyin" && alphabet != "x-pinyin") {
      Warn("phoneme alphabet=" + alphabet, At(node) + ": <phoneme alphabet=\"" + alphabet +
                                               "\"> is not pinyin or x-pinyin, read as text");
      VisitChildren(node);
      return;
    }
    const std::string ph = FindAttribute(node, "ph").value_or("");
    std::vector<std::string> syllables;
    std::string_view rest = ph;
    while (!(rest = TrimXmlSpace(rest)).empty()) {
      std::size_t end = 0;
      while (end < rest.size() && !IsXmlSpace(rest[end])) ++end;
      const std::string_view written = rest.substr(0, end);
      const std::optional<std::string> syllable = pronounce::NormalizeSyllable(written);
      if (!syllable) {
        throw Error(ErrorKind::kInputDecode, At(node) + ": <phoneme ph=\"" + ph + "\">: \"" +
                                                 std::string(written) +
                                                 "\" is not a pinyin syllable");
      }
      syllables.push_back(*syllable);
      rest.remove_prefix(end);
    }
    if (syllables.empty()) {
      throw Error(ErrorKind::kInputDecode, At(node) + ": <phoneme> has no ph=\"…\" to say");
    }
    const auto [begin, end] = Append(TextOf(node), LineOf(node));
    const std::string_view written = std::string_view(draft_.text).substr(begin, end - begin);
    std::size_t characters = 0;
    for (std::size_t pos = 0; pos < written.size();) {
      if (core::NextCodePoint(written, pos) != U' ') ++characters;
    }
    if (characters != syllables.size()) {
      throw Error(ErrorKind::kInputDecode,
                  At(node) + ": <phoneme ph=\"" + ph + "\">: " + std::to_string(syllables.size()) +
                      (syllables.size() == 1 ? " syllable" : " syllables") + " for " +
                      std::to_string(characters) +
                      (characters == 1 ? " character" : " characters") + " (\"" +
                      std::string(written) + "\")");
    }
    draft_.marks.readings.push_back({begin, end, std::move(syllables)});
  }

  void SayAs(xmlNode* node) {
    const std::string name = Lower(TrimXmlSpace(FindAttribute(node, "interpret-as").value_or("")));
    const auto row = std::find_if(kSayAsNames.begin(), kSayAsNames.end(),
                                  [&](const SayAsName& r) { return r.name == name; });
    if (row == kSayAsNames.end()) {
      Warn("say-as " + name,
           At(node) + ": <say-as interpret-as=\"" + name + "\"> is not supported, read as text");
      VisitChildren(node);
      return;
    }
    const auto [begin, end] = Append(TextOf(node), LineOf(node));
    if (end > begin) draft_.marks.say_as.push_back({begin, end, row->say_as});
  }

  void Sub(xmlNode* node) {
    const std::optional<std::string> alias = FindAttribute(node, "alias");
    if (!alias) {
      Warn("sub", At(node) + ": <sub> without alias=\"…\", read as text");
      VisitChildren(node);
      return;
    }
    const auto [begin, end] = Append(TextOf(node), LineOf(node));
    std::string spoken = text::Cleanup(JoinSoftLines(*alias)).text;
    if (end > begin) draft_.marks.substitutions.push_back({begin, end, std::move(spoken)});
  }

  void Prosody(xmlNode* node) {
    for (const xmlAttr* attribute = node->properties; attribute != nullptr;
         attribute = attribute->next) {
      const std::string name(AsView(attribute->name));
      if (name == "rate") continue;
      Warn("prosody " + name,
           At(node) + ": <prosody " + name + "> is not supported (only rate), ignored");
    }
    const double outer = rate_;
    if (const std::optional<std::string> rate = FindAttribute(node, "rate")) {
      rate_ = ParseRate(node, *rate, outer);
    }
    if (rate_ != outer) StartSegment();
    VisitChildren(node);
    if (rate_ != outer) {
      rate_ = outer;
      StartSegment();
    }
  }

  double ParseRate(const xmlNode* node, std::string_view written, double outer) const {
    const std::string value = Lower(TrimXmlSpace(written));
    for (const RateWord& row : kRateWords) {
      if (row.name == value) return row.factor;
    }
    std::optional<double> rate;
    std::string_view number = value;
    const bool percent = number.ends_with('%');
    if (percent) number.remove_suffix(1);
    const bool relative = number.starts_with('+') || number.starts_with('-');
    if (relative && percent) {
      if (const std::optional<double> change = ParseNumber(number.substr(1))) {
        rate = outer * (1 + (number.front() == '-' ? -*change : *change) / 100);
      }
    } else if (!relative) {
      if (const std::optional<double> n = ParseNumber(number)) rate = percent ? *n / 100 : *n;
    }
    if (!rate || !(*rate > 0)) {
      throw Error(ErrorKind::kInputDecode,
                  At(node) + ": <prosody rate=\"" + std::string(written) +
                      "\">: not a rate (x-slow, slow, medium, fast, x-fast, 80%, +20%, -10%, 1.5)");
    }
    return std::clamp(*rate, kMinRate, kMaxRate);
  }

  void Mark(const xmlNode* node) {
    const std::string name(TrimXmlSpace(FindAttribute(node, "name").value_or("")));
    if (!options_.structure.detect_chapters || Lower(name.substr(0, 7)) != "chapter") return;
    if (name.size() > 7 && name[7] != ':') return;  // <mark name="chapters_read"/> is no chapter
    FlushParagraph();
    if (!chapters_.back().paragraphs.empty()) chapters_.emplace_back();
    const std::string title = name.size() > 8 ? name.substr(8) : std::string();
    chapters_.back().title = text::Cleanup(JoinSoftLines(title)).text;
  }

  void Meta(const xmlNode* node) {
    const std::string name = Lower(TrimXmlSpace(FindAttribute(node, "name").value_or("")));
    const std::string content =
        text::Cleanup(JoinSoftLines(FindAttribute(node, "content").value_or(""))).text;
    if (name == "title") metadata_.title = content;
    if (name == "author") metadata_.author = content;
  }

  // Text as the author wrote it, less XML's white space: a run of it is one space, and none
  // where two wide characters (Han, kana, full-width) meet. Returns where it landed in the
  // paragraph's text.
  std::pair<std::size_t, std::size_t> Append(std::string_view raw, int line) {
    if (raw.empty()) return {draft_.text.size(), draft_.text.size()};
    const bool lead = IsXmlSpace(raw.front());
    const bool trail = IsXmlSpace(raw.back());
    const std::string clean = text::Cleanup(JoinSoftLines(raw)).text;
    std::string& text = draft_.text;
    if (clean.empty()) {
      space_pending_ = space_pending_ || lead || trail;
      return {text.size(), text.size()};
    }
    if ((space_pending_ || lead) && !text.empty() && text.back() != ' ' &&
        !(IsWide(LastCodePoint(text)) && IsWide(FirstCodePoint(clean)))) {
      text += ' ';
    }
    space_pending_ = trail;
    if (draft_.lines.empty() || draft_.lines.back().second != line) {
      draft_.lines.emplace_back(text.size(), line);
    }
    const std::size_t begin = text.size();
    text += clean;
    return {begin, text.size()};
  }

  void StartSegment() {
    if (draft_.segments.back().begin == draft_.text.size()) {
      draft_.segments.back().rate = rate_;
    } else {
      draft_.segments.push_back({draft_.text.size(), rate_});
    }
    space_pending_ = false;
  }

  void StartDraft() {
    draft_ = Draft{};
    draft_.segments.push_back({0, rate_});
    space_pending_ = false;
  }

  core::Sentence* LastSentence() {
    for (auto chapter = chapters_.rbegin(); chapter != chapters_.rend(); ++chapter) {
      if (!chapter->paragraphs.empty()) return &chapter->paragraphs.back().sentences.back();
    }
    return nullptr;
  }

  static void AddPauseAt(core::AuthorMarks& marks, std::size_t offset, int pause_ms) {
    // Breaks side by side are one pause: the longest.
    if (!marks.pauses.empty() && marks.pauses.back().offset == offset) {
      marks.pauses.back().pause_ms = std::max(marks.pauses.back().pause_ms, pause_ms);
      return;
    }
    marks.pauses.push_back({offset, pause_ms});
  }

  // A pause before anything of its paragraph is said follows the sentence before.
  void AddPause(int pause_ms) {
    if (draft_.text.empty()) {
      if (core::Sentence* last = LastSentence()) {
        AddPauseAt(last->marks, last->text.size(), pause_ms);
        return;
      }
    }
    AddPauseAt(draft_.marks, draft_.text.size(), pause_ms);
  }

  core::SourceSpan SpanAt(std::size_t offset) const {
    int line = 1;
    for (const auto& [begin, source_line] : draft_.lines) {
      if (begin > offset) break;
      line = source_line;
    }
    core::SourceSpan span;
    span.line = line;
    span.column = 1;
    const std::size_t index = static_cast<std::size_t>(line) - 1;
    span.byte_offset = index < line_starts_.size() ? line_starts_[index] : source_size_;
    const std::size_t next =
        index + 1 < line_starts_.size() ? line_starts_[index + 1] : source_size_;
    span.byte_length = next - std::min(next, span.byte_offset);
    return span;
  }

  struct Range {
    std::size_t begin = 0;
    std::size_t end = 0;
    double rate = 1.0;
  };

  // Sentences of the paragraph: ICU's sentence break inside each segment, never inside a span
  // of the author's (a <sub> or <say-as> whose text holds a full stop stays one).
  std::vector<Range> SentenceRanges() const {
    const std::string& text = draft_.text;
    std::vector<Range> ranges;
    for (std::size_t i = 0; i < draft_.segments.size(); ++i) {
      const std::size_t begin = draft_.segments[i].begin;
      const std::size_t end =
          i + 1 < draft_.segments.size() ? draft_.segments[i + 1].begin : text.size();
      for (const auto& [b, e] :
           text::SplitSentences(std::string_view(text).substr(begin, end - begin))) {
        Range range{begin + b, begin + e, draft_.segments[i].rate};
        while (range.begin < range.end && text[range.begin] == ' ') ++range.begin;
        while (range.end > range.begin && text[range.end - 1] == ' ') --range.end;
        if (range.end > range.begin) ranges.push_back(range);
      }
    }
    const auto join_across = [&](std::size_t span_begin, std::size_t span_end) {
      for (std::size_t i = 0; i + 1 < ranges.size();) {
        if (ranges[i].end > span_begin && ranges[i].end < span_end &&
            ranges[i + 1].rate == ranges[i].rate) {
          ranges[i].end = ranges[i + 1].end;
          ranges.erase(ranges.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        } else {
          ++i;
        }
      }
    };
    for (const auto& r : draft_.marks.readings) join_across(r.begin, r.end);
    for (const auto& s : draft_.marks.say_as) join_across(s.begin, s.end);
    for (const auto& s : draft_.marks.substitutions) join_across(s.begin, s.end);
    return ranges;
  }

  void FlushParagraph() {
    const std::string& text = draft_.text;
    if (!text::HasSpeakableText(text)) {
      // Nothing to say: its pauses still follow the sentence before.
      for (const core::AuthorPause& pause : draft_.marks.pauses) {
        if (core::Sentence* last = LastSentence()) {
          AddPauseAt(last->marks, last->text.size(), pause.pause_ms);
        } else {
          leading_pause_ms_ = std::max(leading_pause_ms_, pause.pause_ms);
        }
      }
      StartDraft();
      return;
    }
    const std::vector<Range> ranges = SentenceRanges();
    // The range a span starting at `offset` belongs to: the last one starting at or before it.
    const auto range_of = [&](std::size_t offset) {
      std::size_t index = 0;
      while (index + 1 < ranges.size() && ranges[index + 1].begin <= offset) ++index;
      return index;
    };
    // The range a pause at `offset` follows: the first one ending at or after it, so that a break
    // between two sentences ends the one before (its pause replaces the full stop's).
    const auto pause_range_of = [&](std::size_t offset) {
      std::size_t index = 0;
      while (index + 1 < ranges.size() && ranges[index].end < offset) ++index;
      return index;
    };
    core::Paragraph paragraph;
    for (const Range& range : ranges) {
      core::Sentence sentence;
      sentence.text = text.substr(range.begin, range.end - range.begin);
      sentence.source_text = sentence.text;
      sentence.span = SpanAt(range.begin);
      sentence.marks.rate = range.rate;
      paragraph.sentences.push_back(std::move(sentence));
    }
    const auto local = [&](std::size_t index, std::size_t offset) {
      const Range& range = ranges[index];
      return std::clamp(offset, range.begin, range.end) - range.begin;
    };
    if (leading_pause_ms_ > 0) {
      AddPauseAt(paragraph.sentences.front().marks, 0, leading_pause_ms_);
      leading_pause_ms_ = 0;
    }
    for (const core::AuthorPause& pause : draft_.marks.pauses) {
      const std::size_t index = pause_range_of(pause.offset);
      AddPauseAt(paragraph.sentences[index].marks, local(index, pause.offset), pause.pause_ms);
    }
    for (const core::ForcedReading& reading : draft_.marks.readings) {
      const std::size_t index = range_of(reading.begin);
      paragraph.sentences[index].marks.readings.push_back(
          {local(index, reading.begin), local(index, reading.end), reading.syllables});
    }
    for (const core::SayAsSpan& span : draft_.marks.say_as) {
      const std::size_t index = range_of(span.begin);
      paragraph.sentences[index].marks.say_as.push_back(
          {local(index, span.begin), local(index, span.end), span.say_as});
    }
    for (const core::Substitution& sub : draft_.marks.substitutions) {
      const std::size_t index = range_of(sub.begin);
      paragraph.sentences[index].marks.substitutions.push_back(
          {local(index, sub.begin), local(index, sub.end), sub.alias});
    }
    paragraph.span = paragraph.sentences.front().span;
    chapters_.back().paragraphs.push_back(std::move(paragraph));
    StartDraft();
  }

  std::string_view where_;
  const ReadOptions& options_;
  std::vector<std::size_t> line_starts_;
  std::size_t source_size_ = 0;
  std::vector<core::Chapter> chapters_;
  Metadata metadata_;
  std::vector<std::string> warnings_;
  std::set<std::string> warned_;
  Draft draft_;
  double rate_ = 1.0;
  bool space_pending_ = false;
  int leading_pause_ms_ = 0;  // breaks before anything is said
  static constexpr int kMaxDepth = 1000;
  int depth_ = 0;
};

}  // namespace

ReadResult ReadSsml(std::string_view where, std::string_view bytes, const ReadOptions& options) {
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (context == nullptr) throw Error(ErrorKind::kInternal, "libxml2: cannot make a parser");
  FirstError first;
  context->_private = &first;
  context->sax->serror = KeepFirstError;
  const int size = static_cast<int>(std::min<std::size_t>(bytes.size(), INT_MAX));
  XmlDocPtr doc(xmlCtxtReadMemory(
      context.get(), bytes.data(), size, nullptr,
      options.encoding.empty() ? nullptr : options.encoding.c_str(),
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES));
  if (first.set || doc == nullptr || context->wellFormed == 0) {
    const std::string message = first.set ? first.message : "not well-formed XML";
    const int line = std::max(first.line, 1);
    throw Error(ErrorKind::kInputDecode,
                std::string(where) + ":" + std::to_string(line) + ":" +
                    std::to_string(CodePointColumn(bytes, line, first.column)) + ": " + message);
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) {
    throw Error(ErrorKind::kInputEmpty, std::string(where) + ": no text to narrate");
  }
  SsmlWalker walker(where, bytes, options);
  walker.Walk(root);
  ReadResult result;
  result.format = InputFormat::kSsml;
  result.encoding = doc->encoding != nullptr ? std::string(AsView(doc->encoding)) : "UTF-8";
  result.document = walker.TakeDocument();
  result.metadata = walker.TakeMetadata();
  result.warnings = walker.TakeWarnings();
  return result;
}

}  // namespace langdu::input
