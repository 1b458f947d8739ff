#include "domain/calendar/lunar_calendar.hpp"

#include <array>
#include <cmath>

#include "common/assert.hpp"

namespace motcua::domain::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr double kPi = 3.14159265358979323846;
constexpr double kSynodicMonth = 29.530588861;      // Mean synodic month, days (Meeus 49.1).
constexpr double kNewMoonEpochJde = 2451550.09766;  // Mean new moon k = 0 (2000-01-06).
constexpr double kJ2000 = 2451545.0;
constexpr double kUnixEpochJd = 2440587.5;     // Julian Day of 1970-01-01 00:00 UT.
constexpr double kUtcOffsetDays = 7.0 / 24.0;  // The calendar is computed for UTC+7.

double SinDeg(double degrees) { return std::sin(degrees * kPi / 180.0); }

// ΔT = TT − UT in seconds: the polynomial fits of Espenak & Meeus (NASA, 2006) for 1900–2150,
// with the long-term parabola beyond. An error of a minute moves no month start in 1970–2100.
double DeltaTSeconds(double year) {
    if (year < 1920.0) {
        const double t = year - 1900.0;
        return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
               0.000197 * t * t * t * t;
    }
    if (year < 1941.0) {
        const double t = year - 1920.0;
        return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    }
    if (year < 1961.0) {
        const double t = year - 1950.0;
        return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
    }
    if (year < 1986.0) {
        const double t = year - 1975.0;
        return 45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0;
    }
    if (year < 2005.0) {
        const double t = year - 2000.0;
        return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
               0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
    }
    if (year < 2050.0) {
        const double t = year - 2000.0;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    const double u = (year - 1820.0) / 100.0;
    if (year < 2150.0) {
        return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - year);
    }
    return -20.0 + 32.0 * u * u;
}

double DeltaTDays(double jd) { return DeltaTSeconds(2000.0 + (jd - kJ2000) / 365.25) / 86400.0; }

// Julian Ephemeris Day (TT) of true new moon number k, k = 0 being 2000-01-06
// (Meeus, Astronomical Algorithms, 2nd ed., ch. 49: periodic and planetary terms).
double NewMoonJde(int k) {
    const double kk = k;
    const double t = kk / 1236.85;
    const double t2 = t * t;
    const double t3 = t2 * t;
    const double t4 = t3 * t;
    double jde = kNewMoonEpochJde + kSynodicMonth * kk + 0.00015437 * t2 - 0.000000150 * t3 +
                 0.00000000073 * t4;
    const double e = 1.0 - 0.002516 * t - 0.0000074 * t2;
    const double m = 2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3;
    const double mp =
        201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
    const double f =
        160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
    const double omega = 124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3;
    jde +=
        -0.40720 * SinDeg(mp) + 0.17241 * e * SinDeg(m) + 0.01608 * SinDeg(2 * mp) +
        0.01039 * SinDeg(2 * f) + 0.00739 * e * SinDeg(mp - m) - 0.00514 * e * SinDeg(mp + m) +
        0.00208 * e * e * SinDeg(2 * m) - 0.00111 * SinDeg(mp - 2 * f) -
        0.00057 * SinDeg(mp + 2 * f) + 0.00056 * e * SinDeg(2 * mp + m) - 0.00042 * SinDeg(3 * mp) +
        0.00042 * e * SinDeg(m + 2 * f) + 0.00038 * e * SinDeg(m - 2 * f) -
        0.00024 * e * SinDeg(2 * mp - m) - 0.00017 * SinDeg(omega) - 0.00007 * SinDeg(mp + 2 * m) +
        0.00004 * SinDeg(2 * mp - 2 * f) + 0.00004 * SinDeg(3 * m) +
        0.00003 * SinDeg(mp + m - 2 * f) + 0.00003 * SinDeg(2 * mp + 2 * f) -
        0.00003 * SinDeg(mp + m + 2 * f) + 0.00003 * SinDeg(mp - m + 2 * f) -
        0.00002 * SinDeg(mp - m - 2 * f) - 0.00002 * SinDeg(3 * mp + m) + 0.00002 * SinDeg(4 * mp);
    // Planetary arguments A1..A14 and their coefficients.
    static constexpr std::array<std::array<double, 3>, 14> kPlanetary = {{
        {299.77, 0.107408, 0.000325},
        {251.88, 0.016321, 0.000165},
        {251.83, 26.651886, 0.000164},
        {349.42, 36.412478, 0.000126},
        {84.66, 18.206239, 0.000110},
        {141.74, 53.303771, 0.000062},
        {207.14, 2.453732, 0.000060},
        {154.84, 7.306860, 0.000056},
        {34.52, 27.261239, 0.000047},
        {207.19, 0.121824, 0.000042},
        {291.34, 1.844379, 0.000040},
        {161.72, 24.198154, 0.000037},
        {239.56, 25.513099, 0.000035},
        {331.55, 3.592518, 0.000023},
    }};
    for (std::size_t i = 0; i < kPlanetary.size(); ++i) {
        double argument = kPlanetary[i][0] + kPlanetary[i][1] * kk;
        if (i == 0) {
            argument -= 0.009173 * t2;
        }
        jde += kPlanetary[i][2] * SinDeg(argument);
    }
    return jde;
}

