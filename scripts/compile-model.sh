#!/usr/bin/env bash
# Writes the compiled SQLite model (src/Waishi.Web/Platform/Data/CompiledModel) from the entity
# configurations. Run it after changing an entity or its configuration; CompiledModelTests fails
# until the written files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
WAISHI_WRITE_COMPILED_MODEL=1 dotnet test tests/Waishi.Tests/Waishi.Tests.csproj -c Release \
  --filter "FullyQualifiedName~CompiledModelTests" --logger "console;verbosity=minimal"
