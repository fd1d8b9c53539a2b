package nl.taxledger.service.commandapi;

import nl.taxledger.service.lookup.Directory;

/** A command whose fields are valid, still to be routed against ledger state. */
@FunctionalInterface
interface Routed {
    /** The Axon command to send, decided with the lookup tables. */
    Object route(Directory directory);
}
