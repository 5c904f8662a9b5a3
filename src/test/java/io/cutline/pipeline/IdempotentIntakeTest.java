package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import io.cutline.job.JobRequest;
import io.cutline.job.Receipt;
import io.cutline.support.TestService;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/** The same job sent twice through the intake's idempotent consumer starts once; the repeat is skipped. */
class IdempotentIntakeTest {

    @Test
    void theSecondIdenticalRequestIsSkippedByTheIdempotentConsumer() throws Exception {
        try (TestService service = new TestService(TestService.newRoot("idempotent"), TestService.quickChannel()).start()) {
            AtomicInteger starts = new AtomicInteger();
            AdviceWith.adviceWith(service.context(), "submit-job",
                    route -> route.weaveById("hand-to-writing").before().process(exchange -> starts.incrementAndGet()));
            ProducerTemplate producer = service.context().createProducerTemplate();
            JobRequest request = new JobRequest("quick", null, "order-4711", "test");

            Exchange first = producer.request("direct:submit-job", exchange -> exchange.getMessage().setBody(request));
            Exchange second = producer.request("direct:submit-job", exchange -> exchange.getMessage().setBody(request));

            Receipt firstReceipt = first.getMessage().getBody(Receipt.class);
            Receipt secondReceipt = second.getMessage().getBody(Receipt.class);
            assertThat(secondReceipt.job().id()).isEqualTo(firstReceipt.job().id());
            assertThat(firstReceipt.created()).isTrue();
            assertThat(secondReceipt.created()).isFalse();
            assertThat(first.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class)).isFalse();
            assertThat(second.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class)).as("second is a duplicate").isTrue();

            assertThat(starts).as("jobs handed to production").hasValue(1);
            assertThat(service.jdbc().queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'job-intake' "
                    + "AND messageId = ?", Integer.class, firstReceipt.job().id())).as("key kept in the ledger's database").isEqualTo(1);

            Receipt other = service.submit(new JobRequest("quick", null, "order-4712", "test"));
            assertThat(other.created()).isTrue();
            assertThat(other.job().id()).isNotEqualTo(firstReceipt.job().id());
        }
    }
}
