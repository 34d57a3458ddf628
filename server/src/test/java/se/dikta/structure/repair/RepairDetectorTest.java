package se.dikta.structure.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.commands.CommandParser;
import se.dikta.structure.commands.DictationItem;
import se.dikta.structure.commands.DictationItem.Word;
import se.dikta.structure.commands.HeadingVocabulary;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

class RepairDetectorTest {

    private static final SpokenNumberNormalizer NORMALIZER = new SpokenNumberNormalizer();
    private static final NumberWords NUMBERS = new NumberWords(NORMALIZER);
    private final RepairDetector detector = new RepairDetector(NORMALIZER, NUMBERS, Set.of("lisa", "lena", "berg"));
    private final CommandParser parser = new CommandParser(new HeadingVocabulary(java.util.Map.of()), NUMBERS,
            se.dikta.structure.TrainedModels.models().commands());

    private RepairDetector.Result apply(String spoken) {
        return detector.apply(parser.parse(Transcript.of(spoken)));
    }

    private static String words(List<DictationItem> items) {
        return items.stream().filter(i -> i instanceof Word).map(i -> ((Word) i).text())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hembesök den tolfte mars nej förlåt den trettonde mars       | hembesök den trettonde mars        | DATE | den tolfte mars nej förlåt
            hembesök den tolfte mars nej den trettonde                   | hembesök den trettonde mars        | DATE | den tolfte mars nej
            mötet börjar klockan elva nej det var klockan tio            | mötet börjar klockan tio           | TIME | klockan elva nej det var
            vi ses klockan halv tre eller nej halv fyra                  | vi ses halv fyra                   | TIME | klockan halv tre eller nej
            grannar larmade klockan två i natt nej klockan tre i natt   | grannar larmade klockan tre i natt | TIME | klockan två i natt nej
            grannar larmade klockan två i natt nej tre                   | grannar larmade klockan tre i natt | TIME | klockan två i natt nej
            hyran är sju tusen fyra hundra kronor förlåt jag menar sju tusen två hundra | hyran är sju tusen två hundra kronor | AMOUNT | sju tusen fyra hundra kronor förlåt jag menar
            hon har tre barn nej fyra barn                               | hon har fyra barn                  | NUMBER | tre barn nej
            pojken bor hos morfar nej hos mormor                         | pojken bor hos mormor              | PERSON | hos morfar nej
            pojken bor hos morfar nej mormor                             | pojken bor hos mormor              | PERSON | morfar nej
            lisa nej förlåt lena berättar att hon sover dåligt           | lena berättar att hon sover dåligt | PERSON | lisa nej förlåt
            mötet hölls i skolan jag menar i fritidsgården               | mötet hölls i fritidsgården        | PHRASE | i skolan jag menar
            """)
    void keepsOnlyTheRepairedPhrase(String spoken, String expected, String kind, String removed) {
        RepairDetector.Result result = apply(spoken);
        assertThat(words(result.items())).isEqualTo(expected);
        assertThat(result.repairs()).hasSize(1);
        assertThat(result.repairs().get(0).kind()).isEqualTo(kind);
        assertThat(String.join(" ", result.repairs().get(0).removed())).isEqualTo(removed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hon svarade nej", "hon svarade nej på frågan om hon vill flytta",
        "han sa förlåt till mamma", "pojken bad om förlåt för det han gjort", "mamma sa nej mamma vill inte",
        "på frågan svarar hon nej hon vill bo kvar", "hembesöket blir den tolfte eller den trettonde mars",
        "han sa förlåt två gånger", "nej", "pappa sa nej till hembesök den tolfte mars"})
    void leavesMarkersThatAreNotRepairs(String spoken) {
        RepairDetector.Result result = apply(spoken);
        assertThat(result.repairs()).isEmpty();
        assertThat(words(result.items())).isEqualTo(spoken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"klockan elva nej punkt klockan tio", "den tolfte mars nej ny rad den trettonde mars"})
    void doesNotRepairAcrossADictatedCommand(String spoken) {
        assertThat(apply(spoken).repairs()).isEmpty();
    }
}
