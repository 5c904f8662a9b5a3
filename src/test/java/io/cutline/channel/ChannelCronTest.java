package io.cutline.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The 5-field cron operators write becomes the Quartz expression the schedule runs. */
class ChannelCronTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void fiveFieldsGetSecondsAndTheQuestionMarkInTheOpenDayField() {
        assertThat(ChannelCron.quartz("0 9,17 * * *")).isEqualTo("0 0 9,17 * * ?");
        assertThat(ChannelCron.quartz("*/15 * * * *")).isEqualTo("0 */15 * * * ?");
        assertThat(ChannelCron.quartz("0 9 1 * *")).isEqualTo("0 0 9 1 * ?");
        assertThat(ChannelCron.quartz("30 8 * JAN-JUN MON-FRI")).isEqualTo("0 30 8 ? JAN-JUN MON-FRI");
    }

    @Test
    void weekdayNumbersMoveUpByOneAndSevenIsSunday() {
        assertThat(ChannelCron.quartz("30 8 * * 1-5")).as("Monday to Friday").isEqualTo("0 30 8 ? * 2,3,4,5,6");
        assertThat(ChannelCron.quartz("0 9 * * 0")).as("Sunday").isEqualTo("0 0 9 ? * 1");
        assertThat(ChannelCron.quartz("0 9 * * 7")).as("Sunday again").isEqualTo("0 0 9 ? * 1");
        assertThat(ChannelCron.quartz("0 9 * * 5-7")).as("Friday to Sunday").isEqualTo("0 0 9 ? * 1,6,7");
        assertThat(ChannelCron.quartz("0 9 * * */2")).as("Sun, Tue, Thu, Sat").isEqualTo("0 0 9 ? * 1,3,5,7");
    }

    @Test
    void quartzExpressionsAreTakenAsWritten() {
        assertThat(ChannelCron.quartz("0 0 9,17 * * ?")).isEqualTo("0 0 9,17 * * ?");
        assertThat(ChannelCron.quartz("0 0 12 ? * 2-6 2030")).isEqualTo("0 0 12 ? * 2-6 2030");
    }

    @Test
    void bothDayFieldsRestrictedIsRefusedBecauseQuartzCannotOrThem() {
        assertThatThrownBy(() -> ChannelCron.quartz("0 9 1 * 1")).hasMessageContaining("restricts both day-of-month and day-of-week");
        assertThat(ChannelCron.problem("0 9 1 * 1", BERLIN)).get().asString().startsWith("not a cron expression: it restricts both");
    }

    @Test
    void aCronThatNeverFiresIsAProblem() {
        assertThat(ChannelCron.problem("0 9 30 2 *", BERLIN)).get().asString().contains("never fires");
        assertThat(ChannelCron.problem("0 0 9 30 2 ?", BERLIN)).get().asString().contains("never fires");
        assertThat(ChannelCron.problem("0 0 9 * * ? 2001", BERLIN)).get().asString().contains("never fires");
        assertThat(ChannelCron.problem("0 9 29 2 *", BERLIN)).as("29 February comes round").isEmpty();
    }

    @Test
    void malformedExpressionsSayHowToWriteOne() {
        assertThat(ChannelCron.problem("every day at nine", BERLIN)).get().asString()
                .startsWith("not a cron expression: it has 4 fields").contains("'0 9,17 * * *'");
        assertThat(ChannelCron.problem("0 9 * * 8", BERLIN)).get().asString().contains("day-of-week 8 is not 0-7");
        assertThat(ChannelCron.problem("0 25 * * *", BERLIN)).get().asString().startsWith("not a cron expression: ");
    }
}
