// The settings whose value is one of a fixed set, as enums with their names in the configuration
// (one table each, used to parse the value at start-up and to name it in error messages).
#pragma once

#include "common/name_table.hpp"
#include "domain/dossier/dossier_code.hpp"
#include "services/auth/credentials.hpp"

namespace motcua::app {

/// The storage backend `database` names: sqlite:PATH or postgresql://… (postgres:// too).
enum class DatabaseKind { kSqlite, kPostgres };

/// `log_level`: the least severe message logged.
enum class LogLevel { kTrace, kDebug, kInfo, kWarn, kError };

inline constexpr NameTable<LogLevel, 5> kLogLevelNames{{{LogLevel::kTrace, "trace"},
                                                        {LogLevel::kDebug, "debug"},
                                                        {LogLevel::kInfo, "info"},
                                                        {LogLevel::kWarn, "warn"},
                                                        {LogLevel::kError, "error"}}};

/// `password_hash_cost`: interactive, or minimum (tests only).
inline constexpr NameTable<services::HashCost, 2> kHashCostNames{
    {{services::HashCost::kInteractive, "interactive"},
     {services::HashCost::kMinimumForTest, "minimum"}}};

/// `dossier_code_format`: default ({agency}-{yyMMdd}-{NNNN}) or tt04 (TT 04/2025 form).
inline constexpr NameTable<domain::DossierCodeFormat, 2> kDossierCodeFormatNames{
    {{domain::DossierCodeFormat::kDefault, "default"}, {domain::DossierCodeFormat::kTt04, "tt04"}}};

}  // namespace motcua::app
