#include "core/diff/revision_diff.hpp"

#include <algorithm>
#include <map>

#include "core/bulletin/bulletin_check.hpp"
#include "core/policy/policy_checks.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/parallel_for.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {
namespace {

namespace fs = std::filesystem;

// The directories of the data tree a diff looks at, relative to its root.
const std::vector<std::string> kDiffDirs{"policies", "bulletins", "schemas"};

bool is_policy_path(const std::string& path) {
  return path.starts_with("policies/") && path.ends_with(".yaml");
}

// The month of an editorial file's path (bulletins/YYYY-MM.yaml), else nullopt.
std::optional<PartialDate> editorial_month(const std::string& path) {
  if (!path.starts_with("bulletins/")) return std::nullopt;
  const std::string name = path.substr(10);
  if (name.find('/') != std::string::npos) return std::nullopt;
  return bulletin_month_of_file_name(name);
}

// One file in one revision: where its bytes come from.
struct Source {
  std::string path;
  bool exists = false;
  bool from_disk = false;  // the working tree's: read from the disk
  std::string object;      // a git blob, otherwise
};

// The bytes of one file, with what reading them reported (E001, E002, E070).
struct Bytes {
  std::optional<std::string> text;
  Diagnostics problems;
};

// Reads files from git's objects (all in one batch) or from the disk, as validate would.
class FileReader {
 public:
  FileReader(const Project& project, const GitRepository& git) : project_(project), git_(git) {}

  // Reads the blobs of `sources` in one batch (the disk's files are read one by one, later).
  bool prefetch(const std::vector<const Source*>& sources, GitError& error) {
    std::vector<std::string> objects;
    for (const Source* source : sources)
      if (source->exists && !source->from_disk && !blobs_.count(source->object))
        objects.push_back(source->object);
    std::sort(objects.begin(), objects.end());
    objects.erase(std::unique(objects.begin(), objects.end()), objects.end());
    auto contents = git_.read_blobs(objects, kMaxSourceBytes, error);
    if (!contents) return false;
    for (std::size_t i = 0; i < objects.size(); ++i) blobs_[objects[i]] = std::move((*contents)[i]);
    return true;
  }

  Bytes read(const Source& source) const {
    Bytes bytes;
    if (source.from_disk) {
      bytes.text =
          read_tree_file(project_.root / source.path, source.path, project_.tree, bytes.problems);
      return bytes;
    }
    const auto it = blobs_.find(source.object);
    if (it != blobs_.end() && it->second) {
      bytes.text = *it->second;
      return bytes;
    }
    // Not read: larger than a policy file may be (read_blobs leaves those out).
    check_source_size(kMaxSourceBytes + 1, source.path, bytes.problems);
    return bytes;
  }

 private:
  const Project& project_;
  const GitRepository& git_;
  std::map<std::string, std::optional<std::string>> blobs_;
};

std::vector<std::string> error_codes(const Diagnostics& diagnostics) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diagnostics.all())
    if (d.severity == Severity::Error &&
        std::find(codes.begin(), codes.end(), d.code) == codes.end())
      codes.push_back(d.code);
  return codes;
}

// A policy file's version, read and checked as validate checks one file.
RecordVersion read_record(const Project& project, const std::string& path, Bytes bytes,
                          const PartialDate& today) {
  RecordVersion version;
  version.path = path;
  Diagnostics& diagnostics = bytes.problems;
  if (bytes.text) {
    if (auto document = parse_yaml(*bytes.text, path, diagnostics)) {
      version.id = scalar_at(*document, "id");
      version.policy =
          check_policy(*document, project.root / path, path, project, today, diagnostics);
      version.document = std::move(*document);
    }
  }
  version.codes = error_codes(diagnostics);
  if (!version.codes.empty()) version.policy.reset();
  return version;
}

std::optional<BulletinEditorial> read_editorial(const std::string& path, const PartialDate& month,
                                                Bytes bytes) {
  if (!bytes.text) return std::nullopt;
  return parse_bulletin_editorial(*bytes.text, path, month, bytes.problems);
}

Source old_source(const GitChange& change) {
  return {change.path, change.in_old(), false, change.old_object};
}

Source new_source(const GitChange& change, bool working_tree) {
  return {change.path, change.in_new(), working_tree && change.new_object.empty(),
          change.new_object};
}

// Resolves the two sides of the request.
bool resolve_sides(const GitRepository& git, const DiffRequest& request, DiffSide& from,
                   DiffSide& to, GitError& error) {
  if (request.revisions.empty()) {
    const auto main = git.main_branch(request.main_branch, error);
    if (!main) return false;
    const auto head = git.resolve_commit("HEAD", error);
    const auto main_commit = head ? git.resolve_commit(*main, error) : std::nullopt;
    const auto base = main_commit ? git.merge_base(*head, *main_commit, error) : std::nullopt;
    if (!base) {
      if (error.kind == GitError::Kind::NoMergeBase) error.detail = *main;
      return false;
    }
    from = {*main, *base, true};
    return true;
  }
  const auto first = git.resolve_commit(request.revisions[0], error);
  if (!first) return false;
  from = {request.revisions[0], *first, false};
  if (request.revisions.size() > 1) {
    const auto second = git.resolve_commit(request.revisions[1], error);
    if (!second) return false;
    to = {request.revisions[1], *second, false};
  }
  return true;
}

}  // namespace

