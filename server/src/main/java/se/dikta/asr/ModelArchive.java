package se.dikta.asr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a model zip and moves the model into place atomically, with the same checks and manifest as
 * {@code models/fetch-model.sh} (whose tests pin the shell side). Entries that would land outside the
 * unpack directory are refused.
 */
final class ModelArchive {

    private static final List<String> REQUIRED = List.of(
            "am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/words.txt", "graph/phones/word_boundary.int");
    private static final long MAX_UNPACKED = 8L * 1024 * 1024 * 1024;

    private ModelArchive() {}

    static void install(Path archive, String archiveDigest, Path unpackDir, Path target) throws IOException, ModelException {
        unzip(archive, unpackDir);
        Path root = modelRoot(unpackDir).orElseThrow(() ->
                new ModelException("Arkivet innehåller ingen Vosk-modell (am/final.mdl saknas)"));
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(root.resolve(f)) || Files.size(root.resolve(f)) == 0) {
                throw new ModelException("Arkivet är ofullständigt: " + f + " saknas eller är tom");
            }
        }
        writeManifest(root);
        Files.writeString(root.resolve("dikta-archive.sha256"), archiveDigest + "  " + archive.getFileName() + "\n");
        if (Files.exists(target)) {
            throw new ModelException("Det finns redan en modell i " + target);
        }
        Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void unzip(Path archive, Path dir) throws IOException, ModelException {
        Files.createDirectories(dir);
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new ModelException("Arkivet har en otillåten sökväg: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total += Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                if (total > MAX_UNPACKED) {
                    throw new ModelException("Arkivet är för stort uppackat");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ModelException("Arkivet kunde inte packas upp (skadat eller inte en zip-fil)", e);
        }
    }

    private static Optional<Path> modelRoot(Path dir) throws IOException {
        try (Stream<Path> s = Files.find(dir, 4, (p, a) -> p.endsWith(Path.of("am", "final.mdl")))) {
            return s.findFirst().map(p -> p.getParent().getParent());
        }
    }

    /** {@code sha256sum} lines for every file, sorted by path, as {@link ModelVerifier} expects. */
    private static void writeManifest(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        files.sort(Comparator.comparing(p -> "./" + root.relativize(p).toString().replace('\\', '/')));
        StringBuilder manifest = new StringBuilder();
        for (Path f : files) {
            MessageDigest sha = ModelDownload.sha256();
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            manifest.append(HexFormat.of().formatHex(sha.digest())).append("  ./")
                    .append(root.relativize(f).toString().replace('\\', '/')).append('\n');
        }
        Files.writeString(root.resolve(ModelVerifier.MANIFEST), manifest, StandardCharsets.UTF_8);
    }

    /** Hidden install directories left by a killed run. */
    static java.util.List<Path> removeLeftovers(Path parent) {
        return removeLeftovers(parent, java.time.Instant.MAX);
    }

    /**
     * At server start: hidden install directories untouched for {@link #STALE} (an install still running in
     * another process, e.g. fetch-model.sh, is younger and is left alone).
     */
    static java.util.List<Path> removeStaleLeftovers(Path parent) {
        return removeLeftovers(parent, java.time.Instant.now().minus(STALE));
    }

    static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

    private static java.util.List<Path> removeLeftovers(Path parent, java.time.Instant olderThan) {
        if (parent == null || !Files.isDirectory(parent)) {
            return java.util.List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            java.util.List<Path> left = s.filter(p -> p.getFileName().toString().startsWith(".install-"))
                    .filter(p -> modified(p).isBefore(olderThan)).toList();
            left.forEach(ModelArchive::deleteTree);
            return left;
        } catch (IOException e) {
            return java.util.List.of(); // unreadable parent: the model check that follows reports it
        }
    }

    private static java.time.Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return java.time.Instant.MAX;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden directory is removed by the next run
        }
    }
}
