#include "pronounce/syllable.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace langdu::pronounce {
namespace {

// Every syllable of standard Mandarin (and the interjections m, n, ng, hm), sorted.
constexpr std::string_view kInventory[] = {
    "a",     "ai",    "an",    "ang",    "ao",     "ba",    "bai",   "ban",   "bang",   "bao",
    "bei",   "ben",   "beng",  "bi",     "bian",   "biao",  "bie",   "bin",   "bing",   "bo",
    "bu",    "ca",    "cai",   "can",    "cang",   "cao",   "ce",    "cen",   "ceng",   "cha",
    "chai",  "chan",  "chang", "chao",   "che",    "chen",  "cheng", "chi",   "chong",  "chou",
    "chu",   "chua",  "chuai", "chuan",  "chuang", "chui",  "chun",  "chuo",  "ci",     "cong",
    "cou",   "cu",    "cuan",  "cui",    "cun",    "cuo",   "da",    "dai",   "dan",    "dang",
    "dao",   "de",    "dei",   "den",    "deng",   "di",    "dia",   "dian",  "diao",   "die",
    "ding",  "diu",   "dong",  "dou",    "du",     "duan",  "dui",   "dun",   "duo",    "e",
    "ei",    "en",    "eng",   "er",     "fa",     "fan",   "fang",  "fei",   "fen",    "feng",
    "fo",    "fou",   "fu",    "ga",     "gai",    "gan",   "gang",  "gao",   "ge",     "gei",
    "gen",   "geng",  "gong",  "gou",    "gu",     "gua",   "guai",  "guan",  "guang",  "gui",
    "gun",   "guo",   "ha",    "hai",    "han",    "hang",  "hao",   "he",    "hei",    "hen",
    "heng",  "hm",    "hong",  "hou",    "hu",     "hua",   "huai",  "huan",  "huang",  "hui",
    "hun",   "huo",   "ji",    "jia",    "jian",   "jiang", "jiao",  "jie",   "jin",    "jing",
    "jiong", "jiu",   "ju",    "juan",   "jue",    "jun",   "ka",    "kai",   "kan",    "kang",
    "kao",   "ke",    "kei",   "ken",    "keng",   "kong",  "kou",   "ku",    "kua",    "kuai",
    "kuan",  "kuang", "kui",   "kun",    "kuo",    "la",    "lai",   "lan",   "lang",   "lao",
    "le",    "lei",   "leng",  "li",     "lia",    "lian",  "liang", "liao",  "lie",    "lin",
    "ling",  "liu",   "lo",    "long",   "lou",    "lu",    "luan",  "lun",   "luo",    "lv",
    "lve",   "m",     "ma",    "mai",    "man",    "mang",  "mao",   "me",    "mei",    "men",
    "meng",  "mi",    "mian",  "miao",   "mie",    "min",   "ming",  "miu",   "mo",     "mou",
    "mu",    "n",     "na",    "nai",    "nan",    "nang",  "nao",   "ne",    "nei",    "nen",
    "neng",  "ng",    "ni",    "nian",   "niang",  "niao",  "nie",   "nin",   "ning",   "niu",
    "nong",  "nou",   "nu",    "nuan",   "nun",    "nuo",   "nv",    "nve",   "o",      "ou",
    "pa",    "pai",   "pan",   "pang",   "pao",    "pei",   "pen",   "peng",  "pi",     "pian",
    "piao",  "pie",   "pin",   "ping",   "po",     "pou",   "pu",    "qi",    "qia",    "qian",
    "qiang", "qiao",  "qie",   "qin",    "qing",   "qiong", "qiu",   "qu",    "quan",   "que",
    "qun",   "ran",   "rang",  "rao",    "re",     "ren",   "reng",  "ri",    "rong",   "rou",
    "ru",    "ruan",  "rui",   "run",    "ruo",    "sa",    "sai",   "san",   "sang",   "sao",
    "se",    "sen",   "seng",  "sha",    "shai",   "shan",  "shang", "shao",  "she",    "shei",
    "shen",  "sheng", "shi",   "shou",   "shu",    "shua",  "shuai", "shuan", "shuang", "shui",
    "shun",  "shuo",  "si",    "song",   "sou",    "su",    "suan",  "sui",   "sun",    "suo",
    "ta",    "tai",   "tan",   "tang",   "tao",    "te",    "tei",   "teng",  "ti",     "tian",
    "tiao",  "tie",   "ting",  "tong",   "tou",    "tu",    "tuan",  "tui",   "tun",    "tuo",
    "wa",    "wai",   "wan",   "wang",   "wei",    "wen",   "weng",  "wo",    "wu",     "xi",
    "xia",   "xian",  "xiang", "xiao",   "xie",    "xin",   "xing",  "xiong", "xiu",    "xu",
    "xuan",  "xue",   "xun",   "ya",     "yan",    "yang",  "yao",   "ye",    "yi",     "yin",
    "ying",  "yo",    "yong",  "you",    "yu",     "yuan",  "yue",   "yun",   "za",     "zai",
    "zan",   "zang",  "zao",   "ze",     "zei",    "zen",   "zeng",  "zha",   "zhai",   "zhan",
    "zhang", "zhao",  "zhe",   "zhei",   "zhen",   "zheng", "zhi",   "zhong", "zhou",   "zhu",
    "zhua",  "zhuai", "zhuan", "zhuang", "zhui",   "zhun",  "zhuo",  "zi",    "zong",   "zou",
    "zu",    "zuan",  "zui",   "zun",    "zuo",
};

// Vowels with tone marks, and the plain letter and tone each stands for.
struct MarkedVowel {
  char32_t code_point;
  char letter;
  int tone;
};
constexpr std::array<MarkedVowel, 29> kMarkedVowels = {{
    {U'ā', 'a', 1}, {U'á', 'a', 2}, {U'ǎ', 'a', 3}, {U'à', 'a', 4}, {U'ē', 'e', 1}, {U'é', 'e', 2},
    {U'ě', 'e', 3}, {U'è', 'e', 4}, {U'ī', 'i', 1}, {U'í', 'i', 2}, {U'ǐ', 'i', 3}, {U'ì', 'i', 4},
    {U'ō', 'o', 1}, {U'ó', 'o', 2}, {U'ǒ', 'o', 3}, {U'ò', 'o', 4}, {U'ū', 'u', 1}, {U'ú', 'u', 2},
    {U'ǔ', 'u', 3}, {U'ù', 'u', 4}, {U'ǖ', 'v', 1}, {U'ǘ', 'v', 2}, {U'ǚ', 'v', 3}, {U'ǜ', 'v', 4},
    {U'ü', 'v', 0}, {U'ń', 'n', 2}, {U'ň', 'n', 3}, {U'ǹ', 'n', 4}, {U'ḿ', 'm', 2},
}};

}  // namespace

