# MOTCUA_SANITIZE="address;undefined" (the debug preset) or "thread". Never combine thread with address.
if(MOTCUA_SANITIZE)
  if("thread" IN_LIST MOTCUA_SANITIZE AND "address" IN_LIST MOTCUA_SANITIZE)
    message(FATAL_ERROR "MOTCUA_SANITIZE: thread cannot be combined with address")
  endif()
  list(JOIN MOTCUA_SANITIZE "," _motcua_san)
  add_compile_options(-fsanitize=${_motcua_san} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${_motcua_san})
endif()