std::optional<RevisionDiff> diff_revisions(const Project& project, const DiffRequest& request,
                                           GitError& error) {
  auto git = GitRepository::open(project.root, error);
  if (!git) return std::nullopt;
  RevisionDiff diff;
  if (!resolve_sides(*git, request, diff.from, diff.to, error)) return std::nullopt;
  const bool working_tree = diff.to.working_tree();
  const std::optional<std::string> to_commit =
      working_tree ? std::nullopt : std::optional<std::string>(diff.to.commit);
  auto changes = git->changes(diff.from.commit, to_commit, kDiffDirs, error);
  if (!changes) return std::nullopt;
  std::sort(changes->begin(), changes->end(),
            [](const GitChange& a, const GitChange& b) { return a.path < b.path; });

  // What to read: policy files and editorial files, on both sides; links and submodules of a
  // revision are not followed.
  std::vector<const GitChange*> policies, editorials;
  for (const GitChange& change : *changes) {
    if (change.path.starts_with("schemas/")) {
      diff.schema_files.push_back(change.path);
      continue;
    }
    const bool policy = is_policy_path(change.path);
    if (!policy && !editorial_month(change.path)) continue;
    bool regular = true;
    for (const std::string* mode : {&change.old_mode, &change.new_mode})
      if (!mode->empty() && !is_regular_file_mode(*mode)) {
        diff.skipped.push_back({change.path, *mode});
        regular = false;
        break;
      }
    if (regular) (policy ? policies : editorials).push_back(&change);
  }

  std::vector<Source> old_sources, new_sources;
  for (const auto* list : {&policies, &editorials})
    for (const GitChange* change : *list) {
      old_sources.push_back(old_source(*change));
      new_sources.push_back(new_source(*change, working_tree));
    }
  FileReader reader(project, *git);
  std::vector<const Source*> all;
  for (const auto* list : {&old_sources, &new_sources})
    for (const Source& source : *list) all.push_back(&source);
  if (!reader.prefetch(all, error)) return std::nullopt;

  // Each policy file's two versions, read and checked on all cores; a file whose bytes are the
  // same in both (touched, or changed back) is left out.
  const PartialDate date = today();
  const std::size_t n = policies.size();
  std::vector<std::optional<RecordVersion>> before(n), after(n);
  parallel_for(n, request.jobs, [&](std::size_t i) {
    Bytes old_bytes = old_sources[i].exists ? reader.read(old_sources[i]) : Bytes{};
    Bytes new_bytes = new_sources[i].exists ? reader.read(new_sources[i]) : Bytes{};
    if (old_sources[i].exists && new_sources[i].exists && old_bytes.text && new_bytes.text &&
        *old_bytes.text == *new_bytes.text)
      return;
    if (old_sources[i].exists)
      before[i] = read_record(project, policies[i]->path, std::move(old_bytes), date);
    if (new_sources[i].exists)
      after[i] = read_record(project, policies[i]->path, std::move(new_bytes), date);
  });
  std::vector<RecordVersion> old_versions, new_versions;
  for (std::size_t i = 0; i < n; ++i) {
    if (before[i]) old_versions.push_back(std::move(*before[i]));
    if (after[i]) new_versions.push_back(std::move(*after[i]));
  }
  diff.records = diff_records(old_versions, new_versions);

  // The editorial files: those the change edits, and those of the months the records touch.
  std::map<int, EditorialVersions> months;
  for (std::size_t i = 0; i < editorials.size(); ++i) {
    const Source& then = old_sources[n + i];
    const Source& now = new_sources[n + i];
    const PartialDate month = *editorial_month(now.path);
    Bytes old_bytes = then.exists ? reader.read(then) : Bytes{};
    Bytes new_bytes = now.exists ? reader.read(now) : Bytes{};
    if (then.exists && now.exists && old_bytes.text == new_bytes.text) continue;
    EditorialVersions& versions = months[month.year * 100 + month.month];
    versions.month = month;
    versions.changed = true;
    if (then.exists) versions.before = read_editorial(then.path, month, std::move(old_bytes));
    if (now.exists) versions.after = read_editorial(now.path, month, std::move(new_bytes));
  }
  for (const PartialDate& month : months_touched(diff.records)) {
    EditorialVersions& versions = months[month.year * 100 + month.month];
    if (versions.changed) continue;
    versions.month = month;
    // Unchanged by the change: the same file on both sides, read from the new one.
    const fs::path file = bulletin_file(project.root, month);
    const std::string path = "bulletins/" + file.filename().string();
    Source now{path, false, working_tree, {}};
    if (working_tree) {
      std::error_code ec;
      now.exists = fs::exists(file, ec);
    } else {
      std::optional<GitChange> entry;
      if (!git->entry(diff.to.commit, path, entry, error)) return std::nullopt;
      if (entry && is_regular_file_mode(entry->new_mode)) {
        now.exists = true;
        now.object = entry->new_object;
        if (!reader.prefetch({&now}, error)) return std::nullopt;
      }
    }
    if (now.exists) versions.after = read_editorial(path, month, reader.read(now));
    versions.before = versions.after;
  }
  std::vector<EditorialVersions> ordered;
  for (auto& [key, versions] : months) ordered.push_back(std::move(versions));
  diff.bulletins = bulletin_effects(diff.records, ordered);
  return diff;
}

}  // namespace ccnt
