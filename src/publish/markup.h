#pragma once

#include <string>
#include <string_view>

namespace langdu::publish {

/// `text` escaped for XML and HTML text and attribute values: & < > " '.
std::string EscapeMarkup(std::string_view text);

/// Seconds with three decimals, as HTML data and SMIL clock values take them: "12.345", "3.000".
std::string SecondsText(double seconds);

/// `text` percent-encoded as a URL path segment (RFC 3986 unreserved and UTF-8 kept), for file
/// names in href and src attributes: spaces, '#', '%', '?' and the like are encoded.
std::string UrlPath(std::string_view text);

}  // namespace langdu::publish
