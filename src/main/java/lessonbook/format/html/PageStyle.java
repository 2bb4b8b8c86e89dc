package lessonbook.format.html;

/** The exported page's inline style sheet: readable on screen and in print, worker tags in eight colours. */
final class PageStyle {
    private PageStyle() {
    }

    static final String CSS = """
            body { margin: 0; background: #fafafa; color: #1d1d1f;
                   font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
            footer { text-align: center; color: #888; font-size: 0.8rem; padding: 1rem; }
            .banner { background: #fff4d6; border: 1px solid #e6c200; padding: 0.6rem 1rem; border-radius: 4px; }
            .prose table { border-collapse: collapse; margin: 1rem 0; }
            .prose th, .prose td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; }
            .prose code { background: #eee; padding: 0 0.2rem; border-radius: 3px; }
            .prose pre { background: #f0f0f0; padding: 0.6rem; overflow-x: auto; }
            .code-cell { margin: 1rem 0; position: relative; }
            .prompt { color: #888; font: 0.8rem monospace; margin-bottom: 0.2rem; }
            pre.code, pre.output { margin: 0; padding: 0.7rem 0.9rem; overflow-x: auto;
                   font: 14px/1.45 "JetBrains Mono", Menlo, Consolas, monospace; white-space: pre-wrap; }
            pre.code { background: #f4f6fa; border: 1px solid #d9dee8; border-radius: 4px 4px 0 0; }
            pre.output { background: #fff; border: 1px solid #d9dee8; border-top: none; border-radius: 0 0 4px 4px; }
            img.output-image { display: block; max-width: 100%; border: 1px solid #d9dee8; border-top: none; }
            .kw { color: #0033b3; font-weight: 600; } .str { color: #067d17; } .com { color: #8c8c8c; font-style: italic; }
            .num { color: #1750eb; } .ann { color: #9e880d; }
            .stderr, .error { color: #c41a16; } .value { color: #5b2a86; } .info { color: #666; }
            .worker { font-weight: 600; border-radius: 3px; padding: 0 0.25rem; }
            .w0 { color: #fff; background: #1f77b4; } .w1 { color: #fff; background: #d62728; }
            .w2 { color: #fff; background: #2ca02c; } .w3 { color: #fff; background: #9467bd; }
            .w4 { color: #fff; background: #8c564b; } .w5 { color: #fff; background: #e377c2; }
            .w6 { color: #fff; background: #7f7f7f; } .w7 { color: #000; background: #bcbd22; }
            table.output-table { border-collapse: collapse; margin: 0; width: 100%; background: #fff;
                   border: 1px solid #d9dee8; border-top: none; font-size: 0.9rem; }
            table.output-table caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.4rem 0.9rem;
                   background: #fff; border: 1px solid #d9dee8; border-top: none; }
            table.output-table th, table.output-table td { border: 1px solid #e3e6ee; padding: 0.2rem 0.6rem; text-align: left; }
            pre.output.check { padding: 0.2rem 0.9rem; } pre.check.passed { color: #1a7f37; }
            pre.check.failed { color: #c41a16; font-weight: 600; }
            figure.output-chart { margin: 0; background: #fff; border: 1px solid #d9dee8; border-top: none; }
            svg.chart { display: block; width: 100%; max-width: 640px; font: 12px sans-serif; }
            svg.chart .chart-title { font-weight: 600; font-size: 14px; } svg.chart .axis { stroke: #888; }
            @media print { body { background: #fff; } pre { white-space: pre-wrap; } }
            """;
}
