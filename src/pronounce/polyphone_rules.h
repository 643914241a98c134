#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::pronounce {

/// A reading chosen by a context rule, and the rule's reason (shown by `pinyin --explain`).
struct RuleChoice {
  std::string_view reading;  ///< normalized syllable, "hang2"
  std::string_view reason;
};

/// The reading of a polyphone that stands as a word of its own (the lexicon did not settle it),
/// from the context rules table: `before` is the clause's Han text before it and `after` the Han
/// text after it (simplified characters). nullopt when no rule covers the character.
std::optional<RuleChoice> ChooseByContext(std::string_view character, std::string_view before,
                                          std::string_view after);

/// The readings the context rules can give `character` (in table order, without repeats); they
/// join the lexicon's readings as the candidates of the polyphone model (地 de5, 得 dei3).
std::vector<std::string_view> RuleReadings(std::string_view character);

/// True when a monosyllabic verb's reduplication (看看, 想想) reads its second syllable in the
/// neutral tone.
bool TakesNeutralReduplication(std::string_view character);

}  // namespace langdu::pronounce
