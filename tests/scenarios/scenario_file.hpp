// A scenario file: declarative calendar and deadline checks, one command line and its expected
// output per record (format: tests/scenarios/README.md). Parsing is separate from running so
// that the runner reports failures at "file:line".
#pragma once

#include <map>
#include <string>
#include <vector>

namespace motcua::scenarios {

/// One command with its key=value arguments and the expected output lines.
struct ScenarioRecord {
    int line = 0;  // Line of the command in the file (1-based).
    std::string command;
    std::map<std::string, std::string> arguments;
    std::vector<std::string> expected;
};

/// A parsed file: header fields and records, or the first syntax error.
struct ScenarioFile {
    std::string name;
    std::string description;
    std::string group;
    std::vector<ScenarioRecord> records;
    std::string error;  // Empty when the file parsed.
    int error_line = 0;
};

/// Parses the text of one scenario file.
ScenarioFile ParseScenario(const std::string& text);

}  // namespace motcua::scenarios
