package se.dikta.structure.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A held-out dictated note with its gold structure (models/nlp/heldout/*.json, see models/nlp/README.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeldOutNote(String id, String caseType, String template, List<GoldSentence> sentences) {

    /**
     * A gold sentence. {@code repairs}: the spoken words of each self-correction the speaker made in it (what a
     * repair takes out, marker included: "den tolfte mars nej förlåt"); {@code noSource}: an INFORMATION
     * sentence that names no source (SOSFS 2014:5) — both optional.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldSentence(String spoken, String written, String section, List<GoldEntity> entities,
                               List<String> repairs, boolean noSource) {

        public GoldSentence {
            repairs = repairs == null ? List.of() : List.copyOf(repairs);
        }

        public List<String> words() {
            return List.of(spoken.strip().split("\\s+"));
        }
    }

    public record GoldEntity(String text, String type) {
    }

    /** The recogniser transcript: the spoken sentences joined by single spaces. */
    public List<String> transcript() {
        List<String> words = new ArrayList<>();
        sentences.forEach(s -> words.addAll(s.words()));
        return words;
    }

    public static List<HeldOutNote> readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("No held-out folder at " + dir.toAbsolutePath());
        }
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<HeldOutNote> notes = new ArrayList<>();
        for (Path file : files) {
            notes.add(mapper.readValue(file.toFile(), HeldOutNote.class));
        }
        return notes;
    }
}
