#include "input/epub_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/error.h"
#include "input/blocks.h"
#include "input/html_reader.h"
#include "input/xml_node.h"
#include "text/decode.h"

namespace langdu::input {
namespace {

// Font obfuscation hides embedded fonts from copying; it is no DRM, and langdu never reads fonts.
// Any other algorithm in META-INF/encryption.xml encrypts with a key only a licensed reading
// system has.
constexpr std::array<std::string_view, 2> kFontObfuscation = {"http://www.idpf.org/2008/embedding",
                                                              "http://ns.adobe.com/pdf/enc#RC"};

constexpr std::string_view kContainer = "META-INF/container.xml";
constexpr std::string_view kEncryption = "META-INF/encryption.xml";

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// libzip's messages start with a capital ("Not a zip archive"); ours are lowercase.
std::string LowerFirst(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

// "64 MiB", or bytes for a limit under a MiB (tests).
std::string MiB(std::size_t bytes) {
  return bytes >= (std::size_t{1} << 20) ? std::to_string(bytes >> 20) + " MiB"
                                         : std::to_string(bytes) + " bytes";
}

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// The ZIP container, read from memory: its entries by name, within the size limits. Every libzip
// status is translated here.
class Container {
 public:
  Container(std::string_view where, std::string_view bytes, const EpubLimits& limits)
      : where_(where), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) {
      archive_.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
      if (archive_ == nullptr) zip_source_free(source);
    }
    if (archive_ == nullptr) {
      const int code = zip_error_code_zip(&error);
      const std::string message = LowerFirst(zip_error_strerror(&error));
      zip_error_fini(&error);
      Fail(code == ZIP_ER_NOZIP ? "not a zip file, so not an EPUB"
                                : "broken zip file (" + message + ")");
    }
    zip_error_fini(&error);
  }

  [[noreturn]] void Fail(const std::string& what) const {
    throw core::Error(core::ErrorKind::kInputDecode, where_ + ": " + what);
  }

  bool Has(const std::string& name) const {
    return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
  }

  /// The bytes of entry `name` (which must exist: see Has).
  std::string Read(const std::string& name) {
    if (encrypted_.contains(name)) {
      Fail(name + " is encrypted (" + std::string(kEncryption) + "), so langdu cannot read it");
    }
    const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
    if (index < 0) Fail(name + ": missing");
    const auto at = static_cast<zip_uint64_t>(index);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_.get(), at, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0 &&
        stat.size > limits_.entry_bytes) {
      TooLarge(name);
    }
    std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive_.get(), at, 0));
    if (file == nullptr)
      Fail(name + ": cannot read (" + LowerFirst(zip_strerror(archive_.get())) + ")");
    std::string data;
    std::array<char, 65536> buffer;
    // The sizes a ZIP declares can lie: count what actually comes out.
    for (;;) {
      const zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
      if (got < 0) {
        Fail(name + ": cannot read (" + LowerFirst(zip_file_strerror(file.get())) + ")");
      }
      if (got == 0) break;
      data.append(buffer.data(), static_cast<std::size_t>(got));
      if (data.size() > limits_.entry_bytes) TooLarge(name);
      total_ += static_cast<std::size_t>(got);
      if (total_ > limits_.total_bytes) {
        Fail("expands to more than " + MiB(limits_.total_bytes) + " of text and images");
      }
    }
    return data;
  }

  /// Entries that META-INF/encryption.xml lists (font obfuscation): never read.
  void MarkEncrypted(std::string name) { encrypted_.insert(std::move(name)); }

 private:
  [[noreturn]] void TooLarge(const std::string& name) const {
    Fail(name + ": expands to more than " + MiB(limits_.entry_bytes));
  }

  std::string where_;
  EpubLimits limits_;
  std::unique_ptr<zip_t, ZipDiscard> archive_;
  std::set<std::string> encrypted_;
  std::size_t total_ = 0;
};

