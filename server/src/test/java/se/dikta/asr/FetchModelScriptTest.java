package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.dikta.testing.ToneModelGenerator;

/** models/fetch-model.sh against a zip of the generated model. */
class FetchModelScriptTest {

    private static final String NAME = "vosk-model-tone";
    private static final Path SCRIPT = Path.of(System.getProperty("dikta.repoRoot", ".."), "models/fetch-model.sh");

    @TempDir
    static Path shared;
    static Path model;
    static Path zip;

    @TempDir
    Path tmp;

    record Run(int exit, String output) {}

    @BeforeAll
    static void buildZip() throws IOException {
        model = new ToneModelGenerator().generate(shared.resolve(NAME)).dir();
        zip = shared.resolve(NAME + ".zip");
        writeZip(model, zip, null, 0);
    }

    /** Zips {@code dir} under its own name; optionally leaves one file out, optionally adds padding last. */
    static void writeZip(Path dir, Path target, String omit, int paddingBytes) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Path f : files) {
                String rel = dir.relativize(f).toString();
                if (!rel.equals(omit)) {
                    out.putNextEntry(new ZipEntry(dir.getFileName() + "/" + rel));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
            if (paddingBytes > 0) {
                // stored, not deflated: a large entry that takes the unpacker a moment to write
                byte[] padding = new byte[paddingBytes];
                new Random(1).nextBytes(padding);
                CRC32 crc = new CRC32();
                crc.update(padding);
                ZipEntry entry = new ZipEntry(dir.getFileName() + "/zz-padding.bin");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(padding.length);
                entry.setCompressedSize(padding.length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(padding);
                out.closeEntry();
            }
        }
    }

    private static ProcessBuilder script(Path dest, String unpacker, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--dest", dest.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (unpacker != null) {
            pb.environment().put("FETCH_MODEL_UNPACKER", unpacker);
        }
        return pb;
    }

    private static Run run(Path dest, String... args) throws Exception {
        return runWith(null, dest, args);
    }

    private static Run runWith(String unpacker, Path dest, String... args) throws Exception {
        Process p = script(dest, unpacker, args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unzip", "python3", "jar"})
    void installsAZipAndRecordsItsChecksum(String unpacker) throws Exception {
        Path dest = tmp.resolve("models");
        Run run = runWith(unpacker, dest, "--from", zip.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        String digest = sha256(zip);
        assertThat(run.output()).contains("SHA-256 of " + NAME + ".zip: " + digest);
        assertThat(entries(dest)).containsExactly(NAME);
        assertThat(Files.readString(dest.resolve(NAME + "/dikta-archive.sha256"))).startsWith(digest);
        ModelInfo info = new ModelVerifier().verify(dest.resolve(NAME)); // includes the manifest
        assertThat(info.name()).isEqualTo(NAME);
        assertThat(Files.readString(dest.resolve(NAME + "/" + ModelVerifier.MANIFEST))).contains("./graph/HCLG.fst");
    }

    @Test
    void refusesAnArchiveWithTheWrongChecksum() throws Exception {
        Path dest = tmp.resolve("models");
        Run wrong = run(dest, "--from", zip.toString(), "--sha256", "0".repeat(64));
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.output()).contains("SHA-256 mismatch");
        assertThat(entries(dest)).isEmpty();

        Run pinned = run(dest, "--from", zip.toString(), "--sha256", sha256(zip).toUpperCase());
        assertThat(pinned.exit()).as(pinned.output()).isZero();
        assertThat(pinned.output()).contains("SHA-256 verified");
    }

    @Test
    void aTruncatedArchiveLeavesTheInstalledModelAlone() throws Exception {
        Path dest = tmp.resolve("models");
        assertThat(run(dest, "--from", zip.toString()).exit()).isZero();
        byte[] bytes = Files.readAllBytes(zip);
        Path truncated = tmp.resolve(NAME + ".zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Run run = run(dest, "--from", truncated.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("could not unpack");
        assertThat(entries(dest)).containsExactly(NAME);
        new ModelVerifier().verify(dest.resolve(NAME));
    }

    @Test
    void anIncompleteModelIsNotInstalled() throws Exception {
        Path incomplete = tmp.resolve(NAME + ".zip");
        writeZip(model, incomplete, "graph/HCLG.fst", 0);
        Path dest = tmp.resolve("models");
        Run run = run(dest, "--from", incomplete.toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("incomplete: graph/HCLG.fst");
        assertThat(entries(dest)).isEmpty();
    }

    @Test
    void reinstallingReplacesTheModelCompletely() throws Exception {
        Path dest = tmp.resolve("models");
        assertThat(run(dest, "--from", zip.toString()).exit()).isZero();
        Files.writeString(dest.resolve(NAME + "/stale.txt"), "from the old install");
        assertThat(run(dest, "--from", zip.toString()).exit()).isZero();
        assertThat(entries(dest)).containsExactly(NAME);
        assertThat(dest.resolve(NAME + "/stale.txt")).doesNotExist();
    }

    @Test
    void aKilledInstallLeavesNoHalfModelAndTheNextRunCleansUp() throws Exception {
        Path dest = tmp.resolve("models");
        Process p = installLargeZipUntilUnpacking(dest);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // no model under its name, only a hidden leftover (SIGKILL gave the script no chance to clean up)
        assertThat(entries(dest)).allMatch(n -> n.startsWith(".install-")).isNotEmpty();

        Run again = run(dest, "--from", zip.toString());
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(entries(dest)).containsExactly(NAME);
    }

    @Test
    void aTerminatedInstallCleansUpAfterItself() throws Exception {
        Path dest = tmp.resolve("models");
        Process p = installLargeZipUntilUnpacking(dest);
        p.destroy(); // SIGTERM to the script; it finishes the current command, then its trap removes the temp dir
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(entries(dest)).isEmpty();
    }

    /** Starts installing a zip with a large last entry; returns once the unpacker has got to that entry. */
    private Process installLargeZipUntilUnpacking(Path dest) throws Exception {
        Path big = tmp.resolve(NAME + ".zip");
        writeZip(model, big, null, 64 * 1024 * 1024);
        Process p = script(dest, "unzip", "--from", big.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        waitUntilUnpacking(dest, p);
        return p;
    }

    /** Waits until the unpacker has written the model's small files and is on the large last entry. */
    private static void waitUntilUnpacking(Path dest, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.isDirectory(dest)) {
                try (Stream<Path> s = Files.list(dest)) {
                    for (Path work : s.filter(d -> d.getFileName().toString().startsWith(".install-")).toList()) {
                        if (Files.exists(work.resolve("unpacked/" + NAME + "/graph/words.txt"))) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the install finished or never started unpacking");
    }
}
