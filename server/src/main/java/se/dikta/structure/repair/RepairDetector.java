package se.dikta.structure.repair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.commands.DictationItem;
import se.dikta.structure.commands.DictationItem.Word;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.normalize.WrittenToken;

/**
 * Finds self-corrections in a parsed dictation ("den tolfte mars nej förlåt den trettonde mars", "klockan elva
 * nej det var klockan tio", "hos morfar nej hos mormor") and keeps only the repaired phrase. A repair needs a
 * marker ({@link RepairMarkers}) between two phrases of the same kind: two dates, times, amounts or numbers
 * as the normaliser reads them, two persons (names, kinship words), or two phrases opening with the same
 * preposition or determiner. A marker without such a pair ("hon svarade nej", "han sa förlåt till mamma") is
 * left alone. Words the repaired phrase leaves out are carried over ("sju tusen fyra hundra kronor förlåt sju
 * tusen två hundra" keeps "kronor"). Thread-safe (immutable).
 */
public final class RepairDetector {

    private static final int WINDOW = 12;

    /** Words that open a phrase which a repair repeats: "hos morfar nej hos mormor", "i skolan nej i hemmet". */
    private static final Set<String> OPENERS = Set.of("hos", "med", "till", "på", "i", "från", "av", "för", "om",
            "vid", "inför", "efter", "under", "mot", "utan", "den", "det", "en", "ett", "hans", "hennes", "hens",
            "sin", "sitt", "sina", "deras", "min", "mitt", "mina", "vår", "vårt", "våra", "dess");

    /** Kinship and role words that name a person in a note. */
    private static final Set<String> PERSON_WORDS = Set.of("mamma", "pappa", "mamman", "pappan", "mormor",
            "morfar", "farmor", "farfar", "moster", "morbror", "faster", "farbror", "bror", "brodern", "syster",
            "systern", "son", "sonen", "dotter", "dottern", "kusin", "kusinen", "styvpappa", "styvmamma",
            "bonuspappa", "bonusmamma", "pojken", "flickan", "barnet", "mentorn", "läraren", "rektorn", "kuratorn",
            "handläggaren", "tolken", "kontaktpersonen", "förälder", "föräldern", "vårdnadshavaren", "skolsköterskan",
            "socialsekreteraren", "psykologen", "läkaren", "sambon", "maken", "makan", "frun", "mannen", "pojkvännen",
            "flickvännen", "kompisen", "grannen");

    /** Words that may follow a time: "i natt", "på morgonen", "i går kväll". */
    private static final Set<String> DAY_PERIOD = Set.of("i", "på", "natt", "natten", "morse", "morgon", "morgonen",
            "förmiddagen", "eftermiddagen", "kvällen", "kväll", "går");

    private static final Set<String> CARRIED_OPENERS = Set.of("klockan", "den");

    private final SpokenNumberNormalizer normalizer;
    private final NumberWords numbers;
    private final Set<String> names;

    /** @param names first names and surnames (lowercase) that name a person */
    public RepairDetector(SpokenNumberNormalizer normalizer, NumberWords numbers, Set<String> names) {
        this.normalizer = normalizer;
        this.numbers = numbers;
        this.names = Set.copyOf(names);
    }

    /** The dictation with repairs applied, and the repairs. */
    public record Result(List<DictationItem> items, List<Repair> repairs) {

        public Result {
            items = List.copyOf(items);
            repairs = List.copyOf(repairs);
        }
    }

    private record Match(String kind, int from, int keptEnd, List<String> prefix, List<String> suffix) {
    }

    public Result apply(List<DictationItem> items) {
        List<DictationItem> out = new ArrayList<>(items.size());
        List<Repair> repairs = new ArrayList<>();
        List<Word> run = new ArrayList<>();
        for (DictationItem item : items) {
            if (item instanceof Word word) {
                run.add(word);
            } else {
                repairRun(run, out, repairs);
                out.add(item);
            }
        }
        repairRun(run, out, repairs);
        return new Result(out, repairs);
    }

    /** Repairs within one run of words between commands (a command ends any phrase). */
    private void repairRun(List<Word> run, List<DictationItem> out, List<Repair> repairs) {
        List<String> words = run.stream().map(Word::text).toList();
        int n = words.size();
        boolean[] drop = new boolean[n];
        Map<Integer, List<String>> before = new HashMap<>();
        Map<Integer, List<String>> after = new HashMap<>();
        int floor = 0;
        for (int m = 1; m < n; m++) {
            int e = RepairMarkers.markerEnd(words, m);
            if (e < 0 || e >= n) {
                continue;
            }
            Optional<Match> found = find(words, m, e, floor);
            if (found.isEmpty()) {
                continue;
            }
            Match match = found.get();
            for (int k = match.from(); k < e; k++) {
                drop[k] = true;
            }
            before.put(e, match.prefix());
            after.put(match.keptEnd() - 1, match.suffix());
            List<String> kept = new ArrayList<>(match.prefix());
            kept.addAll(words.subList(e, match.keptEnd()));
            kept.addAll(match.suffix());
            repairs.add(new Repair(match.kind(), words.subList(match.from(), e), run.get(match.from()).index(),
                    run.get(e - 1).index() + 1, kept, run.get(e).index()));
            floor = e;
            m = e - 1;
        }
        for (int k = 0; k < n; k++) {
            Word word = run.get(k);
            before.getOrDefault(k, List.of()).forEach(w -> out.add(new Word(word.index(), w)));
            if (!drop[k]) {
                out.add(word);
            }
            after.getOrDefault(k, List.of()).forEach(w -> out.add(new Word(word.index(), w)));
        }
        run.clear();
    }

