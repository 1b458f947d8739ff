# Project-wide warning flags, carried by the motcua::build_flags interface target.
add_library(motcua_build_flags INTERFACE)
add_library(motcua::build_flags ALIAS motcua_build_flags)
target_compile_options(motcua_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wswitch -Wimplicit-fallthrough
  # Designated initializers that rely on member defaults ({.text = "..."}) are our idiom for
  # query and record structs; GCC 12's -Wextra would flag every omitted member.
  -Wno-missing-field-initializers
  $<$<BOOL:${MOTCUA_WERROR}>:-Werror>)
target_compile_features(motcua_build_flags INTERFACE cxx_std_20)
target_compile_definitions(motcua_build_flags INTERFACE BOOST_ASIO_NO_DEPRECATED)
