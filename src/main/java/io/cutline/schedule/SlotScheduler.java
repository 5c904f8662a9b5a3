package io.cutline.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;

import javax.sql.DataSource;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels' publishing slots as Quartz cron triggers in a JDBC job store in the ledger's database
 * (the QRTZ_ tables of the V31 migration), so a slot's last and next firing survive a restart. One
 * trigger per slot, kept in line with the channel files like the schedules are: added, replaced when
 * its cron or time zone changes, removed when it goes away; an unchanged trigger is left alone, so
 * its misfire is still known after a restart. Misfire policy: fire once now
 * ({@code MISFIRE_INSTRUCTION_FIRE_ONCE_NOW}): slots missed while the service was down publish one
 * video, late, then the slot keeps its times. A firing cut short by a crash is run again at the next
 * start with its own fire time (the job requests recovery); the ready queue fills a slot once.
 * The store is clustered (instance id: the node's name): nodes sharing a ledger fire each slot once
 * between them, and a live node takes over the firings of one that died.
 */
public class SlotScheduler extends LifecycleStrategySupport {

    private static final Logger LOG = LoggerFactory.getLogger(SlotScheduler.class);
    private static final String GROUP = "publishing-slots";
    /** The store's rows carry this name, so a restarted service finds its triggers again. */
    private static final String NAME = "cutline-publishing-slots";

    private final CamelContext context;
    private final ChannelRegistry channels;
    private final DataSource ledger;
    private final String vendor;
    private final String node;
    private final boolean enabled;
    private final Duration misfireThreshold;
    private Scheduler scheduler;

    public SlotScheduler(CamelContext context, ChannelRegistry channels, DataSource ledger, String vendor, String node, boolean enabled,
                         Duration misfireThreshold) {
        this.context = context;
        this.channels = channels;
        this.ledger = ledger;
        this.vendor = vendor;
        this.node = node;
        this.enabled = enabled;
        this.misfireThreshold = misfireThreshold;
    }

    /** Brings the slot triggers in line with the channels; the scheduler starts with the first channel that has slots. */
    public synchronized void sync() throws SchedulerException {
        Map<TriggerKey, CronTrigger> wanted = new HashMap<>();
        if (enabled) {
            channels.all().forEach(channel -> channel.platforms().forEach(platform -> {
                List<String> crons = channel.slotCrons(platform);
                for (int i = 0; i < crons.size(); i++) {
                    CronTrigger trigger = trigger(channel, platform, i, crons.get(i));
                    wanted.put(trigger.getKey(), trigger);
                }
            }));
        }
        if (scheduler == null && wanted.isEmpty()) {
            return;
        }
        Scheduler slots = scheduler();
        for (TriggerKey key : slots.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (!wanted.containsKey(key)) {
                slots.deleteJob(slots.getTrigger(key).getJobKey());
                LOG.info("removed publishing slot {}", key.getName());
            }
        }
        for (CronTrigger trigger : wanted.values()) {
            if (slots.getTrigger(trigger.getKey()) instanceof CronTrigger existing && sameTimes(existing, trigger)) {
                continue;
            }
            String[] parts = trigger.getKey().getName().split("/");
            JobDetail firing = JobBuilder.newJob(SlotFiring.class).withIdentity(trigger.getKey().getName(), GROUP)
                    .usingJobData(SlotFiring.CHANNEL, parts[0]).usingJobData(SlotFiring.PLATFORM, parts[1])
                    .requestRecovery().build();
            slots.scheduleJob(firing, Set.of(trigger), true);
            LOG.info("publishing slot {}: Quartz '{}' in {}, next at {}", trigger.getKey().getName(), trigger.getCronExpression(),
                    trigger.getTimeZone().getID(), slots.getTrigger(trigger.getKey()).getNextFireTime());
        }
    }

    /** Stops the slots before the routes they feed stop; a firing under way finishes first. */
    @Override
    public synchronized void onContextStopping(CamelContext stopping) {
        if (scheduler != null) {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                LOG.warn("publishing slots did not stop cleanly: {}", e.getMessage());
            }
            scheduler = null;
        }
    }

    private Scheduler scheduler() throws SchedulerException {
        if (scheduler == null) {
            if (SchedulerRepository.getInstance().lookup(NAME) != null) {
                // Quartz keeps one scheduler per name in a JVM, and the name is what finds the triggers in the ledger again
                throw new IllegalStateException("the publishing slots of another Cutline service already run in this JVM");
            }
            String dataSource = NAME + "-" + System.identityHashCode(this);
            DBConnectionManager.getInstance().addConnectionProvider(dataSource, new LedgerConnections(ledger));
            Properties properties = new Properties();
            properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, NAME);
            properties.setProperty("org.quartz.threadPool.threadCount", "1");
            properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
            properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                    vendor.equals("postgresql") ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName());
            properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
            properties.setProperty("org.quartz.jobStore.useProperties", "true");
            // clustered: nodes sharing a ledger fire each slot once between them, and take over a dead node's firings
            properties.setProperty("org.quartz.jobStore.isClustered", "true");
            properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, node);
            properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(misfireThreshold.toMillis()));
            Scheduler created = new StdSchedulerFactory(properties).getScheduler();
            created.getContext().put(SlotFiring.PRODUCER, context.createProducerTemplate());
            created.start();
            scheduler = created;
        }
        return scheduler;
    }

    private static CronTrigger trigger(Channel channel, String platform, int index, String cron) {
        return TriggerBuilder.newTrigger().withIdentity(channel.id() + "/" + platform + "/" + index, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(channel.schedule().timeZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    private static boolean sameTimes(CronTrigger existing, CronTrigger wanted) {
        return existing.getCronExpression().equals(wanted.getCronExpression())
                && existing.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && existing.getMisfireInstruction() == wanted.getMisfireInstruction();
    }

    /** Quartz takes its connections from the ledger's pool. */
    private record LedgerConnections(DataSource ledger) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return ledger.getConnection();
        }

        @Override
        public void shutdown() {
            // the ledger's pool closes with the ledger
        }

        @Override
        public void initialize() {
            // the ledger's pool is open already
        }
    }
}
