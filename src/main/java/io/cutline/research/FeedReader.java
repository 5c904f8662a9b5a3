package io.cutline.research;

import io.cutline.model.Signal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads an RSS 2.0 or Atom feed ({@code https:}, {@code http:} or {@code file:}) into signals, with the
 * JDK's XML parser (camel-rss does not resolve in the offline build), DTDs and external entities off.
 * Google Trends' {@code ht:approx_traffic} ("20,000+") becomes the {@code views} metric; an item's
 * position in the feed its {@code rank}.
 */
public class FeedReader {

    /** Some feed hosts (Reddit among them) refuse the JDK's default agent. */
    private static final String USER_AGENT = "Cutline/1.0 (trend signals; +https://cutline.io)";

    private final HttpClient http;
    private final Duration timeout;

    public FeedReader(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    public List<Signal> read(String url) {
        try (InputStream body = open(URI.create(url))) {
            return parse(body, url);
        } catch (IOException e) {
            throw new FeedUnavailableException("feed " + url + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("interrupted reading feed " + url, e);
        }
    }

    private InputStream open(URI uri) throws IOException, InterruptedException {
        if ("file".equals(uri.getScheme())) {
            return Files.newInputStream(Path.of(uri));
        }
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                        .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    static List<Signal> parse(InputStream body, String url) throws IOException {
        Document document;
        try {
            document = builder().parse(body);
        } catch (SAXException e) {
            throw new IOException("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        boolean atom = "feed".equals(root.getLocalName());
        NodeList items = root.getElementsByTagNameNS("*", atom ? "entry" : "item");
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String title = text(item, "title");
            if (title.isBlank()) {
                continue;
            }
            Map<String, Double> metrics = new HashMap<>();
            metrics.put("rank", i + 1.0);
            String traffic = text(item, "approx_traffic").replaceAll("[^0-9]", "");
            if (!traffic.isEmpty()) {
                metrics.put("views", Double.parseDouble(traffic));
            }
            List<String> tags = new ArrayList<>();
            NodeList categories = item.getElementsByTagNameNS("*", "category");
            for (int c = 0; c < categories.getLength(); c++) {
                Element category = (Element) categories.item(c);
                tags.add(atom ? category.getAttribute("term") : category.getTextContent().strip());
            }
            String summary = atom ? first(text(item, "summary"), text(item, "content")) : text(item, "description");
            String link = atom ? atomLink(item) : text(item, "link");
            signals.add(new Signal(title, plain(summary), link.isBlank() ? url + "#" + (i + 1) : link, url,
                    published(atom ? first(text(item, "published"), text(item, "updated")) : text(item, "pubDate")), metrics, tags));
        }
        return signals;
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** The text of the item's first child element named {@code name} (any namespace), or "". */
    private static String text(Element item, String name) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }

    private static String atomLink(Element entry) {
        String any = "";
        for (Node child = entry.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element link && "link".equals(link.getLocalName())) {
                String rel = link.getAttribute("rel");
                if (rel.isEmpty() || rel.equals("alternate")) {
                    return link.getAttribute("href");
                }
                any = any.isEmpty() ? link.getAttribute("href") : any;
            }
        }
        return any;
    }

    private static String first(String one, String other) {
        return one.isBlank() ? other : one;
    }

    /** Feed summaries often hold HTML: tags dropped, common entities decoded, spaces collapsed. */
    static String plain(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").strip();
    }

    /** RSS's RFC 1123 or Atom's ISO-8601 time; null if absent or unreadable (freshness is then neutral). */
    static Instant published(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notRfc) {
                return null;
            }
        }
    }

    /** A feed could not be fetched or parsed; its last good signals in the ledger stay in use. */
    public static class FeedUnavailableException extends RuntimeException {
        public FeedUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
