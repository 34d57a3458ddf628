#!/usr/bin/env python3
"""Builds Dikta's outside-Swedish training data, names lexicon and outside held-out text (see SOURCES.md).

Reproducible from named public sources; the output is committed so that neither the build nor the
running product needs the network or a system package:

  dictation/<source>.spoken.txt   written Swedish in dictation form with spoken punctuation: one sentence a
                                  line, lowercase words, the punctuation a speaker would dictate as upper-case
                                  command tokens (PUNKT, KOMMA, FRÅGETECKEN, UTROPSTECKEN, KOLON) so that the
                                  command model can tell them from the same words used as words ("en punkt",
                                  "komma hem"); a blank line between documents
  dictation/<source>.plain.txt    the same sentences without any punctuation (what the recogniser gives a
                                  speaker who dictates none)
  dictation/<source>.upos.txt     the UD part of speech of each word of the plain file (INF for infinitives):
                                  noun and infinitive slots teach the command model what "punkt" and
                                  "komma" look like as words
  dictation/ntrex-news.*.txt      the NTREX-128 Swedish news (translated WMT newstest2019) the same way, plain and
                                  spoken only: it has no tags (the trainer tags its words X) and trains only the
                                  boundary model; sentences that are PUD's or the held-out notes' are left out
  dictation/finite-verbs.txt      lowercase finite verb forms (UD VerbForm=Fin), for the boundary model's
                                  word classes
  lexicon/sv-proper-nouns.txt     spoken<TAB>written: proper nouns and acronyms (with genitive -s), minus
                                  every word the sources also list in lower case (common words win:
                                  "bo", "maj", "utväg")
  words/common-words.txt          lowercase common words that end like street names ("utväg", "genväg",
                                  "riksväg"): never capitalised as a street
  heldout/outside/sv-pud-test.tsv held-out outside text for `nlp evaluate`, never used for training:
                                  doc<TAB>written tokens<TAB>one flag a token (P = UD PROPN, - otherwise)

Only the train and dev parts of a treebank are used for training; test parts only for held-out evaluation,
and from a treebank (PUD: news and Wikipedia) whose domain the training treebanks do not cover.

Usage: python3 models/nlp/build-outside-data.py [--mirror DIR] [--debs DIR] [--only PARTS]
  --mirror  folder holding the UD and NTREX repositories as bare git dirs
            (default /work/.mirror, as UniversalDependencies+UD_Swedish-Talbanken/repo,
            MicrosoftTranslator+NTREX/repo, ...)
  --only    comma-separated parts to build: training, raw (NTREX), heldout, lexicon (default: all)
  --debs    folder with the extracted Debian packages wswedish, hunspell-sv and wamerican (default: downloaded with
            `apt-get download` and unpacked with `dpkg-deb -x` into a temporary folder)
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

# (name, repository, file, commit): train/dev parts only, CC BY-SA or more permissive (no non-commercial
# source such as UD_Swedish-LinES: the product ships to municipalities). The current Talbanken train file is
# absent from the reachable snapshot; the 2015 import commit's train part is there (same split: none of its
# sentences is in today's dev or test part; Talbanken was CC BY-SA 3.0, then 4.0, throughout).
TALBANKEN_2015 = "2073ab94f2d9330ba24709bcc17139677b7b02e7"
TRAINING = [
    ("talbanken-dev", "UD_Swedish-Talbanken", "sv_talbanken-ud-dev.conllu", "HEAD"),
    ("talbanken-train", "UD_Swedish-Talbanken", "sv-ud-train.conll", TALBANKEN_2015),
]
HELDOUT = ("sv-pud-test", "UD_Swedish-PUD", "sv_pud-ud-test.conllu", "HEAD")
# NTREX-128 (Microsoft, CC BY-SA 4.0): the WMT newstest2019 English news (123 articles) translated into Swedish by
# professional translators, one sentence a line, its article in DOCUMENT_IDS.tsv. No part-of-speech tags, so no
# upos file: the trainer tags its words "X", which the boundary model's tag lexicon and the command model skip.
NTREX = ("ntrex-news", "MicrosoftTranslator+NTREX", "NTREX-128/newstest2019-ref.swe.txt", "DOCUMENT_IDS.tsv",
         "8561f6a622db9edad1217683e5c83daefd8bb2bf")
RAW_TOKEN = re.compile(r"[a-zåäöéüæøA-ZÅÄÖÉÜÆØ]+|[.,?!:](?=\s|$)")

SENTENCES_PER_RUN = 10
SPOKEN = {".": "PUNKT", ",": "KOMMA", "?": "FRÅGETECKEN", "!": "UTROPSTECKEN", ":": "KOLON"}
STREET_SUFFIXES = ("gatan", "gata", "vägen", "väg", "gränd", "gränden", "stigen", "backen", "torget", "allén",
                   "allé", "kajen", "esplanaden", "promenaden", "leden")
WORD = re.compile(r"[a-zåäöéüæøA-ZÅÄÖÉÜÆØ]+")


def conllu(mirror, repo, path, commit="HEAD"):
    git_dir = os.path.join(mirror, "UniversalDependencies+" + repo, "repo")
    text = subprocess.run(["git", "--git-dir", git_dir, "show", commit + ":" + path], check=True,
                          capture_output=True).stdout.decode("utf-8")
    doc, sentence = None, []
    for line in text.split("\n"):
        if line.startswith("# newdoc"):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
            if doc is None or repo.endswith("PUD"):
                doc = sid[:6] if repo.endswith("PUD") else doc
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if sentence:
                yield doc, sentence
            sentence = []
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multiword ranges and empty nodes
            sentence.append((cols[1], cols[3], cols[5]))


def has_digit(sentence):
    return any(any(ch.isdigit() for ch in form) for form, _, _ in sentence)


def tag(upos, feats):
    return "INF" if "VerbForm=Inf" in feats else upos


def dictation(sentence, spoken, tags=False):
    out = []
    for form, upos, feats in sentence:
        if upos == "PUNCT":
            if spoken and form in SPOKEN and out and not out[-1].isupper():
                out.append(SPOKEN[form])
            continue
        out.extend(tag(upos, feats) if tags else w.lower() for w in WORD.findall(form))
    if spoken and (not out or not out[-1].isupper()):
        out.append("PUNKT")  # a heading or list item without a full stop: a speaker still ends it
    return out


def build_training(mirror):
    verbs = Counter()
    other = Counter()
    for name, repo, path, commit in TRAINING:
        spoken_lines, plain_lines, tag_lines, last_doc = [], [], [], None
        for number, (doc, sentence) in enumerate(conllu(mirror, repo, path, commit)):
            if doc is None:  # a file without document marks (the 2015 train part): runs of 10 sentences
                doc = str(number // SENTENCES_PER_RUN)
            for form, upos, feats in sentence:
                (verbs if "VerbForm=Fin" in feats else other)[form.lower()] += 1
            if has_digit(sentence):
                continue
            words = dictation(sentence, spoken=False)
            if len(words) < 2:
                continue
            if last_doc is not None and doc != last_doc:
                spoken_lines.append("")
                plain_lines.append("")
                tag_lines.append("")
            last_doc = doc
            spoken_lines.append(" ".join(dictation(sentence, spoken=True)))
            plain_lines.append(" ".join(words))
            tag_lines.append(" ".join(dictation(sentence, spoken=False, tags=True)))
        write(os.path.join(HERE, "dictation", name + ".spoken.txt"), spoken_lines)
        write(os.path.join(HERE, "dictation", name + ".plain.txt"), plain_lines)
        write(os.path.join(HERE, "dictation", name + ".upos.txt"), tag_lines)
    finite = sorted(v for v, n in verbs.items() if n >= 2 and n >= 2 * other[v] and WORD.fullmatch(v))
    write(os.path.join(HERE, "dictation", "finite-verbs.txt"), finite)


def raw_dictation(line, spoken):
    """A sentence of raw text in dictation form: marks that end a word before a space or the line's end are said."""
    out = []
    for token in RAW_TOKEN.findall(line):
        if token in SPOKEN:
            if spoken and out and not out[-1].isupper():
                out.append(SPOKEN[token])
        else:
            out.append(token.lower())
    if spoken and (not out or not out[-1].isupper()):
        out.append("PUNKT")
    return out


