package io.cutline.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecVersion;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Checks the route files ops edit, before they reach a running service: YAML syntax, the Camel
 * YAML DSL schema shipped in camel-yaml-dsl, that Camel can load them, and that every
 * {@code direct:}/{@code seda:} endpoint a route sends to has a route consuming it.
 */
public final class RouteCheck {

    /** The Camel YAML DSL schema camel-yaml-dsl ships. */
    private final SchemaCheck schema = SchemaCheck.fromClasspath("/schema/camelYamlDsl.json", SpecVersion.VersionFlag.V4, tree -> { });

    public List<DocumentProblem> check(Path directory) {
        List<DocumentProblem> problems = new ArrayList<>();
        List<YamlDocument> documents = new ArrayList<>();
        // one context loads every file: a context per file cost about a second each
        DefaultCamelContext context = new DefaultCamelContext();
        // placeholders are the service's configuration, not the files' correctness
        context.getPropertiesComponent().setIgnoreMissingProperty(true);
        try {
            for (Path file : YamlFiles.in(directory)) {
                try {
                    YamlDocument document = YamlDocument.read(file, file.toString());
                    List<DocumentProblem> schemaProblems = schema.problems(document);
                    problems.addAll(schemaProblems);
                    if (schemaProblems.isEmpty()) {
                        problems.addAll(load(file, document.source(), context));
                    }
                    documents.add(document);
                } catch (InvalidDocumentException e) {
                    problems.addAll(e.problems());
                }
            }
        } finally {
            context.stop();
        }
        problems.addAll(unconsumedEndpoints(documents));
        return problems;
    }

    /** Endpoints a route sends to that no route (or route made from a template) consumes. */
    private static List<DocumentProblem> unconsumedEndpoints(List<YamlDocument> documents) {
        Map<String, String> consumers = new LinkedHashMap<>();
        Map<String, DocumentProblem> produced = new LinkedHashMap<>();
        Map<String, String> templates = new LinkedHashMap<>();
        List<JsonNode> instances = new ArrayList<>();
        for (YamlDocument document : documents) {
            collectEndpoints(document.root(), "", document, consumers, produced);
            collectTemplates(document.root(), templates, instances);
        }
        for (JsonNode instance : instances) {
            String uri = templates.get(instance.path("routeTemplateRef").asText());
            if (uri != null) {
                for (JsonNode parameter : instance.path("parameters")) {
                    uri = uri.replace("{{" + parameter.path("name").asText() + "}}", parameter.path("value").asText());
                }
                endpoint(uri).ifPresent(endpoint -> consumers.put(endpoint, "templatedRoute"));
            }
        }
        List<DocumentProblem> problems = new ArrayList<>();
        produced.forEach((endpoint, where) -> {
            if (!consumers.containsKey(endpoint)) {
                problems.add(new DocumentProblem(where.source(), where.line(), where.column(), where.field(),
                        "no route consumes " + endpoint + " (routes consume: " + new TreeSet<>(consumers.keySet()) + ")"));
            }
        });
        return problems;
    }

    private static List<DocumentProblem> load(Path file, String source, DefaultCamelContext context) {
        try {
            RoutesLoader loader = PluginHelper.getRoutesLoader(context);
            Resource resource = ResourceHelper.resolveResource(context, "file:" + file.toAbsolutePath());
            loader.loadRoutes(resource);
            return List.of();
        } catch (Exception e) {
            return List.of(new DocumentProblem(source, 0, "", "Camel cannot load it: " + rootMessage(e)));
        }
    }

    /** Records where direct:/seda: endpoints are consumed ({@code from}) and produced to ({@code to}, {@code toD}, multicast...). */
    private static void collectEndpoints(JsonNode node, String pointer, YamlDocument document, Map<String, String> consumers,
                                         Map<String, DocumentProblem> produced) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPointer = pointer + "/" + field.getKey();
                JsonNode value = field.getValue();
                if (field.getKey().equals("from") && value.has("uri")) {
                    endpoint(value.get("uri").asText()).ifPresent(endpoint -> consumers.put(endpoint, document.source()));
                } else if (field.getKey().equals("to")) {
                    String uri = value.isTextual() ? value.asText() : value.path("uri").asText();
                    endpoint(uri).filter(endpoint -> !endpoint.contains("{{")).ifPresent(endpoint -> produced.putIfAbsent(endpoint,
                            new DocumentProblem(document.source(), document.positionOf(childPointer), "to", "")));
                }
                collectEndpoints(value, childPointer, document, consumers, produced);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectEndpoints(node.get(i), pointer + "/" + i, document, consumers, produced);
            }
        }
    }

    /** Route templates' consumer URIs, and the templated routes that instantiate them. */
    private static void collectTemplates(JsonNode root, Map<String, String> templates, List<JsonNode> instances) {
        for (JsonNode item : root) {
            JsonNode template = item.path("routeTemplate");
            if (template.isObject()) {
                templates.put(template.path("id").asText(), template.path("route").path("from").path("uri").asText());
            }
            if (item.path("templatedRoute").isObject()) {
                instances.add(item.get("templatedRoute"));
            }
        }
    }

    private static java.util.Optional<String> endpoint(String uri) {
        if (!uri.startsWith("direct:") && !uri.startsWith("seda:")) {
            return java.util.Optional.empty();
        }
        int query = uri.indexOf('?');
        return java.util.Optional.of(query < 0 ? uri : uri.substring(0, query));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        Set<Throwable> seen = new java.util.HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }
}
