package io.cutline.ledger;

import io.cutline.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The paid generations' ledger tests on PostgreSQL, whose SQL (batched claims, the running total's upsert) differs from H2's. */
@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class PaidGenerationsOnPostgresTest extends PaidGenerationsLedgerTest {

    @Override
    LedgerDatabase database() {
        return new LedgerDatabase(Postgres.freshDatabase(), null, null, 4);
    }
}
