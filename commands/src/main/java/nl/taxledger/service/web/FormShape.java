package nl.taxledger.service.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.taxledger.service.commandapi.CommandCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a command's form asks, read off its request record: the single fields (text or a whole number) and the
 * lists, each row of which is one text ({@code assessmentIds}) or a small record ({@code lines}, {@code terms}).
 * The web never keeps its own copy of a command's fields, so a field added to a request is on its form too.
 */
record FormShape(String type, List<String> fields, List<ListShape> lists, Set<String> wholeNumbers) {
    /** Not typed by a person: the form makes the commandId; only euros exist. */
    private static final Set<String> NOT_ASKED = Set.of("commandId", "currency");

    /** A list field: its name and the fields of one row (empty for a list of texts: the row is one text). */
    record ListShape(String name, List<String> rowFields) {
        boolean ofTexts() {
            return rowFields.isEmpty();
        }
    }

    static FormShape of(String type) {
        CommandCatalogue.Entry entry = CommandCatalogue.find(type)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "geen opdracht " + type));
        List<String> fields = new ArrayList<>();
        List<ListShape> lists = new ArrayList<>();
        Set<String> wholeNumbers = new HashSet<>();
        for (RecordComponent component : entry.shape().getRecordComponents()) {
            String name = component.getName();
            if (NOT_ASKED.contains(name)) {
                continue;
            }
            if (component.getType() == List.class) {
                lists.add(new ListShape(name, rowFields(type, component.getGenericType(), wholeNumbers)));
            } else {
                requireTyped(type, component, wholeNumbers);
                fields.add(name);
            }
        }
        return new FormShape(type, List.copyOf(fields), List.copyOf(lists), Set.copyOf(wholeNumbers));
    }

    private static List<String> rowFields(String type, Type listType, Set<String> wholeNumbers) {
        Class<?> element = (Class<?>) ((ParameterizedType) listType).getActualTypeArguments()[0];
        if (element == String.class) {
            return List.of();
        }
        if (!element.isRecord()) {
            throw new IllegalStateException(type + ": a list of " + element.getSimpleName() + " has no form");
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent component : element.getRecordComponents()) {
            requireTyped(type, component, wholeNumbers);
            names.add(component.getName());
        }
        return List.copyOf(names);
    }

    /**
     * A request field is text or a whole number (noted in {@code wholeNumbers}, sent as a JSON number); anything
     * else would need an input of its own and has none.
     */
    private static void requireTyped(String type, RecordComponent field, Set<String> wholeNumbers) {
        if (field.getType() == Integer.class) {
            wholeNumbers.add(field.getName());
        } else if (field.getType() != String.class) {
            throw new IllegalStateException(type + ": " + field.getName() + " of type "
                    + field.getType().getSimpleName() + " has no form");
        }
    }
}
