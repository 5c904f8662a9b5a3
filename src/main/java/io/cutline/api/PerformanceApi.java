package io.cutline.api;

import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.UnknownChannelException;
import io.cutline.feedback.FormatLearner;
import io.cutline.feedback.Performance;

/**
 * The feedback loop over REST (routes/api.yaml): a channel's performance view, and freezing,
 * thawing or resetting what it learned. An unknown channel is a 404 naming the known ones.
 */
public record PerformanceApi(FormatLearner learner, ObjectMapper json) {

    public String performance(String channelId) {
        return answer(() -> learner.performance(channelId));
    }

    public String freeze(String channelId) {
        return answer(() -> learner.freeze(channelId, true));
    }

    public String thaw(String channelId) {
        return answer(() -> learner.freeze(channelId, false));
    }

    public String reset(String channelId) {
        return answer(() -> learner.reset(channelId));
    }

    private String answer(Supplier<Performance> view) {
        try {
            return json.writeValueAsString(view.get());
        } catch (UnknownChannelException e) {
            throw new ApiProblem(404, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
