package io.cutline.mcp;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.api.JobApi;
import io.cutline.api.PerformanceApi;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.ledger.JobProgress;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * The MCP server (routes/mcp.yaml serves it at {@code /mcp}): the SDK's server with Cutline's tools
 * and resources, on a transport that runs inside the service's own HTTP server.
 */
public class McpConfiguration implements CamelConfiguration {

    private static final String INSTRUCTIONS = "Cutline produces short videos for channels end to end. list_channels shows the"
            + " channels; create_job starts a video (pass a progress token to follow it until it is DONE or PARKED); get_job shows"
            + " a job's scenes, renditions and failure; retry_job resumes a PARKED job; validate_channel checks a channel file.";

    @BindToRegistry
    public McpHttpTransport mcpHttpTransport(JobApi jobs, PerformanceApi performance, ChannelRegistry channels, JobProgress progress,
                                             ObjectMapper json, Settings settings, CamelContext context) {
        McpHttpTransport transport = new McpHttpTransport(McpJsonDefaults.getMapper());
        ToolAnswers answers = new ToolAnswers(json);
        JobFollower follower = new JobFollower(progress, Duration.ofMillis(settings.integer("cutline.mcp.progress-interval-ms")));
        McpTools tools = new McpTools(new McpTools.Parts(jobs, performance, channels, context.createProducerTemplate(), follower),
                new ToolCatalog(json), answers);
        McpResources resources = new McpResources(channels, jobs, answers);
        // the server registers itself with the transport as its session factory; the transport is what the route calls
        McpServer.async(transport)
                .serverInfo("cutline", Objects.requireNonNullElse(McpConfiguration.class.getPackage().getImplementationVersion(), "dev"))
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .jsonSchemaValidator(new ToolSchemaValidator(json))
                .validateToolInputs(true)
                .tools(tools.all())
                .resources(resources.channelDefinitions())
                .resourceTemplates(resources.templates())
                .build();
        return transport;
    }
}
