package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertx.core.Vertx;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.db.Database;
import se.dikta.db.DbConfig;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.TestServer;

/**
 * Every limit the API edge declares for a stored text ({@link Field#column}) is at most the length of its
 * column in the schema the migrations build, read from INFORMATION_SCHEMA of H2 and of PostgreSQL. A column
 * shortened by a later migration fails here, not as a 500 in production. The fields are found by reflection
 * over every server class, so a new route's spec is checked without being listed.
 */
class SchemaLimitsTest {

    /** Limits declared outside a {@link RequestSpec} (domain code may not use the http package). */
    private static final Map<String, String> CONSTANTS = Map.of(
            "se.dikta.asr.StartFrame#MAX_NOTE_ID", "notes.id",
            "se.dikta.asr.StartFrame#MAX_CASE_ID", "cases.id",
            "se.dikta.asr.StartFrame#MAX_TEMPLATE", "notes.template");

    private static List<Limit> limits;

    record Limit(String where, int maxLength, String column) {
    }

    @BeforeAll
    static void findDeclaredLimits() throws Exception {
        limits = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.dikta")) {
            if (c.getFields().stream().noneMatch(f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                    && (f.getRawType().isEquivalentTo(RequestSpec.class) || f.getRawType().isEquivalentTo(Field.class)))) {
                continue;
            }
            Class<?> type = Class.forName(c.getName());
            for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                String where = type.getSimpleName() + "." + f.getName();
                if (f.getType() == RequestSpec.class) {
                    for (Field field : ((RequestSpec) f.get(null)).fields()) {
                        add(where + "." + field.name(), field);
                    }
                } else if (f.getType() == Field.class) {
                    add(where, (Field) f.get(null));
                }
            }
        }
        for (Map.Entry<String, String> e : CONSTANTS.entrySet()) {
            String[] at = e.getKey().split("#");
            java.lang.reflect.Field f = Class.forName(at[0]).getDeclaredField(at[1]);
            f.setAccessible(true);
            limits.add(new Limit(e.getKey(), f.getInt(null), e.getValue()));
        }
    }

    private static void add(String where, Field field) {
        field.column().ifPresent(column -> limits.add(new Limit(where, field.maxLength(), column)));
    }

    @Test
    void theRoutesDeclareTheirStoredTextsWithColumns() {
        assertThat(limits).extracting(Limit::column).contains("cases.title", "users.display_name",
                "users.username", "notes.transcript", "note_amendments.body", "unit_local_names.written");
        assertThat(limits).hasSizeGreaterThan(20);
    }

    @Test
    void everyDeclaredLimitFitsItsColumnInH2() throws Exception {
        Path dir = Files.createTempDirectory("dikta-schema-");
        try {
            check(new DbConfig("jdbc:h2:file:" + dir.resolve("dikta"), "sa", "", 2));
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    @Test
    void everyDeclaredLimitFitsItsColumnInPostgres() throws Exception {
        check(new DbConfig(PostgresServer.shared().createDatabase(), "dikta", "", 2));
    }

    private static void check(DbConfig config) {
        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open(vertx, config)) {
            Map<String, Integer> lengths = db.txBlocking(c -> {
                Map<String, Integer> m = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT table_name, column_name, character_maximum_length FROM information_schema.columns"
                                + " WHERE LOWER(table_schema) = 'public'")) {
                    while (rs.next()) {
                        long length = rs.getLong(3);
                        m.put((rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT),
                                rs.wasNull() ? null : (int) Math.min(length, Integer.MAX_VALUE));
                    }
                }
                return m;
            });
            assertThat(lengths).as("columns read from information_schema").containsKey("notes.transcript");
            for (Limit limit : limits) {
                assertThat(lengths).as(limit.where() + " names a column that exists").containsKey(limit.column());
                Integer length = lengths.get(limit.column());
                assertThat(length).as(limit.where() + " → " + limit.column() + " has a character length").isNotNull();
                assertThat(limit.maxLength()).as(limit.where() + " may not exceed " + limit.column() + " (" + length + ")")
                        .isLessThanOrEqualTo(length);
            }
        } finally {
            vertx.close().await();
        }
    }
}
