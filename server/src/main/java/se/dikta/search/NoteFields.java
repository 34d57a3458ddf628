package se.dikta.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import se.dikta.notes.Amendment;
import se.dikta.notes.Note;
import se.dikta.notes.NoteSection;

/**
 * The index schema: which fields a note becomes and how each is indexed. One Lucene document per note,
 * identified by {@link #ID}; a changed note replaces its document.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>indexed as</th><th>used for</th></tr>
 *   <tr><td>{@link #TEXT}</td><td>analyzed one value per section and amendment (position gap between them),
 *       stored once, with offsets in the postings</td>
 *       <td>searching the whole note; snippets (offsets let the highlighter skip re-analysis)</td></tr>
 *   <tr><td>{@code s.KEY} ({@link #sectionField})</td><td>analyzed, not stored</td>
 *       <td>searching within one section; the per-section facet counts</td></tr>
 *   <tr><td>{@link #UNSECTIONED}</td><td>analyzed, not stored</td>
 *       <td>amendments without a section: with the section fields, every value of {@link #TEXT}, so a word's
 *       hits and section counts come from the section fields alone ({@link FacetCounter#fromParts})</td></tr>
 *   <tr><td>{@code 2.} + a part's field ({@link WordPairs#field})</td><td>the part's word pairs, documents only</td>
 *       <td>an exact phrase's hits and section counts without positions ({@link WordPairs})</td></tr>
 *   <tr><td>{@link #SECTION}</td><td>keyword + sorted-set doc values, one value per non-blank section</td>
 *       <td>the section filter when there is no query text; listing the section keys</td></tr>
 *   <tr><td>{@link #TEMPLATE}</td><td>keyword + sorted-set doc values, stored</td><td>filter, template facet</td></tr>
 *   <tr><td>{@link #UNIT}, {@link #CASE}, {@link #AUTHOR_ID}, {@link #AUTHOR}, {@link #STATUS}</td>
 *       <td>exact terms</td><td>filters; {@link #UNIT} is the access restriction on every search</td></tr>
 *   <tr><td>{@link #DATE}</td><td>long point + doc values (epoch day of the contact)</td>
 *       <td>date range filter, sorting by date</td></tr>
 *   <tr><td>{@link #ENTRY}</td><td>long doc values (epoch millis of writing)</td><td>tie-break when sorting by date</td></tr>
 *   <tr><td>{@link #UNIT_ORDER}</td><td>numeric doc values (the unit id)</td><td>the first key of the index sort</td></tr>
 *   <tr><td>{@link #UNIT_TEMPLATE}</td><td>exact term "unit/template"</td>
 *       <td>where a unit's notes, and its notes of one template, lie in a segment (first doc + doc freq)</td></tr>
 *   <tr><td>{@link #UNIT_SECTION}</td><td>exact term "unit/section key", one per non-blank section</td>
 *       <td>a unit listing's section counts from term statistics</td></tr>
 * </table>
 *
 * <p><b>Index sort.</b> Every segment is sorted by unit, then template, then newest contact first
 * ({@link #indexSort()}): a unit's notes are one contiguous range of doc ids per segment, and its notes of one
 * template a contiguous sub-range. A search as a worker of a unit scores only that range ({@link UnitScope}),
 * and counts templates by the sub-range a hit falls in instead of reading doc values.
 *
 * <p>Amendment texts are added to {@link #TEXT} (and to their section's field, or {@link #UNSECTIONED}), so a
 * correction is found by the same searches as the text it corrects.
 */
final class NoteFields {

    static final String ID = "id";
    static final String CASE = "caseId";
    static final String UNIT = "unit";
    static final String TEMPLATE = "template";
    static final String AUTHOR_ID = "authorId";
    /** The author's name in lower case, for an exact, case-insensitive author filter. */
    static final String AUTHOR = "author";
    static final String AUTHOR_NAME = "authorName";
    static final String STATUS = "status";
    static final String DATE = "date";
    static final String ENTRY = "entry";
    static final String TEXT = "text";
    static final String SECTION = "section";
    static final String UNIT_ORDER = "unitOrder";
    static final String UNIT_TEMPLATE = "unitTemplate";
    static final String UNIT_SECTION = "unitSection";
    /** Between the unit id and the template or section key in {@link #UNIT_TEMPLATE} and {@link #UNIT_SECTION}. */
    static final char SCOPE_SEPARATOR = '/';

