package se.dikta.auth;

import java.util.Map;

/** {@link UserAdminBehaviour} on the embedded H2 database. */
class UserAdminApiTest extends UserAdminBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
