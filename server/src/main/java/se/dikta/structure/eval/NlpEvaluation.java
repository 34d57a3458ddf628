package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.dikta.structure.NoteStructurer;
import se.dikta.structure.StructuredNote;
import se.dikta.structure.classify.SectionClassifier;
import se.dikta.structure.classify.SectionDecision;
import se.dikta.structure.classify.SectionPredictor;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.eval.HeldOutNote.GoldEntity;
import se.dikta.structure.eval.HeldOutNote.GoldSentence;
import se.dikta.structure.model.NlpModels;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.segment.Layout;
import se.dikta.structure.segment.SpokenSentence;
import se.dikta.structure.template.Template;
import se.dikta.structure.template.TemplateCatalog;
import se.dikta.structure.written.FoundEntity;
import se.dikta.structure.written.SentenceWriter;

/**
 * Measures the pipeline on the held-out notes ({@code dikta.jar nlp evaluate}), next to the plain keyword
 * baseline: sentence-boundary F1 on the bare transcript (no word times, no commands), section accuracy and
 * per-key P/R/F1 on the gold sentences, end-to-end section accuracy per word, entity F1 per type (text and
 * type must match), and the exact-match rate of the written form of each gold sentence.
 */
public final class NlpEvaluation {

    private final NoteStructurer structurer;
    private final TemplateCatalog templates;
    private final SectionPredictor sections;
    private final SectionClassifier classifier;
    private final SentenceWriter gazetteerWriter;
    private final KeywordBaseline baseline = new KeywordBaseline();

    public NlpEvaluation(NoteStructurer structurer, NlpModels models, SpokenNumberNormalizer normalizer,
                         TemplateCatalog templates) {
        this.structurer = structurer;
        this.templates = templates;
        this.sections = new SectionPredictor(models.sections(), models.transitions());
        this.classifier = models.sections();
        this.gazetteerWriter = new SentenceWriter(normalizer, models.lexicon(), Set.of());
    }

    /** A gold sentence whose written form did not come out exactly, for the report's examples. */
    public record Mismatch(String noteId, String expected, String actual) {
    }

    /** An entity only the gold (missed) or only the model (spurious) has, as "TYPE|text". */
    public record EntityError(String noteId, String entity, boolean missed) {
    }

    public record Result(int notes, int sentences, int words, Scores model, Scores baseline,
                         List<Mismatch> normalisationMismatches, List<EntityError> entityErrors) {
    }

    public Result evaluate(List<HeldOutNote> notes) {
        Scores model = new Scores();
        Scores keywords = new Scores();
        List<Mismatch> mismatches = new ArrayList<>();
        List<EntityError> entityErrors = new ArrayList<>();
        int sentenceCount = 0;
        int wordCount = 0;
        for (HeldOutNote note : notes) {
            Template template = templates.find(note.template())
                    .orElseGet(() -> templates.find(Template.DEFAULT_ID).orElseThrow());
            List<String> transcript = note.transcript();
            sentenceCount += note.sentences().size();
            wordCount += transcript.size();
            List<SectionKey> goldKeys = note.sentences().stream()
                    .map(s -> SectionKey.parse(s.section()).orElseThrow(
                            () -> new IllegalArgumentException(note.id() + ": unknown section " + s.section())))
                    .toList();

            StructuredNote structured = structurer.structure(new Transcript(transcript, List.of()), template);
            scoreModel(note, template, goldKeys, structured, model, mismatches);
            entityErrors.addAll(entityErrors(note, structured));
            scoreBaseline(note, template, goldKeys, keywords);
        }
        return new Result(notes.size(), sentenceCount, wordCount, model, keywords, mismatches, entityErrors);
    }

    private void scoreModel(HeldOutNote note, Template template, List<SectionKey> goldKeys,
                            StructuredNote structured, Scores scores, List<Mismatch> mismatches) {
        List<Integer> predictedEnds = structured.sentences().stream().map(s -> s.words().to()).toList();
        scoreBoundaries(goldEnds(note), predictedEnds, scores);

        List<List<String>> goldWords = note.sentences().stream().map(GoldSentence::words).toList();
        List<Optional<SectionKey>> none = goldWords.stream().map(w -> Optional.<SectionKey>empty()).toList();
        List<SectionDecision> decisions = sections.predict(goldWords, none);
        List<SectionKey> predicted = decisions.stream().map(SectionDecision::key).toList();
        List<SectionKey> alone = new ArrayList<>();
        for (int i = 0; i < goldWords.size(); i++) {
            alone.add(argmax(classifier.probabilities(goldWords.get(i), i, goldWords.size())));
        }
        scoreSections(goldKeys, predicted, alone, scores);

        SectionKey[] wordKeys = new SectionKey[note.transcript().size()];
        for (StructuredNote.Sentence sentence : structured.sentences()) {
            for (int w = sentence.words().from(); w < sentence.words().to(); w++) {
                wordKeys[w] = sentence.section();
            }
        }
        scoreWords(note, template, goldKeys, wordKeys, scores);

        scoreEntities(note, found(structured), scores);

        for (GoldSentence gold : note.sentences()) {
            String written = structurer.writeSentence(gold.words()).text();
            scores.normalisedTotal++;
            if (written.equals(gold.written())) {
                scores.normalisedExact++;
            } else {
                mismatches.add(new Mismatch(note.id(), gold.written(), written));
            }
        }
    }

