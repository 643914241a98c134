#include "input/xml_node.h"

namespace langdu::input {

std::optional<std::string> FindAttribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return std::nullopt;
  std::string text(AsView(value));
  xmlFree(value);
  return text;
}

std::string Attribute(const xmlNode* node, const char* name) {
  return FindAttribute(node, name).value_or("");
}

std::string TextOf(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text(AsView(content));
  xmlFree(content);
  return text;
}

}  // namespace langdu::input
