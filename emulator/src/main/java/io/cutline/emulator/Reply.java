package io.cutline.emulator;

import io.vertx.ext.web.RoutingContext;

/** A JSON answer: its status and body. */
record Reply(int status, String body) {

    void send(RoutingContext call) {
        EmulatorContext.json(call, status, body);
    }
}
