#pragma once

// Small helpers over libxml2's tree, shared by the readers of XML input (EPUB, HTML, SSML).
// Internal to the input stage: no libxml2 type leaves it.

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace langdu::input {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
/// A parsed document, freed with it.
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

/// libxml2's UTF-8 string as a view; empty for nullptr.
inline std::string_view AsView(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

/// An element's local name (without its namespace prefix).
inline std::string_view NameOf(const xmlNode* node) { return AsView(node->name); }

/// An attribute by its local name, whatever its namespace (epub:type, opf:role); nullopt when
/// the element has none.
std::optional<std::string> FindAttribute(const xmlNode* node, const char* name);

/// An attribute's value, or "" when it is absent.
std::string Attribute(const xmlNode* node, const char* name);

/// The text of a node and everything below it, as written (entities resolved).
std::string TextOf(const xmlNode* node);

}  // namespace langdu::input
