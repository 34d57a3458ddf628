package se.dikta;

import io.vertx.core.Future;
import se.dikta.demo.DemoSeeder;
import se.dikta.notes.DemoNotes;
import se.dikta.timelog.TimeLogDemoData;

/** {@code serve --demo}: seeds users, cases, time-log history and notes, in that order. */
final class DemoData {

    private DemoData() {}

    static Future<Void> seed(Services s) {
        return s.vertx().executeBlocking(() -> {
            DemoSeeder seeder = new DemoSeeder(s.db(), s.auth(), s.cases(), s.clock());
            seeder.seed(System.out);
            // before the demo notes, whose own time-log rows would make the log look seeded
            new TimeLogDemoData(s.timeLog()).seedIfEmpty(s.db(), seeder.users(), s.clock());
            return seeder.users();
        }).compose(users -> new DemoNotes(s.notes(), s.clock()).seed(users)).mapEmpty();
    }
}
