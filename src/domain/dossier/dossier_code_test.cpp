#include "domain/dossier/dossier_code.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

TEST(DossierCode, DefaultFormatPadsTheDailySequenceToFourDigitsAndGrows) {
    const std::chrono::year_month_day date{year{2025}, month{3}, day{2}};
    EXPECT_EQ(FormatDossierCode("H32.22333.01", date, 7, DossierCodeFormat::kDefault),
              "H32.22333.01-250302-0007");
    EXPECT_EQ(FormatDossierCode("000.00.53.H48", date, 12345, DossierCodeFormat::kDefault),
              "000.00.53.H48-250302-12345");
}

TEST(DossierCode, Tt04FormatInsertsTheSystemDigits) {
    const std::chrono::year_month_day date{year{2026}, month{1}, day{25}};
    EXPECT_EQ(FormatDossierCode("H32.02", date, 1, DossierCodeFormat::kTt04, "38"),
              "H32.02-260125-380001");
}

}  // namespace
}  // namespace motcua::domain
