namespace Crm.Sdk.Storage;

/// <summary>What a <see cref="DocumentWrite"/> does.</summary>
public enum DocumentWriteKind
{
    /// <summary>Adds a new document at version 1; fails with <see cref="DuplicateKeyException"/> if the id exists.</summary>
    Insert,

    /// <summary>Replaces a document whose version is the expected one, and increments the version; else <see cref="ConcurrencyConflictException"/>.</summary>
    Update,

    /// <summary>Removes a document whose version is the expected one; else <see cref="ConcurrencyConflictException"/>.</summary>
    Delete,

    /// <summary>
    /// Adds a document copied from another store, keeping the version it had there
    /// (<see cref="DocumentWrite.Import"/>); fails with <see cref="DuplicateKeyException"/> if the id exists.
    /// </summary>
    Import,
}
