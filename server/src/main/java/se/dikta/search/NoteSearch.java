package se.dikta.search;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One search over the note index, already checked and bound to the reader's access scope. Build one with
 * {@link #in(long)}.
 *
 * @param unitId the only unit whose notes this search may see; part of the Lucene query, so totals and
 *        facets never count anything else
 * @param query what the person typed (see {@link UserQueryParser}); empty means every readable note
 * @param section restrict the query text to this section, and keep only notes that have it
 * @param author a user id, or an author's full name (any case)
 * @param from first contact date included
 * @param to last contact date included
 * @param page 1-based page number
 */
public record NoteSearch(
        long unitId,
        String query,
        Optional<String> caseId,
        Optional<String> section,
        Optional<String> template,
        Optional<String> author,
        Optional<String> status,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        int page,
        int size,
        Order order) {

    /** Hit order. */
    public enum Order {
        /** Best match first, newest first among equals. */
        RELEVANCE,
        /** Newest contact first. */
        NEWEST,
        OLDEST
    }

    public NoteSearch {
        query = query == null ? "" : query.strip();
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
    }

    /** Starts a search over the notes of one unit. */
    public static Builder in(long unitId) {
        return new Builder(unitId);
    }

    /** Index of the first hit of the page among all hits (a long: page × size may exceed an int). */
    long offset() {
        return (long) (page - 1) * size;
    }

    /** Collects the optional parts; unset filters stay empty, the order defaults on the query text. */
    public static final class Builder {
        private final long unitId;
        private String query = "";
        private String caseId;
        private String section;
        private String template;
        private String author;
        private String status;
        private LocalDate from;
        private LocalDate to;
        private int page = 1;
        private int size = 20;
        private Order order;

        private Builder(long unitId) {
            this.unitId = unitId;
        }

        public Builder query(String text) {
            this.query = text;
            return this;
        }

        public Builder caseId(String id) {
            this.caseId = id;
            return this;
        }

        public Builder section(String key) {
            this.section = key;
            return this;
        }

        public Builder template(String id) {
            this.template = id;
            return this;
        }

        public Builder author(String idOrName) {
            this.author = idOrName;
            return this;
        }

        public Builder status(String id) {
            this.status = id;
            return this;
        }

        public Builder dates(LocalDate first, LocalDate last) {
            this.from = first;
            this.to = last;
            return this;
        }

        /** 1-based page number. */
        public Builder page(int number) {
            this.page = number;
            return this;
        }

        /** Hits per page. */
        public Builder size(int hits) {
            this.size = hits;
            return this;
        }

        /** Null keeps the default: relevance with query text, newest first without. */
        public Builder order(Order o) {
            this.order = o;
            return this;
        }

        public NoteSearch build() {
            boolean hasText = query != null && !query.isBlank();
            return new NoteSearch(unitId, query, Optional.ofNullable(caseId), Optional.ofNullable(section),
                    Optional.ofNullable(template), Optional.ofNullable(author), Optional.ofNullable(status),
                    Optional.ofNullable(from), Optional.ofNullable(to), page, size,
                    order != null ? order : hasText ? Order.RELEVANCE : Order.NEWEST);
        }
    }
}
