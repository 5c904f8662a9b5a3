package io.cutline.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.media.Fonts;
import io.cutline.media.MediaProbe;
import io.cutline.media.ToolRunner;

/**
 * What every adapter may use besides its own settings: the HTTP gateway to providers, the guarded
 * fetching of the media they make, JSON, and the local media tools (FFmpeg, ffprobe, espeak-ng) and
 * fonts for the providers that work on this machine.
 */
public record AdapterKit(HttpGateway http, MediaDownloads downloads, ObjectMapper json, ToolRunner tools, MediaProbe probe,
                         Fonts fonts) {
}
