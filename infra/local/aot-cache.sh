# The launcher's own AOT cache (JDK 25; sourced by ./sellavie). The services, the broker and the registry get theirs
# from the launcher (infra/local/README.md, "JVM settings and the AOT cache"); the launcher cannot add options to its
# own JVM, so this shell does the same for it.

# sellavie_java_cached FOLDER KEY JAVA_ARGS...
# Runs `java JAVA_ARGS` with the AOT cache FOLDER/app.aot when FOLDER/cache.key holds KEY (what the cache fits: the
# jars, the JDK, the flags) and SELLAVIE_AOT_CACHE is not `record`. Otherwise this run records one: the JVM writes it
# when it exits (Ctrl-C and SIGTERM included), and this shell then keeps it with KEY for the next run. Exits with
# java's exit code.
sellavie_java_cached() {
  local folder="$1" key="$2" status=0 child
  shift 2
  if [[ "${SELLAVIE_AOT_CACHE:-}" != record && -f "$folder/app.aot" \
        && "$(cat "$folder/cache.key" 2>/dev/null)" == "$key" ]]; then
    exec java "-XX:AOTCache=$folder/app.aot" "$@"
  fi
  mkdir -p "$folder"
  rm -f "$folder/app.aot.recording"
  # This shell waits to keep what the JVM writes as it exits, and passes Ctrl-C or a SIGTERM on to it as a SIGTERM
  # (a background job ignores SIGINT); the JVM's shutdown hooks then run as they would have.
  java "-XX:AOTCacheOutput=$folder/app.aot.recording" "$@" &
  child=$!
  trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM
  wait "$child" || status=$?
  while kill -0 "$child" 2>/dev/null; do
    status=0
    wait "$child" || status=$?
  done
  trap - INT TERM
  if [[ -s "$folder/app.aot.recording" ]]; then
    mv -f "$folder/app.aot.recording" "$folder/app.aot"
    printf '%s' "$key" > "$folder/cache.key"
  fi
  exit "$status"
}
