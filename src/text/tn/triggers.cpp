// Context rules as data: the trigger words that decide how a number next to them is read. Each
// row names its word, the side of the number it stands on, and the reading it decides; the rule
// name that `normalize --explain` prints is built from the row ("code: after 拨打").

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

enum class Side {
  kBefore,  ///< the word ends where the number begins (joiners such as ：是为 may stand between)
  kAfter,   ///< the word starts where the number (or its 年) ends
};

struct Trigger {
  std::u32string_view word;
  Side side;
  Reading reading;
};

constexpr Trigger kTriggers[] = {
    // Codes, read digit by digit: words before the digits.
    {U"电话", Side::kBefore, Reading::kCode},
    {U"手机", Side::kBefore, Reading::kCode},
    {U"热线", Side::kBefore, Reading::kCode},
    {U"拨打", Side::kBefore, Reading::kCode},
    {U"致电", Side::kBefore, Reading::kCode},
    {U"号码", Side::kBefore, Reading::kCode},
    {U"编号", Side::kBefore, Reading::kCode},
    {U"邮编", Side::kBefore, Reading::kCode},
    {U"邮政编码", Side::kBefore, Reading::kCode},
    {U"账号", Side::kBefore, Reading::kCode},
    {U"帐号", Side::kBefore, Reading::kCode},
    {U"卡号", Side::kBefore, Reading::kCode},
    {U"工号", Side::kBefore, Reading::kCode},
    {U"学号", Side::kBefore, Reading::kCode},
    {U"QQ", Side::kBefore, Reading::kCode},
    {U"微信", Side::kBefore, Reading::kCode},
    {U"传真", Side::kBefore, Reading::kCode},
    {U"房间", Side::kBefore, Reading::kCode},
    {U"车次", Side::kBefore, Reading::kCode},
    {U"航班", Side::kBefore, Reading::kCode},
    {U"单号", Side::kBefore, Reading::kCode},
    {U"身份证", Side::kBefore, Reading::kCode},
    {U"尾号", Side::kBefore, Reading::kCode},
    {U"验证码", Side::kBefore, Reading::kCode},
    {U"密码", Side::kBefore, Reading::kCode},
    {U"代码", Side::kBefore, Reading::kCode},
    {U"型号", Side::kBefore, Reading::kCode},
    {U"分机", Side::kBefore, Reading::kCode},
    {U"门牌", Side::kBefore, Reading::kCode},
    {U"Tel", Side::kBefore, Reading::kCode},
    {U"TEL", Side::kBefore, Reading::kCode},
    {U"tel", Side::kBefore, Reading::kCode},
    // Codes: words after the digits (a room number).
    {U"室", Side::kAfter, Reading::kCode},
    {U"房间", Side::kAfter, Reading::kCode},
    {U"号房", Side::kAfter, Reading::kCode},
    // Two-digit years (97年): words after 年, and before the number.
    {U"出生", Side::kAfter, Reading::kYear},
    {U"生人", Side::kAfter, Reading::kYear},
    {U"生的", Side::kAfter, Reading::kYear},
    {U"毕业", Side::kAfter, Reading::kYear},
    {U"入学", Side::kAfter, Reading::kYear},
    {U"入职", Side::kAfter, Reading::kYear},
    {U"入伍", Side::kAfter, Reading::kYear},
    {U"参军", Side::kAfter, Reading::kYear},
    {U"参加工作", Side::kAfter, Reading::kYear},
    {U"结婚", Side::kAfter, Reading::kYear},
    {U"认识", Side::kAfter, Reading::kYear},
    {U"高考", Side::kAfter, Reading::kYear},
    {U"春节", Side::kAfter, Reading::kYear},
    {U"春天", Side::kAfter, Reading::kYear},
    {U"夏天", Side::kAfter, Reading::kYear},
    {U"秋天", Side::kAfter, Reading::kYear},
    {U"冬天", Side::kAfter, Reading::kYear},
    {U"年底", Side::kAfter, Reading::kYear},
    {U"底", Side::kAfter, Reading::kYear},
    {U"初", Side::kAfter, Reading::kYear},
    {U"的时候", Side::kAfter, Reading::kYear},
    {U"那年", Side::kAfter, Reading::kYear},
    {U"那一年", Side::kAfter, Reading::kYear},
    {U"生于", Side::kBefore, Reading::kYear},
    {U"出生于", Side::kBefore, Reading::kYear},
    // Four-digit years without 年: words right after the number.
    {U"届", Side::kAfter, Reading::kYear},
    {U"版", Side::kAfter, Reading::kYear},
    {U"赛季", Side::kAfter, Reading::kYear},
    {U"款", Side::kAfter, Reading::kYear},
    {U"级", Side::kAfter, Reading::kYear},
    {U"财年", Side::kAfter, Reading::kYear},
    // Scores: a result after a-b or a:b, or a word before it.
    {U"战胜", Side::kAfter, Reading::kScore},
    {U"击败", Side::kAfter, Reading::kScore},
    {U"获胜", Side::kAfter, Reading::kScore},
    {U"取胜", Side::kAfter, Reading::kScore},
    {U"力克", Side::kAfter, Reading::kScore},
    {U"险胜", Side::kAfter, Reading::kScore},
    {U"完胜", Side::kAfter, Reading::kScore},
    {U"大胜", Side::kAfter, Reading::kScore},
    {U"小胜", Side::kAfter, Reading::kScore},
    {U"逆转", Side::kAfter, Reading::kScore},
    {U"战平", Side::kAfter, Reading::kScore},
    {U"打平", Side::kAfter, Reading::kScore},
    {U"握手言和", Side::kAfter, Reading::kScore},
    {U"不敌", Side::kAfter, Reading::kScore},
    {U"负于", Side::kAfter, Reading::kScore},
    {U"输给", Side::kAfter, Reading::kScore},
    {U"惜败", Side::kAfter, Reading::kScore},
    {U"落败", Side::kAfter, Reading::kScore},
    {U"告负", Side::kAfter, Reading::kScore},
    {U"赢下", Side::kAfter, Reading::kScore},
    {U"赢得", Side::kAfter, Reading::kScore},
    {U"拿下", Side::kAfter, Reading::kScore},
    {U"晋级", Side::kAfter, Reading::kScore},
    {U"比分", Side::kBefore, Reading::kScore},
    {U"比分为", Side::kBefore, Reading::kScore},
    {U"比分是", Side::kBefore, Reading::kScore},
    {U"以", Side::kBefore, Reading::kScore},
    {U"比例", Side::kBefore, Reading::kScore},
    {U"比例为", Side::kBefore, Reading::kScore},
    {U"比例是", Side::kBefore, Reading::kScore},
    {U"比值", Side::kBefore, Reading::kScore},
    {U"战绩", Side::kBefore, Reading::kScore},
};

