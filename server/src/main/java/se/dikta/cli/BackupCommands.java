package se.dikta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import se.dikta.config.DiktaConfig;

/**
 * {@code backup --to FILE} and {@code restore --from FILE} for the embedded database. The backup is H2's
 * own online {@code BACKUP TO}: consistent while the server runs and writes (the command reaches the
 * running server's database through H2's auto-server mode). The search index is not backed up: a server
 * started on a restored data directory rebuilds it from the notes. PostgreSQL is backed up with its own
 * tools (pg_dump/pg_restore, see docs/operations.md).
 */
public final class BackupCommands {

    private BackupCommands() {}

    /** Where an embedded database lives: its directory and the base name of its files. */
    record H2File(Path dir, String name) {
        static H2File of(DiktaConfig config) {
            String url = config.db().url();
            boolean embeddedFile = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                    && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
            if (!embeddedFile) {
                throw new IllegalArgumentException("backup and restore handle the embedded H2 database only; "
                        + "back up PostgreSQL with pg_dump and restore it with pg_restore (see docs/operations.md)");
            }
            String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length());
            int semicolon = path.indexOf(';');
            Path file = Path.of(semicolon >= 0 ? path.substring(0, semicolon) : path).toAbsolutePath().normalize();
            return new H2File(file.getParent(), file.getFileName().toString());
        }

        Path dataFile() {
            return dir.resolve(name + ".mv.db");
        }
    }

    public static final class Backup implements Command {
        @Override
        public String usage() {
            return "backup --to FILE.zip   (online backup of the embedded database; PostgreSQL: pg_dump)";
        }

        @Override
        public String[] ownOptions() {
            return new String[] {"--to"};
        }

        @Override
        public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
            String to = cl.options().get("--to");
            if (to == null || to.equals("true")) {
                throw new IllegalArgumentException("Usage: " + usage());
            }
            Path target = Path.of(to).toAbsolutePath().normalize();
            if (Files.exists(target)) {
                throw new IllegalArgumentException("Will not overwrite " + target + ": choose a new file name");
            }
            DiktaConfig config = DiktaConfig.load(cl.without(ownOptions()), env);
            H2File.of(config);
            Files.createDirectories(target.getParent());
            // Written beside the target and renamed, so a backup file that exists is always complete.
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try (CliContext cli = CliContext.open(config)) {
                cli.db().txBlocking(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
                    }
                    return null;
                });
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            out.println("Backup written to " + target + " (" + Files.size(target) + " bytes)");
            return 0;
        }
    }

    public static final class Restore implements Command {
        @Override
        public String usage() {
            return "restore --from FILE.zip   (into an empty data directory; the search index is rebuilt at start)";
        }

        @Override
        public String[] ownOptions() {
            return new String[] {"--from"};
        }

        @Override
        public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
            String from = cl.options().get("--from");
            if (from == null || from.equals("true")) {
                throw new IllegalArgumentException("Usage: " + usage());
            }
            Path source = Path.of(from).toAbsolutePath().normalize();
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException("No such backup file: " + source);
            }
            DiktaConfig config = DiktaConfig.load(cl.without(ownOptions()), env);
            H2File db = H2File.of(config);
            if (Files.exists(db.dataFile()) || hasIndex(config)) {
                throw new IllegalArgumentException("Restore needs an empty data directory, but " + db.dir()
                        + " already holds a database or search index; move it aside first");
            }
            String entry = databaseEntry(source);
            Files.createDirectories(db.dir());
            Path partial = db.dir().resolve("." + db.name() + ".mv.db.restoring");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(source))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().equals(entry)) {
                        Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.move(partial, db.dataFile(), StandardCopyOption.ATOMIC_MOVE);
            // Opening it once applies any newer migrations and proves the file is a usable database.
            try (CliContext cli = CliContext.open(config)) {
                long notes = cli.db().txBlocking(c -> {
                    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM notes")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                out.println("Restored " + db.dataFile() + " from " + source + " (" + notes + " notes); "
                        + "the search index is rebuilt when the server starts");
            }
            return 0;
        }

        private static boolean hasIndex(DiktaConfig config) throws IOException {
            Path index = config.search().indexDir();
            if (!Files.isDirectory(index)) {
                return false;
            }
            try (Stream<Path> s = Files.list(index)) {
                return s.findAny().isPresent();
            }
        }

        /** The one database file in an H2 backup archive; anything else is not a Dikta backup. */
        private static String databaseEntry(Path source) throws IOException {
            String found = null;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(source))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().endsWith(".mv.db") && !e.getName().contains("/") && !e.getName().contains("\\")) {
                        if (found != null) {
                            throw new IllegalArgumentException(source + " holds more than one database");
                        }
                        found = e.getName();
                    }
                }
            } catch (java.util.zip.ZipException e) {
                throw new IllegalArgumentException(source + " is not a backup made by 'backup' (not a zip file)");
            }
            if (found == null) {
                throw new IllegalArgumentException(source + " is not a backup made by 'backup' (no database file in it)");
            }
            return found;
        }
    }
}
