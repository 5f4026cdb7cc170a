using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Import;

/// <summary>
/// One run of an import: reads the rows, decides each one's outcome, writes batches through units of work for
/// <see cref="UnitOfWorkPurpose.Import"/>, and keeps the report and checkpoint in step with the commits.
/// </summary>
/// <remarks>
/// Memory: the rows of one batch, plus per-run lookups that grow with the data's distinct keys rather than its bytes — a
/// 16-byte hash per row for duplicate detection within the file, the id of each customer seen, and hashes of the stored
/// interactions (or names of stored deals) of customers that existed before the run, loaded once per customer.
/// </remarks>
internal sealed partial class ImportRun(ICrm crm, ImportMapping mapping, ImportOptions options)
{
    private readonly CultureInfo _culture = FieldParsers.CultureOf(mapping.Source.Culture, "$.source.culture") ?? CultureInfo.InvariantCulture;
    private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb[mapping.Source.TimeZone];
    private readonly HashSet<UInt128> _seen = [];
    private readonly Dictionary<string, (CustomerId Id, bool CreatedInRun)> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Dictionary<UInt128, int>> _storedInteractions = [];
    private readonly Dictionary<Guid, Dictionary<string, Deal>> _storedDeals = [];
    private readonly ImportSummary _summary = new();
    private Pipeline? _pipeline;