// A title or label as a reader sees it: its text with soft line breaks joined.
std::string LabelOf(const xmlNode* node) { return JoinSoftLines(TextOf(node)); }

// Elements named `local` (any namespace) at or below `node`, in document order. libxml2 nests
// at most 256 deep without XML_PARSE_HUGE, so recursion is bounded.
void Collect(xmlNode* node, std::string_view local, std::vector<xmlNode*>& found) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (NameOf(node) == local) found.push_back(node);
    Collect(node->children, local, found);
  }
}

std::vector<xmlNode*> Elements(xmlNode* root, std::string_view local) {
  std::vector<xmlNode*> found;
  if (root != nullptr) Collect(root->children, local, found);
  return found;
}

xmlNode* FirstChild(xmlNode* node, std::string_view local) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && NameOf(child) == local) return child;
  }
  return nullptr;
}

bool HasToken(std::string_view list, std::string_view token) {
  std::size_t begin = 0;
  while (begin < list.size()) {
    std::size_t end = list.find(' ', begin);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(begin, end - begin) == token) return true;
    begin = end + 1;
  }
  return false;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string FolderOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// A link inside the book: the entry it names and its fragment.
struct Target {
  std::string path;
  std::string fragment;
};

class Book {
 public:
  Book(std::string_view where, std::string_view bytes, const ReadOptions& options,
       const EpubLimits& limits)
      : where_(where), zip_(where, bytes, limits), options_(options) {}

  ReadResult Read() {
    CheckEncryption();
    ReadPackage(FindPackage());
    ReadResult result;
    result.format = InputFormat::kEpub;
    result.metadata = metadata_;
    std::vector<Block> blocks = ReadSpine(result.encoding);
    result.document = BuildDocument(blocks, where_, options_, metadata_.title, toc_starts_);
    return result;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const { zip_.Fail(what); }

  XmlDocPtr ParseXml(const std::string& name) {
    const std::string bytes = zip_.Read(name);
    const int size = static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX));
    XmlDocPtr doc(xmlReadMemory(
        bytes.data(), size, name.c_str(), nullptr,
        XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) Fail(name + ": not XML");
    return doc;
  }

