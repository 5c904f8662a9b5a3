package io.cutline.schedule;

import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * One publishing slot firing: hands the channel, platform and the slot's scheduled time to
 * {@code direct:fill-publishing-slot} (routes/distribution.yaml). A firing run again after a crash
 * keeps the time it was scheduled for, so the ready queue sees the same slot.
 */
public class SlotFiring implements Job {

    static final String CHANNEL = "channelId";
    static final String PLATFORM = "platform";
    static final String PRODUCER = "cutline.producerTemplate";

    @Override
    public void execute(JobExecutionContext firing) throws JobExecutionException {
        JobDataMap data = firing.getMergedJobDataMap();
        try {
            ProducerTemplate producer = (ProducerTemplate) firing.getScheduler().getContext().get(PRODUCER);
            producer.requestBodyAndHeaders("direct:fill-publishing-slot", null, Map.of(CHANNEL, data.getString(CHANNEL),
                    PLATFORM, data.getString(PLATFORM), "scheduledFireTime", firing.getScheduledFireTime()));
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException("publishing slot " + firing.getJobDetail().getKey().getName() + " failed", e);
        }
    }
}
