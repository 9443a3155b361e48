package dev.lstudio.api

/** Lets client specs parse a live answer with the one mapper, as the API would. */
class LightningApiTestAccess {
    static CodeStatus read(String json) {
        Json.mapper().readValue(json, CodeStatus)
    }
}
