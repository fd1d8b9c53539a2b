package nl.taxledger.service.commandapi;

/**
 * Who sends a command, why (decision or document reference) and from where (bank statement
 * entry, objection ruling, batch file). Stored as metadata on every event.
 */
public record Actor(String who, String why, String source) {
    public Actor {
        who = who == null || who.isBlank() ? "anonymous" : who;
    }
}
