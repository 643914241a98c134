#include "text/decode.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"

namespace langdu::text {
namespace {

using core::Error;
using core::ErrorKind;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using Detector = std::unique_ptr<UCharsetDetector, DetectorCloser>;

struct Bom {
  std::string_view bytes;
  const char* converter;
};

// UTF-32LE before UTF-16LE: its BOM starts with the UTF-16LE one.
constexpr std::array kBoms = {
    Bom{"\xEF\xBB\xBF", "UTF-8"},
    Bom{std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    Bom{std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    Bom{"\xFE\xFF", "UTF-16BE"},
    Bom{"\xFF\xFE", "UTF-16LE"},
};

// Names people use for GB2312 and GBK text; GB18030 decodes all of it.
constexpr std::array<std::string_view, 8> kGbAliases = {
    "gb2312", "gbk", "cp936", "euc-cn", "x-gbk", "windows-936", "gb_2312-80", "csgb2312",
};

// The detector's answers worth trying for a Chinese text, plus the fallbacks tried after them.
constexpr std::array<std::string_view, 4> kDetectable = {"GB18030", "Big5", "UTF-16LE", "UTF-16BE"};
constexpr std::array<const char*, 2> kFallbacks = {"GB18030", "Big5"};

// The most frequent simplified characters of modern Chinese prose; their traditional forms are
// added at run time with ICU's Hans-Hant transform. Misdecoded text is mostly rare characters.
constexpr std::u16string_view kCommonHan =
    u"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过"
    u"发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本"
    u"前"
    u"开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最"
    u"重"
    u"并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任"
    u"常"
    u"先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少"
    u"报"
    u"才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
    u"眼"
    u"书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉"
    u"术"
    u"领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近"
    u"失"
    u"转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请"
    u"技"
    u"际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广"
    u"显"
    u"吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土"
    u"投"
    u"某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝"
    u"奇"
    u"察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育"
    u"属"
    u"坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送"
    u"急"
    u"血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射"
    u"略"
    u"范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈"
    u"刘"
    u"读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒"
    u"岛"
    u"托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味"
    u"野"
    u"架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐"
    u"遗"
    u"固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺"
    u"输"
    u"摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君"
    u"禁"
    u"阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握"
    u"戏"
    u"隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替"
    u"塞";

const std::unordered_set<char32_t>& CommonHan() {
  static const std::unordered_set<char32_t> common = [] {
    icu::UnicodeString text(kCommonHan.data(), static_cast<int32_t>(kCommonHan.size()));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> to_traditional(
        icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    if (U_SUCCESS(status)) {
      icu::UnicodeString traditional = text;
      to_traditional->transliterate(traditional);
      text += traditional;
    }
    std::unordered_set<char32_t> set;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) set.insert(text.char32At(i));
    return set;
  }();
  return common;
}

// How much a decoding looks like Chinese prose: common Han characters count for it; code points
// that real text does not contain count heavily against it.
long PlausibilityScore(std::string_view utf8) {
  constexpr std::size_t kSampledCodePoints = 1 << 16;
  const auto& common = CommonHan();
  long score = 0;
  std::size_t pos = 0;
  for (std::size_t n = 0; pos < utf8.size() && n < kSampledCodePoints; ++n) {
    const char32_t c = core::NextCodePoint(utf8, pos);
    const int8_t type = u_charType(static_cast<UChar32>(c));
    if (common.count(c) != 0) {
      score += 2;
    } else if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE ||
               (type == U_CONTROL_CHAR && c != '\n' && c != '\r' && c != '\t')) {
      score -= 8;
    } else if (ublock_getCode(static_cast<UChar32>(c)) == UBLOCK_HIRAGANA ||
               ublock_getCode(static_cast<UChar32>(c)) == UBLOCK_KATAKANA ||
               ublock_getCode(static_cast<UChar32>(c)) == UBLOCK_HANGUL_SYLLABLES) {
      score -= 1;
    }
  }
  return score;
}

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

Converter OpenConverter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return nullptr;
  return converter;
}

// The name users know: the MIME or IANA name of ICU's converter ("Big5", not
// "windows-950-2000").
std::string DisplayName(UConverter* converter) {
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(converter, &status);
  if (U_FAILURE(status)) return "unknown";
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode standard_status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(canonical, standard, &standard_status);
    if (U_SUCCESS(standard_status) && name != nullptr) return name;
  }
  return canonical;
}

void AppendUtf16(std::u16string_view units, std::string& utf8) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    char32_t c = units[i];
    if (U16_IS_LEAD(c) && i + 1 < units.size() && U16_IS_TRAIL(units[i + 1])) {
      c = U16_GET_SUPPLEMENTARY(c, units[i + 1]);
      ++i;
    }
    if (c < 0x80) {
      utf8 += static_cast<char>(c);
    } else {
      utf8 += core::EncodeUtf8(c);
    }
  }
}

struct DecodeFailure {
  std::size_t byte_offset = 0;
  int line = 1;
};

