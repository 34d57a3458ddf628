package se.dikta.http;

/** A feature's HTTP routes. Each feature has one module, constructed with its services. */
public interface ApiModule {
    void mount(ApiRoutes api);
}
