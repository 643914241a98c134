#include "input/markdown_reader.h"

#include <cmark.h>

#include <memory>
#include <string>
#include <vector>

#include "input/blocks.h"
#include "text/decode.h"

namespace langdu::input {
namespace {

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;

std::string Unquote(std::string_view value) {
  const std::size_t begin = value.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = value.find_last_not_of(" \t\r");
  value = value.substr(begin, end - begin + 1);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

// YAML front matter (--- ... --- or ...) at the very start: its top-level title and author are
// taken, and its lines are blanked so that the parser's line numbers stay those of the file.
Metadata TakeFrontMatter(std::string& text) {
  Metadata metadata;
  if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return metadata;
  std::size_t begin = text.find('\n') + 1;
  std::size_t end = begin;
  bool closed = false;
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  while (end < text.size()) {
    std::size_t line_end = text.find('\n', end);
    if (line_end == std::string::npos) line_end = text.size();
    std::string_view line(text.data() + end, line_end - end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line == "---" || line == "...") {
      closed = true;
      end = line_end;
      break;
    }
    lines.emplace_back(end, line_end);
    end = line_end + 1;
  }
  if (!closed) return metadata;
  for (const auto& [line_begin, line_end] : lines) {
    const std::string_view line(text.data() + line_begin, line_end - line_begin);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    if (key == "title") metadata.title = Unquote(line.substr(colon + 1));
    if (key == "author") metadata.author = Unquote(line.substr(colon + 1));
  }
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] != '\n') text[i] = ' ';
  }
  return metadata;
}

// HTML as Markdown carries it: tags and comments removed, the text between them kept.
std::string StripTags(std::string_view html) {
  std::string out;
  for (std::size_t pos = 0; pos < html.size();) {
    if (html.substr(pos, 4) == "<!--") {
      const std::size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
    } else if (html[pos] == '<') {
      const std::size_t end = html.find('>', pos);
      pos = end == std::string_view::npos ? html.size() : end + 1;
    } else {
      out += html[pos++];
    }
  }
  return out;
}

bool IsTableDelimiterRow(std::string_view line) {
  return line.find('-') != std::string_view::npos &&
         line.find_first_not_of("|:- \t") == std::string_view::npos;
}

