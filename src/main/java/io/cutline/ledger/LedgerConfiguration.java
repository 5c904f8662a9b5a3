package io.cutline.ledger;

import io.cutline.config.Secrets;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.NodeName;
import io.cutline.config.Settings;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/** The job ledger: its database (migrated at start), one repository per kind of record, and Camel's stores in it. */
public class LedgerConfiguration implements CamelConfiguration {

    /**
     * H2's AUTO_SERVER mode (a second process, e.g. {@code cutline produce}, sharing the file ledger)
     * opens a TCP server; {@code cutline.db.server-bind-address} keeps it on this machine.
     */
    @BindToRegistry
    public LedgerDatabase ledgerDatabase(Settings settings) {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", settings.text("cutline.db.server-bind-address"));
        }
        LedgerDatabase database = new LedgerDatabase(settings.text("cutline.db.url"), settings.optional("cutline.db.user").orElse(null),
                settings.optional("cutline.db.password").map(Secrets::register).orElse(null), settings.integer("cutline.db.pool-size"));
        database.keepReplacedPagesFor(settings.millis("cutline.db.h2-retention-ms"));
        return database;
    }

    @BindToRegistry
    public JobLedger jobLedger(LedgerDatabase database, Clock clock, NodeName node, Settings settings) {
        return new JobLedger(database.jdbc(), clock, node.value(), settings.millis("cutline.jobs.lease-ms"));
    }

    @BindToRegistry
    public LanguageLedger languageLedger(LedgerDatabase database, Clock clock, NodeName node, Settings settings) {
        return new LanguageLedger(database.jdbc(), database.transactions(), clock, node.value(), settings.millis("cutline.jobs.lease-ms"));
    }

    @BindToRegistry
    public HookLedger hookLedger(LedgerDatabase database, Clock clock, NodeName node, Settings settings) {
        return new HookLedger(database.jdbc(), database.transactions(), clock, node.value(), settings.millis("cutline.jobs.lease-ms"));
    }

    @BindToRegistry
    public ReadyQueue readyQueue(LedgerDatabase database, Clock clock, NodeName node, Settings settings) {
        return new ReadyQueue(database.jdbc(), database.transactions(), clock, node.value(), settings.millis("cutline.jobs.lease-ms"));
    }

    @BindToRegistry
    public GenerationLedger generationLedger(LedgerDatabase database, Clock clock, NodeName node, Settings settings) {
        return new GenerationLedger(database.jdbc(), database.transactions(), clock, node.value(), settings.millis("cutline.generation.claim-ms"));
    }

    @BindToRegistry
    public StepLog stepLog(LedgerDatabase database, Clock clock) {
        return new StepLog(database.jdbc(), clock);
    }

    @BindToRegistry
    public SignalLedger signalLedger(LedgerDatabase database, Clock clock, ObjectMapper json) {
        return new SignalLedger(database.jdbc(), database.transactions(), json, clock);
    }

    @BindToRegistry
    public StoryLedger storyLedger(LedgerDatabase database, Clock clock, ObjectMapper json) {
        return new StoryLedger(database.jdbc(), database.transactions(), json, clock);
    }

    @BindToRegistry
    public VoiceLedger voiceLedger(LedgerDatabase database, Clock clock, ObjectMapper json) {
        return new VoiceLedger(database.jdbc(), clock, json);
    }

    @BindToRegistry
    public RenderLedger renderLedger(LedgerDatabase database, Clock clock) {
        return new RenderLedger(database.jdbc(), clock);
    }

    @BindToRegistry
    public PublicationLedger publicationLedger(LedgerDatabase database, Clock clock) {
        return new PublicationLedger(database.jdbc(), clock);
    }

    @BindToRegistry
    public ShortLedger shortLedger(LedgerDatabase database, Clock clock) {
        return new ShortLedger(database.jdbc(), database.transactions(), clock);
    }

    @BindToRegistry
    public MetricsLedger metricsLedger(LedgerDatabase database, Clock clock, ObjectMapper json) {
        return new MetricsLedger(database.jdbc(), json, clock);
    }

    @BindToRegistry
    public LearningLedger learningLedger(LedgerDatabase database, Clock clock) {
        return new LearningLedger(database.jdbc(), database.transactions(), clock);
    }

    @BindToRegistry
    public QualityLedger qualityLedger(LedgerDatabase database, Clock clock) {
        return new QualityLedger(database.jdbc(), clock);
    }

    @BindToRegistry
    public CostLedger costLedger(LedgerDatabase database, Clock clock) {
        return new CostLedger(database.jdbc(), clock);
    }

    @BindToRegistry
    public WebhookLedger webhookLedger(LedgerDatabase database, Clock clock) {
        return new WebhookLedger(database.jdbc(), database.transactions(), clock);
    }

    /** Jobs started once: the intake's idempotent consumer keeps its keys in the ledger, shared by nodes. */
    @BindToRegistry
    public JdbcMessageIdRepository jobIntakeRepository(LedgerDatabase database) {
        return idempotentRepository(database, "job-intake");
    }

    /** Each (job, platform) and (job, platform, short) published once, across restarts and nodes. */
    @BindToRegistry
    public JdbcMessageIdRepository publicationRepository(LedgerDatabase database) {
        return idempotentRepository(database, "publication");
    }

    /**
     * The aggregator's groups of clips live in the ledger. The generic repository serves H2 and
     * PostgreSQL alike: Camel 4.14's PostgresAggregationRepository binds a version parameter its
     * INSERT does not have and fails on every new group.
     */
    @BindToRegistry
    public JdbcAggregationRepository clipAggregationRepository(LedgerDatabase database) {
        JdbcAggregationRepository repository =
                new JdbcAggregationRepository(database.transactionManager(), "clip_aggregation", database.dataSource());
        repository.setUseRecovery(false);
        return repository;
    }

    /** The pool closes when the context stops, after the routes that use it. */
    @Override
    public void configure(CamelContext context) throws Exception {
        context.addService(context.getRegistry().findSingleByType(LedgerDatabase.class));
    }

    private static JdbcMessageIdRepository idempotentRepository(LedgerDatabase database, String processorName) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(database.dataSource(), processorName);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