// What may stand between a code word and its digits: 电话：, 尾号为, 房间号是.
constexpr char32_t kCodeJoiners[] = {U'：', U':', U'是', U'为', U' ', U'号'};

// Event words: a four-digit year directly followed by a name that contains one of these is the
// year of the event (2022北京冬奥会, 2023全国两会).
constexpr std::u32string_view kEventWords[] = {
    U"会",   U"奥运", U"冬奥", U"世界杯", U"亚运", U"世博", U"博览", U"大赛", U"论坛",
    U"峰会", U"春晚", U"晚会", U"锦标赛", U"联赛", U"赛",   U"节",   U"展",   U"报告"};
constexpr std::size_t kEventLookahead = 10;  // code points after the number searched for them

std::string RuleName(Reading reading, Side side, std::u32string_view word) {
  std::string name = reading == Reading::kCode   ? "code"
                     : reading == Reading::kYear ? "year"
                                                 : "score";
  name += side == Side::kBefore ? ": after " : ": before ";
  for (char32_t c : word) name += core::EncodeUtf8(c);
  return name;
}

bool IsCodeJoiner(char32_t c) {
  return std::find(std::begin(kCodeJoiners), std::end(kCodeJoiners), c) != std::end(kCodeJoiners);
}

}  // namespace

std::optional<std::string> FindTrigger(const Context& ctx, Reading reading, std::size_t begin,
                                       std::size_t end) {
  // Codes allow joiners between the word and the digits; the other readings need the word
  // right next to the number.
  std::size_t before_from = begin;
  if (reading == Reading::kCode) {
    for (int k = 0; k < 3 && before_from > 0 && IsCodeJoiner(ctx.At(before_from - 1)); ++k) {
      --before_from;
    }
  }
  const Trigger* best = nullptr;
  for (const Trigger& trigger : kTriggers) {
    if (trigger.reading != reading) continue;
    bool found = false;
    if (trigger.side == Side::kAfter) {
      found = ctx.StartsWith(end, trigger.word);
    } else {
      for (std::size_t k = before_from; k <= begin && !found; ++k) {
        found = ctx.EndsWith(k, trigger.word);
      }
    }
    if (found && (best == nullptr || trigger.word.size() > best->word.size())) best = &trigger;
  }
  if (best == nullptr) return std::nullopt;
  return RuleName(reading, best->side, best->word);
}

std::optional<std::string> EventAfter(const Context& ctx, std::size_t end) {
  for (std::size_t i = end; i < end + kEventLookahead && ctx.IsHan(i); ++i) {
    if (std::optional<std::size_t> k = FindWordAt(ctx, i, kEventWords)) {
      return RuleName(Reading::kYear, Side::kAfter, kEventWords[*k]);
    }
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
