package se.dikta.asr;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Structural checks of a Vosk model directory before libvosk sees it. libvosk reports unparseable files
 * as an error, but a parseable model with inconsistent numbers aborts the whole JVM, so anything that
 * can be checked cheaply is checked here: required files, readability, sizes, the HCLG header and its
 * exact length, words.txt syntax, the feature config, and — when the installer recorded one — the
 * SHA-256 manifest of every file.
 */
public final class ModelVerifier {

    /** Written by models/fetch-model.sh: {@code sha256sum} lines for every file of the model. */
    public static final String MANIFEST = "dikta-model.sha256";

    private static final int FST_MAGIC = 2125659606;
    private static final long MAX_FILE = 4L * 1024 * 1024 * 1024;
    private static final long MAX_CONF = 64 * 1024;
    private static final List<String> REQUIRED = List.of(
            "am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/words.txt", "graph/phones/word_boundary.int");

    public ModelInfo verify(Path dir) throws ModelException {
        if (!Files.isDirectory(dir)) {
            throw new ModelException("Modellkatalogen finns inte: " + dir);
        }
        for (String file : REQUIRED) {
            requireFile(dir, file, 1, file.startsWith("conf/") ? MAX_CONF : MAX_FILE);
        }
        Path hclg = dir.resolve("graph/HCLG.fst");
        if (Files.exists(hclg)) {
            requireFile(dir, "graph/HCLG.fst", 1, MAX_FILE);
            checkFst(hclg);
        } else if (Files.exists(dir.resolve("graph/HCLr.fst")) && Files.exists(dir.resolve("graph/Gr.fst"))) {
            requireFile(dir, "graph/HCLr.fst", 1, MAX_FILE);
            requireFile(dir, "graph/Gr.fst", 1, MAX_FILE);
            checkFst(dir.resolve("graph/HCLr.fst"));
            checkFst(dir.resolve("graph/Gr.fst"));
        } else {
            throw new ModelException("Modellfil saknas: graph/HCLG.fst (eller graph/HCLr.fst och graph/Gr.fst) i " + dir);
        }
        checkAcousticModel(dir.resolve("am/final.mdl"));
        checkWords(dir.resolve("graph/words.txt"));
        int sampleRate = sampleRate(dir.resolve("conf/mfcc.conf"));
        if (Files.exists(dir.resolve(MANIFEST))) {
            checkManifest(dir);
        }
        return new ModelInfo(dir, dir.toAbsolutePath().normalize().getFileName().toString(), sampleRate);
    }

