package io.cutline.channel;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.cutline.document.DocumentProblem;

/**
 * One reading of the channel directory: the valid channel of each file; the files that were empty
 * or not valid YAML and kept the channel they defined before, named as problems name them; and
 * every problem found.
 */
public record ChannelScan(Map<Path, Channel> byFile, Map<String, Channel> kept, List<DocumentProblem> problems) {

    public Collection<Channel> channels() {
        return byFile.values();
    }
}
