package se.dikta.structure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.dikta.structure.StructuredNote.Entity;
import se.dikta.structure.StructuredNote.Removed;
import se.dikta.structure.StructuredNote.Section;
import se.dikta.structure.StructuredNote.Sentence;
import se.dikta.structure.StructuredNote.TimeRange;
import se.dikta.structure.StructuredNote.Warning;
import se.dikta.structure.StructuredNote.WordRange;
import se.dikta.structure.classify.SectionDecision;
import se.dikta.structure.classify.SectionPredictor;
import se.dikta.structure.commands.CommandParser;
import se.dikta.structure.commands.DictationItem;
import se.dikta.structure.commands.HeadingVocabulary;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.entities.NameSpan;
import se.dikta.structure.localnames.LocalName;
import se.dikta.structure.localnames.LocalNameLexicon;
import se.dikta.structure.lint.FactAssessmentLint;
import se.dikta.structure.lint.SourceLint;
import se.dikta.structure.model.NlpModels;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.repair.Repair;
import se.dikta.structure.repair.RepairDetector;
import se.dikta.structure.segment.Segmentation;
import se.dikta.structure.segment.SentenceSplitter;
import se.dikta.structure.segment.SpokenSentence;
import se.dikta.structure.template.Template;
import se.dikta.structure.template.TemplateCatalog;
import se.dikta.structure.template.TemplateSection;
import se.dikta.structure.written.FoundEntity;
import se.dikta.structure.written.SentenceWriter;
import se.dikta.structure.written.WrittenSentence;

/**
 * The whole structuring pipeline for one dictated note: commands, sentence boundaries, written form,
 * entities, sections, lint. Blocking and CPU-bound: call it on a worker thread. Thread-safe.
 */
public final class NoteStructurer {

    private static final String INVALID_CHECKSUM = "invalid-checksum";

    private final NlpModels models;
    private final Map<String, CommandParser> parsers = new LinkedHashMap<>();
    private final SentenceSplitter splitter;
    private final SentenceWriter writer;
    private final SectionPredictor sections;
    private final FactAssessmentLint lint = new FactAssessmentLint();
    private final SourceLint sourceLint = new SourceLint();
    private final RepairDetector repairs;

    public NoteStructurer(NlpModels models, TemplateCatalog templates, SpokenNumberNormalizer normalizer,
                          double longPauseSeconds) {
        this.models = models;
        NumberWords numbers = new NumberWords(normalizer);
        for (Template template : templates.all()) {
            Map<String, SectionKey> titles = new LinkedHashMap<>();
            template.sections().forEach(s -> titles.put(s.title(), s.key()));
            parsers.put(template.id(), new CommandParser(new HeadingVocabulary(titles), numbers, models.commands()));
        }
        this.splitter = new SentenceSplitter(models.boundaries(), longPauseSeconds);
        this.writer = new SentenceWriter(normalizer, models.lexicon(), models.ordinaryWords(),
                models.commonWords());
        this.sections = new SectionPredictor(models.sections(), models.transitions());
        Set<String> names = new HashSet<>(models.lexicon().words("first-names"));
        names.addAll(models.lexicon().words("surnames"));
        this.repairs = new RepairDetector(normalizer, numbers, names);
    }

    /** @param template one of the catalog's templates */
    public StructuredNote structure(Transcript transcript, Template template) {
        return structure(transcript, template, List.of());
    }

    /**
     * @param localNames the writer's unit's own names: capitalised as written and given to the name finder as
     *                   lexicon context, without retraining
     */
    public StructuredNote structure(Transcript transcript, Template template, List<LocalName> localNames) {
        Lexicon lexicon = models.lexicon().plus(LocalNameLexicon.entries(localNames));
        SentenceWriter writer = this.writer.withLexicon(lexicon);
        RepairDetector.Result repaired = repairs.apply(parsers.get(template.id()).parse(transcript));
        Segmentation segmentation = splitter.split(transcript, repaired.items());
        List<SpokenSentence> spoken = segmentation.sentences();

        models.names().startNote();
        List<List<NameSpan>> names = new ArrayList<>(spoken.size());
        Set<String> noteNames = new HashSet<>();
        for (SpokenSentence sentence : spoken) {
            List<NameSpan> found = models.names().find(sentence.words(), lexicon);
            names.add(found);
            noteNames.addAll(writer.personWords(sentence.words(), found));
        }
        List<WrittenSentence> written = new ArrayList<>(spoken.size());
        for (int i = 0; i < spoken.size(); i++) {
            written.add(writer.write(spoken.get(i), names.get(i), noteNames));
        }
        List<SectionDecision> decisions = sections.predict(
                spoken.stream().map(SpokenSentence::words).toList(),
                spoken.stream().map(SpokenSentence::forcedSection).toList());
        return assemble(transcript, template, segmentation, written, decisions, repaired.repairs());
    }

