package io.cutline.generation;

import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.generation.clip.FirstFrame;
import io.cutline.ledger.JobLedger;
import io.cutline.model.Scene;
import io.cutline.timing.TimingPlan;

/**
 * What is asked of a generator for one planned clip, and its forms in the ledger: the content key
 * that identifies the generation, and the JSON stored with the task so the poller can ask again.
 */
public record ClipRequests(JobLedger jobs, ChannelRegistry channels, ObjectMapper json, int shortSide, int fps) {

    /**
     * The request for one planned clip: the channel's frame at the configured short side; a hero
     * scene's first clip starts from the channel's opening image where the provider takes one.
     */
    ClipRequest request(String jobId, Scene scene, TimingPlan.Clip clip, boolean takesFirstFrame) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        boolean vertical = channel.format().height() > channel.format().width();
        int longSide = Math.round(shortSide * (float) Math.max(channel.format().width(), channel.format().height())
                / Math.min(channel.format().width(), channel.format().height()));
        int width = vertical ? shortSide : longSide;
        int height = vertical ? longSide : shortSide;
        String opening = channel.style().openingImage();
        FirstFrame firstFrame = opening != null && takesFirstFrame && Scene.HERO.equals(scene.style()) && clip.part() == 0
                ? FirstFrame.of(Path.of(opening)) : null;
        return new ClipRequest(clip.prompt(), clip.seconds(), width, height, fps, Integer.toUnsignedLong(clip.prompt().hashCode()),
                firstFrame);
    }

    String key(String provider, String model, ClipRequest request) {
        return ContentKey.of(provider, model, request, json);
    }

    String write(ClipRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ClipRequest read(String key, String stored) {
        try {
            return json.readValue(stored, ClipRequest.class);
        } catch (Exception e) {
            throw new IllegalStateException("ledger holds an unreadable clip request for " + key, e);
        }
    }
}
