package io.cutline.ledger;

import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's connection pool, migrated by Flyway before anything uses it. Embedded H2 in a file
 * by default; PostgreSQL when the URL says so. Closed when the Camel context stops.
 */
public class LedgerDatabase extends ServiceSupport {

    /** Parsed statements an H2 session keeps (see {@link #withStatementCache}). */
    private static final int STATEMENT_CACHE = 256;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerDatabase.class);

    private final HikariDataSource dataSource;
    private final DataSourceTransactionManager transactionManager;
    private final String vendor;

    public LedgerDatabase(String url, String user, String password, int poolSize) {
        this.vendor = vendorOf(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withStatementCache(withoutCompactingOnClose(throughAsyncFiles(url))));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("cutline-ledger");
        this.dataSource = new HikariDataSource(config);
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .load()
                    .migrate();
            LOG.info("ledger {} at schema version {} ({} migrations applied)", redact(url),
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.transactionManager = new DataSourceTransactionManager(dataSource);
    }

    /**
     * How long an H2 file keeps the pages a commit replaced before their space is reused (H2's
     * {@code RETENTION_TIME}, 45 s by default). Every look at a clip in flight rewrites its row, and
     * H2 writes each change to new pages: with thousands of clips polled the file grows by all the
     * pages replaced within that time (337 MB after 40,000 looks), however little is live. Pages are
     * only reused once nothing points at them; a killed process loses no commit it checkpointed
     * (the operating system still writes what it was handed). A shorter time can lose more than the
     * last commits only if the machine itself loses power before the operating system writes its
     * buffers out. Nothing for PostgreSQL, which reuses its own space.
     */
    public void keepReplacedPagesFor(java.time.Duration retention) {
        if ("h2".equals(vendor)) {
            new JdbcTemplate(dataSource).execute("SET RETENTION_TIME " + retention.toMillis());
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    /**
     * An H2 file is reached through H2's {@code async:} file system: a thread interrupted mid-write (as
     * a forced shutdown interrupts them) would otherwise close the database under every other thread,
     * and the shutdown could not give up this node's leases.
     */
    static String throughAsyncFiles(String url) {
        String path = url.startsWith("jdbc:h2:file:") ? url.substring("jdbc:h2:file:".length())
                : url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:/") ? url.substring("jdbc:h2:".length()) : null;
        if (path == null) {
            return url;
        }
        return "jdbc:h2:file:" + (path.startsWith("async:") ? "" : "async:") + path;
    }

    /**
     * Makes every commit so far survive the process being killed, before something outside is told
     * or paid (the intent row of a paid submission, its handle where the provider cannot be asked
     * about it again, an accepted job, a publication). H2 writes commits out every WRITE_DELAY
     * (500 ms); writing each commit at once instead
     * (WRITE_DELAY=0) grew the file by some 20 KB a commit, with polling doing most of the commits,
     * and stopped H2's background compaction. PostgreSQL's commits are durable already. Threads
     * asking at the same time share one checkpoint ({@link Checkpoints}).
     */
    static void checkpoint(JdbcTemplate jdbc) {
        Checkpoints.of(jdbc.getDataSource()).await(() -> jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            }
            return null;
        }));
    }

    /**
     * An H2 file is not compacted when it closes ({@code MAX_COMPACT_TIME=0}) unless the URL asks for it:
     * H2 2.3.232's close-time compaction, which moves chunks to the file's start, failed on a ledger
     * rewritten by polling ({@code AssertionError} in {@code RandomAccessStore.moveChunkInside}) and the
     * reopened ledger had lost the last commits, as h2database issues 4086 and 4247 report. Space is still reused while the service runs
     * ({@link #keepReplacedPagesFor}).
     */
    static String withoutCompactingOnClose(String url) {
        if (!url.startsWith("jdbc:h2:file:") || url.toUpperCase(java.util.Locale.ROOT).contains(";MAX_COMPACT_TIME=")) {
            return url;
        }
        return url + ";MAX_COMPACT_TIME=0";
    }

    /**
     * An H2 session keeps this many parsed statements ({@code QUERY_CACHE_SIZE}, H2's default 8) unless
     * the URL sets it: a clip's submission runs a few dozen distinct statements, which with 8 were
     * parsed again on every call (a JFR profile of bench/in-flight.sh showed H2's parser among the
     * submission's hottest frames).
     */
    static String withStatementCache(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains(";QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + STATEMENT_CACHE;
    }

    /** {@code h2} or {@code postgresql}: picks vendor-specific migrations and Camel repositories. */
    public String vendor() {
        return vendor;
    }

    @Override
    protected void doStop() {
        dataSource.close();
    }

    private static String vendorOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalStateException("cutline.db.url must be a jdbc:h2: or jdbc:postgresql: URL, got " + redact(url));
    }

    /** URLs may carry credentials as parameters; never log them. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
