// Running independent pieces of work on several threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace ccnt {

// The threads to use for `work_items` pieces of work when asked for `jobs` (0: one per core):
// never more than there are pieces, at least one.
inline unsigned thread_count(unsigned jobs, std::size_t work_items) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, work_items)));
}

// Runs work(i) for every i in [0, count) on `jobs` threads (0: one per core), the calling one
// included; each i is taken by the next free thread, so the order of the calls is not fixed.
template <typename Work>
void parallel_for(std::size_t count, unsigned jobs, const Work& work) {
  jobs = thread_count(jobs, count);
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(run);
  run();
  for (std::thread& thread : threads) thread.join();
}

}  // namespace ccnt
