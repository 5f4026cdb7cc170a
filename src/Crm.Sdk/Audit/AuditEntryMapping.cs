using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Audit;

/// <summary>
/// The audit trail's storage: collection <c>audit_entries</c> (one document per entry, indexed by sequence, record ids,
/// actor and time) and collection <c>audit_head</c> (one document: the chain head and the prune anchor, updated at an
/// expected version in the same transaction as the entries it covers, which serializes concurrent writers), and the
/// canonical encoding hashed into each entry (see <see cref="IAuditTrail"/>).
/// </summary>
internal sealed class AuditEntryMapping : IDocumentMapping<AuditEntry>
{
    public const string CollectionName = "audit_entries";
    public const string HeadCollectionName = "audit_head";
    public const string SequenceIndex = "sequence";
    public const string RecordIdsIndex = "record_ids";
    public const string ActorIdIndex = "actor_id";
    public const string AtIndex = "at";

    /// <summary>The actor id recorded when no actor was set.</summary>
    public const string NoActor = "(none)";

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const string EncodingTag = "crm.audit.v1";

    private AuditEntryMapping()
    {
    }

    public static AuditEntryMapping Instance { get; } = new();

    public static Guid HeadId { get; } = FixedDocumentId.Of("audit-chain-head");

    public static CollectionDefinition Definition { get; } = new(
        CollectionName,
        [
            new IndexDefinition(SequenceIndex, IndexValueType.WholeNumber),
            new IndexDefinition(RecordIdsIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(ActorIdIndex, IndexValueType.Text),
            new IndexDefinition(AtIndex, IndexValueType.WholeNumber),
        ]);

    public static CollectionDefinition HeadDefinition { get; } = new(HeadCollectionName, []);

    public CollectionDefinition Collection => Definition;

    public string EntityName => "AuditEntry";

    /// <summary>The SHA-256 of the entry's canonical encoding (its own <see cref="AuditEntry.Hash"/> is not part of it), lower-case hex.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        AppendText(hash, EncodingTag);
        BinaryPrimitives.WriteInt64BigEndian(number, entry.Sequence);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, entry.At.ToUnixTimeTicks());
        hash.AppendData(number);
        AppendText(hash, entry.ActorId);
        AppendText(hash, entry.Action.ToString());
        AppendText(hash, entry.Resource.ToString());
        AppendText(hash, entry.Outcome.ToString());
        AppendCount(hash, entry.RecordIds.Count);
        foreach (var id in entry.RecordIds)
        {
            AppendText(hash, id.ToString("D", CultureInfo.InvariantCulture));
        }

        AppendCount(hash, entry.Fields.Count);
        foreach (var field in entry.Fields)
        {
            AppendText(hash, field);
        }

