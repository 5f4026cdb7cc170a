namespace Crm.Sdk.Storage;

/// <summary>
/// Calls into a storage provider: an exception the SDK does not already type (a driver's, an I/O error) becomes a
/// <see cref="CrmStorageException"/> that says what was being done; the message is built only on failure.
/// </summary>
internal static class ProviderCalls
{
    public static async Task<TResult> GuardAsync<TResult>(Func<Task<TResult>> action, string failed, string what)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw Wrap(ex, failed, what);
        }
    }

    public static async Task GuardAsync(Func<Task> action, string failed, string what)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw Wrap(ex, failed, what);
        }
    }

    /// <summary>Whether an exception is the provider's own, not one the SDK or the caller already typed.</summary>
    public static bool IsUnexpected(Exception ex) => ex is not (CrmException or OperationCanceledException or ArgumentException);

    /// <summary>The storage error for a provider's exception, e.g. "The storage provider failed while reading …: …".</summary>
    public static CrmStorageException Wrap(Exception ex, string failed, string what) => new($"{failed} while {what}: {ex.Message}", ex);
}
