/**
 * Jupyter's {@code .ipynb} (nbformat 4.0 to 4.5), read and written ({@code IpynbReader}, {@code IpynbWriter}):
 * what Lessonbook does not use is kept for the save; rich outputs travel as Jupyter's MIME bundles
 * ({@code RichOutputs}). Read with Jackson ({@code JupyterJson}) within the size limit of every lesson file
 * ({@code format.TextFiles}). Pure, any thread.
 */
package lessonbook.format.ipynb;
