package se.dikta.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import se.dikta.auth.AuthService;
import se.dikta.auth.UserStore;
import se.dikta.cases.CaseStore;
import se.dikta.db.Database;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * Demo mode ({@code serve --demo}): example users, cases and notes so a newcomer can try every feature.
 * Idempotent: a second start finds the users and adds nothing. The password is for demos only.
 */
public final class DemoSeeder {

    public static final String DEMO_PASSWORD = "dikta-demo";
    public static final String UNIT_CHILDREN = "IFO Barn och unga";
    public static final String UNIT_ADULTS = "IFO Vuxen";

    /** A demo user. */
    public record DemoUser(String username, String displayName, String title, Role role, String unit) {}

    public static final List<DemoUser> USERS = List.of(
        new DemoUser("anna", "Anna Lind", "Socialsekreterare", Role.WORKER, UNIT_CHILDREN),
        new DemoUser("karim", "Karim Haddad", "Socialsekreterare", Role.WORKER, UNIT_CHILDREN),
        new DemoUser("maria", "Maria Berg", "Enhetschef", Role.MANAGER, UNIT_CHILDREN),
        new DemoUser("erik", "Erik Sandberg", "Socialsekreterare", Role.WORKER, UNIT_ADULTS),
        new DemoUser("admin", "Sara Nyström", "Systemförvaltare", Role.ADMIN, "IT"));

    private final Database db;
    private final AuthService auth;
    private final CaseStore cases;
    private final Clock clock;

    public DemoSeeder(Database db, AuthService auth, CaseStore cases, Clock clock) {
        this.db = db;
        this.auth = auth;
        this.cases = cases;
        this.clock = clock;
    }

    /** Seeds what is missing and prints how to sign in. Blocking: run it on a worker thread. */
    public void seed(PrintStream out) {
        boolean alreadySeeded = auth.listUsersBlocking().stream().anyMatch(u -> u.username().equals("anna"));
        if (!alreadySeeded) {
            for (DemoUser u : USERS) {
                auth.addUserBlocking(new UserStore.NewUser(u.username(), u.displayName(), u.title(), u.role(),
                        u.unit()), DEMO_PASSWORD);
            }
            db.txBlocking(c -> {
                long children = new UserStore().unitId(c, UNIT_CHILDREN);
                long adults = new UserStore().unitId(c, UNIT_ADULTS);
                cases.create(c, "2026-0142", children, "Barnavårdsutredning, familj A", clock.instant());
                cases.create(c, "2026-0157", children, "Orosanmälan från skola, familj B", clock.instant());
                cases.create(c, "2026-0163", children, "Uppföljning placering, familj C", clock.instant());
                cases.create(c, "2026-0311", adults, "Ekonomiskt bistånd, hushåll D", clock.instant());
                cases.create(c, "2026-0322", adults, "Missbruksutredning, klient E", clock.instant());
                return null;
            });
        }
        out.println("Demoläge: exempelanvändare (endast för demo, lösenord \"" + DEMO_PASSWORD + "\"):");
        for (DemoUser u : USERS) {
            out.printf("  %-6s %-8s %s%n", u.username(), u.role().id(), u.unit());
        }
    }

    /** The demo users as stored, for other seeders (notes, time log). */
    public List<AuthUser> users() {
        return auth.listUsersBlocking();
    }
}
