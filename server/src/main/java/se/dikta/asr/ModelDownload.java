package se.dikta.asr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Downloads a Vosk model archive and installs it the way {@code models/fetch-model.sh} does: SHA-256
 * checked (against a pinned digest when one is configured, otherwise recorded), unpacked into a hidden
 * directory beside the target, given a per-file manifest, and only then renamed into place, so an
 * interrupted download never leaves half a model under the model's name. Used by {@code serve --demo}
 * so that a newcomer gets the Swedish model without a separate step; it runs on a worker thread.
 */
public final class ModelDownload {

    /** Where the download stands, for /health and the dictation page. */
    public record Progress(String state, double fraction, Optional<String> error) {
        static Progress waiting() {
            return new Progress("waiting", 0, Optional.empty());
        }
    }

    private final URI url;
    private final Optional<String> sha256;
    private final Path target;
    private volatile Progress progress = Progress.waiting();

    public ModelDownload(URI url, Optional<String> sha256, Path target) {
        this.url = url;
        this.sha256 = sha256.map(s -> s.toLowerCase(java.util.Locale.ROOT));
        this.target = target.toAbsolutePath().normalize();
    }

    public Progress progress() {
        return progress;
    }

    public URI url() {
        return url;
    }

    /** Downloads and installs; blocking. On failure the progress says why and nothing is left behind. */
    public void run() throws ModelException {
        Path parent = target.getParent();
        Path work = null;
        try {
            Files.createDirectories(parent);
            ModelArchive.removeLeftovers(parent);
            work = Files.createTempDirectory(parent, ".install-");
            Path archive = work.resolve("download.zip");
            progress = new Progress("downloading", 0, Optional.empty());
            String digest = download(archive);
            if (sha256.isPresent() && !sha256.get().equals(digest)) {
                throw new ModelException("SHA-256 stämmer inte för " + url + ": väntade " + sha256.get() + ", fick " + digest);
            }
            progress = new Progress("installing", 1, Optional.empty());
            ModelArchive.install(archive, digest, work.resolve("unpacked"), target);
            progress = new Progress("done", 1, Optional.empty());
        } catch (IOException e) {
            fail(new ModelException("Modellen kunde inte laddas ned från " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new ModelException("Nedladdningen av modellen avbröts", e));
        } catch (ModelException e) {
            fail(e);
        } finally {
            if (work != null) {
                ModelArchive.deleteTree(work);
            }
        }
    }

    private void fail(ModelException e) throws ModelException {
        progress = new Progress("failed", progress.fraction(), Optional.of(e.getMessage()));
        throw e;
    }

    private String download(Path archive) throws IOException, InterruptedException, ModelException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new ModelException("Modellen kunde inte laddas ned från " + url + " (HTTP " + response.statusCode() + ")");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(archive)) {
                byte[] buffer = new byte[64 * 1024];
                long done = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    done += n;
                    if (length > 0) {
                        progress = new Progress("downloading", Math.min(1.0, (double) done / length), Optional.empty());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