    private Optional<Match> find(List<String> words, int m, int e, int floor) {
        Optional<Match> spoken = numberRepair(words, m, e, floor);
        if (spoken.isPresent()) {
            return spoken;
        }
        for (int len = 1; len <= 4 && m - len >= floor && e + len <= words.size(); len++) {
            List<String> taken = words.subList(m - len, m);
            List<String> given = words.subList(e, e + len);
            if (taken.equals(given) || taken.contains("nej") || given.contains("nej")) {
                continue;
            }
            String kind = phraseKind(taken, given);
            if (kind != null) {
                return Optional.of(new Match(kind, m - len, e + len, List.of(), List.of()));
            }
        }
        return Optional.empty();
    }

    /** Two phrases of the same kind with different content, or null. */
    private String phraseKind(List<String> taken, List<String> given) {
        int len = taken.size();
        if (len == 1) {
            return isPerson(taken.get(0)) && isPerson(given.get(0)) ? "PERSON" : null;
        }
        boolean sameRest = taken.subList(1, len).equals(given.subList(1, len));
        if (isNumber(taken.get(0)) && isNumber(given.get(0)) && sameRest) {
            return "NUMBER"; // "tre barn nej fyra barn"
        }
        if (taken.get(0).equals(given.get(0)) && OPENERS.contains(taken.get(0))
                && !taken.get(len - 1).equals(given.get(len - 1))) {
            return isPerson(given.get(len - 1)) ? "PERSON" : "PHRASE";
        }
        return null;
    }

    /** A date, time, amount or number repaired by another, as the normaliser reads them. */
    private Optional<Match> numberRepair(List<String> words, int m, int e, int floor) {
        int start = Math.max(floor, m - WINDOW);
        if (start >= m) {
            return Optional.empty();
        }
        List<String> left = words.subList(start, m);
        List<WrittenToken> leftTokens = normalizer.normalize(left);
        int last = leftTokens.size() - 1;
        while (last > 0 && leftTokens.get(last).entity() == null && DAY_PERIOD.contains(leftTokens.get(last).text())) {
            last--; // "klockan två i natt | nej": the time is before the part of the day
        }
        WrittenToken taken = leftTokens.get(last);
        String takenKind = kind(taken, left);
        if (takenKind == null) {
            return Optional.empty();
        }
        List<String> right = words.subList(e, Math.min(words.size(), e + WINDOW));
        List<WrittenToken> rightTokens = normalizer.normalize(right);
        WrittenToken given = rightTokens.get(0);
        if (given.entity() == null && CARRIED_OPENERS.contains(given.text()) && rightTokens.size() > 1) {
            WrittenToken next = rightTokens.get(1); // "den | 13:e": the opener belongs to the number after it
            given = new WrittenToken(next.text(), given.fromWord(), next.toWord(), next.entity(), next.flag());
        }
        String givenKind = kind(given, right);
        if (givenKind == null || !compatible(takenKind, givenKind)) {
            return Optional.empty();
        }
        List<String> takenWords = left.subList(taken.fromWord(), left.size());
        List<String> givenWords = right.subList(given.fromWord(), given.toWord());
        if (takenWords.equals(givenWords)) {
            return Optional.empty();
        }
        List<String> prefix = List.of();
        if (CARRIED_OPENERS.contains(takenWords.get(0)) && !givenWords.get(0).equals(takenWords.get(0))
                && isNumber(givenWords.get(0))) {
            prefix = List.of(takenWords.get(0));
        }
        List<String> suffix = List.of();
        if (isNumber(givenWords.get(givenWords.size() - 1))) {
            int lastNumber = takenWords.size() - 1;
            while (lastNumber >= 0 && !isNumber(takenWords.get(lastNumber))) {
                lastNumber--;
            }
            suffix = takenWords.subList(lastNumber + 1, takenWords.size());
            List<String> following = right.subList(given.toWord(), Math.min(right.size(), given.toWord() + suffix.size()));
            if (following.equals(suffix)) {
                suffix = List.of(); // said again after the repaired number: "klockan tre i natt"
            }
        }
        String kind = takenKind.equals("NUMBER") ? givenKind : takenKind;
        return Optional.of(new Match(kind, start + taken.fromWord(), e + given.toWord(), prefix, suffix));
    }

    private String kind(WrittenToken token, List<String> words) {
        if (token.entity() != null) {
            return token.entity().name();
        }
        List<String> span = words.subList(token.fromWord(), token.toWord());
        if (span.stream().allMatch(this::isNumber)) {
            return "NUMBER";
        }
        return token.text().chars().anyMatch(Character::isDigit) ? "NUMBER" : null;
    }

    private static boolean compatible(String taken, String given) {
        if (taken.equals(given)) {
            return true;
        }
        Set<String> numeric = Set.of("NUMBER", "AMOUNT", "DATE", "TIME");
        return (taken.equals("NUMBER") || given.equals("NUMBER")) && numeric.contains(taken) && numeric.contains(given);
    }

    private boolean isNumber(String word) {
        return numbers.isNumberWord(word);
    }

    private boolean isPerson(String word) {
        return PERSON_WORDS.contains(word) || names.contains(word);
    }
}
