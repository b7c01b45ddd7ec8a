package com.sellavie.ai.settings;

/**
 * Body of {@code POST /api/ai/settings/test-key}.
 *
 * @param name   the provider (an endpoint of the deployment)
 * @param model  null or blank = the business's model for it, else the endpoint's
 * @param apiKey the key to test; null or the masked key = the stored one, else the platform's
 */
record KeyTestRequest(String name, String model, String apiKey) {

    @Override
    public String toString() {
        return "KeyTestRequest[name=" + name + ", model=" + model + ", apiKey=" + (apiKey == null ? "null" : "***") + "]";
    }
}