// Decodes with a STOP callback in fixed-size chunks. Lines are counted on the decoded text
// because a 0x0A byte is not a line break in UTF-16 or inside a GB18030 sequence.
// With `partial`, `bytes` is a prefix of the input: a sequence cut at its end is not an error.
std::variant<DecodedText, DecodeFailure> TryDecode(std::string_view bytes, UConverter* converter,
                                                   bool partial = false) {
  constexpr std::size_t kChunkUnits = 1 << 14;
  DecodedText decoded{{}, DisplayName(converter)};
  decoded.utf8.reserve(bytes.size() + bytes.size() / 2);
  std::vector<char16_t> buffer(kChunkUnits);
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  int line = 1;
  bool after_cr = false;
  char16_t carried_lead = 0;
  ucnv_resetToUnicode(converter);
  while (true) {
    UChar* target = buffer.data();
    std::size_t start = 0;
    if (carried_lead != 0) {
      *target++ = carried_lead;
      start = 1;
      carried_lead = 0;
    }
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, buffer.data() + buffer.size(), &source, source_limit,
                   nullptr, /*flush=*/partial ? 0 : 1, &status);
    std::u16string_view units(buffer.data(), static_cast<std::size_t>(target - buffer.data()));
    for (std::size_t i = start; i < units.size(); ++i) {
      if (units[i] == u'\n' || after_cr) ++line;  // LF, CR LF (counted at LF) or a lone CR
      after_cr = units[i] == u'\r';
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      if (!units.empty() && U16_IS_LEAD(units.back())) {
        carried_lead = units.back();
        units.remove_suffix(1);
      }
      AppendUtf16(units, decoded.utf8);
      continue;
    }
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t invalid_length = sizeof(invalid);
      UErrorCode invalid_status = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter, invalid, &invalid_length, &invalid_status);
      if (U_FAILURE(invalid_status)) invalid_length = 0;
      const auto consumed = static_cast<std::size_t>(source - bytes.data());
      return DecodeFailure{consumed - std::min<std::size_t>(consumed, invalid_length),
                           line + (after_cr ? 1 : 0)};
    }
    AppendUtf16(units, decoded.utf8);
    break;
  }
  if (decoded.utf8.starts_with("\xEF\xBB\xBF")) decoded.utf8.erase(0, 3);
  return decoded;
}

Error DecodeError(std::string_view where, UConverter* converter, const DecodeFailure& failure) {
  return Error(ErrorKind::kInputDecode, std::string(where) + ":" + std::to_string(failure.line) +
                                            ": invalid " + DisplayName(converter) + " at byte " +
                                            std::to_string(failure.byte_offset));
}

DecodedText DecodeOrThrow(std::string_view bytes, std::string_view where, UConverter* converter) {
  auto result = TryDecode(bytes, converter);
  if (auto* failure = std::get_if<DecodeFailure>(&result)) {
    throw DecodeError(where, converter, *failure);
  }
  return std::get<DecodedText>(std::move(result));
}

struct Utf8Scan {
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
};

// Strict UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
Utf8Scan ScanUtf8(std::string_view bytes) {
  Utf8Scan scan;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  std::size_t i = 0;
  while (i < bytes.size()) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    }
    bool valid = length != 0 && i + length <= bytes.size();
    for (int k = 1; valid && k < length; ++k) {
      const unsigned char c = byte(i + k);
      valid = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF);
    }
    if (valid) {
      ++scan.valid_multibyte;
      i += length;
    } else {
      ++scan.invalid;
      ++i;
    }
  }
  return scan;
}

// Binary data is told from text by its first few kilobytes, as git and grep do.
constexpr std::size_t kSniffedBytes = 8192;
// More than one control character in 32 is not text.
constexpr std::size_t kMaxControlShare = 32;

// C0 controls that text does not contain. Tab, line feed, vertical tab, form feed, carriage
// return, SUB (a DOS end of file) and ESC (terminal colours) occur in real text files.
bool IsBinaryControl(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A &&
          c != 0x1B) ||
         c == 0x7F;
}

bool TooManyControls(std::size_t controls, std::size_t total) {
  return controls > 0 && controls * kMaxControlShare > total;
}

// Whether `sample` reads as BOM-less UTF-16 Chinese text. UTF-16 holds NUL bytes (the high byte
// of every ASCII character, the low byte of 一 U+4E00), so NULs alone do not make binary data;
// binary data read as UTF-16 has unpaired surrogates, control characters and unassigned code
// points, which the plausibility score counts against it. Detect() takes BOM-less UTF-16 on
// the same terms.
bool LooksLikeUtf16Text(std::string_view sample) {
  for (const char* name : {"UTF-16LE", "UTF-16BE"}) {
    Converter converter = OpenConverter(name);
    if (!converter) continue;
    auto result = TryDecode(sample, converter.get(), /*partial=*/true);
    const auto* decoded = std::get_if<DecodedText>(&result);
    if (decoded != nullptr && PlausibilityScore(decoded->utf8) > 0) return true;
  }
  return false;
}

