namespace Crm.Sdk.Duplicates;

/// <summary>
/// An undo of a merge was refused because a record it would restore changed after the merge (the survivor, or an
/// interaction, deal or ticket it re-pointed, was updated or deleted; or the merged-away id is in use again). Nothing was
/// written: undoing would lose that later change. Resolve by hand (the journal is kept).
/// </summary>
public sealed class MergeConflictException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="mergeId">The merge.</param>
    /// <param name="collection">The collection of the changed record (<c>customers</c>, <c>interactions</c>, <c>deals</c>, <c>tickets</c>).</param>
    /// <param name="recordId">The changed record.</param>
    /// <param name="message">The message.</param>
    public MergeConflictException(Guid mergeId, string collection, Guid recordId, string message)
        : base(message)
    {
        MergeId = mergeId;
        Collection = collection;
        RecordId = recordId;
    }

    /// <summary>The merge that could not be undone.</summary>
    public Guid MergeId { get; }

    /// <summary>The collection of the record that changed since the merge.</summary>
    public string Collection { get; }

    /// <summary>The record that changed since the merge.</summary>
    public Guid RecordId { get; }
}
