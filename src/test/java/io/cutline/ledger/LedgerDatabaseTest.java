package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerDatabaseTest {

    @Test
    void anH2FileLedgerIsOpenedThroughAsyncFilesSoInterruptedThreadsCannotCloseIt() {
        assertThat(LedgerDatabase.throughAsyncFiles("jdbc:h2:file:./data/ledger;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:async:./data/ledger;AUTO_SERVER=TRUE");
        assertThat(LedgerDatabase.throughAsyncFiles("jdbc:h2:./data/ledger")).isEqualTo("jdbc:h2:file:async:./data/ledger");
        assertThat(LedgerDatabase.throughAsyncFiles("jdbc:h2:file:/tmp/l;write_delay=100")).as("the operator's choice stands")
                .isEqualTo("jdbc:h2:file:async:/tmp/l;write_delay=100");
        assertThat(LedgerDatabase.throughAsyncFiles("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(LedgerDatabase.throughAsyncFiles("jdbc:postgresql://db/cutline")).isEqualTo("jdbc:postgresql://db/cutline");
    }

    @Test
    void anH2FileLedgerIsNotCompactedOnCloseUnlessTheUrlSaysSo() {
        assertThat(LedgerDatabase.withoutCompactingOnClose("jdbc:h2:file:async:./data/ledger"))
                .isEqualTo("jdbc:h2:file:async:./data/ledger;MAX_COMPACT_TIME=0");
        assertThat(LedgerDatabase.withoutCompactingOnClose("jdbc:h2:file:async:/l;max_compact_time=500")).as("the operator's choice stands")
                .isEqualTo("jdbc:h2:file:async:/l;max_compact_time=500");
        assertThat(LedgerDatabase.withoutCompactingOnClose("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(LedgerDatabase.withoutCompactingOnClose("jdbc:postgresql://db/cutline")).isEqualTo("jdbc:postgresql://db/cutline");
    }

    @Test
    void anH2SessionKeepsMoreParsedStatementsUnlessTheUrlSaysHowMany() {
        assertThat(LedgerDatabase.withStatementCache("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test;QUERY_CACHE_SIZE=256");
        assertThat(LedgerDatabase.withStatementCache("jdbc:h2:file:./l;query_cache_size=16")).as("the operator's choice stands")
                .isEqualTo("jdbc:h2:file:./l;query_cache_size=16");
        assertThat(LedgerDatabase.withStatementCache("jdbc:postgresql://db/cutline")).isEqualTo("jdbc:postgresql://db/cutline");
    }

    @Test
    void anH2LedgerKeepsReplacedPagesOnlyAsLongAsConfigured(@TempDir Path dir) {
        LedgerDatabase database = new LedgerDatabase("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "", 2);
        try {
            database.keepReplacedPagesFor(Duration.ofSeconds(2));
            assertThat(database.jdbc().queryForList("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE "
                    + "'%RETENTION_TIME'", String.class)).isNotEmpty().containsOnly("2000");
        } finally {
            database.stop();
        }
    }
}
