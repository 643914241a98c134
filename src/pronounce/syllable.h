#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace langdu::pronounce {

/// The Mandarin syllable inventory without tones ("a", "zhuang", "lv", "lve", "er", ...), 'ü'
/// written 'v'; sorted.
std::span<const std::string_view> SyllableInventory();

/// True when `base` (no tone digit) is in the inventory.
bool IsSyllable(std::string_view base);

/// Normalizes one written syllable to langdu's form `base` + tone digit 1-5: "hang2", "lv4",
/// "le5". Accepts tone digits ("lu:4", "lü4", "lv4", "le" or "le0" for neutral) and tone marks
/// ("háng", "lǜ"). Returns nullopt when it is not a syllable of the inventory.
std::optional<std::string> NormalizeSyllable(std::string_view written);

/// The tone digit of a normalized syllable (1-5).
int ToneOf(std::string_view syllable);

/// A normalized syllable with its tone replaced.
std::string WithTone(std::string_view syllable, int tone);

}  // namespace langdu::pronounce