// The civil day in Vietnam (UTC+7) on which new moon k happens.
sys_days NewMoonDay(int k) {
    const double jde = NewMoonJde(k);
    const double local = jde - DeltaTDays(jde) - kUnixEpochJd + kUtcOffsetDays;
    return sys_days{days{static_cast<int>(std::floor(local))}};
}

// Apparent geocentric longitude of the Sun in degrees [0, 360) at a Julian Ephemeris Day
// (Meeus ch. 25, low accuracy: 0.01°, i.e. about 15 minutes of the Sun's motion).
double SunLongitude(double jde) {
    const double t = (jde - kJ2000) / 36525.0;
    const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
    const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * SinDeg(m) +
                     (0.019993 - 0.000101 * t) * SinDeg(2 * m) + 0.000289 * SinDeg(3 * m);
    const double omega = 125.04 - 1934.136 * t;
    const double apparent = l0 + c - 0.00569 - 0.00478 * SinDeg(omega);
    return apparent - 360.0 * std::floor(apparent / 360.0);
}

// Which 30° sector (0 = 0°..30°, 9 = 270°..300°) the Sun is in at 00:00 local time of `day`.
// A month whose first day and next month's first day share a sector has no major term.
int MajorTermSector(sys_days day) {
    const double jd =
        static_cast<double>(day.time_since_epoch().count()) + kUnixEpochJd - kUtcOffsetDays;
    return static_cast<int>(SunLongitude(jd + DeltaTDays(jd)) / 30.0);
}

// The number of the last new moon whose local day is on or before `day`.
int NewMoonOnOrBefore(sys_days day) {
    const double jd = static_cast<double>(day.time_since_epoch().count()) + kUnixEpochJd;
    int k = static_cast<int>(std::floor((jd - kNewMoonEpochJde) / kSynodicMonth));
    while (NewMoonDay(k + 1) <= day) {
        ++k;
    }
    while (NewMoonDay(k) > day) {
        --k;
    }
    return k;
}

// The new moon that starts lunar month 11 of civil year `year`: the month containing the
// winter solstice (the Sun reaches 270° on or after its first day).
int Month11NewMoon(int year) {
    const int k = NewMoonOnOrBefore(sys_days{std::chrono::year{year} / 12 / 31});
    return MajorTermSector(NewMoonDay(k)) >= 9 ? k - 1 : k;
}

// The lunar months from month 11 of civil year `year - 1` up to (excluding) month 11 of
// `year`: 12 months, or 13 with one leap month.
struct LunarCycle {
    int year = 0;
    int month_count = 0;
    int leap_offset = -1;             // Index of the leap month, or -1.
    std::array<sys_days, 14> starts;  // starts[month_count] is the next month 11.
};

