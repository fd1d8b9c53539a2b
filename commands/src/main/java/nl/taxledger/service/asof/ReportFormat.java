package nl.taxledger.service.asof;

import java.util.Locale;

/** Output formats of the reference-date reports. */
public enum ReportFormat {
    CSV("text/csv"), JSON("application/json"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static ReportFormat parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
