package se.dikta.structure.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.dikta.structure.corpus.CorpusSource;

/** The note templates, read once from {@code templates/*.json} (packaged from models/templates). Immutable. */
public final class TemplateCatalog {

    private final Map<String, Template> templates;

    public TemplateCatalog(List<Template> templates) {
        Map<String, Template> byId = new LinkedHashMap<>();
        for (Template template : templates) {
            if (byId.put(template.id(), template) != null) {
                throw new IllegalArgumentException("duplicate template id " + template.id());
            }
        }
        this.templates = Collections.unmodifiableMap(byId);
    }

    /** @param source a folder holding the template files directly */
    public static TemplateCatalog read(CorpusSource source) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Template> templates = new ArrayList<>();
        for (String path : source.list(".", ".json")) {
            try {
                templates.add(mapper.readValue(source.read(path), Template.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("Bad template " + path + ": " + e.getMessage(), e);
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("No templates in " + source.describe());
        }
        return new TemplateCatalog(templates);
    }

    public Optional<Template> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    public List<Template> all() {
        return List.copyOf(templates.values());
    }

    public List<String> ids() {
        return List.copyOf(templates.keySet());
    }
}