    private void scoreBaseline(HeldOutNote note, Template template, List<SectionKey> goldKeys, Scores scores) {
        List<String> transcript = note.transcript();
        List<Integer> ends = new ArrayList<>(baseline.boundaries(transcript));
        ends.add(transcript.size());
        scoreBoundaries(goldEnds(note), ends, scores);

        List<SectionKey> predicted = note.sentences().stream().map(s -> baseline.section(s.words())).toList();
        scoreSections(goldKeys, predicted, predicted, scores);

        SectionKey[] wordKeys = new SectionKey[transcript.size()];
        List<EntityMatch.Item> found = new ArrayList<>();
        int start = 0;
        for (int end : ends) {
            List<String> words = transcript.subList(start, end);
            SectionKey key = template.place(baseline.section(words));
            for (int w = start; w < end; w++) {
                wordKeys[w] = key;
            }
            List<Integer> indices = new ArrayList<>();
            List<String> marks = new ArrayList<>();
            for (int w = start; w < end; w++) {
                indices.add(w);
                marks.add(null);
            }
            SpokenSentence sentence = new SpokenSentence(indices, words, marks, ".", Layout.NONE, null);
            for (FoundEntity e : gazetteerWriter.write(sentence, List.of(), Set.of()).entities()) {
                found.add(new EntityMatch.Item(e.category(), e.text(), e.start() == 0));
            }
            start = end;
        }
        scoreWords(note, template, goldKeys, wordKeys, scores);
        scoreEntities(note, found, scores);

        for (GoldSentence gold : note.sentences()) {
            String plain = gold.spoken().strip();
            String written = Character.toUpperCase(plain.charAt(0)) + plain.substring(1) + ".";
            scores.normalisedTotal++;
            if (written.equals(gold.written())) {
                scores.normalisedExact++;
            }
        }
    }

    /** Internal sentence ends (word counts), the note's final end excluded since every system gets it. */
    private static List<Integer> goldEnds(HeldOutNote note) {
        List<Integer> ends = new ArrayList<>();
        int count = 0;
        for (GoldSentence sentence : note.sentences()) {
            count += sentence.words().size();
            ends.add(count);
        }
        return ends;
    }

    private static void scoreBoundaries(List<Integer> gold, List<Integer> predicted, Scores scores) {
        int last = gold.get(gold.size() - 1);
        Set<Integer> g = new HashSet<>(gold);
        Set<Integer> p = new HashSet<>(predicted);
        g.remove(last);
        p.remove(last);
        int tp = (int) p.stream().filter(g::contains).count();
        scores.boundaries.add(tp, p.size() - tp, g.size() - tp);
    }

    private static void scoreSections(List<SectionKey> gold, List<SectionKey> predicted, List<SectionKey> alone,
                                      Scores scores) {
        for (int i = 0; i < gold.size(); i++) {
            scores.sectionTotal++;
            if (gold.get(i) == predicted.get(i)) {
                scores.sectionCorrect++;
                scores.section(gold.get(i)).add(1, 0, 0);
            } else {
                scores.section(gold.get(i)).add(0, 0, 1);
                scores.section(predicted.get(i)).add(0, 1, 0);
            }
            if (gold.get(i) == alone.get(i)) {
                scores.sectionCorrectWithoutNeighbours++;
            }
        }
    }

    private static void scoreWords(HeldOutNote note, Template template, List<SectionKey> goldKeys,
                                   SectionKey[] predicted, Scores scores) {
        int w = 0;
        for (int s = 0; s < note.sentences().size(); s++) {
            SectionKey gold = template.place(goldKeys.get(s));
            for (int k = 0; k < note.sentences().get(s).words().size(); k++, w++) {
                scores.wordTotal++;
                if (predicted[w] == gold) {
                    scores.wordSectionCorrect++;
                }
            }
        }
    }

    private static List<EntityError> entityErrors(HeldOutNote note, StructuredNote structured) {
        EntityMatch.Outcome outcome = EntityMatch.match(goldEntities(note), found(structured));
        List<EntityError> errors = new ArrayList<>();
        outcome.spurious().forEach(e -> errors.add(new EntityError(note.id(), e.key(), false)));
        outcome.missed().forEach(e -> errors.add(new EntityError(note.id(), e.key(), true)));
        return errors;
    }

    /** The model's entities, each knowing whether it opens its sentence. */
    private static List<EntityMatch.Item> found(StructuredNote structured) {
        return structured.sentences().stream().flatMap(s -> s.entities().stream())
                .map(e -> new EntityMatch.Item(e.type(), e.text(), e.start() == 0)).toList();
    }

    private static List<EntityMatch.Item> goldEntities(HeldOutNote note) {
        List<EntityMatch.Item> gold = new ArrayList<>();
        for (GoldSentence sentence : note.sentences()) {
            for (GoldEntity e : sentence.entities()) {
                EntityCategory category = EntityCategory.parse(e.type()).orElseThrow(
                        () -> new IllegalArgumentException(note.id() + ": unknown entity type " + e.type()));
                gold.add(new EntityMatch.Item(category, e.text(), sentence.written().startsWith(e.text())));
            }
        }
        return gold;
    }

    private static void scoreEntities(HeldOutNote note, List<EntityMatch.Item> found, Scores scores) {
        EntityMatch.Outcome outcome = EntityMatch.match(goldEntities(note), found);
        Map<EntityCategory, int[]> counts = new HashMap<>();
        outcome.matched().forEach(e -> counts.computeIfAbsent(e.type(), k -> new int[3])[0]++);
        outcome.spurious().forEach(e -> counts.computeIfAbsent(e.type(), k -> new int[3])[1]++);
        outcome.missed().forEach(e -> counts.computeIfAbsent(e.type(), k -> new int[3])[2]++);
        counts.forEach((category, c) -> {
            scores.entity(category).add(c[0], c[1], c[2]);
            scores.allEntities.add(c[0], c[1], c[2]);
        });
    }

    private static SectionKey argmax(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return SectionKey.values()[best];
    }
}
