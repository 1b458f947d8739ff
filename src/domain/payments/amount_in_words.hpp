// An amount of đồng in Vietnamese words, as a receipt writes it under the figure ("Bằng chữ:
// Năm mươi tám nghìn đồng"). Groups of three digits read with trăm, mươi, linh, mốt and lăm as
// accounting documents do; a group of zeros is left out.
#pragma once

#include <cstdint>
#include <string>

namespace motcua::domain {

/// The largest amount read (just under a million tỷ); larger ones are written in digits.
inline constexpr std::int64_t kMaxAmountInWords = 999'999'999'999'999;

/// "Năm mươi tám nghìn đồng" for 58000; "Không đồng" for 0. Negative amounts and amounts over
/// kMaxAmountInWords come back as their digits followed by " đồng".
std::string AmountInWords(std::int64_t amount);

}  // namespace motcua::domain
