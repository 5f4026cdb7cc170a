namespace Crm.Sdk.ProviderKit.Migration;

/// <summary>What a <see cref="CrmStoreMigration"/> copied.</summary>
/// <param name="Collections">The number of documents copied per collection, in the order they were copied.</param>
public sealed record MigrationResult(IReadOnlyList<KeyValuePair<string, long>> Collections)
{
    /// <summary>The number of documents copied in all.</summary>
    public long TotalDocuments => Collections.Sum(c => c.Value);

    /// <summary>The number of documents copied from one collection (0 for a collection not copied).</summary>
    /// <param name="collection">The collection name, for example <c>customers</c>.</param>
    /// <returns>The count.</returns>
    public long CountOf(string collection) => Collections.FirstOrDefault(c => c.Key == collection).Value;
}
