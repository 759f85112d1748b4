#pragma once
// A one-line progress bar on standard error, drawn only when standard error is a terminal (a
// log file or a pipe gets no carriage returns). Redraws at most ten times a second.
// Thread-safety: the CLI's main thread.

#include <chrono>
#include <string>

namespace app::cli {

class TerminalProgress {
public:
    TerminalProgress();
    bool enabled() const { return m_enabled; }

    // "[#########           ] 2/5  <label>": `done` whole items of `total` plus the current
    // item's `fraction` (0..1). `total` 0: a task before the items, the bar shows `fraction`.
    void update(int done, int total, double fraction, const std::string& label);
    // Erases the bar, so that a message can be printed on a clean line.
    void clear();

private:
    bool m_enabled = false;
    bool m_shown = false;
    std::chrono::steady_clock::time_point m_lastDraw;
};

}  // namespace app::cli
