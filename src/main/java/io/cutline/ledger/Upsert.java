package io.cutline.ledger;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Update-or-insert in portable SQL (H2 and PostgreSQL), safe when two nodes race on the insert. */
final class Upsert {

    private Upsert() {
    }

    static void run(JdbcTemplate jdbc, String update, Object[] updateArgs, String insert, Object[] insertArgs) {
        if (jdbc.update(update, updateArgs) > 0) {
            return;
        }
        try {
            jdbc.update(insert, insertArgs);
        } catch (DuplicateKeyException raced) {
            jdbc.update(update, updateArgs);
        }
    }
}
