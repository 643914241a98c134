#pragma once

#include <string>

namespace langdu::text {

/// The version of the ICU library langdu runs with, e.g. "72.1".
std::string IcuVersion();

}  // namespace langdu::text
