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
    {"Tab completes region, sector and document type names.",
     "按 Tab 键可补全地区、部门和文件类型名称。"},
    {"Title, as published, without 《》", "标题（按原文，不带《》）"},
    {"Region (浙江, 浙江省 or zhejiang)", "地区（浙江、浙江省或 zhejiang）"},
    {"Sector (industry, 工业, ...; more than one: the primary first, with commas)",
     "部门（industry、工业等；多个时主部门在前，用逗号分隔）"},
    {"Issuers as published, separated by 、 (empty if the source names none)",
     "发布机构（按原文，用、分隔；原文未写明则留空）"},
    {"Published: YYYY, YYYY-MM or YYYY-MM-DD (empty if the source gives no date)",
     "发布日期：YYYY、YYYY-MM 或 YYYY-MM-DD（原文未给出则留空）"},
    {"Source: https (or http) URL of the official text (empty if none checked)",
     "来源：原文的 https（或 http）链接（未核实则留空）"},
    {"Summary, one paragraph", "摘要（一段）"},
    {"Document type", "文件类型"},
    {"Id (the file name)", "id（即文件名）"},
    {"Write {}?", "写入 {}？"},
    {"nothing was written", "未写入任何文件"},
    {"cancelled; nothing was written", "已取消；未写入任何文件"},
    {"the title is required", "必须填写标题"},
    {"the region is required", "必须填写地区"},
    {"the sector is required", "必须填写部门"},
    {"the summary is required", "必须填写摘要"},
    // cmd_new.cpp: the lock
    {"ccnt: waiting for another ccnt new in this tree to finish\n",
     "ccnt：正在等待本数据树中的另一个 ccnt new 结束\n"},
    {"cannot lock {}/: {}", "无法锁定 {}/：{}"},
    {"wait for the other ccnt new to finish, then run this one again",
     "请等另一个 ccnt new 结束后再运行本命令"},
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
    // cli_parser.cpp: CLI11's parse errors
    {"The following argument was not expected: {}", "多余的参数：{}"},
    {"The following arguments were not expected: {}", "多余的参数：{}"},
    {"{} is required", "缺少必需的 {}"},
    {"{} excludes {}", "{} 不能与 {} 同时使用"},
    {"{}: {} not in {}", "{}：{} 不在可选值 {} 之中"},
    {"{}: {} is not in the range {} to {}", "{}：{} 不在 {} 到 {} 的范围内"},
    // cli_parser.cpp
    {"run 'ccnt --help' for usage\n", "运行 'ccnt --help' 查看用法\n"},
    {"ccnt - the China Carbon Neutrality Tracker (零碳录) policy database.\n"
     "Loads, validates, filters and prints the policy files under policies/.",
     "ccnt —— 零碳录（中国碳中和政策追踪）政策数据库。\n"
     "读取、检查、筛选并显示 policies/ 下的政策文件。"},
    {"Examples:\n"
     "  ccnt validate                       check every policy file of the tree\n"
     "  ccnt validate policies/zhejiang     check one region's files\n"
     "  ccnt list --region 浙江 --sector industry\n"
     "  ccnt list --format csv --bom > policies.csv\n"
     "  ccnt show zhejiang-industry-carbon-peaking\n"
     "  ccnt report --month 2023-03 -o 2023-03.md   the March 2023 bulletin (月报)\n"
     "\n"
     "Exit codes: 0 success, 1 problems found, 2 usage or environment error.\n"
     "Documentation: docs/commands/README.md, docs/errors.md.",
     "示例：\n"
     "  ccnt validate                       检查数据树中的每个政策文件\n"
     "  ccnt validate policies/zhejiang     只检查一个地区的文件\n"
     "  ccnt list --region 浙江 --sector industry\n"
     "  ccnt list --format csv --bom > policies.csv\n"
     "  ccnt show zhejiang-industry-carbon-peaking\n"
     "  ccnt report --month 2023-03 -o 2023-03.md   2023 年 3 月的月报\n"
     "\n"
     "退出码：0 成功，1 发现问题，2 用法或环境错误。\n"
     "文档：docs/commands/README.md、docs/errors.md。"},
    {"Data tree to use (the directory holding policies/); default: CCNT_ROOT, or the nearest "
     "parent of the working directory that holds policies/",
     "要使用的数据树（含 policies/ 的目录）；默认为 CCNT_ROOT，或当前目录向上最近的含 policies/ "
     "的目录"},
    {"When to colour output: auto, always or never", "何时彩色输出：auto、always 或 never"},
    {"Worker threads (default: one per core)", "工作线程数（默认每个核一个）"},
    {"Read every policy file; neither use nor update the cache in .ccnt-cache/",
     "读取每个政策文件；不使用也不更新 .ccnt-cache/ 中的缓存"},
    {"Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES or LANG)",
     "消息语言：en 或 zh（默认取自 LC_ALL、LC_MESSAGES 或 LANG）"},
    {"Filters", "筛选"},
    {"Region in any form (浙江, 浙江省, zhejiang); includes its cities",
     "地区，任何写法均可（浙江、浙江省、zhejiang）；包括其下的城市"},
    {"With --region: leave out the cities inside a region", "与 --region 同用：不包括地区内的城市"},
    {"Issuing level: national, provincial, municipal, county",
     "发布级别：national、provincial、municipal、county"},
    {"Agency under any of its names (国家发展改革委), a local kind (发改委), or text in an issuer",
     "机构（任一名称，如 国家发展改革委）、地方机构类别（如 发改委），或发布机构名称中的文字"},
    {"Document type, exactly (实施方案, 通知)", "文件类型，须完全一致（如 实施方案、通知）"},
    {"Tag, exactly", "标签，须完全一致"},
    {"Published in or after this month (YYYY, YYYY-MM or YYYY-MM-DD)",
     "在此月份或之后发布（YYYY、YYYY-MM 或 YYYY-MM-DD）"},
    {"Published in or before this month (YYYY, YYYY-MM or YYYY-MM-DD)",
     "在此月份或之前发布（YYYY、YYYY-MM 或 YYYY-MM-DD）"},
    {"Added to the database in this month (YYYY-MM) or year",
     "在此月份（YYYY-MM）或年份收入数据库"},
    {"Only policies with quantitative targets", "只列出有量化目标的政策"},
    {"Only stubs: records still waiting for a summary or a sector",
     "只列出存根：尚待补写摘要或部门的记录"},
    {"Check policy files against the schema, the registries and each other",
     "按 schema、登记表及文件之间的关系检查政策文件"},
    {"Examples:\n"
     "  ccnt validate\n"
     "  ccnt validate policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
     "  ccnt validate --format github      annotations for GitHub Actions\n"
     "  ccnt validate --format github --summary \"$GITHUB_STEP_SUMMARY\"\n"
     "  ccnt validate --strict             fail on warnings too",
     "示例：\n"
     "  ccnt validate\n"
     "  ccnt validate policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
     "  ccnt validate --format github      输出 GitHub Actions 注释\n"
     "  ccnt validate --format github --summary \"$GITHUB_STEP_SUMMARY\"\n"
     "  ccnt validate --strict             有警告也算失败"},
    {"Files or directories to check (default: the whole policies/ tree)",
     "要检查的文件或目录（默认整个 policies/ 树）"},
    {"Output format: {}", "输出格式：{}"},
    {"Exit 1 on warnings as well as errors", "有警告时也以 1 退出"},
    {"Also add the report as Markdown, every problem in a table, to the end of FILE (GitHub's "
     "$GITHUB_STEP_SUMMARY; docs/ci.md)",
     "另将报告以 Markdown 格式（每个问题一行表格）追加到 FILE 末尾（GitHub 的 "
     "$GITHUB_STEP_SUMMARY；见 docs/ci.md）"},
    {"List the policies that match the filters", "列出符合筛选条件的政策"},
    {"Examples:\n"
     "  ccnt list --region 浙江 --sector industry\n"
     "  ccnt list --region 广东                 广东's policies and its cities'\n"
     "  ccnt list --since 2023-01 --has-targets --sort region\n"
     "  ccnt list -q 光伏 --format json\n"
     "  ccnt list --format csv --bom > policies.csv   opens in Excel with Chinese intact\n"
     "  ccnt list --added 2023-03 --count\n"
     "Documentation: docs/commands/list.md",
     "示例：\n"
     "  ccnt list --region 浙江 --sector industry\n"
     "  ccnt list --region 广东                 广东及其城市的政策\n"
     "  ccnt list --since 2023-01 --has-targets --sort region\n"
     "  ccnt list -q 光伏 --format json\n"
     "  ccnt list --format csv --bom > policies.csv   用 Excel 打开，中文不乱码\n"
     "  ccnt list --added 2023-03 --count\n"
     "文档：docs/commands/list.md"},
    {"Order by published (default), added, region, sector or title",
     "排序依据：published（默认）、added、region、sector 或 title"},
    {"Reverse the order", "倒序"},
    {"Print at most N policies (after sorting)", "最多显示 N 项政策（排序之后）"},
    {"Print only the number of matching policies", "只显示符合条件的政策数"},
    {"CSV/TSV: start with a UTF-8 byte-order mark, so that Excel reads Chinese",
     "CSV/TSV：以 UTF-8 字节序标记开头，让 Excel 正确读取中文"},
    {"CSV/TSV: write cells starting with = + - @ as they are, without the leading ' that keeps "
     "spreadsheets from running them as formulas",
     "CSV/TSV：以 = + - @ 开头的单元格原样写出，不加防止电子表格把它们当作公式执行的前导 '"},
    {"Fit the table to N columns (default: the terminal's width; no limit when piped)",
     "表格宽度为 N 列（默认为终端宽度；管道输出时不限）"},
    {"Print one policy in full", "完整显示一项政策"},
    {"Examples:\n"
     "  ccnt show zhejiang-industry-carbon-peaking\n"
     "  ccnt show policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
     "  ccnt show national-industry-carbon-peaking --format json\n"
     "Documentation: docs/commands/show.md",
     "示例：\n"
     "  ccnt show zhejiang-industry-carbon-peaking\n"
     "  ccnt show policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
     "  ccnt show national-industry-carbon-peaking --format json\n"
     "文档：docs/commands/show.md"},
    {"Policy id, or the path of its file", "政策 id，或其文件路径"},
    {"Output: text (default), yaml (the file as written) or json",
     "输出：text（默认）、yaml（文件原文）或 json"},
    {"Wrap text to N columns (default: the terminal's width; 80 when piped)",
     "文字按 N 列换行（默认为终端宽度；管道输出时为 80）"},
    {"Count policies by region and sector, level, month added, and targets",
     "按地区和部门、级别、收录月份及目标统计政策"},
    {"Examples:\n"
     "  ccnt stats\n"
     "  ccnt stats --region 广东 --format markdown\n"
     "  ccnt stats --added 2023-03 --format csv > counts.csv\n"
     "  ccnt stats --by issuer              policies per agency, under all its names\n"
     "Documentation: docs/commands/stats.md",
     "示例：\n"
     "  ccnt stats\n"
     "  ccnt stats --region 广东 --format markdown\n"
     "  ccnt stats --added 2023-03 --format csv > counts.csv\n"
     "  ccnt stats --by issuer              按机构统计政策（合并同一机构的各种名称）\n"
     "文档：docs/commands/stats.md"},
    {"Tables to print: region-sector, level, added, indicator, issuer (default: all but issuer)",
     "要输出的表：region-sector、level、added、indicator、issuer（默认：除 issuer 外全部）"},
    {"Output: {}", "输出：{}"},
    {"{} or {}", "{} 或 {}"},
    {"Compare quantitative targets across regions with the national benchmark",
     "将各地的量化目标与国家基准比较"},
    {"Examples:\n"
     "  ccnt targets                      the indicators where targets meet a national one\n"
     "  ccnt targets --indicator industrial-energy-intensity-reduction\n"
     "  ccnt targets --indicator 规上工业单位增加值能耗下降率 --format csv\n"
     "  ccnt targets --region 浙江        浙江's targets against the national ones\n"
     "  ccnt targets --all --format csv   every target of every indicator\n"
     "Documentation: docs/commands/targets.md",
     "示例：\n"
     "  ccnt targets                      有国家目标可比的各项指标\n"
     "  ccnt targets --indicator industrial-energy-intensity-reduction\n"
     "  ccnt targets --indicator 规上工业单位增加值能耗下降率 --format csv\n"
     "  ccnt targets --region 浙江        浙江的目标与国家目标对比\n"
     "  ccnt targets --all --format csv   所有指标的所有目标\n"
     "文档：docs/commands/targets.md"},
    {"One indicator, by slug or Chinese name (schemas/indicators.yaml)",
     "单个指标，用 slug 或中文名（见 schemas/indicators.yaml）"},
    {"Without --indicator: also the indicators that have no comparable national benchmark",
     "不带 --indicator 时：也列出没有可比国家基准的指标"},
    {"Render the monthly bulletin (月报) in Markdown", "以 Markdown 生成月报"},
    {"Examples:\n"
     "  ccnt report --month 2023-03                 the bulletin, to stdout\n"
     "  ccnt report --month 2023-03 -o 2023-03.md   written atomically to a file\n"
     "  ccnt report --month 2023-04 --init          start bulletins/2023-04.yaml from the data\n"
     "  ccnt report --month 2023-03 --template my.md.mustache\n"
     "  ccnt report --print-template > my.md.mustache   the built-in template, to start from\n"
     "The text of a month lives in bulletins/YYYY-MM.yaml; without it ccnt renders a draft.\n"
     "Documentation: docs/bulletin.md, docs/commands/report.md",
     "示例：\n"
     "  ccnt report --month 2023-03                 月报输出到标准输出\n"
     "  ccnt report --month 2023-03 -o 2023-03.md   原子地写入文件\n"
     "  ccnt report --month 2023-04 --init          根据数据生成 bulletins/2023-04.yaml 骨架\n"
     "  ccnt report --month 2023-03 --template my.md.mustache\n"
     "  ccnt report --print-template > my.md.mustache   内置模板，可作为自定义模板的起点\n"
     "每月的正文在 bulletins/YYYY-MM.yaml 中；没有它时 ccnt 生成草稿。\n"
     "文档：docs/bulletin.md、docs/commands/report.md"},
    {"Month of the bulletin, YYYY-MM: the policies whose `added` is in it",
     "月报的月份，YYYY-MM：收录的是 `added` 在该月的政策"},
    {"Write to FILE (atomically: a reader never sees half of it) instead of stdout",
     "写入 FILE（原子写入：读者不会看到写了一半的文件），而不是标准输出"},
    {"Mustache template to use instead of templates/bulletin.md.mustache",
     "代替 templates/bulletin.md.mustache 使用的 Mustache 模板"},
    {"Print the built-in bulletin template (to start a template of your own)",
     "输出内置的月报模板（可作为自定义模板的起点）"},
    {"Write the editorial skeleton bulletins/YYYY-MM.yaml for the month (never overwrites)",
     "为该月写出编辑骨架 bulletins/YYYY-MM.yaml（从不覆盖）"},
    {"Create a policy file; on a terminal, asks for what the flags do not give",
     "新建政策文件；在终端中会询问参数未给出的内容"},
    {"Examples:\n"
     "  ccnt new                          asks for each field, checking every answer\n"
     "  ccnt new --title 浙江省节能减排工作方案 --region 浙江 --sector industry \\\n"
     "           --published 2023-03 --summary '《方案》提出，……'\n"
     "  ccnt new --title … --region 广州 --sector peaking --summary - < summary.txt\n"
     "  ccnt new … --dry-run              print the file instead of writing it\n"
     "Derived unless given: doc_type from the title's ending, level and directory from the\n"
     "region, id <region>-<English words of the title> (docs/data-model.md), added = this\n"
     "month. Dates may be typed 2023-04, 2023年4月, 2023.4 or 2023/4. Writes\n"
     "policies/<region>/<sector>/<id>.yaml (never overwriting) and validates it.\n"
     "Documentation: docs/commands/new.md",
     "示例：\n"
     "  ccnt new                          逐项询问，并检查每个回答\n"
     "  ccnt new --title 浙江省节能减排工作方案 --region 浙江 --sector industry \\\n"
     "           --published 2023-03 --summary '《方案》提出，……'\n"
     "  ccnt new --title … --region 广州 --sector peaking --summary - < summary.txt\n"
     "  ccnt new … --dry-run              只显示文件内容，不写入\n"
     "未给出时自动推断：doc_type 取自标题结尾，级别和目录取自地区，\n"
     "id 为 <地区>-<标题的英文词>（docs/data-model.md），added 为本月。日期可写作\n"
     "2023-04、2023年4月、2023.4 或 2023/4。写入\n"
     "policies/<地区>/<部门>/<id>.yaml（从不覆盖）并检查它。\n"
     "文档：docs/commands/new.md"},
    {"Title exactly as published, without 《》", "标题，与原文完全一致，不带《》"},
    {"Issuing region in any form (浙江, 浙江省, zhejiang); sets level and directory",
     "发布地区，任何写法均可（浙江、浙江省、zhejiang）；决定级别和目录"},
    {"Sector slug or Chinese name; repeat (or separate by commas) for further sectors, the first "
     "is the primary one",
     "部门的 slug 或中文名；多个部门时重复此参数（或用逗号分隔），第一个为主部门"},
    {"Subsector of the primary sector", "主部门的子部门"},
    {"Issuing agency as published; repeat for each", "发布机构，按原文；每个机构重复一次"},
    {"Publication date, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD",
     "发布日期，精确到原文给出的程度：YYYY、YYYY-MM 或 YYYY-MM-DD"},
    {"Summary of the document; - reads it from stdin (when not a terminal)",
     "文件摘要；- 表示从标准输入读取（标准输入不是终端时）"},
    {"URL of the official text, checked to open it: https, or http (warned)",
     "原文链接，须确认能打开：https，或 http（会给出警告）"},
    {"Document type (default: derived from the end of the title; 其他 when none fits)",
     "文件类型（默认由标题结尾推断；都不符合时为 其他）"},
    {"Document number (文号) as published", "文号，按原文"},
    {"Keyword (碳达峰, 光伏); repeat for each", "关键词（如 碳达峰、光伏）；每个重复一次"},
    {"Month the record enters the tracker, YYYY-MM (default: this month)",
     "记录收入零碳录的月份，YYYY-MM（默认本月）"},
    {"Id and file name (default: <region>-<English words of the title>)",
     "id 及文件名（默认 <地区>-<标题的英文词>）"},
    {"Print the file that would be written; write nothing", "显示将要写入的文件；不写入任何内容"},
    {"Print the shell completion script for bash, zsh or fish",
     "输出 bash、zsh 或 fish 的补全脚本"},
    {"Examples:\n"
     "  source <(ccnt completion bash)          in ~/.bashrc\n"
     "  ccnt completion zsh > ~/.zfunc/_ccnt    with fpath+=(~/.zfunc) before compinit\n"
     "  ccnt completion fish > ~/.config/fish/completions/ccnt.fish\n"
     "Region, sector, level and type names are completed from the registries of the data tree\n"
     "in use, so they follow changes to schemas/.\n"
     "Documentation: docs/commands/completion.md",
     "示例：\n"
     "  source <(ccnt completion bash)          写在 ~/.bashrc 中\n"
     "  ccnt completion zsh > ~/.zfunc/_ccnt    compinit 之前要有 fpath+=(~/.zfunc)\n"
     "  ccnt completion fish > ~/.config/fish/completions/ccnt.fish\n"
     "地区、部门、级别和类型名称按所用数据树的登记表补全，随 schemas/ 的修改而变化。\n"
     "文档：docs/commands/completion.md"},
    {"bash, zsh or fish", "bash、zsh 或 fish"},
    {"Show or clear the cache of checked policy files (.ccnt-cache/)",
     "显示或清除已检查政策文件的缓存（.ccnt-cache/）"},
    {"Examples:\n"
     "  ccnt cache info        where the cache is, how many files it records, its size\n"
     "  ccnt cache clear       delete it; the next command reads every file again\n"
     "  ccnt --no-cache list   one run without the cache\n"
     "Documentation: docs/commands/cache.md",
     "示例：\n"
     "  ccnt cache info        缓存的位置、记录的文件数和大小\n"
     "  ccnt cache clear       删除缓存；下一条命令会重新读取每个文件\n"
     "  ccnt --no-cache list   不用缓存运行一次\n"
     "文档：docs/commands/cache.md"},
    {"info or clear", "info 或 clear"},
    {"Print the help of a command (as COMMAND --help does)",
     "显示某条命令的帮助（同 COMMAND --help）"},
    {"Examples:\n"
     "  ccnt help            the overview: global options and commands\n"
     "  ccnt help new        the same as ccnt new --help\n"
     "The manual page, man ccnt, has every command in one place.",
     "示例：\n"
     "  ccnt help            总览：全局选项和各条命令\n"
     "  ccnt help new        同 ccnt new --help\n"
     "手册页 man ccnt 集中介绍了所有命令。"},
    {"The command; none for the overview", "命令；不写则显示总览"},
    {"Options", "选项"},
    {"Print this help message and exit", "显示此帮助信息并退出"},
    {"Display program version information and exit", "显示版本信息并退出"},
    {"Subcommands", "子命令"},
    {"Usage", "用法"},
    {"OPTIONS", "选项"},
    {"SUBCOMMAND", "子命令"},
    {"SUBCOMMANDS", "子命令"},
    {"Positionals", "位置参数"},
    {"REQUIRED", "必填"},
    {"Env", "环境变量"},
    {"Needs", "需要"},
    {"Excludes", "排除"},
    {"unknown command `{}`", "未知命令 `{}`"},
    {"the commands are {}", "可用的命令有 {}"},
    // cmd_cache.cpp
    {"no cache at {}\n"
     "validate, list, stats, targets and report make it when they next read the tree\n",
     "{} 处没有缓存\n"
     "validate、list、stats、targets 和 report 下次读取数据树时会建立它\n"},
    {"cache:   {}\n", "缓存：   {}\n"},
    {"files:   {} policy files recorded in 1 region bucket\n",
     "文件：   1 个地区分桶中记录了 {} 个政策文件\n"},
    {"files:   {} policy files recorded in {} region buckets\n",
     "文件：   {1} 个地区分桶中记录了 {0} 个政策文件\n"},
    {"size:    {}\n", "大小：   {}\n"},
    {"stale:   1 bucket written by another ccnt build or for other schemas, or damaged; rewritten "
     "when next read\n",
     "过期：   1 个分桶由其他 ccnt 版本或针对其他 schema 写成，或已损坏；下次读取时重写\n"},
    {"stale:   {} buckets written by another ccnt build or for other schemas, or damaged; "
     "rewritten when next read\n",
     "过期：   {} 个分桶由其他 ccnt 版本或针对其他 schema 写成，或已损坏；下次读取时重写\n"},
    {"no cache at {}; nothing to remove\n", "{} 处没有缓存；无需删除\n"},
    {"removed {}\n", "已删除 {}\n"},
    // cmd_list.cpp
    {"ccnt: no policies match\n", "ccnt：没有符合条件的政策\n"},
    {"--bom applies only to --format csv and tsv", "--bom 只适用于 --format csv 和 tsv"},
    {"--no-formula-guard applies only to --format csv and tsv",
     "--no-formula-guard 只适用于 --format csv 和 tsv"},
    {"unknown format `{}`", "未知格式 `{}`"},
    // policy_selection.cpp
    {"1 file with errors was left out; run 'ccnt validate'\n",
     "有 1 个文件因错误被略去；请运行 'ccnt validate'\n"},
    {"{} files with errors were left out; run 'ccnt validate'\n",
     "有 {} 个文件因错误被略去；请运行 'ccnt validate'\n"},
    // cmd_import.cpp, cli_parser.cpp (import)
    {"formats are csv, tsv, json and jsonl", "格式有 csv、tsv、json 和 jsonl"},
    {"cannot tell the format of {}", "无法判断 {} 的格式"},
    {"name it .csv, .tsv, .json or .jsonl, or give --format",
     "请把文件命名为 .csv、.tsv、.json 或 .jsonl，或用 --format 指定"},
    {"ccnt: the tree has {} errors; fix them first (see `ccnt validate`)\n",
     "ccnt：数据树有 {} 个错误；请先修正（见 `ccnt validate`）\n"},
    {"Import an export (CSV, TSV, JSON, JSON Lines) as policy records",
     "把导出文件（CSV、TSV、JSON、JSON Lines）导入为政策记录"},
    {"Examples:\n  ccnt import export.csv --mapping mappings/tracker.yaml --dry-run\n  ccnt import "
     "export.csv --mapping mappings/tracker.yaml\nRecords are matched by their source id: a second "
     "import of the same export changes\nnothing. What the source lacks (summary, sector) is left "
     "out and the record marked\n`stub: true`. Documentation: docs/import.md, "
     "docs/commands/import.md",
     "示例：\n  ccnt import export.csv --mapping mappings/tracker.yaml --dry-run\n  ccnt import "
     "export.csv --mapping mappings/tracker.yaml\n记录按来源 id "
     "匹配：同一导出文件再导入一次不会有任何改动。来源没有的内容（摘要、部门）\n留空，记录标为 "
     "`stub: true`。文档：docs/import.md、docs/commands/import.md"},
    {"The export to import", "要导入的导出文件"},
    {"The mapping file (which column is which field, docs/import.md), or the name of one under "
     "`import: mappings:` in .ccnt.yaml; default: the one mapping named there",
     "映射文件（哪一列对应哪个字段，见 docs/import.md），或 .ccnt.yaml 中 `import: mappings:` "
     "下的映射名称；默认为其中唯一的映射"},
    {"csv, tsv, json or jsonl; default: the mapping's, else from the file name",
     "csv、tsv、json 或 jsonl；默认取映射文件的设置，否则按文件名判断"},
    {"List what would be added, updated, unchanged and rejected; write nothing",
     "列出将新增、更新、不变和拒收的记录；不写入任何文件"},
    // project_session.cpp, cmd_import.cpp, cmd_report.cpp: .ccnt.yaml
    {"{} has errors, listed above", "{} 有错误，见上文"},
    {"fix them; `ccnt validate` reports them too", "请修正它们；`ccnt validate` 也会报告这些错误"},
    {"no mapping: give --mapping FILE", "没有映射文件：请用 --mapping FILE 指定"},
    {"or name the mapping under `import: mappings:` in {} (docs/settings.md)",
     "或在 {} 的 `import: mappings:` 下写明映射文件（docs/settings.md）"},
    {"{} names several mappings ({}); choose one with --mapping NAME",
     "{} 中有多个映射（{}）；请用 --mapping NAME 选择一个"},
    {"fix the problem above, or the `bulletin: template:` of {}",
     "请修正上面的问题，或修改 {} 中的 `bulletin: template:`"},
    // cmd_validate.cpp
    {"name a new or regular file; docs/security.md says what ccnt writes",
     "请指定一个新文件或普通文件；ccnt 会写入什么见 docs/security.md"},
    // cmd_report.cpp
    {"name a new or regular file, or - for standard output; docs/security.md says what ccnt "
     "writes",
     "请指定一个新文件或普通文件，或用 - 表示标准输出；ccnt 写入什么见 docs/security.md"},
    {"--month expects a month as YYYY-MM, got `{}`",
     "--month 需要 YYYY-MM 形式的月份，实际为 `{}`"},
    {"for example: ccnt report --month 2023-03", "例如：ccnt report --month 2023-03"},
    {"{} already exists; --init never overwrites it", "{} 已存在；--init 从不覆盖它"},
    {"edit it, or delete it first to start again from the data; 'ccnt report --month {}' renders "
     "it",
     "请编辑它，或先删除它再根据数据重新开始；'ccnt report --month {}' 会渲染它"},
    {"wrote {} listing {} added in {}\n"
     "next: replace its TODO lines, run 'ccnt validate', then 'ccnt report --month {} -o "
     "bulletin.md'\n",
     "已写入 {0}，列出 {2} 收录的 {1}\n"
     "下一步：替换其中的 TODO 行，运行 'ccnt validate'，再运行 'ccnt report --month {3} -o "
     "bulletin.md'\n"},
    {"ccnt: note: no {}; rendering a draft from the data (run 'ccnt report --month {} --init' to "
     "start one)\n",
     "ccnt：注意：没有 {}；根据数据生成草稿（运行 'ccnt report --month {} --init' 开始编写）\n"},
    {"ccnt: error: {} has errors; the bulletin was not rendered\n",
     "ccnt：错误：{} 有错误；未生成月报\n"},
    {"cannot use the template {}", "无法使用模板 {}"},
    {"the built-in template", "内置模板"},
    {"fix the problem above, or remove {} to use the built-in one",
     "请修正上述问题，或删除 {} 以使用内置模板"},
    {"fix the problem above, or leave out --template to use the default one",
     "请修正上面的问题，或去掉 --template 以使用默认模板"},
    {"ccnt: warning: no policy has `added` in {}\n", "ccnt：警告：没有 `added` 在 {} 的政策\n"},
    {"cannot render the bulletin with {}", "无法用 {} 生成月报"},
    {"check that the directory exists and is writable", "请检查目录是否存在且可写"},
    // cmd_show.cpp
    {"no such policy file: {}", "没有这个政策文件：{}"},
    {"give a policy id or the path of a .yaml file under policies/",
     "请给出政策 id，或 policies/ 下某个 .yaml 文件的路径"},
    {"unknown policy id `{}`", "未知政策 id `{}`"},
    {"list the ids with `ccnt list --format ids`", "用 `ccnt list --format ids` 列出所有 id"},
    {"{} has errors; fix them (see 'ccnt validate') to show it\n",
     "{} 有错误；请先修正（见 'ccnt validate'）再显示\n"},
    // cmd_targets.cpp
    {"unknown indicator `{}`", "未知指标 `{}`"},
    {"schemas/indicators.yaml lists the indicators", "指标见 schemas/indicators.yaml"},
    {"ccnt: no targets of {} ({}) among the selected policies\n",
     "ccnt：所选政策中没有 {}（{}）的目标\n"},
    {"ccnt: no targets among the selected policies\n", "ccnt：所选政策中没有目标\n"},
    {"ccnt: note: 1 more indicator has targets but none compared with a national benchmark; show "
     "it with --all, or one with --indicator NAME\n",
     "ccnt：注意：另有 1 项指标有目标，但没有可比的国家基准；用 --all 显示它，或用 --indicator "
     "NAME 显示单项\n"},
    {"ccnt: note: {} more indicators have targets but none compared with a national benchmark; "
     "show them with --all, or one with --indicator NAME\n",
     "ccnt：注意：另有 {} 项指标有目标，但没有可比的国家基准；用 --all 显示它们，或用 --indicator "
     "NAME 显示单项\n"},
    // cmd_validate.cpp
    {"no such file or directory: {}", "没有这个文件或目录：{}"},
    // policy_selection.cpp
    {"ccnt: warning: 1 file has errors and was left out; run 'ccnt validate'\n",
     "ccnt：警告：1 个文件有错误，已略去；请运行 'ccnt validate'\n"},
    {"ccnt: warning: {} files have errors and were left out; run 'ccnt validate'\n",
     "ccnt：警告：{} 个文件有错误，已略去；请运行 'ccnt validate'\n"},
    {"--until {} is before --since {}", "--until {} 早于 --since {}"},
    {"swap the two dates", "请交换这两个日期"},
    {"write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-03",
     "写成 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2023-03"},
    // project_session.cpp
    {"the schema or the registries have errors, listed above", "schema 或登记表有错误，见上"},
    {"fix them in schemas/; ccnt cannot check policies without them",
     "请在 schemas/ 中修正；没有它们 ccnt 无法检查政策"},
    // issue 16: Chinese tables, search, ccnt new (analysts-search)
    {"Column headers in en or zh (default: as messages for tables and Markdown; en for CSV, TSV "
     "and xlsx)",
     "列标题用 en 或 zh（默认：表格和 Markdown 随消息语言；CSV、TSV 和 xlsx 用 en）"},
    {"--headers applies only to formats with column headers, not to {}",
     "--headers 只适用于有列标题的格式，不适用于 {}"},
    {"JSON and YAML keys are always English; see docs/commands/list.md",
     "JSON 和 YAML 的键始终是英文；见 docs/commands/list.md"},
    {"Sector slug or Chinese name (matches the primary or any further sector), or a subsector in "
     "any of its names (光伏, solar)",
     "部门的 slug 或中文名（匹配主部门或任一其他部门），或子部门的任一名称（光伏、solar）"},
    {"Subsector in any of its names (光伏, solar, energy-storage)",
     "子部门的任一名称（光伏、solar、energy-storage）"},
    {"Text in the title, summary or issuers, ignoring case, full-width forms and traditional "
     "characters; repeat for more terms, all of which must match",
     "标题、摘要或发文机关中的文字，不区分大小写、全角半角和繁简；可重复给出多个词，须全部匹配"},
    {"With several -q: any term may match, not all", "给出多个 -q 时：匹配任一词即可，不必全部"},
    {"Print how many of the matching policies have each value of FIELD",
     "按 FIELD 的每个取值统计匹配的政策数"},
    {"--count and --count-by exclude each other", "--count 与 --count-by 不能同时使用"},
    {"--count prints the number; --count-by a table of numbers",
     "--count 输出总数；--count-by 输出分项计数表"},
    {"unknown field `{}` for --count-by", "--count-by 的字段 `{}` 未知"},
    {"--count-by prints a table, markdown, csv, tsv or json, not {}",
     "--count-by 输出 table、markdown、csv、tsv 或 json，不输出 {}"},
    {"drop --format, or choose one of those", "去掉 --format，或选其中之一"},
    {"ccnt: note: {}\n", "ccnt：注意：{}\n"},
    // cmd_new.cpp: the new questions and the preview
    {"ccnt: warning: {}\n", "ccnt：警告：{}\n"},
    {"  warning: {}", "  警告：{}"},
    {"Subsector of {} ({}; empty for none)", "{} 的子部门（{}；没有则留空）"},
    {"Added to the tracker in (YYYY-MM)", "收录月份（YYYY-MM）"},
    {"Tags, separated by commas (empty for none)", "标签，用逗号分隔（没有则留空）"},
    {"Add a quantitative target?", "添加量化目标？"},
    {"Add another target?", "再添加一个目标？"},
    {"  Indicator (slug or Chinese name)", "  指标（slug 或中文名）"},
    {"  Text of the target, as the source words it", "  目标原文，与来源一致"},
    {"  Value (a number)", "  目标值（数字）"},
    {"  Unit", "  单位"},
    {"  Kind", "  类别"},
    {"  Base year (empty if none)", "  基准年（没有则留空）"},
    {"  Target year", "  目标年"},
    {"\n{}:", "\n{}："},
    // cmd_site.cpp and ccnt site's flags
    {"Write the static website of the tree: pages, search, charts, feed, downloads",
     "生成数据树的静态网站：页面、检索、图表、订阅和下载"},
    {"Examples:\n"
     "  ccnt site                         the website, in _site/\n"
     "  ccnt site -o public               in public/\n"
     "  ccnt site --base-url https://OWNER.github.io/REPO/ \\\n"
     "            --repository https://github.com/OWNER/REPO\n"
     "Plain files that work from file:// and any static host; a second run writes only what\n"
     "changed. The output directory must be new, empty, or one ccnt site wrote.\n"
     "Documentation: docs/site.md, docs/commands/site.md",
     "示例：\n"
     "  ccnt site                         生成网站，写入 _site/\n"
     "  ccnt site -o public               写入 public/\n"
     "  ccnt site --base-url https://OWNER.github.io/REPO/ \\\n"
     "            --repository https://github.com/OWNER/REPO\n"
     "网站是普通文件，可从 file:// 和任何静态主机打开；再次运行只写入有变化的文件。\n"
     "输出目录须是新目录、空目录，或 ccnt site 以前写过的目录。\n"
     "文档：docs/site.md、docs/commands/site.md"},
    {"Directory to write the site into (default: _site)", "网站的输出目录（默认：_site）"},
    {"Address the site is published at, for the feed's and canonical links",
     "网站发布的地址，用于订阅和规范链接"},
    {"https URL of the data repository: each policy page links to edit its file",
     "数据代码库的 https 地址：每个政策页面链接到编辑其文件"},
    {"Branch of the repository the edit links open (default: main)",
     "编辑链接打开的代码库分支（默认：main）"},
    {"--branch expects a branch name, got `{}`", "--branch 需要分支名，收到的是 `{}`"},
    {"for example: --base-url https://OWNER.github.io/REPO/",
     "例如：--base-url https://OWNER.github.io/REPO/"},
    {"for example: --repository https://github.com/OWNER/REPO",
     "例如：--repository https://github.com/OWNER/REPO"},
    {"{} expects an {} URL, got `{}`", "{} 需要 {} 地址，收到的是 `{}`"},
    {"ccnt: error: the website was not written to {}\n", "ccnt：错误：网站未写入 {}\n"},
    {"ccnt: error: {} files could not be written\n", "ccnt：错误：{} 个文件无法写入\n"},
    {"ccnt: error: 1 file could not be written\n", "ccnt：错误：1 个文件无法写入\n"},
    {"wrote the website of {} to {}: {} pages, {} files ({} written, {} unchanged, {} "
     "removed)\n",
     "已把 {}的网站写入 {}：{} 个页面，{} 个文件（写入 {} 个，未变 {} 个，删除 {} 个）\n"},
    {"open {}/index.html in a browser; docs/site.md explains publishing it\n",
     "请在浏览器中打开 {}/index.html；发布方法见 docs/site.md\n"},
    // cmd_schema.cpp
    {"cannot read the policy schema, see above", "无法读取政策 schema，见上"},
    {"the data tree has no schemas/ of its own to write the editor schema to",
     "数据目录没有自己的 schemas/，无法写入编辑器 schema"},
    {"give -o FILE, or copy schemas/ of ccnt into the data tree",
     "请用 -o FILE 指定文件，或把 ccnt 的 schemas/ 复制到数据目录"},
    {"{} is up to date\n", "{} 已是最新\n"},
    {"{} is out of date with schemas/: run `{}` to regenerate it\n",
     "{} 与 schemas/ 不一致：请运行 `{}` 重新生成\n"},
    {"{} does not exist: run `{}` to write it\n", "{} 不存在：请运行 `{}` 生成\n"},
    {"wrote {}; editors use it through the $schema line of each policy file (docs/editors.md)\n",
     "已写入 {}；编辑器通过每个政策文件的 $schema 行使用它（docs/editors.md）\n"},
    // cmd_diff.cpp
    {"cannot run git: {}", "无法运行 git：{}"},
    {"ccnt diff reads the history with git; install it (tools/bootstrap.sh does)",
     "ccnt diff 用 git 读取历史；请安装 git（tools/bootstrap.sh 会安装）"},
    {"the data tree ({}) is not in a git work tree", "数据目录（{}）不在 git 工作区中"},
    {"run ccnt diff in a clone of the data repository", "请在数据仓库的克隆中运行 ccnt diff"},
    {"`{}` is not a revision name ccnt passes to git", "`{}` 不是 ccnt 会交给 git 的版本名"},
    {"give a branch, a tag or a commit (main, v1.0, HEAD~2, 1a2b3c4); a range (a..b) or a path "
     "(rev:path) is not one",
     "请给出分支、标签或提交（main、v1.0、HEAD~2、1a2b3c4）；范围（a..b）和路径（rev:path）都不是"},
    {"git knows no commit `{}`", "git 中没有提交 `{}`"},
    {"`git log --oneline --all` lists the commits; in a shallow clone, fetch it first (git fetch "
     "origin {})",
     "`git log --oneline --all` 会列出提交；浅克隆中请先获取它（git fetch origin {}）"},
    {"no main branch to compare with: none of origin/HEAD, main or master exists",
     "没有可比较的主分支：origin/HEAD、main、master 都不存在"},
    {"name it with --main BRANCH, or give REV1", "请用 --main BRANCH 指定，或给出 REV1"},
    {"HEAD and {} have no commit in common", "HEAD 与 {} 没有共同的提交"},
    {"in a shallow clone, fetch their history (git fetch --unshallow), or give REV1",
     "浅克隆中请获取其历史（git fetch --unshallow），或给出 REV1"},
    {"git failed: {}", "git 出错：{}"},
    {"--main chooses the default REV1; give either --main or REV1",
     "--main 用于选择默认的 REV1；--main 与 REV1 只能给一个"},
    // cli_parser.cpp: schema and diff
    {"Write the editor schema: the policy schema with the registries' names",
     "写出编辑器 schema：带有登记表名称的政策 schema"},
    {"Examples:\n"
     "  ccnt schema --editor            write schemas/policy.editor.schema.json\n"
     "  ccnt schema --editor --check    exit 1 when it is out of date with schemas/\n"
     "  ccnt schema --editor -o -       print it\n"
     "Editors (VS Code, any yaml-language-server client) complete and check region,\n"
     "sector, subsector and indicator names with it. Documentation: docs/editors.md,\n"
     "docs/commands/schema.md",
     "示例：\n"
     "  ccnt schema --editor            写出 schemas/policy.editor.schema.json\n"
     "  ccnt schema --editor --check    与 schemas/ 不一致时以 1 退出\n"
     "  ccnt schema --editor -o -       输出到标准输出\n"
     "编辑器（VS Code 及任何 yaml-language-server 客户端）据此补全并检查地区、部门、\n"
     "子部门和指标名称。文档：docs/editors.md、docs/commands/schema.md"},
    {"The editor schema, generated from schemas/policy.schema.json and the registries",
     "编辑器 schema，由 schemas/policy.schema.json 和登记表生成"},
    {"Write to FILE, or - for stdout (default: schemas/policy.editor.schema.json of the data "
     "tree)",
     "写入 FILE，- 表示标准输出（默认：数据目录的 schemas/policy.editor.schema.json）"},
    {"Write nothing; exit 1 when the file differs from what would be written",
     "不写入；文件与应写内容不同时以 1 退出"},
    {"Compare two git revisions record by record, and their bulletins",
     "逐条比较两个 git 版本的政策记录及其月报"},
    {"Examples:\n"
     "  ccnt diff                     the branch and the working tree against the merge\n"
     "                                base with the main branch\n"
     "  ccnt diff main                main against the working tree\n"
     "  ccnt diff v1.0 HEAD           two commits\n"
     "  ccnt diff --format markdown   for a pull-request comment\n"
     "Records are compared, not lines: added, removed, moved, renamed, and the fields that\n"
     "changed; and what the month's bulletin needs. Documentation: docs/commands/diff.md",
     "示例：\n"
     "  ccnt diff                     当前分支和工作区，与其同主分支的合并基点比较\n"
     "  ccnt diff main                main 与工作区比较\n"
     "  ccnt diff v1.0 HEAD           比较两个提交\n"
     "  ccnt diff --format markdown   用作拉取请求的评论\n"
     "比较的是记录而不是行：新增、删除、移动、改 id 的记录和改动的字段，以及该月月报\n"
     "需要什么。文档：docs/commands/diff.md"},
    {"REV1 [REV2]: commits, branches or tags (default: the merge base of HEAD with the main "
     "branch, and the working tree)",
     "REV1 [REV2]：提交、分支或标签（默认：HEAD 与主分支的合并基点，以及工作区）"},
    {"The main branch, whose merge base with HEAD is the default REV1 (default: origin/HEAD, main "
     "or master)",
     "主分支，它与 HEAD 的合并基点是默认的 REV1（默认：origin/HEAD、main 或 master）"},
    // coverage, xlsx and -o (cmd_coverage.cpp, cmd_list.cpp, output_file.cpp, cli_parser.cpp)
    {"--targets applies only to --format csv and tsv", "--targets 只适用于 --format csv 和 tsv"},
    {"json, jsonl and yaml carry each policy's targets; --format xlsx puts them on a sheet of "
     "their own",
     "json、jsonl 和 yaml 的每条政策都带有其目标；--format xlsx 把目标放在单独的工作表中"},
    {"this data tree defines no policy series", "此数据树没有定义政策系列"},
    {"list them in schemas/series.yaml (docs/commands/coverage.md)",
     "请在 schemas/series.yaml 中列出（见 docs/commands/coverage.md）"},
    {"unknown series `{}`", "未知的政策系列 `{}`"},
    {"schemas/series.yaml lists the series", "schemas/series.yaml 列出了各政策系列"},
    {"Write to FILE (atomically: a reader never sees half of it) instead of stdout; --format "
     "xlsx needs it",
     "写入 FILE（原子写入：读者不会看到写了一半的文件），而不是标准输出；--format xlsx 必须指定"},
    {"CSV/TSV: the targets of the matching policies, one row per target keyed by policy id, "
     "instead of the policies",
     "CSV/TSV：输出所匹配政策的目标（每个目标一行，以政策 id 为键），而不是政策本身"},
    {"Which regions have issued their counterpart of each national plan, and when",
     "各地区是否及何时发布了与各项国家方案对应的本地方案"},
    {"Examples:\n"
     "  ccnt coverage                          provinces × the series of schemas/series.yaml\n"
     "  ccnt coverage --series industry-peaking   one series: 工业领域碳达峰实施方案\n"
     "  ccnt coverage --level municipal --region 广东   the cities of 广东\n"
     "  ccnt coverage --all-regions            every province, also those without a plan\n"
     "  ccnt coverage --format xlsx -o coverage.xlsx\n"
     "Documentation: docs/commands/coverage.md",
     "示例：\n"
     "  ccnt coverage                          各省 × schemas/series.yaml 中的政策系列\n"
     "  ccnt coverage --series industry-peaking   一个系列：工业领域碳达峰实施方案\n"
     "  ccnt coverage --level municipal --region 广东   广东的各城市\n"
     "  ccnt coverage --all-regions            全部省份，包括尚未发布方案的\n"
     "  ccnt coverage --format xlsx -o coverage.xlsx\n"
     "文档：docs/commands/coverage.md"},
    {"A series by slug, name or label (schemas/series.yaml); repeat for more; default: every "
     "series",
     "政策系列，写 slug、名称或简称（schemas/series.yaml）；可重复；默认：全部系列"},
    {"The rows: provincial (default) or municipal regions", "行：省级（默认）或地市级地区"},
    {"Only regions inside this one (广东 for its cities); repeat for more",
     "只列出该地区之内的地区（如 广东 列出其城市）；可重复"},
    {"Every region of the level, also those that issued none of the plans",
     "列出该级别的全部地区，包括尚未发布任何方案的地区"},
    {"--format {} writes a workbook, which is not for a terminal or a pipe",
     "--format {} 生成的是工作簿，不能输出到终端或管道"},
    {"name the file with -o FILE, e.g. -o policies.xlsx",
     "请用 -o FILE 指定文件，如 -o policies.xlsx"},
    {"cannot write the workbook {}: {}", "无法写入工作簿 {}：{}"},
    // cmd_show.cpp: relations
    {"implements", "落实"},
    {"implemented by", "被落实于"},
    {"supersedes", "替代"},
    {"superseded by", "被替代于"},
    {"amends", "修订"},
    {"amended by", "被修订于"},
};

}  // namespace

std::span<const Translation> chinese_cli_messages() {
  return kEntries;
}

}  // namespace ccnt::cli
