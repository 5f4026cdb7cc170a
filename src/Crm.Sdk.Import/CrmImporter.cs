namespace Crm.Sdk.Import;

/// <summary>
/// Imports CSV and JSON Lines files into the CRM through its public API: rows are read one at a time, cleaned by the
/// mapping and by the SDK's own validation and normalization, and written in batches, each in one unit of work for
/// <see cref="UnitOfWorkPurpose.Import"/> (the actor needs the <c>Import</c> permission besides create and update, and
/// each committed batch is audited). Every row ends in exactly one <see cref="ImportOutcome"/>, reported with its line.
/// </summary>
/// <param name="crm">The CRM to import into.</param>
public sealed class CrmImporter(ICrm crm)
{
    /// <summary>Imports a file.</summary>
    /// <param name="mapping">The mapping (validated here).</param>
    /// <param name="path">The source file.</param>
    /// <param name="options">Dry run, batch size, report and checkpoint files, matcher; defaults when null.</param>
    /// <param name="progress">Receives progress after each batch.</param>
    /// <param name="cancellationToken">
    /// Stops the import before the next commit: batches committed stay, the checkpoint names them, and a new run with the
    /// same checkpoint resumes after them.
    /// </param>
    /// <returns>The counts, which add up to every row of the file.</returns>
    /// <exception cref="ImportMappingException">The mapping is not valid or names a pipeline that does not exist.</exception>
    /// <exception cref="Security.AccessDeniedException">The actor may not import (or create, or update) these records.</exception>
    public async Task<ImportSummary> ImportAsync(ImportMapping mapping, string path, ImportOptions? options = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ImportAsync(mapping, stream, options, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Imports from a stream (read to its end, not closed).</summary>
    /// <param name="mapping">The mapping (validated here).</param>
    /// <param name="source">The source data.</param>
    /// <param name="options">Dry run, batch size, report and checkpoint files, matcher; defaults when null.</param>
    /// <param name="progress">Receives progress after each batch.</param>
    /// <param name="cancellationToken">Stops the import before the next commit.</param>
    /// <returns>The counts, which add up to every row of the source.</returns>
    /// <exception cref="ImportMappingException">The mapping is not valid or names a pipeline that does not exist.</exception>
    /// <exception cref="Security.AccessDeniedException">The actor may not import (or create, or update) these records.</exception>
    public async Task<ImportSummary> ImportAsync(ImportMapping mapping, Stream source, ImportOptions? options = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(source);
        mapping.Validate();
        options ??= new ImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        var run = new ImportRun(crm, mapping, options);
        return await run.RunAsync(source, progress, cancellationToken).ConfigureAwait(false);
    }
}
