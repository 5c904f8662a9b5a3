package io.cutline.api;

import io.cutline.support.ShippedConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.job.CallerStories;
import io.cutline.job.CallerStory;
import io.cutline.job.JobRequest;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class JobApiTest {

    private final JobApi api = api();

    @Test
    void aValidBodyBecomesARequest() {
        JobRequest request = create("{\"channel\":\"demo\",\"topic\":\"Venus\",\"idempotencyKey\":\"k\"}");
        assertThat(request).isEqualTo(new JobRequest("demo", "Venus", "k", "api"));
    }

    @Test
    void invalidBodiesAreRefusedWith400NamingTheField() {
        assertProblem(() -> create(""), 400, "\"channel\"");
        assertProblem(() -> create("{\"channel\":"), 400, "not valid JSON");
        assertProblem(() -> create("[1,2]"), 400, "array found, object expected");
        assertProblem(() -> create("{}"), 400, "channel: required property 'channel' not found");
        assertProblem(() -> create("{\"channel\":42}"), 400, "channel: integer found, string expected");
        assertProblem(() -> create("{\"channel\":\"demo\",\"topic\":\"x\"}"), 400, "topic: must be at least 3 characters");
        assertProblem(() -> create("{\"channel\":\"demo\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(() -> create("{\"channel\":\"nope\"}"), 400, "channel: no channel 'nope' (known: demo)");
    }

    @Test
    void onlyStrictJsonIsAccepted() {
        assertProblem(() -> create("{\"channel\":\"demo\"} xyz"), 400, "not valid JSON");
        assertProblem(() -> create("{\"channel\":\"demo\",\"channel\":\"other\"}"), 400, "Duplicate field 'channel'");
        assertProblem(() -> create("{\"channel\":\"demo\",\"colour\":\"red\",\"size\":3}"), 400, "colour");
        assertProblem(() -> api.createRequest("{\"channel\":\"demo\"}", "text/plain"), 415, "application/json");
        assertProblem(() -> api.createRequest("{\"channel\":\"demo\"}", null), 415, "no Content-Type");
        assertThat(api.createRequest("{\"channel\":\"demo\"}", "application/json; charset=utf-8").channel()).isEqualTo("demo");
    }

    @Test
    void oddIdsAndKeysAreRefusedWithoutEchoingThem() {
        assertProblem(() -> create("{\"channel\":\"de\\u0000mo\"}"), 400, "channel: does not match");
        assertProblem(() -> create("{\"channel\":\"demo\",\"idempotencyKey\":\"" + "k".repeat(201) + "\"}"), 400, "idempotencyKey");
        assertProblem(() -> create("{\"channel\":\"demo\",\"idempotencyKey\":\"two words\"}"), 400, "idempotencyKey");
        assertProblem(() -> create("{\"channel\":\"demo\",\"topic\":\"line\\nbreak\"}"), 400, "topic");
        assertProblem(() -> api.job("abc\u0000def"), 404, "no job 'abc?def'");
        assertProblem(() -> api.retry("../../etc/passwd"), 404, "job ids look like");
    }

    @Test
    void aCallersStoryboardBecomesTheJobsStoryWithABriefOfItsOwn() {
        JobRequest request = create("""
                {"channel":"demo","storyboard":{"title":"Why the Moon drifts away","description":"Four centimetres a year.",
                 "hashtags":["#moon","#space"],"scenes":[
                  {"narration":"The Moon is leaving us, four centimetres every single year.","visualPrompt":"the full Moon over a dark sea"},
                  {"narration":"Tides pull on it and hand it a little of our spin.","visualPrompt":"ocean waves under moonlight","style":"hero"}]}}
                """);
        CallerStory story = request.story();
        assertThat(story.storyboard().scenes()).hasSize(2);
        assertThat(story.brief().topic()).isEqualTo("Why the Moon drifts away");
        assertThat(story.brief().hook()).isEqualTo("The Moon is leaving us, four centimetres every single year.");
        assertThat(story.brief().keywords()).containsExactly("moon", "space");
        // 21 words at the channel's 165 words a minute
        assertThat(story.brief().targetSeconds()).isEqualTo(8);
        assertThat(create("{\"channel\":\"demo\",\"topic\":\"Venus\"}").story()).isNull();
    }

    @Test
    void aCallersStoryIsHeldToTheWritersRules() {
        String scenes = "[{\"narration\":\"The Moon is leaving us, four centimetres every single year.\","
                + "\"visualPrompt\":\"the Moon rises, then a cut to the sea\"}]";
        assertProblem(() -> create("{\"channel\":\"demo\",\"storyboard\":{\"title\":\"Moon\",\"description\":\"\",\"hashtags\":[],"
                + "\"scenes\":" + scenes + "}}"), 400, "storyboard.scenes[0].visualPrompt: describe one shot: \"then\" orders events in time");
        assertProblem(() -> create("{\"channel\":\"demo\",\"storyboard\":{\"title\":\"Moon\",\"scenes\":[]}}"), 400,
                "storyboard.scenes: must have at least 1 items");
        assertProblem(() -> create("{\"channel\":\"demo\",\"storyboard\":{\"title\":\"Moon\",\"scenes\":[]}}"), 400,
                "storyboard.description: required property");
        assertProblem(() -> create("{\"channel\":\"demo\",\"storyboard\":\"a story\"}"), 400, "storyboard: string found, object expected");
        assertProblem(() -> create("{\"channel\":\"demo\",\"topic\":\"Venus\",\"brief\":{}}"), 400,
                "topic: give a topic or a brief");
        String brief = "{\"topic\":\"The Moon drifts\",\"angle\":\"tides\",\"hook\":\"The Moon is leaving us.\",\"beats\":[\"Four "
                + "centimetres a year.\"],\"callToAction\":\"\",\"keywords\":[],\"sources\":[],\"targetSeconds\":60}";
        assertProblem(() -> create("{\"channel\":\"demo\",\"brief\":" + brief + "}"), 400,
                "brief.hook, beats and callToAction: run 3.3 s at 165 words a minute; the target is 60 s");
    }

    @Test
    void listParametersAreChecked() {
        assertProblem(() -> api.jobs("finished", null, null), 400, "state: must be one of RUNNING, PARKED, DONE");
        assertProblem(() -> api.jobs(null, null, "0"), 400, "limit: must be an integer from 1 to 500");
        assertProblem(() -> api.jobs(null, null, "ten"), 400, "limit");
    }

    private JobRequest create(String body) {
        return api.createRequest(body, "application/json");
    }

    private static void assertProblem(ThrowableAssert.ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatus()).isEqualTo(status);
            assertThat(problem.getMessage()).contains(message);
        });
    }

    private static JobApi api() {
        ObjectMapper json = new ObjectMapper();
        ChannelRegistry channels = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), json);
        channels.reload();
        return new JobApi(null, null, channels, new CallerStories(ShippedConfig.storyRules(), json), null, null, json, 10);
    }
}
