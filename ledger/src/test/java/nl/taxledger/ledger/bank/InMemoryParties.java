package nl.taxledger.ledger.bank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The lookups of the matching rules over maps: assessments, debtors, and the IBANs payments came from. */
final class InMemoryParties implements KnownParties {
    private final Map<String, List<Directed>> byReference = new HashMap<>();
    private final Set<String> debtors = new HashSet<>();
    private final Map<String, Set<String>> debtorsByIban = new HashMap<>();
    private final Map<String, Directed> collections = new HashMap<>();

    InMemoryParties assessment(String assessmentId, String debtorId, String paymentReference) {
        byReference
                .computeIfAbsent(paymentReference.toUpperCase(Locale.ROOT), key -> new ArrayList<>())
                .add(new Directed(assessmentId, debtorId, paymentReference));
        debtors.add(debtorId);
        return this;
    }

    InMemoryParties paidFrom(String iban, String debtorId) {
        debtorsByIban.computeIfAbsent(iban, any -> new TreeSet<>()).add(debtorId);
        return this;
    }

    InMemoryParties withCollection(String endToEndId, Directed collection) {
        collections.put(endToEndId, collection);
        return this;
    }

    @Override
    public java.util.Optional<Directed> collection(String endToEndId) {
        return java.util.Optional.ofNullable(collections.get(endToEndId));
    }

    @Override
    public Map<String, List<Directed>> assessmentsByReference(Collection<String> referencesUpper) {
        Map<String, List<Directed>> found = new LinkedHashMap<>();
        referencesUpper.forEach(reference -> {
            if (byReference.containsKey(reference)) {
                found.put(reference, List.copyOf(byReference.get(reference)));
            }
        });
        return found;
    }

    @Override
    public Set<String> debtorsAmong(Collection<String> tokensUpper) {
        Set<String> found = new TreeSet<>();
        debtors.stream()
                .filter(debtor -> tokensUpper.contains(debtor.toUpperCase(Locale.ROOT)))
                .forEach(found::add);
        return found;
    }

    @Override
    public Set<String> debtorsOfIban(String iban) {
        return debtorsByIban.getOrDefault(iban, Set.of());
    }
}
