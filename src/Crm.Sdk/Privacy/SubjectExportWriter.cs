using System.Text.Json;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Privacy;

/// <summary>
/// Writes one customer's subject access export (layout version <see cref="SubjectExport.SchemaVersion"/>) to a stream with
/// <see cref="Utf8JsonWriter"/>, flushing every <see cref="FlushThreshold"/> bytes: memory stays flat however many
/// interactions the customer has. Access checks and the export's own audit entry are the caller's
/// (<see cref="CustomerService"/>); the records are read without per-read audit entries.
/// </summary>
internal sealed class SubjectExportWriter(CrmStore store, CrmContext context)
{
    private const int FlushThreshold = 64 * 1024;
    private const int ProgressInterval = 1000;
    private const int AuditIdBatch = 200;

    private readonly Dictionary<PipelineId, Pipeline?> _pipelines = [];
    private long _records;

    public async Task<SubjectExportResult> WriteAsync(
        Customer customer,
        string exportedBy,
        bool includeAudit,
        Stream destination,
        IProgress<SubjectExportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var json = new Utf8JsonWriter(destination);
        await using (json.ConfigureAwait(false))
        {
            return await WriteDocumentAsync(json, customer, exportedBy, includeAudit, destination, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SubjectExportResult> WriteDocumentAsync(
        Utf8JsonWriter json,
        Customer customer,
        string exportedBy,
        bool includeAudit,
        Stream destination,
        IProgress<SubjectExportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var id = customer.Id;
        var subjectIds = new List<Guid> { id.Value };

        json.WriteStartObject();
        json.WriteString("schema", SubjectExport.SchemaName);
        json.WriteNumber("schemaVersion", SubjectExport.SchemaVersion);
        json.WriteString("exportedAt", Format(context.Now()));
        json.WriteString("exportedBy", exportedBy);
        json.WriteString("customerId", id.Value);
        json.WriteBoolean("erased", customer.IsErased);

        progress?.Report(new SubjectExportProgress(SubjectExportSection.Profile, 0));
        json.WritePropertyName("profile");
        WriteProfile(json, customer);
        json.WritePropertyName("consents");
        WriteConsents(json, customer);
        _records++;

        var interactions = await WriteSectionAsync(
            json, "interactions", SubjectExportSection.Interactions, progress,
            store.QueryAsync(context.Interactions, ByCustomer(InteractionMapping.CollectionName, InteractionMapping.CustomerIdIndex, id, InteractionMapping.OccurredAtIndex), cancellationToken),
            (w, i) => { WriteInteraction(w, i); return Task.CompletedTask; },
            cancellationToken).ConfigureAwait(false);

        var deals = await WriteSectionAsync(
            json, "deals", SubjectExportSection.Deals, progress,
            store.QueryAsync(context.Deals, ByCustomer(DealMapping.CollectionName, DealMapping.CustomerIdIndex, id, null), cancellationToken),
            async (w, d) => { subjectIds.Add(d.Id.Value); await WriteDealAsync(w, d, cancellationToken).ConfigureAwait(false); },
            cancellationToken).ConfigureAwait(false);

        var tickets = await WriteSectionAsync(
            json, "tickets", SubjectExportSection.Tickets, progress,
            store.QueryAsync(context.Tickets, ByCustomer(TicketMapping.CollectionName, TicketMapping.CustomerIdIndex, id, null), cancellationToken),
            (w, t) => { subjectIds.Add(t.Id.Value); WriteTicket(w, t); return Task.CompletedTask; },
            cancellationToken).ConfigureAwait(false);

        var auditEntries = 0L;
        if (includeAudit)
        {
            progress?.Report(new SubjectExportProgress(SubjectExportSection.AuditEntries, _records));
            json.WriteStartArray("auditEntries");
            auditEntries = await WriteAuditEntriesAsync(json, id, subjectIds, progress, cancellationToken).ConfigureAwait(false);
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("auditEntries");
        }

        json.WriteStartObject("counts");
        json.WriteNumber("interactions", interactions);
        json.WriteNumber("deals", deals);
        json.WriteNumber("tickets", tickets);
        json.WriteNumber("auditEntries", auditEntries);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(new SubjectExportProgress(includeAudit ? SubjectExportSection.AuditEntries : SubjectExportSection.Tickets, _records));
        return new SubjectExportResult(id, customer.IsErased, interactions, deals, tickets, auditEntries, json.BytesCommitted);
    }

    private static DocumentQuery ByCustomer(string collection, string index, CustomerId id, string? orderBy) =>
        new(collection) { Filter = IndexFilter.Equal(index, id.Value), OrderBy = orderBy };

    private async Task<long> WriteSectionAsync<T>(
        Utf8JsonWriter json,
        string name,
        SubjectExportSection section,
        IProgress<SubjectExportProgress>? progress,
        IAsyncEnumerable<T> items,
        Func<Utf8JsonWriter, T, Task> write,
        CancellationToken cancellationToken)
    {
        progress?.Report(new SubjectExportProgress(section, _records));
        json.WriteStartArray(name);
        var count = 0L;
        await foreach (var item in items.ConfigureAwait(false))
        {
            await write(json, item).ConfigureAwait(false);
            count++;
            await AfterRecordAsync(json, section, progress, cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndArray();
        return count;
    }

    private async Task AfterRecordAsync(Utf8JsonWriter json, SubjectExportSection section, IProgress<SubjectExportProgress>? progress, CancellationToken cancellationToken)
    {
        _records++;
        if (json.BytesPending >= FlushThreshold)
        {
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_records % ProgressInterval == 0)
        {
            progress?.Report(new SubjectExportProgress(section, _records));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// The audit entries naming the customer, its deals and tickets (one query), then those naming its interactions (queries
    /// over batches of interaction ids, read again from the store rather than kept in memory). An entry naming records of
    /// several batches is written once, with the ids of the batch that found it.
    /// </summary>
    private async Task<long> WriteAuditEntriesAsync(Utf8JsonWriter json, CustomerId id, List<Guid> subjectIds, IProgress<SubjectExportProgress>? progress, CancellationToken cancellationToken)
    {
        var written = 0L;
        var multiRecordEntries = new HashSet<Guid>();
        foreach (var batch in subjectIds.Chunk(AuditIdBatch))
        {
            written += await WriteAuditBatchAsync(json, batch, multiRecordEntries, progress, cancellationToken).ConfigureAwait(false);
        }

        var interactionIds = store.QueryDocumentsAsync(ByCustomer(InteractionMapping.CollectionName, InteractionMapping.CustomerIdIndex, id, null), cancellationToken)
            .Select(d => d.Id)
            .Chunk(AuditIdBatch);
        await foreach (var batch in interactionIds.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            written += await WriteAuditBatchAsync(json, batch, multiRecordEntries, progress, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private async Task<long> WriteAuditBatchAsync(Utf8JsonWriter json, Guid[] ids, HashSet<Guid> multiRecordEntries, IProgress<SubjectExportProgress>? progress, CancellationToken cancellationToken)
    {
        var keys = ids.Select(AuditEntryMapping.RecordKey).ToArray();
        var query = new DocumentQuery(AuditEntryMapping.CollectionName)
        {
            Filter = keys.Length == 1 ? IndexFilter.Equal(AuditEntryMapping.RecordIdsIndex, keys[0]) : IndexFilter.AnyOf(AuditEntryMapping.RecordIdsIndex, keys),
            OrderBy = AuditEntryMapping.SequenceIndex,
        };
        var batch = ids.ToHashSet();
        var written = 0L;
        await foreach (var document in store.QueryDocumentsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var entry = AuditEntryMapping.Read(document);
            if (entry.RecordIds.Count > 1 && !multiRecordEntries.Add(entry.Id))
            {
                continue;
            }

            WriteAuditEntry(json, entry, batch);
            written++;
            await AfterRecordAsync(json, SubjectExportSection.AuditEntries, progress, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static void WriteProfile(Utf8JsonWriter json, Customer customer)
    {
        json.WriteStartObject();
        json.WriteString("id", customer.Id.Value);
        json.WriteNumber("version", customer.Version);
        json.WriteString("kind", Name(customer.Kind));
        json.WriteBoolean("erased", customer.IsErased);
        json.WriteString("displayName", customer.DisplayName);
        if (customer.PersonName is { } person)
        {
            json.WriteStartObject("personName");
            json.WriteString("givenName", person.GivenName);
            json.WriteString("familyName", person.FamilyName);
            json.WriteString("middleName", person.MiddleName);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("personName");
        }

        json.WriteString("companyName", customer.CompanyName);
        json.WriteStartArray("emails");
        foreach (var email in customer.Emails)
        {
            json.WriteStartObject();
            json.WriteString("address", email.Address.Value);
            json.WriteString("label", email.Label);
            json.WriteBoolean("primary", email.IsPrimary);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("phones");
        foreach (var phone in customer.Phones)
        {
            json.WriteStartObject();
            json.WriteString("number", phone.Number.Raw);
            json.WriteString("e164", phone.Number.E164);
            json.WriteString("label", phone.Label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("addresses");
        foreach (var address in customer.Addresses)
        {
            json.WriteStartObject();
            json.WriteString("kind", Name(address.Kind));
            json.WriteStartArray("lines");
            foreach (var line in address.Lines)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteString("city", address.City);
            json.WriteString("region", address.Region);
            json.WriteString("postalCode", address.PostalCode);
            json.WriteString("country", address.Country);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tags");
        foreach (var tag in customer.Tags.Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteStartObject("customFields");
        foreach (var (key, value) in customer.CustomFields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(key);
            json.WriteString("type", Name(value.Type));
            json.WritePropertyName("value");
            switch (value)
            {
                case TextFieldValue text: json.WriteStringValue(text.Value); break;
                case ChoiceFieldValue choice: json.WriteStringValue(choice.Value); break;
                case NumberFieldValue number: json.WriteNumberValue(number.Value); break;
                case BooleanFieldValue boolean: json.WriteBooleanValue(boolean.Value); break;
                case DateFieldValue date: json.WriteStringValue(LocalDatePattern.Iso.Format(date.Value)); break;
                default: json.WriteNullValue(); break;
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteString("lifecycleStage", Name(customer.LifecycleStage));
        json.WriteString("ownerId", customer.OwnerId);
        json.WriteStartArray("externalIds");
        foreach (var externalId in customer.ExternalIds)
        {
            json.WriteStartObject();
            json.WriteString("source", externalId.Source);
            json.WriteString("value", externalId.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("createdAt", Format(customer.CreatedAt));
        json.WriteString("updatedAt", Format(customer.UpdatedAt));
        json.WriteEndObject();
    }

    private static void WriteConsents(Utf8JsonWriter json, Customer customer)
    {
        json.WriteStartObject();
        json.WriteStartArray("current");
        foreach (var consent in customer.Consents.Values.OrderBy(c => c.Channel))
        {
            WriteConsent(json, consent);
        }

        json.WriteEndArray();
        json.WriteStartArray("history");
        foreach (var consent in customer.ConsentHistory)
        {
            WriteConsent(json, consent);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteConsent(Utf8JsonWriter json, ConsentRecord consent)
    {
        json.WriteStartObject();
        json.WriteString("channel", Name(consent.Channel));
        json.WriteString("status", Name(consent.Status));
        json.WriteString("at", Format(consent.At));
        json.WriteString("source", consent.Source);
        json.WriteEndObject();
    }

    private static void WriteInteraction(Utf8JsonWriter json, Interaction interaction)
    {
        json.WriteStartObject();
        json.WriteString("id", interaction.Id.Value);
        json.WriteNumber("version", interaction.Version);
        json.WriteString("kind", Name(interaction.Kind));
        json.WriteString("channel", Name(interaction.Channel));
        json.WriteString("direction", Name(interaction.Direction));
        json.WriteString("occurredAt", Format(interaction.OccurredAt));
        json.WriteString("recordedAt", Format(interaction.RecordedAt));
        json.WriteBoolean("erased", interaction.IsErased);
        json.WriteString("subject", interaction.Subject);
        json.WriteString("body", interaction.Body);
        json.WriteStartArray("participants");
        foreach (var participant in interaction.Participants)
        {
            json.WriteStartObject();
            json.WriteString("name", participant.Name);
            json.WriteString("address", participant.Address);
            json.WriteString("role", participant.Role);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (interaction.Transaction is { } transaction)
        {
            json.WriteStartObject("transaction");
            json.WriteString("orderReference", transaction.OrderReference);
            json.WriteNumber("amount", transaction.Amount.Amount);
            json.WriteString("currency", transaction.Amount.Currency);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("transaction");
        }

        if (interaction.Feedback is { } feedback)
        {
            json.WriteStartObject("feedback");
            json.WriteString("category", Name(feedback.Category));
            WriteNumber(json, "rating", feedback.Rating);
            json.WriteString("scale", feedback.Scale is { } scale ? Name(scale) : null);
            json.WriteString("comment", feedback.Comment);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("feedback");
        }

        if (interaction.BehaviourEvent is { } behaviour)
        {
            json.WriteStartObject("behaviourEvent");
            json.WriteString("name", behaviour.Name);
            json.WriteStartObject("properties");
            foreach (var (key, value) in (behaviour.Properties ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("behaviourEvent");
        }

        json.WriteString("dealId", interaction.DealId?.Value.ToString());
        json.WriteString("ticketId", interaction.TicketId?.Value.ToString());
        json.WriteEndObject();
    }

    private async Task WriteDealAsync(Utf8JsonWriter json, Deal deal, CancellationToken cancellationToken)
    {
        var pipeline = await PipelineAsync(deal.PipelineId, cancellationToken).ConfigureAwait(false);
        json.WriteStartObject();
        json.WriteString("id", deal.Id.Value);
        json.WriteNumber("version", deal.Version);
        json.WriteString("name", deal.Name);
        json.WriteNumber("amount", deal.Amount.Amount);
        json.WriteString("currency", deal.Amount.Currency);
        json.WriteString("status", Name(deal.Status));
        json.WriteString("pipelineId", deal.PipelineId.Value);
        json.WriteString("pipelineName", pipeline?.Name);
        json.WriteString("stageId", deal.StageId.Value);
        json.WriteString("stageName", StageName(pipeline, deal.StageId));
        json.WriteString("expectedCloseDate", deal.ExpectedCloseDate is { } close ? LocalDatePattern.Iso.Format(close) : null);
        json.WriteString("ownerId", deal.OwnerId);
        json.WriteString("lostReason", deal.LostReason);
        json.WriteString("closedAt", Format(deal.ClosedAt));
        json.WriteString("createdAt", Format(deal.CreatedAt));
        json.WriteString("updatedAt", Format(deal.UpdatedAt));
        json.WriteStartArray("stageHistory");
        foreach (var entry in deal.StageHistory)
        {
            json.WriteStartObject();
            json.WriteString("stageId", entry.StageId.Value);
            json.WriteString("stageName", StageName(pipeline, entry.StageId));
            json.WriteString("enteredAt", Format(entry.EnteredAt));
            json.WriteString("leftAt", Format(entry.LeftAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTicket(Utf8JsonWriter json, Ticket ticket)
    {
        json.WriteStartObject();
        json.WriteString("id", ticket.Id.Value);
        json.WriteNumber("version", ticket.Version);
        json.WriteString("type", Name(ticket.Type));
        json.WriteBoolean("erased", ticket.IsErased);
        json.WriteString("subject", ticket.Subject);
        json.WriteString("description", ticket.Description);
        json.WriteString("priority", Name(ticket.Priority));
        json.WriteString("status", Name(ticket.Status));
        json.WriteString("assigneeId", ticket.AssigneeId);
        json.WriteStartArray("comments");
        foreach (var comment in ticket.Comments)
        {
            json.WriteStartObject();
            json.WriteString("id", comment.Id);
            json.WriteString("authorId", comment.AuthorId);
            json.WriteString("body", comment.Body);
            json.WriteBoolean("internal", comment.IsInternal);
            json.WriteBoolean("fromCustomer", comment.IsFromCustomer);
            json.WriteString("createdAt", Format(comment.CreatedAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (ticket.Satisfaction is { } satisfaction)
        {
            json.WriteStartObject("satisfaction");
            json.WriteNumber("rating", satisfaction.Rating);
            json.WriteString("comment", satisfaction.Comment);
            json.WriteString("ratedAt", Format(satisfaction.RatedAt));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("satisfaction");
        }

        json.WriteString("createdAt", Format(ticket.CreatedAt));
        json.WriteString("updatedAt", Format(ticket.UpdatedAt));
        json.WriteString("firstResponseAt", Format(ticket.FirstResponseAt));
        json.WriteString("resolvedAt", Format(ticket.ResolvedAt));
        json.WriteString("closedAt", Format(ticket.ClosedAt));
        json.WriteNumber("reopenCount", ticket.ReopenCount);
        json.WriteEndObject();
    }

    private static void WriteAuditEntry(Utf8JsonWriter json, AuditEntry entry, HashSet<Guid> subjectIds)
    {
        json.WriteStartObject();
        json.WriteNumber("sequence", entry.Sequence);
        json.WriteString("at", Format(entry.At));
        json.WriteString("actorId", entry.ActorId);
        json.WriteString("action", Name(entry.Action));
        json.WriteString("resource", Name(entry.Resource));
        json.WriteString("outcome", Name(entry.Outcome));
        json.WriteStartArray("recordIds");
        foreach (var id in entry.RecordIds.Where(subjectIds.Contains))
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        json.WriteStartArray("fields");
        foreach (var field in entry.Fields)
        {
            json.WriteStringValue(field);
        }

        json.WriteEndArray();
        json.WriteString("hash", entry.Hash);
        json.WriteEndObject();
    }

    private async Task<Pipeline?> PipelineAsync(PipelineId id, CancellationToken cancellationToken)
    {
        if (!_pipelines.TryGetValue(id, out var pipeline))
        {
            pipeline = await store.FindAsync(context.Pipelines, id.Value, cancellationToken).ConfigureAwait(false);
            _pipelines[id] = pipeline;
        }

        return pipeline;
    }

    private static string? StageName(Pipeline? pipeline, StageId id) => pipeline?.Stages.FirstOrDefault(s => s.Id == id)?.Name;

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string? Format(Instant? instant) => instant is { } value ? Format(value) : null;
}
