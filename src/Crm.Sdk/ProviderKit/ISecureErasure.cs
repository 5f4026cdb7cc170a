namespace Crm.Sdk.ProviderKit;

/// <summary>
/// Implemented by providers that can make sure deleted or overwritten content no longer lingers in the database's own
/// files (free pages, a write-ahead log). The SDK calls it after erasing a customer.
/// </summary>
public interface ISecureErasure
{
    /// <summary>Scrubs content deleted or overwritten so far from the database files.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="true"/> when the content is gone from the files; <see langword="false"/> when part of it could not be
    /// scrubbed yet (for example a reader still holds an older snapshot): call again later.
    /// </returns>
    Task<bool> PurgeDeletedContentAsync(CancellationToken cancellationToken);
}
