using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <summary>
/// What a storage provider supplies to enroll in the conformance suite: isolated databases, a way to open a second
/// store on the same database, and the registration that plugs the provider into <c>AddCrm</c>.
/// </summary>
/// <remarks>One fixture instance serves one test class (<c>IClassFixture</c>); every test asks it for its own database.</remarks>
public abstract class StoreFixture : IDisposable
{
    /// <summary>A short name of the provider, for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Creates an empty database named <paramref name="databaseName"/> and a store over it (no schema yet).</summary>
    /// <param name="databaseName">A name from <see cref="NewDatabaseName"/>.</param>
    /// <returns>The store.</returns>
    public abstract Task<IDocumentStore> CreateStoreAsync(string databaseName);

    /// <summary>
    /// Opens a new store instance over the existing database <paramref name="databaseName"/>, as a restarted process would
    /// (the caller has released the earlier instance with <see cref="ReleaseStoreAsync"/> when testing a reopen).
    /// </summary>
    /// <param name="databaseName">A database created by <see cref="CreateStoreAsync"/>.</param>
    /// <returns>The store.</returns>
    public abstract Task<IDocumentStore> ReopenStoreAsync(string databaseName);

    /// <summary>Plugs the provider, over the database <paramref name="databaseName"/>, into a Crm.Sdk registration.</summary>
    /// <param name="builder">The builder returned by <c>services.AddCrm()</c>.</param>
    /// <param name="databaseName">A name from <see cref="NewDatabaseName"/>.</param>
    public abstract void UseProvider(CrmBuilder builder, string databaseName);

    /// <summary>A database name no other test uses: lower-case letters, digits and underscores.</summary>
    /// <param name="hint">A readable part, for example the test name, or <see langword="null"/>.</param>
    /// <returns>The name.</returns>
    public virtual string NewDatabaseName(string? hint = null)
    {
        var readable = new string((hint ?? "db").ToLowerInvariant().Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)).Take(20).ToArray());
        return $"crm_{readable}_{Guid.NewGuid():N}";
    }

    /// <summary>Releases a store (its connections and file handles); disposes it when it is disposable.</summary>
    /// <param name="store">The store.</param>
    /// <returns>A task that completes when the store is released.</returns>
    public virtual async ValueTask ReleaseStoreAsync(IDocumentStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>Deletes what the fixture created.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes what the fixture created.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
