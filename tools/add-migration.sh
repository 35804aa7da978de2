#!/usr/bin/env bash
# Adds a migration to a module for both database engines, and keeps the generated code nullable-checked
# (EF Core writes "#nullable disable" into every migration; this project compiles everything with nullable on).
#   tools/add-migration.sh statistics AddReleaseNotes
#   tools/add-migration.sh audit Initial
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="${1:?usage: tools/add-migration.sh MODULE NAME (module: statistics, foi, audit, accounts, casework, parliament or site)}"
name="${2:?usage: tools/add-migration.sh MODULE NAME}"

case "$module" in
  statistics) folder="Statistics"; context="StatisticsDbContext" ;;
  foi) folder="Foi"; context="FoiDbContext" ;;
  audit) folder="Audit"; context="AuditDbContext" ;;
  accounts) folder="Accounts"; context="AccountsDbContext" ;;
  casework) folder="Casework"; context="CaseworkDbContext" ;;
  parliament) folder="Parliament"; context="ParliamentDbContext" ;;
  site) folder="Site"; context="SiteDbContext" ;;
  *) echo "Unknown module '$module'. Known: statistics, foi, audit, accounts, casework, parliament, site." >&2; exit 2 ;;
esac

cd "$root/src/Safeguard"
dotnet tool restore >/dev/null
for engine in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --context "${engine}${context}" \
    --output-dir "$folder/Data/Migrations/$engine" \
    --namespace "Safeguard.$folder.Data.Migrations.$engine"
  # For a module's first migration, EF Core puts the model snapshot in a folder named after the namespace
  # (Safeguard/Foi/...) rather than beside the migration; move it where the next migration will look for it.
  stray="Safeguard/$folder/Data/Migrations/$engine"
  if [[ -d $stray ]]; then
    mv "$stray"/*.cs "$folder/Data/Migrations/$engine/"
    rmdir -p "$stray"
  fi
done
sed -i 's/^#nullable disable$/#nullable enable/; s/(string)null/(string?)null/g' "$folder"/Data/Migrations/*/*.cs
echo "Added '$name' to the $module module for SQLite and PostgreSQL. Review both, then run ./test.sh."
