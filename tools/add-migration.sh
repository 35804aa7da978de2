#!/usr/bin/env bash
# Adds a migration to a module for both database engines, and keeps the generated code nullable-checked
# (EF Core writes "#nullable disable" into every migration; this project compiles everything with nullable on).
#   tools/add-migration.sh statistics AddReleaseNotes
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="${1:?usage: tools/add-migration.sh MODULE NAME (module: statistics or accounts)}"
name="${2:?usage: tools/add-migration.sh MODULE NAME}"

case "$module" in
  statistics) folder="Statistics"; context="StatisticsDbContext" ;;
  accounts) folder="Accounts"; context="AccountsDbContext" ;;
  *) echo "Unknown module '$module'. Known: statistics, accounts." >&2; exit 2 ;;
esac

cd "$root/src/Safeguard"
dotnet tool restore >/dev/null
for engine in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --context "${engine}${context}" \
    --output-dir "$folder/Data/Migrations/$engine" \
    --namespace "Safeguard.$folder.Data.Migrations.$engine"
done
# The first migration of a module puts its model snapshot in a folder named after the namespace; move it beside the rest.
for engine in Sqlite Postgres; do
  if compgen -G "Safeguard/$folder/Data/Migrations/$engine/*.cs" >/dev/null; then
    mv "Safeguard/$folder/Data/Migrations/$engine/"*.cs "$folder/Data/Migrations/$engine/"
  fi
done
rm -rf Safeguard
sed -i 's/^#nullable disable$/#nullable enable/; s/(string)null/(string?)null/g' "$folder"/Data/Migrations/*/*.cs
echo "Added '$name' to the $module module for SQLite and PostgreSQL. Review both, then run ./test.sh."
