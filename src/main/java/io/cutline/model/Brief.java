package io.cutline.model;

import java.util.List;

/**
 * Layer 1's output (schema: {@code schemas/brief.schema.json}): what the video says and why anyone
 * would watch it. {@code beats} are the facts or points in order; {@code sources} where they came from.
 */
public record Brief(String topic, String angle, String hook, List<String> beats, String callToAction,
                    List<String> keywords, List<String> sources, int targetSeconds) {
}
