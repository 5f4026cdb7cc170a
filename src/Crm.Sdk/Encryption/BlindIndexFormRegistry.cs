using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The blind-index forms (<see cref="BlindIndexForm"/>) that customer documents of this database may have been indexed
/// in: one document of collection <c>store_keys</c>, id <see cref="FixedDocumentId.Of"/>(<c>"blind-index-forms"</c>),
/// <c>{"purpose":"blind-index-forms","forms":["bi2:idx-1:32.32.24",…],"updatedAt":…}</c>. Every process adds its current
/// form when it starts, so after a change of key or length the lookups of every later start also compute the older forms;
/// <see cref="IEncryptionMaintenance.RefreshBlindIndexesAsync"/> resets it to the current form once every customer is
/// re-indexed. It holds no secret: key ids and lengths only.
/// </summary>
internal static class BlindIndexFormRegistry
{
    public const string Purpose = "blind-index-forms";

    private const int MaxAttempts = 5;

    private static Guid Id { get; } = FixedDocumentId.Of(Purpose);

    /// <summary>Adds <paramref name="current"/> to the registry if it is missing, and returns every registered form.</summary>
    public static async Task<IReadOnlyList<BlindIndexForm>> RegisterAsync(IDocumentStore provider, BlindIndexForm current, IClock clock, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await provider.GetAsync(StoreKeyMapping.CollectionName, Id, cancellationToken).ConfigureAwait(false);
            var forms = stored is null ? [] : Read(stored);
            if (forms.Contains(current))
            {
                return forms;
            }

            List<BlindIndexForm> updated = [.. forms, current];
            try
            {
                await provider.CommitAsync([Write(stored, updated, clock)], cancellationToken).ConfigureAwait(false);
                return updated;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateKeyException && attempt < MaxAttempts)
            {
                // Another process registered its form meanwhile: read again.
            }
        }
    }

    /// <summary>Makes <paramref name="current"/> the only registered form (every customer is indexed in it).</summary>
    public static async Task ResetAsync(IDocumentStore provider, BlindIndexForm current, IClock clock, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await provider.GetAsync(StoreKeyMapping.CollectionName, Id, cancellationToken).ConfigureAwait(false);
            if (stored is not null && Read(stored) is [var only] && only == current)
            {
                return;
            }

            try
            {
                await provider.CommitAsync([Write(stored, [current], clock)], cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateKeyException && attempt < MaxAttempts)
            {
                // Changed meanwhile: read again.
            }
        }
    }

    private static List<BlindIndexForm> Read(StoredDocument document) =>
        [.. CrmJson.Deserialize<FormsDocument>(document.Body, StoreKeyMapping.CollectionName).Forms.Select(BlindIndexForm.Parse).OfType<BlindIndexForm>().Distinct()];

    private static DocumentWrite Write(StoredDocument? stored, List<BlindIndexForm> forms, IClock clock)
    {
        var body = CrmJson.Serialize(new FormsDocument(Purpose, [.. forms.Select(f => f.ToString())], clock.GetCurrentInstant()));
        var indexes = new IndexValues(StoreKeyMapping.Collection);
        return stored is null
            ? DocumentWrite.Insert(StoreKeyMapping.CollectionName, Id, body, indexes)
            : DocumentWrite.Update(StoreKeyMapping.CollectionName, Id, stored.Version, body, indexes);
    }

    /// <summary>The stored shape of the registry.</summary>
    /// <param name="Purpose">Always <see cref="BlindIndexFormRegistry.Purpose"/>.</param>
    /// <param name="Forms">The forms, as <see cref="BlindIndexForm.ToString"/> writes them.</param>
    /// <param name="UpdatedAt">When it last changed.</param>
    internal sealed record FormsDocument(string Purpose, List<string> Forms, Instant UpdatedAt);
}
