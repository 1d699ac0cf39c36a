#include "cli/app.hpp"

int main(int argc, char** argv) {
  return ccnt::cli::run(argc, argv);
}
