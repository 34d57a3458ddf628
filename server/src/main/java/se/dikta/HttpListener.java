package se.dikta;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.config.DiktaConfig;
import se.dikta.http.InvalidRequests;
import se.dikta.config.TlsConfig;


/**
 * The listening socket: plain HTTP, or HTTPS from {@code tls.*} with TLS 1.2+ (the JDK's modern cipher
 * defaults). The certificate files are polled and, when they change, loaded into the running server:
 * open connections and dictation streams keep going, new ones get the new certificate. With
 * {@code tls.redirectPort} a second plain listener sends every request to the HTTPS address.
 */
final class HttpListener {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);

    private HttpListener() {}

    static Future<HttpServer> listen(Vertx vertx, DiktaConfig config, Router router, Closer closer) {
        TlsConfig tls = config.tls();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setCompressionSupported(true)
                // No cleartext HTTP/2 upgrade: browsers never use it, and with Vert.x 5.0.5 an upgraded
                // response larger than one HTTP/2 frame (16 KiB, e.g. /metrics) never completes.
                .setHttp2ClearTextEnabled(false);
        // The certificate files are read on a worker, like every later reload.
        Future<HttpServerOptions> ready = !tls.enabled() ? Future.succeededFuture(options)
                : vertx.executeBlocking(() -> keyCert(tls), false).map(keyCert -> options.setSsl(true)
                        .setKeyCertOptions(keyCert)
                        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3")));
        return ready.compose(o -> vertx.createHttpServer(o).requestHandler(router)
                .invalidRequestHandler(new InvalidRequests()).listen()).compose(server -> {
            if (!tls.enabled()) {
                return Future.succeededFuture(server);
            }
            watch(vertx, server, tls, closer);
            return tls.redirectPort()
                    .map(port -> redirect(vertx, config.host(), port, server.actualPort(), closer).map(server))
                    .orElse(Future.succeededFuture(server));
        });
    }

    /** The file contents, not their paths: a reload then always differs from what the server holds. */
    private static KeyCertOptions keyCert(TlsConfig tls) {
        try {
            if (tls.keystore().isPresent()) {
                return new PfxOptions().setValue(Buffer.buffer(Files.readAllBytes(tls.keystore().get())))
                        .setPassword(tls.keystorePassword());
            }
            return new PemKeyCertOptions()
                    .setCertValue(Buffer.buffer(Files.readAllBytes(tls.cert().orElseThrow())))
                    .setKeyValue(Buffer.buffer(Files.readAllBytes(tls.key().orElseThrow())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the TLS certificate or key: " + e.getMessage(), e);
        }
    }

    private static void watch(Vertx vertx, HttpServer server, TlsConfig tls, Closer closer) {
        List<Path> files = new ArrayList<>();
        tls.cert().ifPresent(files::add);
        tls.key().ifPresent(files::add);
        tls.keystore().ifPresent(files::add);
        long[] last = {stamp(files)};
        long timer = vertx.setPeriodic(tls.reloadInterval().toMillis(), id -> {
            long now = stamp(files);
            if (now == last[0]) {
                return;
            }
            last[0] = now;
            vertx.executeBlocking(() -> keyCert(tls), false)
                    .compose(options -> server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(options)
                            .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3")), true))
                    .onSuccess(changed -> LOG.info("TLS certificate reloaded from {}", files))
                    .onFailure(e -> LOG.warn("TLS certificate changed but could not be loaded, keeping the old one: {}",
                            e.getMessage()));
        });
        closer.add(() -> vertx.cancelTimer(timer));
    }

    /** Modification times and sizes together, so a copy over the old file is noticed. */
    private static long stamp(List<Path> files) {
        long h = 17;
        for (Path f : files) {
            try {
                h = h * 31 + Files.getLastModifiedTime(f).toMillis();
                h = h * 31 + Files.size(f);
            } catch (IOException e) {
                h = h * 31; // a file being replaced; the next poll sees the new one
            }
        }
        return h;
    }

    private static Future<Void> redirect(Vertx vertx, String host, int port, int httpsPort, Closer closer) {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(req -> {
                    String name = req.authority() == null ? host : req.authority().host();
                    String target = "https://" + name + (httpsPort == 443 ? "" : ":" + httpsPort) + req.uri();
                    req.response().setStatusCode(301).putHeader("Location", target).end();
                })
                .listen()
                .map(redirector -> {
                    closer.add(() -> redirector.close());
                    LOG.info("Redirecting http://{}:{} to HTTPS", host, redirector.actualPort());
                    return null;
                });
    }
}