LunarCycle BuildCycle(int year) {
    LunarCycle cycle;
    cycle.year = year;
    const int first = Month11NewMoon(year - 1);
    cycle.month_count = Month11NewMoon(year) - first;
    MOTCUA_ASSERT(cycle.month_count == 12 || cycle.month_count == 13,
                  "a year between two winter solstices has 12 or 13 lunations");
    for (int i = 0; i <= cycle.month_count; ++i) {
        cycle.starts[static_cast<std::size_t>(i)] = NewMoonDay(first + i);
    }
    if (cycle.month_count == 13) {
        // The first month after month 11 without a major term is the leap month.
        for (int i = 1; i < 13; ++i) {
            if (MajorTermSector(cycle.starts[static_cast<std::size_t>(i)]) ==
                MajorTermSector(cycle.starts[static_cast<std::size_t>(i) + 1])) {
                cycle.leap_offset = i;
                break;
            }
        }
        MOTCUA_ASSERT(cycle.leap_offset > 0, "a 13-month year has a month without major term");
    }
    return cycle;
}

struct MonthLabel {
    int number = 0;
    bool leap = false;
};

// Offset 0 is month 11, 1 is month 12, 2 is month 1, …; a leap month repeats the previous number.
MonthLabel LabelOf(const LunarCycle& cycle, int offset) {
    if (cycle.leap_offset < 0 || offset < cycle.leap_offset) {
        return {(offset + 10) % 12 + 1, false};
    }
    if (offset == cycle.leap_offset) {
        return {(offset + 9) % 12 + 1, true};
    }
    return {(offset + 9) % 12 + 1, false};
}

// Months 11 and 12 at the start of a cycle belong to the previous lunar year.
int LunarYearOf(const LunarCycle& cycle, int offset) {
    return LabelOf(cycle, offset).number >= 11 && offset < 3 ? cycle.year - 1 : cycle.year;
}

Error InvalidLunarDate(std::string detail) {
    return MakeError(ErrorKind::kInvalid, "invalid_lunar_date", "lunar_date", std::move(detail));
}

}  // namespace

LunarDate ToLunar(year_month_day date) {
    const sys_days day{date};
    LunarCycle cycle = BuildCycle(static_cast<int>(date.year()));
    if (day >= cycle.starts[static_cast<std::size_t>(cycle.month_count)]) {
        cycle = BuildCycle(cycle.year + 1);
    }
    int offset = cycle.month_count - 1;
    while (cycle.starts[static_cast<std::size_t>(offset)] > day) {
        --offset;
    }
    const MonthLabel label = LabelOf(cycle, offset);
    return LunarDate{
        LunarYearOf(cycle, offset), label.number,
        static_cast<int>((day - cycle.starts[static_cast<std::size_t>(offset)]).count()) + 1,
        label.leap};
}

Outcome<year_month_day> FromLunar(int year, int month, int day, bool leap) {
    if (year < kMinLunarYear || year > kMaxLunarYear) {
        return InvalidLunarDate("lunar year outside 1900..2199");
    }
    if (month < 1 || month > 12 || day < 1 || day > 30) {
        return InvalidLunarDate("lunar month is 1..12 and day 1..30");
    }
    const LunarCycle cycle = BuildCycle(month >= 11 ? year + 1 : year);
    for (int offset = 0; offset < cycle.month_count; ++offset) {
        const MonthLabel label = LabelOf(cycle, offset);
        if (label.number != month || label.leap != leap || LunarYearOf(cycle, offset) != year) {
            continue;
        }
        const auto start = cycle.starts[static_cast<std::size_t>(offset)];
        const auto length = (cycle.starts[static_cast<std::size_t>(offset) + 1] - start).count();
        if (day > length) {
            return InvalidLunarDate("this lunar month has 29 days");
        }
        return year_month_day{start + days{day - 1}};
    }
    return InvalidLunarDate("this lunar year has no such leap month");
}

year_month_day LunarNewYear(int year) {
    MOTCUA_ASSERT(year >= kMinLunarYear && year <= kMaxLunarYear,
                  "callers keep lunar years inside the supported range");
    const LunarCycle cycle = BuildCycle(year);
    for (int offset = 0; offset < cycle.month_count; ++offset) {
        const MonthLabel label = LabelOf(cycle, offset);
        if (label.number == 1 && !label.leap) {
            return year_month_day{cycle.starts[static_cast<std::size_t>(offset)]};
        }
    }
    MOTCUA_ASSERT(false, "every lunar cycle has a month 1");
    return {};
}

}  // namespace motcua::domain::calendar
