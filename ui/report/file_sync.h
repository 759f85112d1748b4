#pragma once
// Forcing written data to the disk. QFile::flush() only hands data to the kernel; a report or
// an audit line must survive a power cut too.
// Thread-safety: re-entrant (the file belongs to the caller).

class QFile;

namespace ui {

// Flushes `file` and waits until the operating system has it on the disk (fsync / _commit).
bool syncFileToDisk(QFile& file);

}  // namespace ui
