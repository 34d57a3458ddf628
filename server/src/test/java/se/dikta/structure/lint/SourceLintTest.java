package se.dikta.structure.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.dikta.structure.core.SectionKey;

class SourceLintTest {

    private final SourceLint lint = new SourceLint();

    private static List<String> words(String spoken) {
        return spoken.isEmpty() ? List.of() : Arrays.asList(spoken.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hon har ont i höften", "polisen var på plats i lördags efter att grannar ringt",
        "hyran är åtta tusen kronor i månaden"})
    void warnsOnInformationWithoutASource(String spoken) {
        assertThat(lint.check(SectionKey.INFORMATION, words(spoken), List.of())).contains(SourceLint.MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mamma berättar att hon sover dåligt", "enligt skolan har pojken hög frånvaro",
        "av polisens anmälan framgår att grannar larmade", "skolan uppger att han har hög frånvaro",
        "väninnan har sagt att de måste flytta", "hennes personnummer är nitton åttiofyra noll tre tolv"})
    void isQuietWhenTheSentenceNamesItsSource(String spoken) {
        assertThat(lint.check(SectionKey.INFORMATION, words(spoken), List.of())).isEmpty();
    }

    @Test
    void readsASentenceAfterOneWithASourceAsTheSameReport() {
        assertThat(lint.check(SectionKey.INFORMATION, words("hon har också tappat aptiten"),
                words("mamma berättar att hon sover dåligt"))).isEmpty();
    }

    @Test
    void onlyWarnsUnderInformation() {
        assertThat(lint.check(SectionKey.OBSERVATION, words("hon har ont i höften"), List.of())).isEmpty();
    }
}