def excluded_sentences(mirror):
    """Word sequences that must not be trained on: the outside held-out text (PUD) and the held-out notes."""
    import json
    name, repo, path, commit = HELDOUT
    seen = set()
    for _, sentence in conllu(mirror, repo, path, commit):
        seen.add(" ".join(w.lower() for form, upos, _ in sentence if upos != "PUNCT" for w in WORD.findall(form)))
    folder = os.path.join(HERE, "heldout")
    for f in sorted(os.listdir(folder)):
        if f.endswith(".json"):
            with open(os.path.join(folder, f), encoding="utf-8") as fh:
                seen.update(s["spoken"] for s in json.load(fh)["sentences"])
    return seen


def build_raw(mirror):
    name, repo, path, ids, commit = NTREX
    git_dir = os.path.join(mirror, repo, "repo")
    show = lambda p: subprocess.run(["git", "--git-dir", git_dir, "show", commit + ":" + p], check=True,
                                    capture_output=True).stdout.decode("utf-8").split("\n")
    excluded = excluded_sentences(mirror)
    spoken_lines, plain_lines, last_doc, left_out = [], [], None, 0
    for line, doc in zip(show(path), show(ids)):
        words = raw_dictation(line, spoken=False)
        if " ".join(words) in excluded:
            left_out += 1
        if any(ch.isdigit() for ch in line) or len(words) < 2 or " ".join(words) in excluded:
            continue
        if last_doc is not None and doc != last_doc:
            for lines in (spoken_lines, plain_lines):
                lines.append("")
        last_doc = doc
        spoken_lines.append(" ".join(raw_dictation(line, spoken=True)))
        plain_lines.append(" ".join(words))
    print(name + ":", left_out, "sentences left out as held-out text", file=sys.stderr)
    write(os.path.join(HERE, "dictation", name + ".spoken.txt"), spoken_lines)
    write(os.path.join(HERE, "dictation", name + ".plain.txt"), plain_lines)


