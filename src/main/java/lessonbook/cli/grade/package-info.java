/**
 * {@code lessonbook grade}: students' submitted notebooks checked against a lesson's exercises, each submission in
 * a fresh kernel of its own ({@link lessonbook.cli.grade.GradingKernels}: short-lived, so started without the
 * warm-up a class's kernel gets), run headless ({@code lessonbook.cli.headless}), and written as one CSV row per
 * submission and exercise ({@link lessonbook.cli.grade.GradeCsv}). {@link lessonbook.cli.grade.Grader} runs at most
 * one submission per core at a time, on its own threads ("lessonbook-grade"); rows come back in submission order.
 */
package lessonbook.cli.grade;
