#include "scenarios/scenario_file.hpp"

#include <sstream>

namespace motcua::scenarios {
namespace {

std::string Trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) {
        return "";
    }
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

bool ReadHeader(const std::string& line, const std::string& key, std::string& out) {
    const std::string prefix = "# " + key + ":";
    if (line.rfind(prefix, 0) != 0) {
        return false;
    }
    out = Trim(line.substr(prefix.size()));
    return true;
}

}  // namespace

ScenarioFile ParseScenario(const std::string& text) {
    ScenarioFile file;
    std::istringstream in(text);
    std::string raw;
    int line_number = 0;
    ScenarioRecord* open = nullptr;  // Record whose expected block is being read.
    bool awaiting_separator = false;
    const auto fail = [&](int line, std::string message) {
        if (file.error.empty()) {
            file.error = std::move(message);
            file.error_line = line;
        }
    };
    while (std::getline(in, raw)) {
        ++line_number;
        const std::string line = Trim(raw);
        if (open != nullptr) {
            if (line.empty()) {
                open = nullptr;
            } else {
                open->expected.push_back(line);
            }
            continue;
        }
        if (line.empty()) {
            continue;
        }
        if (line[0] == '#') {
            const bool known = ReadHeader(line, "name", file.name) ||
                               ReadHeader(line, "description", file.description) ||
                               ReadHeader(line, "group", file.group);
            static_cast<void>(known);  // Other comment lines are free text.
            continue;
        }
        if (line == "----") {
            if (!awaiting_separator) {
                fail(line_number, "'----' without a command before it");
                continue;
            }
            open = &file.records.back();
            awaiting_separator = false;
            continue;
        }
        if (awaiting_separator) {
            fail(file.records.back().line, "command without '----' and an expected result");
        }
        ScenarioRecord record;
        record.line = line_number;
        std::istringstream words(line);
        words >> record.command;
        for (std::string word; words >> word;) {
            const auto equals = word.find('=');
            if (equals == std::string::npos || equals == 0) {
                fail(line_number, "argument '" + word + "' is not key=value");
                continue;
            }
            record.arguments[word.substr(0, equals)] = word.substr(equals + 1);
        }
        file.records.push_back(std::move(record));
        awaiting_separator = true;
    }
    if (awaiting_separator) {
        fail(file.records.back().line, "command without '----' and an expected result");
    }
    if (file.records.empty()) {
        fail(1, "no records");
    }
    return file;
}

}  // namespace motcua::scenarios
