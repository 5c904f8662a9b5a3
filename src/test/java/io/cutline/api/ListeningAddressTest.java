package io.cutline.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.cutline.support.ServiceProcess;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the shipped defaults (no host set, the file ledger in AUTO_SERVER mode), the service's HTTP
 * port and the embedded database's TCP port listen on loopback only, as the kernel reports them. The
 * service runs in a process of its own, as it does in production: H2 reads its bind address once, so
 * in a JVM that had opened an H2 database before (another test's) the check would say nothing.
 */
class ListeningAddressTest {

    private static final String LOOPBACK = "0100007F";

    @Test
    void httpAndTheEmbeddedDatabaseListenOnLoopbackOnly() throws Exception {
        Path root = TestService.newRoot("listening");
        int port = TestService.freePort();
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.putAll(TestService.withApi(port));
        settings.remove("camel.main.routes-exclude-pattern");
        settings.put("cutline.db.url", "jdbc:h2:file:" + root.resolve("ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE");
        settings.put("cutline.media.dir", root.resolve("media").toString());
        settings.put("cutline.outbox.dir", root.resolve("outbox").toString());
        settings.put("cutline.schedules.enabled", "false");
        try (ServiceProcess service = ServiceProcess.start(settings, port, root.resolve("service.log"))) {
            int databasePort = autoServerPort(root.resolve("ledger.lock.db"));

            assertThat(listeners(port)).as("HTTP port %d", port).containsOnly(LOOPBACK);
            assertThat(listeners(databasePort)).as("H2 AUTO_SERVER port %d", databasePort).containsOnly(LOOPBACK);
        }
    }

    /** The port H2 wrote into the lock file for other processes ({@code server=host:port}). */
    private static int autoServerPort(Path lockFile) throws Exception {
        Properties lock = new Properties();
        try (var in = Files.newInputStream(lockFile)) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("AUTO_SERVER address in %s", lockFile).isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    /** The local addresses (hex, as /proc/net/tcp writes them) of sockets listening on {@code port}, IPv4 and IPv6. */
    private static List<String> listeners(int port) throws Exception {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        if (Files.exists(Path.of("/proc/net/tcp6"))) {
            lines.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
        }
        return lines.stream().skip(0).map(String::trim).map(line -> line.split("\\s+"))
                .filter(fields -> fields.length > 3 && fields[3].equals("0A") && fields[1].endsWith(":" + hexPort))
                .map(fields -> normalize(fields[1].substring(0, fields[1].indexOf(':'))))
                .distinct().toList();
    }

    /** IPv6 loopback and IPv4-mapped loopback count as loopback; everything else is kept as written. */
    private static String normalize(String address) {
        if (address.equals("00000000000000000000000001000000") || address.equals("0000000000000000FFFF00000100007F")) {
            return LOOPBACK;
        }
        return address;
    }
}
