package io.cutline.console;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** The operator console (routes/console.yaml): its static files; everything it shows comes from the REST API. */
public class ConsoleConfiguration implements CamelConfiguration {

    @BindToRegistry
    public ConsoleFiles consoleFiles() {
        return new ConsoleFiles("console");
    }
}
