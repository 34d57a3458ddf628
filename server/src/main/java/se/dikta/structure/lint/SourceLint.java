package se.dikta.structure.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.dikta.structure.core.SectionKey;

/**
 * SOSFS 2014:5: information from others must say where it comes from. A sentence placed under INFORMATION
 * that names no source — no reporting verb ("berättar", "uppger", "enligt", "framgår"), no document ("av
 * anmälan", "intyget") — gets a warning, unless the sentence before it is also information with a source
 * (a report told over two sentences: "Mamma berättar att ... Hon har också ..."). Built to be precise rather
 * than to catch everything: a warning on most sentences would be ignored. Thread-safe (immutable).
 */
public final class SourceLint {

    /** Word beginnings that name or report a source: verbs of saying, documents, contacts. */
    private static final List<String> SOURCE_STEMS = List.of(
            "berätta", "uppge", "uppgav", "uppgift", "säger", "sade", "meddela", "rapporter", "framkom", "framgå",
            "framgick", "enligt", "menar", "menade", "beskriv", "förklara", "uttryck", "anger", "angav", "angett",
            "påtala", "informera", "information", "tycker", "tyckte", "anser", "ansåg", "önskar", "önskade",
            "upplever", "upplevde", "svarar", "svarade", "frågar", "frågade", "bekräfta", "nämn", "hävda", "medge",
            "medgav", "förneka", "intyg", "anmäl", "orosanmäl", "utdrag", "journal", "läkarutlåtande", "utlåtande",
            "ringde", "ringer", "mejla", "skriver", "skrev", "skrivit", "hört", "hörde", "fått veta", "vittna",
            "larma", "kontaktade", "uppmärksamma", "signalera", "klagar", "klagade", "beskrev",
            "tillstå", "säga", "sagt", "visar", "visade", "dokumentation", "rapport", "remiss",
            "åberopa", "redogör", "återger", "återgav", "känner", "kände", "vill", "ville", "tror", "trodde");

    /** Exact words that name a source. */
    private static final Set<String> SOURCE_WORDS = Set.of("sa", "via", "källa", "källan");

    /** Identity and contact data (personnummer, phone numbers) come from registers, not from an informant. */
    private static final Set<String> IDENTITY_WORDS = Set.of("personnummer", "personnumret", "telefonnummer",
            "telefonnumret", "nummer", "numret");

    /** The message to show. */
    public static final String MESSAGE = "Meningen står under Information men anger ingen källa. Skriv vem "
            + "eller vad uppgiften kommer från (t.ex. \"mamma berättar\", \"enligt skolan\") (SOSFS 2014:5).";

    /**
     * @param words    the sentence's spoken words (lowercase)
     * @param previous the words of the sentence before it when that one is also placed under INFORMATION,
     *                 otherwise empty
     */
    public Optional<String> check(SectionKey section, List<String> words, List<String> previous) {
        if (section != SectionKey.INFORMATION || namesSource(words) || namesSource(previous)
                || words.stream().anyMatch(IDENTITY_WORDS::contains)) {
            return Optional.empty();
        }
        return Optional.of(MESSAGE);
    }

    /** True when the words contain a reporting verb, a document or another source word. */
    public boolean namesSource(List<String> words) {
        String joined = " " + String.join(" ", words);
        for (String stem : SOURCE_STEMS) {
            if (joined.contains(" " + stem)) {
                return true;
            }
        }
        return words.stream().anyMatch(SOURCE_WORDS::contains);
    }
}
