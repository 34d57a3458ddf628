package se.dikta.health;

import io.vertx.core.Future;

/** One part of {@code GET /health}: a name and a quick, non-blocking status check. */
public interface HealthContributor {

    /** A part's state: whether the service can work ({@code up}) and what to show under its name. */
    record Health(boolean up, Object detail) {}

    String name();

    Future<Health> check();
}
