#include "input/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "input/xml_node.h"
#include "text/decode.h"

namespace langdu::input {
namespace {

// Never read: machinery, navigation and the head (whose title is metadata).
constexpr std::array<std::string_view, 9> kSkipped = {
    "script", "style", "nav", "noscript", "template", "head", "svg", "math", "button"};
// Elements that end the paragraph before them and start a new one.
constexpr std::array<std::string_view, 30> kBlocks = {
    "p",      "div",     "li",         "ul",      "ol",       "blockquote", "section", "article",
    "main",   "header",  "footer",     "aside",   "table",    "tr",         "dl",      "dt",
    "dd",     "figure",  "figcaption", "caption", "address",  "hr",         "body",    "html",
    "center", "details", "summary",    "form",    "fieldset", "legend"};

bool Is(std::string_view name, const auto& set) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

int HeadingLevel(std::string_view name) {
  if (name.size() == 2 && (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6') {
    return name[1] - '0';
  }
  return 0;
}

class BlockWalker {
 public:
  BlockWalker(std::string_view source, bool read_code, bool anchors)
      : source_(source), read_code_(read_code), anchors_(anchors) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  HtmlContent Walk(xmlNode* root) {
    for (xmlNode* node = root; node != nullptr; node = node->next) Visit(node);
    Flush();
    return std::move(content_);
  }

 private:
  void Visit(xmlNode* node) {
    // Deeper than any real document: a guard for the stack, not a limit anybody meets.
    if (depth_ > kMaxDepth) return;
    ++depth_;
    VisitNode(node);
    --depth_;
  }

  void VisitNode(xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      Append(node, reinterpret_cast<const char*>(node->content));
      return;
    }
    if (node->type != XML_ELEMENT_NODE) return;
    std::string name(NameOf(node));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "title" && content_.title.empty()) {
      content_.title = TextOf(node);
      return;
    }
    if (name == "meta" && Attribute(node, "name") == "author") {
      content_.author = Attribute(node, "content");
      return;
    }
    if (Is(name, kSkipped)) {
      // The head holds the title and author: look inside it, read nothing of it.
      if (name == "head") {
        for (xmlNode* child = node->children; child != nullptr; child = child->next) {
          if (child->type == XML_ELEMENT_NODE) VisitHead(child);
        }
      }
      return;
    }
    if (name == "pre") {
      Flush();
      if (read_code_) AddCode(node);
      return;
    }
    if (name == "br") {
      Append(node, "\n");
      return;
    }
    if (name == "img") {
      Append(node, Attribute(node, "alt").c_str());
      return;
    }
    const int level = HeadingLevel(name);
    const bool block = level > 0 || Is(name, kBlocks);
    if (block) Flush();
    if (anchors_) {
      if (std::string id = Attribute(node, "id"); !id.empty()) {
        content_.anchors.emplace(std::move(id), content_.blocks.size());
      }
    }
    if (level > 0) level_ = level;
    if (name == "td" || name == "th") Append(node, cell_open_ ? "，" : "");
    for (xmlNode* child = node->children; child != nullptr; child = child->next) Visit(child);
    if (name == "td" || name == "th") cell_open_ = true;
    if (block) Flush();
  }

  void VisitHead(xmlNode* node) {
    const std::string_view name = NameOf(node);
    if (name == "title" && content_.title.empty()) content_.title = TextOf(node);
    if (name == "meta" && Attribute(node, "name") == "author") {
      content_.author = Attribute(node, "content");
    }
  }

  void Append(xmlNode* node, const char* text) {
    if (text == nullptr || *text == '\0') return;
    if (current_.text.empty() && current_.span.line == 0) current_.span = SpanOf(node);
    current_.text += text;
  }

  void Flush() {
    current_.heading_level = level_;
    if (current_.text.find_first_not_of(" \t\r\n") != std::string::npos) {
      current_.text = WithoutUrls(current_.text);
      content_.blocks.push_back(std::move(current_));
    }
    current_ = Block{};
    level_ = 0;
    cell_open_ = false;
  }

  void AddCode(xmlNode* node) {
    const std::string code = TextOf(node);
    std::size_t begin = 0;
    while (begin < code.size()) {
      std::size_t end = code.find('\n', begin);
      if (end == std::string::npos) end = code.size();
      content_.blocks.push_back({0, code.substr(begin, end - begin), SpanOf(node)});
      begin = end + 1;
    }
  }

  core::SourceSpan SpanOf(xmlNode* node) const {
    core::SourceSpan span;
    const long line = xmlGetLineNo(node);
    span.line = line > 0 ? static_cast<int>(line) : 1;
    span.column = 1;
    const std::size_t index = static_cast<std::size_t>(span.line) - 1;
    span.byte_offset = index < line_starts_.size() ? line_starts_[index] : source_.size();
    const std::size_t next =
        index + 1 < line_starts_.size() ? line_starts_[index + 1] : source_.size();
    span.byte_length = next - std::min(next, span.byte_offset);
    return span;
  }

  std::string_view source_;
  bool read_code_;
  bool anchors_;
  std::vector<std::size_t> line_starts_;
  HtmlContent content_;
  Block current_;
  int level_ = 0;
  static constexpr int kMaxDepth = 1000;
  int depth_ = 0;
  bool cell_open_ = false;  // a table cell came before in this row: the next gets a "，"
};

}  // namespace

HtmlContent ParseHtml(std::string_view utf8, bool xhtml, bool read_code) {
  const int size = static_cast<int>(std::min<std::size_t>(utf8.size(), INT32_MAX));
  XmlDocPtr doc(xhtml ? xmlReadMemory(utf8.data(), size, nullptr, "UTF-8",
                                   XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                       XML_PARSE_NONET)
                   : htmlReadMemory(utf8.data(), size, nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET));
  if (doc == nullptr && xhtml) {
    // Not well-formed enough for the XML parser: the HTML parser recovers from anything.
    doc.reset(htmlReadMemory(
        utf8.data(), size, nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  }
  if (doc == nullptr) return {};
  return BlockWalker(utf8, read_code, xhtml).Walk(xmlDocGetRootElement(doc.get()));
}

ReadResult ReadHtml(std::string_view where, std::string_view bytes, const ReadOptions& options) {
  ReadResult result;
  result.format = InputFormat::kHtml;
  const text::DecodedText decoded = text::Decode(bytes, where, options.encoding);
  result.encoding = decoded.encoding;
  HtmlContent content = ParseHtml(decoded.utf8, /*xhtml=*/false, options.read_code);
  result.metadata.title = JoinSoftLines(content.title);
  result.metadata.author = JoinSoftLines(content.author);
  result.document = BuildDocument(content.blocks, where, options, result.metadata.title);
  return result;
}

}  // namespace langdu::input
