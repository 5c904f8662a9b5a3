package io.cutline.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cutline.api.JobApi;
import io.cutline.channel.ChannelRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The MCP resources: each channel's definition ({@code cutline://channels/{id}}, the YAML file as
 * the service reads it) and each job's finished video ({@code cutline://jobs/{id}/video}: the
 * renditions' metadata, where each file is, its quality gates and publications, as JSON).
 */
final class McpResources {

    private static final Pattern CHANNEL = Pattern.compile("cutline://channels/([a-z0-9][a-z0-9-]{0,62})");
    private static final Pattern VIDEO = Pattern.compile("cutline://jobs/([0-9a-fA-F-]{36})/video");

    private final ChannelRegistry channels;
    private final JobApi jobs;
    private final ToolAnswers answers;

    McpResources(ChannelRegistry channels, JobApi jobs, ToolAnswers answers) {
        this.channels = channels;
        this.jobs = jobs;
        this.answers = answers;
    }

    /** One listed resource per channel known at start (a channel added later is still readable through the template). */
    List<AsyncResourceSpecification> channelDefinitions() {
        return channels.all().stream().map(channel -> new AsyncResourceSpecification(
                McpSchema.Resource.builder().uri("cutline://channels/" + channel.id()).name("channel " + channel.id())
                        .description("The definition of channel " + channel.id() + " (config/channels/" + channel.id() + ".yaml)")
                        .mimeType("application/yaml").build(),
                (exchange, request) -> read(request.uri()))).toList();
    }

    List<AsyncResourceTemplateSpecification> templates() {
        return List.of(
                new AsyncResourceTemplateSpecification(McpSchema.ResourceTemplate.builder().uriTemplate("cutline://channels/{id}")
                        .name("channel").description("A channel's definition: the YAML file the service reads").mimeType("application/yaml")
                        .build(), (exchange, request) -> read(request.uri())),
                new AsyncResourceTemplateSpecification(McpSchema.ResourceTemplate.builder().uriTemplate("cutline://jobs/{id}/video")
                        .name("job video").description("A job's finished video: each rendition's file, size, length and thumbnail,"
                                + " its quality gates and publications").mimeType("application/json").build(),
                        (exchange, request) -> read(request.uri())));
    }

    private Mono<McpSchema.ReadResourceResult> read(String uri) {
        return Mono.fromCallable(() -> new McpSchema.ReadResourceResult(List.of(contents(uri))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private McpSchema.TextResourceContents contents(String uri) throws IOException {
        Matcher channel = CHANNEL.matcher(uri);
        if (channel.matches()) {
            String id = channel.group(1);
            Path file = channels.directory().resolve(id + ".yaml");
            if (channels.find(id).isEmpty() || !Files.isRegularFile(file)) {
                throw notFound("no channel '" + id + "'");
            }
            return new McpSchema.TextResourceContents(uri, "application/yaml", Files.readString(file));
        }
        Matcher video = VIDEO.matcher(uri);
        if (video.matches()) {
            Map<String, Object> job;
            try {
                job = answers.object(jobs.job(video.group(1)));
            } catch (io.cutline.api.ApiProblem missing) {
                throw notFound(missing.getMessage());
            }
            Map<String, Object> view = new LinkedHashMap<>();
            for (String field : List.of("id", "channel", "title", "state", "step", "renders", "gates", "publications")) {
                view.put(field, job.get(field));
            }
            return new McpSchema.TextResourceContents(uri, "application/json", answers.write(view));
        }
        throw notFound("no resource '" + uri + "': Cutline has cutline://channels/{id} and cutline://jobs/{id}/video");
    }

    private static McpError notFound(String message) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(message).build();
    }
}
