package se.dikta.timelog;

/**
 * Whose notes a report covers. Managers get their unit (under pseudonyms and small-group suppression
 * when configured); a worker gets only their own notes.
 */
public sealed interface ReportScope {

    /** A manager's report over one unit. */
    record Unit(long unitId) implements ReportScope {
        @Override
        public String column() {
            return "t.unit_id";
        }

        @Override
        public long id() {
            return unitId;
        }
    }

    /** A worker's report over their own notes. */
    record Worker(long userId) implements ReportScope {
        @Override
        public String column() {
            return "t.user_id";
        }

        @Override
        public long id() {
            return userId;
        }
    }

    /** The time_log column the scope filters on. */
    String column();

    long id();

    default boolean managerView() {
        return this instanceof Unit;
    }
}
