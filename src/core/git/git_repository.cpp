#include "core/git/git_repository.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <tuple>

extern char** environ;

namespace ccnt {
namespace {

namespace fs = std::filesystem;

// What one git process did.
struct GitRun {
  bool started = false;  // false when git could not be run at all
  int status = -1;       // its exit status (-1 when it was killed)
  std::string out;
  std::string err;
};

// Closes a descriptor once, when it is open.
void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Blocks SIGPIPE for this thread while git runs (writing to a git that has exited must fail with
// EPIPE, not end ccnt), and takes back a SIGPIPE it raised meanwhile.
class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeBlock() {
    sigset_t pending;
    sigpending(&pending);
    if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) {
      const timespec now{0, 0};
      sigtimedwait(&pipe_, nullptr, &now);
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;

 private:
  sigset_t pipe_{};
  sigset_t old_{};
  bool was_pending_ = false;
};

// Feeds `input` to the child's stdin while reading its stdout and stderr, so that neither side
// waits on a full pipe.
void exchange(int& in, int& out, int& err, std::string_view input, GitRun& run) {
  std::size_t written = 0;
  if (input.empty()) close_fd(in);
  if (in >= 0) ::fcntl(in, F_SETFL, ::fcntl(in, F_GETFL) | O_NONBLOCK);
  std::array<char, 65536> buffer{};
  while (in >= 0 || out >= 0 || err >= 0) {
    std::array<pollfd, 3> fds{pollfd{in, POLLOUT, 0}, pollfd{out, POLLIN, 0},
                              pollfd{err, POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in >= 0 && fds[0].revents != 0) {
      const ssize_t n = ::write(in, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) close_fd(in);
    }
    for (auto [fd, text, index] : {std::tuple{&out, &run.out, 1}, std::tuple{&err, &run.err, 2}}) {
      if (*fd < 0 || fds[static_cast<std::size_t>(index)].revents == 0) continue;
      const ssize_t n = ::read(*fd, buffer.data(), buffer.size());
      if (n > 0)
        text->append(buffer.data(), static_cast<std::size_t>(n));
      else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        close_fd(*fd);
    }
  }
  close_fd(in);
  close_fd(out);
  close_fd(err);
}

// Runs git in `dir` with `args`, giving it `input` on stdin. The options before the command
// keep git to plain reading: pathspecs are literal, no optional locks are taken (nothing of
// .git is written), the file-system monitor (a program the configuration may name) is off.
GitRun run_git(const fs::path& dir, const std::vector<std::string>& args,
               std::string_view input = {}) {
  std::vector<std::string> words{"git",
                                 "-C",
                                 dir.string(),
                                 "--literal-pathspecs",
                                 "--no-optional-locks",
                                 "-c",
                                 "core.fsmonitor=false"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  std::vector<std::string> environment_text;
  for (char** entry = environ; entry && *entry; ++entry)
    if (!std::string_view(*entry).starts_with("GIT_TERMINAL_PROMPT="))
      environment_text.emplace_back(*entry);
  environment_text.emplace_back("GIT_TERMINAL_PROMPT=0");  // never ask for a password
  std::vector<char*> envp;
  for (std::string& entry : environment_text) envp.push_back(entry.data());
  envp.push_back(nullptr);

  GitRun run;
  std::array<int, 2> in{-1, -1}, out{-1, -1}, err{-1, -1};
  if (::pipe2(in.data(), O_CLOEXEC) != 0 || ::pipe2(out.data(), O_CLOEXEC) != 0 ||
      ::pipe2(err.data(), O_CLOEXEC) != 0) {
    for (int* fd : {&in[0], &in[1], &out[0], &out[1], &err[0], &err[1]}) close_fd(*fd);
    run.err = std::strerror(errno);
    return run;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  const SigpipeBlock block;
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close_fd(in[0]);
  close_fd(out[1]);
  close_fd(err[1]);
  if (spawned != 0) {
    for (int* fd : {&in[1], &out[0], &err[0]}) close_fd(*fd);
    run.err = std::strerror(spawned);
    return run;
  }
  run.started = true;
  exchange(in[1], out[0], err[0], input, run);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// git's message, without the trailing newline, for GitError::detail.
std::string message_of(const GitRun& run) {
  std::string text = run.err;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

bool failed(const GitRun& run, GitError& error) {
  if (!run.started) {
    error = {GitError::Kind::NoGit, run.err};
    return true;
  }
  if (run.status == 0) return false;
  error = {GitError::Kind::Failed, message_of(run)};
  return true;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// The NUL-separated fields of git's -z output.
std::vector<std::string_view> split_nul(std::string_view text) {
  std::vector<std::string_view> fields;
  while (!text.empty()) {
    const auto end = text.find('\0');
    fields.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return fields;
}

std::optional<std::size_t> parse_size(std::string_view text) {
  std::size_t size = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), size);
  if (problem != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return size;
}

bool is_hex_id(std::string_view text) {
  return (text.size() == 40 || text.size() == 64) &&
         text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Reads the raw output of diff-tree/diff-index -z: ":old new old-id new-id status\0path\0".
// A mode of 000000 means the side has no such file; an id of zeros on the new side is the
// working tree's (read from the disk).
std::vector<GitChange> parse_raw_diff(std::string_view text) {
  std::vector<GitChange> changes;
  const auto fields = split_nul(text);
  for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
    std::string_view head = fields[i];
    if (!head.starts_with(':')) break;
    head.remove_prefix(1);
    std::array<std::string_view, 5> parts{};
    for (std::string_view& part : parts) {
      const auto space = head.find(' ');
      part = head.substr(0, space);
      head = space == std::string_view::npos ? std::string_view() : head.substr(space + 1);
    }
    GitChange change;
    change.path = std::string(fields[i + 1]);
    if (parts[0] != "000000") change.old_mode = parts[0], change.old_object = parts[2];
    if (parts[1] != "000000") {
      change.new_mode = parts[1];
      if (parts[3].find_first_not_of('0') != std::string_view::npos) change.new_object = parts[3];
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace

bool is_regular_file_mode(std::string_view mode) {
  return mode == "100644" || mode == "100755";
}

bool is_revision_name(std::string_view revision) {
  if (revision.empty() || revision.size() > 200 || revision.front() == '-') return false;
  if (revision.find("..") != std::string_view::npos) return false;
  for (const char c : revision) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("._/-~^@{}+").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

std::optional<GitRepository> GitRepository::open(const fs::path& root, GitError& error) {
  const GitRun run = run_git(root, {"rev-parse", "--is-inside-work-tree"});
  if (!run.started) {
    error = {GitError::Kind::NoGit, run.err};
    return std::nullopt;
  }
  if (run.status != 0 || first_line(run.out) != "true") {
    error = {GitError::Kind::NotARepository, message_of(run)};
    return std::nullopt;
  }
  return GitRepository(root);
}

std::optional<std::string> GitRepository::resolve_commit(std::string_view revision,
                                                         GitError& error) const {
  if (!is_revision_name(revision)) {
    error = {GitError::Kind::BadRevisionName, std::string(revision)};
    return std::nullopt;
  }
  const GitRun run = run_git(root_, {"rev-parse", "--verify", "--quiet", "--end-of-options",
                                     std::string(revision) + "^{commit}"});
  if (!run.started) {
    error = {GitError::Kind::NoGit, run.err};
    return std::nullopt;
  }
  const std::string id = first_line(run.out);
  if (run.status != 0 || !is_hex_id(id)) {
    error = {GitError::Kind::UnknownRevision, std::string(revision)};
    return std::nullopt;
  }
  return id;
}

std::optional<std::string> GitRepository::main_branch(std::string_view name,
                                                      GitError& error) const {
  if (!name.empty()) {
    if (!resolve_commit(name, error)) return std::nullopt;
    return std::string(name);
  }
  for (std::string_view ref :
       {"refs/remotes/origin/HEAD", "refs/heads/main", "refs/remotes/origin/main",
        "refs/heads/master", "refs/remotes/origin/master"}) {
    const GitRun run =
        run_git(root_, {"rev-parse", "--verify", "--quiet", "--abbrev-ref", std::string(ref)});
    if (failed(run, error)) {
      if (error.kind == GitError::Kind::NoGit) return std::nullopt;
      continue;
    }
    const std::string shown = first_line(run.out);
    return shown.empty() ? std::string(ref) : shown;
  }
  error = {GitError::Kind::NoMainBranch, {}};
  return std::nullopt;
}

std::optional<std::string> GitRepository::merge_base(const std::string& a, const std::string& b,
                                                     GitError& error) const {
  const GitRun run = run_git(root_, {"merge-base", "--end-of-options", a, b});
  if (!run.started) {
    error = {GitError::Kind::NoGit, run.err};
    return std::nullopt;
  }
  const std::string id = first_line(run.out);
  if (run.status != 0 || !is_hex_id(id)) {
    error = {run.status == 1 ? GitError::Kind::NoMergeBase : GitError::Kind::Failed,
             message_of(run)};
    return std::nullopt;
  }
  return id;
}

std::optional<std::vector<GitChange>> GitRepository::changes(const std::string& from,
                                                             const std::optional<std::string>& to,
                                                             const std::vector<std::string>& dirs,
                                                             GitError& error) const {
  std::vector<std::string> args;
  if (to)
    args = {"diff-tree", "-r", "-z", "--no-renames", "--relative", from, *to, "--"};
  else
    args = {"diff-index", "-z", "--no-renames", "--relative", from, "--"};
  args.insert(args.end(), dirs.begin(), dirs.end());
  const GitRun run = run_git(root_, args);
  if (failed(run, error)) return std::nullopt;
  std::vector<GitChange> changes = parse_raw_diff(run.out);
  if (to) return changes;

  // Untracked files: new in the working tree (or, when the index no longer has them, a file the
  // old revision had, now only on the disk).
  std::vector<std::string> others{"ls-files", "-z", "--others", "--exclude-standard", "--"};
  others.insert(others.end(), dirs.begin(), dirs.end());
  const GitRun untracked = run_git(root_, others);
  if (failed(untracked, error)) return std::nullopt;
  for (std::string_view path : split_nul(untracked.out)) {
    if (path.empty()) continue;
    auto known = std::find_if(changes.begin(), changes.end(),
                              [&](const GitChange& change) { return change.path == path; });
    if (known == changes.end())
      known = changes.insert(changes.end(), GitChange{std::string(path), {}, {}, {}, {}});
    known->new_mode = "100644";
    known->new_object.clear();
  }
  return changes;
}

bool GitRepository::entry(const std::string& commit, const std::string& path,
                          std::optional<GitChange>& found, GitError& error) const {
  found.reset();
  const GitRun run = run_git(root_, {"ls-tree", "-z", commit, "--", path});
  if (failed(run, error)) return false;
  // "<mode> <type> <object>\t<path>"
  for (std::string_view line : split_nul(run.out)) {
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos || line.substr(tab + 1) != path) continue;
    const std::string_view head = line.substr(0, tab);
    const auto first = head.find(' '), last = head.rfind(' ');
    if (first == std::string_view::npos || last == first) continue;
    found = GitChange{
        path, {}, {}, std::string(head.substr(0, first)), std::string(head.substr(last + 1))};
    return true;
  }
  return true;
}

std::optional<std::vector<std::optional<std::string>>> GitRepository::read_blobs(
    const std::vector<std::string>& objects, std::size_t max_bytes, GitError& error) const {
  std::vector<std::optional<std::string>> blobs(objects.size());
  std::string request;
  for (const std::string& object : objects)
    if (is_hex_id(object)) request += object + '\n';
  if (request.empty()) return blobs;
  // 1. The sizes ("<id> blob <size>", or "<id> missing"), so that no large blob is read.
  const GitRun sizes = run_git(root_, {"cat-file", "--batch-check"}, request);
  if (failed(sizes, error)) return std::nullopt;
  std::string wanted;
  std::vector<std::size_t> wanted_index;
  std::string_view lines = sizes.out;
  for (std::size_t i = 0; i < objects.size() && !lines.empty(); ++i) {
    if (!is_hex_id(objects[i])) continue;
    const std::string_view line = lines.substr(0, lines.find('\n'));
    lines.remove_prefix(std::min(lines.size(), line.size() + 1));
    const auto last = line.rfind(' ');
    if (line.find(" blob ") == std::string_view::npos || last == std::string_view::npos) continue;
    const auto size = parse_size(line.substr(last + 1));
    if (!size || *size > max_bytes) continue;
    wanted += objects[i] + '\n';
    wanted_index.push_back(i);
  }
  if (wanted.empty()) return blobs;
  // 2. The contents: "<id> blob <size>\n<bytes>\n" for each.
  const GitRun contents = run_git(root_, {"cat-file", "--batch"}, wanted);
  if (failed(contents, error)) return std::nullopt;
  std::string_view rest = contents.out;
  for (std::size_t index : wanted_index) {
    const auto newline = rest.find('\n');
    if (newline == std::string_view::npos) break;
    const std::string_view header = rest.substr(0, newline);
    const auto last = header.rfind(' ');
    if (last == std::string_view::npos || header.find(" blob ") == std::string_view::npos) break;
    const auto size = parse_size(header.substr(last + 1));
    if (!size || rest.size() < newline + 1 + *size + 1) break;
    blobs[index] = std::string(rest.substr(newline + 1, *size));
    rest.remove_prefix(newline + 1 + *size + 1);
  }
  return blobs;
}

}  // namespace ccnt
