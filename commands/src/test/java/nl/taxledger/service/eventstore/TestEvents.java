package nl.taxledger.service.eventstore;

/** Events that exist only for these specifications; no aggregate needed, they are published on the EventBus. */
final class TestEvents {

    record SampleRecorded(String id, String text) {
    }

    record GapProbe(String id) {
    }

    record Step(String id) {
    }

    private TestEvents() {
    }
}
