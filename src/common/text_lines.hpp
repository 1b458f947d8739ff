// The lines of an embedded text file (message catalogues, word lists): split at '\n', a
// trailing '\r' dropped, so that files saved with Windows line ends read the same.
#pragma once

#include <string_view>
#include <vector>

namespace motcua {

/// Returns the lines of `text`, without their line ends; a final line end adds no empty line.
std::vector<std::string_view> SplitLines(std::string_view text);

}  // namespace motcua
