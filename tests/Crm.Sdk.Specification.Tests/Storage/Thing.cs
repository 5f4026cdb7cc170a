using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <summary>A test document of <see cref="ConformanceSchema.Things"/> with its index values.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The <c>name</c> index.</param>
/// <param name="Code">The unique <c>code</c> index.</param>
/// <param name="Tags">The multi-valued <c>tags</c> index.</param>
/// <param name="Emails">The unique multi-valued <c>emails</c> index.</param>
/// <param name="Amount">The Number <c>amount</c> index.</param>
/// <param name="Rank">The WholeNumber <c>rank</c> index.</param>
/// <param name="Owner">The Uuid <c>owner</c> index.</param>
/// <param name="OccurredAt">The WholeNumber <c>occurred_at</c> index.</param>
public sealed record Thing(
    Guid Id,
    string? Name = null,
    string? Code = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Emails = null,
    decimal? Amount = null,
    long? Rank = null,
    Guid? Owner = null,
    long? OccurredAt = null)
{
    /// <summary>A thing with a fresh id and no index values.</summary>
    /// <returns>The thing.</returns>
    public static Thing New() => new(Guid.NewGuid());

    /// <summary>The document body: the thing as JSON.</summary>
    [JsonIgnore]
    public string Body => JsonSerializer.Serialize(this);

    /// <summary>The index values, for the <c>things</c> collection of <see cref="ConformanceSchema.Initial"/>.</summary>
    /// <returns>The values, as a mapping would extract them.</returns>
    public IndexValues Indexes() => Indexes(ConformanceSchema.InitialThings);

    /// <summary>The index values, for a given definition of the <c>things</c> collection.</summary>
    /// <param name="collection">The definition whose index order the values follow.</param>
    /// <returns>The values, as a mapping would extract them.</returns>
    public IndexValues Indexes(CollectionDefinition collection) => new IndexValues(collection)
        .Set("name", Name)
        .Set("code", Code)
        .SetMany("tags", Tags ?? [])
        .SetMany("emails", Emails ?? [])
        .Set("amount", Amount)
        .Set("rank", Rank)
        .Set("owner", Owner)
        .Set("occurred_at", OccurredAt);

    /// <summary>The write that inserts this thing.</summary>
    /// <returns>The write.</returns>
    public DocumentWrite Insert() => DocumentWrite.Insert(ConformanceSchema.Things, Id, Body, Indexes());

    /// <summary>The write that replaces the stored thing with this one.</summary>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <returns>The write.</returns>
    public DocumentWrite Update(long expectedVersion) => DocumentWrite.Update(ConformanceSchema.Things, Id, expectedVersion, Body, Indexes());

    /// <summary>The write that deletes this thing.</summary>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <returns>The write.</returns>
    public DocumentWrite Delete(long expectedVersion) => DocumentWrite.Delete(ConformanceSchema.Things, Id, expectedVersion);
}
