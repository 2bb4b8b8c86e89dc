/**
 * Where the app starts: {@link lessonbook.Main} opens the window ({@code DesktopEntry}, reached by reflection) or
 * runs a command ({@code lessonbook.cli}), so that a headless command never loads JavaFX. The README's "For
 * contributors" table gives every package below, what it holds and what it may use ({@code ArchitectureTest} checks
 * it).
 */
package lessonbook;
