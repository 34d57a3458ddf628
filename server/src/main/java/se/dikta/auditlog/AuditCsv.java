package se.dikta.auditlog;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import se.dikta.calendar.OfficeCalendar;

/**
 * The audit log as CSV for the monthly follow-up in Swedish Excel: UTF-8 with a byte-order mark,
 * semicolons, CRLF, RFC 4180 quoting, times in Swedish local time, and a leading =, +, - or @ quoted away so
 * that no user name or search query is evaluated as a formula.
 */
public final class AuditCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    static final List<String> HEADER = List.of("Löpnummer", "Tid", "Användar-id", "Användare", "Roll", "Enhets-id",
            "Enhet", "Adress", "Händelse", "Objekt", "Objekt-id", "Ärende", "Utfall", "Detaljer");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(OfficeCalendar.ZONE);

    private AuditCsv() {
    }

    /** The byte-order mark and the header line: what an export starts with. */
    static byte[] header() {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One line per event, in the given order. */
    static byte[] rows(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 160);
        for (AuditEvent e : events) {
            line(out, List.of(Long.toString(e.seq()), TIME.format(e.at()), text(e.userId()), text(e.username()),
                    text(e.role()), text(e.unitId()), text(e.unit()), text(e.address()), text(e.action()),
                    text(e.entity()), text(e.entityId()), text(e.caseId()), text(e.outcome()), text(e.detail())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            String f = fields.get(i);
            if (f.indexOf(';') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
    }
}
