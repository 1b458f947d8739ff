// Renders one page of catalogue results as {"items": [...], "next_cursor", "total"}.
#pragma once

#include <boost/json.hpp>

#include "services/catalog/catalog_service.hpp"

namespace motcua::api::catalog {

template <typename RenderItem>
boost::json::object PageJson(const services::CatalogPage& page, RenderItem render_item) {
    boost::json::array items;
    for (const auto position : page.items) {
        items.push_back(render_item(*page.snapshot, position));
    }
    return {{"items", std::move(items)},
            {"next_cursor", page.next_cursor.empty() ? boost::json::value(nullptr)
                                                     : boost::json::value(page.next_cursor)},
            {"total", page.total}};
}

}  // namespace motcua::api::catalog
