#!/usr/bin/env bash
# Installs a Vosk speech model for Dikta.
#
#   models/fetch-model.sh                          download the Swedish model from alphacephei.com
#   models/fetch-model.sh --from FILE.zip          install a zip copied to an air-gapped server
#   options: --sha256 HEX   refuse the archive unless its SHA-256 matches (otherwise it is printed
#                           and recorded next to the model as dikta-archive.sha256)
#            --dest DIR     where model directories live (default: the vosk/ folder beside this script)
#            --url URL      another model archive to download
#   env:     FETCH_MODEL_UNPACKER=unzip|python3|jar  force an unpacker (default: the first available)
#
# The archive is unpacked into a hidden temporary directory inside DEST, checked (the files Vosk needs
# must be there), given a manifest of per-file SHA-256 sums (dikta-model.sha256, verified by the server
# before loading) and only then renamed into place. An interrupted install never leaves a partly
# unpacked model under the model's name; leftovers are hidden .install-* directories, removed by the
# next run. Point the server at the result with --asr-model DEST/NAME (or DIKTA_ASR_MODEL).
set -euo pipefail

DEFAULT_URL="https://alphacephei.com/vosk/models/vosk-model-small-sv-rhasspy-0.15.zip"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="$DEFAULT_URL"
from=""
sha=""
dest="$script_dir/vosk"

die() { echo "fetch-model: $*" >&2; exit 1; }
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --from) from="${2:?--from needs a file}"; shift 2 ;;
    --sha256) sha="$(echo "${2:?--sha256 needs a hex digest}" | tr 'A-F' 'a-f')"; shift 2 ;;
    --dest) dest="${2:?--dest needs a directory}"; shift 2 ;;
    --url) url="${2:?--url needs a URL}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
# Leftovers of interrupted runs (killed before their cleanup could run): temporary directories go;
# a model set aside for replacement goes back if its replacement never arrived.
rm -rf "$dest"/.install-*
for previous in "$dest"/.previous-*; do
  [ -e "$previous" ] || continue
  old_name="$(basename "$previous")"; old_name="${old_name#.previous-}"; old_name="${old_name%-*}"
  if [ -e "$dest/$old_name" ]; then rm -rf "$previous"; else mv -T "$previous" "$dest/$old_name"; fi
done

work="$(mktemp -d "$dest/.install-XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "$from" ]; then
  [ -f "$from" ] || die "no such file: $from"
  archive="$from"
  label="$(basename "$from")"
else
  archive="$work/download.zip"
  label="$(basename "$url")"
  echo "Downloading $url"
  if command -v curl >/dev/null; then
    curl -fL --retry 3 -o "$archive" "$url" || die "download failed: $url"
  elif command -v wget >/dev/null; then
    wget -O "$archive" "$url" || die "download failed: $url"
  else
    die "neither curl nor wget is installed; download the zip elsewhere and use --from FILE"
  fi
fi

actual="$(sha256sum "$archive" | cut -d' ' -f1)"
if [ -n "$sha" ]; then
  [ "$actual" = "$sha" ] || die "SHA-256 mismatch for $label: expected $sha, got $actual"
  echo "SHA-256 verified: $actual"
else
  echo "SHA-256 of $label: $actual (recorded; pass --sha256 $actual to pin it)"
fi

unpacker="${FETCH_MODEL_UNPACKER:-}"
if [ -z "$unpacker" ]; then
  for candidate in unzip python3 jar; do
    if command -v "$candidate" >/dev/null; then unpacker="$candidate"; break; fi
  done
fi
archive_abs="$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")"
mkdir "$work/unpacked"
case "$unpacker" in
  unzip) unzip -q "$archive_abs" -d "$work/unpacked" ;;
  python3) python3 -m zipfile -e "$archive_abs" "$work/unpacked" ;;
  jar) (cd "$work/unpacked" && jar xf "$archive_abs") ;;
  "") die "no unzip, python3 or jar found to unpack the archive (apt-get install unzip)" ;;
  *) die "unknown FETCH_MODEL_UNPACKER: $unpacker" ;;
esac || die "could not unpack $label (damaged or not a zip archive)"

# The model root is the directory holding am/final.mdl: the archive's top folder or the archive root.
root="$(find "$work/unpacked" -maxdepth 3 -path '*/am/final.mdl' -print | head -n 1)"
[ -n "$root" ] || die "$label does not contain a Vosk model (am/final.mdl missing)"
root="$(dirname "$(dirname "$root")")"
for f in am/final.mdl conf/mfcc.conf conf/model.conf graph/words.txt graph/phones/word_boundary.int; do
  [ -s "$root/$f" ] || die "$label is incomplete: $f is missing or empty"
done
if [ ! -s "$root/graph/HCLG.fst" ] && { [ ! -s "$root/graph/HCLr.fst" ] || [ ! -s "$root/graph/Gr.fst" ]; }; then
  die "$label is incomplete: graph/HCLG.fst (or graph/HCLr.fst + graph/Gr.fst) is missing"
fi

if [ "$root" = "$work/unpacked" ]; then
  name="${label%.zip}"
else
  name="$(basename "$root")"
fi
case "$name" in ""|.*|*/*) die "unusable model name: $name" ;; esac

(cd "$root" && find . -type f ! -name dikta-model.sha256 ! -name dikta-archive.sha256 -print0 \
  | LC_ALL=C sort -z | xargs -0 sha256sum > dikta-model.sha256)
echo "$actual  $label" > "$root/dikta-archive.sha256"

target="$dest/$name"
if [ -e "$target" ]; then
  # The old model stays complete until the new one has been renamed into place.
  previous="$dest/.previous-$name-$$"
  mv -T "$target" "$previous"
  mv -T "$root" "$target" || { mv -T "$previous" "$target"; die "could not move the model into place"; }
  rm -rf "$previous"
else
  mv -T "$root" "$target"
fi
echo "Installed $name in $target"
echo "Start the server with --asr-model $target (or DIKTA_ASR_MODEL=$target)."
