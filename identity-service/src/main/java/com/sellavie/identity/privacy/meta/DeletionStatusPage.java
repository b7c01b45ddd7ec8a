package com.sellavie.identity.privacy.meta;

import com.sellavie.identity.privacy.PrivacyDesk.DeletionStatus;

/** The public deletion-status page: only the status and counts (nothing from the request is echoed). */
final class DeletionStatusPage {

    private DeletionStatusPage() {
    }

    static String render(DeletionStatus status) {
        String state = switch (status.status()) {
            case "COMPLETED" -> "Your data has been deleted.";
            case "FAILED" -> "Deletion is delayed; it will be retried.";
            default -> "Deletion is in progress.";
        };
        return page(state + " " + status.servicesDone() + " of " + status.servicesTotal() + " parts done.");
    }

    static String unknown() {
        return page("There is no deletion request with this code.");
    }

    private static String page(String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data deletion status</title>"
                + "</head><body><h1>Data deletion status</h1><p>" + text + "</p></body></html>";
    }
}
