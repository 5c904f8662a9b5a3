package io.cutline.writer.llm;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.support.ShippedConfig;

/** What the writer contract tests share: a ledger of their own (jobs, costs) and the quick test channel. */
record WritingFixture(JobLedger jobs, CostLedger costs, Channel quick) {

    static WritingFixture open(ObjectMapper json) {
        LedgerDatabase database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        ChannelRegistry registry = ShippedConfig.channels(Path.of("src/test/resources/channels"), Path.of("src/test/resources/signals"), json);
        registry.reload();
        return new WritingFixture(new JobLedger(database.jdbc(), Clock.systemUTC(), "test", Duration.ofMinutes(1)),
                new CostLedger(database.jdbc(), Clock.systemUTC()), registry.require("quick"));
    }
}
