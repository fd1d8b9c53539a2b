package nl.taxledger.service.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What was typed in a command's form, its list rows included: the inputs are named as the API names the field in
 * a refusal ({@code lines[1].amount}, {@code assessmentIds[0]}), so a refusal finds its input by name. Rows can be
 * added and removed by a plain server round trip (no script needed); a row left wholly empty is dropped before
 * sending, so the indexes of the sent list are those of the form shown with its refusal.
 */
final class FormValues {
    /** More rows than the largest list a command takes (1,000 assessment lines, FieldBounds) is no form's. */
    static final int MAX_ROWS = 1_000;
    /** The key of the one value of a row of a list of texts. */
    static final String TEXT = "";

    private static final Pattern ROW_INPUT = Pattern.compile("([A-Za-z]+)\\[(\\d{1,4})\\](?:\\.([A-Za-z]+))?");

    private final FormShape shape;
    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();

    private FormValues(FormShape shape) {
        this.shape = shape;
    }

    /** The typed values of {@code shape}'s inputs; each list has at least one row to type in. */
    static FormValues read(FormShape shape, MultiValueMap<String, String> sent) {
        FormValues values = new FormValues(shape);
        for (String field : shape.fields()) {
            values.fields.put(field, text(sent.getFirst(field)));
        }
        Map<String, TreeMap<Integer, Map<String, String>>> byIndex = new HashMap<>();
        shape.lists().forEach(list -> byIndex.put(list.name(), new TreeMap<>()));
        for (String input : sent.keySet()) {
            Matcher row = ROW_INPUT.matcher(input);
            if (row.matches() && byIndex.containsKey(row.group(1))) {
                int index = Integer.parseInt(row.group(2));
                if (index >= MAX_ROWS) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ten hoogste " + MAX_ROWS + " regels");
                }
                String key = row.group(3) == null ? TEXT : row.group(3);
                byIndex.get(row.group(1))
                        .computeIfAbsent(index, i -> new HashMap<>())
                        .put(key, text(sent.getFirst(input)));
            }
        }
        for (FormShape.ListShape list : shape.lists()) {
            List<Map<String, String>> ordered =
                    new ArrayList<>(byIndex.get(list.name()).values());
            if (ordered.isEmpty()) {
                ordered.add(new HashMap<>());
            }
            values.rows.put(list.name(), ordered);
        }
        return values;
    }

    private static String text(String typed) {
        return typed == null ? "" : typed;
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    List<Map<String, String>> rows(String list) {
        return rows.get(list);
    }

    /** Adds an empty row to {@code list}; its index, for the focus to go to. */
    int addRow(String list) {
        List<Map<String, String>> of = known(list);
        if (of.size() >= MAX_ROWS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ten hoogste " + MAX_ROWS + " regels");
        }
        of.add(new HashMap<>());
        return of.size() - 1;
    }

    /** Removes row {@code index} of {@code list}; the last row stays, emptied, so there is one to type in. */
    void removeRow(String list, int index) {
        List<Map<String, String>> of = known(list);
        if (index < 0 || index >= of.size()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "geen regel " + (index + 1) + " in " + list);
        }
        of.remove(index);
        if (of.isEmpty()) {
            of.add(new HashMap<>());
        }
    }

    private List<Map<String, String>> known(String list) {
        List<Map<String, String>> of = rows.get(list);
        if (of == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "geen lijst " + list);
        }
        return of;
    }

    /** Drops the rows nothing was typed in, so the API's indexes are the form's. */
    void dropEmptyRows() {
        rows.values().forEach(list -> list.removeIf(row -> row.values().stream().allMatch(String::isBlank)));
    }

    /**
     * The command's JSON body: typed Dutch amounts and dates as the API's, whole numbers as numbers; an empty input
     * is not sent (the command says whether it is required). An amount that is no Dutch amount in euro with at most
     * two decimals is refused here, naming its input, since no number can be made of it without guessing.
     */
    ObjectNode body(String commandId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("commandId", commandId);
        for (String field : shape.fields()) {
            put(body, field, field, field(field));
        }
        for (FormShape.ListShape list : shape.lists()) {
            List<Map<String, String>> typed = rows.get(list.name());
            if (typed.isEmpty()) {
                continue; // not sent: the command refuses an empty list by its name
            }
            ArrayNode sent = body.putArray(list.name());
            for (int i = 0; i < typed.size(); i++) {
                String path = list.name() + "[" + i + "]";
                if (list.ofTexts()) {
                    String value = typed.get(i).getOrDefault(TEXT, "").trim();
                    sent.add(value);
                } else {
                    ObjectNode row = sent.addObject();
                    for (String field : list.rowFields()) {
                        put(row, field, path + "." + field, typed.get(i).getOrDefault(field, ""));
                    }
                }
            }
        }
        return body;
    }

    private void put(ObjectNode node, String field, String path, String typed) {
        String value = typed.trim();
        if (value.isEmpty()) {
            return;
        }
        if (shape.wholeNumbers().contains(field) && value.matches("-?\\d{1,9}")) {
            node.put(field, Integer.parseInt(value));
        } else if (field.equals("amount")) {
            node.put(field, Money.format(cents(path, value)));
        } else {
            node.put(field, FormLabels.toApi(field, value));
        }
    }

    private static long cents(String path, String typed) {
        try {
            return DutchFormat.cents(typed);
        } catch (IllegalArgumentException notAnAmount) {
            throw new LedgerRejection(
                    ErrorCode.VALIDATION_FAILED,
                    path,
                    "geen bedrag in euro met ten hoogste twee decimalen (zoals 1.234,56): " + abbreviated(typed));
        }
    }

    private static String abbreviated(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