    /**
     * The written form of words known to make one sentence (the evaluation's normalisation measure): dictated
     * punctuation is honoured, but no boundary is searched for.
     */
    public WrittenSentence writeSentence(List<String> words) {
        Transcript transcript = new Transcript(words, List.of());
        List<DictationItem> items = repairs.apply(parsers.values().iterator().next().parse(transcript)).items();
        SpokenSentence sentence = SentenceSplitter.asOneSentence(items);
        models.names().startNote();
        List<NameSpan> found = models.names().find(sentence.words());
        return writer.write(sentence, found, Set.copyOf(writer.personWords(sentence.words(), found)));
    }

    private StructuredNote assemble(Transcript transcript, Template template, Segmentation segmentation,
                                    List<WrittenSentence> written, List<SectionDecision> decisions,
                                    List<Repair> repairList) {
        List<SpokenSentence> spoken = segmentation.sentences();
        StringBuilder noteText = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        Map<SectionKey, StringBuilder> sectionTexts = new LinkedHashMap<>();
        for (int i = 0; i < spoken.size(); i++) {
            SpokenSentence source = spoken.get(i);
            WrittenSentence sentence = written.get(i);
            SectionDecision decision = decisions.get(i);
            SectionKey placed = template.place(decision.key());
            if (i > 0) {
                noteText.append(' ');
            }
            int start = noteText.length();
            noteText.append(sentence.text());
            for (FoundEntity e : sentence.entities()) {
                entities.add(new Entity(e.text(), e.category(), start + e.start(), start + e.end()));
            }
            sentences.add(new Sentence(sentence.text(), placed, round(decision.confidence()), decision.forced(), start,
                    noteText.length(), new WordRange(source.from(), source.to()), times(transcript, source),
                    sentence.entities().stream().map(e -> new Entity(e.text(), e.category(), e.start(), e.end()))
                            .toList()));
            StringBuilder sectionText = sectionTexts.computeIfAbsent(placed, k -> new StringBuilder());
            if (!sectionText.isEmpty()) {
                sectionText.append(source.layout().separator());
            }
            sectionText.append(sentence.text());
            lint.check(placed, source.words()).ifPresent(f -> warnings.add(new Warning(sentences.size() - 1, f.message())));
            List<String> previous = i > 0 && sentences.get(i - 1).section() == SectionKey.INFORMATION
                    ? spoken.get(i - 1).words() : List.of();
            sourceLint.check(placed, source.words(), previous)
                    .ifPresent(m -> warnings.add(new Warning(sentences.size() - 1, m)));
            if (sentence.flags().contains(INVALID_CHECKSUM)) {
                warnings.add(new Warning(sentences.size() - 1,
                        "Personnumret har fel kontrollsiffra. Kontrollera det mot ärendet."));
            }
        }
        List<Section> sections = new ArrayList<>();
        for (TemplateSection section : template.sections()) {
            StringBuilder text = sectionTexts.get(section.key());
            if (text != null) {
                sections.add(new Section(section.key(), section.title(), text.toString()));
            }
        }
        List<Removed> removed = new ArrayList<>(segmentation.removed().stream()
                .map(s -> new Removed(String.join(" ", s.words()), new WordRange(s.from(), s.to())))
                .toList());
        for (Repair repair : repairList) {
            int at = sentenceHolding(spoken, repair.keptFrom());
            String taken = String.join(" ", repair.removed());
            String kept = String.join(" ", repair.kept());
            removed.add(new Removed(taken, new WordRange(repair.from(), repair.to()), Removed.REPAIR,
                    at < 0 ? null : at, kept));
            if (at >= 0) {
                warnings.add(new Warning(at, "Rättelse under dikteringen: \"" + taken + "\" ströks och \"" + kept
                        + "\" skrevs. Kontrollera och återställ vid behov."));
            }
        }
        return new StructuredNote(template.id(), sections, sentences, entities, warnings, removed,
                noteText.toString());
    }

    /** Index of the sentence (deleted sentences not counted) holding transcript word {@code index}, or -1. */
    private static int sentenceHolding(List<SpokenSentence> spoken, int index) {
        for (int i = 0; i < spoken.size(); i++) {
            if (spoken.get(i).wordIndices().contains(index)) {
                return i;
            }
        }
        return -1;
    }

    private static TimeRange times(Transcript transcript, SpokenSentence sentence) {
        if (!transcript.hasTimes()) {
            return null;
        }
        return new TimeRange(transcript.times().get(sentence.from()).start(),
                transcript.times().get(sentence.to() - 1).end());
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