  // `href` as written in `base` (an entry's path), resolved to an entry's path: percent-decoded,
  // "." and ".." applied. A link that leaves the book is refused; one to another site is no
  // entry (nullopt).
  std::optional<Target> Resolve(const std::string& base, std::string_view href) const {
    Target target;
    if (const std::size_t hash = href.find('#'); hash != std::string_view::npos) {
      target.fragment = PercentDecoded(href.substr(hash + 1));
      href = href.substr(0, hash);
    }
    if (const std::size_t colon = href.find(':');
        colon != std::string_view::npos && href.find('/') > colon) {
      return std::nullopt;  // http:, mailto: …
    }
    const std::string decoded = PercentDecoded(href);
    if (decoded.empty()) {  // "#id": a place in `base` itself
      target.path = base;
      return target;
    }
    std::vector<std::string> parts;
    std::string whole = decoded.starts_with('/') ? decoded.substr(1) : FolderOf(base) + decoded;
    std::size_t begin = 0;
    while (begin <= whole.size()) {
      std::size_t end = whole.find('/', begin);
      if (end == std::string::npos) end = whole.size();
      const std::string part = whole.substr(begin, end - begin);
      if (part == "..") {
        if (parts.empty()) Fail(base + ": " + Quoted(href) + " points outside the book");
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      begin = end + 1;
    }
    for (const std::string& part : parts) {
      target.path += (target.path.empty() ? "" : "/") + part;
    }
    return target;
  }

  void CheckEncryption() {
    const std::string name(kEncryption);
    if (!zip_.Has(name)) return;
    const XmlDocPtr doc = ParseXml(name);
    for (xmlNode* data : Elements(xmlDocGetRootElement(doc.get()), "EncryptedData")) {
      std::string algorithm;
      if (xmlNode* method = FirstChild(data, "EncryptionMethod")) {
        algorithm = Attribute(method, "Algorithm");
      }
      std::string uri;
      for (xmlNode* reference : Elements(data, "CipherReference"))
        uri = Attribute(reference, "URI");
      const bool obfuscated = std::find(kFontObfuscation.begin(), kFontObfuscation.end(),
                                        algorithm) != kFontObfuscation.end();
      if (!obfuscated) {
        Fail("protected by DRM (" + name + " encrypts " + Quoted(uri) +
             "): langdu reads only books without DRM");
      }
      // CipherReference URIs are relative to the container's root.
      if (const auto target = Resolve("", uri)) zip_.MarkEncrypted(target->path);
    }
  }

  std::string FindPackage() {
    const std::string container(kContainer);
    if (!zip_.Has(container)) Fail("no " + container + ", so not an EPUB");
    const XmlDocPtr doc = ParseXml(container);
    std::string path;
    for (xmlNode* rootfile : Elements(xmlDocGetRootElement(doc.get()), "rootfile")) {
      const std::string media_type = Attribute(rootfile, "media-type");
      if (media_type.empty() || media_type == "application/oebps-package+xml") {
        path = Attribute(rootfile, "full-path");
        if (!path.empty()) break;
      }
    }
    if (path.empty()) Fail(container + " names no package document");
    const std::optional<Target> target = Resolve("", path);
    if (!target || !zip_.Has(target->path)) {
      Fail("the package document " + Quoted(path) + " that " + container + " names is missing");
    }
    return target->path;
  }

  struct Item {
    std::string path;
    std::string media_type;
    std::string properties;
  };

  void ReadPackage(const std::string& opf) {
    opf_ = opf;
    const XmlDocPtr doc = ParseXml(opf);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    for (xmlNode* item : Elements(root, "item")) {
      const std::string id = Attribute(item, "id");
      const std::optional<Target> target = Resolve(opf, Attribute(item, "href"));
      if (id.empty() || !target) continue;
      items_.emplace(
          id, Item{target->path, Attribute(item, "media-type"), Attribute(item, "properties")});
    }
    ReadMetadata(root);
    for (xmlNode* spine : Elements(root, "spine")) {
      toc_id_ = Attribute(spine, "toc");
      for (xmlNode* itemref : Elements(spine, "itemref")) {
        if (Attribute(itemref, "linear") == "no") continue;
        spine_.push_back(Attribute(itemref, "idref"));
      }
      break;
    }
    // EPUB 2's guide: the page of the book that lists its contents is not read aloud (the
    // listing itself becomes the chapters).
    for (xmlNode* reference : Elements(root, "reference")) {
      if (Attribute(reference, "type") != "toc") continue;
      if (const auto target = Resolve(opf, Attribute(reference, "href"))) {
        toc_pages_.insert(target->path);
      }
    }
  }

  void ReadMetadata(xmlNode* root) {
    std::map<std::string, std::string> roles;  // EPUB 3: <meta refines="#id" property="role">
    std::string cover_id;                      // EPUB 2: <meta name="cover" content="id">
    for (xmlNode* meta : Elements(root, "meta")) {
      if (Attribute(meta, "property") == "role") {
        const std::string refines = Attribute(meta, "refines");
        if (refines.starts_with('#')) roles[refines.substr(1)] = LabelOf(meta);
      }
      if (Attribute(meta, "name") == "cover") cover_id = Attribute(meta, "content");
    }
    for (xmlNode* title : Elements(root, "title")) {
      metadata_.title = LabelOf(title);
      if (!metadata_.title.empty()) break;
    }
    std::vector<std::string> authors;
    std::vector<std::string> others;
    for (xmlNode* creator : Elements(root, "creator")) {
      const std::string name = LabelOf(creator);
      if (name.empty()) continue;
      std::string role = Attribute(creator, "role");
      if (const auto it = roles.find(Attribute(creator, "id")); it != roles.end()) {
        role = it->second;
      }
      (role.empty() || role == "aut" ? authors : others).push_back(name);
    }
    if (authors.empty()) authors = others;
    for (const std::string& author : authors) {
      metadata_.author += (metadata_.author.empty() ? "" : "、") + author;
    }

    const Item* cover = nullptr;
    for (const auto& [id, item] : items_) {
      if (HasToken(item.properties, "cover-image")) {
        cover = &item;
        break;
      }
    }
    if (cover == nullptr && !cover_id.empty()) {
      if (const auto it = items_.find(cover_id); it != items_.end()) cover = &it->second;
    }
    // A cover that is missing, or neither JPEG nor PNG (what audio files embed), is left out:
    // the book still reads.
    if (cover != nullptr && zip_.Has(cover->path)) {
      std::string image = zip_.Read(cover->path);
      if (image.starts_with("\xFF\xD8\xFF")) {
        metadata_.cover_media_type = "image/jpeg";
      } else if (image.starts_with("\x89PNG\r\n\x1A\n")) {
        metadata_.cover_media_type = "image/png";
      }
      if (!metadata_.cover_media_type.empty()) metadata_.cover = std::move(image);
    }
  }

  struct TocEntry {
    Target target;
    std::string title;
  };

  // An EPUB 3 nav document's entries, down to --heading-levels levels, in order.
  void NavEntries(const std::string& nav, xmlNode* list, int depth, std::vector<TocEntry>& out) {
    for (xmlNode* li = list->children; li != nullptr; li = li->next) {
      if (li->type != XML_ELEMENT_NODE || NameOf(li) != "li") continue;
      for (xmlNode* child = li->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (NameOf(child) == "a") {
          if (const auto target = Resolve(nav, Attribute(child, "href"))) {
            out.push_back({*target, LabelOf(child)});
          }
        } else if (NameOf(child) == "ol" && depth < options_.heading_levels) {
          NavEntries(nav, child, depth + 1, out);
        }
      }
    }
  }

  std::vector<TocEntry> FromNav(const std::string& nav) {
    const XmlDocPtr doc = ParseXml(nav);
    std::vector<TocEntry> entries;
    for (xmlNode* element : Elements(xmlDocGetRootElement(doc.get()), "nav")) {
      const std::string type = Attribute(element, "type");
      if (HasToken(type, "landmarks")) {
        for (xmlNode* a : Elements(element, "a")) {
          if (!HasToken(Attribute(a, "type"), "toc")) continue;
          if (const auto target = Resolve(nav, Attribute(a, "href"))) {
            toc_pages_.insert(target->path);
          }
        }
      }
      if (!HasToken(type, "toc") || !entries.empty()) continue;
      if (xmlNode* list = FirstChild(element, "ol")) NavEntries(nav, list, 1, entries);
    }
    return entries;
  }

  void NcxPoints(const std::string& ncx, xmlNode* parent, int depth, std::vector<TocEntry>& out) {
    for (xmlNode* point = parent->children; point != nullptr; point = point->next) {
      if (point->type != XML_ELEMENT_NODE || NameOf(point) != "navPoint") continue;
      xmlNode* content = FirstChild(point, "content");
      xmlNode* label = FirstChild(point, "navLabel");
      if (content != nullptr) {
        if (const auto target = Resolve(ncx, Attribute(content, "src"))) {
          out.push_back({*target, label != nullptr ? LabelOf(label) : std::string()});
        }
      }
      if (depth < options_.heading_levels) NcxPoints(ncx, point, depth + 1, out);
    }
  }

  std::vector<TocEntry> FromNcx(const std::string& ncx) {
    const XmlDocPtr doc = ParseXml(ncx);
    std::vector<TocEntry> entries;
    for (xmlNode* map : Elements(xmlDocGetRootElement(doc.get()), "navMap")) {
      NcxPoints(ncx, map, 1, entries);
      break;
    }
    return entries;
  }

  // The table of contents: the nav document's when it lists anything, else the NCX's.
  std::vector<TocEntry> TableOfContents() {
    for (const auto& [id, item] : items_) {
      if (!HasToken(item.properties, "nav") || !zip_.Has(item.path)) continue;
      std::vector<TocEntry> entries = FromNav(item.path);
      if (!entries.empty()) return entries;
    }
    const Item* ncx = nullptr;
    if (const auto it = items_.find(toc_id_); it != items_.end()) ncx = &it->second;
    for (const auto& [id, item] : items_) {
      if (ncx == nullptr && item.media_type == "application/x-dtbncx+xml") ncx = &item;
    }
    if (ncx == nullptr || !zip_.Has(ncx->path)) return {};
    return FromNcx(ncx->path);
  }

  std::vector<Block> ReadSpine(std::string& encoding) {
    std::vector<TocEntry> toc =
        options_.structure.detect_chapters ? TableOfContents() : std::vector<TocEntry>();
    std::vector<Block> blocks;
    for (const std::string& idref : spine_) {
      const auto it = items_.find(idref);
      if (it == items_.end()) {
        Fail(opf_ + ": spine item " + Quoted(idref) + " is not in the manifest");
      }
      const Item& item = it->second;
      if (!zip_.Has(item.path)) Fail(opf_ + ": spine item " + Quoted(item.path) + " is missing");
      if (toc_pages_.contains(item.path)) continue;
      if (item.media_type != "application/xhtml+xml" && item.media_type != "text/html") continue;
      // Content documents are UTF-8, or UTF-16 with its byte order mark (EPUB 3.3, 3.3.2): never
      // guessed.
      const std::string bytes = zip_.Read(item.path);
      const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
      const text::DecodedText decoded =
          text::Decode(bytes, where_ + ": " + item.path, utf16 ? "" : "UTF-8");
      if (encoding.empty()) encoding = decoded.encoding;
      HtmlContent content = ParseHtml(decoded.utf8, /*xhtml=*/true, options_.read_code);
      // Where each entry of the contents lands in this document; the first entry at a block wins.
      std::map<std::size_t, std::string> starts;
      for (const TocEntry& entry : toc) {
        if (entry.target.path != item.path) continue;
        std::size_t at = 0;
        if (const auto anchor = content.anchors.find(entry.target.fragment);
            !entry.target.fragment.empty() && anchor != content.anchors.end()) {
          at = anchor->second;
        }
        starts.emplace(at, entry.title);
      }
      const std::size_t first = blocks.size();
      for (Block& block : content.blocks) blocks.push_back(std::move(block));
      std::optional<std::string> at_end;
      for (const auto& [at, title] : starts) {
        if (first + at < blocks.size()) {
          toc_starts_.emplace(first + at, title);
        } else {
          at_end = title;
        }
      }
      // An entry on a document with no text (a volume's picture page), or at its very end, starts
      // its chapter at the next block there is, unless an entry of its own starts there.
      if (pending_ && first < blocks.size()) {
        toc_starts_.emplace(first, *pending_);
        pending_.reset();
      }
      if (at_end) pending_ = at_end;
    }
    if (encoding.empty()) encoding = "UTF-8";
    return blocks;
  }

  std::string where_;
  Container zip_;
  const ReadOptions& options_;
  Metadata metadata_;
  std::string opf_;
  std::map<std::string, Item> items_;
  std::vector<std::string> spine_;
  std::string toc_id_;
  std::set<std::string> toc_pages_;
  std::map<std::size_t, std::string> toc_starts_;  // block index → title of its contents entry
  std::optional<std::string> pending_;             // a contents entry waiting for a block to start
};

}  // namespace

ReadResult ReadEpub(std::string_view where, std::string_view bytes, const ReadOptions& options,
                    const EpubLimits& limits) {
  return Book(where, bytes, options, limits).Read();
}

ReadResult ReadEpub(std::string_view where, std::string_view bytes, const ReadOptions& options) {
  return ReadEpub(where, bytes, options, EpubLimits{});
}

}  // namespace langdu::input
