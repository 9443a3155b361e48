package dev.lstudio.client

/** The live-shaped answers of test/resources/live, for client specs. */
class LiveWireSpecResources {
    static String text(String name) {
        LiveWireSpecResources.getResource('/live/' + name).getText('UTF-8')
    }
}
