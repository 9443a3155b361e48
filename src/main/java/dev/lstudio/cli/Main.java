package dev.lstudio.cli;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("lstudio " + Main.class.getPackage().getImplementationVersion());
    }
}