    private static void requireFile(Path dir, String name, long min, long max) throws ModelException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ModelException("Modellfil saknas: " + name + " i " + dir);
        }
        if (!Files.isReadable(file)) {
            throw new ModelException("Modellfilen går inte att läsa: " + file);
        }
        long size = size(file);
        if (size < min || size > max) {
            throw new ModelException("Modellfilen har orimlig storlek (" + size + " byte): " + file);
        }
    }

    private static long size(Path file) throws ModelException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ModelException("Modellfilen går inte att läsa: " + file, e);
        }
    }

    /** OpenFst header; a "vector" FST's length follows exactly from its state and arc counts. */
    private static void checkFst(Path file) throws ModelException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            ByteBuffer fixed = ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN);
            if (fixed.remaining() < 4 || fixed.getInt() != FST_MAGIC) {
                throw new ModelException("Ogiltig graf (fel filhuvud): " + file);
            }
            String type = fstString(in, file);
            String arcType = fstString(in, file);
            ByteBuffer rest = ByteBuffer.wrap(in.readNBytes(4 + 4 + 8 + 8 + 8 + 8)).order(ByteOrder.LITTLE_ENDIAN);
            if (rest.remaining() < 40) {
                throw new ModelException("Grafen är avkortad: " + file);
            }
            rest.getInt(); // version
            int flags = rest.getInt();
            rest.getLong(); // properties
            long start = rest.getLong();
            long states = rest.getLong();
            long arcs = rest.getLong();
            if (!arcType.equals("standard") || !(type.equals("vector") || type.equals("const"))) {
                throw new ModelException("Grafen har en typ som inte stöds (" + type + "/" + arcType + "): " + file);
            }
            if (states < 1 || arcs < 0 || start < 0 || start >= states) {
                throw new ModelException("Grafens filhuvud är inkonsekvent: " + file);
            }
            long header = 4 + 4 + type.length() + 4 + arcType.length() + 40;
            long size = size(file);
            if (type.equals("vector") && flags == 0 && size != header + states * 12 + arcs * 16) {
                throw new ModelException("Grafen har fel längd (" + size + " byte, väntat "
                        + (header + states * 12 + arcs * 16) + "), filen är troligen avkortad: " + file);
            }
            if (type.equals("const") && size < header + states * 20 + arcs * 16) {
                throw new ModelException("Grafen är avkortad: " + file);
            }
        } catch (IOException e) {
            throw new ModelException("Grafen går inte att läsa: " + file, e);
        }
    }

    private static String fstString(DataInputStream in, Path file) throws IOException, ModelException {
        ByteBuffer len = ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN);
        int n = len.remaining() == 4 ? len.getInt() : -1;
        if (n < 1 || n > 64) {
            throw new ModelException("Ogiltig graf (fel filhuvud): " + file);
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new ModelException("Grafen är avkortad: " + file);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Kaldi reads binary when the file starts with "\0B", text otherwise; either way a TransitionModel comes first. */
    private static void checkAcousticModel(Path file) throws ModelException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String body = text.startsWith("\0B") ? text.substring(2) : text;
            if (!body.stripLeading().startsWith("<TransitionModel>")) {
                throw new ModelException("Den akustiska modellen har okänt format: " + file);
            }
        } catch (IOException e) {
            throw new ModelException("Den akustiska modellen går inte att läsa: " + file, e);
        }
    }

    private static void checkWords(Path file) throws ModelException {
        Set<Long> ids = new HashSet<>();
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                if (parts.length != 2 || !ids.add(parseId(parts[1], file, lineNo))) {
                    throw new ModelException("Ordlistan har en ogiltig rad " + lineNo + ": " + file);
                }
            }
        } catch (IOException e) {
            throw new ModelException("Ordlistan går inte att läsa som UTF-8: " + file, e);
        }
        if (!ids.contains(0L) || ids.size() < 2) {
            throw new ModelException("Ordlistan saknar ord: " + file);
        }
    }

    private static long parseId(String s, Path file, int lineNo) throws ModelException {
        try {
            long id = Long.parseLong(s);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new ModelException("Ordlistan har en ogiltig rad " + lineNo + ": " + file);
        }
    }

    /** The model's rate: Kaldi's default is 16 kHz when mfcc.conf does not say. */
    static int sampleRate(Path mfccConf) throws ModelException {
        Optional<String> value;
        try {
            value = Files.readAllLines(mfccConf, StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(l -> l.startsWith("--sample-frequency="))
                    .map(l -> l.substring("--sample-frequency=".length()).replaceAll("\\s*#.*", ""))
                    .reduce((a, b) -> b);
        } catch (IOException e) {
            throw new ModelException("Konfigurationen går inte att läsa: " + mfccConf, e);
        }
        if (value.isEmpty()) {
            return 16000;
        }
        try {
            double rate = Double.parseDouble(value.get());
            if (rate < 8000 || rate > 48000 || rate != Math.rint(rate)) {
                throw new NumberFormatException();
            }
            return (int) rate;
        } catch (NumberFormatException e) {
            throw new ModelException("Ogiltig samplingsfrekvens i " + mfccConf + ": " + value.get());
        }
    }

    private static void checkManifest(Path dir) throws ModelException {
        Path manifest = dir.resolve(MANIFEST);
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("Kontrollsummorna går inte att läsa: " + manifest, e);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int sep = line.indexOf("  ");
            if (sep != 64) {
                throw new ModelException("Ogiltig rad i " + manifest + ": " + line);
            }
            String expected = line.substring(0, 64);
            String name = line.substring(sep + 2).replaceFirst("^\\./", "");
            Path file = dir.resolve(name).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw new ModelException("Modellfil saknas: " + name + " i " + dir);
            }
            if (!sha256(file).equalsIgnoreCase(expected)) {
                throw new ModelException("Modellfilen har ändrats sedan installationen (fel SHA-256): " + file);
            }
        }
    }

    private static String sha256(Path file) throws ModelException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ModelException("Modellfilen går inte att läsa: " + file, e);
        }
    }
}
