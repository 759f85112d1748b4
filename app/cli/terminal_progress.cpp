#include "terminal_progress.h"

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace app::cli {
namespace {

constexpr int kBarWidth = 24;
constexpr std::size_t kLabelWidth = 48;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

}  // namespace

TerminalProgress::TerminalProgress() : m_enabled(::isatty(STDERR_FILENO) == 1) {}

void TerminalProgress::update(int done, int total, double fraction, const std::string& label) {
    const auto now = std::chrono::steady_clock::now();
    if (!m_enabled || (m_shown && now - m_lastDraw < kRedrawInterval)) {
        return;
    }
    m_lastDraw = now;
    const double part = std::clamp(fraction, 0.0, 1.0);
    const double overall = total > 0 ? std::clamp((done + part) / total, 0.0, 1.0) : part;
    const int filled = int(overall * kBarWidth + 0.5);
    const std::string count =
        total > 0 ? std::to_string(std::min(done + 1, total)) + "/" + std::to_string(total) + "  "
                  : std::string();
    std::string line = "\r[" + std::string(std::size_t(filled), '#') +
                       std::string(std::size_t(kBarWidth - filled), ' ') + "] " + count +
                       label.substr(0, kLabelWidth);
    line.resize(std::max(line.size(), kLabelWidth + 40), ' ');  // covers a longer earlier line
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    m_shown = true;
}

void TerminalProgress::clear() {
    if (!m_shown) {
        return;
    }
    std::fputs(("\r" + std::string(kLabelWidth + 40, ' ') + "\r").c_str(), stderr);
    std::fflush(stderr);
    m_shown = false;
}

}  // namespace app::cli
