package dev.pooltags.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/** The one JSON configuration every report uses: pretty-printed, stable field order, LF endings. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Puts under {@code name} in {@code parent} an array of objects, one per item in order, each filled by
     * {@code fields}: how every report writes a list of records.
     */
    public static <T> ArrayNode objects(ObjectNode parent, String name, Iterable<? extends T> items,
            BiConsumer<ObjectNode, T> fields) {
        ArrayNode array = parent.putArray(name);
        for (T item : items) {
            fields.accept(array.addObject(), item);
        }
        return array;
    }

    /** Writes a JSON document followed by a newline. */
    public static void write(PrintWriter out, Object value) {
        try {
            out.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value).replace("\r\n", "\n"));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
