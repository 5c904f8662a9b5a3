package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
