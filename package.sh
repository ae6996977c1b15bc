#!/usr/bin/env bash
# Builds the installers of YB Desk into target/package/ (not part of ./run-tests; see packaging/README.md):
#   ybdesk_<version>_amd64.deb    Debian/UOS/Kylin: a jlink runtime with only the modules the desk needs, the
#                                 desktop entry 「医保经办柜台」 with its icon, the command `ybdesk` on the PATH;
#                                 data stays in each user's ~/.ybdesk (never under /opt)
#   ybdesk-<version>-windows.zip  portable: the jar, ybdesk.bat / 医保经办柜台.bat and a README; needs a Java 17
#                                 runtime on the PC (jpackage and jlink cannot build a Windows runtime on Linux)
# Options: --skip-build (use launcher/target/ybdesk.jar as it is); other arguments go to Maven (e.g. -o).
# Prints the sizes at the end (targets: runtime ≤ 60 MB, package ≤ 120 MB, docs/PERFORMANCE.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
build=1
mvn_args=()
for a in "$@"; do
  case "$a" in
    --skip-build) build=0 ;;
    *) mvn_args+=("$a") ;;
  esac
done

version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -n 1)"
[ -n "$version" ] || { echo "package.sh: no version in pom.xml" >&2; exit 1; }
jar="launcher/target/ybdesk.jar"
out="target/package"
work="target/package-work"

if [ "$build" -eq 1 ]; then
  echo "package.sh: building the jar (mvn package -pl launcher -am, tests skipped)" >&2
  mvn -B -ntp -q -Dstyle.color=never -DskipTests "${mvn_args[@]}" package -pl launcher -am
fi
[ -f "$jar" ] || { echo "package.sh: $jar is missing (build first, or drop --skip-build)" >&2; exit 1; }
for tool in jdeps jlink jpackage dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null 2>&1 || { echo "package.sh: $tool is missing (a JDK 17 with jpackage, dpkg-dev, fakeroot)" >&2; exit 1; }
done

rm -rf "$out" "$work"
mkdir -p "$out" "$work/input"
cp "$jar" "$work/input/ybdesk.jar"

# The runtime: the modules the jar names (jdeps), plus the ones only found through ServiceLoader or by name at run
# time — jdk.localedata (zh_CN dates and collation), jdk.charsets (GBK/GB18030 files), jdk.crypto.ec (HTTPS to the
# provincial server), jdk.zipfs (zip file systems), jdk.unsupported (libraries reaching for sun.misc.Unsafe).
start=$(date +%s)
deps="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps -q "$work/input/ybdesk.jar")"
modules="$deps,jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,jdk.unsupported"
echo "package.sh: runtime modules: $modules" >&2
jlink --add-modules "$modules" --include-locales=zh,en --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$work/runtime"
runtime_mb=$(du -sm "$work/runtime" | cut -f1)

# Class-data sharing (D190): the package ships the class list of a training run with the runtime just built; its
# postinst dumps the archive where the jar is installed (an archive is bound to the jar's path).
bash scripts/cds-classlist.sh "$work/runtime/bin/java" "$work/input/ybdesk.jar" "$work/input/ybdesk.classlist"
echo "package.sh: class list for class-data sharing: $(wc -l < "$work/input/ybdesk.classlist") classes" >&2

# The .deb. The desktop entry and the maintainer scripts come from packaging/linux (jpackage fills in their
# placeholders): the Chinese name and icon, and /usr/bin/ybdesk.
mkdir -p "$work/resources"
cp packaging/linux/ybdesk.desktop packaging/linux/postinst packaging/linux/prerm packaging/linux/ybdesk.png \
  "$work/resources/"
# xz at level 1 (dpkg-deb reads these): the jar is already compressed, so a higher level costs minutes for ~1 MB
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-xz}" DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}"
jpackage --type deb --dest "$out" --name ybdesk --app-version "$version" \
  --description "医保经办柜台 YB Desk" --vendor "YB Desk" \
  --input "$work/input" --main-jar ybdesk.jar --main-class org.ybdesk.launcher.Main \
  --runtime-image "$work/runtime" --resource-dir "$work/resources" --icon packaging/linux/ybdesk.png \
  --java-options "-Dfile.encoding=UTF-8" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/ybdesk.jsa' --java-options -Xshare:auto --java-options -Xlog:cds=off \
  --linux-package-name ybdesk --linux-app-category Office --linux-shortcut \
  --linux-package-deps "libfontconfig1, libfreetype6" \
  --linux-menu-group Office --linux-deb-maintainer "ybdesk@localhost" --install-dir /opt
deb="$(ls "$out"/ybdesk_*.deb)"
seconds=$(( $(date +%s) - start ))

# The portable Windows archive.
win="$work/ybdesk-$version-windows"
mkdir -p "$win"
cp "$jar" "$win/ybdesk.jar"
for f in packaging/windows/*; do
  cp "$f" "$win/"
done
(cd "$work" && rm -f "ybdesk-$version-windows.zip" && python3 - "ybdesk-$version-windows" <<'EOF'
import os, sys, zipfile
root = sys.argv[1]
with zipfile.ZipFile(root + ".zip", "w", zipfile.ZIP_DEFLATED) as z:
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, path)
EOF
)
mv "$work/ybdesk-$version-windows.zip" "$out/"
zip="$out/ybdesk-$version-windows.zip"

deb_mb=$(( ($(stat -c %s "$deb") + 524287) / 1048576 ))
zip_mb=$(( ($(stat -c %s "$zip") + 524287) / 1048576 ))
echo "package.sh: runtime ${runtime_mb} MB (target ≤ 60), $(basename "$deb") ${deb_mb} MB (target ≤ 120)," \
  "$(basename "$zip") ${zip_mb} MB; runtime + deb in ${seconds} s"
status=0
[ "$runtime_mb" -le 60 ] || { echo "package.sh: the runtime is over 60 MB" >&2; status=1; }
[ "$deb_mb" -le 120 ] || { echo "package.sh: the package is over 120 MB" >&2; status=1; }
exit $status
