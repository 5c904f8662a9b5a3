package io.cutline.emulator;

/** Frame sizes the emulated providers return for an aspect ratio and resolution. */
final class Shapes {

    private Shapes() {
    }

    /** {@code 9:16} at {@code 720p} is 720x1280; the resolution names the short side. */
    static int[] size(String aspectRatio, String resolution) {
        String[] parts = aspectRatio.split(":");
        double w = Double.parseDouble(parts[0]);
        double h = Double.parseDouble(parts[1]);
        int shortSide = resolution == null || resolution.isBlank() ? 720 : Integer.parseInt(resolution.replaceAll("[^0-9]", ""));
        if (w <= h) {
            return new int[] {shortSide, even(shortSide * h / w)};
        }
        return new int[] {even(shortSide * w / h), shortSide};
    }

    private static int even(double pixels) {
        return (int) Math.round(pixels / 2) * 2;
    }
}
