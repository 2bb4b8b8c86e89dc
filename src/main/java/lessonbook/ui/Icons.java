package lessonbook.ui;

import javafx.scene.shape.SVGPath;

/** Toolbar glyphs as vector paths (crisp at every zoom, no image files). */
final class Icons {
    private Icons() {
    }

    static SVGPath of(String path) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.getStyleClass().add("icon");
        return svg;
    }

    static final String RUN = "M3 1 L13 7 L3 13 Z";
    static final String RUN_ALL = "M1 1 L8 7 L1 13 Z M8 1 L15 7 L8 13 Z";
    static final String RUN_ABOVE = "M2 13 L2 11 L14 11 L14 13 Z M4 9 L8 2 L12 9 Z";
    static final String STOP = "M2 2 H12 V12 H2 Z";
    static final String RESTART = "M7 1 A6 6 0 1 0 13 7 L11 7 A4 4 0 1 1 7 3 L7 5.5 L10.5 2 L7 -1.5 Z";
    static final String RESTART_RUN = "M6 1 A6 6 0 1 0 12 7 L10 7 A4 4 0 1 1 6 3 L6 5 L9 2 L6 -1 Z M8 5 L15 9 L8 13 Z";
    static final String CLEAR = "M2 3 H12 V5 H2 Z M2 7 H9 V9 H2 Z M2 11 H6 V13 H2 Z M10 9 L14 13 M14 9 L10 13";
    static final String SAVE = "M1 1 H11 L14 4 V14 H1 Z M4 1 V5 H10 V1 Z M4 9 H11 V13 H4 Z";
    static final String ADD = "M6 1 H8 V6 H13 V8 H8 V13 H6 V8 H1 V6 H6 Z";
    static final String UP = "M7 2 L13 9 H9 V13 H5 V9 H1 Z";
    static final String DOWN = "M7 13 L13 6 H9 V2 H5 V6 H1 Z";
    static final String DELETE = "M3 4 H11 L10 14 H4 Z M2 2 H12 V3.5 H2 Z M5 1 H9 V2 H5 Z";
}
