package se.dikta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import se.dikta.config.DiktaConfig;
import se.dikta.structure.NoteStructurer;
import se.dikta.structure.StructureConfig;
import se.dikta.structure.StructureService;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.SectionCorpus;
import se.dikta.structure.eval.DictationQualityEvaluation;
import se.dikta.structure.eval.EvaluationReport;
import se.dikta.structure.eval.HeldOutNote;
import se.dikta.structure.eval.NlpEvaluation;
import se.dikta.structure.eval.CommandEvaluation;
import se.dikta.structure.eval.OutsideEvaluation;
import se.dikta.structure.eval.OutsideReport;
import se.dikta.structure.eval.OutsideText;
import se.dikta.structure.eval.RecogniserNoise;
import se.dikta.structure.eval.SwedishConfusions;
import se.dikta.structure.model.CommandFolds;
import se.dikta.structure.model.NlpModelStore;
import se.dikta.structure.model.NlpModels;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.template.Template;
import se.dikta.structure.template.TemplateCatalog;

/**
 * {@code nlp evaluate [--heldout DIR] [--report FILE] [--examples N]}: trains (or loads from the cache) the
 * same models the server uses, runs them on the held-out notes and prints the figures as Markdown; with
 * {@code --report} also writes them to FILE (docs/nlp-evaluation.md).
 */
public final class NlpEvaluateCommand implements Command {

    private static final int COMMAND_FOLDS = 3;

    @Override
    public String usage() {
        return "nlp evaluate [--heldout DIR] [--report FILE] [--examples N]";
    }

    @Override
    public String[] ownOptions() {
        return new String[] {"--heldout", "--report", "--examples"};
    }

    @Override
    public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
        StructureConfig config = DiktaConfig.load(cl.without(ownOptions()), env).structure();
        Path heldout = option(cl, "--heldout").map(Path::of).orElse(config.heldoutDir());
        int examples = option(cl, "--examples").map(Integer::parseInt).orElse(0);
        SpokenNumberNormalizer normalizer = new SpokenNumberNormalizer();
        NlpModels models = new NlpModelStore(StructureService.trainingSource(config), config.modelDir(),
                new NumberWords(normalizer)).loadOrTrain();
        TemplateCatalog templates = StructureService.templatesOnClasspath();
        NoteStructurer structurer = new NoteStructurer(models, templates, normalizer, config.longPauseSeconds());
        NlpEvaluation evaluation = new NlpEvaluation(structurer, models, normalizer, templates);
        List<HeldOutNote> notes = HeldOutNote.readAll(heldout);
        NlpEvaluation.Result result = evaluation.evaluate(notes);
        Set<String> vocabulary = new HashSet<>();
        SectionCorpus.read(StructureService.trainingSource(config)).sentences().forEach(s -> vocabulary.addAll(s.words()));
        SwedishConfusions confusions = SwedishConfusions.derive(vocabulary);
        DictationQualityEvaluation.Result quality = new DictationQualityEvaluation(structurer, templates, evaluation)
                .evaluate(notes, new RecogniserNoise(confusions, vocabulary), confusions.size());
        String markdown = EvaluationReport.markdown(result, models.fingerprint(), examples)
                + DictationQualityEvaluation.markdown(quality, examples);
        Path outside = heldout.resolve("outside");
        if (Files.isDirectory(outside)) {
            OutsideEvaluation.Result outsideResult = new OutsideEvaluation(structurer,
                    templates.find(Template.DEFAULT_ID).orElseThrow()).evaluate(OutsideText.read(outside));
            // PUD's sentence ids name their source; the boundary model also trains on news (NTREX), so only the
            // Wikipedia part is of a domain no training text covers (models/nlp/SOURCES.md)
            markdown += OutsideReport.markdown(outsideResult, "UD Swedish-PUD test part (news and Wikipedia)",
                    Map.of("n", "news (the boundary model also trains on other news, NTREX)",
                            "w", "Wikipedia (no training text of this domain)"));
        }
        CommandEvaluation.Result commands = new CommandEvaluation(new NumberWords(normalizer))
                .evaluate(CommandFolds.train(StructureService.trainingSource(config), new NumberWords(normalizer),
                        COMMAND_FOLDS));
        if (commands.documents() > 0) { // a training folder without outside text has nothing to cross-validate
            markdown += CommandEvaluation.markdown(commands, COMMAND_FOLDS);
        }
        out.print(markdown);
        Optional<String> report = option(cl, "--report");
        if (report.isPresent()) {
            Path file = Path.of(report.get());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            out.println();
            out.println("Written to " + file);
        }
        return 0;
    }

    private static Optional<String> option(CommandLine cl, String name) {
        String value = cl.options().get(name);
        if ("true".equals(value)) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return Optional.ofNullable(value);
    }
}
