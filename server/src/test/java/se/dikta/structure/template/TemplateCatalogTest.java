package se.dikta.structure.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.SectionKey;

class TemplateCatalogTest {

    private final TemplateCatalog catalog = TrainedModels.templates();

    @Test
    void loadsTheFiveTemplatesFromTheClassPath() {
        assertThat(catalog.ids()).contains("journalanteckning", "hembesok", "telefonsamtal", "natverksmote",
                "uppfoljning");
        assertThat(catalog.all()).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.sections()).allSatisfy(s -> {
                assertThat(s.title()).isNotBlank();
                assertThat(s.hint()).isNotBlank();
            });
        });
        assertThat(catalog.find("journalanteckning").orElseThrow().sections()).extracting(TemplateSection::key)
                .containsExactly(SectionKey.values());
    }

    @Test
    void placesAMissingKeyInTheNearestSectionSoNothingIsLost() {
        Template phoneCall = catalog.find("telefonsamtal").orElseThrow();
        assertThat(phoneCall.section(SectionKey.NARVARANDE)).isEmpty();
        assertThat(phoneCall.place(SectionKey.NARVARANDE)).isEqualTo(SectionKey.KONTAKT);
        assertThat(phoneCall.place(SectionKey.OBSERVATION)).isEqualTo(SectionKey.INFORMATION);
        assertThat(phoneCall.place(SectionKey.BEDOMNING)).isEqualTo(SectionKey.BEDOMNING);
        for (SectionKey key : SectionKey.values()) {
            assertThat(phoneCall.section(phoneCall.place(key))).isPresent();
        }
    }

    @Test
    void refusesATemplateWithoutSections() {
        assertThatThrownBy(() -> new Template("tom", "Tom", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
