#!/usr/bin/env bash
# Every stable error code used in src/ must have a message in both catalogues
# (resources/messages/{vi,en}.tsv), so that no answer shows a bare code to a person.
set -euo pipefail
cd "$(dirname "$0")/.."
codes=$( (grep -rhoE 'MakeError\(ErrorKind::k[A-Za-z]+,\s*"[a-z_]+"' src \
            | sed -E 's/.*"([a-z_]+)"/\1/';
          grep -rhoE 'Render\([0-9]{3}, "[a-z_]+"' src | sed -E 's/.*"([a-z_]+)"/\1/';
          grep -rhoE 'error\.code = "[a-z_]+"' src | sed -E 's/.*"([a-z_]+)"/\1/') | sort -u)
status=0
for code in $codes; do
  for language in vi en; do
    if ! grep -q "^${code}	" "resources/messages/${language}.tsv"; then
      echo "messages: '${code}' has no ${language} text in resources/messages/${language}.tsv"
      status=1
    fi
  done
done
[ $status -eq 0 ] && echo "messages: $(echo "$codes" | wc -w) codes, all in vi and en"
exit $status
