#pragma once

#include <string>
#include <vector>

namespace langdu::pronounce {

/// One Han character of a run, as the tone rules see it.
struct ToneUnit {
  std::string character;  ///< simplified, UTF-8
  std::string syllable;   ///< normalized syllable ("hang2"); empty for an unknown character
  std::string reason;     ///< why this reading; sandhi appends its own reason
  int word = 0;           ///< index of the lexical word in the run
  int prosodic_word = 0;  ///< index of the prosodic word; the 3-3 change applies inside one only
  bool settled = false;   ///< the tone was written by a lexicon word (一个 yi2 ge4): keep it
};

/// Writes the spoken tones into a run: 一 (yi1 in counting, ordinals, dates and at the end;
/// yi5 in V一V; yi2 before tone 4; yi4 before tones 1-3), 不 (bu5 in A不A, bu2 before tone 4),
/// the neutral second syllable of reduplicated verbs (看看), and the third-tone change inside
/// each prosodic word (展览馆 zhan2 lan2 guan3).
std::vector<ToneUnit> ApplyToneSandhi(std::vector<ToneUnit> units);

/// Undoes the tone changes of 一 and 不 that lexicon words carry: the dictionary (citation)
/// tones, yi1 and bu4.
std::vector<ToneUnit> ToCitationTones(std::vector<ToneUnit> units);

}  // namespace langdu::pronounce
