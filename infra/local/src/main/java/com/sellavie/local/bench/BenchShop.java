package com.sellavie.local.bench;

/**
 * One merchant of the run and its three channels' Meta ids: an Instagram professional account, a Facebook
 * Page (Messenger) and a WhatsApp number in its business account. Ids are digits, as Meta's are, and
 * distinct from the demo business's.
 */
record BenchShop(int number, String email, String instagramId, String pageId, String phoneNumberId, String wabaId,
        String displayPhoneNumber) {

    static BenchShop numbered(int number, String runTag) {
        String n = "%05d".formatted(number);
        return new BenchShop(number, "bench-" + runTag + "-" + n + "@bench.sellavie.dev", "1784190000" + n,
                "1049000000" + n, "1065900000" + n, "1022900000" + n, "+1 555 02" + n);
    }

    String businessName() {
        return "Bench shop " + number;
    }
}
