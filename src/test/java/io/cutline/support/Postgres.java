package io.cutline.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server tests may use: {@code CUTLINE_TEST_POSTGRES_URL} (bin/cutline test starts a
 * throwaway one when it can). Each test gets a database of its own.
 */
public final class Postgres {

    public static final String URL_VARIABLE = "CUTLINE_TEST_POSTGRES_URL";

    private Postgres() {
    }

    public static Optional<String> server() {
        return Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(url -> !url.isBlank());
    }

    /** Creates an empty database on the test server and returns its JDBC URL. */
    public static String freshDatabase() {
        String server = server().orElseThrow(() -> new IllegalStateException(URL_VARIABLE + " is not set"));
        String name = "cutline_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server, e);
        }
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : server.substring(query));
    }
}