std::span<const std::string_view> SyllableInventory() { return kInventory; }

bool IsSyllable(std::string_view base) {
  return std::binary_search(std::begin(kInventory), std::end(kInventory), base);
}

std::optional<std::string> NormalizeSyllable(std::string_view written) {
  std::string base;
  int tone = 0;
  std::size_t pos = 0;
  while (pos < written.size()) {
    const char32_t cp = core::NextCodePoint(written, pos);
    if (cp >= U'A' && cp <= U'Z') {
      base += static_cast<char>(cp - U'A' + U'a');
    } else if (cp >= U'a' && cp <= U'z') {
      base += static_cast<char>(cp);
    } else if (cp == U':' && !base.empty() && base.back() == 'u') {
      base.back() = 'v';  // CC-CEDICT's "lu:4"
    } else if (cp >= U'0' && cp <= U'5' && pos == written.size() && tone == 0) {
      tone = cp == U'0' ? 5 : static_cast<int>(cp - U'0');
    } else {
      const auto it = std::find_if(kMarkedVowels.begin(), kMarkedVowels.end(),
                                   [cp](const MarkedVowel& v) { return v.code_point == cp; });
      if (it == kMarkedVowels.end() || (it->tone != 0 && tone != 0)) return std::nullopt;
      base += it->letter;
      if (it->tone != 0) tone = it->tone;
    }
  }
  // "lue"/"nue" are the common spellings of lve/nve.
  if (base == "lue" || base == "nue") base[1] = 'v';
  if (!IsSyllable(base)) return std::nullopt;
  return base + static_cast<char>('0' + (tone == 0 ? 5 : tone));
}

int ToneOf(std::string_view syllable) { return syllable.empty() ? 5 : syllable.back() - '0'; }

std::string WithTone(std::string_view syllable, int tone) {
  std::string result(syllable.substr(0, syllable.size() - 1));
  result += static_cast<char>('0' + tone);
  return result;
}

}  // namespace langdu::pronounce
