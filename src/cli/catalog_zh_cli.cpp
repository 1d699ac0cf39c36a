#include "cli/catalog_zh_cli.hpp"

namespace ccnt::cli {
namespace {

// English → Chinese for the command line's own messages. The keys are the exact English
// strings passed to tr() and trf() in src/cli.
constexpr Translation kEntries[] = {
    // app.cpp
    {"ccnt: error: ", "ccnt：错误："},
    {"  hint: ", "  提示："},
    {"internal error: ", "内部错误："},
    {"this is a bug in ccnt; please report it with the command you ran",
     "这是 ccnt 的缺陷；请连同所运行的命令一起报告"},
    // prompt.cpp
    {": ", "："},
    {"  answer y or n", "  请回答 y 或 n"},
    // cmd_new.cpp: questions
    {"New policy record. Enter keeps the [default]; Ctrl-D cancels.",
     "新建政策记录。直接回车采用 [默认值]；Ctrl-D 取消。"},
    {"Title, as published, without 《》", "标题（按原文，不带《》）"},
    {"Region (浙江, 浙江省 or zhejiang)", "地区（浙江、浙江省或 zhejiang）"},
    {"Sector (industry, 工业, ...; more than one: the primary first, with commas)",
     "部门（industry、工业等；多个时主部门在前，用逗号分隔）"},
    {"Issuers as published, separated by 、 (empty if the source names none)",
     "发布机构（按原文，用、分隔；原文未写明则留空）"},
    {"Published: YYYY, YYYY-MM or YYYY-MM-DD (empty if the source gives no date)",
     "发布日期：YYYY、YYYY-MM 或 YYYY-MM-DD（原文未给出则留空）"},
    {"Source: https URL of the official text (empty if none checked)",
     "来源：原文的 https 链接（未核实则留空）"},
    {"Summary, one paragraph", "摘要（一段）"},
    {"Document type", "文件类型"},
    {"Id (the file name)", "id（即文件名）"},
    {"\nlevel {} (from the region), added {}, doc_type {}",
     "\n级别 {}（由地区得出），收录月份 {}，文件类型 {}"},
    {"Write {}?", "写入 {}？"},
    {"nothing was written", "未写入任何文件"},
    {"cancelled; nothing was written", "已取消；未写入任何文件"},
    {"the title is required", "必须填写标题"},
    {"the region is required", "必须填写地区"},
    {"the sector is required", "必须填写部门"},
    {"the summary is required", "必须填写摘要"},
    // cmd_new.cpp: problems with values
    {"the title is empty", "标题为空"},
    {"write the title as published", "按原文填写标题"},
    {"the title has a line break", "标题中有换行"},
    {"write the title on one line", "标题写在一行内"},
    {"no sector given", "没有给出部门"},
    {"name the primary sector, e.g. industry", "写出主部门，如 industry"},
    {"{} has no subsectors", "{} 没有子部门"},
    {"the subsectors of {} are {}", "{} 的子部门有 {}"},
    {"`{}` is not a date", "`{}` 不是日期"},
    {"write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source, e.g. 2023-03",
     "写成 YYYY、YYYY-MM 或 YYYY-MM-DD，精确到原文给出的程度，如 2023-03"},
    {"{} {} is in the future (today is {})", "{0} {1} 晚于今天（{2}）"},
    {"{} is in the future (today is {})", "{0} 晚于今天（{1}）"},
    {"write the date the document was published", "填写文件的发布日期"},
    {"invalid month `{}` for --added", "--added 的月份 `{}` 无效"},
    {"write YYYY-MM (or YYYY-MM-DD), e.g. 2023-03", "写成 YYYY-MM（或 YYYY-MM-DD），如 2023-03"},
    {"added is the month the record enters the tracker", "added 是记录收入零碳录的月份"},
    {"`{}` is not an https URL", "`{}` 不是 https 链接"},
    {"give the https:// address of the official text, after checking it opens",
     "填写原文的 https:// 地址，并确认能打开"},
    {"the summary is empty", "摘要为空"},
    {"the schema requires a summary of the document", "schema 要求填写文件摘要"},
    {"`{}` is not a valid id", "`{}` 不是有效的 id"},
    {"lower-case ASCII words joined by hyphens, 3 to 80 characters, e.g. "
     "zhejiang-industry-carbon-peaking",
     "用连字符连接的小写 ASCII 单词，3 到 80 个字符，如 zhejiang-industry-carbon-peaking"},
    {"ids are unique across the tree; choose another --id", "id 在整个数据树中唯一；请换一个 --id"},
    {"《{}》 is already recorded in {}", "《{}》已收录于 {}"},
    {"a document is recorded once; edit that file instead", "同一文件只收录一次；请修改该文件"},
    {"{} already exists; ccnt new never overwrites a file", "{} 已存在；ccnt new 从不覆盖文件"},
    {"choose another --id, or edit the existing file", "请换一个 --id，或修改已有的文件"},
    {"missing {}", "缺少 {}"},
    {"{} and {}", "{} 和 {}"},
    {"ccnt new asks questions only when stdin and stdout are terminals; pass the fields as "
     "flags (--summary - reads the summary from stdin)",
     "ccnt new 只在标准输入和标准输出都是终端时提问；请用参数给出各字段（--summary - "
     "从标准输入读取摘要）"},
    {"--summary -: stdin is empty", "--summary -：标准输入为空"},
    {"pipe the summary into ccnt new", "请通过管道把摘要传给 ccnt new"},
    {"note: 《{}》 is also recorded for {} in {}\n", "注意：《{}》也收录为{}的政策：{}\n"},
    {"the new record would not be valid; nothing was written",
     "新记录无法通过检查；未写入任何文件"},
    {"change the values named above", "请修改上面指出的值"},
    {"dry run: would write {}\n", "试运行：将写入 {}\n"},
    {"created {}\n", "已创建 {}\n"},
    {"cannot write {}: {}", "无法写入 {}：{}"},
};

}  // namespace

std::span<const Translation> chinese_cli_messages() {
  return kEntries;
}

}  // namespace ccnt::cli
