package nl.taxledger.service.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandCatalogue;
import nl.taxledger.service.commandapi.CommandOutcome;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.security.CommandPermissions;
import nl.taxledger.service.security.Principals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * A form for each command of the {@link CommandCatalogue}: single fields, and lists whose rows are added and removed
 * by a plain round trip to the server (an assessment's lines, an arrangement's terms and assessments; see
 * {@link FormValues}). The form posts through the one command path ({@link CommandService}), so a web booking is the
 * same as a REST one; a refusal comes back as the form with the problem's code and text beside the input it names
 * ({@code LedgerRejection.field()}, a row's input by its index: {@code lines[1].amount}). The commandId is made when
 * the form is first shown and kept through row changes, so sending the same form twice books once.
 */
@Controller
class CommandForms {
    static final String WHY = "toelichting";
    private static final String COMMAND_ID = "commandId";
    /** The button that changes the rows instead of sending: {@code erbij:lines} or {@code weg:lines:1}. */
    private static final String ROW_ACTION = "_rij";

    private final CommandService commands;

    CommandForms(CommandService commands) {
        this.commands = commands;
    }

    /** One input: its name (the API's path of the field), its HTML id, Dutch label, hint, value, whether it takes the focus. */
    record Field(String name, String id, String label, String hint, String value, boolean focus) {}

    /** One row of a list, a fieldset with its own legend. */
    record Row(int index, String name, String legend, List<Field> fields) {}

    /** A list of rows, a fieldset with a legend and a button to add one. */
    record RowList(String name, String id, String legend, String rowName, List<Row> rows) {}

    /** The forms the signed-in person may send: the clerk's daily ones first, then every other command's. */
    @GetMapping("/boeken")
    String index(Model model) {
        model.addAttribute(
                "forms",
                FormLabels.MENU.keySet().stream()
                        .filter(CommandForms::mayRun)
                        .map(CommandForms::link)
                        .toList());
        model.addAttribute(
                "others",
                CommandCatalogue.entries().stream()
                        .map(CommandCatalogue.Entry::type)
                        .filter(type -> !FormLabels.MENU.containsKey(type) && mayRun(type))
                        .map(CommandForms::link)
                        .toList());
        return "forms";
    }

    private static boolean mayRun(String type) {
        return Principals.current()
                .map(me -> CommandPermissions.rolesFor(type).stream().anyMatch(me::has))
                .orElse(false);
    }

    private static Map<String, String> link(String type) {
        return Map.of("type", type, "title", FormLabels.title(type));
    }

    @GetMapping("/boeken/{type}")
    String form(@PathVariable String type, @RequestParam MultiValueMap<String, String> prefill, Model model) {
        FormShape shape = FormShape.of(type);
        show(
                model,
                shape,
                FormValues.read(shape, prefill),
                prefill,
                UUID.randomUUID().toString(),
                null,
                null);
        return "form";
    }

    @PostMapping("/boeken/{type}")
    String submit(
            @PathVariable String type,
            @RequestParam MultiValueMap<String, String> sent,
            Model model,
            RedirectAttributes redirect) {
        FormShape shape = FormShape.of(type);
        FormValues values = FormValues.read(shape, sent);
        String commandId = Optional.ofNullable(sent.getFirst(COMMAND_ID))
                .filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        String action = sent.getFirst(ROW_ACTION);
        if (action != null && !action.isBlank()) {
            show(model, shape, values, sent, commandId, null, changeRows(values, action));
            return "form";
        }
        values.dropEmptyRows();
        String why = Optional.ofNullable(sent.getFirst(WHY))
                .filter(text -> !text.isBlank())
                .orElse(null);
        try {
            CommandOutcome outcome =
                    commands.submit(type, values.body(commandId), new Actor(Principals.currentName(), why, "web"));
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("debtorId", debtorOf(outcome.result()));
            redirect.addFlashAttribute("runDate", runDateOf(type, outcome.result()));
            return "redirect:/boeken/" + type + "/gelukt";
        } catch (LedgerRejection refused) {
            show(model, shape, values, sent, commandId, refused, null);
            model.addAttribute("status", HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "form";
        }
    }

    @GetMapping("/boeken/{type}/gelukt")
    String done(@PathVariable String type, Model model) {
        model.addAttribute("type", type);
        model.addAttribute("title", FormLabels.title(type));
        return "form-done";
    }

    /** Adds or removes a row; the name of the input that gets the focus next. */
    private static String changeRows(FormValues values, String action) {
        String[] parts = action.split(":");
        if (parts.length == 2 && parts[0].equals("erbij")) {
            int added = values.addRow(parts[1]);
            return parts[1] + "[" + added + "]";
        }
        if (parts.length == 3 && parts[0].equals("weg") && parts[2].matches("\\d{1,4}")) {
            values.removeRow(parts[1], Integer.parseInt(parts[2]));
            return parts[1];
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "onbekende actie " + action);
    }

    private void show(
            Model model,
            FormShape shape,
            FormValues values,
            MultiValueMap<String, String> sent,
            String commandId,
            LedgerRejection refused,
            String focusRow) {
        String type = shape.type();
        String refusedField =
                refused == null ? null : FormLabels.fieldOf(refused.code().name(), refused.field(), shape.fields());
        List<Field> fields = new ArrayList<>();
        for (String name : shape.fields()) {
            fields.add(field(type, name, name, values.field(name), name.equals(refusedField)));
        }
        List<RowList> lists = new ArrayList<>();
        for (FormShape.ListShape list : shape.lists()) {
            lists.add(rowList(type, list, values.rows(list.name()), refusedField, focusRow));
        }
        model.addAttribute("type", type);
        model.addAttribute("title", FormLabels.title(type));
        model.addAttribute("fields", fields);
        model.addAttribute("lists", lists);
        model.addAttribute(COMMAND_ID, commandId);
        model.addAttribute("why", Optional.ofNullable(sent.getFirst(WHY)).orElse(""));
        if (refused != null) {
            Map<String, String> problem = new LinkedHashMap<>();
            problem.put("code", refused.code().name());
            problem.put("detail", refused.getMessage());
            problem.put("field", refusedField);
            model.addAttribute("problem", problem);
        }
    }

    private static RowList rowList(
            String type, FormShape.ListShape list, List<Map<String, String>> typed, String refused, String focusRow) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String rowName = list.name() + "[" + i + "]";
            boolean focusHere = rowName.equals(focusRow)
                    || (i == typed.size() - 1 && list.name().equals(focusRow));
            List<Field> fields = new ArrayList<>();
            if (list.ofTexts()) {
                fields.add(field(
                        type,
                        list.name(),
                        rowName,
                        typed.get(i).getOrDefault(FormValues.TEXT, ""),
                        focusHere || rowName.equals(refused)));
            }
            for (String name : list.rowFields()) {
                String path = rowName + "." + name;
                boolean first = name.equals(list.rowFields().get(0));
                fields.add(field(
                        type,
                        name,
                        path,
                        typed.get(i).getOrDefault(name, ""),
                        (focusHere && first) || path.equals(refused)));
            }
            rows.add(new Row(i, rowName, FormLabels.rowLegend(list.name()) + " " + (i + 1), fields));
        }
        return new RowList(
                list.name(), list.name(), FormLabels.listLegend(list.name()), FormLabels.rowLegend(list.name()), rows);
    }

    /** {@code field} is the request's field name (for the label), {@code path} the input's name. */
    private static Field field(String type, String field, String path, String value, boolean focus) {
        String id = path.replace("[", "-").replace("]", "").replace('.', '-');
        String label = path.equals(field) ? FormLabels.label(field) : FormLabels.rowLabel(field);
        return new Field(path, id, label, FormLabels.hint(type, field), value, focus);
    }

    /** A prepared direct-debit run's collection date, for the link to the run's page. */
    private static LocalDate runDateOf(String type, JsonNode result) {
        if ("PrepareDirectDebitRun".equals(type) && result != null && result.hasNonNull("collectionDate")) {
            return LocalDate.parse(result.get("collectionDate").asString());
        }
        return null;
    }

    private static String debtorOf(JsonNode result) {
        if (result != null && result.has("debtorId") && !result.get("debtorId").isNull()) {
            return result.get("debtorId").asString();
        }
        return null;
    }
}