    public async Task<ImportSummary> RunAsync(Stream source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (mapping.Kind == ImportKind.Deals)
        {
            _pipeline = await crm.Pipelines.FindByNameAsync(mapping.Pipeline!, cancellationToken).ConfigureAwait(false)
                ?? throw new ImportMappingException("$.pipeline", $"No pipeline is named '{mapping.Pipeline}'; create it first.");
        }

        var checkpoint = options.DryRun ? null : ImportCheckpoint.Read(options.CheckpointPath);
        var resumeRows = checkpoint?.RowsDone ?? 0;
        if (checkpoint is not null)
        {
            CopyCounts(checkpoint.Summary, _summary);
            _summary.ResumedRows = resumeRows;
        }

        _summary.DryRun = options.DryRun;
        var report = options.ReportPath is null ? null : new ReportWriter(options.ReportPath, checkpoint?.ReportLength ?? 0);
        try
        {
            var batch = new List<SourceRow>(options.BatchSize);
            long rowIndex = 0;
            await foreach (var row in SourceReader.ReadAsync(source, mapping.Source, cancellationToken).ConfigureAwait(false))
            {
                rowIndex++;
                if (rowIndex <= resumeRows)
                {
                    // Rows of committed batches: only their duplicate keys are remembered again.
                    if (DuplicateKey(row) is { } key)
                    {
                        _seen.Add(key);
                    }

                    continue;
                }

                batch.Add(row);
                if (batch.Count == options.BatchSize)
                {
                    await ProcessBatchAsync(batch, rowIndex, source, report, progress, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await ProcessBatchAsync(batch, rowIndex, source, report, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (report is not null)
            {
                await report.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (!options.DryRun && options.CheckpointPath is { } checkpointPath)
        {
            File.Delete(checkpointPath);
        }

        return _summary;
    }

    private static void CopyCounts(ImportSummary from, ImportSummary to)
    {
        to.Rows = from.Rows;
        to.Created = from.Created;
        to.Updated = from.Updated;
        to.Unchanged = from.Unchanged;
        to.SkippedDuplicates = from.SkippedDuplicates;
        to.Rejected = from.Rejected;
        to.Merged = from.Merged;
        to.CustomersCreated = from.CustomersCreated;
    }

    private async Task ProcessBatchAsync(List<SourceRow> batch, long rowsDone, Stream source, ReportWriter? report, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var uow = crm.BeginUnitOfWork(new UnitOfWorkOptions { Purpose = UnitOfWorkPurpose.Import });
        var results = new List<ImportRowResult>(batch.Count);
        foreach (var row in batch)
        {
            results.Add(await ProcessRowAsync(row, uow, cancellationToken).ConfigureAwait(false));
        }

        // Cancellation is honoured before the commit: a batch is written whole or not at all, and the checkpoint follows it.
        cancellationToken.ThrowIfCancellationRequested();
        if (!options.DryRun)
        {
            await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var result in results)
        {
            _summary.Add(result);
            report?.Write(result);
        }

        if (report is not null)
        {
            await report.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (!options.DryRun && options.CheckpointPath is { } checkpointPath)
        {
            new ImportCheckpoint { RowsDone = rowsDone, ReportLength = report?.Length ?? 0, Summary = _summary }.Write(checkpointPath);
        }

        progress?.Report(new ImportProgress(rowsDone, source.CanSeek ? source.Position : 0, _summary.Created, _summary.Rejected));
    }

    private Task<ImportRowResult> ProcessRowAsync(SourceRow row, ICrmUnitOfWork uow, CancellationToken cancellationToken)
    {
        if (row.Get(SourceReader.JsonErrorColumn) is { } jsonError && row.HasColumn(SourceReader.JsonErrorColumn))
        {
            return Task.FromResult(Rejected(row, new ValidationError("$", "json", jsonError)));
        }

        return mapping.Kind switch
        {
            ImportKind.Customers => ImportCustomerAsync(row, uow, cancellationToken),
            ImportKind.Interactions => ImportInteractionAsync(row, uow, cancellationToken),
            _ => ImportDealAsync(row, uow, cancellationToken),
        };
    }

    private static ImportRowResult Rejected(SourceRow row, params IReadOnlyList<ValidationError> errors) =>
        new(row.Line, ImportOutcome.Rejected) { Errors = errors };

    /// <summary>The row's key for duplicate detection within the file, or null when it has none (it is then rejected).</summary>
    private UInt128? DuplicateKey(SourceRow row)
    {
        var builder = new StringBuilder();
        if (mapping.DuplicateKey is { } columns)
        {
            foreach (var column in columns)
            {
                builder.Append(row.Get(column)?.Trim()).Append('\u001f');
            }
        }
        else if (mapping.Kind == ImportKind.Interactions)
        {
            foreach (var value in row.Values)
            {
                builder.Append(value).Append('\u001f');
            }
        }
        else
        {
            if (KeyText(row) is not { } key)
            {
                return null;
            }

            builder.Append(key);
            if (mapping.Kind == ImportKind.Deals)
            {
                builder.Append('\u001f').Append(Text(row, mapping.Deal, "name", out _));
            }
        }

        return Hash(builder.ToString());
    }

    private static UInt128 Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return new UInt128(BitConverter.ToUInt64(digest), BitConverter.ToUInt64(digest[8..]));
    }

    private string? KeyText(SourceRow row) => FieldEvaluator.Evaluate(mapping.Key.Value!, row, _culture, out _) is { Length: > 0 } key ? key : null;

    private string? Text(SourceRow row, IDictionary<string, FieldSource> fields, string name, out string? failure)
    {
        failure = null;
        if (!fields.TryGetValue(name, out var source))
        {
            return null;
        }

        var culture = FieldParsers.CultureOf(source.Culture, name) ?? _culture;
        return FieldEvaluator.Evaluate(source, row, culture, out failure);
    }

    private CultureInfo CultureFor(IDictionary<string, FieldSource> fields, string name) =>
        fields.TryGetValue(name, out var source) ? FieldParsers.CultureOf(source.Culture, name) ?? _culture : _culture;

    /// <summary>The lookup key of a customer key text (external id source and value, or the normalized email or phone).</summary>
    private string LookupKey(string keyText) => mapping.Key.By switch
    {
        RecordKeyKind.ExternalId => "id:" + keyText.Trim(),
        RecordKeyKind.Email => "email:" + EmailAddress.Normalize(keyText),
        _ => "phone:" + (PhoneNumber.TryNormalize(keyText, null) ?? keyText),
    };

    private async Task<Customer?> FindCustomerAsync(string keyText, CancellationToken cancellationToken)
    {
        switch (mapping.Key.By)
        {
            case RecordKeyKind.ExternalId:
                return await crm.Customers.FindByExternalIdAsync(mapping.Key.Source!, keyText, cancellationToken).ConfigureAwait(false);
            case RecordKeyKind.Email:
                var byEmail = await crm.Customers.FindByEmailAsync(keyText, cancellationToken).ConfigureAwait(false);
                return byEmail.Count == 0 ? null : byEmail[0];
            default:
                var byPhone = await crm.Customers.FindByPhoneAsync(keyText, cancellationToken).ConfigureAwait(false);
                return byPhone.Count == 0 ? null : byPhone[0];
        }
    }
}
