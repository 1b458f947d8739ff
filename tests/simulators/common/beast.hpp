// Asio and Beast for the two translation units of the simulators that speak HTTP on the wire
// (server.cpp listens, http_call.cpp calls out), and the short names they use. Included by those
// .cpp files only: the rest stays free of Asio and Beast.
#pragma once

// GCC 12 at -O2 (CMakeLists.txt) takes a boost::optional in Beast's parser (basic_parser.hpp,
// do_field) for maybe-uninitialized: a false positive in inlined Boost code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace motcua::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

}  // namespace motcua::sim
