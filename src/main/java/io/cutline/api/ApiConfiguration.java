package io.cutline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.QualityLedger;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** The REST API (routes/api.yaml): job views, requests, provider webhooks, the headers that may leave. */
public class ApiConfiguration implements CamelConfiguration {

    @BindToRegistry
    public JobViews jobViews(JobLedger jobs, StepLog stepLog, StoryLedger stories, VoiceLedger voices, GenerationLedger generations,
                             RenderLedger renders, PublicationLedger publications, QualityLedger quality, CostLedger costs) {
        return new JobViews(jobs, stepLog, stories, voices, generations, renders, publications, quality, costs);
    }

    @BindToRegistry
    public JobApi jobApi(JobLedger jobs, JobViews views, ChannelRegistry channels, CostLedger costs, ObjectMapper json) {
        return new JobApi(jobs, views, channels, costs, json);
    }

    @BindToRegistry
    public ApiHeaderFilter apiHeaderFilter() {
        return new ApiHeaderFilter();
    }

    @BindToRegistry
    public ProviderHooks providerHooks(GenerationLedger generations) {
        return new ProviderHooks(generations);
    }
}
