#!/usr/bin/env bash
# Checks the dependency rule (docs/conventions.md rule 1) on #include lines, beside the CMake DEPS:
# each src/ folder may include only the folders its arrows allow, and heavy headers stay where
# they belong (Asio/Beast in api/server and the connectors' HTTP client, CLI11 in main.cpp and the commands, app/commands/).
set -euo pipefail
cd "$(dirname "$0")/../src"
status=0
check() {  # check FOLDER ALLOWED-REGEX: every project include in FOLDER must match ALLOWED.
  local folder=$1 allowed=$2
  [ -d "$folder" ] || return 0  # A layer with no code yet (git keeps no empty folder).
  while IFS= read -r line; do
    echo "layer violation: $line (allowed: $allowed)"; status=1
  done < <(grep -rnE '#include "[a-z_]+/' "$folder" | grep -vE "#include \"($allowed)/" \
             | grep -vE '_test\.cpp:[0-9]+:#include "support/' || true)
}
check common     'common'
check domain     'common|domain'
check reporting  'common|domain|reporting'
check interchange 'common|domain|interchange'
check signing    'common|signing'
check storage    'common|domain|interchange|storage'
check services   'common|domain|reporting|interchange|storage|signing|services'
check connectors 'common|domain|interchange|services|connectors'
check api        'common|domain|interchange|services|api'
# The renderers (reporting/render/: the monthly report, the dossier forms) sit above the
# indicator engine: the engine never includes them (and, as reporting, they include no service).
if grep -rnE '#include "reporting/render/' reporting --include='*.cpp' --include='*.hpp' \
     | grep -v '^reporting/render/'; then
  echo "layer violation: the indicator engine includes a renderer"; status=1
fi
# services see storage interfaces only, never a backend folder.
if grep -rnE '#include "storage/(sqlite|postgres)/' services api; then status=1; fi
# Heavy headers stay in their one translation unit.
# The connectors' HTTP client (and its test server) is the one other place: it speaks to the
# national systems.
if grep -rlE '#include <boost/(asio|beast/core|beast/http\.hpp)' . \
     | grep -vE '^./(api/server/|connectors/http/(http_client\.cpp|test_http_server\.hpp)$)'; then
  echo "layer violation: Asio/Beast included outside api/server/ and connectors/http/"; status=1
fi
if grep -rl '#include <xlsxwriter' . | grep -v '^./reporting/render/render_xlsx.cpp$'; then
  echo "layer violation: libxlsxwriter included outside reporting/render/render_xlsx.cpp"; status=1
fi
if grep -rlE '#include <(cairo|pango/)' . | grep -v '^./reporting/render/pdf_canvas.cpp$'; then
  echo "layer violation: cairo/Pango included outside reporting/render/pdf_canvas.cpp"; status=1
fi
if grep -rl '#include <qrencode' . | grep -v '^./reporting/render/qr_code.cpp$'; then
  echo "layer violation: libqrencode included outside reporting/render/qr_code.cpp"; status=1
fi
# qpdf: the files compiled as C++17 (src/CMakeLists.txt), and the one header they share.
if grep -rl '#include <qpdf/' . \
     | grep -vE '^./signing/(pades\.cpp|pdf_inspection\.cpp|slice_input_source\.(cpp|hpp))$'; then
  echo "layer violation: qpdf included outside signing/{pades,pdf_inspection,slice_input_source}"
  status=1
fi
if grep -rl '#include <CLI/' . | grep -vE '^./(main\.cpp|app/commands/[a-z_]+\.(cpp|hpp))$'; then
  echo "layer violation: CLI11 included outside main.cpp and app/commands/"; status=1
fi
[ $status -eq 0 ] && echo "layers: ok"
exit $status
