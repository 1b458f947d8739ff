// What the portal answers to the catalogue pulls (docs/dvcqg.md §3.4): national procedures and
// agencies, from a small built-in list or from a file given by --catalog.
#pragma once

#include <optional>
#include <string>

#include <boost/json/array.hpp>

namespace motcua::sim::dvcqg {

struct Catalog {
    boost::json::array procedures;  ///< LayDanhSachTTHC's result.
    boost::json::array agencies;    ///< LayDanhMucCoQuan's result.
};

/// A few procedures and agencies of unit H40.
Catalog BuiltInCatalog();

/// Reads {"procedures": […], "agencies": […]} from `path`; an error message otherwise.
std::optional<std::string> LoadCatalog(const std::string& path, Catalog& catalog);

}  // namespace motcua::sim::dvcqg
