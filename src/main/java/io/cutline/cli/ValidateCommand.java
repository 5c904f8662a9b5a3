package io.cutline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.Settings;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelConfiguration;
import io.cutline.channel.ChannelRegistry;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.RouteCheck;
import io.cutline.research.SignalLibrary;
import io.cutline.writer.template.TemplateWriter;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Checks channel, signals and route files; reports each problem with file and line.")
public class ValidateCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        List<DocumentProblem> problems = new ArrayList<>();
        int channelCount;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("file:" + CutlineRuntime.CONFIG);
            Settings settings = new Settings(context);
            ObjectMapper json = new ObjectMapper();
            ChannelConfiguration wiring = new ChannelConfiguration();
            ChannelRegistry channels = wiring.channelRegistry(settings, json, wiring.platforms(settings));
            problems.addAll(channels.problems());
            channelCount = channels.all().size();
            SignalLibrary signals = new SignalLibrary(settings.path("cutline.signals.dir"), json);
            for (Channel channel : channels.all()) {
                problems.addAll(signals.problems(settings.path("cutline.signals.dir").resolve(channel.signalsFile())));
            }
            try {
                TemplateWriter.readPhrases(settings.path("cutline.writer.template.phrases"), json);
            } catch (InvalidDocumentException e) {
                problems.addAll(e.problems());
            }
            problems.addAll(new RouteCheck().check(settings.path("cutline.routes.dir")));
        }
        problems.forEach(problem -> System.out.println(problem));
        System.out.printf("%d valid channel(s); %d problem(s)%n", channelCount, problems.size());
        return problems.isEmpty() ? 0 : 1;
    }
}
