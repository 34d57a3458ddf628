package se.dikta.notes;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.identity.AuthUser;
import se.dikta.structure.template.Template;

/**
 * Demo mode: a few journal notes in the demo cases, written through {@link NoteService} as the demo
 * workers would (so they are versioned, indexed and searchable like any other). Idempotent: nothing is
 * added when the first demo case already has notes.
 */
public final class DemoNotes {

    private final NoteService notes;
    private final Clock clock;

    public DemoNotes(NoteService notes, Clock clock) {
        this.notes = notes;
        this.clock = clock;
    }

    /** Seeds the notes; completes when they are written (or were there already). */
    public Future<Void> seed(List<AuthUser> users) {
        Optional<AuthUser> anna = user(users, "anna");
        Optional<AuthUser> karim = user(users, "karim");
        Optional<AuthUser> erik = user(users, "erik");
        if (anna.isEmpty() || karim.isEmpty() || erik.isEmpty()) {
            return Future.succeededFuture();
        }
        return notes.listByCase(anna.get(), "2026-0142").compose(existing -> existing.isEmpty()
                ? writeAll(anna.get(), karim.get(), erik.get())
                : Future.succeededFuture());
    }

    private Future<Void> writeAll(AuthUser anna, AuthUser karim, AuthUser erik) {
        return write(anna, "2026-0142", "2026-03-12", NoteMode.DICTATED,
                "KONTAKT", "Hembesök den 12 mars klockan 14.00 i familjens lägenhet.",
                "NARVARANDE", "Närvarande var mamma Lena Ek (19840312-4567), sonen Noah 7 år och handläggare Anna Lind.",
                "SYFTE", "Syftet med besöket var att följa upp orosanmälan från skolan.",
                "INFORMATION", "Mamma berättar att Noah sover dåligt och ofta kommer för sent till skolan. "
                        + "Skolan uppger att han har hög frånvaro sedan januari.",
                "OBSERVATION", "Lägenheten var städad. Noah satt tyst i soffan under större delen av besöket.",
                "BEDOMNING", "Min bedömning är att mamma behöver mer stöd i vardagen för att få rutinerna att fungera.",
                "PLANERING", "Nästa hembesök den 3 april. Handläggaren kontaktar skolan för ett samverkansmöte.")
                .compose(home -> notes.sign(anna, home.id()))
                .compose(home -> notes.amend(anna, home.id(), "KONTAKT",
                        "Rättelse: besöket började klockan 14.30, inte 14.00."))
                .compose(x -> write(karim, "2026-0157", "2026-03-18", NoteMode.TYPED,
                        "KONTAKT", "Telefonsamtal med mentor den 18 mars.",
                        "INFORMATION", "Mentorn uppger att Elsa har svårt att koncentrera sig på lektionerna och att "
                                + "hon har berättat om bråk i hemmet.",
                        "BEDOMNING", "Det finns oro för Elsas situation hemma. Ytterligare kartläggning behövs.",
                        "PLANERING", "Samtal med vårdnadshavarna bokas den 25 mars."))
                .compose(call -> notes.sign(karim, call.id()))
                .compose(x -> write(anna, "2026-0163", "2026-03-20", NoteMode.DICTATED,
                        "KONTAKT", "Uppföljande besök i familjehemmet den 20 mars.",
                        "OBSERVATION", "Flickan lekte lugnt och tog själv kontakt med handläggaren.",
                        "BEDOMNING", "Placeringen bedöms fungera väl."))
                .compose(x -> write(erik, "2026-0311", "2026-03-15", NoteMode.TYPED,
                        "KONTAKT", "Besök på kontoret den 15 mars.",
                        "INFORMATION", "Klienten uppger att hyran inte har betalats på två månader.",
                        "PLANERING", "Klienten skickar in kontoutdrag senast den 22 mars."))
                .compose(adult -> notes.sign(erik, adult.id()))
                .mapEmpty();
    }

    private Future<Note> write(AuthUser author, String caseId, String date, NoteMode mode, String... keyTextPairs) {
        List<NoteSection> sections = new ArrayList<>();
        for (int i = 0; i < keyTextPairs.length; i += 2) {
            sections.add(new NoteSection(keyTextPairs[i], keyTextPairs[i + 1]));
        }
        NoteMetrics metrics = mode == NoteMode.DICTATED ? new NoteMetrics(mode, 95, 140) : new NoteMetrics(mode, 0, 420);
        return notes.create(author, caseId, Template.DEFAULT_ID,
                new NoteContent(withinTheLastYear(LocalDate.parse(date)), sections, null, null, metrics, null));
    }

    /**
     * The demo's contact date moved by whole years into the year up to today: the texts name day and month only,
     * and a contact date must lie between five years back and today whenever the demo is started.
     */
    private LocalDate withinTheLastYear(LocalDate date) {
        LocalDate today = OfficeCalendar.today(clock);
        LocalDate d = date;
        while (d.isAfter(today)) {
            d = d.minusYears(1);
        }
        while (d.isBefore(today.minusYears(1))) {
            d = d.plusYears(1);
        }
        return d;
    }

    private static Optional<AuthUser> user(List<AuthUser> users, String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