// A paragraph whose lines all start with "|" is a table (GFM, which CommonMark leaves as text):
// each row is a paragraph of its own, cells separated by "，", the delimiter row dropped.
std::vector<std::string> TableRows(const std::string& text) {
  std::vector<std::string> rows;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + begin, end - begin);
    begin = end + 1;
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    line.remove_prefix(first);
    if (!line.starts_with('|')) return {};
    if (IsTableDelimiterRow(line)) continue;
    std::string row;
    std::size_t cell_begin = 1;
    while (cell_begin < line.size()) {
      std::size_t cell_end = line.find('|', cell_begin);
      if (cell_end == std::string_view::npos) cell_end = line.size();
      std::string_view cell = line.substr(cell_begin, cell_end - cell_begin);
      const std::size_t a = cell.find_first_not_of(" \t");
      if (a != std::string_view::npos) {
        cell = cell.substr(a, cell.find_last_not_of(" \t") - a + 1);
        if (!row.empty()) row += "，";
        row += cell;
      }
      cell_begin = cell_end + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

class BlockCollector {
 public:
  BlockCollector(std::string_view text, bool read_code) : text_(text), read_code_(read_code) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  std::vector<Block> Collect(cmark_node* root) {
    IterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (event == CMARK_EVENT_ENTER) {
        Enter(node);
      } else if (event == CMARK_EVENT_EXIT) {
        Exit(node);
      }
    }
    return std::move(blocks_);
  }

 private:
  void Enter(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        Open(node, cmark_node_get_heading_level(node));
        break;
      case CMARK_NODE_PARAGRAPH:
        if (!open_) Open(node, 0);
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        Append(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        Append("\n");
        break;
      case CMARK_NODE_LINK:
        links_.push_back(IsAutolink(node));
        if (links_.back()) ++silent_;
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (read_code_) AddCodeBlock(node);
        break;
      case CMARK_NODE_HTML_BLOCK:
        AddParagraph(node, StripTags(cmark_node_get_literal(node)));
        break;
      default:
        break;  // emphasis, images (their alt text is their children), HTML inline: no text
    }
  }

  void Exit(cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_LINK && !links_.empty()) {
      if (links_.back()) --silent_;
      links_.pop_back();
    }
    if (open_ == node) Close();
  }

  // <https://example.com>: a link whose text is its address, which is never read.
  static bool IsAutolink(cmark_node* node) {
    cmark_node* child = cmark_node_first_child(node);
    if (child == nullptr || cmark_node_get_type(child) != CMARK_NODE_TEXT) return false;
    const char* url = cmark_node_get_url(node);
    const char* literal = cmark_node_get_literal(child);
    if (url == nullptr || literal == nullptr) return false;
    const std::string_view address(url);
    const std::string_view shown(literal);
    return address == shown || address == "mailto:" + std::string(shown);
  }

  void Open(cmark_node* node, int level) {
    open_ = node;
    current_ = Block{};
    current_.heading_level = level;
    current_.span = SpanOf(node);
  }

  void Append(const char* literal) {
    if (open_ != nullptr && silent_ == 0 && literal != nullptr) current_.text += literal;
  }

  void Close() {
    open_ = nullptr;
    if (current_.heading_level == 0) {
      const std::vector<std::string> rows = TableRows(current_.text);
      if (!rows.empty()) {
        for (const std::string& row : rows) blocks_.push_back({0, row, current_.span});
        return;
      }
    }
    current_.text = WithoutUrls(current_.text);
    blocks_.push_back(std::move(current_));
  }

  void AddParagraph(cmark_node* node, std::string text) {
    blocks_.push_back({0, WithoutUrls(text), SpanOf(node)});
  }

  void AddCodeBlock(cmark_node* node) {
    const std::string_view code = cmark_node_get_literal(node);
    std::size_t begin = 0;
    while (begin < code.size()) {
      std::size_t end = code.find('\n', begin);
      if (end == std::string_view::npos) end = code.size();
      blocks_.push_back({0, std::string(code.substr(begin, end - begin)), SpanOf(node)});
      begin = end + 1;
    }
  }

  core::SourceSpan SpanOf(cmark_node* node) const {
    const int start_line = cmark_node_get_start_line(node);
    const int end_line = cmark_node_get_end_line(node);
    core::SourceSpan span;
    span.line = start_line;
    span.column = cmark_node_get_start_column(node);
    const auto offset = [this](int line) {
      const std::size_t index = static_cast<std::size_t>(std::max(line, 1)) - 1;
      return index < line_starts_.size() ? line_starts_[index] : text_.size();
    };
    span.byte_offset = offset(start_line);
    span.byte_length = offset(end_line + 1) - span.byte_offset;
    return span;
  }

  std::string_view text_;
  bool read_code_;
  std::vector<std::size_t> line_starts_;
  std::vector<Block> blocks_;
  Block current_;
  cmark_node* open_ = nullptr;  // the heading or paragraph being collected
  std::vector<bool> links_;     // the links entered: autolink or not
  int silent_ = 0;              // autolinks entered
};

}  // namespace

ReadResult ReadMarkdown(std::string_view where, std::string_view bytes,
                        const ReadOptions& options) {
  ReadResult result;
  result.format = InputFormat::kMarkdown;
  text::DecodedText decoded = text::Decode(bytes, where, options.encoding);
  result.encoding = decoded.encoding;
  std::string markdown = std::move(decoded.utf8);
  result.metadata = TakeFrontMatter(markdown);
  const NodePtr root(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_SOURCEPOS));
  std::vector<Block> blocks = BlockCollector(markdown, options.read_code).Collect(root.get());
  result.document = BuildDocument(blocks, where, options, result.metadata.title);
  return result;
}

}  // namespace langdu::input
