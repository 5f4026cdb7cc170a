namespace Crm.Sdk.ProviderKit;

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

    /// <summary>
    /// Checks that a document exists at this point of the batch and writes nothing (<see cref="DocumentWrite.Require"/>);
    /// else <see cref="EntityNotFoundException"/> naming the collection and id, and the whole batch rolls back. The provider
    /// also keeps the document from being deleted by another transaction until the batch commits.
    /// </summary>
    Require,

    /// <summary>
    /// Removes every document that matches <see cref="DocumentWrite.Filter"/> at this point of the batch, with all its index
    /// values, without a version check (<see cref="DocumentWrite.DeleteWhere"/>); matching nothing is not an error.
    /// </summary>
    DeleteWhere,
}
