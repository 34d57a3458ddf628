package se.dikta;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.search.NoteIndex;
import se.dikta.search.SwedishNoteAnalyzer;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** {@code dikta.jar index rebuild} against the database of a running server. */
class IndexRebuildCommandTest {

    @TempDir
    Path elsewhere;

    private static int run(Path dataDir, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return new Main().run(args, Map.of("DIKTA_DATA_DIR", dataDir.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rebuildsFromTheDatabaseAndRefusesAnIndexInUse() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            ApiClient anna = server.login("anna");
            anna.post("/api/cases", new JsonObject().put("id", "2026-0001"));
            for (String text : new String[] {"Hembesök.", "Telefonsamtal.", "Nätverksmöte."}) {
                assertThat(anna.post("/api/notes", new JsonObject().put("caseId", "2026-0001")
                        .put("template", "journalanteckning").put("sections", new JsonArray()
                                .add(new JsonObject().put("key", "KONTAKT").put("text", text)))).status()).isEqualTo(201);
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(run(server.dataDir(), out, err, "index", "rebuild")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("in use by a running server");

            Path otherIndex = elsewhere.resolve("index");
            int code = run(server.dataDir(), out, err, "index", "rebuild", "--search-index-dir", otherIndex.toString());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Search index rebuilt: 3 notes");
            try (NoteIndex rebuilt = NoteIndex.open(otherIndex, new SwedishNoteAnalyzer())) {
                assertThat(rebuilt.documentCount()).isEqualTo(3);
                assertThat(rebuilt.committedRevision()).isEqualTo(3);
            }
        }
    }
}
