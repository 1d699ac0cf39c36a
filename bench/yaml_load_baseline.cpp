// Benchmark baseline: parse every .yaml file below a directory with yaml-cpp's
// YAML::Load on all cores, doing nothing else. ccnt's cold `validate` is
// compared against this (see docs/performance.md).
//
// Usage: yaml_load_baseline DIR [THREADS]   (THREADS default: one per core)
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [THREADS]\n", argv[0]);
    return 2;
  }
  unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2]))
                              : std::max(1u, std::thread::hardware_concurrency());
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1]))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> maps{0};
  std::atomic<std::size_t> failed{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      std::ifstream in(files[i], std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      try {
        const YAML::Node node = YAML::Load(buffer.str());
        if (node.IsMap()) ++maps;
      } catch (const YAML::Exception&) {
        ++failed;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  std::printf("parsed %zu files (%zu mappings, %zu failed) on %u threads\n", files.size(),
              maps.load(), failed.load(), threads);
  return failed ? 1 : 0;
}
