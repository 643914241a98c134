#include "pronounce/polyphone_rules.h"

#include <algorithm>
#include <string_view>

#include "core/utf8.h"

namespace langdu::pronounce {
namespace {

// One context rule. `before` and `after` are lists of strings separated by spaces; a rule
// matches when the text before the character ends with one of `before` and the text after it
// starts with one of `after` (an empty list matches anything). "^" stands for the start of the
// clause, "$" for its end, and a leading "…" matches anywhere before or after. Rules are tried in
// order; the first match wins, so each character's rules end with its default.
struct ContextRule {
  std::string_view character;
  std::string_view reading;
  std::string_view before;
  std::string_view after;
  std::string_view reason;
};

constexpr ContextRule kRules[] = {
    // 行 xíng (go, all right) / háng (row, trade)
    {"行", "hang2", "一 二 三 四 五 六 七 八 九 十 两 几 每 哪", "字 诗 句 文 泪 代 数 列",
     "measure word for rows (两行字)"},
    {"行", "xing2", "", "", "default: go, all right (行不行)"},
    // 长 cháng (long) / zhǎng (head of, grow)
    {"长", "zhang3",
     "部 局 厅 处 科 校 院 所 市 省 州 县 区 乡 镇 村 组 班 队 团 社 司 行 站 会 委 师 旅 营 连 "
     "排 家 船 机 首 舰 署 馆 室 酋 股 军 园 店 社",
     "", "head of an office (局长)"},
    {"长", "zhang3", "", "大 高 出 成 满 胖 肉 个 得 势 进 辈 膘 草 疮 身体 见识", "grow (长大)"},
    {"长", "chang2", "", "", "default: long"},
    // 重 zhòng (heavy, important) / chóng (again, layer)
    {"重", "chong2", "",
     "新 复 来 做 写 建 返 回 申 温 演 播 修 装 组 叠 逢 蹈 生 开 启 选 考 读 犯 提 订 制 排 "
     "置 整 振 游 阳 围 洋 峦 霄 现 塑 构 审",
     "again (重新, 重建)"},
    {"重", "chong2", "一 两 双 多 几 层 万 千 九 三", "", "layer (双重, 多重)"},
    {"重", "zhong4", "", "", "default: heavy, important"},
    // 还 hái (still) / huán (give back)
    {"还", "huan2", "", "钱 款 债 书 给 清 原 击 手 乡 俗 魂 嘴 价 账 贷 礼 本 息", "give back"},
    {"还", "huan2", "", "$ 你 您 回", "give back (按时还)"},
    {"还", "hai2", "", "", "default: still, also"},
    // 为 wèi (for) / wéi (be, act as)
    {"为", "wei2", "", "主 重 准 止 难 首 期 限 例 荣 宜 伍 生 政 官 伴 害 患 非 题 人师",
     "be, act as (为主)"},
    {"为", "wei2",
     "成 作 认 称 视 定 改 分 变 转 评 选 化 名 立 封 奉 推 尊 誉 译 划 列 沦 身 更 最 尤 较 "
     "甚 颇 极 广 大 深 确 殊 约 合 均 皆 俱 即 乃 亦 贬 召 拜 擢 讹",
     "", "be, become (评为, 最为, 均为, 贬为)"},
    {"为", "wei4", "",
     "我 你 他 她 它 您 咱 大家 人民 群众 百姓 国家 祖国 社会 自己 别人 他人 孩子 学生 读者 顾客",
     "for someone (为大家讲解)"},
    {"为", "wei2", "…以", "", "以…为 (以人民为中心)"},
    {"为", "wei2",
     "称他 称她 称其 称之 视他 视她 视其 视之 尊他 尊其 奉他 奉其 立他 立其 封他 封其 拜他 选他 "
     "选其 认他 认其 推他 推其 命他 命其",
     "", "treat as (称他为英雄)"},
    {"为", "wei2", "…改 …降", "", "改…为, 降…为 (改州为府)"},
    {"为", "wei2", "东 西 南 北", "", "be, after a direction (东为大海)"},
    {"为", "wei2", "", "…所", "为…所 (passive)"},
    {"为", "wei4", "", "", "default: for"},
    // 得 de (particle) / dé (get) / děi (must)
    {"得", "de5", "", "很 太 多 不 更 越 挺 真 最 十 特 相 那 这 满 非 要 到位",
     "complement (好得很)"},
    {"得", "de2", "我 你 他 她 们", "了 到 过 奖 分 票", "obtain (他得了奖)"},
    {"得", "dei3", "还 就 都 也 总 必 须 非 我 你 他 她 咱 们 谁 又 才 只 可 那 这 家 您", "",
     "must (还得, 我得走)"},
    {"得", "de2", "^ 难 不 可 何 所 应 自 心 获 取 赢 博 求 值 记 懂 晓 觉 免 省", "$",
     "get (不可得)"},
    {"得", "de5", "", "", "default: particle after a verb"},
    // 地 de (adverbial particle) / dì (ground)
    {"地", "di4",
     "^ 土 田 草 荒 耕 此 这 那 该 各 本 外 当 满 平 山 空 陆 下 天 大 高 低 两 块 片 的 种 "
     "在 到 落 倒 扫 占 圈 租 征 拿 整 一 盆 属 原 腹 基 阵 营 场 洼 湿 林 园 宝",
     "", "ground, place (这块地)"},
    {"地", "di4", "", "$ 上 下 里 面 方 区 位 点 铁 图 址 带 球 震 理 形 势 质 主 产 段 道 毯 皮",
     "ground, place"},
    {"地", "de5", "", "", "default: adverbial particle (认真地)"},
    // 了 le (particle) / liǎo (finish, can)
    {"了", "liao3", "不", "", "potential complement (来不了)"},
    {"了", "liao3", "得", "$ 吗 呢 吧 啊 的", "potential complement (来得了)"},
    {"了", "liao3", "", "解 然 结 如 却 断 望 悟 无 不起 不得", "understand, finish (了解)"},
    {"了", "le5", "", "", "default: particle"},
    // 着 zhe (particle) / zháo (touch, reach) / zhuó (wear, apply)
    {"着", "zhao2", "不 得", "", "result complement (睡不着)"},
    {"着", "zhao2", "睡 猜 找 够 点 烧 见 摸 碰", "$ 了", "result complement (睡着了)"},
    {"着", "zhao2", "", "急 火 迷 凉 慌 魔 风 家", "catch, feel (着急)"},
    {"着", "zhuo2", "", "手 重 眼 想 力 陆 落 装 笔 墨 色 实 意 眼于 手于 力于",
     "apply, attach (着手)"},
    {"着", "zhe5", "", "", "default: particle"},
    // 都 dōu (all) / dū (capital)
    {"都", "du1", "首 国 古 建 定 迁 旧 故 京 陪 帝 成 东 西 大", "城 市 会 督", "capital (首都)"},
    {"都", "dou1", "", "", "default: all"},
    // 干 gàn (do) / gān (dry)
    {"干", "gan1", "晒 烤 烘 风 擦 吹 阴 烧 焙 喝 吸 榨 挤 流 蒸 晾 揩 抹 舔 煎 熬 饼 肉 豆 笋", "",
     "dry (晒干)"},
    {"干", "gan1", "", "杯 净 燥 旱 涸 枯 脆 粮 果 菜 货 扰 预 涉 瘪 巴 冷", "dry, shield (干净)"},
    {"干", "gan4", "", "", "default: do, work"},
    // 好 hǎo (good) / hào (like)
    {"好", "hao4", "", "奇 客 胜 色 逸 高骛 为人师", "like, be fond of (好学)"},
    {"好", "hao3", "", "", "default: good"},
    // 要 yào / yāo
    {"要", "yao1", "", "求 挟 胁", "demand (要求)"},
    {"要", "yao4", "", "", "default: want, must"},
    // 数 shù (number) / shǔ (count)
    {"数", "shu3", "", "一 不 得 着 了 过 钱 落 数 到 清 点 出 来 星星", "count (数一数)"},
    {"数", "shu4", "", "", "default: number, several"},
    // 处 chù (place, office) / chǔ (handle, be in)
    {"处", "chu3", "", "理 分 置 于 在 境 事 世 罚 决 方 女 暑 死 刑 变 之泰然",
     "handle, be in (处于)"},
    {"处", "chu4", "", "", "default: place, office"},
    // 当 dāng / dàng
    {"当", "dang4", "", "作 成 做 真 铺 票", "treat as (当作)"},
    {"当", "dang4", "上 适 恰 妥 失 得 稳 典 勾", "", "proper, pawn (恰当)"},
    {"当", "dang1", "", "", "default: be, ought, when"},
    // 调 diào (move, tune) / tiáo (adjust)
    {"调", "tiao2", "",
     "整 节 解 和 皮 剂 味 控 配 理 试 治 侃 笑 情 制 匀 色 教 养 停 价 速 温 频 幅 焦 唆 音",
     "adjust (调整)"},
    {"调", "diao4", "", "", "default: transfer, tune"},
    // 应 yīng (should) / yìng (answer)
    {"应", "ying4", "", "对 用 邀 聘 付 变 征 急 届 答 声 和 运 允 试 战 承 酬 验 考 召",
     "answer, respond (应对)"},
    {"应", "ying1", "", "", "default: should"},
    // 相 xiāng / xiàng
    {"相", "xiang4", "", "片 貌 机 声 册 术 士 国 面", "appearance (相貌)"},
    {"相", "xiang4", "真 照 首 宰 丞 色 卖 长 面 亮 变 凶 福 吉 属", "", "appearance, minister"},
    {"相", "xiang1", "", "", "default: each other"},
    // 种 zhǒng (kind, seed) / zhòng (plant)
    {"种", "zhong4", "", "树 地 田 菜 花 瓜 豆 粮 草 药 麦 稻 庄 植 牛痘 了 下 上 出 在 好 的",
     "plant (种树)"},
    {"种", "zhong3", "", "", "default: kind, seed"},
    // 差 chà / chā / chāi
    {"差", "chai1", "", "人 遣 事 使 役 旅", "errand (差事)"},
    {"差", "chai1", "出 公 邮 信 听 派 当 苦 美 交 官", "", "errand (出差)"},
    {"差", "cha1", "", "别 异 距 额 错 价 值", "difference (差别)"},
    {"差", "cha4", "", "", "default: poor, lack"},
    // 只 zhǐ (only) / zhī (measure word)
    {"只", "zhi3", "",
     "是 有 要 能 会 好 得 想 不 在 把 管 见 剩 顾 怕 许 可 限 需 用 说 看 做 当 对 因 为 知 "
     "听 讲 给 让 靠 差 争 求 图 占 向 从 和 跟 与 被 将",
     "only (只是)"},
    {"只", "zhi1",
     "一 二 三 四 五 六 七 八 九 十 两 几 每 这 那 哪 半 单 某 多 数 好 成 个 船 形 片 孤", "",
     "measure word (两只)"},
    {"只", "zhi3", "", "", "default: only"},
    // 教 jiāo (teach) / jiào (teaching)
    {"教", "jiao4", "", "育 学 师 材 授 练 室 训 导 员 堂 科 会 派 案 条 徒 化 诲 益 研 龄 改",
     "teaching (教育)"},
    {"教", "jiao4",
     "宗 佛 道 回 基督 天主 请 领 指 求 家 任 助 身 传 说 施 管 文 政 执 主 国 "
     "清 邪 异 儒",
     "", "teaching, religion"},
    {"教", "jiao1", "", "", "default: teach"},
    // 空 kōng (empty, sky) / kòng (free time, leave blank)
    {"空", "kong4", "有 没 抽 得 填 闲 偷 留 钻 亏 腾 挤", "", "free time, blank (有空)"},
    {"空", "kong4", "", "白 闲 地 缺 隙 额 子 位 档 儿 出 着", "blank, vacant (空白)"},
    {"空", "kong1", "", "", "default: empty, sky"},
    // 便 biàn / pián
    {"便", "pian2", "", "宜", "cheap (便宜)"},
    {"便", "bian4", "", "", "default: convenient, then"},
    // 和 hé / huó / hè / huò
    {"和", "huo2", "", "面 泥", "knead (和面)"},
    {"和", "huo4", "", "稀泥", "mix"},
    {"和", "he2", "", "", "default: and, peace"},
    // 没 méi / mò
    {"没", "mo4", "", "收 落 顶 入 世 齿", "sink (没收)"},
    {"没", "mei2", "", "", "default: not have"},
    // 将 jiāng / jiàng
    {"将", "jiang4", "", "领 士 帅 官 校 门", "general (将领)"},
    {"将", "jiang4", "大 名 猛 主 老 上 中 少 干 武 虎 良 强 败 宿 悍 守 降 叛 参", "",
     "general (大将, 守将)"},
    {"将", "jiang1", "", "", "default: will, take"},
    // 发 fā / fà
    {"发", "fa4", "头 理 毛 白 假 削 鬓 短 长 卷 束 黑 金 秀 华 美 烫 染 须 脱", "", "hair (头发)"},
    {"发", "fa1", "", "", "default: send, develop"},
    // 给 gěi / jǐ
    {"给", "ji3", "", "予 养 付 水 足", "supply (给予)"},
    {"给", "ji3", "补 配 供 自", "", "supply (补给)"},
    {"给", "gei3", "", "", "default: give, for"},
    // 乐 lè / yuè
    {"乐", "yue4", "", "队 器 曲 团 章 谱 师 坛 理 府 音 感 手 律 句", "music (乐队)"},
    {"乐", "yue4", "音 声 奏 配 礼 民 交响 爵士 器 弦 管 古 雅 军 摇滚", "", "music (音乐)"},
    {"乐", "le4", "", "", "default: happy"},
    // 系 xì / jì
    {"系", "ji4", "", "鞋 领 扣 带 好 上 紧 住 着 在", "tie (系鞋带)"},
    {"系", "xi4", "", "", "default: system, be"},
    // 似 sì / shì
    {"似", "shi4", "", "的", "似的"},
    {"似", "si4", "", "", "default: seem"},
    // 少 shǎo / shào
    {"少", "shao4", "", "年 女 先 校 将 尉 爷 妇 帅 林 壮", "young (少年)"},
    {"少", "shao3", "", "", "default: few"},
    // 觉 jué / jiào
    {"觉", "jiao4", "睡 午 一 个 好 懒 …睡", "", "sleep (睡觉)"},
    {"觉", "jue2", "", "", "default: feel"},
    // 累 lèi / lěi
    {"累", "lei3", "", "计 积 及 次 加 犯 年 世", "accumulate (累计)"},
    {"累", "lei3", "", "迁 转 擢 升 官", "repeatedly, of promotions (累迁)"},
    {"累", "lei4", "", "", "default: tired"},
    // 看 kàn / kān
    {"看", "kan1", "", "守 管 门 护 家", "look after (看守)"},
    {"看", "kan4", "", "", "default: look"},
    // 模 mó / mú
    {"模", "mu2", "", "样 具 子 板", "mould (模样)"},
    {"模", "mo2", "", "", "default: model"},
    // 涨 zhǎng (rise) / zhàng (swell)
    {"涨", "zhang4", "脸 头 泡 膨 肚", "", "swell (脸涨红)"},
    {"涨", "zhang4", "", "红 得通 得满脸", "swell (涨红)"},
    {"涨", "zhang3", "", "", "default: rise"},
    // 更 gèng (even more) / gēng (change; night watch)
    {"更", "geng1", "三 五 二 四 打 初", "", "night watch (三更)"},
    {"更", "geng4", "", "", "default: even more (更好, 更应该)"},
    // 倒 dǎo (fall) / dào (pour, upside down): only the clear cases; the model decides the rest.
    {"倒", "dao3", "", "在地 下 地上 塌 台", "fall (倒在地上)"},
    {"倒", "dao3", "摔 跌 绊 推 撞 击 病 累 晕 扳 压 砍", "", "fall (摔倒)"},
    // 尽 jǐn (as far as possible: 尽着, 尽先) / jìn (all, to the end: 尽得其传)
    {"尽", "jin3", "", "着 先 早 快 可 量 管", "as far as possible (尽着)"},
    {"尽", "jin4", "", "", "default: all, to the end"},
    // 镐 gǎo, the pick, in clear tool contexts; hào (镐京, and in personal names) is left to the
    // model.
    {"镐", "hao4", "", "京", "the Zhou capital (镐京)"},
    {"镐", "gao3", "铁 斧 鹤嘴 十字 洋 钢 尖 把 锄", "", "pick (铁镐)"},
    {"镐", "gao3", "", "头 把", "pick (镐头)"},
    // 晕 yùn (halo, motion sickness) / yūn (faint, dizzy): only the clear cases.
    {"晕", "yun4", "的 日 月 光 彩 红 酒 物质", "", "halo (日晕, 暗物质晕)"},
    {"晕", "yun4", "", "车 船 机 针 血", "motion sickness (晕车)"},
    // 弄 nòng (do, make) before a result; lòng (lane) is left to the lexicon and the model.
    {"弄", "nong4", "",
     "干 湿 坏 脏 乱 清 明 懂 错 好 得 成 不 丢 破 碎 断 死 伤 醒 翻 掉 到 出 走 没 虚 巧 权",
     "do, make (弄干, 弄坏)"},
    // 藏 cáng (hide, keep) after who keeps it; zàng (Tibet, treasure) is left to the lexicon.
    {"藏", "cang2", "所 收 珍 私 储 隐 躲 窝 埋 暗 深 潜 馆 家", "", "keep, hide (所藏, 收藏)"},
    {"藏", "cang2", "", "在 起 着 好 进 入 到 匿 于", "hide (藏在)"},
    // 盛 chéng (fill a bowl) before what is ladled; shèng (flourishing) is the default.
    {"盛", "cheng2", "", "饭 米饭 汤 粥 菜 满 一碗 一杯 一盘 在 了一 了满", "fill (盛饭)"},
    // 粘 zhān (stick to) as a verb; nián (sticky) is the default.
    {"粘", "zhan1", "", "在 住 上 到 满 着 贴 连 成 了 起", "stick to (粘在)"},
    // 哄 hǒng (coax) before whom; hōng and hòng are left to the lexicon (哄堂, 起哄).
    {"哄", "hong3", "", "他 她 你 我 它 孩 人 小 骗 睡 老 妈 爸", "coax (哄他入睡)"},
    // 钉 dìng (nail, sew on) as a verb; dīng (a nail) is the default.
    {"钉", "ding4", "", "在 上 住 进 入 牢 好 着 了 扣", "fasten (钉在)"},
    // 刨 páo (dig) before what is dug up; bào (plane) is left to the lexicon (刨子) and the model.
    {"刨", "pao2", "", "出 开 坑 土 地 根 塌 坟 食 除 挖 掘 洞", "dig (刨出, 刨坑)"},
    // 撒 sǎ (sprinkle, spill) / sā (let go, cast): sǎ before where it lands.
    {"撒", "sa3", "", "上 在 满 落 遍 入 到 向 进 了一地 种 盐 药 粉 花 播",
     "sprinkle (撒上, 撒在)"},
    // 炸 zhá (deep-fry) / zhà (explode): zhá after the cook's words.
    {"炸", "zha2", "油 煎 酥 续 干 清", "", "deep-fry (油炸, 续炸)"},
    // Particles: neutral tone when they stand as words of their own.
    {"吗", "ma5", "", "", "question particle"},
    {"呢", "ne5", "", "", "particle"},
    {"吧", "ba5", "", "", "particle"},
    {"啊", "a1", "^", "", "interjection"},
    {"啊", "a5", "", "", "particle"},
    {"呀", "ya5", "", "", "particle"},
    {"嘛", "ma5", "", "", "particle"},
    // 啦 and 哇 are particles at the end of a clause; elsewhere (啦啦队, 哇哇, names) the model
    // decides.
    {"啦", "la5", "", "$", "particle at the end of a clause"},
    {"哇", "wa1", "^", "$", "interjection, a clause of its own (哇，真美)"},
    {"哇", "wa5", "", "$", "particle at the end of a clause"},
    {"哩", "li3", "^", "$", "mile, after a number (20哩)"},
    {"哩", "li5", "", "$", "particle at the end of a clause"},
    {"哟", "yo5", "", "$", "particle at the end of a clause"},
    {"哦", "o4", "^", "$", "interjection, a clause of its own (哦，原来如此)"},
    {"哦", "o5", "", "$", "particle at the end of a clause (别忘了哦)"},
    {"咯", "lo5", "", "$", "particle at the end of a clause (走咯)"},
    {"们", "men5", "", "", "plural suffix"},
    {"的", "de5", "", "", "structural particle"},
    {"么", "me5", "", "", "suffix"},
};

// Monosyllabic verbs whose reduplication reads the second syllable in the neutral tone.
constexpr std::u32string_view kNeutralReduplication =
    U"看想说试听走谈问找聊写读学玩尝摸查算比歇坐逛转练洗擦跳笑动瞧猜讲商量拍抱拿挑翻搞";

bool MatchesAny(std::string_view list, std::string_view text, bool before) {
  if (list.empty()) return true;
  std::size_t pos = 0;
  while (pos < list.size()) {
    std::size_t end = list.find(' ', pos);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(pos, end - pos);
    pos = end + 1;
    if (item.empty()) continue;
    if (item == "^" || item == "$") {
      if (text.empty()) return true;
      continue;
    }
    constexpr std::string_view kAnywhere = "…";
    if (item.starts_with(kAnywhere)) {
      if (text.find(item.substr(kAnywhere.size())) != std::string_view::npos) return true;
    } else if (before ? text.ends_with(item) : text.starts_with(item)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<RuleChoice> ChooseByContext(std::string_view character, std::string_view before,
                                          std::string_view after) {
  for (const ContextRule& rule : kRules) {
    if (rule.character != character) continue;
    if (MatchesAny(rule.before, before, true) && MatchesAny(rule.after, after, false)) {
      return RuleChoice{rule.reading, rule.reason};
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> RuleReadings(std::string_view character) {
  std::vector<std::string_view> readings;
  for (const ContextRule& rule : kRules) {
    if (rule.character == character &&
        std::find(readings.begin(), readings.end(), rule.reading) == readings.end()) {
      readings.push_back(rule.reading);
    }
  }
  return readings;
}

bool TakesNeutralReduplication(std::string_view character) {
  if (character.empty()) return false;
  std::size_t pos = 0;
  const char32_t cp = core::NextCodePoint(character, pos);
  return pos == character.size() && kNeutralReduplication.find(cp) != std::u32string_view::npos;
}

}  // namespace langdu::pronounce
