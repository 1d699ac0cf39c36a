#include "core/util/han_variants.hpp"

#include <algorithm>
#include <bitset>
#include <string_view>
#include <utility>
#include <vector>

#include "core/util/utf8.hpp"

namespace ccnt {
namespace {

// Pairs of characters, traditional then simplified, in the order of the traditional ones. Made
// from the characters of policies/, schemas/*.yaml, the e2e fixtures and the March 2023 bulletin:
// for each, its traditional forms in OpenCC's STCharacters, kept when OpenCC's TSCharacters
// maps the form back to it first and the form is not itself in use as a simplified character.
constexpr std::string_view kPairs =
    "並并亞亚佈布佔占併并來来侖仑侷局係系倉仓個个們们倫伦偉伟備备傢家傳传僅仅僕仆價价"
    "儀仪億亿償偿優优儲储兒儿兗兖內内兩两冊册凱凯別别則则剛刚創创劃划劍剑動动務务勝胜"
    "勵励勸劝勻匀匯汇區区協协叢丛吳吴呂吕員员問问啓启單单噸吨噹当嚮向嚴严囌苏國国圍围"
    "園园圖图團团垻坝堅坚堯尧報报場场塗涂墊垫墾垦壇坛壘垒壞坏壩坝壯壮壺壶壽寿夢梦夾夹"
    "婁娄孫孙學学宮宫寀采實实寧宁審审寬宽寶宝將将專专尋寻對对導导層层屬属岡冈峯峰島岛"
    "峽峡崍崃崑昆崗岗崙仑嵐岚嶗崂嶧峄嶺岭嶼屿嶽岳巖岩師师帶带幹干庫库廂厢廈厦廕荫廠厂"
    "廢废廣广廬庐廳厅張张強强彆别彌弥彔录彙汇彥彦彿佛後后從从復复恆恒愛爱慄栗態态慮虑"
    "慶庆憑凭應应懞蒙懷怀戰战掛挂採采揚扬換换揮挥撐撑撫抚據据擴扩敘叙數数昇升時时晉晋"
    "暉晖曆历曏向會会朮术東东柺拐桿杆條条棄弃棗枣棲栖楊杨業业極极榮荣構构樁桩樂乐樅枞"
    "樑梁樓楼標标樣样樹树樺桦橋桥機机橫横檢检檯台權权欒栾欽钦歐欧歡欢歷历歸归氣气氫氢"
    "決决沒没沖冲況况涇泾涼凉淥渌淩凌淶涞減减渦涡測测渾浑湞浈湯汤準准溝沟溫温溮浉滄沧"
    "滎荥滬沪滿满漢汉漣涟漵溆潁颍潔洁潛潜潤润潯浔澗涧澠渑澤泽澱淀濛蒙濟济濰潍濱滨瀋沈"
    "瀏浏瀘泸瀰弥瀾澜灘滩灣湾灤滦災灾烏乌無无煙烟煩烦燈灯燒烧營营爐炉爭争爲为爾尔猶犹"
    "獅狮獨独獲获獻献現现琿珲瑤瑶瑪玛環环瓊琼甌瓯甕瓮產产甦苏甯宁畢毕當当疇畴疊叠療疗"
    "發发監监盤盘盧卢矇蒙硃朱硯砚碩硕碭砀確确碼码礄硚礎础礦矿祿禄禪禅禮礼稅税稈秆稱称"
    "穀谷積积穩稳穫获窪洼競竞箇个節节範范築筑簡简籌筹粵粤糧粮糰团約约紅红納纳級级紮扎"
    "細细紹绍組组結结給给統统絳绛綏绥經经綜综綠绿維维網网綵彩綿绵線线編编縉缙縣县總总"
    "績绩織织繫系繼继續续纔才罈坛羅罗義义習习聖圣聞闻聯联聲声聶聂肅肃脩修脫脱膠胶臘腊"
    "臥卧臨临臺台與与興兴舊旧荊荆莊庄華华菴庵菸烟萊莱萬万葉叶蒼苍蓋盖蓮莲蔭荫蕪芜蕭萧"
    "薊蓟薌芗薑姜薩萨藍蓝藺蔺蘄蕲蘆芦蘇苏蘊蕴蘭兰蘿萝處处號号衆众術术衕同衚胡衛卫衝冲"
    "裏里補补裝装製制複复覈核見见規规視视覺觉覽览觀观計计討讨託托記记訥讷訪访設设許许"
    "註注証证詔诏評评詢询試试話话詳详誌志認认誼谊調调論论諮咨諸诸諾诺謀谋謙谦講讲謝谢"
    "謨谟證证識识譙谯譜谱議议護护變变讓让讚赞豐丰貝贝貞贞財财貢贡貨货責责貴贵費费賀贺"
    "資资賈贾賓宾賚赉賢贤質质賽赛贊赞贛赣趙赵跡迹蹟迹車车軍军較较載载輛辆輝辉輪轮輸输"
    "輿舆轄辖轉转辦办農农迴回連连週周進进遊游運运過过達达遙遥遜逊遠远適适遷迁選选遺遗"
    "遼辽邁迈邊边郟郏郵邮鄆郓鄉乡鄒邹鄖郧鄧邓鄭郑鄰邻鄲郸鄴邺醫医針针鈡钟鉅巨鉛铅銀银"
    "銅铜鋁铝鋒锋鋼钢錄录錢钱錦锦錫锡錯错錶表鍵键鍼针鍾钟鎣蓥鎮镇鏡镜鐘钟鐵铁鑲镶長长"
    "門门開开間间閔闵閣阁閤合閩闽閬阆閻阎關关陘陉陝陕陰阴陳陈陸陆陽阳際际隨随險险隴陇"
    "雙双雜杂雞鸡離离難难雲云電电霑沾靈灵靜静鞏巩韆千韓韩響响頂顶項项順顺頗颇領领頭头"
    "題题額额類类顯显風风颱台養养餘余館馆饋馈饒饶馬马駐驻騰腾驊骅驗验驛驿體体髮发鬆松"
    "鬍胡鬥斗鬱郁魚鱼魯鲁鮁鲅鮮鲜鯉鲤鳩鸠鳳凤鳴鸣鴨鸭鶴鹤鷹鹰鹹咸鹼碱鹽盐麗丽麥麦麪面"
    "麴曲黃黄點点黨党齊齐齣出龍龙";

using Pair = std::pair<char32_t, char32_t>;

constexpr char32_t kFirst = 0x4E00;  // every character of the table is a CJK unified ideograph
constexpr char32_t kLast = 0x9FFF;

// The pairs, sorted, and which ideographs have one: most characters are looked up in the set
// alone, as search folds every character of every summary.
struct Table {
  std::vector<Pair> pairs;
  std::bitset<kLast - kFirst + 1> traditional;
};

const Table& table() {
  static const Table built = [] {
    Table out;
    for (std::size_t i = 0; i < kPairs.size();) {
      const char32_t traditional = next_code_point(kPairs, i);
      const char32_t simplified = next_code_point(kPairs, i);
      out.pairs.emplace_back(traditional, simplified);
      if (traditional >= kFirst && traditional <= kLast) out.traditional.set(traditional - kFirst);
    }
    std::sort(out.pairs.begin(), out.pairs.end());
    return out;
  }();
  return built;
}

}  // namespace

char32_t simplified_of(char32_t cp) {
  const Table& variants = table();
  if (cp < kFirst || cp > kLast || !variants.traditional.test(cp - kFirst)) return cp;
  const auto it = std::lower_bound(variants.pairs.begin(), variants.pairs.end(), Pair{cp, 0});
  return it != variants.pairs.end() && it->first == cp ? it->second : cp;
}

std::size_t han_variant_count() {
  return table().pairs.size();
}

}  // namespace ccnt
