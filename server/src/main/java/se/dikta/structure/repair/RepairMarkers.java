package se.dikta.structure.repair;

import java.util.List;

/**
 * The words a Swedish speaker uses to take back what was just said: "nej", "förlåt", "jag menar", "rättare
 * sagt", "eller nej", followed by any number of fillers ("nej förlåt jag menar", "nej det var"). Only the
 * marker is recognised here; whether it is a repair depends on the phrases around it ({@link RepairDetector}).
 */
final class RepairMarkers {

    /** Word sequences that can open a marker. */
    private static final List<List<String>> CORE = List.of(
            List.of("eller", "nej"), List.of("eller", "förlåt"), List.of("eller", "snarare"),
            List.of("eller", "rättare", "sagt"), List.of("nej"), List.of("förlåt"), List.of("jag", "menar"),
            List.of("jag", "menade"), List.of("rättare", "sagt"), List.of("rättelse"));

    /** Word sequences that may follow an opening, in any number. */
    private static final List<List<String>> FILLERS = List.of(
            List.of("nej"), List.of("förlåt"), List.of("jag", "menar"), List.of("jag", "menade"),
            List.of("jag", "sa", "fel"), List.of("det", "var"), List.of("det", "är"), List.of("det", "ska", "vara"),
            List.of("det", "skulle", "vara"), List.of("vänta"), List.of("alltså"), List.of("rättare", "sagt"),
            List.of("snarare"));

    private RepairMarkers() {
    }

    /** The end (exclusive) of a marker starting at {@code m}, or -1 when none starts there. */
    static int markerEnd(List<String> words, int m) {
        int end = match(words, m, CORE);
        if (end < 0) {
            return -1;
        }
        int next;
        while ((next = match(words, end, FILLERS)) > 0) {
            end = next;
        }
        return end;
    }

    private static int match(List<String> words, int at, List<List<String>> options) {
        for (List<String> option : options) {
            if (at + option.size() <= words.size() && words.subList(at, at + option.size()).equals(option)) {
                return at + option.size();
            }
        }
        return -1;
    }
}