        AppendText(hash, entry.PreviousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Creates the entry that follows <paramref name="previousHash"/> at <paramref name="sequence"/>, hashed.</summary>
    public static AuditEntry Create(long sequence, Instant committed, string previousHash, AuditDraft draft)
    {
        var at = draft.At ?? committed;
        var entry = new AuditEntry(
            Guid.CreateVersion7(at.ToDateTimeOffset()),
            sequence,
            at,
            draft.ActorId,
            draft.Action,
            draft.Resource,
            draft.Outcome,
            draft.RecordIds,
            draft.Fields,
            previousHash,
            string.Empty);
        return entry with { Hash = ComputeHash(entry) };
    }

    public static DocumentWrite ToWrite(AuditEntry entry) =>
        DocumentWrite.Insert(CollectionName, entry.Id, Serialize(entry), IndexesOf(entry));

    public static string Serialize(AuditEntry entry) => CrmJson.Serialize(new AuditEntryDocument(
        entry.Sequence,
        entry.At,
        entry.ActorId,
        entry.Action.ToString(),
        entry.Resource.ToString(),
        entry.Outcome.ToString(),
        entry.RecordIds,
        entry.Fields,
        entry.PreviousHash,
        entry.Hash));

    public static IndexValues IndexesOf(AuditEntry entry) => new IndexValues(Definition)
        .Set(SequenceIndex, entry.Sequence)
        .SetMany(RecordIdsIndex, entry.RecordIds.Select(RecordKey))
        .Set(ActorIdIndex, entry.ActorId)
        .Set(AtIndex, IndexConversions.ToIndex(entry.At));

    public static string RecordKey(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public static AuditEntry Read(StoredDocument document)
    {
        var stored = CrmJson.Deserialize<AuditEntryDocument>(document.Body, CollectionName);
        return new AuditEntry(
            document.Id,
            stored.Sequence,
            stored.At,
            stored.ActorId ?? string.Empty,
            Enum.TryParse<AuditAction>(stored.Action, out var action) ? action : 0,
            Enum.TryParse<CrmResource>(stored.Resource, out var resource) ? resource : 0,
            Enum.TryParse<AuditOutcome>(stored.Outcome, out var outcome) ? outcome : 0,
            stored.RecordIds ?? [],
            stored.Fields ?? [],
            stored.PreviousHash ?? string.Empty,
            stored.Hash ?? string.Empty);
    }

    public static AuditHeadDocument ReadHead(StoredDocument? document) =>
        document is null ? AuditHeadDocument.Empty : CrmJson.Deserialize<AuditHeadDocument>(document.Body, HeadCollectionName);

    public static DocumentWrite HeadWrite(StoredDocument? current, AuditHeadDocument head)
    {
        var body = CrmJson.Serialize(head);
        return current is null
            ? DocumentWrite.Insert(HeadCollectionName, HeadId, body, new IndexValues(HeadDefinition))
            : DocumentWrite.Update(HeadCollectionName, HeadId, current.Version, body, new IndexValues(HeadDefinition));
    }

    public AuditEntry Deserialize(StoredDocument document, FieldProtector protector) => Read(document);

    public Guid GetId(AuditEntry aggregate) => aggregate.Id;

    public Guid? GetOwnerId(AuditEntry aggregate) => null;

    public long GetVersion(AuditEntry aggregate) => 1;

    public void SetVersion(AuditEntry aggregate, long version) => throw new NotSupportedException("Audit entries are never changed.");

    public string Serialize(AuditEntry aggregate, FieldProtector protector) => Serialize(aggregate);

    public IndexValues GetIndexValues(AuditEntry aggregate, FieldProtector protector) => IndexesOf(aggregate);

    public bool TryGetClaim(AuditEntry aggregate, string index, out object? value)
    {
        value = null;
        return false;
    }

    private static void AppendCount(IncrementalHash hash, int count)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, count);
        hash.AppendData(bytes);
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendCount(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    /// <summary>The stored shape of an entry.</summary>
    internal sealed record AuditEntryDocument(
        long Sequence,
        Instant At,
        string? ActorId,
        string? Action,
        string? Resource,
        string? Outcome,
        IReadOnlyList<Guid>? RecordIds,
        IReadOnlyList<string>? Fields,
        string? PreviousHash,
        string? Hash);
}

/// <summary>The chain head and the prune anchor (the last pruned entry, or the genesis).</summary>
/// <param name="Sequence">The last entry's sequence (0 when none was written).</param>
/// <param name="Hash">The last entry's hash.</param>
/// <param name="At">When the last entry was written.</param>
/// <param name="AnchorSequence">The last pruned entry's sequence (0 before any prune).</param>
/// <param name="AnchorHash">The last pruned entry's hash (the genesis hash before any prune).</param>
internal sealed record AuditHeadDocument(long Sequence, string Hash, Instant? At, long AnchorSequence, string AnchorHash)
{
    public static AuditHeadDocument Empty { get; } = new(0, AuditEntryMapping.GenesisHash, null, 0, AuditEntryMapping.GenesisHash);

    public AuditChainHead ToChainHead() => new(Sequence, Hash, At);
}

/// <summary>An entry to append: everything but its place in the chain.</summary>
internal sealed record AuditDraft(string ActorId, AuditAction Action, CrmResource Resource, AuditOutcome Outcome, IReadOnlyList<Guid> RecordIds, IReadOnlyList<string> Fields)
{
    /// <summary>When it happened, if not at the commit that writes the entry (a read whose entry waited).</summary>
    public Instant? At { get; init; }
}
