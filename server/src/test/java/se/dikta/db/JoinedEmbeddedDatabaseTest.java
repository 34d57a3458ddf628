package se.dikta.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.dikta.testing.ChildServer;
import se.dikta.testing.TestServer;

/**
 * A second process on the embedded database of a running server (`dikta.jar user add` beside `serve`) joins it
 * through H2's AUTO_SERVER and says so; it does not report a crash that did not happen.
 */
class JoinedEmbeddedDatabaseTest {

    @Test
    void aProcessJoiningARunningServersDatabaseDoesNotReportAServerThatDidNotStopCleanly() throws Exception {
        Path dir = Files.createTempDirectory("dikta-join-");
        Vertx vertx = Vertx.vertx();
        Logger log = (Logger) LoggerFactory.getLogger(Database.class); // its info lines too, whatever the root level
        Level level = log.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        try (ChildServer running = ChildServer.startOn(dir, ChildServer.freePort(), "256m", Map.of())) {
            assertThat(dir.resolve("dikta.lock.db")).exists();
            log.setLevel(Level.INFO);
            log.addAppender(appender);
            try (Database joined = Database.open(vertx, new DbConfig("jdbc:h2:file:" + dir.resolve("dikta"), "sa", "",
                    2))) {
                assertThat(joined.isUp()).isTrue();
            } finally {
                log.detachAppender(appender);
                log.setLevel(level);
            }
            assertThat(running.loginAnna().get("/api/cases").status()).as("the server still serves").isEqualTo(200);
        } finally {
            vertx.close().await();
            TestServer.deleteTree(dir);
        }
        List<String> lines;
        synchronized (appender.list) {
            lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        assertThat(lines).noneMatch(l -> l.contains("did not stop cleanly"))
                .anyMatch(l -> l.contains("another process has it open; connected through it"));
    }
}