// Binary data: a NUL byte, or many control characters, in the first kilobytes, unless they
// start with a byte order mark or read as UTF-16 text. Checked on bytes: in every
// ASCII-compatible encoding langdu reads (UTF-8, GB18030, Big5) a byte below 0x20 is always
// that control character, never part of a multi-byte sequence.
bool LooksBinary(std::string_view bytes) {
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) return false;
  }
  const std::string_view sample = bytes.substr(0, kSniffedBytes);
  std::size_t nuls = 0;
  std::size_t controls = 0;
  for (const char byte : sample) {
    const auto c = static_cast<unsigned char>(byte);
    if (c == 0) ++nuls;
    if (IsBinaryControl(c)) ++controls;
  }
  if (nuls == 0 && !TooManyControls(controls, sample.size())) return false;
  return !LooksLikeUtf16Text(sample);
}

bool IsWideEncoding(UConverter* converter) {
  const std::string name = Lowercase(DisplayName(converter));
  return name.starts_with("utf-16") || name.starts_with("utf-32");
}

Error BinaryError(std::string_view where) {
  return Error(ErrorKind::kInputDecode, std::string(where) + ": looks like binary data, not text");
}

Converter OpenByName(std::string_view name) {
  std::string lower = Lowercase(name);
  if (std::find(kGbAliases.begin(), kGbAliases.end(), lower) != kGbAliases.end()) {
    lower = "gb18030";
  }
  Converter converter = OpenConverter(lower);
  if (!converter) {
    throw Error(ErrorKind::kUsage, "unknown encoding \"" + std::string(name) + "\"");
  }
  return converter;
}

std::vector<std::string> DetectorCandidates(std::string_view bytes) {
  std::vector<std::string> candidates;
  UErrorCode status = U_ZERO_ERROR;
  Detector detector(ucsdet_open(&status));
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
      UErrorCode name_status = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &name_status);
      if (U_SUCCESS(name_status) &&
          std::find(kDetectable.begin(), kDetectable.end(), name) != kDetectable.end() &&
          std::find(candidates.begin(), candidates.end(), name) == candidates.end()) {
        candidates.emplace_back(name);
      }
    }
  }
  for (const char* fallback : kFallbacks) {
    if (std::find(candidates.begin(), candidates.end(), fallback) == candidates.end()) {
      candidates.emplace_back(fallback);
    }
  }
  return candidates;
}

DecodedText Detect(std::string_view bytes, std::string_view where) {
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) {
      return DecodeOrThrow(bytes, where, OpenConverter(bom.converter).get());
    }
  }
  const Utf8Scan scan = ScanUtf8(bytes);
  // Other encodings rarely form valid UTF-8 sequences: a text made mostly of them is UTF-8 with
  // a few bad bytes, and guessing another encoding would turn it into nonsense silently.
  constexpr std::size_t kUtf8Majority = 4;
  if (scan.invalid == 0) return DecodedText{std::string(bytes), "UTF-8"};
  if (scan.valid_multibyte >= kUtf8Majority * scan.invalid) {
    return DecodeOrThrow(bytes, where, OpenConverter("UTF-8").get());
  }
  // Candidates are judged on a prefix; only the winner decodes the whole input.
  constexpr std::size_t kJudgedBytes = 1 << 16;
  const std::string_view sample = bytes.substr(0, kJudgedBytes);
  Converter best;
  long best_score = 0;
  std::optional<std::pair<Converter, DecodeFailure>> first_failure;
  for (const std::string& name : DetectorCandidates(sample)) {
    Converter converter = OpenConverter(name);
    if (!converter) continue;
    auto result = TryDecode(sample, converter.get(), sample.size() < bytes.size());
    if (auto* failure = std::get_if<DecodeFailure>(&result)) {
      if (!first_failure) first_failure.emplace(std::move(converter), *failure);
      continue;
    }
    const long score = PlausibilityScore(std::get<DecodedText>(result).utf8);
    // Almost any even-length byte string is valid UTF-16: without a BOM it must look like text.
    if (name.starts_with("UTF-16") && score <= 0) continue;
    if (!best || score > best_score) {
      best_score = score;
      best = std::move(converter);
    }
  }
  if (best) return DecodeOrThrow(bytes, where, best.get());
  // GB18030 and Big5 are always candidates, so one of them failed.
  throw DecodeError(where, first_failure->first.get(), first_failure->second);
}

}  // namespace

DecodedText Decode(std::string_view bytes, std::string_view where, std::string_view encoding) {
  if (encoding.empty()) {
    if (LooksBinary(bytes)) throw BinaryError(where);
    return Detect(bytes, where);
  }
  Converter converter = OpenByName(encoding);
  // A wide encoding named by the user is trusted with its NUL bytes.
  if (!IsWideEncoding(converter.get()) && LooksBinary(bytes)) throw BinaryError(where);
  return DecodeOrThrow(bytes, where, converter.get());
}

}  // namespace langdu::text
