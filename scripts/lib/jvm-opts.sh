# Start-up speed for scripts/lstudio (sourced by it; bash). Kept apart from the launcher so that
# what is measured (scripts/bench, dsl-docs/performance.md) lives in one place.
#
# After sourcing:
#   java_major JAVA         reads the JDK's 'release' file instead of starting a JVM (the launcher
#                           probes every installed JDK on each run; that probe cost ~20-40 ms each)
#   lstudio_jvm_opts JAVA JAR
#                           fills the array jvm_opts with the flags that measured faster, and a
#                           class-data archive for this JDK and this jar: the AOT cache
#                           (-XX:AOTCache) on JDK 25+, AppCDS (-XX:SharedArchiveFile) on 17-24.
#                           The archive is recorded once per jar build and JDK, by a training run
#                           (dev.lstudio.cli.StartupTraining: offline, a few seconds), and a new
#                           jar gets a new one.
#
# Knobs: LSTUDIO_CDS=off (no archive), LSTUDIO_JVM_FLAGS='...' (replaces the default flags),
# LSTUDIO_JVM_CACHE=DIR (where archives go; default target/jvm-cache beside the jar, else
# ~/.cache/lstudio/jvm).

# What measured faster for a short-lived CLI, and kept (see dsl-docs/performance.md):
#   -XX:TieredStopAtLevel=1  C1 only: less compile work in a run that lasts a second
#   -XX:+UseSerialGC         no G1 set-up or threads, smaller RSS; heaps here are small
#   -XX:-UsePerfData         no hsperfdata file to create in /tmp on every start
LSTUDIO_DEFAULT_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"

java_major() {
  local release line v
  release="${1%/bin/java}/release"
  [[ -r $release ]] || release="$(readlink -f "$1" 2>/dev/null)" release="${release%/bin/java}/release"
  if [[ -r $release ]]; then
    while IFS= read -r line; do
      [[ $line == JAVA_VERSION=* ]] || continue
      v=${line#JAVA_VERSION=}; v=${v//\"/}; v=${v#1.}
      echo "${v%%[.+-]*}"
      return
    done <"$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Bash built-ins only on the path taken by every run (each forked process costs a few ms).
lstudio_jvm_opts() {
  local java=$1 jar=$2 major dir kind archive id
  read -r -a jvm_opts <<<"${LSTUDIO_JVM_FLAGS-$LSTUDIO_DEFAULT_JVM_FLAGS}"
  [[ ${LSTUDIO_CDS:-on} == off || ! -f $jar ]] && return 0
  major=$(java_major "$java")
  [[ $major =~ ^[0-9]+$ ]] || return 0
  if ((major >= 25)); then kind=aot; else kind=jsa; fi
  dir=$(lstudio_jvm_cache_dir "$jar") || return 0
  # One archive per JDK path and flag set; it is stale once the jar or the JDK is newer than it.
  id="${java//[^A-Za-z0-9]/_}-${jvm_opts[*]}"
  archive="$dir/lstudio-${id//[^A-Za-z0-9_]/}.$kind"
  if [[ ! -f $archive || $jar -nt $archive || $java -nt $archive ]] && [[ ! -f $archive.failed || $jar -nt $archive.failed ]]; then
    lstudio_train_archive "$java" "$jar" "$kind" "$archive" "$major"
  fi
  if [[ -f $archive && ! $jar -nt $archive ]]; then
    if [[ $kind == aot ]]; then
      jvm_opts+=("-XX:AOTCache=$archive" -Xlog:aot=off -Xlog:cds=off)
    else
      # An archive the JVM cannot map is a slower start, never a failed one (-Xshare:auto).
      jvm_opts+=("-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
  fi
  return 0
}

lstudio_jvm_cache_dir() {
  local dir
  for dir in "${LSTUDIO_JVM_CACHE:-}" "${1%/*}/jvm-cache" "${XDG_CACHE_HOME:-$HOME/.cache}/lstudio/jvm"; do
    [[ -n $dir ]] || continue
    [[ -d $dir ]] || mkdir -p "$dir" 2>/dev/null || continue
    [[ -w $dir ]] && { echo "$dir"; return 0; }
  done
  return 1
}

# Records the archive; concurrent first runs wait for one recording instead of each making one.
lstudio_train_archive() {
  local java=$1 jar=$2 kind=$3 archive=$4 major=$5 tmp record
  exec 8>"$archive.lock"
  command -v flock >/dev/null 2>&1 && flock 8
  if [[ ! -f $archive || $jar -nt $archive || $java -nt $archive ]]; then
    echo "lstudio: recording a start-up archive for this build and Java $major (once per build; a few seconds)" >&2
    tmp="$archive.$$.tmp"
    if [[ $kind == aot ]]; then
      record=("-XX:AOTCacheOutput=$tmp" -Xlog:aot=off -Xlog:cds=off)
    else
      record=("-XX:ArchiveClassesAtExit=$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
    rm -f "$archive.failed"
    if "$java" "${jvm_opts[@]}" "${record[@]}" -cp "$jar" dev.lstudio.cli.StartupTraining \
         </dev/null >/dev/null 2>&1 && [[ -s $tmp ]]; then
      mv -f "$tmp" "$archive"
    else
      rm -f "$tmp" "$tmp.config"
      : >"$archive.failed"
      echo "lstudio: could not record the start-up archive; running without it (LSTUDIO_CDS=off skips it)" >&2
    fi
  fi
  exec 8>&-
}
