package se.dikta.structure.normalize;

import java.util.Map;
import java.util.Set;

/**
 * Law references: "paragraf sex lvm" → "6 §" "LVM", "fyra kapitlet ett paragrafen socialtjänstlagen" →
 * "4 kap." "1 §" "socialtjänstlagen", "kapitel fyra paragraf ett" → "4 kap." "1 §", and the abbreviated
 * law names in their written form wherever they stand ("sol" → "SoL").
 */
final class LawReferenceRule implements NormalizationRule {

    static final Map<String, String> ABBREVIATIONS = Map.of("lvm", "LVM", "lvu", "LVU", "lss", "LSS",
            "sol", "SoL", "osl", "OSL", "hsl", "HSL", "sfb", "SFB", "lpt", "LPT", "lrv", "LRV", "fb", "FB");

    private static final Set<String> PARAGRAPH = Set.of("paragraf", "paragrafen");
    private static final Set<String> CHAPTER_AFTER = Set.of("kapitlet", "kap");
    /** Letters of inserted sections, "paragraf fyra a" → "4 a §". */
    private static final Set<String> SECTION_LETTERS = Set.of("a", "b", "c", "d");
    private static final int MAX_SECTION = 999;

    @Override
    public Match apply(Sentence s, int i) {
        String abbreviation = ABBREVIATIONS.get(s.word(i));
        if (abbreviation != null) {
            return Match.of(new WrittenToken(abbreviation, i, i + 1, null, null));
        }
        if (s.isAny(i, PARAGRAPH)) {
            SpokenNumber n = section(s, i + 1);
            if (n == null) {
                return null;
            }
            boolean letter = s.isAny(n.to(), SECTION_LETTERS);
            String text = n.value() + (letter ? " " + s.word(n.to()) : "") + " §";
            return plain(text, i, letter ? n.to() + 1 : n.to());
        }
        if (s.is(i, "kapitel")) {
            SpokenNumber n = section(s, i + 1);
            return n != null && s.isAny(n.to(), PARAGRAPH) ? plain(n.value() + " kap.", i, n.to()) : null;
        }
        SpokenNumber n = section(s, i);
        if (n == null) {
            return null;
        }
        if (s.isAny(n.to(), CHAPTER_AFTER)) {
            return plain(n.value() + " kap.", i, n.to() + 1);
        }
        return s.is(n.to(), "paragrafen") ? plain(n.value() + " §", i, n.to() + 1) : null;
    }

    private static SpokenNumber section(Sentence s, int i) {
        SpokenNumber n = s.number(i, NumberScope.FULL);
        return n != null && n.value() >= 1 && n.value() <= MAX_SECTION ? n : null;
    }

    private static Match plain(String text, int from, int to) {
        return Match.of(new WrittenToken(text, from, to, null, null));
    }
}