def build_heldout(mirror):
    name, repo, path, commit = HELDOUT
    lines = []
    for doc, sentence in conllu(mirror, repo, path, commit):
        if has_digit(sentence):
            continue
        forms = [f.replace(" ", "_") for f, _, _ in sentence]
        flags = "".join("P" if u == "PROPN" else "-" for _, u, _ in sentence)
        lines.append(doc + "\t" + " ".join(forms) + "\t" + flags)
    write(os.path.join(HERE, "heldout", "outside", name + ".tsv"), lines)


def debian_packages(debs):
    if debs:
        return debs
    tmp = tempfile.mkdtemp(prefix="dikta-debs-")
    subprocess.run(["apt-get", "download", "wswedish", "hunspell-sv", "wamerican"], cwd=tmp, check=True)
    for deb in os.listdir(tmp):
        if deb.endswith(".deb"):
            subprocess.run(["dpkg-deb", "-x", os.path.join(tmp, deb), os.path.join(tmp, "x")], check=True)
    return os.path.join(tmp, "x")


def build_lexicon(debs, mirror):
    root = debian_packages(debs)
    words = []
    with open(os.path.join(root, "usr/share/dict/swedish"), encoding="latin-1") as f:
        words += [w.strip() for w in f]
    with open(os.path.join(root, "usr/share/hunspell/sv_SE.dic"), encoding="utf-8") as f:
        next(f)
        words += [line.split("/")[0].strip() for line in f]
    lower = {w for w in words if w and w[0].islower()}
    # Foreign names (persons, places, acronyms: "Joe", "Sakhalin", "BBC") from the English word list; its
    # lower-case words are not Swedish and say nothing about Swedish common words.
    with open(os.path.join(root, "usr/share/dict/american-english"), encoding="utf-8") as f:
        words += [w.strip() for w in f if w[:1].isupper()]
    # hunspell-sv's compound-only stems ("sverige/AcYZ" for "sverigebesök") are not words of their own.
    with open(os.path.join(root, "usr/share/hunspell/sv_SE.dic"), encoding="utf-8") as f:
        next(f)
        for line in f:
            stem, _, flags = line.strip().partition("/")
            if "Z" in flags and stem in lower:
                lower.discard(stem)
    acronyms = {w.lower() for w in words if len(w) >= 2 and w.isupper() and WORD.fullmatch(w)}
    # Words the training treebanks write in lower case mid-sentence are common words too.
    seen_lower, seen_upper = Counter(), Counter()
    for _, repo, path, commit in TRAINING:
        for _, sentence in conllu(mirror, repo, path, commit):
            for k, (form, upos, _) in enumerate(sentence):
                if k > 0 and WORD.fullmatch(form):
                    (seen_upper if form[0].isupper() else seen_lower)[form.lower()] += 1
    lower |= {w for w, n in seen_lower.items() if n > seen_upper[w] and w not in acronyms}
    proper = {}
    for w in words:
        if not w or not w[0].isupper() or not WORD.fullmatch(w) or len(w) < 2:
            continue
        spoken = w.lower()
        if spoken in lower or (spoken in proper and proper[spoken] != w):
            continue
        proper[spoken] = w
        genitive = spoken if spoken[-1] in "sxz" else spoken + "s"
        if genitive != spoken and genitive not in lower and not w.isupper():  # "SM:s", not "sms"
            proper.setdefault(genitive, w if w.isupper() else w + "s")
    lines = ["# Proper nouns and acronyms from Debian's wswedish (GPL-2+), hunspell-sv (LGPL-3) and wamerican",
             "# (SCOWL, permissive), built by",
             "# build-outside-data.py; words the sources also list in lower case are left out (common words win)."]
    lines += [s + "\t" + w for s, w in sorted(proper.items())]
    write(os.path.join(HERE, "lexicon", "sv-proper-nouns.txt"), lines)
    common = sorted(w for w in lower if WORD.fullmatch(w) and w.endswith(STREET_SUFFIXES))
    write(os.path.join(HERE, "words", "common-words.txt"),
          ["# Lowercase common words from wswedish and hunspell-sv that end like street names."] + common)


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")
    print(path, len(lines), "lines", file=sys.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirror", default="/work/.mirror")
    parser.add_argument("--debs", default=None)
    parser.add_argument("--only", default=None, help="comma-separated parts: training,raw,heldout,lexicon")
    args = parser.parse_args()
    only = args.only.split(",") if args.only else ["training", "raw", "heldout", "lexicon"]
    if "training" in only:
        build_training(args.mirror)
    if "raw" in only:
        build_raw(args.mirror)
    if "heldout" in only:
        build_heldout(args.mirror)
    if "lexicon" in only:
        build_lexicon(args.debs, args.mirror)
