namespace Crm.Sdk.ProviderKit.Migration;

/// <summary>How far a <see cref="CrmStoreMigration"/> got, reported after every committed batch.</summary>
/// <param name="Collection">The collection being copied, for example <c>customers</c>.</param>
/// <param name="CollectionNumber">Its position among the collections copied, from 1.</param>
/// <param name="CollectionCount">How many collections are copied in all.</param>
/// <param name="Copied">Documents of this collection copied so far.</param>
/// <param name="Expected">Documents the collection held when its copy started (a hint for a progress bar).</param>
/// <param name="TotalCopied">Documents of all collections copied so far.</param>
public sealed record MigrationProgress(string Collection, int CollectionNumber, int CollectionCount, long Copied, long Expected, long TotalCopied);
