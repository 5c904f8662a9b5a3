package io.cutline.emulator;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A request that got past the opening every emulated endpoint shares: its fault (if any) and its JSON body (missing when not read). */
record OpenedRequest(Optional<Fault> fault, JsonNode body) {
}
