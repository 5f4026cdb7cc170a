using System.Globalization;
using System.Text;
using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Security;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Import;

/// <summary>
/// Bulk export of a collection to CSV or JSON Lines through an import mapping, in reverse: each mapped field is written to
/// its column(s), so that importing the file with the same mapping into an empty store gives the same data. Streams: one
/// customer (and its interactions or deals) in memory at a time.
/// </summary>
/// <remarks>
/// Reversal rules: <c>column</c> gets the value; <c>columns</c> gets it split by the separator (the last column takes the
/// rest); <c>multiply</c> writes the amount in its first column and 1 in the others; <c>when</c> writes the matching
/// rule's test into its column (a <c>startsWith</c> prefix is added when missing); constants, value maps (the clean value
/// is written) and case changes write nothing back.
/// <para>
/// Access control: the export needs the <c>Export</c> permission on customers and, for interactions or deals, on those
/// too (<see cref="ICrm.AuthorizeExportAsync"/>: checked before anything is written, and recorded in the audit trail). It
/// writes the records the actor may read whose owners its export permits cover; the reads are audited like any other.
/// </para>
/// </remarks>
/// <param name="crm">The CRM to export from.</param>
public sealed class CrmExporter(ICrm crm)
{
    /// <summary>Exports to a file (created or replaced) in the mapping's format and encoding.</summary>
    /// <param name="mapping">The mapping (validated here).</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the export (the file is then incomplete).</param>
    /// <returns>The rows written.</returns>
    /// <exception cref="ImportMappingException">The mapping is not valid or names a pipeline that does not exist.</exception>
    /// <exception cref="Security.AccessDeniedException">The actor may not export what the mapping names; no file is created.</exception>
    public async Task<long> ExportAsync(ImportMapping mapping, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var permits = await AuthorizeAsync(mapping, cancellationToken).ConfigureAwait(false);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            return await ExportAsync(mapping, permits, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Exports to a stream (left open) in the mapping's format and encoding.</summary>
    /// <param name="mapping">The mapping (validated here).</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The rows written.</returns>
    /// <exception cref="ImportMappingException">The mapping is not valid or names a pipeline that does not exist.</exception>
    /// <exception cref="Security.AccessDeniedException">The actor may not export what the mapping names; nothing is written.</exception>
    public async Task<long> ExportAsync(ImportMapping mapping, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return await ExportAsync(mapping, await AuthorizeAsync(mapping, cancellationToken).ConfigureAwait(false), output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates the mapping and gets the export permits it needs: customers, and its interactions or deals.</summary>
    private async Task<(ExportPermit Customers, ExportPermit? Records)> AuthorizeAsync(ImportMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        mapping.Validate();
        var customers = await crm.AuthorizeExportAsync(CrmResource.Customers, cancellationToken).ConfigureAwait(false);
        var records = mapping.Kind switch
        {
            ImportKind.Interactions => await crm.AuthorizeExportAsync(CrmResource.Interactions, cancellationToken).ConfigureAwait(false),
            ImportKind.Deals => await crm.AuthorizeExportAsync(CrmResource.Deals, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        return (customers, records);
    }

    private async Task<long> ExportAsync(ImportMapping mapping, (ExportPermit Customers, ExportPermit? Records) permits, Stream output, CancellationToken cancellationToken)
    {
        var columns = Columns(mapping);
        var writer = new StreamWriter(output, SourceText.EncodingOf(mapping.Source.Encoding, "$.source.encoding"), 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var rows = new RowSink(writer, mapping.Source, columns);
            await rows.WriteHeaderAsync().ConfigureAwait(false);
            var pipeline = mapping.Kind == ImportKind.Deals
                ? await crm.Pipelines.FindByNameAsync(mapping.Pipeline!, cancellationToken).ConfigureAwait(false) ?? throw new ImportMappingException("$.pipeline", $"No pipeline is named '{mapping.Pipeline}'.")
                : null;
            var zone = DateTimeZoneProviders.Tzdb[mapping.Source.TimeZone];
            await foreach (var customer in crm.Customers.StreamAsync(CustomerFilter.All, cancellationToken).ConfigureAwait(false))
            {
                var key = KeyOf(mapping, customer);
                if (key is null || !permits.Customers.Covers(customer.OwnerId))
                {
                    continue;
                }

                switch (mapping.Kind)
                {
                    case ImportKind.Customers:
                        var row = NewRow(mapping, key);
                        WriteCustomer(mapping, customer, row);
                        await rows.WriteAsync(row).ConfigureAwait(false);
                        break;
                    case ImportKind.Interactions when permits.Records!.Covers(customer.OwnerId):
                        await foreach (var interaction in crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(customer.Id), cancellationToken).ConfigureAwait(false))
                        {
                            var interactionRow = NewRow(mapping, key);
                            WriteCustomer(mapping, customer, interactionRow);
                            WriteInteraction(mapping, interaction, zone, interactionRow);
                            await rows.WriteAsync(interactionRow).ConfigureAwait(false);
                        }

                        break;
                    case ImportKind.Deals:
                        await foreach (var deal in crm.Deals.StreamAsync(new DealFilter { CustomerId = customer.Id, PipelineId = pipeline!.Id }, cancellationToken).ConfigureAwait(false))
                        {
                            if (!permits.Records!.Covers(deal.OwnerId))
                            {
                                continue;
                            }

                            var dealRow = NewRow(mapping, key);
                            Put(mapping.Deal, "name", deal.Name, dealRow);
                            Put(mapping.Deal, "amount", deal.Amount.Amount.ToString(CultureInfo.InvariantCulture), dealRow);
                            Put(mapping.Deal, "currency", deal.Amount.Currency, dealRow);
                            Put(mapping.Deal, "stage", pipeline.Stages.FirstOrDefault(s => s.Id == deal.StageId)?.Name, dealRow);
                            Put(mapping.Deal, "expectedCloseDate", deal.ExpectedCloseDate is { } date ? LocalDatePattern.Create(mapping.Deal["expectedCloseDate"].Format ?? "uuuu-MM-dd", CultureInfo.InvariantCulture).Format(date) : null, dealRow);
                            Put(mapping.Deal, "ownerId", deal.OwnerId, dealRow);
                            await rows.WriteAsync(dealRow).ConfigureAwait(false);
                        }

                        break;
                }
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return rows.Count;
        }
    }

    private static string? KeyOf(ImportMapping mapping, Customer customer) => mapping.Key.By switch
    {
        RecordKeyKind.ExternalId => customer.ExternalIds.FirstOrDefault(e => string.Equals(e.Source, ExternalId.NormalizeSource(mapping.Key.Source!), StringComparison.Ordinal))?.Value,
        RecordKeyKind.Email => customer.PrimaryEmail?.Value,
        _ => customer.Phones.Count > 0 ? customer.Phones[0].Number.E164 : null,
    };

    private static Dictionary<string, string?> NewRow(ImportMapping mapping, string key)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        Reverse(mapping.Key.Value!, key, row);
        return row;
    }

    private static void WriteCustomer(ImportMapping mapping, Customer customer, Dictionary<string, string?> row)
    {
        Put(mapping.Customer, "displayName", customer.DisplayName, row);
        Put(mapping.Customer, "givenName", customer.PersonName?.GivenName, row);
        Put(mapping.Customer, "familyName", customer.PersonName?.FamilyName, row);
        Put(mapping.Customer, "companyName", customer.CompanyName, row);
        Put(mapping.Customer, "email", customer.PrimaryEmail?.Value, row);
        Put(mapping.Customer, "phone", customer.Phones.Count > 0 ? customer.Phones[0].Number.E164 : null, row);
        Put(mapping.Customer, "kind", customer.Kind.ToString().ToLowerInvariant(), row);
        Put(mapping.Customer, "lifecycleStage", customer.LifecycleStage.ToString(), row);
        Put(mapping.Customer, "ownerId", customer.OwnerId, row);
        Put(mapping.Customer, "tags", string.Join(",", customer.Tags.Order(StringComparer.Ordinal)), row);
        foreach (var (key, value) in customer.CustomFields)
        {
            Put(mapping.Customer, "custom." + key, value is TextFieldValue text ? text.Value : value.ToString(), row);
        }
    }

    private static void WriteInteraction(ImportMapping mapping, Interaction interaction, DateTimeZone zone, Dictionary<string, string?> row)
    {
        var fields = mapping.Interaction;
        Put(fields, "orderReference", interaction.Transaction?.OrderReference, row);
        Put(fields, "amount", interaction.Transaction?.Amount.Amount.ToString(CultureInfo.InvariantCulture), row);
        Put(fields, "currency", interaction.Transaction?.Amount.Currency, row);
        Put(fields, "subject", interaction.Subject, row);
        Put(fields, "body", interaction.Body, row);
        Put(fields, "channel", interaction.Channel.ToString().ToLowerInvariant(), row);
        Put(fields, "direction", interaction.Direction.ToString().ToLowerInvariant(), row);
        if (fields.TryGetValue("occurredAt", out var when))
        {
            var local = interaction.OccurredAt.InZone(zone).LocalDateTime;
            var text = when.Format is null ? InstantPattern.ExtendedIso.Format(interaction.OccurredAt) : LocalDateTimePattern.Create(when.Format, CultureInfo.InvariantCulture).Format(local);
            Reverse(when, text, row);
        }

        // The kind last: its rules test columns the other fields wrote (a refund's "C" invoice prefix).
        Put(fields, "kind", interaction.Kind.ToString().ToLowerInvariant(), row);
    }

    private static void Put(IDictionary<string, FieldSource> fields, string name, string? value, Dictionary<string, string?> row)
    {
        if (value is not null && fields.TryGetValue(name, out var source))
        {
            Reverse(source, value, row);
        }
    }

    private static void Reverse(FieldSource source, string value, Dictionary<string, string?> row)
    {
        if (source.Column is { } column)
        {
            row[column] = value;
        }
        else if (source.Columns is { } columns)
        {
            var parts = value.Split(source.Separator, columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                row[columns[i]] = i < parts.Length ? parts[i] : string.Empty;
            }
        }
        else if (source.Multiply is { } factors)
        {
            row[factors[0]] = value;
            foreach (var factor in factors.Skip(1))
            {
                row[factor] = "1";
            }
        }
        else if (source.When is { } rules && rules.FirstOrDefault(r => string.Equals(r.Value, value, StringComparison.OrdinalIgnoreCase)) is { } rule)
        {
            var current = row.GetValueOrDefault(rule.Column!) ?? string.Empty;
            if (rule.StartsWith is { } prefix && !current.StartsWith(prefix, StringComparison.Ordinal))
            {
                row[rule.Column!] = prefix + current;
            }
            else if (rule.EqualTo is { } equal)
            {
                row[rule.Column!] = equal;
            }
            else if (rule.Negative is true && !current.StartsWith('-'))
            {
                row[rule.Column!] = "-" + current;
            }
        }
    }

    /// <summary>Every column the mapping reads, in the order it names them.</summary>
    private static List<string> Columns(ImportMapping mapping)
    {
        var columns = new List<string>();
        void Add(FieldSource source)
        {
            IEnumerable<string?> names = [source.Column, .. source.Columns ?? [], .. source.Multiply ?? [], .. source.When?.Select(w => w.Column) ?? []];
            foreach (var name in names)
            {
                if (name is not null && !columns.Contains(name))
                {
                    columns.Add(name);
                }
            }
        }

        Add(mapping.Key.Value!);
        var sections = mapping.Kind switch
        {
            ImportKind.Customers => [mapping.Customer],
            ImportKind.Interactions => new[] { mapping.Customer, mapping.Interaction },
            _ => [mapping.Customer, mapping.Deal],
        };
        foreach (var section in sections)
        {
            foreach (var source in section.Values)
            {
                Add(source);
            }
        }

        return columns;
    }

    /// <summary>
    /// Writes rows as CSV (RFC 4180 quoting, written here: Sylvan's writer takes a DbDataReader, not rows of text) or as
    /// JSON Lines (System.Text.Json).
    /// </summary>
    private sealed class RowSink(StreamWriter writer, SourceOptions options, List<string> columns)
    {
        private readonly char _delimiter = options.Delimiter == "\\t" ? '\t' : options.Delimiter[0];

        public long Count { get; private set; }

        public async Task WriteHeaderAsync()
        {
            if (options.Format == SourceFormat.Csv)
            {
                await writer.WriteLineAsync(string.Join(_delimiter, columns.Select(Quote))).ConfigureAwait(false);
            }
        }

        public async Task WriteAsync(Dictionary<string, string?> row)
        {
            Count++;
            if (options.Format == SourceFormat.Csv)
            {
                await writer.WriteLineAsync(string.Join(_delimiter, columns.Select(c => Quote(row.GetValueOrDefault(c) ?? string.Empty)))).ConfigureAwait(false);
                return;
            }

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                foreach (var column in columns)
                {
                    json.WriteString(column, row.GetValueOrDefault(column));
                }

                json.WriteEndObject();
            }

            await writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        }

        private string Quote(string value) =>
            value.AsSpan().IndexOfAny([_delimiter, '"', '\n', '\r']) >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
                ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : value;
    }
}
