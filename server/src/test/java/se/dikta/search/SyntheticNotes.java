package se.dikta.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.dikta.notes.Note;
import se.dikta.notes.NoteMetrics;
import se.dikta.notes.NoteMode;
import se.dikta.notes.NoteSection;
import se.dikta.notes.NoteStatus;
import se.dikta.notes.Person;

/**
 * Realistic, varied Swedish journal notes for benchmarks: every section is assembled from a few sentences,
 * each sentence from independently chosen fragments (who, what, when, where, how), with names, dates,
 * times and the occasional personnummer. The same seed always gives the same notes.
 */
final class SyntheticNotes {

    static final List<String> TEMPLATES = List.of("journalanteckning", "utredning", "uppfoljning", "telefonsamtal");
    static final String[] SECTION_KEYS = {"KONTAKT", "NARVARANDE", "SYFTE", "INFORMATION", "OBSERVATION",
        "BEDOMNING", "PLANERING"};

    private static final String[] FIRST = {"Anna", "Erik", "Lisa", "Johan", "Sara", "Ahmed", "Fatima", "Oskar",
        "Maja", "Elias", "Nora", "Liam", "Ebba", "Hugo", "Alva", "Omar", "Leila", "Viktor", "Ida", "Mohammed",
        "Wilma", "Noah", "Selma", "Adam", "Astrid", "Yusuf", "Tove", "Emil", "Saga", "Ali"};
    private static final String[] LAST = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
        "Olsson", "Persson", "Svensson", "Gustafsson", "Hassan", "Ali", "Lindberg", "Berg", "Holm", "Öberg",
        "Åkesson", "Ström", "Sjöberg", "Wallin"};
    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli",
        "augusti", "september", "oktober", "november", "december"};
    private static final String[] CONTACT = {"Hembesök", "Telefonsamtal", "Besök på kontoret", "Nätverksmöte",
        "Digitalt möte", "Samtal i skolan", "Oanmält hembesök", "Trepartssamtal", "Samverkansmöte med BUP",
        "Enskilt samtal med barnet"};
    private static final String[] PLACE = {"i familjens lägenhet", "på socialkontoret", "på skolan",
        "via videolänk", "i mötesrum Ekorren", "på förskolan", "hos mormor", "på familjecentralen",
        "på fritidsgården", "i bilen på väg till BUP"};
    private static final String[] ROLE = {"mamma", "pappa", "styvpappa", "mormor", "morfar", "mentor",
        "klassföreståndare", "skolkurator", "tolk", "kontaktperson", "familjebehandlare", "god man",
        "förskollärare", "skolsköterska", "handläggare"};
    private static final String[] PURPOSE = {"följa upp placeringen", "diskutera skolgången",
        "informera om att en utredning har inletts", "planera insatser i hemmet", "göra en riskbedömning",
        "träffa barnet enskilt", "gå igenom vårdplanen", "stämma av hur umgänget fungerar",
        "erbjuda stöd i föräldraskapet", "följa upp orosanmälan från skolan", "diskutera ekonomiskt bistånd",
        "förbereda nätverksmötet"};
    private static final String[] SOURCE = {"Mamma", "Pappa", "Skolan", "Mentorn", "BUP", "Polisen", "Grannen",
        "Förskolan", "Mormor", "Skolsköterskan", "Kuratorn", "Barnet", "Hyresvärden", "Vårdcentralen"};
    private static final String[] REPORT_VERB = {"berättar", "uppger", "meddelar", "rapporterar", "säger",
        "har informerat om", "bekräftar", "framför"};
    private static final String[] FACT = {"pojken har hög frånvaro under hösten", "familjen har fått en ny lägenhet",
        "hon sover dåligt på nätterna", "det har varit bråk i hemmet flera kvällar", "han har börjat på fritids",
        "ekonomin är ansträngd sedan pappa blev arbetslös", "flickan har svårt att koncentrera sig på lektionerna",
        "syskonen bråkar mycket", "hyran inte har betalats på två månader", "mamma har fått en tid på psykiatrin",
        "barnet har berättat om slag i hemmet", "läxorna inte blir gjorda", "han äter dåligt och har gått ner i vikt",
        "umgänget med pappa har fungerat bättre", "hon har fått nya vänner i klassen",
        "familjen saknar nätverk i närheten", "det har förekommit missbruk tidigare",
        "tonåringen har varit ute sent på kvällarna", "elevhälsan har gjort en kartläggning",
        "familjen har önskat stöd från familjebehandlare"};
    private static final String[] SEEN = {"Lägenheten var städad och det fanns mat i kylskåpet",
        "Pojken satt tyst i soffan under större delen av besöket", "Flickan lekte lugnt med sina leksaker",
        "Mamman verkade trött och hade svårt att hålla fokus", "Det luktade rök i hallen",
        "Köket var stökigt med disk från flera dagar", "Barnet grät när samtalet handlade om pappa",
        "Pappan var vänlig men undvek frågor om ekonomin", "Syskonen satt nära varandra och viskade",
        "Det fanns inga sängkläder i barnets säng", "Hon skrattade och berättade gärna om skolan",
        "Han svarade kort och tittade mest i telefonen", "Lägenheten var trång för fem personer",
        "Mamman tog initiativ till lek med den minsta", "Det fanns tomma flaskor på balkongen"};
    private static final String[] ASSESS_START = {"Jag bedömer att", "Min bedömning är att",
        "Det finns oro för att", "Socialtjänsten gör bedömningen att", "Det verkar som att", "Sannolikt är det så att",
        "Sammantaget bedöms att", "Utifrån det som framkommit bedömer jag att"};
    private static final String[] ASSESS = {"barnets behov av stöd inte tillgodoses fullt ut",
        "föräldrarna har förmåga att ta emot stöd", "situationen är ohållbar för barnen",
        "mamman behöver mer stöd i vardagen", "risken för barnet är låg i nuläget",
        "skolsituationen behöver stärkas", "insatsen har gett effekt", "det finns skyddsfaktorer i nätverket",
        "pojken är i behov av en utredning hos BUP", "flickans skolgång påverkas av hemsituationen",
        "familjen är motiverad till förändring", "ytterligare kartläggning behövs innan beslut fattas",
        "barnet inte far illa men behöver följas upp", "pappans missbruk påverkar barnen negativt"};
    private static final String[] NEXT = {"Nästa hembesök", "Uppföljande möte", "Nätverksmöte",
        "Samtal med skolan", "Trepartssamtal", "Möte med BUP", "Enskilt samtal med barnet"};
    private static final String[] TODO = {"ska skicka en kallelse till föräldrarna",
        "kontaktar skolan för ett samverkansmöte", "tar fram ett förslag till vårdplan",
        "ansöker om kontaktfamilj", "bokar tolk till nästa möte", "skickar en remiss till BUP",
        "följer upp med skolsköterskan", "informerar om rätten att överklaga", "kontaktar hyresvärden",
        "bokar in familjebehandlare två gånger i veckan"};
    private static final String[] WHO = {"Handläggaren", "Mamma", "Pappa", "Skolan", "Familjebehandlaren",
        "Socialsekreteraren", "Kontaktpersonen"};
    private static final String[] CONNECT = {"Det framkommer också att", "Vidare framkommer att",
        "Det noteras även att", "Vid samma tillfälle framkom att"};

    private final Random random;
    private final long unitId;
    private final List<String> caseIds;
    private final List<Person> authors;

    /** Notes of one unit, spread over the given cases and authors. */
    SyntheticNotes(long seed, long unitId, List<String> caseIds, List<Person> authors) {
        this.random = new Random(seed);
        this.unitId = unitId;
        this.caseIds = List.copyOf(caseIds);
        this.authors = List.copyOf(authors);
    }

    /** {@code count} case ids "2024-0001", "2024-0002", ... */
    static List<String> caseIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.format("2024-%04d", i));
        }
        return ids;
    }

    /** {@code count} authors with user ids 1.., names drawn from the name lists. */
    static List<Person> authors(int count) {
        Random r = new Random(count);
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            people.add(new Person(i, FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)],
                    "Socialsekreterare"));
        }
        return people;
    }

    /** Note number {@code n}; its id is derived from n and its revision is n. */
    Note note(int n) {
        LocalDate date = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(4 * 365));
        List<NoteSection> sections = new ArrayList<>();
        sections.add(new NoteSection("KONTAKT", pick(CONTACT) + " den " + date.getDayOfMonth() + " "
                + MONTHS[date.getMonthValue() - 1] + " klockan " + (8 + random.nextInt(9)) + "."
                + (random.nextBoolean() ? "00" : "30") + " " + pick(PLACE) + "."));
        sections.add(new NoteSection("NARVARANDE", presentPeople()));
        if (random.nextInt(4) > 0) {
            sections.add(new NoteSection("SYFTE", "Syftet med " + pick("samtalet", "besöket", "mötet")
                    + " var att " + pick(PURPOSE) + "."));
        }
        sections.add(new NoteSection("INFORMATION", sentences(1 + random.nextInt(4),
                () -> pick(SOURCE) + " " + pick(REPORT_VERB) + " att " + pick(FACT) + ".")));
        if (random.nextInt(3) > 0) {
            sections.add(new NoteSection("OBSERVATION", sentences(1 + random.nextInt(3), () -> pick(SEEN) + ".")));
        }
        sections.add(new NoteSection("BEDOMNING", sentences(1 + random.nextInt(3),
                () -> pick(ASSESS_START) + " " + pick(ASSESS) + ".")));
        sections.add(new NoteSection("PLANERING", pick(NEXT) + " " + pick("bokas", "sker", "planeras") + " den "
                + (1 + random.nextInt(28)) + " " + pick(MONTHS) + ". " + pick(WHO) + " " + pick(TODO) + "."));
        Person author = authors.get(random.nextInt(authors.size()));
        Instant entry = date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(random.nextInt(86_400));
        return new Note(String.format("%08d-0000-4000-8000-%012d", n, n), caseIds.get(random.nextInt(caseIds.size())),
                unitId, TEMPLATES.get(random.nextInt(TEMPLATES.size())), date, entry, author, sections, "", List.of(),
                new NoteMetrics(random.nextBoolean() ? NoteMode.DICTATED : NoteMode.TYPED, 60 + random.nextInt(300),
                        30 + random.nextInt(600)), "", random.nextInt(5) == 0 ? NoteStatus.DRAFT : NoteStatus.SIGNED,
                1, null, entry, n, List.of());
    }

    private String presentPeople() {
        int count = 2 + random.nextInt(3);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = pick(ROLE) + " " + pick(FIRST) + " " + pick(LAST);
            if (random.nextInt(15) == 0) {
                person += " (" + personnummer() + ")";
            }
            people.add(person);
        }
        return "Närvarande var " + String.join(", ", people.subList(0, count - 1)) + " och " + people.get(count - 1)
                + ".";
    }

    String personnummer() {
        return String.format("%d%02d%02d-%04d", 1950 + random.nextInt(70), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(10_000));
    }

    private String sentences(int count, java.util.function.Supplier<String> sentence) {
        StringBuilder sb = new StringBuilder(sentence.get());
        for (int i = 1; i < count; i++) {
            String next = sentence.get();
            sb.append(' ');
            if (random.nextInt(3) == 0) {
                sb.append(pick(CONNECT)).append(' ').append(Character.toLowerCase(next.charAt(0)))
                        .append(next.substring(1));
            } else {
                sb.append(next);
            }
        }
        return sb.toString();
    }

    String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