    /** Amendments that refer to no section (those that do are in their section's field). */
    static final String UNSECTIONED = "unsectioned";
    /** Between the values of {@link #TEXT} in its stored text (as in {@link Note#text()}). */
    static final String VALUE_SEPARATOR = "\n\n";

    private static final String SECTION_PREFIX = "s.";

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private NoteFields() {
    }

    static String sectionField(String key) {
        return SECTION_PREFIX + key;
    }

    /** The order of documents in every segment: unit, template, newest contact first, newest entry first. */
    static Sort indexSort() {
        return new Sort(new SortField(UNIT_ORDER, SortField.Type.LONG), new SortedSetSortField(TEMPLATE, false),
                new SortedNumericSortField(DATE, SortField.Type.LONG, true),
                new SortedNumericSortField(ENTRY, SortField.Type.LONG, true));
    }

    static String unitScoped(long unitId, String key) {
        return unitId + String.valueOf(SCOPE_SEPARATOR) + key;
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    static String authorKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static Document toDocument(Note note) {
        Document doc = new Document();
        doc.add(new StringField(ID, note.id(), Field.Store.YES));
        doc.add(new StringField(CASE, note.caseId(), Field.Store.YES));
        doc.add(new StringField(UNIT, Long.toString(note.unitId()), Field.Store.NO));
        doc.add(new NumericDocValuesField(UNIT_ORDER, note.unitId()));
        doc.add(new KeywordField(TEMPLATE, note.template(), Field.Store.YES));
        doc.add(new StringField(UNIT_TEMPLATE, unitScoped(note.unitId(), note.template()), Field.Store.NO));
        doc.add(new StringField(AUTHOR_ID, Long.toString(note.author().userId()), Field.Store.NO));
        doc.add(new StringField(AUTHOR, authorKey(note.author().name()), Field.Store.NO));
        doc.add(new StoredField(AUTHOR_NAME, note.author().name()));
        doc.add(new StringField(STATUS, note.status().id(), Field.Store.YES));
        doc.add(new LongField(DATE, note.eventDate().toEpochDay(), Field.Store.YES));
        doc.add(new LongField(ENTRY, note.entryTime().toEpochMilli(), Field.Store.NO));

        // The combined text is indexed one value per section and amendment: the analyzer leaves a position gap
        // between values (no phrase or joined compound spans a section break) and an offset gap the length of the
        // separator, so the offsets still point into the stored text, which is the values joined by it.
        List<String> values = new ArrayList<>();
        for (NoteSection section : note.sections()) {
            if (!section.isBlank()) {
                values.add(section.text().strip());
                doc.add(new KeywordField(SECTION, section.key(), Field.Store.NO));
                doc.add(new StringField(UNIT_SECTION, unitScoped(note.unitId(), section.key()), Field.Store.NO));
                doc.add(new TextField(sectionField(section.key()), section.text(), Field.Store.NO));
                doc.add(new Field(WordPairs.field(sectionField(section.key())), section.text(), WordPairs.TYPE));
            }
        }
        if (values.isEmpty()) {
            values.add(""); // the stored text then starts with the separator, as Note.text() + amendments always did
        }
        for (Amendment amendment : note.amendments()) {
            values.add(amendment.text());
            String field = amendment.section() != null ? sectionField(amendment.section()) : UNSECTIONED;
            doc.add(new TextField(field, amendment.text(), Field.Store.NO));
            doc.add(new Field(WordPairs.field(field), amendment.text(), WordPairs.TYPE));
        }
        for (String value : values) {
            doc.add(new Field(TEXT, value, TEXT_WITH_OFFSETS));
        }
        doc.add(new StoredField(TEXT, String.join(VALUE_SEPARATOR, values)));
        return doc;
    }

    /**
     * Whether the field holds part of the combined text: a section's field or {@link #UNSECTIONED}. Together they
     * hold every value of {@link #TEXT}, so a query that matches within one value matches the combined text
     * exactly where it matches one of them.
     */
    static boolean isPartOfText(String field) {
        return field.startsWith(SECTION_PREFIX) || field.equals(UNSECTIONED);
    }

    /** The section key of a section field, or null for another field. */
    static String sectionKeyOf(String field) {
        return field.startsWith(SECTION_PREFIX) ? field.substring(SECTION_PREFIX.length()) : null;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
