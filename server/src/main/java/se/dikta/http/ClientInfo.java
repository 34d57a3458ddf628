package se.dikta.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Who is on the other end of a request as the user sees it: their address, whether their browser speaks
 * HTTPS to us (directly or through a trusted proxy), and the host they typed. Worked out once per request
 * by {@link RequestLog}; everything that records an address or decides on Secure cookies asks here.
 */
public record ClientInfo(String address, boolean https, String host) {

    static final String CONTEXT_KEY = "dikta.client";

    public static ClientInfo of(RoutingContext ctx) {
        ClientInfo info = ctx.get(CONTEXT_KEY);
        return info != null ? info : direct(ctx.request());
    }

    static ClientInfo resolve(HttpServerRequest req, TrustedProxies proxies) {
        ClientInfo direct = direct(req);
        if (proxies.isEmpty() || !proxies.trusts(direct.address())) {
            return direct;
        }
        String address = direct.address();
        String forwardedFor = req.getHeader("X-Forwarded-For");
        if (forwardedFor != null) {
            // The right-most address that is not one of our proxies is the one a proxy of ours saw.
            List<String> hops = List.of(forwardedFor.split(","));
            for (int i = hops.size() - 1; i >= 0; i--) {
                String hop = hops.get(i).strip();
                if (hop.isEmpty()) {
                    continue;
                }
                address = hop;
                if (!proxies.trusts(hop)) {
                    break;
                }
            }
        }
        String proto = firstValue(req.getHeader("X-Forwarded-Proto"));
        String host = firstValue(req.getHeader("X-Forwarded-Host"));
        return new ClientInfo(address, proto != null ? proto.equalsIgnoreCase("https") : direct.https(),
                host != null ? host : direct.host());
    }

    private static ClientInfo direct(HttpServerRequest req) {
        String address = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
        HostAndPort authority = req.authority();
        String host = authority == null ? "" : authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
        return new ClientInfo(address, req.isSSL(), host);
    }

    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",")[0].strip();
        return first.isEmpty() ? null : first;
    }
}
