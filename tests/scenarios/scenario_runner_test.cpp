// Runs every tests/scenarios/calendar/**/*.test file as one parameterised gtest case against the
// default working calendar (1970–2100 with the published 2025/2026 decisions) and the default
// office hours. A mismatch is reported at "file:line" of the command. Format: README.md.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/calendar/deadline.hpp"
#include "domain/calendar/published_schedules.hpp"
#include "scenarios/scenario_file.hpp"

namespace motcua::scenarios {
namespace {

namespace cal = motcua::domain::calendar;
using motcua::domain::TimeUnit;
using std::chrono::minutes;

const std::filesystem::path kRoot = MOTCUA_SCENARIOS_DIR;

const cal::WorkingCalendar& Calendar() {
    static const cal::WorkingCalendar calendar = cal::DefaultWorkingCalendar();
    return calendar;
}

const cal::OfficeHours& Hours() {
    static const cal::OfficeHours hours = cal::OfficeHours::Default();
    return hours;
}

// The outcome of one command: output lines, or why the command itself is malformed.
struct Result {
    std::vector<std::string> lines;
    std::string error;
};

bool IsDigits(const std::string& text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Arguments {
public:
    explicit Arguments(const ScenarioRecord& record) : record_(record) {}

    const std::string* Find(const std::string& key) {
        used_.push_back(key);
        const auto it = record_.arguments.find(key);
        return it == record_.arguments.end() ? nullptr : &it->second;
    }
    std::string Require(const std::string& key) {
        const std::string* value = Find(key);
        if (value == nullptr) {
            error_ = error_.empty() ? "missing argument '" + key + "'" : error_;
            return "";
        }
        return *value;
    }
    void Fail(const std::string& message) { error_ = error_.empty() ? message : error_; }
    // Returns the first error, including arguments that no one read.
    std::string Error() const {
        for (const auto& [key, value] : record_.arguments) {
            if (std::find(used_.begin(), used_.end(), key) == used_.end()) {
                return error_.empty() ? "unknown argument '" + key + "'" : error_;
            }
        }
        return error_;
    }

private:
    const ScenarioRecord& record_;
    std::vector<std::string> used_;
    std::string error_;
};

cal::LocalDateTime DateTime(Arguments& args, const std::string& key) {
    const auto parsed = cal::ParseLocalDateTime(args.Require(key));
    if (!parsed) {
        args.Fail("'" + key + "' is not YYYY-MM-DDTHH:MM");
        return {};
    }
    return parsed.Value();
}

std::optional<minutes> OptionalTime(Arguments& args, const std::string& key) {
    const std::string* text = args.Find(key);
    if (text == nullptr) {
        return std::nullopt;
    }
    const auto parsed = cal::ParseTimeOfDay(*text);
    if (!parsed) {
        args.Fail("'" + key + "' is not HH:MM");
        return std::nullopt;
    }
    return parsed.Value();
}

TimeUnit Unit(Arguments& args) {
    const std::string text = args.Require("unit");
    if (text == "working_hours") {
        return TimeUnit::kWorkingHours;
    }
    if (text == "calendar_days") {
        return TimeUnit::kCalendarDays;
    }
    if (text != "working_days") {
        args.Fail("unit is working_days, working_hours or calendar_days");
    }
    return TimeUnit::kWorkingDays;
}

int Amount(Arguments& args) {
    const std::string text = args.Require("amount");
    if (!IsDigits(text)) {
        args.Fail("amount is a non-negative integer");
        return 0;
    }
    return std::stoi(text);
}

// due / pause share: received, amount, unit, optional cutoff and counts_start_day_before.
cal::LocalDateTime ComputeDue(Arguments& args) {
    const cal::LocalDateTime received = DateTime(args, "received");
    const int amount = Amount(args);
    const TimeUnit unit = Unit(args);
    const auto cutoff = OptionalTime(args, "cutoff");
    const cal::DeadlinePolicy policy{OptionalTime(args, "counts_start_day_before")};
    const cal::LocalDateTime start = cal::StartOfCounting(received, Hours(), Calendar(), cutoff);
    return cal::DueAt(start, amount, unit, Hours(), Calendar(), policy);
}

Result Execute(const ScenarioRecord& record) {
    Arguments args(record);
    Result result;
    if (record.command == "start") {
        const cal::LocalDateTime received = DateTime(args, "received");
        const auto cutoff = OptionalTime(args, "cutoff");
        result.lines = {
            cal::FormatLocalDateTime(cal::StartOfCounting(received, Hours(), Calendar(), cutoff))};
    } else if (record.command == "due") {
        result.lines = {cal::FormatLocalDateTime(ComputeDue(args))};
    } else if (record.command == "pause") {
        const cal::LocalDateTime due = ComputeDue(args);
        const cal::LocalDateTime paused = DateTime(args, "paused");
        const cal::LocalDateTime resumed = DateTime(args, "resumed");
        const auto shifted = cal::ShiftForPause(due, paused, resumed, Hours(), Calendar());
        result.lines = {shifted ? cal::FormatLocalDateTime(shifted.Value())
                                : "error " + shifted.GetError().param};
    } else if (record.command == "working") {
        const auto day = cal::ParseIsoDate(args.Require("day"));
        if (!day) {
            args.Fail("'day' is not YYYY-MM-DD");
        } else {
            result.lines = {Calendar().IsWorkingDay(day.Value()) ? "true" : "false"};
        }
    } else if (record.command == "exceptions") {
        const std::string year = args.Require("year");
        if (year.size() != 4 || !IsDigits(year)) {
            args.Fail("'year' is YYYY");
        } else {
            for (const cal::CalendarDay& day : Calendar().ExceptionsIn(std::stoi(year))) {
                result.lines.push_back(cal::FormatIsoDate(day.date) +
                                       (day.working ? " working " : " off ") + day.source);
            }
        }
    } else {
        args.Fail("unknown command '" + record.command + "'");
    }
    result.error = args.Error();
    return result;
}

std::string Joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += "\n    " + line;
    }
    return out.empty() ? "\n    (nothing)" : out;
}

std::vector<std::string> FindScenarioFiles() {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot / "calendar")) {
        if (entry.is_regular_file() && entry.path().extension() == ".test") {
            files.push_back(std::filesystem::relative(entry.path(), kRoot.parent_path()).string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

class CalendarScenario : public testing::TestWithParam<std::string> {};

TEST_P(CalendarScenario, MatchesExpectedOutput) {
    const std::string relative = GetParam();  // e.g. tests/scenarios/calendar/x.test
    const std::filesystem::path path = kRoot.parent_path() / relative;
    const std::string where = path.string();
    std::ifstream in(path);
    ASSERT_TRUE(in) << "cannot read " << where;
    std::stringstream text;
    text << in.rdbuf();
    const ScenarioFile file = ParseScenario(text.str());
    if (!file.error.empty()) {
        ADD_FAILURE_AT(where.c_str(), file.error_line) << file.error;
        return;
    }
    EXPECT_EQ("tests/" + relative, file.name) << where << ": '# name:' must be the file's path";
    EXPECT_FALSE(file.description.empty()) << where << ": '# description:' is missing";
    for (const ScenarioRecord& record : file.records) {
        const Result result = Execute(record);
        if (!result.error.empty()) {
            ADD_FAILURE_AT(where.c_str(), record.line) << result.error;
        } else if (result.lines != record.expected) {
            ADD_FAILURE_AT(where.c_str(), record.line)
                << record.command << ": expected" << Joined(record.expected) << "\n  actual"
                << Joined(result.lines);
        }
    }
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
    std::string name = std::filesystem::path(info.param).stem().string();
    std::replace_if(
        name.begin(), name.end(),
        [](char c) {
            return !(IsDigits(std::string(1, c)) || (c >= 'a' && c <= 'z') ||
                     (c >= 'A' && c <= 'Z'));
        },
        '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Files, CalendarScenario, testing::ValuesIn(FindScenarioFiles()), TestName);

TEST(CalendarScenarioFiles, AtLeastTwentyFilesAreFound) {
    EXPECT_GE(FindScenarioFiles().size(), 20u);
}

TEST(ScenarioParser, ReportsTheLineOfAMalformedRecord) {
    const ScenarioFile file = ParseScenario("# name: x\n\nworking day=2025-01-01\nfalse\n");
    EXPECT_EQ(file.error_line, 3);
    EXPECT_FALSE(file.error.empty());
}

TEST(ScenarioRunner, FlagsUnknownCommandsAndArguments) {
    ScenarioRecord record;
    record.command = "working";
    record.arguments = {{"day", "2025-01-01"}, {"colour", "red"}};
    EXPECT_EQ(Execute(record).error, "unknown argument 'colour'");
    record.command = "holiday";
    EXPECT_EQ(Execute(record).error, "unknown command 'holiday'");
}

}  // namespace
}  // namespace motcua::scenarios
