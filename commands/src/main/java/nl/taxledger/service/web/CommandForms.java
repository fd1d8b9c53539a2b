package nl.taxledger.service.web;

import java.lang.reflect.RecordComponent;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A form for each flat command of the {@link CommandCatalogue} (every field text: payment, reduction, remission,
 * storno, suspense assignment, approvals). The form posts through the one command path ({@link CommandService}),
 * so a web booking is the same as a REST one; a refusal comes back as the form with the problem's code and text
 * beside the field it names ({@code LedgerRejection.field()}). The commandId is made when the form is shown, so
 * sending the same form twice books once.
 */
@Controller
class CommandForms {
    static final String WHY = "toelichting";
    private static final String COMMAND_ID = "commandId";
    private final CommandService commands;
    private final JsonMapper json = JsonMapper.builder().build();

    CommandForms(CommandService commands) {
        this.commands = commands;
    }

    /** One input of a form: the command's field name, its Dutch label, a hint and the value to show. */
    record Field(String name, String label, String hint, String value) {}

    @GetMapping("/boeken")
    String index(Model model) {
        model.addAttribute(
                "forms",
                FormLabels.MENU.entrySet().stream()
                        .map(entry -> Map.of("type", entry.getKey(), "title", entry.getValue()))
                        .toList());
        return "forms";
    }

    @GetMapping("/boeken/{type}")
    String form(@PathVariable String type, @RequestParam MultiValueMap<String, String> prefill, Model model) {
        show(model, type, prefill, UUID.randomUUID().toString(), null);
        return "form";
    }

    @PostMapping("/boeken/{type}")
    String submit(
            @PathVariable String type,
            @RequestParam MultiValueMap<String, String> sent,
            Model model,
            RedirectAttributes redirect) {
        String commandId = Optional.ofNullable(sent.getFirst(COMMAND_ID))
                .filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        ObjectNode body = json.createObjectNode();
        body.put(COMMAND_ID, commandId);
        for (String name : fieldNames(type)) {
            String value = sent.getFirst(name);
            if (value != null && !value.isBlank()) {
                body.put(name, FormLabels.toApi(name, value.trim()));
            }
        }
        String why = Optional.ofNullable(sent.getFirst(WHY))
                .filter(text -> !text.isBlank())
                .orElse(null);
        try {
            CommandOutcome outcome = commands.submit(type, body, new Actor(Principals.currentName(), why, "web"));
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("debtorId", debtorOf(outcome.result()));
            redirect.addFlashAttribute("runDate", runDateOf(type, outcome.result()));
            return "redirect:/boeken/" + type + "/gelukt";
        } catch (LedgerRejection refused) {
            show(model, type, sent, commandId, refused);
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

    private void show(
            Model model, String type, MultiValueMap<String, String> values, String commandId, LedgerRejection refused) {
        List<Field> fields = new ArrayList<>();
        for (String name : fieldNames(type)) {
            fields.add(new Field(
                    name,
                    FormLabels.label(name),
                    FormLabels.hint(name),
                    Optional.ofNullable(values.getFirst(name)).orElse("")));
        }
        model.addAttribute("type", type);
        model.addAttribute("title", FormLabels.title(type));
        model.addAttribute("fields", fields);
        model.addAttribute(COMMAND_ID, commandId);
        model.addAttribute("why", Optional.ofNullable(values.getFirst(WHY)).orElse(""));
        if (refused != null) {
            Map<String, String> problem = new LinkedHashMap<>();
            problem.put("code", refused.code().name());
            problem.put("detail", refused.getMessage());
            problem.put("field", FormLabels.fieldOf(refused.code().name(), refused.field(), fieldNames(type)));
            model.addAttribute("problem", problem);
        }
    }

    /** The text fields of a command's request shape, commandId aside; a shape with other fields has no form. */
    static List<String> fieldNames(String type) {
        CommandCatalogue.Entry entry = CommandCatalogue.find(type)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "geen opdracht " + type));
        List<String> names = new ArrayList<>();
        for (RecordComponent component : entry.shape().getRecordComponents()) {
            if (component.getType() != String.class) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, type + " heeft geen formulier");
            }
            if (!component.getName().equals(COMMAND_ID) && !component.getName().equals("currency")) {
                names.add(component.getName());
            }
        }
        return names;
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
