namespace Crm.Sdk;

/// <summary>
/// Thrown when a record changed (or was deleted) since the caller read it. Nothing was written;
/// read the record again, re-apply the change and retry.
/// </summary>
public sealed class ConcurrencyConflictException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityType">The kind of record, for example <c>customers</c>.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="expectedVersion">The version the caller had.</param>
    /// <param name="actualVersion">The version stored now, or <see langword="null"/> when the record no longer exists.</param>
    public ConcurrencyConflictException(string entityType, string id, long expectedVersion, long? actualVersion)
        : base(actualVersion is null
            ? $"{entityType} '{id}' was expected at version {expectedVersion} but no longer exists."
            : $"{entityType} '{id}' was expected at version {expectedVersion} but is at version {actualVersion}: it was changed by someone else.")
    {
        EntityType = entityType;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The kind of record.</summary>
    public string EntityType { get; }

    /// <summary>The record's id.</summary>
    public string Id { get; }

    /// <summary>The version the caller had.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored now, or <see langword="null"/> when the record no longer exists.</summary>
    public long? ActualVersion { get; }
}
