// The whole website of a tree, as files: what readers see on the pages, escaped for HTML.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <random>

#include <fmt/format.h>

#include "core/bulletin/bulletin_check.hpp"
#include "core/bulletin/bulletin_render.hpp"
#include "core/site/site_build.hpp"
#include "core/tree/loader.hpp"
#include "file_text.hpp"
#include "source_dir.hpp"
#include "source_tree.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

namespace {

struct BuiltSite {
  BuiltSite(std::vector<Policy> extra = {}, SiteOptions options = {}) {
    std::random_device random;
    dir = fs::temp_directory_path() / fmt::format("ccnt-site-build-{}-{}", ::getpid(), random());
    const Project& project = ccnt::testing::source_project();
    Diagnostics load_problems;
    policies = load_project_policies(project, 1, load_problems).policies;
    for (Policy& p : extra) policies.push_back(std::move(p));
    options.output_dir = dir;
    options.jobs = 2;
    result = build_site(project, policies, options, diagnostics);
  }
  ~BuiltSite() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string file(const std::string& path) const { return ccnt::testing::file_text(dir / path); }

  fs::path dir;
  std::vector<Policy> policies;
  Diagnostics diagnostics;
  std::optional<SiteBuildResult> result;
};

Policy hostile() {
  Policy p;
  p.id = "zhejiang-hostile";
  p.path = "policies/zhejiang/industry/zhejiang-hostile.yaml";
  p.region = "zhejiang";
  p.level = "provincial";
  p.sector = "industry";
  p.doc_type = "通知";
  p.title = "关于</title><script>alert(1)</script>的通知";
  p.summary = "<img src=x onerror=alert(2)> & \"quoted\" </script>";
  p.source = "javascript:alert(3)";
  p.issuers = {"<b>浙江省经济和信息化厅</b>"};
  p.tags = {"\"><script>alert(4)</script>"};
  p.added = {2023, 3, 0};
  return p;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the site of the bundled tree has every kind of page in both languages") {
  const BuiltSite site;
  REQUIRE(site.result);
  for (const Diagnostic& d : site.diagnostics.all()) INFO(d.code << " " << d.message);
  CHECK(site.diagnostics.error_count() == 0);
  CHECK(site.result->policies == site.policies.size());
  CHECK(site.result->bulletins == 1);
  for (const char* page :
       {"index.html", "search.html", "policies/zhejiang-industry-carbon-peaking.html",
        "regions/zhejiang.html", "regions/index.html", "sectors/industry.html",
        "sectors/index.html", "issuers/index.html", "bulletins/2023-03.html",
        "bulletins/index.html", "targets.html", "downloads.html", "404.html"}) {
    INFO(page);
    CHECK(fs::is_regular_file(site.dir / page));
    CHECK(fs::is_regular_file(site.dir / "en" / page));
  }
  for (const char* file : {"feed.atom", "data/ccnt-policies.csv", "data/ccnt-policies.json",
                           "bulletins/2023-03.md", "api/index.json", "api/policies.json",
                           "api/regions.json", "api/policies/zhejiang-industry-carbon-peaking.json",
                           "assets/site.css", "assets/site.js", "search/meta.js"})
    CHECK(fs::is_regular_file(site.dir / file));
  CHECK(site.file("index.html").find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(site.file("en/index.html").find("<html lang=\"en\">") != std::string::npos);
  CHECK(site.file("data/ccnt-policies.csv").starts_with("\xEF\xBB\xBF"));
}

TEST_CASE("a province's page includes its cities' policies") {
  const BuiltSite site;
  const std::string guangdong = site.file("regions/guangdong.html");
  CHECK(guangdong.find("policies/guangzhou-carbon-peaking.html") != std::string::npos);
  CHECK(guangdong.find("policies/guangdong-new-energy-storage.html") != std::string::npos);
  CHECK(guangdong.find("regions/guangzhou.html") != std::string::npos);
  // The nation's page has the central government's policies only.
  const std::string national = site.file("regions/national.html");
  CHECK(national.find("guangzhou-carbon-peaking") == std::string::npos);
}

TEST_CASE("the bulletin page is the Markdown bulletin of ccnt report, with headings") {
  const BuiltSite site;
  const std::string markdown = site.file("bulletins/2023-03.md");
  // The download is exactly what `ccnt report` renders.
  const Project& project = ccnt::testing::source_project();
  Diagnostics diagnostics;
  auto editorial = load_bulletin_editorial(ccnt::testing::source_dir() / "bulletins/2023-03.yaml",
                                           site.policies, diagnostics);
  REQUIRE(editorial);
  const auto report = render_bulletin(builtin_bulletin_template(), "built-in", *editorial,
                                      site.policies, project.registry, diagnostics);
  REQUIRE(report);
  CHECK(markdown == *report);
  const std::string html = site.file("bulletins/2023-03.html");
  CHECK(count(html, "<h1") == 1);
  CHECK(html.find("<h1>2023 年 3 月月报</h1>") != std::string::npos);
  CHECK(count(html, "<h2>碳中和国家行动一览</h2>") == 2);
  CHECK(html.find("<h3><a href=\"../policies/zhejiang-industry-carbon-peaking.html\">"
                  "浙江省发布《浙江省工业领域碳达峰实施方案》</a></h3>") != std::string::npos);
  // The English page wraps the same bulletin.
  CHECK(site.file("en/bulletins/2023-03.html").find("<h1>2023 年 3 月月报</h1>") !=
        std::string::npos);
}

TEST_CASE("no byte of a policy reaches a page, the feed or the index as markup") {
  const BuiltSite site({hostile()});
  REQUIRE(site.result);
  for (const char* path : {"policies/zhejiang-hostile.html", "en/policies/zhejiang-hostile.html",
                           "regions/zhejiang.html", "index.html", "search.html", "feed.atom",
                           "sectors/industry.html"}) {
    INFO(path);
    const std::string page = site.file(path);
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("</title><script") == std::string::npos);
    CHECK(page.find("href=\"javascript:") == std::string::npos);
    CHECK(page.find("<b>浙江") == std::string::npos);
  }
  const std::string page = site.file("policies/zhejiang-hostile.html");
  CHECK(page.find("关于&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;的通知") !=
        std::string::npos);
  CHECK(page.find("&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;") !=
        std::string::npos);
  // The source that is not https is shown as text, not linked.
  CHECK(page.find("<dd>javascript:alert(3)</dd>") != std::string::npos);
  CHECK(page.find("&lt;b&gt;浙江省经济和信息化厅&lt;/b&gt;") != std::string::npos);
  for (const std::string file : {"search/docs-0.js", "search/meta.js"}) {
    const std::string js = site.file(file);
    CHECK(js.find('<') == std::string::npos);
  }
}

TEST_CASE("a policy page links to edit its file when the site knows the repository") {
  SiteOptions options;
  options.repository_url = "https://github.com/example/data";
  options.branch = "release";
  const BuiltSite site({}, options);
  CHECK(site.file("policies/zhejiang-industry-carbon-peaking.html")
            .find("href=\"https://github.com/example/data/edit/release/policies/zhejiang/industry/"
                  "zhejiang-industry-carbon-peaking.yaml\"") != std::string::npos);
  const BuiltSite plain;
  CHECK(plain.file("policies/zhejiang-industry-carbon-peaking.html").find("/edit/") ==
        std::string::npos);
}

TEST_CASE("an unchanged tree builds again without writing a file") {
  const BuiltSite site;
  REQUIRE(site.result);
  const Project& project = ccnt::testing::source_project();
  SiteOptions options;
  options.output_dir = site.dir;
  Diagnostics diagnostics;
  const auto again = build_site(project, site.policies, options, diagnostics);
  REQUIRE(again);
  CHECK(again->files.written == 0);
  CHECK(again->files.unchanged == again->files.files);
  CHECK(again->files.removed == 0);
}
